/**
 * npm run bench:corpus -- --corpus FILE [--json OUT]: the bot's pipeline on a public corpus (`*.simple.json`,
 * `{ name, train: [{text, intent}], test: [...] }`): trains on its train split (calibration by leave-one-out CV on
 * that split), scores its test split, prints the figures, writes reports/<corpus>.md and .html, and with --json the
 * figures as JSON. Research, not the product: the clinic's own evaluation is npm run evaluate (src/cli/evaluate.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatScores, scorePredictions } from '../src/nlu/evaluation';
import type { Scores } from '../src/nlu/evaluation';
import { REPORTS_DIR } from '../src/cli/evaluate';
import { writeReports } from '../src/cli/report';
import { Corpus, CorpusPrediction, cvTune, DEFAULT_PIPELINE, PipelineSettings, predictCorpus, readCorpus, trainCorpusModel } from './corpus';

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
    summary: [
      `trained on the ${corpus.train.length} train utterances, scored on the ${corpus.test.length} test utterances`,
      settingsLine,
      "None counts as a class; the recognizer's own rejections predict None",
    ],
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
  const file = argValue(args, '--corpus');
  if (!file) {
    console.error('usage: npm run bench:corpus -- --corpus FILE [--json OUT]');
    process.exitCode = 2;
    return;
  }
  mainCorpus(file, argValue(args, '--json'));
}

if (require.main === module) main();
