/**
 * Features for the naive Bayes model. Every feature has a prefix so that no word can collide with
 * a property of Object.prototype inside natural's feature dictionary ("constructor", "__proto__").
 *
 *   w:<stem>          every word's stem (question words kept: "what", "how" and "is" carry intent)
 *   b:<stem>_<stem>   adjacent-word pairs
 *   f:<stem>          the first word
 *   c:<n-gram>        character n-grams inside each word, with ^ and $ marking its ends ("^upg", "ing$"):
 *                     typos, compounds ("shutdown" / "shut down") and word forms the stemmer misses
 *   n:<shape>         a number's digit count, the number itself dropped ("15.04" -> n:2, n:2)
 *   s:<synset>        a content word's WordNet senses (research option FeatureOptions.synsets, off by default)
 *   l:<lemma>         a content word's WordNet lemma (research option FeatureOptions.lemmas, off by default)
 *   w2:<stem> ...     extra copies of a word feature when words are weighted by repetition (natural
 *                     counts a feature once per example, so a weight needs distinct feature names)
 */
import { stemWith, StemmerName } from './stem';
import { lemma, synsets } from './wordnet';

export type { StemmerName } from './stem';

/** Tokens standing for a recognised entity, so "can it help tennis elbow" and "... sciatica" look alike. */
export const CONDITION_SLOT = '<condition>';
export const TREATMENT_SLOT = '<treatment>';

/** Function words: they never make a message in-domain, and get no character n-grams of their own. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from about as into over after before up down out off ' +
    'i me my mine we us our you your yours he him his she her it its they them their this that these those ' +
    'is am are was were be been being do does did doing have has had having can could will would shall should may might must ' +
    'not no yes so too very just also only then than there here when where why how what which who whom whose ' +
    'please pls tell know want like need get got some any all more most much many ' +
    'really actually exactly maybe u ur r im id ive youre dont cant wont isnt arent whats thats ' +
    'um umm hmm hmmm uh uhh er erm ah oh well yeah'
  ).split(' '),
);

export interface CharNgramOptions {
  min: number;
  max: number;
  /** Only words with at least this many letters get n-grams (short words have their word feature). */
  minWordLength?: number;
  /** Function words get no n-grams: "does" would otherwise count nine times over ("^do", "doe", "oes$", ...). */
  contentWordsOnly?: boolean;
  /** Take the n-grams from the word's stem instead of the word as written. */
  fromStems?: boolean;
  /**
   * Each word's n-grams share one weight (each weighs 1 / the word's n-gram count) instead of each weighing 1,
   * so a long word's dozens of n-grams cannot outvote the whole words (see featureWeights).
   */
  perWord?: boolean;
}

export interface FeatureOptions {
  /** Adjacent-word pairs: keep "how does" apart from "does it". */
  bigrams: boolean;
  /** The first word: questions starting "what"/"how"/"can" lean towards different intents. */
  firstWord: boolean;
  /** Character n-grams within words, lengths min..max (off when absent or max < min). */
  charNgrams?: CharNgramOptions;
  /** Stemmer for word features (Porter when absent). */
  stemmer?: StemmerName;
  /** How many times a word feature counts (1 when absent). */
  wordWeight?: number;
  /** Correct unknown words towards the training vocabulary before features are taken (on when absent). */
  typoCorrection?: boolean;
  /** Replace numbers by their shape (n:<digits>) instead of a word feature per number. */
  numberShapes?: boolean;
  /** Each content word's first this many WordNet senses per part of speech as s: features (synonyms share them; off when absent). */
  synsets?: number;
  /** Each content word's WordNet lemma as an l: feature ("deleting" -> l:delete; off when absent). */
  lemmas?: boolean;
  /** Strip accents before features are taken, as NLP.js normalises ("münchner" -> "munchner"; off when absent). */
  foldAccents?: boolean;
}

/** The pipeline's defaults, chosen by cross-validation on the training splits (docs/recognizer.md, "What was tried"). */
export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  bigrams: true,
  firstWord: true,
  charNgrams: { min: 3, max: 5 },
  stemmer: 'porter',
  wordWeight: 1,
  numberShapes: false,
};

