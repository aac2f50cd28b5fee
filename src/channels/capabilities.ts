/**
 * What each messaging channel can show and accepts, in ONE table: the reply renderer (src/bot/render.ts) chooses
 * buttons, cards or numbered text from it, and the outbound shaper (src/channels/outbound.ts) enforces its limits
 * on everything the bot sends (whoever composed it). Why a table: botbuilder's ChoiceFactory keeps its own hard-coded
 * channel lists, and each defect in issue #18 (four buttons on Teams, 25-character titles on Facebook, events Teams
 * rejects, UCS-2 SMS) was a limit written down nowhere. Sources for each figure are in docs/channels.md.
 */
import type { Activity } from 'botbuilder';

export type MarkdownDialect =
  /** CommonMark-like (Web Chat, Emulator, email): single line breaks survive. */
  | 'markdown'
  /** Teams' markdown: single line breaks are joined, so paragraphs need a blank line. */
  | 'teams'
  /** Slack's mrkdwn: line breaks survive, no list syntax needed. */
  | 'slack'
  /** Plain text (SMS, Facebook, Telegram as we send it). */
  | 'plain';

export interface ChannelCapabilities {
  /** Suggested actions (quick replies): how many show, the longest title shown whole, and whether group chats show them. */
  suggestedActions?: { max: number; maxTitle: number; inGroups: boolean };
  /** Hero cards with buttons: the most buttons a card shows. */
  cards?: { maxButtons: number; maxTitle: number };
  /** Where both fit, which form buttons take (Teams: cards, which persist and show in group chats too). */
  preferredButtons: 'suggested' | 'card';
  markdown: MarkdownDialect;
  /** Longest message text the channel delivers whole. */
  maxTextLength: number;
  /** Whether event activities (handoff.initiate) are accepted; where not, they are not sent at all. */
  acceptsEvents: boolean;
  /** A tapped button comes back as its title, not its value (the value, if any, is in channelData). */
  buttonsSendTitle: boolean;
  /**
   * The channel sends no conversationUpdate when a patient starts, so the first message gets the welcome
   * (Web Chat, Direct Line, Emulator and Teams send one; SMS, email, Facebook, Telegram, Slack do not reliably).
   */
  welcomeOnFirstMessage: boolean;
  /** That first welcome goes at the top of the first reply, not as a message of its own (each SMS and email costs). */
  welcomeInFirstReply: boolean;
  /** Texts are SMS: GSM-7 only, billed by 153/160-character segments, carrier keywords reserved. */
  sms: boolean;
  /** The sender's id is their phone number (SMS). */
  senderIsPhone: boolean;
}

const WEB: ChannelCapabilities = {
  suggestedActions: { max: 10, maxTitle: 40, inGroups: true },
  cards: { maxButtons: 10, maxTitle: 40 },
  preferredButtons: 'suggested',
  markdown: 'markdown',
  maxTextLength: 28_000,
  acceptsEvents: true,
  buttonsSendTitle: false,
  welcomeOnFirstMessage: false,
  welcomeInFirstReply: false,
  sms: false,
  senderIsPhone: false,
};

/** Channels we do not know: plain text, numbered choices, no events, a welcome on the first message. */
export const UNKNOWN_CHANNEL: ChannelCapabilities = {
  preferredButtons: 'suggested',
  markdown: 'plain',
  maxTextLength: 2000,
  acceptsEvents: false,
  buttonsSendTitle: false,
  welcomeOnFirstMessage: true,
  welcomeInFirstReply: false,
  sms: false,
  senderIsPhone: false,
};

/** A messaging channel: what it differs in from one we do not know. */
const messaging = (differences: Partial<ChannelCapabilities>): ChannelCapabilities => ({ ...UNKNOWN_CHANNEL, ...differences });

export const CHANNEL_CAPABILITIES: Readonly<Record<string, ChannelCapabilities>> = {
  webchat: WEB,
  directline: WEB,
  emulator: WEB,
  directlinespeech: WEB,
  msteams: messaging({
    suggestedActions: { max: 3, maxTitle: 20, inGroups: false },
    cards: { maxButtons: 6, maxTitle: 40 },
    preferredButtons: 'card',
    markdown: 'teams',
    maxTextLength: 25_000,
    welcomeOnFirstMessage: false,
  }),
  slack: messaging({ cards: { maxButtons: 5, maxTitle: 30 }, preferredButtons: 'card', markdown: 'slack', maxTextLength: 4000 }),
  facebook: messaging({
    suggestedActions: { max: 10, maxTitle: 20, inGroups: true },
    cards: { maxButtons: 3, maxTitle: 20 },
    maxTextLength: 2000,
    buttonsSendTitle: true,
  }),
  telegram: messaging({
    suggestedActions: { max: 10, maxTitle: 30, inGroups: true },
    cards: { maxButtons: 8, maxTitle: 30 },
    maxTextLength: 4096,
    buttonsSendTitle: true,
  }),
  sms: messaging({ maxTextLength: 1600, welcomeInFirstReply: true, sms: true, senderIsPhone: true }),
  email: messaging({ markdown: 'markdown', maxTextLength: 100_000, welcomeInFirstReply: true }),
};

export function capabilitiesFor(channelId: string | undefined): ChannelCapabilities {
  return (channelId && CHANNEL_CAPABILITIES[channelId]) || UNKNOWN_CHANNEL;
}

/** A group chat or channel (Teams' groupChat/channel, or isGroup), where some channels hide suggested actions. */
export function isGroupConversation(activity: Partial<Activity>): boolean {
  const c = activity.conversation;
  return Boolean(c?.isGroup) || (c?.conversationType !== undefined && c.conversationType !== 'personal');
}

/** How many buttons can be shown as suggested actions here (0: none). */
export function suggestedActionsFit(caps: ChannelCapabilities, group: boolean, titles: string[]): boolean {
  const s = caps.suggestedActions;
  if (!s || (group && !s.inGroups)) return false;
  return titles.length <= s.max && titles.every((t) => t.length <= s.maxTitle);
}

export function cardFits(caps: ChannelCapabilities, titles: string[]): boolean {
  const c = caps.cards;
  return Boolean(c) && titles.length <= c!.maxButtons && titles.every((t) => t.length <= c!.maxTitle);
}
