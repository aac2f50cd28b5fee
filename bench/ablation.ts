/**
 * npm run bench:ablation: what each pipeline choice buys, measured on the train splits of the three
 * Braun et al. corpora only (their test splits are never read here), by two protocols:
 *   LOO    leave-one-out cross-validation, temperature/threshold/domain rule chosen on the same folds (cvTune)
 *   halves 10 rounds of stratified half splits (train on one half, label the other), no rejection rules:
 *          training on half a tiny split is closer to the real test and separates variants that LOO ties
 * Prints one row per variant: the pipeline as it grew, then the final pipeline with one thing changed.
 *   --only NAME[,NAME]   run only these variants      --no-loo   skip the (slower) leave-one-out column
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { BRAUN_CORPORA, Corpus, cvTune, DEFAULT_PIPELINE, naturalDefaultPredict, PipelineSettings, readCorpus, repeatedHalves } from './corpus';
import { crossValidate, scorePredictions } from '../src/nlu/evaluation';
import { FeatureOptions, WORD_FEATURE_OPTIONS } from '../src/nlu/features';
import { CORPORA_DIR } from '../src/cli/evaluate';
import { NATURAL_SCORING, ScoringOptions } from '../src/nlu/naiveBayes';

/** The pipeline as this table's rows grew it, before the scoring options (natural's estimate, every block weighted 1). */
const final: PipelineSettings = { ...DEFAULT_PIPELINE, scoring: NATURAL_SCORING };
const withF = (f: Partial<FeatureOptions>, base: PipelineSettings = final): PipelineSettings => ({
  ...base,
  featureOptions: { ...base.featureOptions, ...f },
});
const coreBot: PipelineSettings = { ...final, smoothing: 0.01, featureOptions: WORD_FEATURE_OPTIONS };

export const VARIANTS: Array<{ name: string; what: string; settings: PipelineSettings }> = [
  {
    name: 'core-bot',
    what: 'the core bot: all words kept, contractions, typos, Porter stems, bigrams, first word, balanced, smoothing 0.01',
    settings: coreBot,
  },
  { name: '+smoothing-0.3', what: 'core bot with smoothing 0.3', settings: { ...coreBot, smoothing: 0.3 } },
  { name: '+chars-3-5', what: '+ character 3-5-grams within words (= the pipeline before the scoring options)', settings: final },
  { name: 'final-s0.01', what: 'final, smoothing 0.01', settings: { ...final, smoothing: 0.01 } },
  { name: 'final-s0.1', what: 'final, smoothing 0.1', settings: { ...final, smoothing: 0.1 } },
  { name: 'final-s1', what: 'final, smoothing 1 (natural default)', settings: { ...final, smoothing: 1 } },
  { name: 'final-no-bigrams', what: 'final without bigrams', settings: withF({ bigrams: false }) },
  { name: 'final-no-first', what: 'final without the first-word feature', settings: withF({ firstWord: false }) },
  { name: 'final-unbalanced', what: 'final without class balancing (natural priors = class frequencies)', settings: { ...final, balance: false } },
  { name: 'final-no-typos', what: 'final without typo correction', settings: withF({ typoCorrection: false }) },
  { name: 'final-lancaster', what: 'final with the Lancaster stemmer', settings: withF({ stemmer: 'lancaster' }) },
  { name: 'final-no-stem', what: 'final without stemming', settings: withF({ stemmer: 'none' }) },
  { name: 'final-chars-2-4', what: 'final with character 2-4-grams', settings: withF({ charNgrams: { min: 2, max: 4 } }) },
  { name: 'final-chars-3-4', what: 'final with character 3-4-grams', settings: withF({ charNgrams: { min: 3, max: 4 } }) },
  { name: 'final-chars-3-6', what: 'final with character 3-6-grams', settings: withF({ charNgrams: { min: 3, max: 6 } }) },
  {
    name: 'final-chars-content',
    what: 'final, n-grams for content words only',
    settings: withF({ charNgrams: { min: 3, max: 5, contentWordsOnly: true } }),
  },
  { name: 'final-words-x2', what: 'final, word features counted twice', settings: withF({ wordWeight: 2 }) },
  { name: 'final-number-shapes', what: 'final, numbers as shapes', settings: withF({ numberShapes: true }) },
  // How natural's counts are scored (ScoringOptions): block weights, idf, length normalisation, other estimates, priors.
  ...SCORING_VARIANTS(),
];

