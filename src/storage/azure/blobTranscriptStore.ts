/**
 * botbuilder `TranscriptStore` over an Azure Blob container, shared by every instance of the bot, with
 * the per-conversation summary the staff pages need.
 *
 * Why not botbuilder-azure-blobs' BlobsTranscriptStore (4.23.3): its listTranscripts returns one entry
 * per activity blob, not per conversation; the `created` date it returns is the time of the listing
 * (it reads a lower-case metadata key it never wrote and does not ask for metadata); it reads every
 * page of a listing and returns an empty continuation token, so paging a large store does not work;
 * and activities of one turn logged in the same millisecond come back in random order (blob names are
 * ticks + activity id). This store keeps one blob per activity and one summary blob per conversation:
 *
 *   summaries/<channel>/<conversation>          summary JSON (user texts, unanswered recognitions);
 *                                               metadata: id, times, counts, flags, first text
 *   activities/<channel>/<conversation>/<seq>   one activity, seq zero-padded (the listing order)
 *   ids/<id>                                    which conversation a staff id names
 *
 * Each logged batch first updates the summary with its eTag (retried on a conflict with another
 * instance), which hands out the batch's sequence numbers, then writes the activities. Listing
 * conversations reads only the summaries' metadata (5,000 per request); search and unanswered questions
 * read the summary bodies. That is sized for a clinic (thousands of conversations), not millions.
 */
import type { Activity, PagedResult, TranscriptInfo } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { ContainerClient, ContainerListBlobFlatSegmentResponse } from '@azure/storage-blob';
import type { LoggedRef } from '../backend';
import { PRIVATE_MASK } from '../../turn/masks';
import type { RecognitionTraceValue } from '../../turn/trace';
import type { TranscriptBackend } from '../backend';
import type { ConversationSummary, Flag } from '../review';
import { isRecognitionTrace, isUnanswered } from '../../turn/trace';
import { PAGE_SIZE } from '../sqlite/transcripts';
import { questionKey, roleOf, searchText, timeOf } from '../review';
import { decodeMeta, deleteIfExists, encodeMeta, listAll, ListedBlob, namePart, readJsonWithEtag, sameEtag, statusOf, writeJson } from './blobs';

const MAX_FIRST_TEXT = 200;
const MAX_RECOGNITION_TEXT = 500;
/** User texts kept in a summary for search (the newest are dropped beyond this; the transcript keeps them all). */
const MAX_SEARCH_CHARS = 50_000;

export interface StoredRecognition {
  seq: number;
  at: number;
  text: string;
  norm: string;
  intent: string;
  topIntent?: string;
  score: number;
  outcome: string;
  reason: string;
  condition?: string;
}

/** The summary blob's body. */
export interface BlobSummary {
  id: number;
  channelId: string;
  conversationId: string;
  startedAt: number;
  lastAt: number;
  turns: number;
  activityCount: number;
  flags: Record<Flag, number>;
  firstText?: string;
  /** What the patient wrote, by seq (after redaction and masking), for search. */
  texts: Array<{ seq: number; text: string }>;
  /** Turns the staff should look at (unanswered questions). */
  unanswered: StoredRecognition[];
  /** Turns that got safety guidance, with their tier (absent in summaries written before tiers). */
  urgent?: Array<{ seq: number; at: number; text: string; tier: string; sign?: string; safety?: string }>;
}

const seqName = (seq: number) => String(seq).padStart(10, '0');

/**
 * A staff id for a new conversation: the time in milliseconds times 100 plus a random 0-99 (15 digits, like
 * SQLite's row ids only larger), so ids grow in the order conversations start on every instance without a
 * shared counter; ids/<id> is written create-only, so a clash is detected and retried.
 */
function newConversationId(): number {
  return Date.now() * 100 + Math.floor(Math.random() * 100);
}

export function summaryMetadata(s: BlobSummary): Record<string, string> {
  return {
    id: String(s.id),
    channel: encodeMeta(s.channelId),
    conversation: encodeMeta(s.conversationId),
    started: String(s.startedAt),
    last: String(s.lastAt),
    turns: String(s.turns),
    count: String(s.activityCount),
    fallback: String(s.flags.fallback),
    clarify: String(s.flags.clarify),
    urgent: String(s.flags.urgent),
    handoff: String(s.flags.handoff),
    enquiry: String(s.flags.enquiry),
    ...(s.firstText ? { first: encodeMeta(s.firstText) } : {}),
  };
}

