import { QUESTION_INTENTS } from '../src/knowledge/types';
import type { Recognition } from '../src/nlu/recognizer';

const QUESTIONS: ReadonlySet<string> = new Set(QUESTION_INTENTS);

/**
 * True when a message sent while a dialog waits for an answer is confidently a different question,
 * e.g. "what's the difference?" while asked which condition. The dialog then ends and the question
 * is answered, instead of the prompt repeating itself.
 */
export function isNewQuestion(r: Recognition, unlessIntent?: string): boolean {
  // One or two words ("not sure", "tomorrow") are an answer to the question asked, however the model reads them.
  const words = r.text.trim().split(/\s+/).filter(Boolean).length;
  return words >= MIN_WORDS && r.reason === 'classified' && r.score >= 0.6 && QUESTIONS.has(r.intent) && r.intent !== unlessIntent;
}

const MIN_WORDS = 3;
