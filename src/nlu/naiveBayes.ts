/**
 * natural's BayesClassifier, trained on feature lists, scored in log space and calibrated.
 *
 * natural's getClassifications returns prior * exp(sum of log likelihoods): unnormalised, and it
 * underflows to 0 for every class on long messages, after which every class ties. We read the same
 * trained counts and compute the same sum in log space (O(words) instead of O(vocabulary)),
 * then turn it into probabilities with a softmax whose temperature is tuned by cross-validation.
 */
import { IndexedExample, NbSvmOptions, trainNbSvm } from './nbsvm';
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

/**
 * How the trained counts become a score. natural keeps, per intent, how many of its examples have each
 * feature (every feature counts once per example: the model is already "binarised"); these options
 * only change how those counts are read, never what natural stores.
 */
export interface ScoringOptions {
  /**
   * The estimate of P(feature | intent) from the counts:
   *   natural      (examples of the intent with the feature, or the smoothing) / (examples of the intent + 1):
   *                natural's own estimate, per feature (the default)
   *   multinomial  Boolean multinomial NB: (count + smoothing) / (all feature counts of the intent + smoothing x features),
   *                normalised per feature block (words, bigrams, first word, character n-grams), so that
   *                each block is its own multinomial and the blocks add up like an ensemble
   *   complement   Complement NB (Rennie et al. 2003): the same estimate from every other intent's counts, negated
   *   bernoulli    Bernoulli NB: natural's per-feature estimate, and a feature the message lacks counts as evidence too
   *                (log(1 - p) for every feature of the vocabulary the message does not have)
   */
  estimate?: 'natural' | 'multinomial' | 'complement' | 'bernoulli';
  /** Multiplier of each feature block's log-likelihoods, by prefix ("w", "b", "f", "c"); 1 when absent. */
  blockWeights?: Record<string, number>;
  /** Weight each feature by its inverse document frequency over the training examples, log(N / df). */
  idf?: boolean;
  /** Divide each block's summed weight by the number of that block's features in the message (length normalisation). */
  blockMean?: boolean;
  /**
   * natural's estimate with another smoothing for some blocks, by prefix (e.g. { c: 0.3 }): the score of a
   * feature an intent has never seen is smoothing / (examples + 1), so the smoothing sets how hard
   * an unfamiliar feature counts against an intent; the default is the classifier's smoothing.
   */
  blockSmoothing?: Record<string, number>;
  /** Complement NB: divide each intent's weights by their sum of absolute values (Rennie et al.'s weight normalisation). */
  normalizeWeights?: boolean;
  /** Class priors: natural's (the class sizes, equal once balanced; default) or uniform. */
  prior?: 'natural' | 'uniform';
  /**
   * Shrink each intent's feature rates toward the rate over all training examples, with this many pseudo-examples:
   * (count + smoothing + m x corpus rate) / (examples + m). A tiny intent's rates lean on the corpus instead of on
   * repeated copies of its few examples (natural estimate only; 0 or absent: off).
   */
  shrink?: number;
  /**
   * Weight each feature down by how many intents use it: 1 - spread x (intents with it - 1) / (intents - 1). Question
   * wording ("how can i") that every intent has says little about which one is meant, however often a tiny intent's
   * few examples repeat it (0 or absent: off).
   */
  spread?: number;
  /**
   * Discriminative frequency estimate (Su et al. 2008), still naive Bayes: after counting, this many passes over the
   * training examples add 1 - P(true intent | example) to the true intent's counts of each example's features, so
   * the examples the model gets wrong count more (0 or absent: off). The counts stay natural's, saved with it.
   */
  refine?: number;
  /**
   * Discriminative weights on the log-count ratios (NBSVM, src/nlu/nbsvm.ts) replace the log-likelihoods. They are
   * learnt from the training examples and not kept in natural's JSON: a model restored from a file without its examples
   * scores as naive Bayes (absent: off).
   */
  nbsvm?: NbSvmOptions;
  /**
   * With nbsvm: two views trained apart, words (every block but the character n-grams) and character n-grams, each its
   * own NBSVM, combined as a product of their probabilities, words ^ weight x characters ^ (1 - weight): the log scores
   * add up as weight x words + (1 - weight) x characters (absent: one NBSVM over all features).
   */
  views?: { words: number };
  /**
   * Complement estimate for tiny intents only (natural estimate): an intent with fewer than `below` distinct training
   * examples scores each feature by the corpus rate, raised when the other intents lack the feature and lowered when they
   * have it, log P(f) + log P(f) - log P(f | not the intent), instead of the rates of its own few examples (absent: off).
   * Learnt from the training examples like nbsvm, not restored from a file.
   */
  complementTiny?: { below: number };
  /**
   * NLP.js's intent activation: an intent none of whose training examples shares a word (a w: feature) with the message
   * cannot win (its log score drops by ACTIVATION_PENALTY), except the intents named here (NLP.js spares "None").
   */
  activation?: { except: string[] };
  /**
   * NLP.js's "None" feature: each word of the message the training never saw (after typo correction) adds to this
   * intent's log score, weight x 1.2 ^ k for the k-th unknown word (absent: off).
   */
  unknownWords?: { intent: string; weight: number };
}

