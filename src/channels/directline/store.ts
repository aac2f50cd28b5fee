/**
 * Direct Line conversations: stored in the storage backend (src/storage/directLine.ts: the activities with their
 * numbers, which are the watermarks, shared by every instance and kept across restarts), plus what this process
 * holds while a conversation is live here: its open streams (with how far each has been sent), its turn queue, its
 * rate-limit bucket, and the welcome of a conversation nobody has written in yet.
 *
 * Nothing is stored for a page view in which nobody writes: the welcome is numbered 1, 2, … and kept in memory
 * (shown to the page, not stored) until the visitor's first activity, which stores it together with that activity.
 * If that first activity reaches another instance (or this one after a restart), the welcome it does not have is
 * left out and the stored numbers start at the time in seconds, far above any watermark the page can hold, so the
 * page's next read from its old watermark gets everything new.
 *
 * Streams get what this process stores at once; what another instance stores is noticed by poll() (every
 * DIRECTLINE_POLL_MS). Each stream has its own "sent up to" number, so nothing is sent twice or skipped.
 *
 * Memory is bounded by what is live, not by the conversations ever seen: a conversation without an open stream or
 * a turn in flight is forgotten after LIVE_IDLE_MS (one holding an unstored welcome once no token for it can be
 * valid), at most maxLive are kept (the least recently active without a stream go first), and unstored welcomes
 * take at most maxPendingBytes together.
 */
import type { Activity } from 'botbuilder';
import type { Logger } from '../../logger';
import type { AppendedSet, DirectLineStore, NumberedActivity } from '../../storage/directLine';

export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark: string;
}

/** An open stream (WebSocket) of a conversation. */
export interface Subscriber {
  push(set: ActivitySet): void;
  /** The conversation is gone: end the stream. */
  close(): void;
}

interface Numbered {
  seq: number;
  activity: Partial<Activity>;
}

export interface ConversationsOptions {
  store: DirectLineStore;
  logger: Logger;
  rateLimitPerMinute: number;
  /** Conversations held in memory at most. */
  maxLive: number;
  /** Unstored welcomes' JSON size in all conversations together. */
  maxPendingBytes: number;
  now?: () => number;
  /** A conversation whose unstored welcome was forgotten: nothing was stored for it, its bot state can go. */
  onForget?: (conversation: LiveConversation) => void;
}

/** A conversation without a stream or a turn is forgotten from memory this long after its last activity. */
export const LIVE_IDLE_MS = 2 * 60_000;

/** Token bucket: `perMinute` posts a minute on average, bursts up to `perMinute`. */
export class RateLimiter {
  private tokens: number;
  private updated: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {
    this.tokens = perMinute;
    this.updated = now();
  }

  /** Takes one; when none is left, says after how many seconds the next one comes. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    this.tokens = Math.min(this.perMinute, this.tokens + ((now - this.updated) / 60_000) * this.perMinute);
    this.updated = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - this.tokens) * 60) / this.perMinute)) };
  }
}

/** JSON size of an activity (one that cannot be serialised counts as 1 KB; reading it will skip it). */
function sizeOf(activity: Partial<Activity>): number {
  try {
    return JSON.stringify(activity)?.length ?? 0;
  } catch {
    return 1024;
  }
}

/** The id a stored activity is shown with: the conversation and its number. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** A conversation as this process holds it while it is live here. */
export class LiveConversation {
  /** Open streams, each with the number of the last activity sent to it. */
  readonly subscribers = new Map<Subscriber, number>();
  /** The welcome ran (here), or the conversation is known to be stored. */
  started = false;
  /** Something is stored for it (by any instance). */
  stored = false;
  /** The welcome, shown but not stored (nobody has written yet). */
  pending: Numbered[] = [];
  pendingBytes = 0;
  /** The highest number this process has given out or sent for it. */
  highest = 0;
  lastActive: number;
  /** Turns queued or running. */
  busy = 0;
  /**
   * The page's own ids of the visitor's recent messages (channelData.clientActivityID) and the ids they were stored
   * with, so a message posted again after a reconnect is answered once; read from storage on first use here.
   */
  clientIds?: Map<string, string>;
  private turns: Promise<unknown> = Promise.resolve();
  private deliveries: Promise<unknown> = Promise.resolve();

  constructor(
    readonly id: string,
    readonly userId: string,
    /** Until when a token for this conversation can be valid (ms since the epoch), as far as this process knows. */
    public tokensValidUntil: number,
    readonly limiter: RateLimiter,
    now: number,
  ) {
    this.lastActive = now;
  }

