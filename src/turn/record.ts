/**
 * What one message turn understood and how it ended, kept in turnState so that exactly one
 * recognition trace per message turn can be emitted by RecognitionTraceMiddleware, whoever answered.
 * Neutral ground (src/turn): the bot writes it, storage and staff read its trace (trace.ts); it imports
 * nothing from bot, staff, channels or dialogs.
 */
import type { TurnContext } from 'botbuilder';
import type { Recognition } from '../nlu/recognizer';

export type Outcome = 'answered' | 'clarify' | 'fallback' | 'handoff' | 'urgent';

export interface TurnRecord {
  recognition: Recognition;
  outcome?: Outcome;
  /** Set when a dialog answered a different intent than the classifier's (e.g. a prompt's answer). */
  intent?: string;
  /** The red flag that matched, for urgent turns. */
  redFlag?: string;
  /** What safety triage did this turn (src/safety, docs/safety.md): guidance alone or first (with its tier), or a note. */
  safety?: { mode: 'alone' | 'first' | 'note'; tier?: string; sign?: string; source?: string };
  /** Where the answer came from when it was not the article: 'clinic' for the clinic's own FAQ entries (src/teach). */
  source?: 'clinic';
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

/** Records that the answer came from the clinic's own entries rather than the article. */
export function setSource(context: TurnContext, source: 'clinic'): void {
  const record = getTurnRecord(context);
  if (record) record.source = source;
}