/** The pipeline as it was before character n-grams (kept for comparisons and old model files). */
export const WORD_FEATURE_OPTIONS: FeatureOptions = { bigrams: true, firstWord: true };

const NUMBER = /^\d+$/;

/** Character n-grams of one word with ^ and $ marking its ends, each once. */
export function charNgrams(word: string, min: number, max: number): string[] {
  const marked = '^' + word + '$';
  const out = new Set<string>();
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= marked.length; i++) out.add(marked.slice(i, i + n));
  }
  // A word shorter than min still says something: keep it whole.
  if (out.size === 0 && word.length > 0) out.add(marked);
  return [...out];
}

/** Stem of a word as the features see it (slots are kept as they are). */
export function featureStem(word: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string {
  if (word.startsWith('<')) return word;
  return stemWith(word, options.stemmer ?? 'porter');
}

/** The character n-grams of each word (none for slots, numbers, short or function words as the options say). */
function wordNgrams(words: string[], stems: string[], c: CharNgramOptions | undefined): string[][] {
  if (!c || c.max < c.min || c.min <= 0) return [];
  return words.map((w, i) => {
    if (w.startsWith('<') || stems[i].startsWith('#')) return [];
    if (w.length < (c.minWordLength ?? 0) || (c.contentWordsOnly && FUNCTION_WORDS.has(w))) return [];
    return charNgrams(c.fromStems ? stems[i] : w, c.min, c.max).map((g) => 'c:' + g);
  });
}

function featureStems(words: string[], options: FeatureOptions): string[] {
  const shapes = options.numberShapes === true;
  return words.map((w) => (shapes && NUMBER.test(w) ? `#${w.length}` : featureStem(w, options)));
}

/** Letters without their accents (NFD, combining marks dropped), as NLP.js's normaliser does. */
const fold = (word: string) => word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

const wordnetWords = (words: string[]) => words.filter((w) => !w.startsWith('<') && !FUNCTION_WORDS.has(w) && /^\p{L}+$/u.test(w));

/** The s: and l: features of the content words (FeatureOptions.synsets, lemmas). */
function wordnetFeatures(words: string[], options: FeatureOptions): string[] {
  const content = wordnetWords(words);
  const senses = options.synsets ? content.flatMap((w) => synsets(w, options.synsets!).map((s) => 's:' + s)) : [];
  const lemmas = options.lemmas ? content.flatMap((w) => lemma(w) ?? []).map((l) => 'l:' + l) : [];
  return [...senses, ...lemmas];
}

/** The features of a message's words (after typo correction and entity slots), deduplicated. */
export function extractFeatures(rawWords: string[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string[] {
  const words = options.foldAccents ? rawWords.map(fold) : rawWords;
  const stems = featureStems(words, options);
  const out = new Set<string>();
  const weight = Math.max(1, Math.round(options.wordWeight ?? 1));
  for (const s of stems) {
    if (s.startsWith('#')) {
      out.add('n:' + s.slice(1));
      continue;
    }
    out.add('w:' + s);
    for (let k = 2; k <= weight; k++) out.add(`w${k}:` + s);
  }
  if (options.bigrams) {
    for (let i = 0; i + 1 < stems.length; i++) out.add('b:' + stems[i] + '_' + stems[i + 1]);
  }
  if (options.firstWord && stems.length > 0) out.add('f:' + stems[0]);
  for (const grams of wordNgrams(words, stems, options.charNgrams)) for (const g of grams) out.add(g);
  if (options.synsets || options.lemmas) for (const f of wordnetFeatures(words, options)) out.add(f);
  return [...out];
}

/**
 * How much each feature of a message counts when it is scored (training counts every feature once per example):
 * undefined when every feature counts 1. With charNgrams.perWord, a word's n-grams share one weight, 1 / its n-gram
 * count each ("installation" has 33 n-grams, "how" 6: without this the long word counts five times as much); an
 * n-gram two words share gets both shares.
 */
export function featureWeights(words: string[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Map<string, number> | undefined {
  if (!options.charNgrams?.perWord) return undefined;
  const weights = new Map<string, number>();
  for (const grams of wordNgrams(words, featureStems(words, options), options.charNgrams)) {
    for (const g of grams) weights.set(g, (weights.get(g) ?? 0) + 1 / grams.length);
  }
  return weights;
}
