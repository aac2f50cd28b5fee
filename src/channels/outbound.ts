/**
 * Shapes every activity the bot sends for the channel it goes to, from the capability table (capabilities.ts):
 *  - buttons: suggested actions beyond the channel's count (or in a Teams group chat) become a hero card where a
 *    card can hold them, numbered text otherwise; card buttons where there are no cards become numbered text;
 *    titles longer than the channel shows are shortened (the inbound layer maps them back);
 *  - text: blank lines between paragraphs for Teams' markdown (it joins single line breaks), GSM-7 for SMS, and a
 *    text longer than the channel delivers is split into several messages at paragraph breaks;
 *  - events (handoff.initiate) are not sent where the channel rejects them.
 * Pure functions of an activity and the capabilities: the middleware (src/bot/channelLayer.ts) applies them.
 */
import { Activity, ActivityTypes, CardAction, CardFactory } from 'botbuilder';
import { cardFits, ChannelCapabilities, MarkdownDialect, suggestedActionsFit } from './capabilities';
import { toGsm7 } from './gsm7';

export interface OfferedButton {
  title: string;
  /** What the button sends when tapped (imBack/postBack value). */
  value: string;
}

/** Numbered choices as text, for channels without buttons: inline for a few short ones, one a line otherwise. */
export function numberedChoices(text: string, titles: string[]): string {
  if (titles.length === 0) return text;
  const inline = titles.length <= 3 && titles.every((t) => t.length <= 20);
  if (inline) {
    const items = titles.map((t, i) => `(${i + 1}) ${t}`);
    const joined = items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
    return `${text} ${joined}`.trim();
  }
  return `${text}\n${titles.map((t, i) => `${i + 1}. ${t}`).join('\n')}`.trim();
}

/** Line breaks that survive the channel's markdown: Teams needs a blank line between lines that are not list items. */
export function lineBreaksFor(text: string, dialect: MarkdownDialect): string {
  if (dialect !== 'teams') return text;
  const isItem = (l: string) => /^\s*(-|\*|\d+\.)\s/.test(l);
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    if (line === '' || prev === '' || (isItem(prev) && isItem(line))) out += '\n' + line;
    else out += '\n\n' + line;
  }
  return out;
}

/** Splits text longer than `max` into parts at paragraph breaks, then line breaks, then spaces. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let at = window.lastIndexOf('\n\n');
    if (at < max / 2) at = window.lastIndexOf('\n');
    if (at < max / 2) at = window.lastIndexOf(' ');
    if (at <= 0) at = max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^\s+/, '');
  }
  if (rest) parts.push(rest);
  return parts;
}

function shorten(title: string, max: number): string {
  return title.length <= max ? title : title.slice(0, max - 1).trimEnd() + '…';
}

interface HeroContent {
  title?: string;
  text?: string;
  buttons?: CardAction[];
}

const actionValue = (a: CardAction): string => (typeof a.value === 'string' ? a.value : (a.title ?? ''));

/** The buttons of a message: its suggested actions, or the buttons of its one hero card. */
function buttonsOf(activity: Partial<Activity>): { actions: CardAction[]; from: 'suggested' | 'card' | 'none' } {
  if (activity.suggestedActions?.actions?.length) return { actions: activity.suggestedActions.actions, from: 'suggested' };
  const hero = activity.attachments?.find((a) => a.contentType === CardFactory.contentTypes.heroCard);
  const buttons = (hero?.content as HeroContent | undefined)?.buttons;
  if (hero && buttons?.length && activity.attachments!.length === 1) return { actions: buttons, from: 'card' };
  return { actions: [], from: 'none' };
}

/**
 * Puts a message's buttons in the form the channel shows: suggested actions, a hero card, or numbered text.
 * Returns the buttons as offered (titles as shown) so a title sent back can be mapped to its value.
 */
