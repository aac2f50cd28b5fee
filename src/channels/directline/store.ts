/**
 * Conversations, in memory: each keeps its activities in order with a watermark (the sequence number
 * of the last activity), the WebSocket subscribers to push new activities to, a queue that runs the
 * visitor's turns one at a time, and the visitor's rate-limit bucket.
 *
 * Bounds: at most maxActivities activities per conversation (the oldest are dropped; the watermark keeps
 * counting), at most maxConversations conversations, maxTotalActivities activities and maxTotalBytes of activities
 * (their JSON size, measured once as each is added) in all (beyond any of them,
 * the least recently active conversation without an open stream is forgotten first), and a conversation is
 * forgotten once no unexpired token for it can exist. onForget is told each time, so the bot's own state
 * for that conversation can go too.
 */
import type { Activity } from 'botbuilder';

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

export interface StoreOptions {
  maxConversations: number;
  /** Per conversation. */
  maxActivities: number;
  /** In all conversations together: bounds the memory the store can take. */
  maxTotalActivities: number;
  /** The activities' JSON size in all conversations together (the heap they take is about three times that). */
  maxTotalBytes?: number;
  now?: () => number;
  onForget?: (conversation: Conversation) => void;
}

interface Entry {
  seq: number;
  activity: Partial<Activity>;
  /** Its JSON size, for the store's memory bound. */
  bytes: number;
}

/** JSON size of an activity (one that cannot be serialised counts as 1 KB; reading it will skip it). */
function sizeOf(activity: Partial<Activity>): number {
  try {
    return JSON.stringify(activity)?.length ?? 0;
  } catch {
    return 1024;
  }
}

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

export class Conversation {
  readonly subscribers = new Set<Subscriber>();
  /** The welcome turn ran. */
  started = false;
  lastActive: number;
  private entries: Entry[] = [];
  private seq = 0;
  private turns: Promise<unknown> = Promise.resolve();

  constructor(
    readonly id: string,
    readonly userId: string,
    /** Until when a token for this conversation can be valid (ms since the epoch). */
    public tokensValidUntil: number,
    readonly limiter: RateLimiter,
    private readonly maxActivities: number,
    private readonly now: () => number,
    /** Tells the store how many activities, and bytes of them, were added (positive) or dropped (negative). */
    private readonly counted: (delta: number, bytes: number) => void = () => undefined,
  ) {
    this.lastActive = now();
  }

  get watermark(): string {
    return String(this.seq);
  }

  /**
   * A conversation this server did not start, carried on after a restart: the welcome already ran, and its
   * watermarks continue above any the visitor's page can hold from before (they count from the time in seconds, far
   * above the few hundred activities a conversation keeps), so the page's next request from its old watermark gets
   * everything new.
   */
  resumeAfterRestart(now: number): void {
    this.started = true;
    if (this.entries.length === 0) this.seq = Math.max(this.seq, Math.floor(now / 1000));
  }

  /** Gives the activities server ids and timestamps, keeps them, and pushes them to every open stream. */
  append(activities: Partial<Activity>[]): ActivitySet {
    const added: Partial<Activity>[] = [];
    let addedBytes = 0;
    for (const activity of activities) {
      this.seq += 1;
      const stored: Partial<Activity> = {
        ...activity,
        id: `${this.id}|${String(this.seq).padStart(7, '0')}`,
        timestamp: (activity.timestamp ?? new Date(this.now())) as Date,
      };
      const bytes = sizeOf(stored);
      this.entries.push({ seq: this.seq, activity: stored, bytes });
      this.bytes += bytes;
      addedBytes += bytes;
      added.push(stored);
    }
    let dropped = 0;
    let droppedBytes = 0;
    if (this.entries.length > this.maxActivities) {
      const gone = this.entries.splice(0, this.entries.length - this.maxActivities);
      dropped = gone.length;
      for (const e of gone) droppedBytes += e.bytes;
      this.bytes -= droppedBytes;
    }
    this.lastActive = this.now();
    const set: ActivitySet = { activities: added, watermark: this.watermark };
    if (added.length > 0) for (const subscriber of this.subscribers) subscriber.push(set);
    this.counted(added.length - dropped, addedBytes - droppedBytes);
    return set;
  }

  get size(): number {
    return this.entries.length;
  }

  /** JSON size of the activities kept. */
  bytes = 0;

  /** Activities after a watermark (all that are kept when it is undefined). */
  since(watermark: number | undefined): ActivitySet {
    const from = watermark ?? 0;
    return { activities: this.entries.filter((e) => e.seq > from).map((e) => e.activity), watermark: this.watermark };
  }

  /** Runs work after every turn queued before it: one turn at a time, in the order the visitor sent them. */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turns.then(work);
    this.turns = result.catch(() => undefined);
    return result;
  }
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly now: () => number;
  private totalActivities = 0;
  private totalBytes = 0;

  constructor(
    private readonly options: StoreOptions,
    private readonly rateLimitPerMinute: number,
  ) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Activities kept in all conversations. */
  get activityCount(): number {
    return this.totalActivities;
  }

  /** JSON size of the activities kept in all conversations. */
  get activityBytes(): number {
    return this.totalBytes;
  }

  get(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  create(id: string, userId: string, tokensValidUntil: number): Conversation {
    const existing = this.conversations.get(id);
    if (existing) return existing;
    if (this.conversations.size >= this.options.maxConversations) this.evictOne();
    const conversation = new Conversation(
      id,
      userId,
      tokensValidUntil,
      new RateLimiter(this.rateLimitPerMinute, this.now),
      this.options.maxActivities,
      this.now,
      (delta, bytes) => this.counted(conversation, delta, bytes),
    );
    this.conversations.set(id, conversation);
    return conversation;
  }

  /** Forgets conversations nobody can reach any more: every token expired and no stream open. */
  sweep(): number {
    const now = this.now();
    let removed = 0;
    for (const c of [...this.conversations.values()]) {
      if (c.tokensValidUntil <= now && c.subscribers.size === 0) {
        this.forget(c);
        removed++;
      }
    }
    return removed;
  }

  private counted(conversation: Conversation, delta: number, bytes: number): void {
    this.totalActivities += delta;
    this.totalBytes += bytes;
    const maxBytes = this.options.maxTotalBytes ?? Number.POSITIVE_INFINITY;
    while ((this.totalActivities > this.options.maxTotalActivities || this.totalBytes > maxBytes) && this.conversations.size > 1) {
      if (!this.evictOne(conversation)) break;
    }
  }

  /** Forgets the least recently active conversation, preferring those without an open stream. */
  private evictOne(keep?: Conversation): boolean {
    let oldest: Conversation | undefined;
    let oldestStreaming: Conversation | undefined;
    for (const c of this.conversations.values()) {
      if (c === keep) continue;
      if (c.subscribers.size > 0) {
        if (!oldestStreaming || c.lastActive < oldestStreaming.lastActive) oldestStreaming = c;
      } else if (!oldest || c.lastActive < oldest.lastActive) {
        oldest = c;
      }
    }
    const victim = oldest ?? oldestStreaming;
    if (victim) this.forget(victim);
    return Boolean(victim);
  }

  private forget(conversation: Conversation): void {
    if (this.conversations.get(conversation.id) !== conversation) return;
    this.conversations.delete(conversation.id);
    this.totalActivities -= conversation.size;
    this.totalBytes -= conversation.bytes;
    for (const s of [...conversation.subscribers]) s.close();
    this.options.onForget?.(conversation);
  }
}
