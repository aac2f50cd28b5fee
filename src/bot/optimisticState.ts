/**
 * Optimistic concurrency for bot state, so that two turns of one conversation running at the same time
 * (on two instances behind a load balancer, or two requests on one instance) never lose an update.
 *
 * botbuilder's BotState.saveChanges always writes with eTag '*' (last writer wins): turn B, which read
 * the state before turn A saved, silently replaces A's changes. Here:
 *  - ETagConversationState / ETagUserState save with the eTag they read (If-Match), or, for state that
 *    did not exist when the turn read it, create-only (CREATE_ONLY: If-None-Match: *);
 *  - runWithConflictRetry runs the bot's turn with its outgoing activities held back; when the save
 *    fails with an eTag conflict it reloads the state and runs the turn again from the fresh state,
 *    and only when a save succeeds are the held-back replies of that run sent. The patient sees each
 *    reply once, and every turn's change is applied to the state the other turn left.
 * Side effects other than state and replies (storing an enquiry) happen in the run that made them, even
 * when that run's save then conflicts, so they must be idempotent: the enquiry stores keep one request per
 * conversation and consent time (EnquiryStore.create), so the confirming "yes" handled twice at the same
 * moment stores it once. Conflicts on one conversation are rare (a patient sends one message at a time), and
 * the re-runs are bounded (MAX_ATTEMPTS), after which the turn fails with the usual apology.
 */
import { Activity, BotState, ConversationState, ResourceResponse, Storage, TurnContext, UserState } from 'botbuilder';
import { createHash } from 'node:crypto';
import type { Logger } from '../logger';
import { isConflict } from '../storage/resilientStorage';

/** The eTag of a write that must create the item: it fails when the item exists (another turn created it). */
export const CREATE_ONLY = 'create-only:if-none-match';

export const MAX_ATTEMPTS = 5;

function hashOf(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return createHash('sha1').update(JSON.stringify(rest)).digest('base64');
}

interface Loaded {
  hash: string;
}

/** The shared save: skip unchanged state; write changed state with the eTag it was read with. */
async function saveWithETag(
  state: BotState & { getStorageKey(context: TurnContext): string | undefined },
  storage: Storage,
  loaded: WeakMap<object, Loaded>,
  context: TurnContext,
  force: boolean,
): Promise<void> {
  const value = state.get(context) as Record<string, unknown> | undefined;
  if (!value && !force) return;
  const current = value ?? {};
  const seen = loaded.get(current);
  if (!force && seen && seen.hash === hashOf(current)) return;
  const key = state.getStorageKey(context);
  if (!key) return;
  const eTag = typeof current.eTag === 'string' && current.eTag && current.eTag !== '*' && current.eTag !== CREATE_ONLY ? current.eTag : CREATE_ONLY;
  await storage.write({ [key]: { ...current, eTag } });
  // Saved: the stored eTag is new and unknown here; a second save in the same turn is unconditional.
  current.eTag = '*';
  loaded.set(current, { hash: hashOf(current) });
}

type StateConstructor = new (...args: any[]) => BotState & { getStorageKey(context: TurnContext): string | undefined };

/** A botbuilder state class whose saves carry the eTag its load read (the same for conversation and user state). */
function withETagSaves<TBase extends StateConstructor>(Base: TBase) {
  return class extends Base {
    readonly loaded = new WeakMap<object, Loaded>();
    readonly store: Storage;

    // A mixin's constructor must take any[]; botbuilder's state classes take (storage, namespace?).
    constructor(...args: any[]) {
      super(...args);
      this.store = args[0] as Storage;
    }

    async load(context: TurnContext, force = false): Promise<any> {
      const state = await super.load(context, force);
      if (state && !this.loaded.has(state)) this.loaded.set(state, { hash: hashOf(state) });
      return state;
    }

    saveChanges(context: TurnContext, force = false): Promise<void> {
      return saveWithETag(this, this.store, this.loaded, context, force);
    }
  };
}

export const ETagConversationState = withETagSaves(ConversationState);
export const ETagUserState = withETagSaves(UserState);

/**
 * A context for one run of the turn: the same activity, adapter and turn state as the real one, but its
 * outgoing activities are collected instead of sent (and none of the real context's send handlers, such
 * as the transcript logger's, see them).
 */
function attemptContext(context: TurnContext, held: Partial<Activity>[]): TurnContext {
  const attempt = new TurnContext(context);
  const internals = attempt as unknown as Record<string, unknown>;
  internals._turnState = (context as unknown as Record<string, unknown>)._turnState;
  internals._onSendActivities = [];
  internals._onUpdateActivity = [...((context as unknown as Record<string, unknown[]>)._onUpdateActivity ?? [])];
  internals._onDeleteActivity = [...((context as unknown as Record<string, unknown[]>)._onDeleteActivity ?? [])];
  attempt.onSendActivities(async (_ctx, activities): Promise<ResourceResponse[]> => {
    held.push(...activities);
    return activities.map((a) => ({ id: a.id ?? '' }));
  });
  return attempt;
}

/**
 * Runs `turn` (the bot's logic and its state save) until its save does not conflict, at most MAX_ATTEMPTS
 * times; then sends the replies of the run that was saved.
 */
export async function runWithConflictRetry(
  context: TurnContext,
  states: BotState[],
  turn: (context: TurnContext) => Promise<void>,
  logger: Logger,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const held: Partial<Activity>[] = [];
    try {
      await turn(attemptContext(context, held));
    } catch (err) {
      if (!isConflict(err) || attempt >= MAX_ATTEMPTS) throw err;
      logger.warn('conversation state changed during the turn: running it again on the fresh state', {
        conversationId: context.activity?.conversation?.id,
        channelId: context.activity?.channelId,
        attempt,
      });
      // Fresh state for the next run (only the states this run used).
      for (const state of states) if (state.get(context) !== undefined) await state.load(context, true);
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      continue;
    }
    if (held.length) await context.sendActivities(held);
    return;
  }
}
