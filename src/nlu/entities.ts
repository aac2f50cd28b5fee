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

/** An hour of the small hours, with "am" or bare ("3am", "4"). */
const SMALL_HOUR = /^[1-5](am)?$/;
/** Whether two hours are both of the small hours, one of them said with "am" ("wake at 4am" is "wake at 3am"'s trouble). */
const bothSmallHours = (a: string, b: string) => SMALL_HOUR.test(a) && SMALL_HOUR.test(b) && (a.endsWith('am') || b.endsWith('am'));

function sameWord(typed: string, typedStem: string, alias: string, aliasStem: string): boolean {
  if (typed === alias || typedStem === aliasStem || bothSmallHours(typed, alias)) return true;
  // Typos are tolerated on longer alias words only, and not in the first letter: that keeps
  // "tenis" -> "tennis" while "train" does not become "strain" nor "fibre" "fibro"; and a common word is never a
  // typo ("should" is not "shoulder").
  // ("my kness r killin me": a five-letter alias takes one slip when the first two letters and the length agree)
  if (alias.length === 5 && typed.length === 5 && typed.slice(0, 2) === alias.slice(0, 2) && !FUNCTION_WORDS.has(typed) && !isEnglish(typed))
    return editDistance(typed, alias, 1) <= 1;
  if (alias.length < 6 || typed.length < 5 || typed[0] !== alias[0] || FUNCTION_WORDS.has(typed)) return false;
  // Nor is an English word ("aches" is not "arches").
  if (isEnglish(typed)) return false;
  const max = allowedEdits(alias.length);
  return editDistance(typed, alias, max) <= max;
}

/**
 * Two typed pieces that together are a long alias word, or a small typo of it ("fash itis", "fasci itis"): neither piece
 * a function word, not both English words ("ten nis" would be), and the first letter the alias's.
 */
function splitWord(first: string, second: string, alias: string): boolean {
  if (alias.length < 6 || first.length < 2 || second.length < 2 || first[0] !== alias[0]) return false;
  if (FUNCTION_WORDS.has(first) || FUNCTION_WORDS.has(second) || (isEnglish(first) && isEnglish(second))) return false;
  const max = allowedEdits(alias.length);
  return editDistance(first + second, alias, max) <= max;
}

