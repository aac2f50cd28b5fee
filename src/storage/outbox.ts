/**
 * The notification outbox: events staff are told about (a call-back or booking request, an urgent conversation,
 * a request for a person), written by the turn without waiting for any mail server and sent in the background by
 * src/notify/dispatcher.ts. Every backend implements the same contract (test/backend.test.ts):
 *  - `add` is create-only by event key: the same event noticed twice (two instances, a re-run turn) is kept once;
 *  - `claim` takes a lease on a due entry atomically, so with several instances exactly one sends it; an instance
 *    that dies while sending loses the lease when it expires and another one retries;
 *  - `settle` records the outcome (delivered targets, next attempt, last error) only for the lease holder.
 * Entries hold ids and times only: no patient name, contact details or message text.
 */
import { createHash } from 'node:crypto';

export type NotifyKind = 'callback' | 'booking' | 'urgent' | 'handoff';
export const NOTIFY_KINDS: readonly NotifyKind[] = ['callback', 'booking', 'urgent', 'handoff'];
/** Where a notification goes; each target is delivered once, independently of the other. */
export type NotifyTarget = 'email' | 'webhook';

export interface OutboxEvent {
  /** What makes the event unique, e.g. "enquiry:12" or "urgent:<channel>/<conversation>". */
  key: string;
  kind: NotifyKind;
  /** When it happened (ms). */
  at: number;
  channelId: string;
  conversationId: string;
  enquiryId?: number;
}

export interface OutboxEntry extends OutboxEvent {
  /** A hash of the key (safe in blob names and URLs). */
  id: string;
  attempts: number;
  /** Not before (ms). */
  nextAt: number;
  delivered: NotifyTarget[];
  /** Every target delivered. */
  sentAt?: number;
  /** Given up after retrying for too long. */
  gaveUpAt?: number;
  lastError?: string;
  leaseOwner?: string;
  leaseUntil?: number;
}

export interface Settlement {
  attempts: number;
  delivered: NotifyTarget[];
  sentAt?: number;
  gaveUpAt?: number;
  nextAt: number;
  lastError?: string;
}

export interface Outbox {
  /** Stores the event unless one with the same key is already there; true when stored now. */
  add(event: OutboxEvent): Promise<boolean>;
  /** Entries not sent nor given up, due at `now` and not leased by anyone, oldest first. */
  due(now: number, limit: number): Promise<OutboxEntry[]>;
  /** Takes the lease on a due entry; undefined when another instance holds it (or it is no longer due). */
  claim(id: string, owner: string, now: number, leaseMs: number): Promise<OutboxEntry | undefined>;
  /** Records an attempt's outcome and releases the lease; false when the lease was lost. */
  settle(id: string, owner: string, result: Settlement): Promise<boolean>;
  /** The newest entries, newest first (the staff notifications page). */
  recent(limit: number): Promise<OutboxEntry[]>;
  /** Deletes entries that happened before `cutoff`; returns how many. */
  purgeBefore(cutoff: number): Promise<number>;
}

export function outboxId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

/** Shortens an error for storage and display (no stack, no multi-line server replies). */
export function shortError(err: unknown): string {
  const e = err as { message?: string; code?: string; responseCode?: number };
  const text = `${e?.code ? e.code + ': ' : ''}${String(e?.message ?? err)}`.split('\n')[0];
  return text.length > 300 ? text.slice(0, 299) + '…' : text;
}
