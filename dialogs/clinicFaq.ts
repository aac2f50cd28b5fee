/**
 * The clinic's own questions and answers (prices, parking, rebates, what to bring…), taught by staff on the
 * Clinic page (src/teach). Each entry is its own intent, `clinic_faq_<id>`, answered with the staff's answer exactly
 * as written, alone: never mixed into a medical answer, which comes only from the article. The trace records
 * `source: 'clinic'`, so staff review can tell these answers from the article's.
 */
import { CLINIC_FAQ_PREFIX, isClinicFaqIntent, Knowledge } from '../src/knowledge/types';
import { say } from '../src/bot/reply';
import type { IntentEntry } from './intents';

export function clinicFaqEntry(intent: string, knowledge: Knowledge): IntentEntry | undefined {
  if (!isClinicFaqIntent(intent)) return undefined;
  const faq = knowledge.faqs?.find((f) => `${CLINIC_FAQ_PREFIX}${f.id}` === intent);
  if (!faq) return undefined;
  return {
    title: faq.title.slice(0, 20),
    handle: async ({ step, context }) => {
      await say(context, 'answered', faq.answer, { intent, source: 'clinic' });
      return step.endDialog();
    },
  };
}
