/**
 * natural's BayesClassifier, trained on feature lists, scored in log space and calibrated.
 *
 * natural's getClassifications returns prior * exp(sum of log likelihoods): unnormalised, and it
 * underflows to 0 for every class on long messages, after which every class ties. We read the same
 * trained counts and compute the same sum in log space (O(words) instead of O(vocabulary)),
 * then turn it into probabilities with a softmax whose temperature is tuned by cross-validation.
 */
import { BayesClassifierInstance, natural } from './stem';

export interface TrainingExample {
  features: string[];
  label: string;
}

export interface IntentScore {
  intent: string;
  score: number;
}

interface BayesInternals {
  classFeatures: Record<string, Record<number, number>>;
  classTotals: Record<string, number>;
  totalExamples: number;
  smoothing: number;
}

export class NaiveBayesModel {
  private readonly index = new Map<string, number>();
  private readonly labels: string[];
  private readonly internals: BayesInternals;

  private constructor(readonly classifier: BayesClassifierInstance) {
    Object.keys((classifier as unknown as { features: Record<string, number> }).features).forEach((f, i) =>
      this.index.set(f, i),
    );
    this.internals = (classifier as unknown as { classifier: BayesInternals }).classifier;
    this.labels = Object.keys(this.internals.classFeatures);
  }

  static train(examples: TrainingExample[], smoothing = 1): NaiveBayesModel {
    const classifier = new natural.BayesClassifier(undefined, smoothing);
    for (const ex of examples) {
      if (ex.features.length > 0) classifier.addDocument(ex.features, ex.label);
    }
    trainFast(classifier);
    return new NaiveBayesModel(classifier);
  }

  static fromJSON(json: unknown): NaiveBayesModel {
    return new NaiveBayesModel(natural.BayesClassifier.restore(json as Record<string, unknown>));
  }

  toJSON(): unknown {
    // Drop the training documents: they are in knowledge/ already and would double the file.
    const copy = { ...(this.classifier as unknown as Record<string, unknown>), docs: [], events: undefined };
    return JSON.parse(JSON.stringify(copy));
  }

  get intents(): string[] {
    return [...this.labels];
  }

  /** Whether the feature occurred in any training example. */
  knows(feature: string): boolean {
    return this.index.has(feature);
  }

  /** log(prior) + sum of log likelihoods of the known features, per intent, best first. */
  logScores(features: string[]): Array<{ intent: string; log: number }> {
    const { classFeatures, classTotals, totalExamples, smoothing } = this.internals;
    const seen = new Set<number>();
    for (const f of features) {
      const i = this.index.get(f);
      if (i !== undefined) seen.add(i);
    }
    return this.labels
      .map((label) => {
        const counts = classFeatures[label];
        const total = classTotals[label];
        let log = Math.log(total / totalExamples);
        for (const i of seen) log += Math.log((counts[i] || smoothing) / total);
        return { intent: label, log };
      })
      .sort((a, b) => b.log - a.log);
  }

  /** Probabilities that sum to 1: softmax of the log scores divided by the temperature. */
  classify(features: string[], temperature = 1): IntentScore[] {
    return softmax(this.logScores(features), temperature);
  }
}

/**
 * Trains natural's BayesClassifier on its documents, fast. natural's train() turns every document into a
 * 0/1 vector over the whole feature dictionary (observation.indexOf for each feature) and its Bayes
 * classifier (apparatus) then walks that vector: O(documents x features), about 30 s for the clinic once
 * character n-grams make the dictionary 18,000 features long. This does apparatus's addExample counting
 * for the features each document has, and nothing else: the classifier ends in exactly the state
 * natural's train() leaves (a test compares the two field by field), so natural scores, saves and
 * restores it as its own.
 */
export function trainFast(classifier: BayesClassifierInstance): void {
  const c = classifier as unknown as {
    docs: Array<{ label: string; text: string[] }>;
    features: Record<string, number>;
    lastAdded: number;
    classifier: BayesInternals;
  };
  const index = new Map<string, number>();
  Object.keys(c.features).forEach((f, i) => index.set(f, i));
  const bayes = c.classifier;
  for (let d = c.lastAdded; d < c.docs.length; d++) {
    const { label, text } = c.docs[d];
    // apparatus addExample, dense branch: a new class starts with 1 example "for smoothing".
    if (!bayes.classFeatures[label]) {
      bayes.classFeatures[label] = {};
      bayes.classTotals[label] = 1;
    }
    bayes.totalExamples++;
    bayes.classTotals[label]++;
    const counts = bayes.classFeatures[label];
    for (const i of new Set(text.map((f) => index.get(f)!))) {
      counts[i] = counts[i] ? counts[i] + 1 : 1 + bayes.smoothing;
    }
    c.lastAdded++;
  }
}

export function softmax(scores: Array<{ intent: string; log: number }>, temperature: number): IntentScore[] {
  if (scores.length === 0) return [];
  const t = temperature > 0 ? temperature : 1;
  const max = Math.max(...scores.map((s) => s.log));
  const exps = scores.map((s) => Math.exp((s.log - max) / t));
  const sum = exps.reduce((a, b) => a + b, 0);
  return scores.map((s, i) => ({ intent: s.intent, score: exps[i] / sum })).sort((a, b) => b.score - a.score);
}
