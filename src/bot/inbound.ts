/**
 * What a patient wrote, as the bot should read it, whatever the channel wrapped it in. Each rule is a kind of
 * wrapping a real channel adds (shapes in test/fixtures/channels/):
 *  - @mentions of the bot: Teams' `<at>Clinic Bot</at>` (with its mention entity and a text/html copy of the
 *    message as an attachment), Slack's `<@U…>`, Telegram's and GroupMe's mention entities;
 *  - Slack's escaping (`&amp;`, `<https://…|label>`);
 *  - tapped buttons that come back as their title (Facebook quick replies, Telegram keyboards): the value, from
 *    the payload when the channel sends one, else from the titles the bot offered;
 *  - platform commands: Telegram's `/start` and Facebook's Get Started postback start the conversation;
 *  - email: the quoted thread and signature removed, the subject used when the body asks nothing (emailText.ts);
 *  - Unicode compatibility forms (full-width digits "２", ligatures) folded by NFKC; a lone 👍 or 👎 is yes or no.
 * The original text is kept in turn state (originalText) and the transcript stores the activity as received.
 */
import { Activity, TurnContext } from 'botbuilder';
import type { ChannelCapabilities } from '../channels/capabilities';
import { emailQuestion } from './emailText';
import { SUGGESTIONS } from './suggestions';
import { withSpokenPunctuation } from '../nlu/normalize';

const ORIGINAL_TEXT = Symbol('clinic.originalText');
const PLATFORM_START = Symbol('clinic.platformStart');

/** Facebook's conventional Get Started payload, and the button's own title when a page sends that instead. */
const GET_STARTED = /^(get[ _]?started|getstarted|get_started_payload)$/i;
const TELEGRAM_COMMAND = /^\/([a-z0-9_]+)(?:@[a-z0-9_]+)?(?:\s+(.*))?$/is;
/** Telegram commands that are words the bot already understands. */
const COMMAND_WORDS: Record<string, string> = {
  help: 'help',
  menu: 'menu',
  cancel: 'cancel',
  restart: 'start over',
  book: 'how do I book?',
  contact: 'contact details',
};
// Zero-width and bidi control characters: never meaningful, and they split words ("dry\u200Bneedling").
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A message that is only a thumbs up / OK / tick (any skin tone) means yes; only a thumbs down means no. */
const EMOJI_YES = /^(?:\u{1F44D}|\u{1F44C}|\u{2705}|\u{2714}\u{FE0F}?|\u{1F197})[\u{1F3FB}-\u{1F3FF}]?$/u;
const EMOJI_NO = /^(?:\u{1F44E}|\u{274C}|\u{1F6AB})[\u{1F3FB}-\u{1F3FF}]?$/u;

export function emojiAnswer(text: string): 'yes' | 'no' | undefined {
  const t = text.replace(/\s+/g, '');
  return EMOJI_YES.test(t) ? 'yes' : EMOJI_NO.test(t) ? 'no' : undefined;
}

export interface Inbound {
  /** Text as the bot reads it. */
  text: string;
  /** The channel's start command or postback (Telegram /start, Facebook Get Started). */
  platformStart: boolean;
}

/** The text exactly as the channel delivered it (before mentions, quoting or button titles were dealt with). */
export function originalText(context: TurnContext): string | undefined {
  return context.turnState.get(ORIGINAL_TEXT) ?? context.activity.text;
}

/** Whether this turn is the channel's own "start" (the bot welcomes instead of answering). */
export function isPlatformStart(context: TurnContext): boolean {
  return context.turnState.get(PLATFORM_START) === true;
}

/** Removes @mentions of the bot; other people's mentions keep their name. */
export function withoutMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  if (activity.entities?.length && activity.recipient?.id) {
    text = TurnContext.removeRecipientMention(activity) ?? text;
  }
  const botName = activity.recipient?.name?.trim().toLowerCase();
  text = text.replace(/<at(?:\s[^>]*)?>([^<]*)<\/at>/gi, (_m, name: string) => (botName && name.trim().toLowerCase() === botName ? '' : name));
  // Slack: <@U123> or <@U123|name>; the bot's own mention leads the message.
  text = text
    .replace(/^(\s*<@[A-Z0-9]+(?:\|[^>]*)?>)+/i, '')
    .replace(/<@[A-Z0-9]+\|([^>]*)>/gi, '$1')
    .replace(/<@[A-Z0-9]+>/gi, '');
  return text;
}

