/**
 * npm run bench:ablation: what each pipeline choice buys, by leave-one-out cross-validation on the
 * train splits of the three Braun et al. corpora only (the test splits are not read), with the
 * temperature and threshold searched on the same folds. Prints one row per variant.
 *   --only NAME[,NAME]   run only these variants
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { BRAUN_CORPORA, Corpus, cvTune, DEFAULT_PIPELINE, naturalDefaultPredict, PipelineSettings, readCorpus } from '../nlu/corpus';
import { crossValidate, scorePredictions } from '../nlu/evaluation';
import { WORD_FEATURE_OPTIONS } from '../nlu/features';
import { CORPORA_DIR } from './evaluate';

const word: PipelineSettings = { ...DEFAULT_PIPELINE, featureOptions: WORD_FEATURE_OPTIONS };
const chars = (min: number, max: number): PipelineSettings => ({ ...word, featureOptions: { ...WORD_FEATURE_OPTIONS, charNgrams: { min, max } } });
const c35 = chars(3, 5);
const withF = (base: PipelineSettings, f: Partial<PipelineSettings['featureOptions']>): PipelineSettings => ({ ...base, featureOptions: { ...base.featureOptions, ...f } });

export const VARIANTS: Array<{ name: string; what: string; settings: PipelineSettings }> = [
  { name: 'words', what: 'all words kept, Porter stems, bigrams, first word, smoothing 0.01, balanced', settings: word },
  { name: 'words-s1', what: 'as words, smoothing 1 (natural default)', settings: { ...word, smoothing: 1 } },
  { name: 'words-nobigram', what: 'as words, no bigrams', settings: withF(word, { bigrams: false }) },
  { name: 'words-nofirst', what: 'as words, no first-word feature', settings: withF(word, { firstWord: false }) },
  { name: 'words-unbalanced', what: 'as words, no class balancing (empirical priors)', settings: { ...word, balance: false } },
  { name: 'words-lancaster', what: 'as words, Lancaster stemmer', settings: withF(word, { stemmer: 'lancaster' }) },
  { name: 'chars35', what: 'words + character 3-5-grams', settings: c35 },
  { name: 'chars24', what: 'words + character 2-4-grams', settings: chars(2, 4) },
  { name: 'chars34', what: 'words + character 3-4-grams', settings: chars(3, 4) },
  { name: 'chars36', what: 'words + character 3-6-grams', settings: chars(3, 6) },
  { name: 'chars35-w2', what: 'chars35, word features counted twice', settings: withF(c35, { wordWeight: 2 }) },
  { name: 'chars35-w3', what: 'chars35, word features counted three times', settings: withF(c35, { wordWeight: 3 }) },
  { name: 'chars35-num', what: 'chars35, numbers as shapes', settings: withF(c35, { numberShapes: true }) },
  { name: 'chars35-nobigram', what: 'chars35 without bigrams', settings: withF(c35, { bigrams: false }) },
  { name: 'chars35-lancaster', what: 'chars35, Lancaster stemmer', settings: withF(c35, { stemmer: 'lancaster' }) },
  { name: 'chars35-s0.1', what: 'chars35, smoothing 0.1', settings: { ...c35, smoothing: 0.1 } },
  { name: 'chars35-s0.001', what: 'chars35, smoothing 0.001', settings: { ...c35, smoothing: 0.001 } },
  { name: 'chars35-s1', what: 'chars35, smoothing 1', settings: { ...c35, smoothing: 1 } },
  ...[0.03, 0.3, 0.5].map((sm) => ({ name: `chars35-s${sm}`, what: `chars35, smoothing ${sm}`, settings: { ...c35, smoothing: sm } })),
  ...[0.1, 0.3, 1].map((sm) => ({ name: `chars35-nob-s${sm}`, what: `chars35 without bigrams, smoothing ${sm}`, settings: { ...withF(c35, { bigrams: false }), smoothing: sm } })),
  ...[0.1, 0.3, 1].map((sm) => ({ name: `chars36-s${sm}`, what: `chars36, smoothing ${sm}`, settings: { ...chars(3, 6), smoothing: sm } })),
  ...[0.3, 1].map((sm) => ({ name: `chars35-w2-s${sm}`, what: `chars35 words twice, smoothing ${sm}`, settings: { ...withF(c35, { wordWeight: 2 }), smoothing: sm } })),
  { name: 'c35-s0.3-content', what: 'chars35 s0.3, n-grams for content words only', settings: { ...withF(c35, { charNgrams: { min: 3, max: 5, contentWordsOnly: true } }), smoothing: 0.3 } },
  { name: 'c35-s0.3-len5', what: 'chars35 s0.3, n-grams for words of 5+ letters', settings: { ...withF(c35, { charNgrams: { min: 3, max: 5, minWordLength: 5 } }), smoothing: 0.3 } },
  { name: 'c35-s0.1-content', what: 'chars35 s0.1, n-grams for content words only', settings: { ...withF(c35, { charNgrams: { min: 3, max: 5, contentWordsOnly: true } }), smoothing: 0.1 } },
  { name: 'c35-s0.01-content', what: 'chars35 s0.01, n-grams for content words only', settings: { ...withF(c35, { charNgrams: { min: 3, max: 5, contentWordsOnly: true } }), smoothing: 0.01 } },
  { name: 'chars35-unbalanced', what: 'chars35, no class balancing', settings: { ...c35, balance: false } },
];

function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
  const corpora: Corpus[] = BRAUN_CORPORA.map((n) => join(CORPORA_DIR, `${n}.simple.json`))
    .filter((p) => existsSync(p))
    .map((p) => ({ ...readCorpus(p), test: [] })); // the test splits are never looked at here
  if (corpora.length === 0) throw new Error(`no corpora in ${CORPORA_DIR}`);
  const header = ['variant'.padEnd(20), ...corpora.map((c) => c.name.slice(0, 10).padStart(11)), '     pooled', '  calibration (T/threshold per corpus)'].join('');
  console.log('Leave-one-out CV accuracy (= micro-F1 with None as a class) on the train splits');
  console.log(header);
  if (!only || only.has('natural')) {
    const rows = corpora.map((c) => scorePredictions(crossValidate(c.train, 'loo', naturalDefaultPredict)));
    const pooled = rows.reduce((s, r) => s + r.correct, 0) / rows.reduce((s, r) => s + r.total, 0);
    console.log(['natural-default'.padEnd(20), ...rows.map((r) => r.accuracy.toFixed(3).padStart(11)), pooled.toFixed(3).padStart(11)].join(''));
  }
  for (const v of VARIANTS) {
    if (only && !only.has(v.name)) continue;
    const started = Date.now();
    const rows = corpora.map((c) => cvTune(c.train, v.settings));
    const pooled = rows.reduce((s, r) => s + r.correct, 0) / rows.reduce((s, r) => s + r.total, 0);
    const cal = rows.map((r) => `${r.settings.calibration.temperature}/${r.settings.calibration.threshold}`).join(' ');
    console.log([v.name.padEnd(20), ...rows.map((r) => r.accuracy.toFixed(3).padStart(11)), pooled.toFixed(3).padStart(11), `  ${cal}  (${((Date.now() - started) / 1000).toFixed(0)} s)`].join(''));
  }
}

if (require.main === module) main();
