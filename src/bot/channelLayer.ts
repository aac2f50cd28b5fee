/**
 * The channel layer: one middleware, early in the pipeline (inside transcript logging, so the transcript keeps
 * the message as received and records what the channel was really sent; before the safety check, so safety reads
 * the patient's own words and not a quoted email thread or an @mention).
 *  - Inbound: normaliseInbound (inbound.ts) on every message; on SMS a lone carrier keyword (STOP, START, HELP…)
 *    is left to the carrier: the turn runs (a "cancel" still cancels, staff still see it) but nothing is sent.
 *  - Outbound: every activity of the turn shaped for the channel (src/channels/outbound.ts), the first message
 *    given the SMS intro when the bot asked for it (firstContact.ts), SMS cut to a few segments with the rest kept
 *    for "more" (sms.ts), and the buttons offered remembered so a title sent back maps to its value.
 */
import { Activity, ActivityTypes, BotState, Middleware, ResourceResponse, StatePropertyAccessor, Storage, TurnContext } from 'botbuilder';
import type { ClinicDetails } from '../knowledge/types';
import { Logger, silentLogger } from '../logger';
import { capabilitiesFor, ChannelCapabilities, isGroupConversation } from '../channels/capabilities';
import { deliverable, OfferedButton, shapeMessage } from '../channels/outbound';
import { getTurnRecord } from '../turn/record';
import { normaliseInbound, titleKey } from './inbound';
import { cutForSms, isCarrierKeyword, urgentNumbersFirst } from './sms';

/** What the channel layer remembers per conversation (conversation state). */
export interface ChannelMemory {
  /** titleKey(title) -> value of the buttons (and numbers) last offered. */
  offered?: Record<string, string>;
  /** The part of a long SMS answer not sent yet ("Reply MORE"). */
  smsRest?: string;
  /** The welcome (or the SMS intro) has been sent in this conversation. */
  welcomed?: boolean;
}

const SUPPRESS = Symbol('clinic.suppressReplies');
const DIRTY = Symbol('clinic.channelMemoryChanged');
const INTRO = Symbol('clinic.introPending');

/** Asks the channel layer to put `intro` at the start of the turn's first message (the SMS first reply). */
export function prependIntro(context: TurnContext, intro: string): void {
  context.turnState.set(INTRO, intro);
}

/** Whether this turn's replies are withheld (a carrier keyword on SMS). */
export function repliesSuppressed(context: TurnContext): boolean {
  return context.turnState.get(SUPPRESS) === true;
}

function offeredMap(buttons: OfferedButton[]): Record<string, string> | undefined {
  if (!buttons.length) return undefined;
  const map: Record<string, string> = {};
  for (const b of buttons) if (b.title && b.value) map[titleKey(b.title)] = b.value;
  return map;
}

export class ChannelLayerMiddleware implements Middleware {
  constructor(
    private readonly memory: StatePropertyAccessor<ChannelMemory>,
    private readonly clinic: ClinicDetails,
    private readonly logger: Logger = silentLogger,
    /**
     * With optimistic concurrency (optimisticState.ts) replies are held until the state is saved and sent after,
     * so what sending them changed (buttons offered, the rest of a long SMS) is written once more, unconditionally
     * (it is this turn's own state, saved a moment ago). Without it, the bot's own save comes after the sends.
     */
    private readonly saveAfterSends?: { storage: Storage; state: BotState & { getStorageKey(context: TurnContext): string | undefined } },
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const caps = capabilitiesFor(context.activity.channelId);
    if (context.activity.type === ActivityTypes.Message) {
      const memory = await this.memory.get(context, {});
      if (caps.sms && isCarrierKeyword(context.activity.text)) context.turnState.set(SUPPRESS, true);
      normaliseInbound(context, caps, memory.offered ?? {});
    }
    context.onSendActivities(async (ctx, activities, nextSend) => {
      const shaped = await this.shape(ctx, caps, activities);
      const events = shaped.filter((a) => a.type === ActivityTypes.Event);
      const others = shaped.filter((a) => a.type !== ActivityTypes.Event);
      // Events go last and on their own, so a channel refusing one never costs the patient a message.
      activities.splice(0, activities.length, ...((events.length && others.length ? others : shaped) as Activity[]));
      // Nothing left to send (replies withheld, an event the channel rejects): the adapter must not be called.
      if (!activities.length) return [];
      if (!others.length) return this.sendEvents(ctx, nextSend);
      const responses = await nextSend();
      if (events.length && others.length) await ctx.sendActivities(events);
      return responses;
    });
    await next();
    if (context.turnState.get(DIRTY) && this.saveAfterSends) await this.writeAgain(context, this.saveAfterSends);
  }

