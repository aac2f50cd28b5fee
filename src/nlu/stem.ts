// natural reads .env through dotenv when it loads and prints a banner unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import natural = require('natural');

export type StemmerName = 'porter' | 'lancaster' | 'none';

const caches: Record<StemmerName, Map<string, string>> = { porter: new Map(), lancaster: new Map(), none: new Map() };
const stemmers: Record<StemmerName, (w: string) => string> = {
  porter: (w) => natural.PorterStemmer.stem(w),
  lancaster: (w) => natural.LancasterStemmer.stem(w),
  none: (w) => w,
};

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

export { natural };
