/**
 * Everyday complaints, written from the clinic's own condition data (knowledge/conditions.json): each listed
 * condition's body parts with the symptom words patients use and the condition's context cues ("my heel aches
 * first thing in the morning", "numb fingers at night for months"). They are extra "none" examples for the
 * safety classifier: without them its benign class holds only questions, so any description of an ache reads
 * as more like a safety example than like a question, and "side of my hip aches when I lie on it" got
 * "This could be an emergency". Generated, not hand-written, so a condition the clinic adds is covered too.
 */
import type { Condition, DescriptionWords } from '../knowledge/types';

const LEADS = ['my', 'i have a', 'ive got a', 'the', 'my left', 'my right'];
const SPANS = ['for weeks', 'for months', 'for years', 'on and off', 'for ages', 'since last year', 'most days', 'every day'];
const HAVE = ['ive had', 'i get', 'suffering from', 'dealing with'];
const ASKS = ['can dry needling help', 'would acupuncture help', 'do you treat that', 'is needling good for that', 'what would you suggest', ''];

/** How many body parts and cues of a condition the lines are written from. */
const PER_CONDITION = 8;
/**
 * How many of the symptom words (the first ones) the lines are written from. Fixed, so that a word the clinic appends to
 * 'symptomWords' does not reshuffle every generated line: that moved the classifier on unrelated messages (a heel pain
 * after sitting went over its threshold when "sluggish" was added).
 */
const SYMPTOMS_USED = 135;

/** A fixed pick from a list (deterministic, so the classifier is the same on every start). */
const pick = <T>(list: T[], i: number): T => list[i % list.length];

/** Descriptions of each listed condition in everyday words, about three per body part. */
export function everydayComplaints(conditions: Condition[], words: DescriptionWords): string[] {
  const out: string[] = [];
  const symptoms = words.symptoms.slice(0, SYMPTOMS_USED);
  let n = 0;
  for (const c of conditions) {
    // The first few body parts and cues of each: the generated lines must not outweigh the written examples (with every
    // lay word of conditions.json, booking messages such as "my last session before the holidays" read as a crisis).
    const cues = c.cues.length ? c.cues.slice(0, PER_CONDITION) : ['lately'];
    for (const part of c.bodyParts.slice(0, PER_CONDITION)) {
      for (let k = 0; k < 3; k++, n++) {
        const symptom = pick(symptoms, n * 7 + k);
        const cue = pick(cues, n + k);
        const lead = pick(LEADS, n);
        out.push(`${lead} ${part} ${symptom} ${k === 1 ? 'when' : 'with'} ${cue} ${pick(SPANS, n)} ${pick(ASKS, n + k)}`.replace(/\s+/g, ' ').trim());
      }
    }
    for (const alias of c.aliases.slice(0, 4)) out.push(`${pick(HAVE, n++)} ${alias} ${pick(SPANS, n)}`);
  }
  return out;
}