/** How far an intent that shares no word with the message falls (ScoringOptions.activation): out of reach, still finite. */
export const ACTIVATION_PENALTY = 1000;

export const NATURAL_SCORING: ScoringOptions = { estimate: 'natural' };

/** The pipeline's scoring, for the clinic and the corpora alike (chosen by train-split CV, docs/recognizer.md, "What was tried"). */
export const DEFAULT_SCORING: ScoringOptions = { estimate: 'natural', blockWeights: { c: 0.25 } };

const blockOf = (feature: string) => {
  const i = feature.indexOf(':');
  return i < 0 ? '' : feature.slice(0, i);
};

export class NaiveBayesModel {
  private readonly index = new Map<string, number>();
  private readonly labels: string[];
  private readonly internals: BayesInternals;
  /** Per feature: its block and its weight (block weight x idf). */
  private readonly featureBlock: string[] = [];
  private readonly featureWeight: Float64Array;
  /** Per intent: log-likelihood of every feature, and log prior. */
  private readonly logLik: Float64Array[];
  private readonly logPrior: number[];
  /** Bernoulli: per intent, log(1 - p) of every feature, and the sum of them (what a message with no known feature scores). */
  private readonly logAbsent?: Float64Array[];
  private readonly absentSum?: number[];
  /** Activation (ScoringOptions.activation): per intent, 1 for each word feature its training examples have. */
  private readonly hasWord?: Uint8Array[];
  private readonly activates?: boolean[];
  readonly scoring: ScoringOptions;

  private constructor(
    readonly classifier: BayesClassifierInstance,
    scoring: ScoringOptions = NATURAL_SCORING,
  ) {
    this.scoring = scoring;
    Object.keys((classifier as unknown as { features: Record<string, number> }).features).forEach((f, i) => {
      this.index.set(f, i);
      this.featureBlock.push(blockOf(f));
    });
    this.internals = (classifier as unknown as { classifier: BayesInternals }).classifier;
    this.labels = Object.keys(this.internals.classFeatures);
    const { logLik, logPrior, weights, logAbsent } = precompute(this.internals, this.labels, this.featureBlock, scoring);
    this.logLik = logLik;
    if (logAbsent) {
      this.logAbsent = logAbsent;
      this.absentSum = logAbsent.map((a) => a.reduce((s, x, i) => s + weights[i] * x, 0));
    }
    this.logPrior = logPrior;
    this.featureWeight = weights;
    if (scoring.activation) {
      const except = new Set(scoring.activation.except);
      this.activates = this.labels.map((l) => !except.has(l));
      this.hasWord = this.labels.map((l) => wordsSeen(this.internals.classFeatures[l], this.featureBlock, this.internals.smoothing));
    }
  }

