import type { Recognition } from '../src/nlu/recognizer';

/** Intents that are questions in their own right: asked while a dialog waits, they replace it. */
const QUESTION_INTENTS = new Set([
  'what_is',
  'how_it_works',
  'uses',
  'condition_query',
  'difference',
  'similarity',
  'which_suits',
  'contact',
  'booking',
  'not_covered',
  'human',
]);

/**
 * True when a message sent while a dialog waits for an answer is confidently a different question,
 * e.g. "what's the difference?" while asked which condition. The dialog then ends and the question
 * is answered, instead of the prompt repeating itself.
 */
export function isNewQuestion(r: Recognition, unlessIntent?: string): boolean {
  return r.reason === 'classified' && r.score >= 0.6 && QUESTION_INTENTS.has(r.intent) && r.intent !== unlessIntent;
}
