/**
 * First contact: exactly one welcome per conversation, on every channel, however the conversation starts.
 *  - conversationUpdate (Web Chat, Direct Line, Emulator, Teams) and Teams' installationUpdate: the welcome,
 *    once, however many conversationUpdates arrive (Teams sends one per member added, Web Chat may resend);
 *  - a platform start (Telegram /start, Facebook Get Started): the welcome; again later it means "start over";
 *  - the first message on channels that send no conversationUpdate (SMS, email, Facebook, Telegram, Slack):
 *    the welcome first (on SMS a one-segment intro with the emergency number, and on email the welcome, at the top
 *    of the answer itself, so the patient gets one message, not two), then the answer; a bare greeting gets the
 *    welcome alone.
 * Whether the welcome was sent is kept in conversation state (ChannelMemory.welcomed).
 */
import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Knowledge } from '../knowledge/types';
import { capabilitiesFor } from '../channels/capabilities';
import { ChannelMemory, prependIntro, repliesSuppressed } from './channelLayer';
import { isPlatformStart } from './inbound';
import { say } from './reply';
import { smsIntroText, smsWelcomeText, welcomeText } from './replies';

/** The welcome for the channel: the full one, or the short SMS one. */
export function welcomeFor(context: TurnContext, k: Knowledge): string {
  return capabilitiesFor(context.activity.channelId).sms ? smsWelcomeText(k) : welcomeText(k);
}

export type FirstMessage =
  /** Not the first contact (or the channel welcomes on conversationUpdate): answer as usual. */
  | 'answer'
  /** Send the welcome and nothing else (a platform start, an empty or greeting-only first message). */
  | 'welcome_only'
  /** The welcome went first (or is prepended on SMS): now answer. */
  | 'welcomed_then_answer';

export class FirstContact {
  constructor(
    private readonly memory: StatePropertyAccessor<ChannelMemory>,
    private readonly knowledge: Knowledge,
  ) {}

  /** A conversationUpdate or installationUpdate: true when the welcome should be sent now (and marks it sent). */
  async shouldWelcomeOnJoin(context: TurnContext, someoneJoined: boolean): Promise<boolean> {
    if (!someoneJoined) return false;
    return this.claim(context);
  }

  /**
   * A message: decides whether it is the conversation's first contact. `greetingOnly` says the message asks
   * nothing (a greeting, or empty; asked only when needed, after a restart command is rewritten). On SMS the intro is put at the top of the answer by the channel layer.
   */
  async onMessage(context: TurnContext, greetingOnly: () => Promise<boolean>): Promise<FirstMessage> {
    const caps = capabilitiesFor(context.activity.channelId);
    const start = isPlatformStart(context);
    if (start && (await this.welcomed(context))) {
      // The patient pressed Start again (Telegram after clearing the chat): begin again.
      context.activity.text = 'start over';
      return 'answer';
    }
    // Nothing is sent this turn (a carrier keyword on SMS): the welcome waits for a turn that is answered.
    if ((!start && !caps.welcomeOnFirstMessage) || repliesSuppressed(context)) return 'answer';
    if (!(await this.claim(context))) return 'answer';
    if (start || (await greetingOnly())) return 'welcome_only';
    if (caps.sms) prependIntro(context, smsIntroText(this.knowledge.clinic));
    else if (caps.welcomeInFirstReply) prependIntro(context, `${welcomeText(this.knowledge)}\n`);
    else await say(context, undefined, welcomeText(this.knowledge));
    return 'welcomed_then_answer';
  }

  private async welcomed(context: TurnContext): Promise<boolean> {
    return (await this.memory.get(context, {})).welcomed === true;
  }

  /** Marks the welcome as sent; false when it already was. */
  private async claim(context: TurnContext): Promise<boolean> {
    const memory = await this.memory.get(context, {});
    if (memory.welcomed) return false;
    memory.welcomed = true;
    return true;
  }
}
