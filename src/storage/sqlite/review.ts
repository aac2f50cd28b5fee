/**
 * The staff review's read side over SQLite (web pages, JSON API, CLI): conversation list with filters, search
 * and keyset paging over the `conversations` summary table, a transcript grouped into turns, unanswered
 * questions, and exports. Every query is a prepared statement with bound parameters. It implements the
 * backend's asynchronous ReviewStore directly (better-sqlite3 is synchronous; the methods resolve at once).
 */
import type { Activity } from 'botbuilder';
import type { ConversationExport, ReviewStore } from '../backend';
import type {
  ConversationFilter,
  ConversationPage,
  ConversationSummary,
  Range,
  TurnView,
  UnansweredGroup,
  UrgentFilter,
  UrgentTurn,
} from '../review';
import type { RecognitionTraceValue } from '../../turn/trace';
import { BadFilterError, FLAGS, groupTurns, parseCursor, reviveActivity } from '../review';
import type { Db } from './db';

interface ConversationRow {
  id: number;
  channel_id: string;
  conversation_id: string;
  started_at: number;
  last_at: number;
  turns: number;
  activity_count: number;
  fallback: number;
  clarify: number;
  urgent: number;
  handoff: number;
  enquiry: number;
  first_text: string | null;
}

function summary(r: ConversationRow): ConversationSummary {
  return {
    id: r.id,
    channelId: r.channel_id,
    conversationId: r.conversation_id,
    startedAt: new Date(r.started_at),
    lastAt: new Date(r.last_at),
    turns: r.turns,
    activityCount: r.activity_count,
    flags: { fallback: r.fallback, clarify: r.clarify, urgent: r.urgent, handoff: r.handoff, enquiry: r.enquiry },
    firstText: r.first_text ?? undefined,
  };
}

/**
 * The search box as an FTS5 query: every word must appear (as a word prefix). Each word is quoted, so
 * nothing the user types is FTS syntax (no column filters, NEAR, OR, parentheses or stray quotes).
 */
