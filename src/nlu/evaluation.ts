/**
 * Scoring for intent classification: per-intent precision/recall/F1, micro-F1, confusion matrix,
 * and k-fold cross-validation. Pure functions so the figures can be checked by hand in tests.
 */

/** A training or test utterance with the intent it should get. */
export interface LabelledText {
  text: string;
  intent: string;
}

export interface Prediction {
  expected: string;
  predicted: string;
}

export interface IntentFigures {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  total: number;
  correct: number;
  accuracy: number;
  /** Micro-averaged F1 over all classes, the rejection class counted as a class. With one label per item it equals accuracy. */
  microF1: number;
  macroF1: number;
  perIntent: Record<string, IntentFigures>;
  /** confusion[expected][predicted] = count */
  confusion: Record<string, Record<string, number>>;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function scorePredictions(predictions: Prediction[]): Scores {
  const labels = new Set<string>();
  const confusion: Record<string, Record<string, number>> = {};
  for (const { expected, predicted } of predictions) {
    labels.add(expected);
    labels.add(predicted);
    confusion[expected] ??= {};
    confusion[expected][predicted] = (confusion[expected][predicted] ?? 0) + 1;
  }
  const perIntent: Record<string, IntentFigures> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const label of [...labels].sort()) {
    const t = predictions.filter((p) => p.expected === label && p.predicted === label).length;
    const predictedAs = predictions.filter((p) => p.predicted === label).length;
    const support = predictions.filter((p) => p.expected === label).length;
    tp += t;
    fp += predictedAs - t;
    fn += support - t;
    const precision = ratio(t, predictedAs);
    const recall = ratio(t, support);
    perIntent[label] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  }
  const microP = ratio(tp, tp + fp);
  const microR = ratio(tp, tp + fn);
  const withSupport = Object.values(perIntent).filter((f) => f.support > 0);
  return {
    total: predictions.length,
    correct: tp,
    accuracy: ratio(tp, predictions.length),
    microF1: ratio(2 * microP * microR, microP + microR),
    macroF1: ratio(
      withSupport.reduce((s, f) => s + f.f1, 0),
      withSupport.length,
    ),
    perIntent,
    confusion,
  };
}

/** Deterministic k-fold split that keeps every intent spread over the folds (round-robin per intent). */
export function stratifiedFolds<T extends { intent: string }>(items: T[], k: number): T[][] {
  const folds: T[][] = Array.from({ length: k }, () => []);
  const byIntent = new Map<string, T[]>();
  for (const item of items) byIntent.set(item.intent, [...(byIntent.get(item.intent) ?? []), item]);
  let offset = 0;
  for (const group of byIntent.values()) {
    group.forEach((item, i) => folds[(i + offset) % k].push(item));
    offset += group.length;
  }
  return folds;
}

/** Cross-validation: k stratified folds, or 'loo' for leave-one-out (every item is its own fold). */
export function crossValidate<T extends { intent: string }, P extends Prediction>(
  items: T[],
  k: number | 'loo',
  trainAndPredict: (train: T[], test: T[]) => P[],
): P[] {
  const folds = k === 'loo' ? items.map((item) => [item]) : stratifiedFolds(items, k);
  return folds.flatMap((test, i) => trainAndPredict(folds.filter((_, j) => j !== i).flat(), test));
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%';

/** A plain-text table: per-intent figures, then the confusion matrix. */
export function formatScores(title: string, s: Scores): string {
  const labels = Object.keys(s.perIntent);
  const width = Math.max(12, ...labels.map((l, i) => l.length + String(i).length + 1));
  const lines = [
    `${title}: ${s.correct}/${s.total} correct, accuracy ${pct(s.accuracy)}, micro-F1 ${s.microF1.toFixed(3)}, macro-F1 ${s.macroF1.toFixed(3)}`,
  ];
  lines.push(`${'intent'.padEnd(width)}  precision  recall     F1  support`);
  for (const l of labels) {
    const f = s.perIntent[l];
    lines.push(
      `${l.padEnd(width)}  ${pct(f.precision).padStart(9)} ${pct(f.recall).padStart(7)} ${f.f1.toFixed(3).padStart(6)} ${String(f.support).padStart(8)}`,
    );
  }
  lines.push('', 'confusion (rows: expected, columns: predicted, by index)');
  lines.push(`${''.padEnd(width)} ${labels.map((_, i) => String(i).padStart(3)).join('')}`);
  labels.forEach((l, i) => {
    const row = labels.map((p) => {
      const n = s.confusion[l]?.[p] ?? 0;
      return (n === 0 ? '.' : String(n)).padStart(3);
    });
    lines.push(`${(i + ' ' + l).padEnd(width)} ${row.join('')}`);
  });
  return lines.join('\n');
}
