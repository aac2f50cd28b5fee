/**
 * Reply rendering for the channel, from the capability table (src/channels/capabilities.ts): buttons as
 * suggested actions or a hero card in the form the channel prefers and can hold, numbered text for a question
 * where there are no buttons, and text alone for follow-up suggestions there (they are a convenience, not a
 * question, and on SMS every character costs). The outbound shaper then enforces the channel's limits on
 * whatever is sent (src/channels/outbound.ts).
 */
import { Activity, ActionTypes, CardAction, CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { Choice } from 'botbuilder-dialogs';
import { capabilitiesFor, cardFits, isGroupConversation, suggestedActionsFit } from '../channels/capabilities';
import { numberedChoices } from '../channels/outbound';
import type { Suggestion } from './suggestions';

export function textFormatFor(channelId: string): 'markdown' | 'plain' {
  return capabilitiesFor(channelId).markdown === 'plain' ? 'plain' : 'markdown';
}

/** A text reply in the channel's text format. */
export function textReply(context: TurnContext, text: string): Partial<Activity> {
  const reply = MessageFactory.text(text);
  reply.textFormat = textFormatFor(context.activity.channelId);
  return reply;
}

export interface Button {
  title: string;
  /** What tapping it sends. */
  value: string;
}

/**
 * A reply with buttons. `question`: the buttons are the answers to the text's question, so a channel without
 * buttons gets them as numbered text; otherwise (follow-up suggestions) it gets the text alone.
 */
export function buttonsReply(context: TurnContext, text: string, buttons: Button[], question: boolean): Partial<Activity> {
  const caps = capabilitiesFor(context.activity.channelId);
  const group = isGroupConversation(context.activity);
  const titles = buttons.map((b) => b.title);
  const actions: CardAction[] = buttons.map((b) => ({ type: ActionTypes.ImBack, title: b.title, value: b.value }));
  const suggested = suggestedActionsFit(caps, group, titles);
  const card = cardFits(caps, titles);
  let reply: Partial<Activity>;
  if (buttons.length && suggested && (!card || caps.preferredButtons !== 'card')) {
    reply = MessageFactory.suggestedActions(actions, text);
  } else if (buttons.length && card) {
    // The card carries only the buttons; the answer stays in the message text above it.
    reply = MessageFactory.attachment(CardFactory.heroCard('', undefined, actions), text);
    delete (reply.attachments![0].content as { title?: string }).title;
  } else {
    reply = MessageFactory.text(question ? numberedChoices(text, titles) : text);
  }
  reply.textFormat = textFormatFor(context.activity.channelId);
  return reply;
}

/** A reply with optional follow-up buttons (dropped where the channel has no buttons). */
export function replyWithSuggestions(context: TurnContext, text: string, suggestions: Suggestion[]): Partial<Activity> {
  if (suggestions.length === 0) return textReply(context, text);
  return buttonsReply(
    context,
    text,
    suggestions.map((s) => ({ title: s.title, value: s.value })),
    false,
  );
}

/** A prompt's choices as buttons: the action's title and value when it has one, else the choice's value. */
export function choiceButtons(choices: Array<string | Choice>): Button[] {
  return choices.map((c) => {
    if (typeof c === 'string') return { title: c, value: c };
    const title = c.action?.title ?? c.value;
    const value = typeof c.action?.value === 'string' ? c.action.value : c.value;
    return { title, value };
  });
}
