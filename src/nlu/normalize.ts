/**
 * Text normalisation shared by training, recognition and entity matching.
 * Pure functions: no knowledge of intents or the clinic.
 */

/** A word of the user's message, with where it came from so entities can quote what the user wrote. */
export interface Token {
  /** Lower-case word with apostrophes removed ("golfer's" -> "golfers"); contractions are expanded into two tokens. */
  norm: string;
  /** Offsets of the source word in the cleaned text (see cleanText). */
  start: number;
  end: number;
}

// Control characters, zero-width characters and bidi overrides: never meaningful in a question,
// and bidi overrides can make a transcript read differently from what was sent.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes invisible and control characters, unifies quotes and dashes, keeps length meaning for offsets. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ');
}

const IS_CONTRACTIONS = new Set(['what', 'whats', 'that', 'it', 'there', 'he', 'she', 'who', 'where', 'how', 'here', 'when', 'why']);
const SUFFIXES: Array<[RegExp, string]> = [
  [/^(ca|wo|do|does|did|is|are|was|were|has|have|had|could|should|would|must|need)n't$/, 'not'],
  [/'re$/, 'are'],
  [/'ve$/, 'have'],
  [/'m$/, 'am'],
  [/'ll$/, 'will'],
  [/'d$/, 'would'],
];

function expand(word: string): string[] {
  if (word === "can't" || word === 'cant') return ['can', 'not'];
  if (word === "won't") return ['will', 'not'];
  if (word === "g'day") return ['gday'];
  for (const [pattern, tail] of SUFFIXES) {
    if (pattern.test(word)) {
      const head = tail === 'not' ? word.slice(0, -3) : word.slice(0, word.lastIndexOf("'"));
      return [head, tail];
    }
  }
  if (word.endsWith("'s")) {
    const head = word.slice(0, -2);
    return IS_CONTRACTIONS.has(head) ? [head, 'is'] : [head + 's'];
  }
  return [word.replace(/'/g, '')];
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** Splits cleaned text into lower-case word tokens with offsets; punctuation and emoji are dropped. */
export function tokenize(cleaned: string): Token[] {
  const tokens: Token[] = [];
  for (const match of cleaned.matchAll(WORD)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    for (const norm of expand(match[0].toLowerCase())) {
      if (norm) tokens.push({ norm, start, end });
    }
  }
  return tokens;
}

/** Lower-case words of a phrase, as tokenize would see them: used for aliases and training lines. */
export function words(text: string): string[] {
  return tokenize(cleanText(text)).map((t) => t.norm);
}

/** Lower case, no punctuation or apostrophes, single spaces: the form red-flag patterns and commands are written for. */
export function plainForm(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Fillers before a question ("ok fair enough. so what is it?", "ok then, what can acupuncture help with?"). */
const LEADING_FILLER = /^((ok|okay|so|and|but|well|hmm|right|fair enough|cool|thanks|alright|sure|then|oh|anyway|great)[\s,.!]*)+/i;

/** The text without the fillers it starts with. */
export function withoutLeadingFiller(text: string): string {
  return text.replace(LEADING_FILLER, '');
}
