/**
 * What staff may teach, checked before anything is trained or stored: a known intent, a condition as the article
 * lists it, an alias no other condition has, the clinic's details in the shape clinic.json needs, FAQ entries with a
 * few phrasings and an answer. A bad request is a TeachError with a message for the person (400 over HTTP).
 */
import { CLINIC_FAQ_PREFIX, intentsOf, isClinicFaqIntent, Knowledge } from '../knowledge/types';
import type { ClinicFaq, NewTeachingChange, TeachingKind, TeachingStatus } from '../storage/teaching';
import { CLINIC_FIELDS, sameName, Taught } from './taught';

export class TeachError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A change as staff ask for it (the JSON API's bodies and the pages' forms). */
export type TeachInput =
  | { kind: 'example'; text: string; intent: string }
  | { kind: 'alias'; alias: string; condition: string }
  | { kind: 'out_of_scope'; text: string }
  | { kind: 'dismiss'; text: string }
  | { kind: 'clinic'; clinic: Record<string, string>; previous?: Record<string, string> }
  | { kind: 'faq'; faq: { id?: string; title: string; questions: string[]; answer: string } }
  | { kind: 'faq_remove'; faqId: string };

const MAX_TEXT = 300;

function textOf(value: unknown, name: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || !value.trim()) throw new TeachError(400, `${name} is required`);
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length > max) throw new TeachError(400, `${name} is too long (at most ${max} characters)`);
  return text;
}

export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'entry'
  );
}

function faqOf(raw: { id?: string; title: string; questions: string[]; answer: string }): ClinicFaq {
  const title = textOf(raw?.title, 'title', 80);
  const questions = (Array.isArray(raw?.questions) ? raw.questions : [])
    .filter((q) => typeof q === 'string' && q.trim())
    .map((q, i) => textOf(q, `question ${i + 1}`));
  if (questions.length < 2) throw new TeachError(400, 'give at least two ways a patient might ask it');
  if (questions.length > 20) throw new TeachError(400, 'at most 20 phrasings');
  const id = raw.id && /^[a-z0-9_]{1,40}$/.test(raw.id) ? raw.id : slug(title);
  return { id, title, questions, answer: textOf(raw?.answer, 'answer', 2000) };
}

/** The change to record, from what staff asked for (texts trimmed, the FAQ's id from its title). */
export function toChange(input: TeachInput, by: string, status: TeachingStatus): NewTeachingChange {
  const base = { kind: input?.kind as TeachingKind, status, by };
  switch (input?.kind) {
    case 'example':
      return { ...base, text: textOf(input.text, 'text'), intent: textOf(input.intent, 'intent', 60) };
    case 'alias':
      return { ...base, alias: textOf(input.alias, 'alias', 100), condition: textOf(input.condition, 'condition', 200) };
    case 'out_of_scope':
    case 'dismiss':
      return { ...base, text: textOf(input.text, 'text') };
    case 'clinic':
      return { ...base, clinic: input.clinic, previous: input.previous };
    case 'faq':
      return { ...base, faq: faqOf(input.faq) };
    case 'faq_remove':
      return { ...base, faqId: textOf(input.faqId, 'faqId', 40) };
    default:
      throw new TeachError(400, 'unknown kind of change');
  }
}

/** Throws a TeachError when the change cannot be taught. */
export function checkChange(change: NewTeachingChange, base: Knowledge, taught: Taught): void {
  if (change.kind === 'example') {
    const known = intentsOf(base).filter((i) => !isClinicFaqIntent(i));
    if (!known.includes(change.intent!)) throw new TeachError(400, `unknown intent "${change.intent}" (known: ${known.join(', ')})`);
  } else if (change.kind === 'alias') {
    const condition = base.conditions.find((c) => sameName(c.name, change.condition!));
    if (!condition)
      throw new TeachError(400, `unknown condition "${change.condition}": use the name as the article lists it (e.g. "${base.conditions[0].name}")`);
    change.condition = condition.name;
    const key = change.alias!.toLowerCase();
    const owner =
      base.conditions.find((c) => c.name !== condition.name && c.aliases.some((a) => a.toLowerCase() === key))?.name ??
      taught.aliases.find((a) => a.condition !== condition.name && a.alias.toLowerCase() === key)?.condition;
    if (owner) throw new TeachError(400, `"${change.alias}" already means ${owner}`);
  } else if (change.kind === 'clinic') {
    checkClinic(change.clinic ?? {});
  } else if (change.kind === 'faq_remove') {
    if (!taught.faqs.some((f) => f.id === change.faqId)) throw new TeachError(404, 'No such FAQ entry.');
  } else if (change.kind === 'faq' && `${CLINIC_FAQ_PREFIX}${change.faq!.id}`.length > 60) {
    throw new TeachError(400, 'title is too long');
  }
}

function checkClinic(values: Record<string, unknown>): void {
  const fields = Object.keys(values);
  if (!fields.length) throw new TeachError(400, 'nothing to change');
  for (const f of fields) {
    if (!(CLINIC_FIELDS as readonly string[]).includes(f)) throw new TeachError(400, `unknown field "${f}" (known: ${CLINIC_FIELDS.join(', ')})`);
    values[f] = textOf(values[f], f, 500);
  }
  if (values.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(values.email)))
    throw new TeachError(400, 'email is not an email address');
  if (values.bookingUrl !== undefined && !/^https?:\/\/\S+$/.test(String(values.bookingUrl)))
    throw new TeachError(400, 'bookingUrl must start with http:// or https://');
}