export function shapeButtons(activity: Partial<Activity>, caps: ChannelCapabilities, group: boolean): OfferedButton[] {
  const { actions, from } = buttonsOf(activity);
  if (from === 'none') return [];
  const titles = actions.map((a) => a.title ?? actionValue(a));
  const cardText = from === 'card' ? (activity.attachments![0].content as HeroContent).text : undefined;
  const text = [activity.text, cardText].filter(Boolean).join('\n\n');
  const offered = (shown: string[]) => actions.map((a, i) => ({ title: shown[i], value: actionValue(a) }));

  const asSuggested = () => {
    const max = caps.suggestedActions!.maxTitle;
    const shown = titles.map((t) => shorten(t, max));
    activity.suggestedActions = { to: activity.suggestedActions?.to ?? [], actions: actions.map((a, i) => ({ ...a, title: shown[i] })) };
    activity.attachments = undefined;
    activity.text = text;
    return offered(shown);
  };
  const asCard = () => {
    const max = caps.cards!.maxTitle;
    const shown = titles.map((t) => shorten(t, max));
    const buttons = actions.map((a, i) => ({ ...a, title: shown[i] }));
    activity.attachments = [CardFactory.heroCard('', undefined, buttons)];
    delete (activity.attachments[0].content as HeroContent).title;
    activity.suggestedActions = undefined;
    activity.text = text;
    return offered(shown);
  };
  const asNumbers = () => {
    activity.text = numberedChoices(text, titles);
    activity.suggestedActions = undefined;
    activity.attachments = undefined;
    return actions.map((a, i) => ({ title: String(i + 1), value: actionValue(a) })).concat(offered(titles));
  };

  // Titles are shortened rather than abandoning buttons: count decides the form.
  const fitCount = (n: number | undefined) => n !== undefined && titles.length <= n;
  const suggestedOk =
    suggestedActionsFit(caps, group, titles) ||
    (fitCount(caps.suggestedActions?.max) &&
      suggestedActionsFit(
        caps,
        group,
        titles.map((t) => shorten(t, caps.suggestedActions!.maxTitle)),
      ));
  const cardOk = cardFits(caps, titles) || (fitCount(caps.cards?.maxButtons) && Boolean(caps.cards));
  if (from === 'suggested') return suggestedOk ? asSuggested() : cardOk ? asCard() : asNumbers();
  return cardOk ? asCard() : suggestedOk ? asSuggested() : asNumbers();
}

/** The message text for the channel's markdown and alphabet. */
export function shapeText(text: string, caps: ChannelCapabilities): string {
  const shaped = lineBreaksFor(text, caps.markdown);
  return caps.sms ? toGsm7(shaped) : shaped;
}

/** Whether the channel gets this activity at all (events only where accepted). */
export function deliverable(activity: Partial<Activity>, caps: ChannelCapabilities): boolean {
  return activity.type !== ActivityTypes.Event || caps.acceptsEvents;
}

/**
 * One outgoing message shaped for the channel: its buttons, its text, and split into several messages when the
 * text is longer than the channel delivers (buttons stay on the last part). SMS length is handled separately
 * (cut with "Reply MORE", see src/bot/sms.ts), so SMS messages are not split here.
 */
export function shapeMessage(
  activity: Partial<Activity>,
  caps: ChannelCapabilities,
  group: boolean,
): { parts: Partial<Activity>[]; offered: OfferedButton[] } {
  const offered = shapeButtons(activity, caps, group);
  if (typeof activity.text === 'string') activity.text = shapeText(activity.text, caps);
  if (caps.markdown === 'plain' && activity.textFormat === 'markdown') activity.textFormat = 'plain';
  if (caps.sms || !activity.text || activity.text.length <= caps.maxTextLength) return { parts: [activity], offered };
  const texts = splitText(activity.text, caps.maxTextLength);
  const parts = texts.map((t, i) => {
    const last = i === texts.length - 1;
    const part: Partial<Activity> = { ...activity, text: t };
    if (!last) {
      delete part.suggestedActions;
      delete part.attachments;
    }
    return part;
  });
  return { parts, offered };
}