/** A conversation summary from a listed summary blob's metadata (no body download). */
export function summaryFromMetadata(m: Record<string, string>): ConversationSummary | undefined {
  const id = Number(m.id);
  if (!Number.isSafeInteger(id)) return undefined;
  const n = (k: string) => Number(m[k] ?? 0) || 0;
  return {
    id,
    channelId: decodeMeta(m.channel) ?? '',
    conversationId: decodeMeta(m.conversation) ?? '',
    startedAt: new Date(n('started')),
    lastAt: new Date(n('last')),
    turns: n('turns'),
    activityCount: n('count'),
    flags: { fallback: n('fallback'), clarify: n('clarify'), urgent: n('urgent'), handoff: n('handoff'), enquiry: n('enquiry') },
    firstText: decodeMeta(m.first),
  };
}

export function summaryView(s: BlobSummary): ConversationSummary {
  return {
    id: s.id,
    channelId: s.channelId,
    conversationId: s.conversationId,
    startedAt: new Date(s.startedAt),
    lastAt: new Date(s.lastAt),
    turns: s.turns,
    activityCount: s.activityCount,
    flags: { ...s.flags },
    firstText: s.firstText,
  };
}

function emptySummary(id: number, channelId: string, conversationId: string, at: number): BlobSummary {
  return {
    id,
    channelId,
    conversationId,
    startedAt: at,
    lastAt: at,
    turns: 0,
    activityCount: 0,
    flags: { fallback: 0, clarify: 0, urgent: 0, handoff: 0, enquiry: 0 },
    texts: [],
    unanswered: [],
  };
}

function recomputeFirstText(s: BlobSummary): void {
  const first = s.texts.find((t) => t.text);
  s.firstText = first ? first.text.slice(0, MAX_FIRST_TEXT) : undefined;
}

function capTexts(s: BlobSummary): void {
  let total = 0;
  s.texts = s.texts.filter((t) => (total += t.text.length) <= MAX_SEARCH_CHARS);
}

/**
 * Summaries kept per instance (most recently used last), with their eTags: the ones this instance wrote (so
 * logging a turn need not read the summary first) and the ones staff queries read (so a search or the
 * unanswered questions only download summaries that changed since). A clinic's summary is a few kilobytes.
 */
const CACHED_SUMMARIES = 20_000;

export class BlobTranscriptStore implements TranscriptBackend {
  private readonly cache = new Map<string, { value: BlobSummary; etag: string }>();

  constructor(readonly container: ContainerClient) {}

  private remember(name: string, value: BlobSummary, etag: string): void {
    this.cache.delete(name);
    if (!etag) return;
    this.cache.set(name, { value: structuredClone(value), etag });
    if (this.cache.size > CACHED_SUMMARIES) this.cache.delete(this.cache.keys().next().value as string);
  }

  static summaryName(channelId: string, conversationId: string): string {
    return `summaries/${namePart(channelId)}/${namePart(conversationId)}`;
  }

  static activityPrefix(channelId: string, conversationId: string): string {
    return `activities/${namePart(channelId)}/${namePart(conversationId)}/`;
  }

  async logActivity(activity: Activity): Promise<void> {
    if (!activity) throw new Error('activity cannot be null for logActivity()');
    await this.logActivities([activity]);
  }

