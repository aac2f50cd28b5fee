/**
 * The notification outbox (../outbox.ts) in SQLite: one row per event, the event key's hash as the primary key (so
 * an event noticed twice is kept once), the lease taken by a conditional UPDATE. Its table is created on first use.
 */
import { NotifyKind, NotifyTarget, Outbox, OutboxEntry, OutboxEvent, outboxId, Settlement } from '../outbox';
import type { Db } from './db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS notify_outbox (
  id              TEXT PRIMARY KEY,
  key             TEXT NOT NULL,
  kind            TEXT NOT NULL,
  at              INTEGER NOT NULL,
  channel_id      TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  enquiry_id      INTEGER,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_at         INTEGER NOT NULL,
  delivered       TEXT NOT NULL DEFAULT '',
  sent_at         INTEGER,
  gave_up_at      INTEGER,
  last_error      TEXT,
  lease_owner     TEXT,
  lease_until     INTEGER
);
CREATE INDEX IF NOT EXISTS notify_outbox_due ON notify_outbox (next_at) WHERE sent_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX IF NOT EXISTS notify_outbox_at ON notify_outbox (at);
`;

interface Row {
  id: string;
  key: string;
  kind: NotifyKind;
  at: number;
  channel_id: string;
  conversation_id: string;
  enquiry_id: number | null;
  attempts: number;
  next_at: number;
  delivered: string;
  sent_at: number | null;
  gave_up_at: number | null;
  last_error: string | null;
  lease_owner: string | null;
  lease_until: number | null;
}

function targets(s: string): NotifyTarget[] {
  return s.split(',').filter((t): t is NotifyTarget => t === 'email' || t === 'webhook');
}

function fromRow(r: Row): OutboxEntry {
  const e: OutboxEntry = {
    id: r.id,
    key: r.key,
    kind: r.kind,
    at: r.at,
    channelId: r.channel_id,
    conversationId: r.conversation_id,
    attempts: r.attempts,
    nextAt: r.next_at,
    delivered: targets(r.delivered),
  };
  if (r.enquiry_id !== null) e.enquiryId = r.enquiry_id;
  if (r.sent_at !== null) e.sentAt = r.sent_at;
  if (r.gave_up_at !== null) e.gaveUpAt = r.gave_up_at;
  if (r.last_error !== null) e.lastError = r.last_error;
  if (r.lease_owner !== null) e.leaseOwner = r.lease_owner;
  if (r.lease_until !== null) e.leaseUntil = r.lease_until;
  return e;
}

/** The outbox in the SQLite file (its table is created on first use, beside the main schema). */
export class SqliteOutbox implements Outbox {
  constructor(private readonly db: Db) {
    db.exec(SCHEMA);
  }

  async add(e: OutboxEvent): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO notify_outbox (id, key, kind, at, channel_id, conversation_id, enquiry_id, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(outboxId(e.key), e.key, e.kind, e.at, e.channelId, e.conversationId, e.enquiryId ?? null, e.at);
    return result.changes > 0;
  }

  async due(now: number, limit: number): Promise<OutboxEntry[]> {
    return this.db
      .prepare<[number, number, number], Row>(
        `SELECT * FROM notify_outbox WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_at <= ? AND (lease_until IS NULL OR lease_until < ?)
         ORDER BY next_at LIMIT ?`,
      )
      .all(now, now, limit)
      .map(fromRow);
  }

  async claim(id: string, owner: string, now: number, leaseMs: number): Promise<OutboxEntry | undefined> {
    const claimed = this.db
      .prepare(
        `UPDATE notify_outbox SET lease_owner = ?, lease_until = ?
         WHERE id = ? AND sent_at IS NULL AND gave_up_at IS NULL AND next_at <= ? AND (lease_until IS NULL OR lease_until < ?)`,
      )
      .run(owner, now + leaseMs, id, now, now);
    if (claimed.changes === 0) return undefined;
    const row = this.db.prepare<[string], Row>('SELECT * FROM notify_outbox WHERE id = ?').get(id);
    return row && fromRow(row);
  }

  async settle(id: string, owner: string, r: Settlement): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE notify_outbox SET attempts = ?, delivered = ?, sent_at = ?, gave_up_at = ?, next_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND lease_owner = ?`,
      )
      .run(r.attempts, r.delivered.join(','), r.sentAt ?? null, r.gaveUpAt ?? null, r.nextAt, r.lastError ?? null, id, owner);
    return result.changes > 0;
  }

  async recent(limit: number): Promise<OutboxEntry[]> {
    return this.db.prepare<[number], Row>('SELECT * FROM notify_outbox ORDER BY at DESC, id LIMIT ?').all(limit).map(fromRow);
  }

  async purgeBefore(cutoff: number): Promise<number> {
    return this.db.prepare('DELETE FROM notify_outbox WHERE at < ?').run(cutoff).changes;
  }
}
