/**
 * What the bot knows after teaching: the applied changes of the teaching log replayed in order (later ones win), and
 * the knowledge the bot runs on, which is knowledge/ plus that. Pure functions, shared by the running bot, the
 * retraining worker and the export, so that all three agree on what a log means.
 */
import { createHash } from 'node:crypto';
import { CLINIC_FAQ_PREFIX, CLINIC_FIELDS, ClinicDetails, Knowledge, TrainingUtterance } from '../knowledge/types';
import { questionKey } from '../storage/review';
import type { ClinicFaq, TeachingChange, TeachingLog } from '../storage/teaching';

export interface Taught {
  examples: TrainingUtterance[];
  aliases: Array<{ alias: string; condition: string }>;
  /** Messages staff said the bot should decline (trained as out_of_scope). */
  declined: string[];
  /** questionKey()s of questions staff dismissed from the Unanswered list. */
  dismissed: string[];
  clinic: Partial<ClinicDetails>;
  faqs: ClinicFaq[];
}

/** The clinic details staff may teach: every field of clinic.json (knowledge/types.ts). */
export { CLINIC_FIELDS };

export function taughtFrom(changes: readonly TeachingChange[]): Taught {
  const t: Taught = { examples: [], aliases: [], declined: [], dismissed: [], clinic: {}, faqs: [] };
  const faqs = new Map<string, ClinicFaq>();
  for (const c of changes) {
    if (c.status !== 'applied') continue;
    if (c.kind === 'example' && c.text && c.intent) t.examples.push({ text: c.text, intent: c.intent });
    else if (c.kind === 'alias' && c.alias && c.condition) t.aliases.push({ alias: c.alias, condition: c.condition });
    else if (c.kind === 'out_of_scope' && c.text) t.declined.push(c.text);
    else if (c.kind === 'dismiss' && c.text) t.dismissed.push(questionKey(c.text));
    else if (c.kind === 'clinic' && c.clinic) Object.assign(t.clinic, pickClinic(c.clinic));
    else if (c.kind === 'faq' && c.faq) faqs.set(c.faq.id, c.faq);
    else if (c.kind === 'faq_remove' && c.faqId) faqs.delete(c.faqId);
  }
  t.faqs = [...faqs.values()];
  return t;
}

export function taughtOf(log: TeachingLog): Taught {
  return taughtFrom(log.changes);
}

function pickClinic(values: Record<string, string>): Partial<ClinicDetails> {
  const out: Partial<ClinicDetails> = {};
  for (const f of CLINIC_FIELDS) if (typeof values[f] === 'string') out[f] = values[f];
  return out;
}

export const faqIntent = (id: string) => `${CLINIC_FAQ_PREFIX}${id}`;

/** The parts of teaching the model is trained from (clinic details and dismissals are not). */
function trainingPart(t: Taught) {
  return { examples: t.examples, aliases: t.aliases, declined: t.declined, faqs: t.faqs.map((f) => ({ id: f.id, questions: f.questions })) };
}

/**
 * knowledge/ plus what was taught: examples and declined messages added to the training, aliases to their
 * conditions, FAQ phrasings as one intent per entry, the clinic's details over clinic.json's. `hash` covers the
 * training part, so a saved model is reused only when it was trained from exactly this.
 */
export function applyTaught(base: Knowledge, t: Taught): Knowledge {
  const conditions = base.conditions.map((c) => {
    const extra = t.aliases.filter((a) => sameName(a.condition, c.name)).map((a) => a.alias);
    return extra.length ? { ...c, aliases: [...new Set([...c.aliases, ...extra])] } : c;
  });
  const training = [
    ...base.training,
    ...t.examples,
    ...t.declined.map((text) => ({ text, intent: 'out_of_scope' })),
    ...t.faqs.flatMap((f) => f.questions.map((text) => ({ text, intent: faqIntent(f.id) }))),
  ];
  const empty = !t.examples.length && !t.aliases.length && !t.declined.length && !t.faqs.length;
  const hash = empty
    ? base.hash
    : createHash('sha256')
        .update(base.hash)
        .update(JSON.stringify(trainingPart(t)))
        .digest('hex');
  return { ...base, clinic: { ...base.clinic, ...t.clinic }, conditions, training, faqs: t.faqs, hash };
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Questions that no longer belong on the Unanswered list: taught (any way) or dismissed. */
export function handledKeys(t: Taught): Set<string> {
  return new Set(
    [...t.examples.map((e) => e.text), ...t.aliases.map((a) => a.alias), ...t.declined, ...t.faqs.flatMap((f) => f.questions)]
      .map(questionKey)
      .concat(t.dismissed),
  );
}
