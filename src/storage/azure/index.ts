/**
 * The Azure Blob backend (STORAGE=azure-blob): bot state, transcripts and enquiries in three containers
 * of one storage account, shared by every instance of the bot. Staff review filters in memory over the
 * summaries' listing (see blobTranscriptStore.ts); search is a word-prefix match over what patients
 * wrote, read from each candidate conversation's summary, so it is slower than SQLite's full-text index
 * and meant for thousands of conversations, not millions.
 */
import type { Activity } from 'botbuilder';
import { ContainerClient } from '@azure/storage-blob';
import type { ConversationExport, EnquiryBackend, ReviewStore, SessionRecords, StorageBackend } from '../backend';
import { StorageUnavailableError } from '../backend';

export { StorageUnavailableError };
import type { DeletedConversation, PurgeResult } from '../retention';
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
import { BadFilterError, FLAGS, groupTurns, parseCursor } from '../review';
import { AccountAccess, decodeMeta, deleteIfExists, encodeMeta, listAll, readJsonWithEtag, serviceClient, writeJson } from './blobs';
import { BlobEnquiryStore } from './blobEnquiryStore';
import { BlobTeachingStore } from './blobTeachingStore';
import { BlobOutbox } from './blobOutbox';
import { BlobAuditLog } from './blobAudit';
import type { AuditLog } from '../audit';
import type { SecondFactor, SecondFactorStore } from '../secondFactors';
import type { Outbox } from '../outbox';
import { DashboardStats, StatsRange, statsFromReview } from '../stats';
import { BlobStateStorage, stateBlobName } from './blobStateStorage';
import { BlobTranscriptStore, summaryView } from './blobTranscriptStore';
import { BlobDirectLineStore } from './blobDirectLine';

export type AzureBlobSettings = AccountAccess & {
  stateContainer: string;
  transcriptContainer: string;
  enquiryContainer: string;
};

