/**
 * Discriminative weights on naive Bayes log-count ratios (NBSVM, Wang and Manning 2012, with a logistic loss):
 * for each intent, one against the rest, every feature's naive Bayes log-count ratio r (how much likelier the
 * feature is in the intent's examples than in the others') is multiplied by a learnt weight w that starts at 1 and is
 * pulled back towards 1 (L2), so with no training it is exactly the naive Bayes ratio model, and training only
 * corrects what the counts get wrong: question wording that a tiny intent's few examples happen to share, or the
 * dozens of correlated character n-grams of one word. The result is a per-intent table of r x w, read like a table of
 * log-likelihoods (NaiveBayesModel.logScores), and a bias per intent.
 */

export interface NbSvmOptions {
  /** Pull of the weights back to 1 (the naive Bayes ratios): the larger, the closer to naive Bayes. */
  l2: number;
  /** Full-batch gradient steps. */
  epochs: number;
  /** Step size. */
  rate?: number;
  /** Additive smoothing of the log-count ratios (1 when absent). */
  alpha?: number;
}

/** One training example: indices of its features (each once), its intent's index, and how many times it counts. */
export interface IndexedExample {
  features: number[];
  label: number;
  weight: number;
}

export interface LinearTables {
  /** Per intent, per feature: r x w. */
  weights: Float64Array[];
  /** Per intent. */
  bias: number[];
}

/** Log-count ratio of every feature for one intent against the rest (x is the feature's value, e.g. its block weight). */
export function logCountRatios(examples: IndexedExample[], label: number, x: Float64Array, alpha: number): Float64Array {
  const n = x.length;
  const p = new Float64Array(n).fill(alpha);
  const q = new Float64Array(n).fill(alpha);
  for (const ex of examples) {
    const target = ex.label === label ? p : q;
    for (const i of ex.features) target[i] += ex.weight * x[i];
  }
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  const sp = sum(p);
  const sq = sum(q);
  return Float64Array.from(p, (v, i) => Math.log(v / sp) - Math.log(q[i] / sq));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** One intent against the rest: learns w (from 1) and a bias on the features r x x by full-batch gradient descent. */
function trainOneVsRest(examples: IndexedExample[], label: number, r: Float64Array, x: Float64Array, options: NbSvmOptions) {
  const n = r.length;
  const w = new Float64Array(n).fill(1);
  let bias = 0;
  const rate = options.rate ?? 0.5;
  const grad = new Float64Array(n);
  const total = examples.reduce((s, ex) => s + ex.weight, 0);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    grad.fill(0);
    let gBias = 0;
    for (const ex of examples) {
      const y = ex.label === label ? 1 : -1;
      let z = bias;
      for (const i of ex.features) z += x[i] * r[i] * w[i];
      const g = (-y * sigmoid(-y * z) * ex.weight) / total;
      gBias += g;
      for (const i of ex.features) grad[i] += g * x[i] * r[i];
    }
    for (let i = 0; i < n; i++) w[i] -= rate * (grad[i] + options.l2 * (w[i] - 1));
    bias -= rate * gBias;
  }
  return { weights: Float64Array.from(w, (v, i) => v * r[i]), bias };
}

/** The per-intent tables of an NBSVM trained on the examples (x: each feature's value when present). */
export function trainNbSvm(examples: IndexedExample[], labels: number, x: Float64Array, options: NbSvmOptions): LinearTables {
  const tables: LinearTables = { weights: [], bias: [] };
  for (let c = 0; c < labels; c++) {
    const r = logCountRatios(examples, c, x, options.alpha ?? 1);
    const { weights, bias } = trainOneVsRest(examples, c, r, x, options);
    tables.weights.push(weights);
    tables.bias.push(bias);
  }
  return tables;
}
