/**
 * What staff taught the running bot, as one append-only change log kept by the storage backend (the one source
 * of truth, see docs/teaching.md): training examples (text -> intent), condition aliases, out-of-scope examples,
 * dismissed questions, the clinic's own details and its FAQ entries. Every change records who made it, when, and the
 * regression gate's before/after figures; a change is never deleted, only marked reverted, so the log is the audit
 * trail and "what the bot knows now" is the applied changes replayed in order (src/teach/taught.ts).
 *
 * Both backends keep the whole log as one document updated with a read-modify-write that cannot lose a concurrent
 * change (SQLite: one IMMEDIATE transaction; Azure Blob: the blob's eTag), and bump `revision` on every write, which
 * is what other instances poll to pick up a new model.
 */

import type { ClinicFaq } from '../knowledge/types';

export type { ClinicFaq };

export type TeachingKind = 'example' | 'alias' | 'out_of_scope' | 'dismiss' | 'clinic' | 'faq' | 'faq_remove';

/** applied: part of what the bot knows; draft: saved but not applied (e.g. refused by the gate); reverted: undone. */
export type TeachingStatus = 'applied' | 'draft' | 'reverted';

/** Held-out figures of one model (fractions 0..1), as the regression gate measures them. */
export type GateFigures = Record<string, number>;

export interface TeachingChange {
  id: number;
  kind: TeachingKind;
  status: TeachingStatus;
  /** Who and when (ISO time). */
  by: string;
  at: string;
  /** example / out_of_scope / dismiss: the patient's words. */
  text?: string;
  /** example: the intent that should answer the text. */
  intent?: string;
  /** alias: the words, and the condition as the article lists it. */
  alias?: string;
  condition?: string;
  /** clinic: the fields set, and what they were before. */
  clinic?: Record<string, string>;
  previous?: Record<string, string>;
  /** faq: the entry as saved; faq_remove: its id in faqId. */
  faq?: ClinicFaq;
  faqId?: string;
  /** The regression gate's figures before and after the change (when it ran). */
  figures?: { before: GateFigures; after: GateFigures };
  /** Why the gate refused it (drafts saved after a refusal). */
  refused?: string;
  /** Who reverted it, and when. */
  revertedBy?: string;
  revertedAt?: string;
}

export type NewTeachingChange = Omit<TeachingChange, 'id' | 'at'> & { at?: string };

export interface TeachingLog {
  /** Bumped by every write: instances compare it to know that something changed. */
  revision: number;
  nextId: number;
  changes: TeachingChange[];
}

export const EMPTY_LOG: TeachingLog = { revision: 0, nextId: 1, changes: [] };

/** Where the log is kept. `update` applies `change` to the latest log atomically (undefined: write nothing). */
export interface TeachingStore {
  read(): Promise<TeachingLog>;
  update(change: (log: TeachingLog) => TeachingLog | undefined): Promise<TeachingLog>;
}

export class TeachingConflictError extends Error {}

/** The log with one more change (the id and time filled in). */
export function appendChange(log: TeachingLog, change: NewTeachingChange): { log: TeachingLog; added: TeachingChange } {
  const added: TeachingChange = { ...change, id: log.nextId, at: change.at ?? new Date().toISOString() };
  return { log: { revision: log.revision + 1, nextId: log.nextId + 1, changes: [...log.changes, added] }, added };
}

/** The log with one change's status set; undefined when there is no such change. */
export function withStatus(
  log: TeachingLog,
  id: number,
  status: TeachingStatus,
  by: string,
  extra: Partial<TeachingChange> = {},
): TeachingLog | undefined {
  const i = log.changes.findIndex((c) => c.id === id);
  if (i < 0) return undefined;
  const old = log.changes[i];
  const next: TeachingChange = {
    ...old,
    ...extra,
    status,
    ...(status === 'reverted' ? { revertedBy: by, revertedAt: new Date().toISOString() } : {}),
  };
  const changes = [...log.changes];
  changes[i] = next;
  return { ...log, revision: log.revision + 1, changes };
}
