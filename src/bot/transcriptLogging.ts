/**
 * Transcript logging middleware, for every channel (it sits on the adapter, so Emulator, Direct Line,
 * Web Chat, Teams and the tests all go through it).
 *
 * Why not botbuilder's TranscriptLoggerMiddleware: it writes at the end of the turn without awaiting,
 * and only prints failed writes to the console. This one:
 *  - queues the incoming activity for writing when the turn starts (so even a turn that fails shows
 *    what was asked; it is committed by the next group commit, usually while the bot is still
 *    working), and everything the turn sent (traces included, in send order) in one write when the
 *    turn's logic ends; both writes are AWAITED before the turn ends, so a completed turn is in the
 *    store before the adapter finishes the request. Anything sent after that (the adapter's error
 *    apology) is written at once. The store commits writes in groups (storage/sqlite/groupCommit.ts), so
 *    concurrent turns share fsyncs;
 *  - assigns ids and timestamps to outgoing activities as the stock logger does (and an id to an
 *    incoming activity without one), and sets `from.role` (user / bot) so the Emulator can open an
 *    exported .transcript;
 *  - stores nothing for a turn nobody wrote: a conversationUpdate (a website page opened, the Emulator or
 *    Teams adding the bot) and the welcome it brings are not kept, so a page view in which the visitor wrote
 *    nothing leaves no stored conversation; the conversation is stored from the visitor's first message;
 *  - masks the contact details the enquiry dialog registered for the turn, and, with
 *    REDACT_CONTACT_DETAILS, phone numbers and emails in what the user wrote;
 *  - on a failed write, logs an error with the conversation id and counts it (/healthz shows the
 *    count). A failed transcript write does NOT fail the turn: the patient still gets the answer (and
 *    any emergency guidance); losing the review copy of a turn is the lesser harm.
 */
import { Activity, ActivityEventNames, ActivityTypes, ConversationReference, Middleware, ResourceResponse, RoleTypes, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { redactContactDetails } from '../storage/redact';
import { applyMasks, transcriptMasks } from '../turn/masks';

export interface LoggedRef {
  seq: number;
}

/** Where transcripts go: SqliteTranscriptStore, or a fake in tests. */
export interface TranscriptWriter {
  /**
   * Stores activities in order, in one transaction; `replace` first rewrites an activity stored
   * earlier (the turn's incoming one, once contact details in it are known). Resolves when committed.
   */
  logActivities(activities: Activity[], replace?: { seq: number; activity: Activity }): LoggedRef[] | Promise<LoggedRef[]>;
}

export interface TranscriptLoggingOptions {
  logger: Logger;
  /** Mask phone numbers and emails in what users wrote. */
  redactContactDetails: boolean;
}

/** Fields that carry what someone wrote or was shown; ids, urls and channel metadata are left alone. */
const CONTENT_FIELDS = ['text', 'speak', 'summary', 'value', 'attachments', 'suggestedActions'] as const;

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
    return out;
  }
  return value;
}

function mapContent(activity: Activity, fn: (s: string) => string): Activity {
  const copy = { ...activity } as Record<string, unknown>;
  for (const field of CONTENT_FIELDS) if (copy[field] !== undefined) copy[field] = mapStrings(copy[field], fn);
  return copy as unknown as Activity;
}

/** The stock logger's id for activities that have none: "g_" + random + the timestamp. */
function generatedId(timestamp: Date | string): string {
  return `g_${Math.random().toString(36).slice(2, 8)}${new Date(timestamp).getTime()}`;
}

interface TurnLog {
  incoming?: { seq: number; activity: Activity };
  /** How many masks the stored incoming activity already has applied. */
  masksApplied: number;
  /** Outgoing activities sent so far, written when the turn ends. */
  pending: Activity[];
  /** The turn's bot logic has finished: anything sent now (the adapter's error apology) is written at once. */
  ended: boolean;
}

export class TranscriptLoggingMiddleware implements Middleware {
  /** Failed transcript writes since start-up. */
  failures = 0;
  /** The last transcript write failed (none has succeeded since): /healthz reports "degraded". */
  failing = false;

