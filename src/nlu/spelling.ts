/**
 * Typo correction against the words the model knows ("acupunture" -> "acupuncture", "tenis" -> "tennis").
 * Words are only corrected towards known vocabulary, never towards arbitrary English, so an
 * off-topic word stays off-topic unless it is one typo away from a clinic word.
 */

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early once it exceeds max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1];
}

/** How many edits a word of this length may be away from a known word. Short words are left alone. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  if (length < 8) return 1;
  return 2;
}

export class SpellCorrector {
  private readonly known: Map<string, number>;
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  /**
   * @param vocabulary word -> how often it occurs in the training data (ties go to the commoner word).
   * @param isWord words never corrected though unknown here (English words: "choosing" is not a typo of "shooting").
   */
  constructor(
    vocabulary: Map<string, number>,
    private readonly isWord: (word: string) => boolean = () => false,
  ) {
    this.known = vocabulary;
    for (const word of vocabulary.keys()) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  correct(word: string): string {
    if (this.known.has(word) || /\d/.test(word)) return word;
    const max = allowedEdits(word.length);
    if (max === 0 || this.isWord(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let best = word;
    let bestDistance = max + 1;
    let bestCount = 0;
    // A known word shorter than the typed one means the user added letters; only allowed for long words,
    // so "paint" does not become "pain".
    const minLength = word.length >= 7 ? word.length - max : word.length;
    for (let len = minLength; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (candidate[0] !== word[0] && candidate[1] !== word[1]) continue;
        const d = editDistance(word, candidate, Math.min(max, bestDistance));
        const count = this.known.get(candidate) ?? 0;
        if (d < bestDistance || (d === bestDistance && count > bestCount)) {
          best = candidate;
          bestDistance = d;
          bestCount = count;
        }
      }
    }
    const result = bestDistance <= max ? best : word;
    if (this.cache.size < 10_000) this.cache.set(word, result);
    return result;
  }
}
