/**
 * npm run evaluate: how well the clinic recognizer understands questions.
 *  1. 5-fold cross-validation over the training utterances in knowledge/intents.
 *  2. The held-out paraphrases in test/heldout/clinic-paraphrases.tsv, written separately and never trained on.
 *  3. CLINC150's oos_val utterances (../shared/nlu-corpora/clinc-oos.json): how many the clinic model declines.
 * Prints per-intent precision/recall/F1, the confusion matrix, and out-of-scope figures, and writes
 * reports/clinic-heldout.md and .html (confusion matrix as a heat map).
 *   --tune   also searches calibration settings by cross-validation on the training utterances only.
 *   --errors lists the held-out mistakes.
 *
 * npm run evaluate -- --corpus FILE [--json OUT]: the same pipeline on a public corpus (`*.simple.json`):
 * trains on its train split (calibration by leave-one-out CV on that split), scores its test split, prints
 * the figures, writes reports/<corpus>.md and .html, and with --json the figures as JSON.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../config';
import { loadKnowledge } from '../knowledge/load';
import { Knowledge } from '../knowledge/types';
import { createClinicRecognizer, trainClinicModel } from '../nlu/clinic';
import { crossValidate, formatScores, Prediction, scorePredictions } from '../nlu/evaluation';
import { Calibration, DEFAULT_CALIBRATION } from '../nlu/model';
import { IntentRecognizer, NONE_INTENT, Recognition } from '../nlu/recognizer';
import { Corpus, CorpusPrediction, cvTune, DEFAULT_PIPELINE, LabelledText, PipelineSettings, predictCorpus, readCorpus, trainCorpusModel } from '../nlu/corpus';
import { writeReports } from '../nlu/report';
import type { Scores } from '../nlu/evaluation';

const OOS = 'out_of_scope';
export const HELDOUT_PATH = join(PROJECT_ROOT, 'test', 'heldout', 'clinic-paraphrases.tsv');

export type { LabelledText };
export const CORPORA_DIR = join(PROJECT_ROOT, '..', 'shared', 'nlu-corpora');
export const CLINC_PATH = join(CORPORA_DIR, 'clinc-oos.json');
export const REPORTS_DIR = join(PROJECT_ROOT, 'reports');

export function readTsv(path: string): LabelledText[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [intent, text] = line.split('\t');
      return { intent: intent.trim(), text: (text ?? '').trim() };
    });
}

/** What the bot does with a message, as a label: declining (None or out_of_scope) counts as out_of_scope. */
export function decisionLabel(r: Recognition): string {
  return r.intent === NONE_INTENT ? OOS : r.intent;
}

function predict(knowledge: Knowledge, train: LabelledText[], test: LabelledText[], calibration: Calibration): Array<Prediction & { r: Recognition; text: string }> {
  const model = trainClinicModel({ ...knowledge, training: train }, calibration);
  const recognizer = createClinicRecognizer(knowledge, model);
  return test.map((t) => {
    const r = recognizer.recognize(t.text);
    return { expected: t.intent, predicted: decisionLabel(r), r, text: t.text };
  });
}

export function outOfScopeFigures(predictions: Prediction[]) {
  const oos = predictions.filter((p) => p.expected === OOS);
  const inScope = predictions.filter((p) => p.expected !== OOS);
  return {
    oosTotal: oos.length,
    oosRecall: oos.filter((p) => p.predicted === OOS).length / Math.max(1, oos.length),
    inScopeTotal: inScope.length,
    wronglyDeclined: inScope.filter((p) => p.predicted === OOS).length / Math.max(1, inScope.length),
  };
}

