/**
 * SMS text: the GSM 03.38 (GSM-7) alphabet, a converter to it, and a segment counter.
 *
 * Why: one character outside GSM-7 (a curly apostrophe, an en dash, an emoji) makes the carrier send the whole
 * message as UCS-2, 70 characters a segment (67 when concatenated) instead of 160 (153), so every reply costs about
 * twice as much and the first segment, which is all some phones show at once, holds half the words. The bot's
 * sentences use typographic quotes, so every SMS is converted here before it is sent.
 * Small and self-contained on purpose (the table is the standard's; about 40 lines of logic).
 */

const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters sent as an escape plus one septet: they cost two. */
const EXTENSION = '^{}\\[~]|€\f';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

export const GSM7_SINGLE = 160;
export const GSM7_PART = 153;
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

/** Typographic characters and their plain GSM-7 spelling. */
const REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u2022\u2023\u2043\u25E6]/g, '-'],
  [/\u00B7/g, '.'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' '],
  [/\u2122/g, 'TM'],
  [/\u00A9/g, '(c)'],
  [/\u00AE/g, '(R)'],
  [/[\u200B-\u200D\u2060\uFEFF]/g, ''],
  // Letters with no decomposition to a base letter.
  [/\u0141/g, 'L'],
  [/\u0142/g, 'l'],
  [/\u0110/g, 'D'],
  [/\u0111/g, 'd'],
  [/\u0131/g, 'i'],
  [/\u0152/g, 'OE'],
  [/\u0153/g, 'oe'],
];

/** Marks a removed character until spacing is tidied (a private-use character, never in what the bot composes). */
const REMOVED = '\uE000';

export function isGsm7Char(ch: string): boolean {
  return BASIC_SET.has(ch) || EXTENSION_SET.has(ch);
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!isGsm7Char(ch)) return false;
  return true;
}

/** One character outside GSM-7: its accent-free letter if it has one (ā -> a), else nothing (emoji, symbols). */
function fallback(ch: string): string {
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  return [...base].every(isGsm7Char) ? base : '';
}

/** The text in GSM-7 only: typographic punctuation made plain, accents dropped where GSM-7 lacks the letter, emoji removed. */
export function toGsm7(text: string): string {
  let out = text;
  for (const [pattern, plain] of REPLACEMENTS) out = out.replace(pattern, plain);
  let result = '';
  for (const ch of out) result += isGsm7Char(ch) ? ch : fallback(ch) || REMOVED;
  // Where emoji were removed: no space left before punctuation, no doubled or trailing spaces.
  return result
    .replace(/ *\uE000+(?=[,.!?])/g, '')
    .replace(/ *\uE000+ */g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/^ +| +$/gm, '');
}

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

/** How many SMS segments a text costs, as carriers bill it. */
export function smsSegments(text: string): SegmentCount {
  if (text.length === 0) return { encoding: 'GSM-7', units: 0, segments: 0 };
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += EXTENSION_SET.has(ch) ? 2 : 1;
    return { encoding: 'GSM-7', units, segments: units <= GSM7_SINGLE ? 1 : gsmParts(text) };
  }
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= UCS2_SINGLE ? 1 : ucs2Parts(text) };
}

/** Concatenated GSM-7: 153 septets a part, and an escape pair is never split across parts. */
function gsmParts(text: string): number {
  let parts = 1;
  let used = 0;
  for (const ch of text) {
    const cost = EXTENSION_SET.has(ch) ? 2 : 1;
    if (used + cost > GSM7_PART) {
      parts++;
      used = 0;
    }
    used += cost;
  }
  return parts;
}

/** Concatenated UCS-2: 67 code units a part, and a surrogate pair (an emoji) is never split. */
function ucs2Parts(text: string): number {
  let parts = 1;
  let used = 0;
  for (const ch of text) {
    if (used + ch.length > UCS2_PART) {
      parts++;
      used = 0;
    }
    used += ch.length;
  }
  return parts;
}

/** The index in `text` where the first segment ends (what a phone shows first, whole). */
export function firstSegmentEnd(text: string): number {
  const { encoding, segments } = smsSegments(text);
  if (segments <= 1) return text.length;
  const limit = encoding === 'GSM-7' ? GSM7_PART : UCS2_PART;
  let used = 0;
  let index = 0;
  for (const ch of text) {
    const cost = encoding === 'GSM-7' ? (EXTENSION_SET.has(ch) ? 2 : 1) : ch.length;
    if (used + cost > limit) break;
    used += cost;
    index += ch.length;
  }
  return index;
}
