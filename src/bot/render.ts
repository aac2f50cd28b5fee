/**
 * Reply rendering for the channel, through botbuilder-dialogs' ChoiceFactory and channel capability
 * checks rather than hand-written channel lists: suggested actions where the channel has them
 * (Web Chat, Facebook, Telegram), a hero card with buttons on Teams, plain text on SMS.
 */
import { Activity, ActivityTypes, MessageFactory, TurnContext } from 'botbuilder';
import { Channels } from 'botbuilder';
import { Choice, ChoiceFactory } from 'botbuilder-dialogs';
import type { Suggestion } from './suggestions';

// Channels whose clients render Markdown in message text; elsewhere (SMS, Facebook, Telegram) we send plain text.
const MARKDOWN_CHANNELS = new Set<string>([Channels.Webchat, Channels.Directline, Channels.Emulator, Channels.Msteams]);

export function textFormatFor(channelId: string): 'markdown' | 'plain' {
  return MARKDOWN_CHANNELS.has(channelId) ? 'markdown' : 'plain';
}

/** A text reply in the channel's text format. */
export function textReply(context: TurnContext, text: string): Partial<Activity> {
  const reply = MessageFactory.text(text);
  reply.textFormat = textFormatFor(context.activity.channelId);
  return reply;
}

/**
 * A reply with optional follow-up buttons. Buttons are a convenience here, not a question, so on
 * channels with neither suggested actions nor card buttons (SMS) the text goes alone.
 */
export function replyWithSuggestions(context: TurnContext, text: string, suggestions: Suggestion[]): Partial<Activity> {
  const channelId = context.activity.channelId;
  if (suggestions.length === 0) return textReply(context, text);
  const choices: Choice[] = suggestions.map((s) => ({ value: s.value, action: { type: 'imBack', title: s.title, value: s.value } }));
  const rendered = ChoiceFactory.forChannel(channelId, choices, text);
  const hasButtons = Boolean(rendered.suggestedActions) || Boolean(rendered.attachments?.length);
  const reply = hasButtons ? rendered : MessageFactory.text(text);
  reply.type = ActivityTypes.Message;
  reply.textFormat = textFormatFor(channelId);
  if (reply.attachments?.length) {
    // Teams: the hero card carries the buttons; the answer stays in the message text above it.
    // ChoiceFactory.heroCard titles buttons with the value (the full question): give them the short title back.
    reply.text = text;
    for (const a of reply.attachments) {
      const card = a.content as { text?: string; buttons?: Array<{ title: string; value: unknown }> } | undefined;
      if (!card) continue;
      delete card.text;
      for (const b of card.buttons ?? []) b.title = suggestions.find((s) => s.value === b.value)?.title ?? b.title;
    }
  }
  return reply;
}
