/**
 * npm run bench:variants: pipeline variants for the Braun et al. corpora, chosen honestly. For every variant it
 * prints first what chooses, the leave-one-out CV accuracy pooled over the three train splits (cvTune, the
 * rejection rules tuned on the same folds), and only then, for the record, what the test splits say (the same
 * training as bench:nlu). A variant is picked on the first column; the second is never used to choose.
 *   --only NAME[,NAME]   run only these variants       --no-test   train splits only (CV column)
 *   --errors             list each variant's CV errors on the train splits (what to look at when choosing what to try)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORPORA_DIR } from '../src/cli/evaluate';
import { crossValidate, scorePredictions } from '../src/nlu/evaluation';
import { FeatureOptions } from '../src/nlu/features';
import { DEFAULT_SCORING, ScoringOptions } from '../src/nlu/naiveBayes';
import { NONE_INTENT } from '../src/nlu/recognizer';
import { registerSnowball } from '../src/nlu/stem';
import { nlpjsStemmer } from './nlpjs';
import { BRAUN_CORPORA, Corpus, cvTune, DEFAULT_PIPELINE, PipelineSettings, predictCorpus, readCorpus, trainCorpusModel } from './corpus';

export interface Variant {
  name: string;
  what: string;
  settings: PipelineSettings;
}

/** The pipeline on main before this work: naive Bayes scoring (every variant below changes one thing of it). */
const base: PipelineSettings = { ...DEFAULT_PIPELINE, scoring: DEFAULT_SCORING };
const sc = (scoring: ScoringOptions, extra: Partial<PipelineSettings> = {}): PipelineSettings => ({
  ...base,
  ...extra,
  scoring: { ...base.scoring, ...scoring },
});
const perWord = (c: number, scoring: ScoringOptions = {}): PipelineSettings => ({
  ...sc({ ...scoring, blockWeights: { ...base.scoring?.blockWeights, c } }),
  featureOptions: { ...base.featureOptions, charNgrams: { min: 3, max: 5, perWord: true } },
});