export function ftsQuery(q: string): string | undefined {
  const words = (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  if (!words.length) return undefined;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

export class ReviewQueries implements ReviewStore {
  constructor(private readonly db: Db) {}

  /**
   * Newest first (by id: the order the store first saw each conversation), a page at a time with a
   * keyset cursor. Every filter is served by an index or by the search index in that order, so a
   * page costs about the same on page 1 and page 1,000, with 100 or 100,000 conversations.
   */
  async listConversations(filter: ConversationFilter = {}): Promise<ConversationPage> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 200);
    const where: string[] = [];
    const params: Array<string | number> = [];
    let from = 'conversations c';
    let key = 'c.id';
    if (filter.q !== undefined && filter.q.trim()) {
      const match = ftsQuery(filter.q);
      if (!match) return { items: [] };
      // The search index drives the query: matching conversations come out newest first.
      from = 'conversations_fts f JOIN conversations c ON c.id = f.rowid';
      key = 'f.rowid';
      where.push('conversations_fts MATCH ?');
      params.push(match);
    }
    if (filter.channel) {
      where.push('c.channel_id = ?');
      params.push(filter.channel);
    }
    if (filter.flag) {
      if (!FLAGS.includes(filter.flag)) throw new BadFilterError(`unknown flag "${filter.flag}"`);
      where.push(`c.${filter.flag} > 0`); // a column name from the fixed list above, never user text
    }
    if (filter.from !== undefined) {
      where.push('c.started_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('c.started_at < ?');
      params.push(filter.to);
    }
    const total = (
      this.db
        .prepare<Array<string | number>, { n: number }>(`SELECT count(*) AS n FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`)
        .get(...params) as { n: number }
    ).n;
    const newer = filter.after !== undefined;
    const cursor = filter.before ?? filter.after;
    if (cursor !== undefined) {
      where.push(newer ? `${key} > ?` : `${key} < ?`);
      params.push(parseCursor(cursor));
    }
    const offset = cursor === undefined && filter.page && filter.page > 1 ? (Math.trunc(filter.page) - 1) * limit : 0;
    const sql = `SELECT c.* FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${key} ${newer ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`;
    const rows = this.db.prepare<Array<string | number>, ConversationRow>(sql).all(...params, limit + 1, offset);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    if (newer) page.reverse();
    const first = page[0];
    const last = page[page.length - 1];
    return {
      items: page.map(summary),
      older: last && (newer || more) ? String(last.id) : undefined,
      newer: first && (newer ? more : cursor !== undefined || offset > 0) ? String(first.id) : undefined,
      total,
    };
  }

  async channels(): Promise<string[]> {
    // The distinct channels, from the (channel_id, …) index: cheap also with many conversations.
    const out: string[] = [];
    let row = this.db.prepare<[], { c: string }>('SELECT min(channel_id) AS c FROM conversations').get();
    const next = this.db.prepare<[string], { c: string }>('SELECT min(channel_id) AS c FROM conversations WHERE channel_id > ?');
    while (row?.c != null && out.length < 100) {
      out.push(row.c);
      row = next.get(row.c);
    }
    return out;
  }

  async getConversation(id: number): Promise<ConversationSummary | undefined> {
    const row = this.db.prepare<[number], ConversationRow>('SELECT * FROM conversations WHERE id = ?').get(id);
    return row && summary(row);
  }

  async findConversation(channelOrId: string, conversationId?: string): Promise<ConversationSummary | undefined> {
    const row = conversationId
      ? this.db
          .prepare<[string, string], ConversationRow>('SELECT * FROM conversations WHERE channel_id = ? AND conversation_id = ?')
          .get(channelOrId, conversationId)
      : this.db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE conversation_id = ? ORDER BY id LIMIT 1').get(channelOrId);
    return row && summary(row);
  }

  /** Every activity of a conversation, in logged order (each with its seq). */
  async activities(id: number): Promise<Array<Activity & { seq: number }>> {
    return this.db
      .prepare<[number], { seq: number; body: string }>('SELECT seq, body FROM activities WHERE conv = ? ORDER BY seq')
      .all(id)
      .map((r) => Object.assign(reviveActivity(r.body), { seq: r.seq }));
  }

  /** The conversation as a Bot Framework Emulator .transcript: a JSON array of its activities. */
  async transcriptFile(id: number): Promise<Activity[]> {
    return (await this.activities(id)).map(({ seq: _seq, ...a }) => a as Activity);
  }

  async turns(id: number): Promise<TurnView[]> {
    return groupTurns(await this.activities(id));
  }

  /** Fallback and low-confidence questions, grouped by wording, most frequent first. */
  async unanswered(range: Range = {}, limit = 200): Promise<UnansweredGroup[]> {
    const rows = this.db
      .prepare<
        [number, number, number],
        {
          norm: string;
          text: string;
          n: number;
          convs: number;
          last_at: number;
          top_intent: string | null;
          intent: string;
          outcome: string;
          reason: string;
          score: number;
          conv: number;
        }
      >(
        `SELECT norm, count(*) AS n, count(DISTINCT conv) AS convs, max(at) AS last_at, text, top_intent, intent, outcome, reason, score, conv
         FROM recognitions WHERE unanswered = 1 AND at >= ? AND at < ?
         GROUP BY norm ORDER BY n DESC, last_at DESC LIMIT ?`,
      )
      .all(range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER, Math.min(Math.max(limit, 1), 5000));
    return rows.map((r) => ({
      key: r.norm,
      text: r.text,
      count: r.n,
      conversations: r.convs,
      lastAt: new Date(r.last_at),
      bestGuess: r.top_intent ?? undefined,
      intent: r.intent,
      outcome: r.outcome,
      reason: r.reason,
      score: r.score,
      conversation: r.conv,
    }));
  }

  /** Conversations started in the range, oldest first, one at a time (exports of any size). */
  async *conversationsInRange(range: Range): AsyncGenerator<ConversationExport> {
    const ids = this.db
      .prepare<[number, number], { id: number }>('SELECT id FROM conversations WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id')
      .all(range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER);
    for (const { id } of ids) {
      const conversation = await this.getConversation(id);
      if (conversation) yield { conversation, activities: await this.transcriptFile(id) };
    }
  }

  /**
   * Turns that got safety guidance, newest first, with their tier (read from each turn's trace). Urgent
   * turns are rare, so the scan of the recognitions table is cheap next to a page of conversations.
   */
  async urgentTurns(filter: UrgentFilter = {}): Promise<UrgentTurn[]> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 200), 1), 1000);
    const ids = filter.conversations?.filter((n) => Number.isSafeInteger(n)).slice(0, 500);
    if (ids && ids.length === 0) return [];
    const rows = this.db
      .prepare<Array<number>, { conv: number; at: number; text: string; body: string; channel_id: string }>(
        `SELECT r.conv, r.at, r.text, a.body, c.channel_id FROM recognitions r JOIN activities a ON a.seq = r.seq JOIN conversations c ON c.id = r.conv
         WHERE r.outcome = 'urgent' ${ids ? `AND r.conv IN (${ids.map(() => '?').join(',')})` : ''} ORDER BY r.at DESC, r.seq DESC`,
      )
      .all(...(ids ?? []));
    const out: UrgentTurn[] = [];
    for (const r of rows) {
      const v = (JSON.parse(r.body) as { value?: RecognitionTraceValue }).value;
      const tier = v?.tier ?? 'emergency'; // turns logged before tiers existed were all emergency or crisis guidance
      if (filter.tier && tier !== filter.tier) continue;
      out.push({ conversation: r.conv, channelId: r.channel_id, at: new Date(r.at), text: r.text, tier, sign: v?.redFlag, safety: v?.safety });
      if (out.length >= limit) break;
    }
    return out;
  }

  async counts(): Promise<{ conversations: number; newEnquiries: number }> {
    const conversations = (this.db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;
    const newEnquiries = (this.db.prepare("SELECT count(*) AS n FROM enquiries WHERE status = 'new'").get() as { n: number }).n;
    return { conversations, newEnquiries };
  }
}