function tune(knowledge: Knowledge): Calibration {
  // Calibration is searched on cross-validation over the training utterances only; the held-out file is never looked at.
  let best = { calibration: DEFAULT_CALIBRATION, accuracy: -1 };
  for (const temperature of [1, 2, 3, 4, 6, 8]) {
    const raw = crossValidate(knowledge.training, 5, (train, test) =>
      predict(knowledge, train, test, { ...DEFAULT_CALIBRATION, temperature, threshold: 0, clarifyMargin: 0 }),
    );
    for (const threshold of [0.2, 0.3, 0.4, 0.45, 0.5, 0.6]) {
      const preds = raw.map((p) => ({
        expected: p.expected,
        predicted: p.r.score < threshold && p.r.intent !== OOS && p.r.reason !== 'no_domain_words' && p.r.conditions.length === 0 ? OOS : p.predicted,
      }));
      const accuracy = scorePredictions(preds).accuracy;
      if (accuracy > best.accuracy) best = { calibration: { ...DEFAULT_CALIBRATION, temperature, threshold }, accuracy };
    }
  }
  console.log(`tuned on training cross-validation: ${JSON.stringify(best.calibration)} (CV accuracy ${(best.accuracy * 100).toFixed(1)}%)`);
  return best.calibration;
}

export interface CorpusResult {
  corpus: string;
  settings: PipelineSettings;
  /** Leave-one-out CV accuracy on the train split with the chosen settings. */
  cvAccuracy: number;
  scores: Scores;
  predictions: CorpusPrediction[];
  /** Milliseconds per test utterance (recognition only). */
  msPerUtterance: number;
}

/** Trains the pipeline on a corpus's train split (settings by CV on it) and scores its test split. */
export function evaluateCorpus(corpus: Corpus, base: PipelineSettings = DEFAULT_PIPELINE): CorpusResult {
  const tuned = cvTune(corpus.train, base);
  const model = trainCorpusModel(corpus.train, tuned.settings);
  const started = process.hrtime.bigint();
  const predictions = predictCorpus(model, corpus.test);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    corpus: corpus.name,
    settings: tuned.settings,
    cvAccuracy: tuned.accuracy,
    scores: scorePredictions(predictions),
    predictions,
    msPerUtterance: ms / Math.max(1, corpus.test.length),
  };
}

/** The --json shape: { corpus, total, correct, accuracy, microF1, perIntent: { name: { precision, recall, f1, support } } }. */
export function corpusJson(result: Pick<CorpusResult, 'corpus' | 'scores'>) {
  const s = result.scores;
  return { corpus: result.corpus, total: s.total, correct: s.correct, accuracy: s.accuracy, microF1: s.microF1, perIntent: s.perIntent };
}

/** Share of the utterances the recognizer declines (intent None or out_of_scope). */
export function declineRate(recognizer: IntentRecognizer, utterances: string[]): number {
  const declined = utterances.filter((t) => decisionLabel(recognizer.recognize(t)) === OOS).length;
  return declined / Math.max(1, utterances.length);
}

