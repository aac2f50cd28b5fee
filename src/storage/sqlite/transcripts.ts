/**
 * botbuilder `TranscriptStore` over SQLite. Each logged activity is one row of `activities`; in the
 * same transaction the conversation's summary row (turns, last activity, outcome flags) is updated and,
 * for a recognition trace, a `recognitions` row is written, so the staff pages never scan activities.
 *
 * Order: activities are returned in the order they were logged (`seq`), not by timestamp, so the
 * order of one turn (incoming, then outgoing in send order) is kept even when clocks disagree.
 * Continuation tokens are opaque strings (the last seq, or for listTranscripts the last conversation
 * row, of a page); listTranscripts lists in the order conversations were first seen.
 * Writes share the connection's GroupCommit (see groupCommit.ts): a write resolves once it is committed.
 */
import type { Activity, PagedResult, TranscriptInfo } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { isRecognitionTrace, isUnanswered, RecognitionTraceValue } from '../../turn/trace';
import { PRIVATE_MASK } from '../../turn/masks';
import type { TranscriptBackend } from '../backend';
import { questionKey, reviveActivity, roleOf, searchText, timeOf } from '../review';
import { GroupCommit } from './groupCommit';
import type { Db } from './db';

export const PAGE_SIZE = 20;
const MAX_FIRST_TEXT = 200;
const MAX_RECOGNITION_TEXT = 500;

export interface LoggedActivity {
  seq: number;
  conv: number;
}

export class SqliteTranscriptStore implements TranscriptBackend {
  private readonly logMany: (activities: Activity[], replace?: { seq: number; activity: Activity }) => LoggedActivity[];
  private readonly rewriteOne: (seq: number, activity: Activity) => void;