/** The variants of issue #12's intent model work (docs/understanding.md, "The intent model beside NLP.js"). */
export const VARIANTS: Variant[] = [
  { name: 'default', what: 'the pipeline on main (character block 0.25, balanced, smoothing 0.3)', settings: base },
  { name: 'chosen', what: 'the corpora pipeline now (DEFAULT_PIPELINE: views-0.5)', settings: DEFAULT_PIPELINE },
  { name: 'perword-0.5', what: "each word's n-grams share a weight of 0.5 word", settings: perWord(0.5) },
  { name: 'perword-1', what: "each word's n-grams share one word's weight", settings: perWord(1) },
  { name: 'perword-2', what: "each word's n-grams share two words' weight", settings: perWord(2) },
  { name: 'perword-3', what: "each word's n-grams share three words' weight", settings: perWord(3) },
  { name: 'spread-0.5', what: 'features weighted down by the share of intents using them, by half', settings: sc({ spread: 0.5 }) },
  { name: 'spread-1', what: 'features weighted down by the share of intents using them, fully', settings: sc({ spread: 1 }) },
  { name: 'spread-0.25', what: 'features weighted down by the share of intents using them, by a quarter', settings: sc({ spread: 0.25 }) },
  { name: 'spread-0.75', what: 'features weighted down by the share of intents using them, by three quarters', settings: sc({ spread: 0.75 }) },
  { name: 'shrink-12', what: "each intent's rates shrunk toward the corpus rate, 12 pseudo-examples", settings: sc({ shrink: 12 }) },
  { name: 'shrink-12-spread-0.5', what: 'shrink 12 and spread 0.5', settings: sc({ shrink: 12, spread: 0.5 }) },
  { name: 'shrink-3-spread-0.5', what: 'shrink 3 and spread 0.5', settings: sc({ shrink: 3, spread: 0.5 }) },
  ...[0.1, 0.01, 0.001, 0.0001].flatMap((l2) =>
    [100, 300, 1000].flatMap((epochs) =>
      [0.5, 2].map((rate) => ({
        name: `nbsvm-l2-${l2}-e${epochs}${rate === 0.5 ? '' : `-r${rate}`}`,
        what: `NBSVM weights on the log-count ratios, L2 ${l2} toward naive Bayes, ${epochs} steps of ${rate}`,
        settings: sc({ nbsvm: { l2, epochs, rate } }),
      })),
    ),
  ),
  ...[0.3, 0.1].map((alpha) => ({
    name: `nbsvm-l2-0.001-e300-a${alpha}`,
    what: `NBSVM as nbsvm-l2-0.001-e300, ratios smoothed ${alpha}`,
    settings: sc({ nbsvm: { l2: 0.001, epochs: 300, alpha } }),
  })),
  ...[0.00001, 0].flatMap((l2) =>
    [1000, 3000].flatMap((epochs) =>
      [2, 8].map((rate) => ({
        name: `nbsvm-l2-${l2}-e${epochs}-r${rate}`,
        what: `NBSVM weights on the log-count ratios, L2 ${l2} toward naive Bayes, ${epochs} steps of ${rate}`,
        settings: sc({ nbsvm: { l2, epochs, rate } }),
      })),
    ),
  ),
  ...[100, 300].map((epochs) => ({
    name: `nbsvm-l2-0-e${epochs}-r8`,
    what: `NBSVM weights on the log-count ratios, no L2, ${epochs} steps of 8`,
    settings: sc({ nbsvm: { l2: 0, epochs, rate: 8 } }),
  })),
  {
    name: 'nbsvm-l2-0-e1000-r8-c0.1',
    what: 'NBSVM, no L2, 1000 steps of 8, character block 0.1',
    settings: sc({ nbsvm: { l2: 0, epochs: 1000, rate: 8 }, blockWeights: { c: 0.1 } }),
  },
  {
    name: 'nbsvm-l2-0-e1000-r8-s1',
    what: 'NBSVM, no L2, 1000 steps of 8, smoothing 1',
    settings: sc({ nbsvm: { l2: 0, epochs: 1000, rate: 8 } }, { smoothing: 1 }),
  },
  { name: 'nbsvm-l2-0.0001-e3000-r8', what: 'NBSVM, L2 0.0001, 3000 steps of 8', settings: sc({ nbsvm: { l2: 0.0001, epochs: 3000, rate: 8 } }) },
  {
    name: 'nbsvm-l2-0.0001-e1000-r2-spread-0.5',
    what: 'NBSVM as nbsvm-l2-0.0001-e1000-r2, features weighted by spread 0.5',
    settings: sc({ nbsvm: { l2: 0.0001, epochs: 1000, rate: 2 }, spread: 0.5 }),
  },
  {
    name: 'nbsvm-l2-0.0001-e1000-r2-unbal',
    what: 'NBSVM as nbsvm-l2-0.0001-e1000-r2, no class balancing',
    settings: sc({ nbsvm: { l2: 0.0001, epochs: 1000, rate: 2 } }, { balance: false }),
  },
  {
    name: 'nbsvm-l2-0.0001-e1000-r2-c0.5',
    what: 'NBSVM as nbsvm-l2-0.0001-e1000-r2, character block 0.5',
    settings: sc({ nbsvm: { l2: 0.0001, epochs: 1000, rate: 2 }, blockWeights: { c: 0.5 } }),
  },
  {
    name: 'nbsvm-l2-0.0001-e1000-r2-c0.1',
    what: 'NBSVM as nbsvm-l2-0.0001-e1000-r2, character block 0.1',
    settings: sc({ nbsvm: { l2: 0.0001, epochs: 1000, rate: 2 }, blockWeights: { c: 0.1 } }),
  },
  {
    name: 'nbsvm-l2-0.001-e300-c1',
    what: 'NBSVM as nbsvm-l2-0.001-e300, character block weighted 1',
    settings: sc({ nbsvm: { l2: 0.001, epochs: 300 }, blockWeights: { c: 1 } }),
  },
  { name: 'refine-1', what: 'discriminative frequency estimate, 1 pass', settings: sc({ refine: 1 }) },
  { name: 'refine-3', what: 'discriminative frequency estimate, 3 passes', settings: sc({ refine: 3 }) },
  { name: 'refine-10', what: 'discriminative frequency estimate, 10 passes', settings: sc({ refine: 10 }) },
  ...ROUND_THREE(),
];

/**
 * The third round (docs/understanding.md): what the table above had not tried. Each changes one thing of the corpora
 * pipeline as the round began (`nbsvm-l2-0-e1000-r8`), except complement NB for tiny intents, which only exists for naive Bayes scoring (NBSVM replaces
 * the tables) and so changes one thing of `default`.
 */