  constructor(
    private readonly writer: TranscriptWriter,
    private readonly options: TranscriptLoggingOptions,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const incoming = context.activity;
    // As the stock logger: ContinueConversation events only initialise a proactive turn.
    if (!incoming || (incoming.type === ActivityTypes.Event && incoming.name === ActivityEventNames.ContinueConversation)) return next();
    // Nobody wrote anything: a page view (or a client opening a conversation) is not a conversation to keep.
    if (incoming.type === ActivityTypes.ConversationUpdate) return next();

    const turn: TurnLog = { masksApplied: 0, pending: [], ended: false };
    const clone: Activity = { ...incoming, from: { ...(incoming.from ?? { id: '', name: '' }), role: incoming.from?.role ?? RoleTypes.User } };
    if (!clone.timestamp) clone.timestamp = new Date();
    if (!clone.id) clone.id = generatedId(clone.timestamp); // every stored activity has an id (the Emulator needs them)
    // Queued before the bot runs, not awaited here: the bot works while it is committed.
    const incomingWritten = this.write(context, () => [this.prepare(context, clone)]);
    turn.masksApplied = transcriptMasks(context).length;

    const record = async (ctx: TurnContext, activities: Activity[]) => {
      if (turn.ended) await this.flush(ctx, turn, activities);
      else turn.pending.push(...activities);
    };

    context.onSendActivities(async (ctx, activities, nextSend) => {
      const responses = await nextSend();
      await record(
        ctx,
        activities.map((a, i) => this.outgoing(a, responses?.[i])),
      );
      return responses;
    });

    context.onUpdateActivity(async (ctx, activity, nextUpdate) => {
      await nextUpdate();
      await record(ctx, [{ ...this.outgoing(activity, undefined), type: ActivityTypes.MessageUpdate } as Activity]);
    });

    context.onDeleteActivity(async (ctx, reference: Partial<ConversationReference>, nextDelete) => {
      await nextDelete();
      const deleted = TurnContext.applyConversationReference(
        { type: ActivityTypes.MessageDelete, id: reference.activityId },
        reference,
        false,
      ) as Activity;
      await record(ctx, [this.outgoing(deleted, undefined)]);
    });

    try {
      await next();
    } finally {
      // Everything the turn sent, in send order, in one transaction (with the incoming activity masked
      // if a dialog registered contact details during the turn). Awaited: when the turn is over, it is stored.
      turn.ended = true;
      const [ref] = (await incomingWritten) ?? [];
      if (ref) turn.incoming = { seq: ref.seq, activity: clone };
      await this.flush(context, turn, turn.pending.splice(0));
    }
  }

  private async flush(context: TurnContext, turn: TurnLog, activities: Activity[]): Promise<void> {
    const masks = transcriptMasks(context);
    const incoming = turn.incoming && masks.length !== turn.masksApplied ? turn.incoming : undefined;
    if (!activities.length && !incoming) return;
    turn.masksApplied = masks.length;
    await this.write(
      context,
      () => activities.map((a) => this.prepare(context, a)),
      incoming && (() => ({ seq: incoming.seq, activity: this.prepare(context, incoming.activity) })),
    );
  }

  /** An outgoing activity as stored: the channel's id (or a generated one), a timestamp, the bot's role. */
  private outgoing(activity: Partial<Activity>, response: ResourceResponse | undefined): Activity {
    const clone = { ...activity } as Activity;
    clone.id = response?.id || clone.id;
    if (!clone.timestamp) clone.timestamp = new Date();
    // As the stock logger (botbuilder-js #1122): some channels return no id.
    if (!clone.id) clone.id = generatedId(clone.timestamp);
    clone.from = { ...(clone.from ?? { id: '', name: '' }), role: clone.from?.role ?? RoleTypes.Bot };
    return clone;
  }

  /** Applies the turn's masks, and redaction to what the user wrote (their message and its recognition trace). */
  private prepare(context: TurnContext, activity: Activity): Activity {
    const masks = transcriptMasks(context);
    let out = masks.length ? mapContent(activity, (s) => applyMasks(s, masks)) : activity;
    if (this.options.redactContactDetails) {
      if (out.from?.role === RoleTypes.User) {
        out = mapContent(out, redactContactDetails);
      } else if (out.type === ActivityTypes.Trace && out.value && typeof (out.value as { text?: unknown }).text === 'string') {
        const value = out.value as { text: string };
        out = { ...out, value: { ...value, text: redactContactDetails(value.text) } };
      }
    }
    return out;
  }

  /** Prepares (masks, redacts) and writes; a failure in either is logged and counted, never thrown. */
  private async write(
    context: TurnContext,
    activities: () => Activity[],
    replace?: () => { seq: number; activity: Activity },
  ): Promise<LoggedRef[] | undefined> {
    let what = 'rewrite';
    try {
      const prepared = activities();
      what = prepared.map((a) => a.type).join(',') || what;
      const refs = await this.writer.logActivities(prepared, replace?.());
      this.failing = false;
      return refs;
    } catch (err) {
      this.failed(context, err, what);
      return undefined;
    }
  }

  private failed(context: TurnContext, err: unknown, what: string): void {
    this.failures++;
    this.failing = true;
    this.options.logger.error('transcript write failed', {
      conversationId: context.activity?.conversation?.id,
      channelId: context.activity?.channelId,
      activities: what,
      error: (err as Error)?.message ?? String(err),
    });
  }
}
