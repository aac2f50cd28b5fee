/** What every dialog needs, injected so tests can pass their own knowledge, recognizer and enquiry store. */
import type { Knowledge } from '../src/knowledge/types';
import type { TurnRecognizer } from '../src/bot/turnRecognizer';
import type { EnquiryStore } from '../src/storage/enquiries';

export interface DialogDependencies {
  knowledge: Knowledge;
  turns: TurnRecognizer;
  /** Longest message the recognizer reads (for the "too long" reply). */
  maxMessageChars: number;
  /** Where booking and call-back enquiries are kept; without one, "book" gives the clinic's details. */
  enquiries?: EnquiryStore;
  /**
   * False while the bot's storage is failing (unreachable, or a full disk): a dialog whose steps must be saved to go
   * on (the enquiry's questions) does not start, and one under way stops, instead of asking the same question again.
   */
  canStore?: () => boolean;
}
