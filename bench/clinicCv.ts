/**
 * npm run bench:clinic-cv: the clinic model's calibration, measured without the held-out file.
 * 5-fold cross-validation over knowledge/intents (intent accuracy, in-scope questions wrongly declined,
 * out_of_scope examples declined) and CLINC150's oos_val declined by the model trained on all of
 * knowledge/intents, for a grid of thresholds and foreign-word shares. oos_test and test/heldout/ are
 * never read here: thresholds are chosen on these figures, oos_test is reported once by bench:nlu.
 *   --temperatures 1,2,4  --thresholds 0.3,0.4  --shares 0.5,0.67,1  --biases -5,0,5   the grid (defaults: the current calibration)
 *   --smoothing S  --scoring JSON   train with other settings than the clinic's
 */
import { loadConfig } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import { Knowledge } from '../src/knowledge/types';
import { createClinicRecognizer, trainClinicModel } from '../src/nlu/clinic';
import { crossValidate, LabelledText, scorePredictions } from '../src/nlu/evaluation';
import { Calibration, DEFAULT_CALIBRATION } from '../src/nlu/model';
import { decisionLabel, declineRate, outOfScopeFigures, readClinc } from '../src/cli/evaluate';

const p1 = (x: number) => `${(x * 100).toFixed(1)}%`;

type Overrides = Parameters<typeof trainClinicModel>[2];

export function clinicCv(knowledge: Knowledge, calibration: Calibration, overrides: Overrides = {}) {
  const preds = crossValidate(knowledge.training, 5, (train: LabelledText[], test: LabelledText[]) => {
    const recognizer = createClinicRecognizer(knowledge, trainClinicModel({ ...knowledge, training: train }, calibration, overrides));
    return test.map((t) => ({ expected: t.intent, predicted: decisionLabel(recognizer.recognize(t.text)) }));
  });
  return { accuracy: scorePredictions(preds).accuracy, ...outOfScopeFigures(preds) };
}

function list(args: string[], name: string, fallback: number[]): number[] {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1].split(',').map(Number);
}

function main(): void {
  const args = process.argv.slice(2);
  const knowledge = loadKnowledge(loadConfig().knowledgeDir);
  const clinc = readClinc();
  const temperatures = list(args, '--temperatures', [DEFAULT_CALIBRATION.temperature]);
  const thresholds = list(args, '--thresholds', [DEFAULT_CALIBRATION.threshold]);
  const shares = list(args, '--shares', [DEFAULT_CALIBRATION.foreignShare ?? 1]);
  const biases = list(args, '--biases', [DEFAULT_CALIBRATION.outOfScopeBias ?? 0]);
  const overrides: Overrides = {
    ...(args.includes('--smoothing') ? { smoothing: Number(args[args.indexOf('--smoothing') + 1]) } : {}),
    ...(args.includes('--scoring') ? { scoring: JSON.parse(args[args.indexOf('--scoring') + 1]) } : {}),
  };
  console.log(
    `| temperature | threshold | foreign share | out-of-scope bias | CV accuracy | CV in-scope wrongly declined | CV out_of_scope declined | CLINC oos_val declined |`,
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const temperature of temperatures) {
    for (const threshold of thresholds) {
      for (const [foreignShare, outOfScopeBias] of shares.flatMap((s) => biases.map((b) => [s, b]))) {
        const calibration = { ...DEFAULT_CALIBRATION, temperature, threshold, foreignShare, outOfScopeBias };
        const cv = clinicCv(knowledge, calibration, overrides);
        const val = clinc ? declineRate(createClinicRecognizer(knowledge, trainClinicModel(knowledge, calibration, overrides)), clinc.oos_val) : NaN;
        console.log(
          `| ${temperature} | ${threshold} | ${foreignShare} | ${outOfScopeBias} | ${p1(cv.accuracy)} | ${p1(cv.wronglyDeclined)} of ${cv.inScopeTotal} | ${p1(cv.oosRecall)} of ${cv.oosTotal} | ${p1(val)} |`,
        );
      }
    }
  }
}

if (require.main === module) main();