/** The text of an HTML email body: block ends as line breaks, tags dropped, the common entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Slack's link and entity escaping, undone. */
export function slackPlain(text: string): string {
  return text
    .replace(/<((?:https?|mailto|tel):[^|>]+)\|([^>]+)>/gi, '$2')
    .replace(/<((?:https?|mailto|tel):[^>]+)>/gi, '$1')
    .replace(/<!(here|channel|everyone)>/gi, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The value of a tapped button, when the channel put it in channelData (Facebook, Telegram). */
export function buttonPayload(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as
    { message?: { quick_reply?: { payload?: unknown } }; postback?: { payload?: unknown }; callback_query?: { data?: unknown } } | undefined;
  const payload = data?.message?.quick_reply?.payload ?? data?.postback?.payload ?? data?.callback_query?.data;
  return typeof payload === 'string' && payload.trim() ? payload : undefined;
}

/** Unicode compatibility forms folded (full-width "２" is "2"), invisible characters removed, spaces tidied. */
export function foldUnicode(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The follow-up buttons' titles, for a tap on a button older than the last one offered. */
const KNOWN_TITLES: Record<string, string> = Object.fromEntries(Object.values(SUGGESTIONS).map((s) => [titleKey(s.title), s.value]));

/** A lone title of a button the bot offered (or of a follow-up button), mapped back to what the button sends. */
export function valueForTitle(text: string, offered: Record<string, string>): string | undefined {
  const key = titleKey(text);
  return key ? (offered[key] ?? KNOWN_TITLES[key]) : undefined;
}

/** Titles are compared without case, typographic quotes or a trailing ellipsis (truncated titles). */
export function titleKey(title: string): string {
  return foldUnicode(title)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/(\.\.\.|…)$/, '')
    .trim();
}

/**
 * Reads the activity as the channel sent it and sets activity.text to what the patient meant. `offered` maps the
 * titles of buttons the bot showed (titleKey) to their values.
 */
export function normaliseInbound(context: TurnContext, caps: ChannelCapabilities, offered: Record<string, string>): Inbound {
  const activity = context.activity;
  const original = activity.text;
  context.turnState.set(ORIGINAL_TEXT, original);
  let platformStart = false;
  let text = withoutMentions(activity);
  if (activity.channelId === 'slack') text = slackPlain(text);
  if (activity.channelId === 'email') {
    const data = activity.channelData as { subject?: unknown; htmlBody?: unknown } | undefined;
    // An HTML-only email: its text, for the same reply parsing.
    if (!text.trim() && typeof data?.htmlBody === 'string') text = htmlText(data.htmlBody);
    text = emailQuestion(text, typeof data?.subject === 'string' ? data.subject : undefined);
  }
  const payload = buttonPayload(activity);
  if (payload) text = payload;
  // ("does it hurt question mark": what a dictating phone wrote, read as the patient said it)
  text = withSpokenPunctuation(foldUnicode(text));
  // An emoji-only yes or no (SMS, Messenger) answers a yes/no question like the word.
  text = emojiAnswer(text) ?? text;

  const command = TELEGRAM_COMMAND.exec(text);
  if (GET_STARTED.test(text)) {
    platformStart = true;
  } else if (command) {
    const name = command[1].toLowerCase();
    // "/start" may carry a deep-link parameter ("/start clinic-site"): still the start, and nothing to answer.
    platformStart = name === 'start';
    text = platformStart ? '' : (COMMAND_WORDS[name] ?? command[2] ?? name);
  } else if (!payload && /^\d{1,2}$/.test(text) && offered[text]) {
    // A number answering numbered choices the bot sent as text.
    text = offered[text];
  } else if (caps.buttonsSendTitle && !payload) {
    text = valueForTitle(text, offered) ?? text;
  }
  // Teams sends an HTML copy of every message as an attachment; it is the text again, not a file.
  if (activity.attachments?.length && activity.channelId === 'msteams') {
    activity.attachments = activity.attachments.filter((a) => a.contentType !== 'text/html');
  }
  activity.text = text;
  context.turnState.set(PLATFORM_START, platformStart);
  return { text, platformStart };
}
