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
 * The same pipeline on a public corpus is research, not the product: npm run bench:corpus -- --corpus FILE
 * (bench/evaluateCorpus.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../config';
import { loadKnowledge } from '../knowledge/load';
import { Knowledge } from '../knowledge/types';
import { createClinicRecognizer, trainClinicModel } from '../nlu/clinic';
import { crossValidate, formatScores, LabelledText, Prediction, scorePredictions } from '../nlu/evaluation';
import { Calibration, DEFAULT_CALIBRATION } from '../nlu/model';
import { IntentRecognizer, NONE_INTENT, Recognition } from '../nlu/recognizer';
import { writeReports } from './report';
import { readIntentTsv } from '../teach/gate';

const OOS = 'out_of_scope';
export const HELDOUT_PATH = join(PROJECT_ROOT, 'test', 'heldout', 'clinic-paraphrases.tsv');

export type { LabelledText };
export const CORPORA_DIR = join(PROJECT_ROOT, '..', 'shared', 'nlu-corpora');
export const CLINC_PATH = join(CORPORA_DIR, 'clinc-oos.json');
export const REPORTS_DIR = join(PROJECT_ROOT, 'reports');

export function readTsv(path: string): LabelledText[] {
  return readIntentTsv(path);
}

/** What the bot does with a message, as a label: declining (None or out_of_scope) counts as out_of_scope. */
export function decisionLabel(r: Recognition): string {
  return r.intent === NONE_INTENT ? OOS : r.intent;
}

function predict(
  knowledge: Knowledge,
  train: LabelledText[],
  test: LabelledText[],
  calibration: Calibration,
): Array<Prediction & { r: Recognition; text: string }> {
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

/**
 * `--offtopic FILE`: a JSON Lines file of off-topic messages ({"id", "text"}), each of which the bot should decline; prints
 * how many were declined and the ids of the rest, never their text (an unread set stays unread).
 */
function offTopicFigures(knowledge: Knowledge, file: string | undefined): void {
  if (!file || !existsSync(file)) {
    console.error('usage: node dist/src/cli/evaluate.js --offtopic FILE.jsonl');
    process.exitCode = 2;
    return;
  }
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string });
  const recognizer = createClinicRecognizer(knowledge, trainClinicModel(knowledge));
  const accepted = lines.filter((l) => decisionLabel(recognizer.recognize(l.text)) !== OOS).map((l) => l.id);
  console.log(`${file}: ${lines.length - accepted.length} of ${lines.length} declined, ${accepted.length} accepted`);
  console.log(`accepted ids: ${accepted.join(' ')}`);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--corpus')) {
    console.error('public corpora are evaluated by the research scripts: npm run bench:corpus -- --corpus FILE [--json OUT]');
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir);
  const offTopic = args.indexOf('--offtopic');
  if (offTopic >= 0) {
    offTopicFigures(knowledge, args[offTopic + 1]);
    return;
  }
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
  if (valRate !== undefined)
    console.log(`CLINC150 oos_val declined: ${(valRate * 100).toFixed(1)}% of ${clinc!.oos_val.length} (oos_test: npm run bench:nlu)`);
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
      console.log(
        `  ${p.expected} -> ${p.predicted} (${p.r.reason}, ${p.r.score.toFixed(2)}; ${p.r.alternatives.map((a) => `${a.intent} ${a.score.toFixed(2)}`).join(', ')}): ${p.text}`,
      );
    }
  }
}

if (require.main === module) main();