function SCORING_VARIANTS(): Array<{ name: string; what: string; settings: PipelineSettings }> {
  const sc = (scoring: ScoringOptions, extra: Partial<PipelineSettings> = {}): PipelineSettings => ({
    ...final,
    ...extra,
    scoring: { ...final.scoring, ...scoring },
  });
  return [
    { name: 'chosen', what: 'the pipeline now (DEFAULT_PIPELINE)', settings: DEFAULT_PIPELINE },
    { name: 'sc-c0.25', what: 'character-n-gram block weighted 0.25', settings: sc({ blockWeights: { c: 0.25 } }) },
    { name: 'sc-c0.5', what: 'character-n-gram block weighted 0.5', settings: sc({ blockWeights: { c: 0.5 } }) },
    { name: 'sc-c0.75', what: 'character-n-gram block weighted 0.75', settings: sc({ blockWeights: { c: 0.75 } }) },
    { name: 'sc-b0.5', what: 'bigram block weighted 0.5', settings: sc({ blockWeights: { b: 0.5 } }) },
    { name: 'sc-f0', what: 'first-word block weighted 0', settings: sc({ blockWeights: { f: 0 } }) },
    { name: 'sc-idf', what: 'every feature weighted by idf', settings: sc({ idf: true }) },
    { name: 'sc-mean', what: 'each block averaged over its features in the message', settings: sc({ blockMean: true }) },
    { name: 'sc-multi-s0.3', what: 'Boolean multinomial NB per block, smoothing 0.3', settings: sc({ estimate: 'multinomial' }) },
    { name: 'sc-multi-s1', what: 'Boolean multinomial NB per block, smoothing 1', settings: sc({ estimate: 'multinomial' }, { smoothing: 1 }) },
    { name: 'sc-multi-s0.1', what: 'Boolean multinomial NB per block, smoothing 0.1', settings: sc({ estimate: 'multinomial' }, { smoothing: 0.1 }) },
    {
      name: 'sc-multi-unbal',
      what: 'Boolean multinomial NB, unbalanced, uniform prior',
      settings: sc({ estimate: 'multinomial', prior: 'uniform' }, { balance: false }),
    },
    { name: 'sc-complement', what: 'Complement NB, smoothing 0.3', settings: sc({ estimate: 'complement' }) },
    { name: 'sc-complement-s1', what: 'Complement NB, smoothing 1', settings: sc({ estimate: 'complement' }, { smoothing: 1 }) },
    { name: 'sc-complement-unbal', what: 'Complement NB, unbalanced', settings: sc({ estimate: 'complement' }, { balance: false }) },
    { name: 'sc-bernoulli', what: 'Bernoulli NB (absent features count), smoothing 0.3', settings: sc({ estimate: 'bernoulli' }) },
    { name: 'sc-bernoulli-s1', what: 'Bernoulli NB, smoothing 1', settings: sc({ estimate: 'bernoulli' }, { smoothing: 1 }) },
    { name: 'sc-bernoulli-s0.1', what: 'Bernoulli NB, smoothing 0.1', settings: sc({ estimate: 'bernoulli' }, { smoothing: 0.1 }) },
    {
      name: 'sc-complement-c0.5',
      what: 'Complement NB, character block weighted 0.5',
      settings: sc({ estimate: 'complement', blockWeights: { c: 0.5 } }),
    },
    { name: 'sc-complement-s0.1', what: 'Complement NB, smoothing 0.1', settings: sc({ estimate: 'complement' }, { smoothing: 0.1 }) },
    { name: 'cnb-c0.25', what: 'Complement NB, character block 0.25', settings: sc({ estimate: 'complement', blockWeights: { c: 0.25 } }) },
    { name: 'cnb-c0.75', what: 'Complement NB, character block 0.75', settings: sc({ estimate: 'complement', blockWeights: { c: 0.75 } }) },
    {
      name: 'cnb-c0.5-s0.1',
      what: 'Complement NB, character block 0.5, smoothing 0.1',
      settings: sc({ estimate: 'complement', blockWeights: { c: 0.5 } }, { smoothing: 0.1 }),
    },
    {
      name: 'cnb-c0.5-s1',
      what: 'Complement NB, character block 0.5, smoothing 1',
      settings: sc({ estimate: 'complement', blockWeights: { c: 0.5 } }, { smoothing: 1 }),
    },
    {
      name: 'cnb-c0.5-idf',
      what: 'Complement NB, character block 0.5, idf',
      settings: sc({ estimate: 'complement', blockWeights: { c: 0.5 }, idf: true }),
    },
    {
      name: 'cnb-c0.5-norm',
      what: 'Complement NB, character block 0.5, weights normalised',
      settings: sc({ estimate: 'complement', blockWeights: { c: 0.5 }, normalizeWeights: true }),
    },
    {
      name: 'cnb-c0.5-unbal',
      what: 'Complement NB, character block 0.5, unbalanced',
      settings: sc({ estimate: 'complement', blockWeights: { c: 0.5 } }, { balance: false }),
    },
    { name: 'sc-c0.6', what: 'character-n-gram block weighted 0.6', settings: sc({ blockWeights: { c: 0.6 } }) },
    { name: 'sc-c0.1', what: 'character-n-gram block weighted 0.1', settings: sc({ blockWeights: { c: 0.1 } }) },
    { name: 'sc-c0.4', what: 'character-n-gram block weighted 0.4', settings: sc({ blockWeights: { c: 0.4 } }) },
    { name: 'sc-cs1', what: 'character n-grams smoothed 1 (words 0.3)', settings: sc({ blockSmoothing: { c: 1 } }) },
    { name: 'sc-cs0.1', what: 'character n-grams smoothed 0.1 (words 0.3)', settings: sc({ blockSmoothing: { c: 0.1 } }) },
    {
      name: 'sc-ws0.1',
      what: 'word, bigram, first-word features smoothed 0.1 (characters 0.3)',
      settings: sc({ blockSmoothing: { w: 0.1, b: 0.1, f: 0.1 } }),
    },
    { name: 'sc-c0.5-b0.5', what: 'character and bigram blocks weighted 0.5', settings: sc({ blockWeights: { c: 0.5, b: 0.5 } }) },
    { name: 'final-chars-stems', what: 'final, character n-grams from stems', settings: withF({ charNgrams: { min: 3, max: 5, fromStems: true } }) },
    { name: 'sc-unbal-uniform', what: 'natural estimate, unbalanced, uniform prior', settings: sc({ prior: 'uniform' }, { balance: false }) },
  ];
}