  /**
   * Logs a batch of activities (one conversation per batch in practice; several are handled in order):
   * the summary first (its eTag serialises instances), then the activity blobs, all awaited.
   */
  async logActivities(activities: Activity[], replace?: { seq: number; activity: Activity }): Promise<LoggedRef[]> {
    if (replace) await this.rewriteActivity(replace.seq, replace.activity);
    const refs: LoggedRef[] = [];
    const groups = new Map<string, Activity[]>();
    for (const a of activities) {
      if (!a.channelId || !a.conversation?.id) throw new Error('an activity without channelId or conversation.id cannot be logged');
      const key = JSON.stringify([a.channelId, a.conversation.id]);
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    const bySeq = new Map<Activity, number>();
    for (const batch of groups.values()) {
      const channelId = batch[0].channelId;
      const conversationId = batch[0].conversation.id;
      const base = await this.updateSummary(
        channelId,
        conversationId,
        (s) => {
          const first = s.activityCount;
          batch.forEach((activity, i) => {
            const seq = first + i + 1;
            const at = timeOf(activity);
            s.startedAt = Math.min(s.startedAt, at);
            s.lastAt = Math.max(s.lastAt, at);
            s.activityCount++;
            if (activity.type === ActivityTypes.Message && roleOf(activity) === 'user') s.turns++;
            const text = searchText(activity);
            if (text) {
              s.texts.push({ seq, text });
              if (!s.firstText) s.firstText = text.slice(0, MAX_FIRST_TEXT);
            }
            if (isRecognitionTrace(activity)) {
              const trace = activity.value as RecognitionTraceValue;
              if (trace.outcome === 'fallback' || trace.outcome === 'clarify' || trace.outcome === 'urgent' || trace.outcome === 'handoff')
                s.flags[trace.outcome]++;
              const traceText = String(trace.text ?? '').slice(0, MAX_RECOGNITION_TEXT);
              if (trace.outcome === 'urgent')
                (s.urgent ??= []).push({ seq, at, text: traceText, tier: trace.tier ?? 'emergency', sign: trace.redFlag, safety: trace.safety });
              // Answers to the enquiry's name and contact questions are masked whole: nothing to learn from them.
              if (isUnanswered(trace) && /[\p{L}\p{N}]/u.test(traceText.split(PRIVATE_MASK).join(' '))) {
                s.unanswered.push({
                  seq,
                  at,
                  text: traceText,
                  norm: questionKey(traceText),
                  intent: String(trace.intent ?? ''),
                  topIntent: trace.alternatives?.[0]?.intent,
                  score: Number(trace.score) || 0,
                  outcome: String(trace.outcome ?? ''),
                  reason: String(trace.reason ?? ''),
                  condition: trace.entities?.[0]?.value,
                });
              }
            }
          });
          capTexts(s);
          return first;
        },
        timeOf(batch[0]),
      );
      const prefix = BlobTranscriptStore.activityPrefix(channelId, conversationId);
      await Promise.all(
        batch.map((activity, i) => {
          bySeq.set(activity, base + i + 1);
          return writeJson(this.container, prefix + seqName(base + i + 1), activity, {}, { at: String(timeOf(activity)) });
        }),
      );
    }
    for (const a of activities) refs.push({ seq: bySeq.get(a)! });
    return refs;
  }

  /** Replaces a stored activity (masking contact details after the fact), with its search text and recognition. */
  async rewriteActivity(seq: number, activity: Activity): Promise<void> {
    const channelId = activity.channelId;
    const conversationId = activity.conversation?.id;
    if (!channelId || !conversationId) return;
    await writeJson(
      this.container,
      BlobTranscriptStore.activityPrefix(channelId, conversationId) + seqName(seq),
      activity,
      {},
      { at: String(timeOf(activity)) },
    );
    const text = searchText(activity);
    await this.updateSummary(
      channelId,
      conversationId,
      (s) => {
        s.texts = s.texts.filter((t) => t.seq !== seq);
        if (text) s.texts = [...s.texts, { seq, text }].sort((a, b) => a.seq - b.seq);
        recomputeFirstText(s);
        if (isRecognitionTrace(activity)) {
          const traceText = String((activity.value as RecognitionTraceValue).text ?? '').slice(0, MAX_RECOGNITION_TEXT);
          for (const r of s.unanswered) if (r.seq === seq) Object.assign(r, { text: traceText, norm: questionKey(traceText) });
        }
        return undefined;
      },
      timeOf(activity),
    );
  }

  /** The conversation's "enquiry" flag for the staff list (creates the summary if the conversation has none yet). */
  async flagEnquiry(channelId: string, conversationId: string): Promise<void> {
    await this.updateSummary(
      channelId,
      conversationId,
      (s) => {
        s.flags.enquiry++;
        return undefined;
      },
      Date.now(),
    );
  }

  /**
   * Read-modify-write of a conversation's summary with its eTag, retried when another instance wrote
   * first. A new conversation gets a new staff id, written (ids/<id>, create-only) alongside the summary.
   */
  private async updateSummary<T>(channelId: string, conversationId: string, change: (s: BlobSummary) => T, at: number): Promise<T> {
    const name = BlobTranscriptStore.summaryName(channelId, conversationId);
    let result!: T;
    for (let attempt = 0; ; attempt++) {
      // The summary this instance wrote last (saves a read per logged batch); a stale one fails its If-Match and is re-read.
      const cached = attempt === 0 ? this.cache.get(name) : undefined;
      const existing = cached
        ? { value: structuredClone(cached.value), etag: cached.etag }
        : await readJsonWithEtag<BlobSummary>(this.container, name);
      const newId = existing ? undefined : newConversationId();
      const summary = existing?.value ?? emptySummary(newId!, channelId, conversationId, at);
      result = change(summary);
      try {
        const write = writeJson(
          this.container,
          name,
          summary,
          existing ? { ifMatch: existing.etag } : { createOnly: true },
          summaryMetadata(summary),
        );
        if (newId === undefined) {
          this.remember(name, summary, await write);
        } else {
          // Both create-only, in parallel: an id taken by another conversation, or a summary another instance
          // created first, fails; the loser's blob is removed and the loop tries again.
          const [summaryWrite, idWrite] = await Promise.allSettled([
            write,
            writeJson(this.container, `ids/${newId}`, { channelId, conversationId }, { createOnly: true }),
          ]);
          if (summaryWrite.status === 'fulfilled' && idWrite.status === 'fulfilled') {
            this.remember(name, summary, summaryWrite.value);
          } else {
            if (summaryWrite.status === 'fulfilled') await deleteIfExists(this.container, name);
            if (idWrite.status === 'fulfilled') await deleteIfExists(this.container, `ids/${newId}`);
            throw summaryWrite.status === 'rejected' ? summaryWrite.reason : (idWrite as PromiseRejectedResult).reason;
          }
        }
        break;
      } catch (err) {
        this.cache.delete(name);
        if (cached && statusOf(err) === 404) continue; // deleted meanwhile (by another instance)
        if (statusOf(err) !== 412 || attempt >= 30) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
    return result;
  }

  /** One activity blob (one request; undefined if it was deleted after the listing). */
  private async readActivity(name: string): Promise<Activity | undefined> {
    const blob = await readJsonWithEtag<Activity>(this.container, name);
    if (!blob) return undefined;
    const activity = blob.value;
    if (activity.timestamp) activity.timestamp = new Date(activity.timestamp);
    if (activity.localTimestamp) activity.localTimestamp = new Date(activity.localTimestamp);
    return activity;
  }

  /**
   * The bodies of listed summaries, in the listing's order (undefined for one deleted meanwhile): from the
   * cache when the listing's eTag matches, otherwise downloaded, 32 at a time.
   */
  async summariesOf(listed: Array<{ channelId: string; conversationId: string; blob: ListedBlob }>): Promise<Array<BlobSummary | undefined>> {
    const out: Array<BlobSummary | undefined> = new Array(listed.length);
    const missing: number[] = [];
    listed.forEach((c, i) => {
      const hit = this.cache.get(c.blob.name);
      if (hit && sameEtag(hit.etag, c.blob.etag)) out[i] = hit.value;
      else missing.push(i);
    });
    for (let k = 0; k < missing.length; k += 32) {
      await Promise.all(
        missing.slice(k, k + 32).map(async (i) => {
          const name = listed[i].blob.name;
          const blob = await readJsonWithEtag<BlobSummary>(this.container, name);
          if (blob) this.remember(name, blob.value, blob.etag);
          out[i] = blob?.value;
        }),
      );
    }
    return out;
  }

  async getSummary(channelId: string, conversationId: string): Promise<BlobSummary | undefined> {
    return (await readJsonWithEtag<BlobSummary>(this.container, BlobTranscriptStore.summaryName(channelId, conversationId)))?.value;
  }

  /** The conversation a staff id names. */
  async conversationOf(id: number): Promise<{ channelId: string; conversationId: string } | undefined> {
    return (await readJsonWithEtag<{ channelId: string; conversationId: string }>(this.container, `ids/${id}`))?.value;
  }

  /** Every conversation's summary from the listing's metadata (one request per 5,000 conversations). */
  async listSummaries(): Promise<Array<ConversationSummary & { blob: ListedBlob }>> {
    const out: Array<ConversationSummary & { blob: ListedBlob }> = [];
    for (const blob of await listAll(this.container, 'summaries/')) {
      const s = summaryFromMetadata(blob.metadata);
      if (s) out.push({ ...s, blob });
    }
    return out;
  }

  async getTranscriptActivities(
    channelId: string,
    conversationId: string,
    continuationToken?: string,
    startDate?: Date,
  ): Promise<PagedResult<Activity>> {
    if (!channelId) throw new Error('Missing channelId');
    if (!conversationId) throw new Error('Missing conversationId');
    const since = startDate ? startDate.getTime() : Number.NEGATIVE_INFINITY;
    let token = continuationToken || undefined;
    // Pages with nothing at or after startDate are skipped (the time is in each blob's metadata).
    for (;;) {
      const pages = this.container
        .listBlobsFlat({ prefix: BlobTranscriptStore.activityPrefix(channelId, conversationId), includeMetadata: true })
        .byPage({ maxPageSize: PAGE_SIZE, continuationToken: token });
      const page = (await pages.next()).value as ContainerListBlobFlatSegmentResponse | undefined;
      token = page?.continuationToken || undefined;
      const names = (page?.segment?.blobItems ?? []).filter((b) => !(Number(b.metadata?.at) < since)).map((b) => b.name);
      if (!names.length && token) continue;
      const items = (await Promise.all(names.map((n) => this.readActivity(n)))).filter((a): a is Activity => a !== undefined);
      return { items: items.filter((a) => timeOf(a) >= since), continuationToken: token ?? (undefined as unknown as string) };
    }
  }

  async allActivities(channelId: string, conversationId: string): Promise<Activity[]> {
    return (await this.activitiesWithSeq(channelId, conversationId)).map(({ seq: _seq, ...a }) => a as Activity);
  }

  /** Every activity of a conversation in logged order, each with its seq. */
  async activitiesWithSeq(channelId: string, conversationId: string): Promise<Array<Activity & { seq: number }>> {
    const prefix = BlobTranscriptStore.activityPrefix(channelId, conversationId);
    const blobs = await listAll(this.container, prefix, false);
    const out: Array<Activity & { seq: number }> = [];
    // In parallel, 16 at a time, order kept.
    for (let i = 0; i < blobs.length; i += 16) {
      const chunk = await Promise.all(
        blobs.slice(i, i + 16).map(async (b) => {
          const activity = await this.readActivity(b.name);
          return activity && Object.assign(activity, { seq: Number(b.name.slice(prefix.length)) });
        }),
      );
      for (const a of chunk) if (a) out.push(a);
    }
    return out;
  }

  /** One entry per conversation of the channel, `created` = its first activity's time; real continuation tokens. */
  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    if (!channelId) throw new Error('Missing channelId');
    const pages = this.container
      .listBlobsFlat({ prefix: `summaries/${namePart(channelId)}/`, includeMetadata: true })
      .byPage({ maxPageSize: PAGE_SIZE, continuationToken: continuationToken || undefined });
    const page = (await pages.next()).value as ContainerListBlobFlatSegmentResponse | undefined;
    const items = (page?.segment?.blobItems ?? [])
      .map((b) => summaryFromMetadata(b.metadata ?? {}))
      .filter((s): s is ConversationSummary => s !== undefined)
      .map((s) => ({ channelId, id: s.conversationId, created: s.startedAt }));
    return { items, continuationToken: page?.continuationToken || (undefined as unknown as string) };
  }

  /** Deletes the conversation's activities, summary and staff id (enquiries and state: see AzureBlobBackend). */
  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    if (!channelId) throw new Error('Missing channelId');
    if (!conversationId) throw new Error('Missing conversationId');
    const summary = await this.getSummary(channelId, conversationId);
    this.cache.delete(BlobTranscriptStore.summaryName(channelId, conversationId));
    // The summary goes first: from then on the conversation is not listed, even if a later step fails.
    await deleteIfExists(this.container, BlobTranscriptStore.summaryName(channelId, conversationId));
    const blobs = await listAll(this.container, BlobTranscriptStore.activityPrefix(channelId, conversationId), false);
    for (let i = 0; i < blobs.length; i += 32) await Promise.all(blobs.slice(i, i + 32).map((b) => deleteIfExists(this.container, b.name)));
    if (summary) await deleteIfExists(this.container, `ids/${summary.id}`);
  }
}
