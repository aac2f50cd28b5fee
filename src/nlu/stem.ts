import type * as Natural from 'natural';

/**
 * The two parts of natural we use, required directly: natural's index loads some sixty modules (WordNet,
 * sentiment lexicons, dotenv several times over), which took 6.5 s of start-up on this machine against 30 ms.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier') as typeof Natural.BayesClassifier;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as typeof Natural.PorterStemmer;

export const natural = { BayesClassifier, PorterStemmer };
export type BayesClassifierInstance = Natural.BayesClassifier;

const cache = new Map<string, string>();

/** Porter stem of one lower-case word, memoised (the same few hundred words recur in every message). */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (cache.size < 50_000) cache.set(word, s);
  }
  return s;
}
