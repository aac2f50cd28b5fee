/**
 * The clinic recognizer with what staff taught on top: a message that is, word for word (questionKey), one staff
 * taught is recognised as taught (an example's intent, a declined message as out of scope, a FAQ phrasing as its
 * entry), so the bot answers exactly what staff fixed as soon as the change is swapped in; everything else, similar
 * wordings included, goes through the model, which was trained with the taught examples too.
 */
import type { Knowledge } from '../knowledge/types';
import { createClinicRecognizer } from '../nlu/clinic';
import type { IntentModel } from '../nlu/model';
import type { IntentRecognizer, Recognition } from '../nlu/recognizer';
import { questionKey } from '../storage/review';
import { faqIntent, Taught } from './taught';

export class TaughtRecognizer {
  private readonly exact = new Map<string, string>();
  private readonly inner: IntentRecognizer;

  constructor(knowledge: Knowledge, model: IntentModel, taught: Taught, maxChars?: number) {
    this.inner = createClinicRecognizer(knowledge, model, maxChars);
    for (const e of taught.examples) this.exact.set(questionKey(e.text), e.intent);
    for (const text of taught.declined) this.exact.set(questionKey(text), 'out_of_scope');
    for (const f of taught.faqs) for (const q of f.questions) this.exact.set(questionKey(q), faqIntent(f.id));
  }

  get model(): IntentModel {
    return this.inner.model;
  }

  recognize(text: string): Recognition {
    const r = this.inner.recognize(text);
    const taught = r.reason === 'too_long' || r.reason === 'empty' ? undefined : this.exact.get(questionKey(text));
    if (!taught || taught === r.intent) return r;
    return { ...r, intent: taught, score: 1, reason: taught === 'out_of_scope' ? 'out_of_scope' : 'classified', candidates: undefined };
  }
}