  /** Runs work after every turn queued before it: one turn at a time, in the order the visitor sent them. */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    const result = this.turns.then(work).finally(() => this.busy--);
    this.turns = result.catch(() => undefined);
    return result;
  }

  /** Runs deliveries to the streams one at a time. */
  serialise(work: () => Promise<void>): Promise<void> {
    const result = this.deliveries.then(work);
    this.deliveries = result.catch(() => undefined);
    return result;
  }
}

export class DirectLineConversations {
  private readonly live = new Map<string, LiveConversation>();
  private readonly now: () => number;
  private pendingBytes = 0;
  private polling = false;

  constructor(private readonly options: ConversationsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Conversations held in memory. */
  get size(): number {
    return this.live.size;
  }

  /** JSON size of the unstored welcomes held. */
  get pendingSize(): number {
    return this.pendingBytes;
  }

  get(id: string): LiveConversation | undefined {
    return this.live.get(id);
  }

  /** The conversation as held here, taken into memory if it is not (its token proved who the visitor is). */
  open(id: string, userId: string, tokensValidUntil: number): LiveConversation {
    let conversation = this.live.get(id);
    if (!conversation) {
      if (this.live.size >= this.options.maxLive) this.evictOne();
      conversation = new LiveConversation(id, userId, tokensValidUntil, new RateLimiter(this.options.rateLimitPerMinute, this.now), this.now());
      this.live.set(id, conversation);
    } else {
      // Most recently used last: eviction walks the map from the front.
      this.live.delete(id);
      this.live.set(id, conversation);
    }
    conversation.tokensValidUntil = Math.max(conversation.tokensValidUntil, tokensValidUntil);
    conversation.lastActive = this.now();
    return conversation;
  }

  /** Whether anything is stored for the conversation (by any instance). */
  async isStored(conversation: LiveConversation): Promise<boolean> {
    if (!conversation.stored) conversation.stored = (await this.options.store.watermarks([conversation.id])).has(conversation.id);
    return conversation.stored;
  }

  /** Keeps the welcome in memory only (nobody has written yet) and shows it to the open streams. */
  holdWelcome(conversation: LiveConversation, activities: Partial<Activity>[]): void {
    const numbered = activities.map((a) => ({ seq: ++conversation.highest, activity: this.stamped(conversation, a, conversation.highest) }));
    for (const n of numbered) {
      const bytes = sizeOf(n.activity);
      conversation.pending.push(n);
      conversation.pendingBytes += bytes;
      this.pendingBytes += bytes;
    }
    conversation.lastActive = this.now();
    void this.deliver(conversation, { activities: numbered, after: numbered.length ? numbered[0].seq - 1 : conversation.highest });
    while (this.pendingBytes > this.options.maxPendingBytes && this.evictOne(conversation, true)) {
      /* the least recently active unstored welcomes go first */
    }
  }

  /**
   * Stores activities (the held welcome first, if this is the first time anything is stored for the conversation)
   * and sends them to the open streams; resolves with the activities as stored, ids and timestamps set. When the
   * storage cannot be reached they are numbered here and sent to this process's streams only, so the visitor still
   * gets the bot's answer; later ones are numbered above them.
   */
  async append(conversation: LiveConversation, activities: Partial<Activity>[]): Promise<Partial<Activity>[]> {
    const now = this.now();
    const plain = this.serialisable(conversation, activities).map((a) => ({ ...a, timestamp: (a.timestamp ?? new Date(now)) as Date }));
    conversation.lastActive = now;
    if (!plain.length) return [];
    let set: AppendedSet;
    try {
      set = await this.store(conversation, plain, now);
    } catch (err) {
      this.options.logger.error(
        'direct line activities not stored (storage unavailable, or not serialisable): sent to this instance’s streams only',
        {
          conversationId: conversation.id,
          error: (err as Error)?.message,
        },
      );
      // Numbered here, above everything given out; the held welcome is not stored later under numbers below them.
      this.dropPending(conversation);
      const previous = conversation.highest;
      const numbered = plain.map((activity) => ({ seq: ++conversation.highest, activity: activity as Record<string, unknown> }));
      set = { activities: numbered, watermark: conversation.highest, previous };
    }
    const numbered = set.activities.map((n) => ({ seq: n.seq, activity: this.stamped(conversation, n.activity as Partial<Activity>, n.seq) }));
    conversation.highest = Math.max(conversation.highest, set.watermark);
    await this.deliver(conversation, { activities: numbered, after: set.previous });
    return numbered.map((n) => n.activity);
  }

  private async store(conversation: LiveConversation, activities: Partial<Activity>[], now: number): Promise<AppendedSet> {
    const { store } = this.options;
    const plain = activities as Array<Record<string, unknown>>;
    if (conversation.pending.length && !conversation.stored) {
      const welcome = conversation.pending.map((p) => withoutId(p.activity));
      const firstSeqIfNew = conversation.pending[0].seq;
      const created = await store.append(conversation.id, conversation.userId, [...welcome, ...plain], { firstSeqIfNew, onlyIfNew: true, now });
      this.dropPending(conversation);
      conversation.stored = true;
      // Returned as appended after the welcome, which the page has already been shown.
      if (created)
        return { activities: created.activities.slice(welcome.length), watermark: created.watermark, previous: firstSeqIfNew + welcome.length - 1 };
      // Another instance stored this conversation first: the welcome stays what the page has already shown.
    }
    // Above anything this process numbered (the welcome, or what it sent while storage was down), and for a
    // conversation stored here for the first time, above any watermark a page can hold from before.
    const firstSeqIfNew = Math.max(conversation.highest + 1, Math.floor(now / 1000));
    const set = (await store.append(conversation.id, conversation.userId, plain, { firstSeqIfNew, minSeq: conversation.highest + 1, now }))!;
    conversation.stored = true;
    return set;
  }

  /** The activities after a watermark: what is stored, with the unstored welcome held here. */
  async since(conversation: LiveConversation, watermark: number | undefined): Promise<{ activities: Numbered[]; watermark: number }> {
    const from = watermark ?? 0;
    const stored = await this.options.store.since(conversation.id, watermark);
    if (stored) conversation.stored = true;
    const mine = stored && stored.userId === conversation.userId ? stored.activities : [];
    const all: Numbered[] = [
      ...conversation.pending.filter((p) => p.seq > from),
      ...mine.map((n: NumberedActivity) => ({ seq: n.seq, activity: this.stamped(conversation, n.activity as Partial<Activity>, n.seq) })),
    ].sort((a, b) => a.seq - b.seq);
    const top = Math.max(from, stored?.watermark ?? 0, conversation.pending.at(-1)?.seq ?? 0);
    return { activities: all, watermark: top };
  }

  /** The stored id of the visitor's message the page sent with this id, if it is stored already (here or elsewhere). */
  async storedClientId(conversation: LiveConversation, clientId: string): Promise<string | undefined> {
    if (!conversation.clientIds) {
      const ids = new Map<string, string>();
      const { activities } = await this.since(conversation, undefined);
      for (const { activity } of activities) {
        const own = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
        if (activity.from?.id === conversation.userId && typeof own === 'string' && activity.id) ids.set(own, activity.id);
      }
      conversation.clientIds = ids;
    }
    return conversation.clientIds.get(clientId);
  }

  /** Remembers the stored id of a message the page sent with its own id (the last 100). */
  rememberClientId(conversation: LiveConversation, clientId: string, id: string): void {
    const ids = (conversation.clientIds ??= new Map());
    ids.set(clientId, id);
    if (ids.size > 100) ids.delete(ids.keys().next().value!);
  }

  /** Adds a stream that has been sent everything up to `sentUpTo`, and sends it what came after. */
  subscribe(conversation: LiveConversation, subscriber: Subscriber, sentUpTo: number): Promise<void> {
    conversation.subscribers.set(subscriber, sentUpTo);
    return this.deliver(conversation);
  }

  unsubscribe(conversation: LiveConversation, subscriber: Subscriber): void {
    conversation.subscribers.delete(subscriber);
    conversation.lastActive = this.now();
  }

  /**
   * Sends each stream what it has not had. A set just stored here goes as it is to every stream that had everything
   * before it; a stream that is behind (it has just opened, or another instance stored something) is sent what it
   * lacks from the storage. One delivery at a time per conversation, so sets arrive in order.
   */
  deliver(conversation: LiveConversation, set?: { activities: Numbered[]; after: number }): Promise<void> {
    return conversation
      .serialise(async () => {
        let read: Awaited<ReturnType<DirectLineConversations['since']>> | undefined;
        for (const [subscriber, sent] of [...conversation.subscribers]) {
          if (!conversation.subscribers.has(subscriber)) continue;
          let activities: Numbered[];
          let watermark: number;
          if (set && sent >= set.after) {
            activities = set.activities.filter((a) => a.seq > sent);
            watermark = Math.max(sent, set.activities.at(-1)?.seq ?? sent);
          } else {
            read ??= await this.since(conversation, Math.min(...conversation.subscribers.values()));
            activities = read.activities.filter((a) => a.seq > sent);
            watermark = Math.max(sent, read.watermark);
          }
          conversation.highest = Math.max(conversation.highest, watermark);
          if (!activities.length) continue;
          conversation.subscribers.set(subscriber, watermark);
          subscriber.push({ activities: activities.map((a) => a.activity), watermark: String(watermark) });
        }
      })
      .catch((err) =>
        this.options.logger.warn('direct line stream update failed', { conversationId: conversation.id, error: (err as Error)?.message }),
      );
  }

  /**
   * Looks in the storage for what another instance stored in the conversations streamed from here, and sends it.
   * One poll at a time; resolves when done.
   */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const streamed = [...this.live.values()].filter((c) => c.subscribers.size > 0);
      if (!streamed.length) return;
      const watermarks = await this.options.store.watermarks(streamed.map((c) => c.id));
      await Promise.all(
        streamed.map((c) => {
          const stored = watermarks.get(c.id);
          if (stored === undefined || stored <= Math.min(...c.subscribers.values())) return undefined;
          c.stored = true;
          return this.deliver(c);
        }),
      );
    } catch (err) {
      this.options.logger.warn('direct line poll failed', { error: (err as Error)?.message });
    } finally {
      this.polling = false;
    }
  }

  /**
   * Forgets conversations that are no longer live here: no stream, no turn, and idle for LIVE_IDLE_MS (one holding
   * an unstored welcome: once no token for it can be valid). Returns how many.
   */
  sweep(): number {
    const now = this.now();
    let removed = 0;
    for (const c of [...this.live.values()]) {
      if (c.subscribers.size > 0 || c.busy > 0) continue;
      const done = c.pending.length ? c.tokensValidUntil <= now : now - c.lastActive >= LIVE_IDLE_MS;
      if (done) {
        this.forget(c);
        removed++;
      }
    }
    return removed;
  }

  /** Closes every stream (server shutdown). */
  closeAll(): void {
    for (const c of this.live.values()) for (const s of [...c.subscribers.keys()]) s.close();
  }

  /** Forgets the least recently used conversation without a stream or a turn (with `pendingOnly`, one holding a welcome). */
  private evictOne(keep?: LiveConversation, pendingOnly = false): boolean {
    let victim: LiveConversation | undefined;
    let fallback: LiveConversation | undefined;
    for (const c of this.live.values()) {
      if (c === keep || c.busy > 0 || (pendingOnly && !c.pending.length)) continue;
      if (c.subscribers.size === 0) {
        victim = c;
        break;
      }
      fallback ??= c;
    }
    victim ??= fallback;
    if (victim) this.forget(victim);
    return Boolean(victim);
  }

  private forget(conversation: LiveConversation): void {
    if (this.live.get(conversation.id) !== conversation) return;
    this.live.delete(conversation.id);
    for (const s of [...conversation.subscribers.keys()]) s.close();
    conversation.subscribers.clear();
    if (conversation.pending.length && !conversation.stored) this.options.onForget?.(conversation);
    this.dropPending(conversation);
  }

  private dropPending(conversation: LiveConversation): void {
    this.pendingBytes -= conversation.pendingBytes;
    conversation.pending = [];
    conversation.pendingBytes = 0;
  }

  /** The activities that can be stored: one that cannot be serialised (a cycle, a BigInt, too deep) is left out and logged. */
  private serialisable(conversation: LiveConversation, activities: Partial<Activity>[]): Partial<Activity>[] {
    return activities.filter((activity) => {
      try {
        JSON.stringify(activity);
        return true;
      } catch (err) {
        this.options.logger.warn('direct line activity left out: it cannot be serialised', {
          conversationId: conversation.id,
          error: (err as Error)?.message,
        });
        return false;
      }
    });
  }

  /** The activity as the page sees it: its id from the conversation and its number. */
  private stamped(conversation: LiveConversation, activity: Partial<Activity>, seq: number): Partial<Activity> {
    return { ...activity, id: activityId(conversation.id, seq) };
  }
}

/** A held activity as it is stored: its id is given from its number when it is read. */
function withoutId(activity: Partial<Activity>): Record<string, unknown> {
  const { id: _id, ...rest } = activity;
  return rest as Record<string, unknown>;
}