/** Words of a search, as SQLite's search reads them (letters and digits, at most 8). */
function searchWords(q: string): string[] {
  return (fold(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/** Lower case, compatibility forms and no diacritics (as the FTS5 tokenizer's remove_diacritics). */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Every word appears as the start of a word of the text (SQLite: "word"* for each word). */
function matchesAll(text: string, words: string[]): boolean {
  const folded = fold(text);
  return words.every((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(folded));
}

class BlobReview implements ReviewStore {
  constructor(
    private readonly transcripts: BlobTranscriptStore,
    private readonly enquiries: BlobEnquiryStore,
  ) {}

  async listConversations(filter: ConversationFilter = {}): Promise<ConversationPage> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 200);
    if (filter.flag && !FLAGS.includes(filter.flag)) throw new BadFilterError(`unknown flag "${filter.flag}"`);
    const newer = filter.after !== undefined;
    const cursor = filter.before ?? filter.after;
    const at = cursor !== undefined ? parseCursor(cursor) : undefined;
    let words: string[] | undefined;
    if (filter.q !== undefined && filter.q.trim()) {
      words = searchWords(filter.q);
      if (!words.length) return { items: [] };
    }
    let rows = (await this.transcripts.listSummaries()).filter(
      (c) =>
        (!filter.channel || c.channelId === filter.channel) &&
        (!filter.flag || c.flags[filter.flag] > 0) &&
        (filter.from === undefined || c.startedAt.getTime() >= filter.from) &&
        (filter.to === undefined || c.startedAt.getTime() < filter.to),
    );
    rows.sort((a, b) => b.id - a.id);
    if (words) {
      // Every summary is searched (for the total); unchanged ones come from this instance's cache, so a search
      // reads only what changed since the last one.
      const matching: typeof rows = [];
      for (let i = 0; i < rows.length; i += 256) {
        const chunk = rows.slice(i, i + 256);
        const bodies = await this.transcripts.summariesOf(chunk);
        bodies.forEach((s, j) => {
          if (s && matchesAll(s.texts.map((t) => t.text).join('\n'), words!)) matching.push(chunk[j]);
        });
      }
      rows = matching;
    }
    const total = rows.length;
    if (at !== undefined) rows = rows.filter((c) => (newer ? c.id > at : c.id < at));
    if (newer) rows.reverse();
    const offset = cursor === undefined && filter.page && filter.page > 1 ? (Math.trunc(filter.page) - 1) * limit : 0;
    const more = rows.length > offset + limit;
    const page = rows.slice(offset, offset + limit).map(strip);
    rows = [];
    if (newer) page.reverse();
    const first = page[0];
    const last = page[page.length - 1];
    return {
      items: page,
      older: last && (newer || more) ? String(last.id) : undefined,
      newer: first && (newer ? more : cursor !== undefined || offset > 0) ? String(first.id) : undefined,
      total,
    };
  }

  async channels(): Promise<string[]> {
    return [...new Set((await this.transcripts.listSummaries()).map((c) => c.channelId))].sort().slice(0, 100);
  }

  async getConversation(id: number): Promise<ConversationSummary | undefined> {
    if (!Number.isSafeInteger(id) || id < 1) return undefined;
    const ref = await this.transcripts.conversationOf(id);
    if (!ref) return undefined;
    const s = await this.transcripts.getSummary(ref.channelId, ref.conversationId);
    return s && s.id === id ? summaryView(s) : undefined;
  }

  async findConversation(channelOrId: string, conversationId?: string): Promise<ConversationSummary | undefined> {
    if (conversationId !== undefined) {
      const s = await this.transcripts.getSummary(channelOrId, conversationId);
      return s && summaryView(s);
    }
    const match = (await this.transcripts.listSummaries()).filter((c) => c.conversationId === channelOrId).sort((a, b) => a.id - b.id)[0];
    return match && strip(match);
  }

  private async activitiesOf(id: number): Promise<Array<Activity & { seq: number }>> {
    const ref = await this.transcripts.conversationOf(id);
    return ref ? this.transcripts.activitiesWithSeq(ref.channelId, ref.conversationId) : [];
  }

  async transcriptFile(id: number): Promise<Activity[]> {
    return (await this.activitiesOf(id)).map(({ seq: _seq, ...a }) => a as Activity);
  }

  async turns(id: number): Promise<TurnView[]> {
    return groupTurns(await this.activitiesOf(id));
  }

  /** As ReviewQueries.unanswered: grouped by wording, most frequent first, details from the most recent. */
  async unanswered(range: Range = {}, limit = 200): Promise<UnansweredGroup[]> {
    const from = range.from ?? 0;
    const to = range.to ?? Number.MAX_SAFE_INTEGER;
    // A conversation with a question in the range was last active at or after its start.
    const candidates = (await this.transcripts.listSummaries()).filter((c) => c.lastAt.getTime() >= from && c.flags.fallback + c.flags.clarify > 0);
    const groups = new Map<string, UnansweredGroup & { convs: Set<number> }>();
    {
      const bodies = await this.transcripts.summariesOf(candidates);
      for (const s of bodies) {
        for (const r of s?.unanswered ?? []) {
          if (r.at < from || r.at >= to) continue;
          let g = groups.get(r.norm);
          if (!g) {
            g = {
              key: r.norm,
              text: r.text,
              count: 0,
              conversations: 0,
              convs: new Set(),
              lastAt: new Date(r.at),
              bestGuess: r.topIntent,
              intent: r.intent,
              outcome: r.outcome,
              reason: r.reason,
              score: r.score,
              conversation: s!.id,
            };
            groups.set(r.norm, g);
          }
          g.count++;
          g.convs.add(s!.id);
          if (r.at >= g.lastAt.getTime())
            Object.assign(g, {
              lastAt: new Date(r.at),
              text: r.text,
              bestGuess: r.topIntent,
              intent: r.intent,
              outcome: r.outcome,
              reason: r.reason,
              score: r.score,
              conversation: s!.id,
            });
        }
      }
    }
    return [...groups.values()]
      .map(({ convs, ...g }) => ({ ...g, conversations: convs.size }))
      .sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime())
      .slice(0, Math.min(Math.max(limit, 1), 5000));
  }

  /** As ReviewQueries.urgentTurns: from the summaries of conversations with urgent turns. */
  async urgentTurns(filter: UrgentFilter = {}): Promise<UrgentTurn[]> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 200), 1), 1000);
    const only = filter.conversations ? new Set(filter.conversations) : undefined;
    const candidates = (await this.transcripts.listSummaries()).filter((c) => c.flags.urgent > 0 && (!only || only.has(c.id)));
    const out: UrgentTurn[] = [];
    const bodies = await this.transcripts.summariesOf(candidates);
    bodies.forEach((s, i) => {
      for (const u of s?.urgent ?? []) {
        if (filter.tier && u.tier !== filter.tier) continue;
        out.push({
          conversation: candidates[i].id,
          channelId: candidates[i].channelId,
          at: new Date(u.at),
          text: u.text,
          tier: u.tier,
          sign: u.sign,
          safety: u.safety,
        });
      }
    });
    return out.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
  }

  async *conversationsInRange(range: Range): AsyncGenerator<ConversationExport> {
    const from = range.from ?? 0;
    const to = range.to ?? Number.MAX_SAFE_INTEGER;
    const rows = (await this.transcripts.listSummaries())
      .filter((c) => c.startedAt.getTime() >= from && c.startedAt.getTime() < to)
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id - b.id);
    for (const c of rows) {
      const s = await this.transcripts.getSummary(c.channelId, c.conversationId);
      if (s) yield { conversation: summaryView(s), activities: await this.transcripts.allActivities(c.channelId, c.conversationId) };
    }
  }

  async counts(): Promise<{ conversations: number; newEnquiries: number }> {
    const [list, newEnquiries] = await Promise.all([this.transcripts.listSummaries(), this.enquiries.countNew()]);
    return { conversations: list.length, newEnquiries };
  }
}

