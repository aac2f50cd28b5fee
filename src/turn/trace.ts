/**
 * The recognition trace: one "ClinicRecognizer" trace activity per message turn, built from the turn
 * record by the bot and parsed back by both transcript stores, the staff review and the exports. Build
 * and parse live together here so that the writer and the readers cannot drift apart.
 */
import { Activity, ActivityTypes } from 'botbuilder';
import type { Outcome, TurnRecord } from './record';

export const TRACE_NAME = 'ClinicRecognizer';
export const TRACE_LABEL = 'Intent recognition';
export const TRACE_VALUE_TYPE = 'clinic.recognition';
const MAX_TRACE_TEXT = 2000;

export interface RecognitionTraceValue {
  text: string;
  intent: string;
  score: number;
  alternatives: Array<{ intent: string; score: number }>;
  entities: Array<{ type: 'condition'; value: string; text: string }>;
  outcome: Outcome;
  reason: string;
  redFlag?: string;
  /** Safety tier of an urgent turn: emergency, crisis, urgent (care) or clinic. */
  tier?: string;
  /** How safety answered: alone (guidance only), first (guidance, then the answer) or note. */
  safety?: string;
  /** 'clinic': answered from the clinic's own FAQ entries, not the article. */
  source?: 'clinic';
  /** The treatment ("acupuncture", "dryNeedling" or "both") and the article's condition name the answer was about. */
  treatment?: string;
  condition?: string;
}

export function traceValue(record: TurnRecord): RecognitionTraceValue {
  const r = record.recognition;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    text: r.text.length > MAX_TRACE_TEXT ? r.text.slice(0, MAX_TRACE_TEXT) + '…' : r.text,
    intent: record.intent ?? r.intent,
    score: round(r.score),
    alternatives: r.alternatives.map((a) => ({ intent: a.intent, score: round(a.score) })),
    entities: r.conditions.map((c) => ({ type: 'condition', value: c.value.name, text: c.text })),
    outcome: record.outcome ?? 'fallback',
    reason: r.reason,
    ...(record.redFlag ? { redFlag: record.redFlag } : {}),
    ...(record.safety?.tier ? { tier: record.safety.tier } : {}),
    ...(record.safety ? { safety: record.safety.mode } : {}),
    ...(record.source ? { source: record.source } : {}),
    ...(record.about?.treatment ? { treatment: record.about.treatment } : {}),
    ...(record.about?.condition ? { condition: record.about.condition } : {}),
  };
}

export function traceActivity(record: TurnRecord): Partial<Activity> {
  return {
    type: ActivityTypes.Trace,
    name: TRACE_NAME,
    label: TRACE_LABEL,
    valueType: TRACE_VALUE_TYPE,
    value: traceValue(record),
  };
}

export function isRecognitionTrace(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Trace && activity.name === TRACE_NAME && activity.valueType === TRACE_VALUE_TYPE;
}

/** The recognition a stored activity carries, if it is the recognition trace. */
export function recognitionOf(activity: Partial<Activity>): RecognitionTraceValue | undefined {
  return isRecognitionTrace(activity) ? (activity.value as RecognitionTraceValue) : undefined;
}

/** A turn the staff should look at: not understood, or understood too weakly to answer. */
export function isUnanswered(value: Pick<RecognitionTraceValue, 'outcome' | 'reason'>): boolean {
  return value.outcome === 'fallback' || (value.outcome === 'clarify' && (value.reason === 'low_confidence' || value.reason === 'ambiguous'));
}
