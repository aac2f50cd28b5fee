/**
 * What one message turn understood and how it ended, kept in turnState so that exactly one
 * recognition trace per message turn can be emitted by RecognitionTraceMiddleware, whoever answered.
 */
import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import type { Recognition } from '../nlu/recognizer';

export type Outcome = 'answered' | 'clarify' | 'fallback' | 'handoff' | 'urgent';

export interface TurnRecord {
  recognition: Recognition;
  outcome?: Outcome;
  /** Set when a dialog answered a different intent than the classifier's (e.g. a prompt's answer). */
  intent?: string;
  /** The red flag that matched, for urgent turns. */
  redFlag?: string;
  /** What the answer was about (set when the bot remembers it for follow-ups): canonical names. */
  about?: { treatment?: string; condition?: string };
}

const TURN_RECORD = Symbol('clinic.turnRecord');

export function getTurnRecord(context: TurnContext): TurnRecord | undefined {
  return context.turnState.get(TURN_RECORD);
}

export function setTurnRecord(context: TurnContext, record: TurnRecord): void {
  context.turnState.set(TURN_RECORD, record);
}

/** Records how the turn ended. The first outcome of a turn wins, except that urgent always wins. */
export function setOutcome(context: TurnContext, outcome: Outcome, intent?: string): void {
  const record = getTurnRecord(context);
  if (!record) return;
  if (record.outcome && record.outcome !== 'clarify' && outcome !== 'urgent') return;
  record.outcome = outcome;
  if (intent) record.intent = intent;
}

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
