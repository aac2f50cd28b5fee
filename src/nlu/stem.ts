import type * as Natural from 'natural';

/**
 * The parts of natural we use, required directly: natural's index loads some sixty modules (WordNet,
 * sentiment lexicons, dotenv several times over), which took 6.5 s of start-up on this machine against 30 ms.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier') as typeof Natural.BayesClassifier;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as typeof Natural.PorterStemmer;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LancasterStemmer = require('natural/lib/natural/stemmers/lancaster_stemmer') as typeof Natural.LancasterStemmer;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const DoubleMetaphone = require('natural/lib/natural/phonetics/double_metaphone') as typeof Natural.DoubleMetaphone;

export const natural = { BayesClassifier, PorterStemmer, LancasterStemmer, DoubleMetaphone };
export type BayesClassifierInstance = Natural.BayesClassifier;

/** 'snowball' (English Snowball, Porter2) is a research option: its caller provides it with registerSnowball. */
export type StemmerName = 'porter' | 'lancaster' | 'none' | 'snowball';

const caches: Record<StemmerName, Map<string, string>> = { porter: new Map(), lancaster: new Map(), none: new Map(), snowball: new Map() };
const stemmers: Record<StemmerName, (w: string) => string> = {
  porter: (w) => PorterStemmer.stem(w),
  lancaster: (w) => LancasterStemmer.stem(w),
  none: (w) => w,
  snowball: () => {
    throw new Error('the snowball stemmer is not registered (registerSnowball)');
  },
};

/**
 * Provides the English Snowball stemmer. natural has none; bench:variants registers NLP.js's (a devDependency,
 * which the bot never loads) to measure NLP.js's stemmer on our features.
 */
export function registerSnowball(stemmer: (word: string) => string): void {
  stemmers.snowball = stemmer;
  caches.snowball.clear();
}

/** Stem of one lower-case word with the named stemmer, memoised (the same few hundred words recur in every message). */
export function stemWith(word: string, stemmer: StemmerName): string {
  const cache = caches[stemmer];
  let s = cache.get(word);
  if (s === undefined) {
    s = stemmers[stemmer](word) || word;
    if (cache.size < 50_000) cache.set(word, s);
  }
  return s;
}

/** Porter stem of one lower-case word: what entity matching and the domain-word rule use. */
export function stem(word: string): string {
  return stemWith(word, 'porter');
}

const metaphone = new DoubleMetaphone();
const sounds = new Map<string, string>();

/** How a word sounds (Double Metaphone's primary key, natural's): "carpool" and "carpal" sound alike. Memoised. */
export function soundOf(word: string): string {
  let s = sounds.get(word);
  if (s === undefined) {
    s = metaphone.process(word)[0] ?? '';
    if (sounds.size < 50_000) sounds.set(word, s);
  }
  return s;
}
