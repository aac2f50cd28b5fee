/**
 * When the bot's state storage cannot be read (ResilientStorage answered the turn's read with nothing), or cannot be
 * written (a full disk: reads work, every save fails), the patient is told once, before the answer: the bot may have lost the thread of the conversation (a booking half-way through),
 * and cannot take requests until storage is back. Said once per conversation and outage, not on every turn; red
 * flags (SafetyMiddleware, earlier in the chain) still come first.
 */
import { ActivityTypes, BotState, Middleware, TurnContext } from 'botbuilder';
import type { Knowledge } from '../knowledge/types';
import type { ResilientStorage } from '../storage/resilientStorage';
import { storageOutageText } from './replies';
import { say } from './reply';

/** At most this many conversations are remembered as told during one outage (oldest forgotten first). */
const MAX_TOLD = 10_000;

export class StorageOutageMiddleware implements Middleware {
  private readonly told = new Set<string>();

  constructor(
    private readonly storage: ResilientStorage,
    private readonly conversationState: BotState & { getStorageKey(context: TurnContext): string | undefined },
    private readonly knowledge: Knowledge,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    // The state is loaded here, as the bot would load it first thing; BotState keeps it for the rest of the turn.
    await this.conversationState.load(context);
    const key = this.conversationState.getStorageKey(context);
    if (this.storage.health.storage === 'ok') this.told.clear();
    else if (key && (this.storage.unreadable(key) || this.storage.writesFailing) && !this.told.has(key)) {
      if (this.told.size >= MAX_TOLD) this.told.delete(this.told.values().next().value as string);
      this.told.add(key);
      await say(context, undefined, storageOutageText(this.knowledge));
    }
    return next();
  }
}