function ROUND_THREE(): Variant[] {
  // The corpora pipeline when this round began (nbsvm-l2-0-e1000-r8); views-0.5 then replaced it.
  const roundTwo = sc({ nbsvm: { l2: 0, epochs: 1000, rate: 8 } });
  const onChosen = (scoring: ScoringOptions, features: Partial<FeatureOptions> = {}): PipelineSettings => ({
    ...roundTwo,
    featureOptions: { ...roundTwo.featureOptions, ...features },
    scoring: { ...roundTwo.scoring, ...scoring },
  });
  return [
    ...[1, 2].map((senses) => ({
      name: `synsets-${senses}`,
      what: `nbsvm-l2-0-e1000-r8 + each content word's first ${senses} WordNet sense(s) per part of speech as features (synonyms share them)`,
      settings: onChosen({}, { synsets: senses }),
    })),
    {
      name: 'synsets-1-s0.5',
      what: 'nbsvm-l2-0-e1000-r8 + first WordNet sense per part of speech, that block weighted 0.5',
      settings: onChosen({ blockWeights: { ...DEFAULT_PIPELINE.scoring?.blockWeights, s: 0.5 } }, { synsets: 1 }),
    },
    ...[3, 5, 8].map((below) => ({
      name: `cnb-tiny-${below}`,
      what: `default + complement estimate for intents with fewer than ${below} training examples`,
      settings: sc({ complementTiny: { below } }),
    })),
    ...[0.15, 0.3, 0.4, 0.5, 0.7, 0.85, 1].map((words) => ({
      name: `views-${words}`,
      what: `nbsvm-l2-0-e1000-r8 as two NBSVMs, words and character n-grams, product of probabilities with words ^ ${words}`,
      settings: onChosen({ views: { words } }),
    })),
    {
      name: 'activation',
      what: 'nbsvm-l2-0-e1000-r8 + NLP.js activation: an intent sharing no word with the message cannot win (None spared)',
      settings: onChosen({ activation: { except: [NONE_INTENT] } }),
    },
    ...[0.5, 1, 2].map((weight) => ({
      name: `unknown-${weight}`,
      what: `nbsvm-l2-0-e1000-r8 + NLP.js "None" feature: each unknown word adds ${weight} x 1.2^k to None`,
      settings: onChosen({ unknownWords: { intent: NONE_INTENT, weight } }),
    })),
    { name: 'fold-accents', what: 'nbsvm-l2-0-e1000-r8 + accents stripped as NLP.js normalises', settings: onChosen({}, { foldAccents: true }) },
    {
      name: 'views-0.5-activation',
      what: 'views-0.5 + NLP.js activation',
      settings: onChosen({ views: { words: 0.5 }, activation: { except: [NONE_INTENT] } }),
    },
    { name: 'views-0.5-fold-accents', what: 'views-0.5 + accents stripped', settings: onChosen({ views: { words: 0.5 } }, { foldAccents: true }) },
    {
      name: 'views-0.5-synsets-1',
      what: 'views-0.5 + first WordNet sense per part of speech',
      settings: onChosen({ views: { words: 0.5 } }, { synsets: 1 }),
    },
    { name: 'lemmas', what: "nbsvm-l2-0-e1000-r8 + each content word's WordNet lemma as a feature", settings: onChosen({}, { lemmas: true }) },
    {
      name: 'snowball',
      what: "nbsvm-l2-0-e1000-r8 with NLP.js's English stemmer (Snowball) for the word features",
      settings: onChosen({}, { stemmer: 'snowball' }),
    },
    { name: 'activation-default', what: 'default (naive Bayes) + NLP.js activation', settings: sc({ activation: { except: [NONE_INTENT] } }) },
  ];
}

const pooled = (xs: Array<{ correct: number; total: number }>) => {
  const correct = xs.reduce((s, x) => s + x.correct, 0);
  const total = xs.reduce((s, x) => s + x.total, 0);
  return { correct, total, text: `${((correct / total) * 100).toFixed(2)}% (${correct}/${total})` };
};

/** The variant's CV errors on one train split, with the settings cvTune chose. */
function cvErrors(corpus: Corpus, settings: PipelineSettings): string[] {
  const tuned = cvTune(corpus.train, settings).settings;
  return crossValidate(corpus.train, 'loo', (tr, te) => predictCorpus(trainCorpusModel(tr, tuned), te))
    .filter((p) => p.expected !== p.predicted)
    .map((p) => `    ${corpus.name}: "${p.text}" ${p.expected} -> ${p.predicted} (${p.r.score.toFixed(2)})`);
}

function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
  const withTest = !args.includes('--no-test');
  const corpora = BRAUN_CORPORA.map((n) => join(CORPORA_DIR, `${n}.simple.json`)).filter((p) => existsSync(p));
  if (corpora.length !== BRAUN_CORPORA.length) throw new Error(`the Braun corpora are not all in ${CORPORA_DIR}`);
  const read = corpora.map(readCorpus);
  const snowball = nlpjsStemmer();
  if (snowball) registerSnowball(snowball);
  console.log(`| variant | train LOO CV pooled (chooses) | ${withTest ? 'test pooled (after choosing) | per corpus |' : ''} what |`);
  console.log(`|---|---|${withTest ? '---|---|' : ''}---|`);
  for (const v of VARIANTS) {
    if (only && !only.has(v.name)) continue;
    const tuned = read.map((c) => cvTune(c.train, v.settings));
    const cv = pooled(tuned);
    // The test figure trains exactly as bench:nlu (evaluateCorpus) does: on the train split, with the settings CV chose.
    const test = withTest ? read.map((c, i) => scorePredictions(predictCorpus(trainCorpusModel(c.train, tuned[i].settings), c.test))) : [];
    const testCells = withTest ? `${pooled(test).text} | ${test.map((s) => s.correct).join(' / ')} | ` : '';
    console.log(`| ${v.name} | ${cv.text} | ${testCells}${v.what} |`);
    if (args.includes('--errors')) for (const c of read) console.log(cvErrors(c, v.settings).join('\n'));
  }
}

if (require.main === module) main();