  static train(examples: TrainingExample[], smoothing = 1, scoring: ScoringOptions = NATURAL_SCORING): NaiveBayesModel {
    const classifier = new natural.BayesClassifier(undefined, smoothing);
    for (const ex of examples) {
      if (ex.features.length > 0) classifier.addDocument(ex.features, ex.label);
    }
    trainFast(classifier);
    let model = new NaiveBayesModel(classifier, scoring);
    for (let pass = 0; pass < (scoring.refine ?? 0); pass++) {
      model.addLosses(examples);
      model = new NaiveBayesModel(classifier, scoring);
    }
    if (scoring.complementTiny) model.complementTinyIntents(examples, scoring.complementTiny.below);
    if (scoring.nbsvm) model.learnRatioWeights(examples, scoring.nbsvm, scoring.views);
    return model;
  }

  /** Each distinct example once, weighted by how many times balancing repeated it (the same sums, fewer steps). */
  private indexExamples(examples: TrainingExample[]): IndexedExample[] {
    const labelIndex = new Map(this.labels.map((l, c) => [l, c]));
    const repeats = new Map<TrainingExample, number>();
    for (const ex of examples) if (ex.features.length > 0) repeats.set(ex, (repeats.get(ex) ?? 0) + 1);
    return [...repeats].map(([ex, weight]) => ({
      features: [...new Set(ex.features.map((f) => this.index.get(f)!))],
      label: labelIndex.get(ex.label)!,
      weight,
    }));
  }

  /** Replaces the log-likelihood tables by NBSVM's (ScoringOptions.nbsvm), one NBSVM or one per view (ScoringOptions.views). */
  private learnRatioWeights(examples: TrainingExample[], options: NbSvmOptions, views?: { words: number }): void {
    const indexed = this.indexExamples(examples);
    if (!views) {
      const tables = trainNbSvm(indexed, this.labels.length, this.featureWeight, options);
      tables.weights.forEach((w, c) => (this.logLik[c] = w));
      tables.bias.forEach((b, c) => (this.logPrior[c] = b));
      return;
    }
    const isChar = this.featureBlock.map((b) => b === 'c');
    const view = (chars: boolean) =>
      trainNbSvm(
        indexed.map((ex) => ({ ...ex, features: ex.features.filter((i) => isChar[i] === chars) })),
        this.labels.length,
        this.featureWeight,
        options,
      );
    const [words, chars] = [view(false), view(true)];
    const a = views.words;
    this.labels.forEach((_, c) => {
      this.logLik[c] = Float64Array.from(words.weights[c], (w, i) => (isChar[i] ? (1 - a) * chars.weights[c][i] : a * w));
      this.logPrior[c] = a * words.bias[c] + (1 - a) * chars.bias[c];
    });
  }

  /** ScoringOptions.complementTiny: the tiny intents' tables from the corpus and the other intents' counts. */
  private complementTinyIntents(examples: TrainingExample[], below: number): void {
    const distinct = new Map<string, Set<TrainingExample>>();
    for (const ex of examples) distinct.set(ex.label, (distinct.get(ex.label) ?? new Set()).add(ex));
    const { classFeatures, classTotals, smoothing } = this.internals;
    const n = this.featureBlock.length;
    const counts = this.labels.map((l) => Float64Array.from({ length: n }, (_, i) => (classFeatures[l][i] ? classFeatures[l][i] - smoothing : 0)));
    const totals = this.labels.map((l) => classTotals[l] - 1);
    const all = counts.reduce((acc, r) => acc.map((v, i) => v + r[i]), new Float64Array(n));
    const allTotal = totals.reduce((a, b) => a + b, 0);
    this.labels.forEach((label, c) => {
      if ((distinct.get(label)?.size ?? 0) >= below) return;
      const rest = allTotal - totals[c];
      this.logLik[c] = Float64Array.from(all, (k, i) => {
        const corpus = Math.log((k + smoothing) / (allTotal + 1));
        return 2 * corpus - Math.log((k - counts[c][i] + smoothing) / (rest + 1));
      });
    });
  }

  /** One pass of the discriminative frequency estimate (ScoringOptions.refine) over natural's counts. */
  private addLosses(examples: TrainingExample[]): void {
    const { classFeatures, classTotals } = this.internals;
    const losses = examples.map((ex) => 1 - (this.classify(ex.features).find((s) => s.intent === ex.label)?.score ?? 0));
    examples.forEach((ex, e) => {
      const loss = losses[e];
      if (loss <= 0 || ex.features.length === 0) return;
      const counts = classFeatures[ex.label];
      for (const i of new Set(ex.features.map((f) => this.index.get(f)!))) counts[i] = (counts[i] || this.internals.smoothing) + loss;
      classTotals[ex.label] += loss;
      this.internals.totalExamples += loss;
    });
  }