function strip(c: ConversationSummary & { blob?: unknown }): ConversationSummary {
  const { blob: _blob, ...rest } = c;
  return rest;
}

/**
 * Staff sessions in the enquiry container (`staff-sessions/<token hash>`, user and expiry in metadata), so a
 * staff member signed in on one instance is signed in on every instance behind the load balancer.
 */
function blobSessionRecords(container: ContainerClient): SessionRecords {
  const name = (hash: string) => `staff-sessions/${hash}`;
  return {
    insert: async (hash, user, createdAt, expiresAt) => {
      await writeJson(
        container,
        name(hash),
        { user, createdAt, expiresAt },
        { createOnly: true },
        { user: encodeMeta(user), expires: String(expiresAt) },
      );
    },
    get: async (hash) => {
      if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
      const blob = await readJsonWithEtag<{ user: string; expiresAt: number }>(container, name(hash));
      return blob && { user: blob.value.user, expiresAt: blob.value.expiresAt };
    },
    remove: async (hash) => {
      await deleteIfExists(container, name(hash));
    },
    removeUser: async (user) => {
      const mine = (await listAll(container, 'staff-sessions/')).filter((b) => decodeMeta(b.metadata.user) === user);
      await Promise.all(mine.map((b) => deleteIfExists(container, b.name)));
    },
  };
}

/** Staff two-factor records in the enquiry container, `staff-totp/<account>` (see ../secondFactors.ts). */
function blobSecondFactors(container: ContainerClient): SecondFactorStore {
  const name = (user: string) => `staff-totp/${encodeMeta(user)}`;
  return {
    get: async (user) => (await readJsonWithEtag<SecondFactor>(container, name(user)))?.value,
    put: async (user, record) => {
      await writeJson(container, name(user), record);
    },
    remove: async (user) => {
      await deleteIfExists(container, name(user));
    },
  };
}

export class AzureBlobBackend implements StorageBackend {
  readonly kind = 'azure-blob' as const;
  readonly state: BlobStateStorage;
  readonly transcripts: BlobTranscriptStore;
  readonly enquiries: BlobEnquiryStore & EnquiryBackend;
  readonly review: ReviewStore;
  readonly sessions: SessionRecords;
  readonly teaching: BlobTeachingStore;
  readonly outbox: Outbox;
  readonly audit: AuditLog;
  readonly secondFactors: SecondFactorStore;
  readonly directLine: BlobDirectLineStore;
  readonly containers: { state: ContainerClient; transcripts: ContainerClient; enquiries: ContainerClient };

