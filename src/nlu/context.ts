/**
 * Conversation context: follow-ups resolve against the treatment and condition talked about last.
 * "what about golfer's elbow?" keeps the treatment; "does it help sciatica?" after dry needling
 * means dry needling; "can it help with that?" after "I have plantar fasciitis" means plantar fasciitis.
 */
import type { ConditionRef, FoundEntity, TreatmentId } from './analyse';
import type { Recognition } from './recognizer';

/** What the conversation is about, kept in conversation state between turns. */
export interface ClinicContext {
  lastTreatment?: TreatmentId;
  lastCondition?: ConditionRef;
  lastIntent?: string;
}

export type TreatmentChoice = TreatmentId | 'both';

export interface ResolvedQuestion {
  treatment?: TreatmentChoice;
  condition?: FoundEntity<ConditionRef>;
  treatmentFromContext: boolean;
  conditionFromContext: boolean;
}

export function resolveQuestion(r: Recognition, ctx: ClinicContext): ResolvedQuestion {
  let treatment: TreatmentChoice | undefined;
  let treatmentFromContext = false;
  if (r.treatments.length > 1) treatment = 'both';
  else if (r.treatments.length === 1) treatment = r.treatments[0];
  else if (ctx.lastTreatment) {
    treatment = ctx.lastTreatment;
    treatmentFromContext = true;
  }

  let condition: FoundEntity<ConditionRef> | undefined = r.conditions[0];
  let conditionFromContext = false;
  if (!condition && r.refersBack && ctx.lastCondition) {
    condition = { value: ctx.lastCondition, text: ctx.lastCondition.name };
    conditionFromContext = true;
  }
  return { treatment, condition, treatmentFromContext, conditionFromContext };
}

/** The context after answering: what the user just named becomes "it" and "that" for the next turn. */
export function remember(ctx: ClinicContext, intent: string, q: Partial<ResolvedQuestion>): ClinicContext {
  const next: ClinicContext = { ...ctx, lastIntent: intent };
  if (q.treatment && q.treatment !== 'both') next.lastTreatment = q.treatment;
  if (q.condition) next.lastCondition = q.condition.value;
  return next;
}
