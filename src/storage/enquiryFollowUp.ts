/**
 * Enquiry follow-up: who owns a call-back or booking request, how the call went (the outcome), staff notes, and a
 * history of who changed what and when. Every backend keeps the same contract (test/backend.test.ts); the history
 * and notes are deleted with the enquiry (a deletion request or the retention purge), as they may name the patient.
 * SQLite: sqlite/followUps.ts; Azure Blob: in the enquiry's blob (azure/blobEnquiryStore.ts).
 */

export const OUTCOMES = ['called', 'left_message', 'booked', 'no_answer', 'not_needed'] as const;
export type EnquiryOutcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<EnquiryOutcome, string> = {
  called: 'called',
  left_message: 'left a message',
  booked: 'booked',
  no_answer: 'no answer',
  not_needed: 'not needed',
};

export const MAX_NOTE_CHARS = 2000;

export type FollowUpAction = 'status' | 'owner' | 'outcome' | 'note';

export interface FollowUpEvent {
  at: Date;
  by: string;
  action: FollowUpAction;
  /** The new value ('' when cleared); the note's text for `note`. */
  value: string;
}

/** What a staff member changes at once; undefined leaves a field as it is, null clears it. */
export interface FollowUpChange {
  status?: 'new' | 'done';
  owner?: string | null;
  outcome?: EnquiryOutcome | null;
  note?: string;
}

/** `owner` filter of an enquiry list: a staff name, or UNASSIGNED for enquiries nobody owns. */
export const UNASSIGNED = '-';

export function isOutcome(value: unknown): value is EnquiryOutcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/** The events a change produces against the current values (nothing for a field set to what it already is). */
export function changeEvents(
  current: { status: string; owner?: string; outcome?: string },
  change: FollowUpChange,
  by: string,
  at: Date,
): FollowUpEvent[] {
  const events: FollowUpEvent[] = [];
  if (change.status !== undefined && change.status !== current.status) events.push({ at, by, action: 'status', value: change.status });
  if (change.owner !== undefined && (change.owner ?? '') !== (current.owner ?? ''))
    events.push({ at, by, action: 'owner', value: change.owner ?? '' });
  if (change.outcome !== undefined && (change.outcome ?? '') !== (current.outcome ?? ''))
    events.push({ at, by, action: 'outcome', value: change.outcome ?? '' });
  if (change.note?.trim()) events.push({ at, by, action: 'note', value: change.note.trim().slice(0, MAX_NOTE_CHARS) });
  return events;
}