export function readClinc(path = CLINC_PATH): { oos_val: string[]; oos_test: string[] } | undefined {
  if (!existsSync(path)) return undefined;
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  return { oos_val: raw.oos_val, oos_test: raw.oos_test };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

function mainCorpus(file: string, jsonOut: string | undefined): void {
  const corpus = readCorpus(resolve(file));
  const r = evaluateCorpus(corpus);
  const c = r.settings.calibration;
  const settingsLine = `temperature ${c.temperature}, threshold ${c.threshold}, domain-word rule ${c.domainRule === false ? 'off' : 'on'} (leave-one-out CV on train: ${(r.cvAccuracy * 100).toFixed(1)}%), smoothing ${r.settings.smoothing}`;
  console.log(`${corpus.name}: trained on ${corpus.train.length} train utterances; ${settingsLine}`);
  console.log(formatScores(`${corpus.name} test split (${corpus.test.length})`, r.scores));
  console.log(`\nmicro-F1 ${r.scores.microF1.toFixed(3)} (${r.scores.correct}/${r.scores.total}), ${r.msPerUtterance.toFixed(2)} ms per utterance`);
  const paths = writeReports(REPORTS_DIR, {
    name: corpus.name,
    title: `${corpus.name}: intent recognition on the test split`,
    summary: [`trained on the ${corpus.train.length} train utterances, scored on the ${corpus.test.length} test utterances`, settingsLine, 'None counts as a class; the recognizer\'s own rejections predict None'],
    scores: r.scores,
    errors: r.predictions.filter((p) => p.expected !== p.predicted),
  });
  console.log(`reports: ${paths.markdown}, ${paths.html}`);
  if (jsonOut) {
    const out = resolve(jsonOut);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(corpusJson(r), null, 2) + '\n');
    console.log(`json: ${out}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const corpusFile = argValue(args, '--corpus');
  if (corpusFile) return mainCorpus(corpusFile, argValue(args, '--json'));
  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir);
  const calibration = args.includes('--tune') ? tune(knowledge) : DEFAULT_CALIBRATION;

  const cv = crossValidate(knowledge.training, 5, (train, test) => predict(knowledge, train, test, calibration));
  console.log(formatScores(`Cross-validation (5-fold, ${knowledge.training.length} training utterances)`, scorePredictions(cv)));

  const heldout = readTsv(HELDOUT_PATH);
  const preds = predict(knowledge, knowledge.training, heldout, calibration);
  const scores = scorePredictions(preds);
  console.log('');
  console.log(formatScores(`Held-out paraphrases (${heldout.length}, never trained on)`, scores));
  const oos = outOfScopeFigures(preds);
  const clarified = preds.filter((p) => p.r.reason === 'ambiguous').length;
  console.log('');
  console.log(`held-out intent accuracy: ${(scores.accuracy * 100).toFixed(1)}% (${scores.correct}/${scores.total})`);
  console.log(`out-of-scope recall: ${(oos.oosRecall * 100).toFixed(1)}% of ${oos.oosTotal} declined`);
  console.log(`in-scope wrongly declined: ${(oos.wronglyDeclined * 100).toFixed(1)}% of ${oos.inScopeTotal}`);
  console.log(`asked to clarify: ${clarified} of ${preds.length}`);
  const clinc = readClinc();
  const recognizer = createClinicRecognizer(knowledge, trainClinicModel(knowledge, calibration));
  const valRate = clinc ? declineRate(recognizer, clinc.oos_val) : undefined;
  if (valRate !== undefined) console.log(`CLINC150 oos_val declined: ${(valRate * 100).toFixed(1)}% of ${clinc!.oos_val.length} (oos_test: npm run bench:nlu)`);
  const paths = writeReports(REPORTS_DIR, {
    name: 'clinic-heldout',
    title: 'Clinic bot: held-out paraphrases',
    summary: [
      `${heldout.length} held-out paraphrases, never trained on; declining (None or out_of_scope) counts as out_of_scope`,
      `out-of-scope recall ${(oos.oosRecall * 100).toFixed(1)}% of ${oos.oosTotal}; in-scope wrongly declined ${(oos.wronglyDeclined * 100).toFixed(1)}% of ${oos.inScopeTotal}`,
      `5-fold cross-validation on the training questions: ${(scorePredictions(cv).accuracy * 100).toFixed(1)}%`,
      ...(valRate !== undefined ? [`CLINC150 oos_val declined: ${(valRate * 100).toFixed(1)}%`] : []),
    ],
    scores,
    errors: preds.filter((p) => p.expected !== p.predicted),
  });
  console.log(`reports: ${paths.markdown}, ${paths.html}`);
  if (args.includes('--errors')) {
    console.log('\nerrors:');
    for (const p of preds.filter((x) => x.expected !== x.predicted)) {
      console.log(`  ${p.expected} -> ${p.predicted} (${p.r.reason}, ${p.r.score.toFixed(2)}; ${p.r.alternatives.map((a) => `${a.intent} ${a.score.toFixed(2)}`).join(', ')}): ${p.text}`);
    }
  }
}

if (require.main === module) main();
