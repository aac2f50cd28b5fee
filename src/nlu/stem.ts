// natural reads .env through dotenv when it loads and prints a banner unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import natural = require('natural');

const cache = new Map<string, string>();

/** Porter stem of one lower-case word, memoised (the same few hundred words recur in every message). */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = natural.PorterStemmer.stem(word);
    if (cache.size < 50_000) cache.set(word, s);
  }
  return s;
}

export { natural };
