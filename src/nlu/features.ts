/**
 * Features for the naive Bayes model. Every feature has a prefix so that no word can collide with
 * a property of Object.prototype inside natural's feature dictionary ("constructor", "__proto__").
 */
import { stem } from './stem';

/** Tokens standing for a recognised entity, so "can it help tennis elbow" and "... sciatica" look alike. */
export const CONDITION_SLOT = '<condition>';
export const TREATMENT_SLOT = '<treatment>';

export interface FeatureOptions {
  /** Adjacent-word pairs: keep "how does" apart from "does it". */
  bigrams: boolean;
  /** The first word: questions starting "what"/"how"/"can" lean towards different intents. */
  firstWord: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { bigrams: true, firstWord: true };

/** Unigram stems (every word kept: "what", "how" and "is" carry intent), bigrams and the first word. */
export function extractFeatures(words: string[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string[] {
  const stems = words.map((w) => (w.startsWith('<') ? w : stem(w)));
  const out = new Set<string>();
  for (const s of stems) out.add('w:' + s);
  if (options.bigrams) {
    for (let i = 0; i + 1 < stems.length; i++) out.add('b:' + stems[i] + '_' + stems[i + 1]);
  }
  if (options.firstWord && stems.length > 0) out.add('f:' + stems[0]);
  return [...out];
}