  constructor(private readonly db: Db) {
    const upsertConversation = db.prepare(`
      INSERT INTO conversations (channel_id, conversation_id, started_at, last_at, turns, activity_count, fallback, clarify, urgent, handoff, first_text)
      VALUES (@channel, @conversation, @first, @last, @turns, @count, @fallback, @clarify, @urgent, @handoff, @firstText)
      ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
        started_at = min(started_at, excluded.started_at),
        last_at = max(last_at, excluded.last_at),
        turns = turns + excluded.turns,
        activity_count = activity_count + excluded.activity_count,
        fallback = fallback + excluded.fallback,
        clarify = clarify + excluded.clarify,
        urgent = urgent + excluded.urgent,
        handoff = handoff + excluded.handoff,
        first_text = coalesce(first_text, excluded.first_text)
      RETURNING id`);
    const insertActivity = db.prepare('INSERT INTO activities (conv, activity_id, type, role, at, text, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertRecognition = db.prepare(
      'INSERT INTO recognitions (seq, conv, at, text, norm, intent, top_intent, score, outcome, reason, condition, unanswered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const updateActivity = db.prepare('UPDATE activities SET text = ?, body = ? WHERE seq = ?');
    const updateRecognition = db.prepare('UPDATE recognitions SET text = ?, norm = ? WHERE seq = ?');
    const updateFirstText = db.prepare(
      'UPDATE conversations SET first_text = ? WHERE id = (SELECT conv FROM activities WHERE seq = ?) AND first_text = ?',
    );
    const selectText = db.prepare<[number], { text: string | null }>('SELECT text FROM activities WHERE seq = ?');

    const rewrite = (seq: number, activity: Activity) => {
      const before = selectText.get(seq)?.text ?? null;
      const text = searchText(activity);
      updateActivity.run(text, JSON.stringify(activity), seq);
      if (before !== null) updateFirstText.run(text ? text.slice(0, MAX_FIRST_TEXT) : null, seq, before.slice(0, MAX_FIRST_TEXT));
      if (isRecognitionTrace(activity)) {
        const traceText = String((activity.value as RecognitionTraceValue).text ?? '').slice(0, MAX_RECOGNITION_TEXT);
        updateRecognition.run(traceText, questionKey(traceText), seq);
      }
    };

    interface Summary {
      channel: string;
      conversation: string;
      first: number;
      last: number;
      turns: number;
      count: number;
      fallback: number;
      clarify: number;
      urgent: number;
      handoff: number;
      firstText: string | null;
      id?: number;
    }

    const logMany = (activities: Activity[], replace?: { seq: number; activity: Activity }): LoggedActivity[] => {
      if (replace) rewrite(replace.seq, replace.activity);
      // One summary update per conversation in the batch (a turn's replies are one batch), then the rows.
      const summaries = new Map<string, Summary>();
      const prepared = activities.map((activity) => {
        const channel = activity.channelId;
        const conversation = activity.conversation?.id;
        if (!channel || !conversation) throw new Error('an activity without channelId or conversation.id cannot be logged');
        const at = timeOf(activity);
        const text = searchText(activity);
        const trace = isRecognitionTrace(activity) ? (activity.value as RecognitionTraceValue) : undefined;
        const key = JSON.stringify([channel, conversation]);
        let sum = summaries.get(key);
        if (!sum) {
          sum = { channel, conversation, first: at, last: at, turns: 0, count: 0, fallback: 0, clarify: 0, urgent: 0, handoff: 0, firstText: null };
          summaries.set(key, sum);
        }
        sum.first = Math.min(sum.first, at);
        sum.last = Math.max(sum.last, at);
        sum.count++;
        if (activity.type === ActivityTypes.Message && roleOf(activity) === 'user') sum.turns++;
        if (trace?.outcome === 'fallback' || trace?.outcome === 'clarify' || trace?.outcome === 'urgent' || trace?.outcome === 'handoff')
          sum[trace.outcome]++;
        if (text && sum.firstText === null) sum.firstText = text.slice(0, MAX_FIRST_TEXT);
        return { activity, at, text, trace, sum };
      });
      for (const sum of summaries.values()) {
        const { id: _id, ...params } = sum;
        sum.id = (upsertConversation.get(params) as { id: number }).id;
      }
      return prepared.map(({ activity, at, text, trace, sum }) => {
        const conv = sum.id!;
        const seq = Number(
          insertActivity.run(conv, activity.id ?? null, activity.type ?? 'unknown', roleOf(activity), at, text, JSON.stringify(activity))
            .lastInsertRowid,
        );
        if (trace) {
          const traceText = String(trace.text ?? '').slice(0, MAX_RECOGNITION_TEXT);
          insertRecognition.run(
            seq,
            conv,
            at,
            traceText,
            questionKey(traceText),
            String(trace.intent ?? ''),
            trace.alternatives?.[0]?.intent ?? null,
            Number(trace.score) || 0,
            String(trace.outcome ?? ''),
            String(trace.reason ?? ''),
            trace.entities?.[0]?.value ?? null,
            // Answers to the enquiry's name and contact questions are masked whole: nothing to learn from them.
            isUnanswered(trace) && /[\p{L}\p{N}]/u.test(traceText.split(PRIVATE_MASK).join(' ')) ? 1 : 0,
          );
        }
        return { seq, conv };
      });
    };
    const tx = db.transaction(logMany);
    this.logMany = (activities, replace) => tx.immediate(activities, replace);
    const rewriteTx = db.transaction(rewrite);
    this.rewriteOne = (seq, activity) => rewriteTx.immediate(seq, activity);
  }

  /** Logs one activity (TranscriptLogger). The write is committed when the promise resolves. */
  async logActivity(activity: Activity): Promise<void> {
    if (!activity) throw new Error('activity cannot be null for logActivity()');
    await GroupCommit.for(this.db).run(() => this.logMany([activity]));
  }

  /**
   * Logs several activities together, in order; resolves with where each was stored once committed.
   * `replace` first rewrites an activity stored earlier (TranscriptWriter, for the logging middleware).
   */
  logActivities(activities: Activity[], replace?: { seq: number; activity: Activity }): Promise<LoggedActivity[]> {
    return GroupCommit.for(this.db).run(() => this.logMany(activities, replace));
  }

  /** logActivities in a transaction of its own, committed before it returns (bulk loads: benchmarks, imports). */
  logActivitiesNow(activities: Activity[]): LoggedActivity[] {
    return this.logMany(activities);
  }

  /** Replaces a stored activity (used to mask contact details after the fact within a turn). */
  rewriteActivity(seq: number, activity: Activity): void {
    this.rewriteOne(seq, activity);
  }

  async getTranscriptActivities(
    channelId: string,
    conversationId: string,
    continuationToken?: string,
    startDate?: Date,
  ): Promise<PagedResult<Activity>> {
    if (!channelId) throw new Error('Missing channelId');
    if (!conversationId) throw new Error('Missing conversationId');
    const after = continuationToken ? Number(continuationToken) : 0;
    if (!Number.isSafeInteger(after) || after < 0) throw new Error('Invalid continuationToken');
    const since = startDate ? startDate.getTime() : Number.MIN_SAFE_INTEGER;
    const rows = this.db
      .prepare<[string, string, number, number, number], { seq: number; body: string }>(
        `SELECT a.seq, a.body FROM activities a JOIN conversations c ON c.id = a.conv
         WHERE c.channel_id = ? AND c.conversation_id = ? AND a.seq > ? AND a.at >= ?
         ORDER BY a.seq LIMIT ?`,
      )
      .all(channelId, conversationId, after, since, PAGE_SIZE + 1);
    const page = rows.slice(0, PAGE_SIZE);
    return {
      items: page.map((r) => reviveActivity(r.body)),
      continuationToken: rows.length > PAGE_SIZE ? String(page[page.length - 1].seq) : (undefined as unknown as string),
    };
  }

  /** Every activity of one conversation, in logged order, read page by page through getTranscriptActivities. */
  async allActivities(channelId: string, conversationId: string): Promise<Activity[]> {
    const all: Activity[] = [];
    let token: string | undefined;
    do {
      const page = await this.getTranscriptActivities(channelId, conversationId, token);
      all.push(...page.items);
      token = page.continuationToken;
    } while (token);
    return all;
  }

  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    if (!channelId) throw new Error('Missing channelId');
    if (continuationToken && !/^\d{1,15}$/.test(continuationToken)) throw new Error('Invalid continuationToken');
    const rows = this.db
      .prepare<[string, number, number], { id: number; conversation_id: string; started_at: number }>(
        'SELECT id, conversation_id, started_at FROM conversations WHERE channel_id = ? AND id > ? ORDER BY id LIMIT ?',
      )
      .all(channelId, continuationToken ? Number(continuationToken) : 0, PAGE_SIZE + 1);
    const page = rows.slice(0, PAGE_SIZE);
    return {
      items: page.map((r) => ({ channelId, id: r.conversation_id, created: new Date(r.started_at) })),
      continuationToken: rows.length > PAGE_SIZE ? String(page[page.length - 1].id) : (undefined as unknown as string),
    };
  }

  /** Deletes the conversation's transcript, summary and recognitions (enquiries and state: see retention.ts). */
  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    if (!channelId) throw new Error('Missing channelId');
    if (!conversationId) throw new Error('Missing conversationId');
    this.db.prepare('DELETE FROM conversations WHERE channel_id = ? AND conversation_id = ?').run(channelId, conversationId);
  }
}
