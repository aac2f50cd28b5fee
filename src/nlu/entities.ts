/**
 * Finds conditions and treatments in a message by alias, by stem and by small typos.
 * Matching works on tokens, so "knee" never matches inside "kneel" and "Tennis elbow!" matches "tennis elbow".
 */
import { Token, words } from './normalize';
import { soundOf, stem } from './stem';
import { isEnglish } from './english';
import { allowedEdits, editDistance } from './spelling';
import { FUNCTION_WORDS } from './features';

export interface PhraseEntry<T> {
  value: T;
  /** Alias words, lower-case. */
  words: string[];
  stems: string[];
}

export interface EntityMatch<T> {
  value: T;
  /** Index of the first and one past the last matched token. */
  from: number;
  to: number;
}

/** Builds entries for a list of aliases (skipping empties). */
export function phraseEntries<T>(value: T, aliases: string[]): PhraseEntry<T>[] {
  return aliases
    .map((alias) => words(alias))
    .filter((w) => w.length > 0)
    .map((w) => ({ value, words: w, stems: w.map(stem) }));
}

function sameWord(typed: string, typedStem: string, alias: string, aliasStem: string): boolean {
  if (typed === alias || typedStem === aliasStem) return true;
  // Typos are tolerated on longer alias words only, and not in the first letter: that keeps
  // "tenis" -> "tennis" while "train" does not become "strain" nor "fibre" "fibro"; and a common word is never a
  // typo ("should" is not "shoulder").
  if (alias.length < 6 || typed.length < 5 || typed[0] !== alias[0] || FUNCTION_WORDS.has(typed)) return false;
  // Nor is an English word ("aches" is not "arches").
  if (isEnglish(typed)) return false;
  const max = allowedEdits(alias.length);
  return editDistance(typed, alias, max) <= max;
}

/** A word that sounds like an alias word of five letters or more ("carpool", "carpal"), never a function word. */
function soundsAlike(typed: string, alias: string): boolean {
  if (alias.length < 5 || typed.length < 4 || FUNCTION_WORDS.has(typed)) return false;
  const key = soundOf(alias);
  return key.length >= 3 && soundOf(typed) === key;
}

/** Adverbs that fill a phrase without changing it ("won't just switch off", "can't really sleep"). */
const FILLERS = new Set([
  'just',
  'really',
  'simply',
  'totally',
  'completely',
  'actually',
  'ever',
  'even',
  'literally',
  'truly',
  'honestly',
  'basically',
  'kinda',
  'properly',
]);

/**
 * Longest-first, non-overlapping phrase matching. Entries are tried longest first so that
 * "lower back pain" wins over "back pain", and "ankle sprain" over "sprain".
 */
export class PhraseMatcher<T> {
  private readonly entries: PhraseEntry<T>[];

  /** @param bySound whether a word of a longer phrase may match by sound (condition names: "carpool tunnel"). */
  constructor(
    entries: PhraseEntry<T>[],
    private readonly bySound = false,
  ) {
    this.entries = [...entries].sort((a, b) => b.words.length - a.words.length);
  }

  match(tokens: string[], tokenStems: string[] = tokens.map(stem)): EntityMatch<T>[] {
    const taken = new Array<boolean>(tokens.length).fill(false);
    const found: EntityMatch<T>[] = [];
    for (const entry of this.entries) {
      const n = entry.words.length;
      for (let i = 0; i + n <= tokens.length; i++) {
        let ok = true;
        let exact = 0;
        let bySound = 0;
        let j = i;
        for (let k = 0; k < n && ok; k++, j++) {
          // "my mind just won't switch off", "can't really sleep": a filler between a phrase's words changes nothing.
          if (k > 0) while (j < tokens.length - 1 && FILLERS.has(tokens[j]) && tokens[j] !== entry.words[k] && !taken[j]) j++;
          if (j >= tokens.length || taken[j]) ok = false;
          // ("my gran" is not "my-graine": "my" alone is no anchor for a word that only sounds like the alias's)
          else if (sameWord(tokens[j], tokenStems[j], entry.words[k], entry.stems[k])) exact += FUNCTION_WORDS.has(tokens[j]) ? 0 : 1;
          else if (this.bySound && n >= 2 && soundsAlike(tokens[j], entry.words[k])) bySound++;
          else ok = false;
        }
        // "carpool tunnel", "planter fasciitis" (autocorrect, sound-alike spelling): in a phrase of two words or more, a word
        // that sounds like the alias's counts, when another word of it is the alias's own.
        if (!ok || (bySound > 0 && exact === 0)) continue;
        for (let k = i; k < j; k++) taken[k] = true;
        found.push({ value: entry.value, from: i, to: j });
      }
    }
    return found.sort((a, b) => a.from - b.from);
  }
}

/** The user's own words for a match, from the cleaned message. */
export function quote(cleaned: string, tokens: Token[], m: { from: number; to: number }): string {
  return cleaned.slice(tokens[m.from].start, tokens[m.to - 1].end);
}