  private constructor(settings: AzureBlobSettings) {
    const service = serviceClient(settings);
    this.containers = {
      state: service.getContainerClient(settings.stateContainer),
      transcripts: service.getContainerClient(settings.transcriptContainer),
      enquiries: service.getContainerClient(settings.enquiryContainer),
    };
    this.state = new BlobStateStorage(this.containers.state);
    this.transcripts = new BlobTranscriptStore(this.containers.transcripts);
    this.enquiries = new BlobEnquiryStore(this.containers.enquiries, this.transcripts);
    this.review = new BlobReview(this.transcripts, this.enquiries);
    this.sessions = blobSessionRecords(this.containers.enquiries);
    this.teaching = new BlobTeachingStore(this.containers.enquiries);
    this.outbox = new BlobOutbox(this.containers.enquiries);
    this.audit = new BlobAuditLog(this.containers.enquiries);
    this.secondFactors = blobSecondFactors(this.containers.enquiries);
    this.directLine = new BlobDirectLineStore(this.containers.transcripts);
  }

  /** Connects and creates the three containers if needed; fails with a clear message when storage cannot be reached. */
  static async open(settings: AzureBlobSettings): Promise<AzureBlobBackend> {
    const backend = new AzureBlobBackend(settings);
    try {
      for (const c of Object.values(backend.containers)) await c.createIfNotExists();
    } catch (err) {
      const e = err as { code?: string; statusCode?: number; message?: string };
      const setting = settings.accountUrl
        ? `AZURE_STORAGE_ACCOUNT_URL ${settings.accountUrl}, with the Web App's managed identity`
        : 'AZURE_STORAGE_CONNECTION_STRING';
      const hint =
        settings.accountUrl && (e.statusCode === 403 || e.statusCode === 401 || /credential|token/i.test(String(e.message)))
          ? ' (the identity needs the "Storage Blob Data Contributor" role on the account; a new role assignment can take a few minutes to apply)'
          : '';
      throw new StorageUnavailableError(
        `cannot reach Azure Storage (${setting}): ${e.code ?? e.statusCode ?? ''} ${String(e.message ?? err).split('\n')[0]}`.trim() + hint,
      );
    }
    return backend;
  }

  async stats(range: StatsRange): Promise<DashboardStats> {
    const enquiries = this.enquiries;
    return statsFromReview(
      {
        conversationsInRange: (r) => this.review.conversationsInRange(r),
        enquiries: async function* () {
          for (let page = await enquiries.list({ limit: 500 }); ; page = await enquiries.list({ limit: 500, before: page.next })) {
            yield* page.items;
            if (!page.next) return;
          }
        },
      },
      range,
    );
  }

  async deleteConversation(id: number): Promise<DeletedConversation | undefined> {
    const conversation = await this.review.getConversation(id);
    if (!conversation) return undefined;
    const { channelId, conversationId } = conversation;
    await this.transcripts.deleteTranscript(channelId, conversationId);
    const enquiries = await this.enquiries.deleteForConversation(channelId, conversationId);
    const key = `${channelId}/conversations/${conversationId}/`;
    const states = Object.keys(await this.state.read([key])).length;
    await this.state.delete([key]);
    await this.directLine.delete(conversationId);
    return { channelId, conversationId, activities: conversation.activityCount, enquiries, states };
  }

  async purgeOlderThan(cutoff: number, now = Date.now()): Promise<PurgeResult> {
    let conversations = 0;
    for (const c of await this.transcripts.listSummaries()) {
      if (c.lastAt.getTime() >= cutoff) continue;
      await this.transcripts.deleteTranscript(c.channelId, c.conversationId);
      conversations++;
    }
    const oldStates = (await listAll(this.containers.state, '', false)).filter((b) => b.lastModified.getTime() < cutoff);
    await Promise.all(oldStates.map((b) => deleteIfExists(this.containers.state, b.name)));
    const enquiries = await this.enquiries.purgeDoneBefore(cutoff);
    const expired = (await listAll(this.containers.enquiries, 'staff-sessions/')).filter((b) => Number(b.metadata.expires) < now);
    await Promise.all(expired.map((b) => deleteIfExists(this.containers.enquiries, b.name)));
    const audit = cutoff > 0 ? await this.audit.purgeBefore(cutoff) : 0;
    const directLine = await this.directLine.purgeOlderThan(cutoff);
    return { conversations, states: oldStates.length, enquiries, sessions: expired.length, audit, directLine };
  }

  async close(): Promise<void> {
    /* HTTP clients need no closing */
  }
}

export { stateBlobName };