  static fromJSON(json: unknown, scoring: ScoringOptions = NATURAL_SCORING): NaiveBayesModel {
    if (scoring.complementTiny) throw new Error('the complement tables of tiny intents are learnt from the training examples: retrain the model');
    if (scoring.nbsvm) throw new Error('NBSVM weights are learnt from the training examples and not saved: retrain the model');
    return new NaiveBayesModel(natural.BayesClassifier.restore(json as Record<string, unknown>), scoring);
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

  /**
   * log(prior) + weighted sum of log likelihoods of the known features, per intent, best first.
   * `weights` (from featureWeights) scales single features of this message; absent features weigh 1.
   */
  logScores(features: string[], weights?: ReadonlyMap<string, number>): Array<{ intent: string; log: number }> {
    const seen = new Map<number, number>();
    let unknownWords = 0;
    for (const f of features) {
      const i = this.index.get(f);
      if (i !== undefined && !seen.has(i)) seen.set(i, weights?.get(f) ?? 1);
      else if (i === undefined && f.startsWith('w:')) unknownWords++;
    }
    const ids = [...seen.keys()];
    let scale: Float64Array | undefined = weights ? Float64Array.from(seen.values()) : undefined;
    if (this.scoring.blockMean) {
      const perBlock = new Map<string, number>();
      for (const i of ids) perBlock.set(this.featureBlock[i], (perBlock.get(this.featureBlock[i]) ?? 0) + 1);
      scale = Float64Array.from(ids, (i, k) => (scale ? scale[k] : 1) / perBlock.get(this.featureBlock[i])!);
    }
    return this.labels
      .map((label, c) => {
        const lik = this.logLik[c];
        const absent = this.logAbsent?.[c];
        let log = this.logPrior[c] + (this.absentSum?.[c] ?? 0);
        for (let k = 0; k < ids.length; k++) {
          const i = ids[k];
          log += this.featureWeight[i] * (lik[i] - (absent ? absent[i] : 0)) * (scale ? scale[k] : 1);
        }
        return { intent: label, log: log + this.nlpjsTerms(c, ids, unknownWords) };
      })
      .sort((a, b) => b.log - a.log);
  }

  /** NLP.js's activation and "None" feature (ScoringOptions.activation, unknownWords); 0 when both are off. */
  private nlpjsTerms(c: number, ids: number[], unknownWords: number): number {
    let out = 0;
    const unknown = this.scoring.unknownWords;
    if (unknown && unknownWords > 0 && this.labels[c] === unknown.intent) out += (unknown.weight * (1.2 ** unknownWords - 1)) / 0.2;
    if (this.hasWord && this.activates![c] && !ids.some((i) => this.hasWord![c][i] === 1)) out -= ACTIVATION_PENALTY;
    return out;
  }

  /** Probabilities that sum to 1: softmax of the log scores (plus any bias per intent) divided by the temperature. */
  classify(features: string[], temperature = 1, bias?: Record<string, number>, weights?: ReadonlyMap<string, number>): IntentScore[] {
    const scores = this.logScores(features, weights);
    return softmax(bias ? scores.map((s) => ({ intent: s.intent, log: s.log + (bias[s.intent] ?? 0) })) : scores, temperature);
  }
}

/** 1 for each word feature (block "w") an intent's examples have (natural stores count + smoothing for those only). */
function wordsSeen(counts: Record<number, number>, blocks: string[], smoothing: number): Uint8Array {
  const out = new Uint8Array(blocks.length);
  for (const key of Object.keys(counts)) if (blocks[Number(key)] === 'w' && counts[Number(key)] > smoothing) out[Number(key)] = 1;
  return out;
}

/** Log-likelihood tables from natural's counts (see ScoringOptions). */
function precompute(internals: BayesInternals, labels: string[], blocks: string[], scoring: ScoringOptions) {
  const { classFeatures, classTotals, totalExamples, smoothing } = internals;
  const n = blocks.length;
  const estimate = scoring.estimate ?? 'natural';
  // natural stores count + smoothing for a feature an intent has seen, nothing for one it has not.
  const raw = labels.map((label) => {
    const counts = classFeatures[label];
    const out = new Float64Array(n);
    for (const key of Object.keys(counts)) out[Number(key)] = counts[Number(key)] - smoothing;
    return out;
  });
  const weights = new Float64Array(n);
  const df = new Float64Array(n);
  for (const r of raw) for (let i = 0; i < n; i++) df[i] += r[i];
  const examples = labels.reduce((s, l) => s + classTotals[l] - 1, 0);
  const spread = intentSpread(raw, n, scoring.spread ?? 0);
  for (let i = 0; i < n; i++) {
    const w = scoring.blockWeights?.[blocks[i]] ?? 1;
    weights[i] = w * (scoring.idf ? Math.log((examples + 1) / (df[i] + 0.5)) : 1) * spread[i];
  }
  const blockNames = [...new Set(blocks)];
  const blockSize = new Map(blockNames.map((b) => [b, blocks.filter((x) => x === b).length]));
  const blockSums = (r: Float64Array) => {
    const sums = new Map<string, number>();
    for (let i = 0; i < n; i++) sums.set(blocks[i], (sums.get(blocks[i]) ?? 0) + r[i]);
    return sums;
  };
  const logLik = labels.map((label, c) => {
    const out = new Float64Array(n);
    if (estimate === 'natural' || estimate === 'bernoulli') {
      const counts = classFeatures[label];
      const total = classTotals[label];
      const bs = scoring.blockSmoothing;
      const m = scoring.shrink ?? 0;
      for (let i = 0; i < n; i++) {
        const own = bs?.[blocks[i]];
        const count = own === undefined ? counts[i] || smoothing : raw[c][i] + own;
        out[i] = m > 0 ? Math.log((count + (m * df[i]) / Math.max(1, examples)) / (total + m)) : Math.log(count / total);
      }
    } else {
      const r = estimate === 'complement' ? raw.reduce((acc, x, d) => (d === c ? acc : acc.map((v, i) => v + x[i])), new Float64Array(n)) : raw[c];
      const sums = blockSums(r);
      for (let i = 0; i < n; i++) {
        const b = blocks[i];
        const p = Math.log((r[i] + smoothing) / (sums.get(b)! + smoothing * blockSize.get(b)!));
        out[i] = estimate === 'complement' ? -p : p;
      }
    }
    if (scoring.normalizeWeights) {
      let norm = 0;
      for (let i = 0; i < n; i++) norm += Math.abs(out[i]);
      // Keep the scale of the unnormalised weights (so the temperature grid still fits): mean |w| per feature.
      const scale = norm > 0 ? n / norm : 1;
      for (let i = 0; i < n; i++) out[i] *= scale;
    }
    return out;
  });
  const logPrior = labels.map((label) =>
    scoring.prior === 'uniform' || estimate === 'complement' ? -Math.log(labels.length) : Math.log(classTotals[label] / totalExamples),
  );
  // Bernoulli: natural's estimate of p, so log(1 - p) with p = (count + smoothing) / (examples + 1) < 1.
  const logAbsent =
    estimate === 'bernoulli'
      ? labels.map((label, c) => {
          const total = classTotals[label];
          return Float64Array.from(raw[c], (k) => Math.log(1 - (k > 0 ? k + smoothing : smoothing) / (total + smoothing)));
        })
      : undefined;
  return { logLik, logPrior, weights, logAbsent };
}

/** Per feature: 1 - spread x (intents that have it - 1) / (intents - 1) (ScoringOptions.spread). */
function intentSpread(raw: Float64Array[], n: number, spread: number): Float64Array {
  const out = new Float64Array(n).fill(1);
  if (spread <= 0 || raw.length < 2) return out;
  for (let i = 0; i < n; i++) {
    const intents = raw.reduce((k, r) => k + (r[i] > 0 ? 1 : 0), 0);
    out[i] = 1 - (spread * Math.max(0, intents - 1)) / (raw.length - 1);
  }
  return out;
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