/** A word that sounds like an alias word of five letters or more ("carpool", "carpal"), never a function word. */
function soundsAlike(typed: string, alias: string): boolean {
  if (alias.length < 5 || typed.length < 4 || FUNCTION_WORDS.has(typed)) return false;
  // (an English word that starts with another letter is that word: "growing pains" are no "chronic pain", while
  // "kronic" and "carpool" still sound like theirs)
  if (typed[0] !== alias[0] && isEnglish(typed)) return false;
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

/** Entry indices listed under a key (a first word, a stem, a letter or a sound). */
type EntryIndex = Map<string, number[]>;

function addTo(index: EntryIndex, key: string, entry: number): void {
  const list = index.get(key);
  if (list) list.push(entry);
  else index.set(key, [entry]);
}

/**
 * Longest-first, non-overlapping phrase matching. Entries are tried longest first so that
 * "lower back pain" wins over "back pain", and "ankle sprain" over "sprain".
 *
 * Only entries whose first word can match a token are tried there: entries are indexed by their first word, its stem,
 * its first letter (for typos: only words of five letters or more, and only when the token is not an English word) and its sound (for
 * sound-alikes). The index only narrows where an entry is tried; the full check is the same as trying every entry at
 * every token, in the same order, so what is found does not change (a test compares the two). Matching had become most
 * of the recognizer's time with a few thousand cue and symptom entries.
 */
export class PhraseMatcher<T> {
  private readonly entries: PhraseEntry<T>[];
  private readonly byWord: EntryIndex = new Map();
  private readonly byStem: EntryIndex = new Map();
  /** Entries whose first word is long enough to take a typo, by its first letter. */
  private readonly byLetter: EntryIndex = new Map();
  /** Entries of two words or more whose first word may match by sound, by its sound key. */
  private readonly bySoundKey: EntryIndex = new Map();
  /** Each entry's fewest words (its determiners left out when they may go unwritten). */
  private readonly shortest: number[];

  /**
   * @param bySound whether a word of a longer phrase may match by sound (condition names: "carpool tunnel").
   * @param looseDeterminers whether a determiner inside a phrase may go unwritten (body parts: "lower part of back");
   * never for names whose "my" says whose it is ("knots in my muscles" is told, "knots in muscles" asked about).
   */
  constructor(
    entries: PhraseEntry<T>[],
    private readonly bySound = false,
    private readonly looseDeterminers = false,
  ) {
    this.entries = [...entries].sort((a, b) => b.words.length - a.words.length);
    // (a determiner inside a phrase may go unwritten: the phrase may be that much shorter; worked out once, not per message)
    this.shortest = this.entries.map((entry) =>
      looseDeterminers ? entry.words.filter((w, k) => k === 0 || k === entry.words.length - 1 || !DROPPABLE.has(w)).length : entry.words.length,
    );
    this.entries.forEach((entry, e) => {
      const first = entry.words[0];
      addTo(this.byWord, first, e);
      addTo(this.byStem, entry.stems[0], e);
      if (first.length >= 5) addTo(this.byLetter, first[0], e);
      if (bySound && entry.words.length >= 2 && first.length >= 5) {
        const key = soundOf(first);
        if (key.length >= 3) addTo(this.bySoundKey, key, e);
      }
    });
  }

  /** Every entry that may start at each token, with the positions it may start at, in entry order (a superset). */
  private candidates(tokens: string[], tokenStems: string[]): Map<number, number[]> {
    const starts = new Map<number, number[]>();
    const add = (list: number[] | undefined, i: number) => {
      for (const e of list ?? []) {
        const at = starts.get(e);
        if (!at) starts.set(e, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const typed = tokens[i];
      add(this.byWord.get(typed), i);
      add(this.byStem.get(tokenStems[i]), i);
      if (typed.length >= 5 && !FUNCTION_WORDS.has(typed) && !isEnglish(typed)) add(this.byLetter.get(typed[0]), i);
      if (this.bySoundKey.size > 0 && typed.length >= 4 && !FUNCTION_WORDS.has(typed)) add(this.bySoundKey.get(soundOf(typed)), i);
    }
    return starts;
  }

  match(tokens: string[], tokenStems: string[] = tokens.map(stem)): EntityMatch<T>[] {
    const taken = new Array<boolean>(tokens.length).fill(false);
    const found: EntityMatch<T>[] = [];
    const starts = this.candidates(tokens, tokenStems);
    for (const e of [...starts.keys()].sort((a, b) => a - b)) {
      const entry = this.entries[e];
      const n = this.shortest[e];
      for (const i of starts.get(e)!.sort((a, b) => a - b)) {
        if (i + n > tokens.length) break;
        const j = this.matchAt(entry, tokens, tokenStems, taken, i);
        if (j < 0) continue;
        for (let k = i; k < j; k++) taken[k] = true;
        found.push({ value: entry.value, from: i, to: j });
      }
    }
    return found.sort((a, b) => a.from - b.from);
  }

  /** The reference for {@link match}: every entry tried at every token, without the index (slow; tests compare the two). */
  matchEverywhere(tokens: string[], tokenStems: string[] = tokens.map(stem)): EntityMatch<T>[] {
    const taken = new Array<boolean>(tokens.length).fill(false);
    const found: EntityMatch<T>[] = [];
    for (const entry of this.entries) {
      for (let i = 0; i + entry.words.length <= tokens.length; i++) {
        const j = this.matchAt(entry, tokens, tokenStems, taken, i);
        if (j < 0) continue;
        for (let k = i; k < j; k++) taken[k] = true;
        found.push({ value: entry.value, from: i, to: j });
      }
    }
    return found.sort((a, b) => a.from - b.from);
  }

  /** Where the entry's match starting at token i ends (one past its last token), or -1 when it does not match there. */
  private matchAt(entry: PhraseEntry<T>, tokens: string[], tokenStems: string[], taken: boolean[], i: number): number {
    const n = entry.words.length;
    let exact = 0;
    let bySound = 0;
    let j = i;
    for (let k = 0; k < n; k++, j++) {
      // "my mind just won't switch off", "can't really sleep": a filler between a phrase's words changes nothing.
      // (nor do the places a name put back from voice typing left empty: "my of fascial pain" is "myofascial", "", "", "pain")
      if (k > 0) while (j < tokens.length - 1 && (FILLERS.has(tokens[j]) || tokens[j] === '') && tokens[j] !== entry.words[k] && !taken[j]) j++;
      // ("pain in the lower part of back", "behind knee": a possessive or article inside a phrase may go unwritten, as
      // writers of other first languages often leave it; never the phrase's first word, and never its last)
      if (this.looseDeterminers && k > 0 && k < n - 1 && DROPPABLE.has(entry.words[k]) && (j >= tokens.length || tokens[j] !== entry.words[k])) {
        j--;
        continue;
      }
      // ("the sciencey muscle one", "the old chinese one": a word that describes it more, before the word that names "the … one")
      if (
        k === 1 &&
        entry.words[0] === 'the' &&
        entry.words[n - 1] === 'one' &&
        n >= 3 &&
        tokens[j] !== entry.words[1] &&
        tokens[j + 1] === entry.words[1]
      )
        j++;
      if (j >= tokens.length || taken[j]) return -1;
      // ("my gran" is not "my-graine": "my" alone is no anchor for a word that only sounds like the alias's)
      if (sameWord(tokens[j], tokenStems[j], entry.words[k], entry.stems[k])) exact += FUNCTION_WORDS.has(tokens[j]) ? 0 : 1;
      // ("the lower portion of my back": a word for a part is the part)
      else if (entry.words[k] === 'part' && PART_WORDS.has(tokens[j])) exact++;
      else if (this.bySound && n >= 2 && soundsAlike(tokens[j], entry.words[k])) bySound++;
      // ("plantar fash itis": a long word of a name typed or dictated in two pieces)
      else if (this.bySound && k > 0 && j + 1 < tokens.length && !taken[j + 1] && splitWord(tokens[j], tokens[j + 1], entry.words[k])) {
        exact++;
        j++;
      } else return -1;
    }
    // "carpool tunnel", "planter fasciitis" (autocorrect, sound-alike spelling): in a phrase of two words or more, a word
    // that sounds like the alias's counts, when another word of it is the alias's own.
    return bySound > 0 && exact === 0 ? -1 : j;
  }
}

/** Determiners a phrase's middle may be written without ("lower part of back" for "lower part of my back"). */
const DROPPABLE = new Set(['my', 'the', 'his', 'her', 'your', 'their', 'our']);
/** Other words for "part" ("the lower portion of my back"). */
const PART_WORDS = new Set(['portion', 'section', 'region', 'area']);

/** The user's own words for a match, from the cleaned message. */
export function quote(cleaned: string, tokens: Token[], m: { from: number; to: number }): string {
  return cleaned.slice(tokens[m.from].start, tokens[m.to - 1].end);
}