const f3 = (x: number) => x.toFixed(3);

function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
  const loo = !args.includes('--no-loo');
  const corpora: Corpus[] = BRAUN_CORPORA.map((n) => join(CORPORA_DIR, `${n}.simple.json`))
    .filter((p) => existsSync(p))
    .map((p) => ({ ...readCorpus(p), test: [] })); // the test splits are never looked at here
  if (corpora.length === 0) throw new Error(`no corpora in ${CORPORA_DIR}`);
  const names = corpora.map((c) => c.name.replace('Corpus', '').replace('WebApplications', 'WebApps'));
  console.log('Accuracy (= micro-F1 with None as a class) on the train splits only');
  console.log(
    `| variant | ${loo ? names.map((n) => `LOO ${n}`).join(' | ') + ' | LOO pooled | ' : ''}${names.map((n) => `halves ${n}`).join(' | ')} | halves pooled |`,
  );
  console.log(`|---|${'---|'.repeat((loo ? 4 : 0) + 4)}`);
  const pooled = (xs: Array<{ correct: number; total: number }>) => xs.reduce((s, x) => s + x.correct, 0) / xs.reduce((s, x) => s + x.total, 0);
  if (!only || only.has('natural-default')) {
    const looRows = loo ? corpora.map((c) => scorePredictions(crossValidate(c.train, 'loo', naturalDefaultPredict))) : [];
    const cells = loo ? [...looRows.map((r) => f3(r.accuracy)), f3(pooled(looRows))] : [];
    console.log(`| natural-default | ${[...cells, ...names.map(() => '-'), '-'].join(' | ')} |`);
  }
  for (const v of VARIANTS) {
    if (only && !only.has(v.name)) continue;
    const looRows = loo ? corpora.map((c) => cvTune(c.train, v.settings)) : [];
    const halves = corpora.map((c) =>
      repeatedHalves(c.train, { ...v.settings, calibration: { ...v.settings.calibration, threshold: 0, domainRule: false } }),
    );
    const cells = [
      ...(loo ? [...looRows.map((r) => f3(r.accuracy)), f3(pooled(looRows))] : []),
      ...halves.map((h) => f3(h.correct / h.total)),
      f3(pooled(halves)),
    ];
    console.log(`| ${v.name} | ${cells.join(' | ')} |`);
  }
}

if (require.main === module) main();
