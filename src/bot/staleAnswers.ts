/**
 * Answers with no question waiting: a bare "yes" or "no" ("ok" stays thanks, as the model reads it) (an SMS patient replying to an old text, a carrier's
 * "reply YES" confusion), or a prompt's button tapped after its dialog ended ("Yes, send it" on an old Teams card).
 * They get a polite reply saying nothing is waiting (staleAnswerText in replies.ts), instead of "I didn't
 * understand" or, worse, a new booking.
 */
import { plainForm } from '../nlu/normalize';

const YES =
  /^(yes|y|yeah|yea|yep|yup|sure|please|yes please|yes thanks|yes thank you|yes (that is|thats) fine|yes send it|send|send it|confirm|correct|agreed|i agree)$/;
const NO = /^(no|n|nope|nah|no thanks|no thank you|no dont send|dont send|do not send|no thats not right)$/;
const THUMBS = /^\s*(\u{1F44D}|\u{1F44C}|\u{2705}|\u{2714}\u{FE0F}?)(\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF})?\s*$/u;

export type StaleAnswer = 'yes' | 'no';

export function staleAnswerOf(text: string | undefined): StaleAnswer | undefined {
  if (!text) return undefined;
  if (THUMBS.test(text)) return 'yes';
  const form = plainForm(text);
  if (YES.test(form)) return 'yes';
  if (NO.test(form)) return 'no';
  return undefined;
}

export function isStaleAnswer(text: string | undefined): boolean {
  return staleAnswerOf(text) !== undefined;
}