  private async writeAgain(context: TurnContext, target: NonNullable<ChannelLayerMiddleware['saveAfterSends']>): Promise<void> {
    const key = target.state.getStorageKey(context);
    const value = target.state.get(context) as Record<string, unknown> | undefined;
    if (!key || !value) return;
    try {
      await target.storage.write({ [key]: { ...value, eTag: '*' } });
    } catch (err) {
      // Losing what the buttons were is minor (titles map back by the follow-up catalogue); never fail the turn.
      this.logger.warn('channel memory not saved', { channelId: context.activity.channelId, error: (err as Error)?.message });
    }
  }

  /** Events alone: a refusal (Teams rejects handoff.initiate) is logged, not a failed turn. */
  private async sendEvents(context: TurnContext, nextSend: () => Promise<ResourceResponse[]>): Promise<ResourceResponse[]> {
    try {
      return await nextSend();
    } catch (err) {
      this.logger.warn('channel refused an event', { channelId: context.activity.channelId, error: (err as Error)?.message });
      return [];
    }
  }

  private async shape(context: TurnContext, caps: ChannelCapabilities, activities: Partial<Activity>[]): Promise<Partial<Activity>[]> {
    const out: Partial<Activity>[] = [];
    const group = isGroupConversation(context.activity);
    let offered: OfferedButton[] = [];
    let messages = 0;
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Trace) {
        out.push(activity);
        continue;
      }
      if (repliesSuppressed(context) || !deliverable(activity, caps)) continue;
      if (activity.type !== ActivityTypes.Message) {
        out.push(activity);
        continue;
      }
      this.applyIntro(context, activity);
      const { parts, offered: buttons } = shapeMessage(activity, caps, group);
      if (caps.sms) for (const part of parts) await this.fitSms(context, part);
      offered = buttons;
      messages++;
      out.push(...parts);
    }
    if (messages > 0) {
      const memory = await this.memory.get(context, {});
      // Only what can come back as text needs remembering: titles where taps send the title, numbers where
      // buttons became numbered text (elsewhere a tap sends the value, and nothing is written).
      const next = offeredMap(caps.buttonsSendTitle ? offered : offered.filter((b) => /^\d+$/.test(b.title)));
      if (JSON.stringify(next) !== JSON.stringify(memory.offered)) {
        memory.offered = next;
        context.turnState.set(DIRTY, true);
      }
    }
    return out;
  }

  private applyIntro(context: TurnContext, activity: Partial<Activity>): void {
    const intro = context.turnState.get(INTRO) as string | undefined;
    if (!intro) return;
    context.turnState.delete(INTRO);
    activity.text = activity.text ? `${intro}\n${activity.text}` : intro;
  }

  /** An SMS: urgent numbers in the first segment, then cut to the segment budget with the rest kept for "more". */
  private async fitSms(context: TurnContext, part: Partial<Activity>): Promise<void> {
    if (!part.text) return;
    // Emergency guidance only: a booking confirmation's closing "in an emergency call 000" needs no alarm at the top.
    const urgent = getTurnRecord(context)?.outcome === 'urgent';
    const withNumbers = urgent ? urgentNumbersFirst(part.text, this.clinic) : part.text;
    const cut = cutForSms(withNumbers);
    part.text = cut.text;
    if (cut.rest) {
      (await this.memory.get(context, {})).smsRest = cut.rest;
      context.turnState.set(DIRTY, true);
    }
  }
}
