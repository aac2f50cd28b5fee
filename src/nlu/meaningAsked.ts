/**
 * What a patient asks to have explained ("what does 'referred pain' mean?", "My GP said I've got 'mechanical' back pain.
 * What does that actually mean?"): the words asked about, in the patient's own words. Pure text rules; whether the
 * article explains them is the dialog's call (it holds the article), and when it does not the bot says so honestly,
 * never a "yes" about a condition that was not asked about and never a guess at a diagnosis.
 */

/** "what does X mean", "what's X mean", "what is meant by X", "the meaning of X". */
const MEANING_ASKED = [
  // ("what do you mean by 'targeted pressure'?")
  /\bwhat (?:do|did) (?:you|u|ya|they|it|the article|your article) (?:actually |really |even )?mean by (.{1,50}?)\s*(?:[?.!]|$)/i,
  /\bwhat (?:does|do|did) (?!(?:you|u|ya|they) (?:actually |really |even )?mean\b)(.{1,50}?) (?:actually |really |even |exactly |mean exactly |truly )?mean\b/i,
  /\bwhat(?:'s|’s| is| s) (.{1,40}?) (?:actually |really |even )?mean\b/i,
  /\bwhat(?:'s|’s| is| s)? (?:meant by|the meaning of) (.{1,50}?)\s*(?:[?.!]|$)/i,
];
/** Words that point back at what was told ("what does that mean?"). */
const POINTER = /^(?:that|it|this|that word|that term|this word|this term|those words|that one|that diagnosis|all that|that stuff)$/i;
/**
 * A diagnosis or label someone gave, told before the question ("my GP said I've got 'mechanical' back pain", "the physio
 * reckons it's a bursitis", "he diagnosed me with costochondritis"): the words after the telling.
 */
const LABEL_TOLD =
  /\b(?:said|says|told me|tells me|reckons|reckoned|thinks|thought|called it|calls it|diagnosed (?:me |him |her |it )?(?:with|as)|put it down to|wrote|labelled it|labeled it)\b(?: that)?(?: (?:i|he|she|we|my \w+)(?:'ve|’ve|ve| have| has|'s|’s)? (?:got|have|has|had))?(?: (?:it|this|that)(?:'s|’s| is| was| s))?(?: (?:a|an|some))? ([^.,;!?]{3,50}?)\s*(?=[.,;!?]|$| and | but | so )/i;
/** Where or when a label was given, after it ("… on my referral", "… at my last appointment"). */
const WHERE_WRITTEN = /\s+(?:on|in|at|for|from|after|during|last|yesterday|today)\b.*$/i;
/** Determiners and possessives that are not part of a term ("the research", "my sciatica"). */
const LEADING = /^(?:the|a|an|my|your|his|her|their|our|this|that|these|those|some|any)\s+/i;

/**
 * A word or phrase in quotes ("Your article says acupuncture is 'increasingly' used for two things", 'what does
 * "postural re-patterning" mean?'): opened or closed by a quote mark with a space or a stop beside it, so "what's" and
 * "it's" quote nothing.
 */
const QUOTED = /(?:^|[\s(])['"“‘]([^'"“”‘’]{3,60}?)['"”’](?=[\s.,;:!?)]|$)/g;

/** Every word or phrase a message puts in quotes, in order, without the quote marks. */
export function quotedIn(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => m[1]);
}

/** What a message asks to have explained: the words asked about, and the first words it quotes (a label read or told). */
export interface MeaningAsked {
  /** The words asked about, without quotes or a leading determiner. */
  words: string;
  /** The first words the message puts in quotes, when it quotes any. */
  quoted?: string;
}

/** The words a message asks to have explained, and the first words it quotes; undefined when it asks none. */
export function meaningAsked(text: string): MeaningAsked | undefined {
  const words = wordsAsked(text);
  return words ? { words, quoted: quotedIn(text)[0] } : undefined;
}

/** The words asked to be explained, without quotes or a leading determiner; undefined when none. */
function wordsAsked(text: string): string | undefined {
  const m = MEANING_ASKED.map((re) => re.exec(text)).find((x) => x !== null);
  if (!m) return undefined;
  const asked = unquoted(m[1]);
  if (!POINTER.test(asked)) return asked.replace(LEADING, '') || undefined;
  // ("When it says acupuncture is more for 'internal ailments', what does that actually mean?": the words quoted before)
  const quotedBefore = quotedIn(text.slice(0, m.index)).at(-1);
  if (quotedBefore) return quotedBefore.replace(LEADING, '') || undefined;
  // ("… What does that actually mean?": the label told before the question)
  const told = LABEL_TOLD.exec(text.slice(0, m.index));
  // ("the physio wrote 'patellar tendinopathy' on my referral": the label, not where it was written)
  return told ? unquoted(told[1]).replace(WHERE_WRITTEN, '').replace(LEADING, '') || undefined : undefined;
}

/** The words without the quote marks around them or in them ("'mechanical' back pain" -> mechanical back pain). */
function unquoted(words: string): string {
  return words
    .replace(/(^|\s)['"“‘]|['"”’](?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
