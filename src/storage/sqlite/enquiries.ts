/**
 * Enquiries in SQLite (the `enquiries` table), implementing the backend's asynchronous EnquiryBackend directly.
 */
import type { EnquiryBackend } from '../backend';
import type { Enquiry, EnquiryKind, EnquiryListOptions, EnquiryPage, EnquiryStatus, NewEnquiry } from '../enquiries';
import { FollowUpChange, FollowUpEvent, isOutcome, UNASSIGNED } from '../enquiryFollowUp';
import { SqliteFollowUps } from './followUps';
import { newEnquiryReference } from '../enquiryReference';
import type { Db } from './db';

interface Row {
  id: number;
  created_at: number;
  channel_id: string;
  conversation_id: string;
  kind: EnquiryKind;
  reference: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  preferred_time: string;
  reason: string | null;
  consent_at: number;
  status: EnquiryStatus;
  done_at: number | null;
  done_by: string | null;
  owner?: string | null;
  outcome?: string | null;
}

function fromRow(r: Row): Enquiry {
  return {
    id: r.id,
    createdAt: new Date(r.created_at),
    channelId: r.channel_id,
    conversationId: r.conversation_id,
    kind: r.kind,
    ...(r.reference ? { reference: r.reference } : {}),
    name: r.name,
    phone: r.phone ?? undefined,
    email: r.email ?? undefined,
    preferredTime: r.preferred_time,
    reason: r.reason ?? undefined,
    consentAt: new Date(r.consent_at),
    status: r.status,
    doneAt: r.done_at === null ? undefined : new Date(r.done_at),
    doneBy: r.done_by ?? undefined,
    ...(r.owner ? { owner: r.owner } : {}),
    ...(isOutcome(r.outcome) ? { outcome: r.outcome } : {}),
  };
}

export class SqliteEnquiryStore implements EnquiryBackend {
  private readonly insert: (e: NewEnquiry, now: number) => { id: number; reference: string };
  private readonly followUps: SqliteFollowUps;

  constructor(private readonly db: Db) {
    this.followUps = new SqliteFollowUps(db);
    const insert = db.prepare(
      `INSERT INTO enquiries (created_at, channel_id, conversation_id, kind, name, phone, email, preferred_time, reason, consent_at, status, reference)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?)`,
    );
    // The conversation's "enquiry" flag for the staff list, in the same transaction.
    const flag = db.prepare(
      `INSERT INTO conversations (channel_id, conversation_id, started_at, last_at, enquiry) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (channel_id, conversation_id) DO UPDATE SET enquiry = enquiry + 1`,
    );
    const existing = db.prepare<[string, string, number], { id: number; reference: string | null }>(
      'SELECT id, reference FROM enquiries WHERE channel_id = ? AND conversation_id = ? AND consent_at = ? LIMIT 1',
    );
    const taken = db.prepare<[string], { id: number }>('SELECT id FROM enquiries WHERE reference = ?');
    const tx = db.transaction((e: NewEnquiry, now: number) => {
      // The same request confirmed twice at once (see EnquiryStore.create); IMMEDIATE makes check and insert atomic.
      const stored = existing.get(e.channelId, e.conversationId, e.consentAt.getTime());
      if (stored) return { id: stored.id, reference: stored.reference ?? String(stored.id) };
      // The patient's reference is random, not the row id (see enquiryReference.ts).
      let reference = newEnquiryReference();
      while (taken.get(reference)) reference = newEnquiryReference();
      const id = Number(
        insert.run(
          now,
          e.channelId,
          e.conversationId,
          e.kind,
          e.name,
          e.phone ?? null,
          e.email ?? null,
          e.preferredTime,
          e.reason ?? null,
          e.consentAt.getTime(),
          reference,
        ).lastInsertRowid,
      );
      flag.run(e.channelId, e.conversationId, now, now);
      return { id, reference };
    });
    this.insert = (e, now) => tx.immediate(e, now);
  }

  async create(enquiry: NewEnquiry): Promise<{ id: number; reference: string }> {
    return this.insert(enquiry, Date.now());
  }

  async get(id: number): Promise<Enquiry | undefined> {
    const row = this.db.prepare<[number], Row>('SELECT * FROM enquiries WHERE id = ?').get(id);
    return row && fromRow(row);
  }

  /** Newest first; `status` and `owner` filter; keyset paging by (created_at, id). */
  async list(options: EnquiryListOptions = {}): Promise<EnquiryPage> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (options.status) {
      where.push('status = ?');
      params.push(options.status);
    }
    if (options.owner === UNASSIGNED) where.push('owner IS NULL');
    else if (options.owner) {
      where.push('owner = ?');
      params.push(options.owner);
    }
    const cursor = options.before ? /^(\d+)\.(\d+)$/.exec(options.before) : null;
    if (cursor) {
      where.push('(created_at, id) < (?, ?)');
      params.push(Number(cursor[1]), Number(cursor[2]));
    }
    const rows = this.db
      .prepare<Array<string | number>, Row>(
        `SELECT * FROM enquiries ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .all(...params, limit + 1);
    const items = rows.slice(0, limit).map(fromRow);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, next: last ? `${last.created_at}.${last.id}` : undefined };
  }

  /** Marks an enquiry done (or new again). False when there is no such enquiry. */
  async setStatus(id: number, status: EnquiryStatus, by: string): Promise<boolean> {
    const result =
      status === 'done'
        ? this.db.prepare("UPDATE enquiries SET status = 'done', done_at = ?, done_by = ? WHERE id = ?").run(Date.now(), by, id)
        : this.db.prepare("UPDATE enquiries SET status = 'new', done_at = NULL, done_by = NULL WHERE id = ?").run(id);
    return result.changes > 0;
  }

  /** Owner, outcome, status and notes, recorded in the history; false when there is no such enquiry. */
  async update(id: number, by: string, change: FollowUpChange): Promise<boolean> {
    return this.followUps.update(id, by, change);
  }

  async history(id: number): Promise<FollowUpEvent[]> {
    return this.followUps.history(id);
  }

  async forConversation(channelId: string, conversationId: string): Promise<Enquiry[]> {
    return this.db
      .prepare<[string, string], Row>('SELECT * FROM enquiries WHERE channel_id = ? AND conversation_id = ? ORDER BY id')
      .all(channelId, conversationId)
      .map(fromRow);
  }

  async countNew(): Promise<number> {
    return (this.db.prepare("SELECT count(*) AS n FROM enquiries WHERE status = 'new'").get() as { n: number }).n;
  }
}
