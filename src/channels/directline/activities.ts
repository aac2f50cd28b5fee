/**
 * What a visitor's client may post, checked and rebuilt field by field: nothing the client says about
 * who it is (from, recipient, conversation, channel, serviceUrl, id, timestamp) is kept; the server
 * sets those from the token.
 */
import { Activity, ActivityTypes, Attachment, ChannelAccount, RoleTypes } from 'botbuilder';
import { DirectLineError } from './errors';

const POSTABLE_TYPES = new Set<string>([ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing]);
const TEXT_FORMATS = new Set(['plain', 'markdown', 'xml']);
const MAX_ATTACHMENTS = 10;
const SHORT = 200;

function shortString(value: unknown, field: string, max = SHORT): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DirectLineError(400, 'BadArgument', `"${field}" must be a string`);
  if (value.length > max) throw new DirectLineError(400, 'BadArgument', `"${field}" is too long`);
  return value;
}

export interface Sender {
  conversationId: string;
  user: ChannelAccount;
  bot: ChannelAccount;
}

/**
 * The visitor's activity as the bot will receive it (without id and timestamp, which the store assigns).
 * Throws DirectLineError 400 for what a client should never send, 413 for over-long text.
 */
export function visitorActivity(body: unknown, sender: Sender, maxTextChars: number): Partial<Activity> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new DirectLineError(400, 'BadArgument', 'the body must be a JSON object (a Direct Line activity)');
  }
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !POSTABLE_TYPES.has(a.type)) {
    throw new DirectLineError(400, 'BadArgument', '"type" must be "message", "event" or "typing"');
  }
  const out: Partial<Activity> = { type: a.type };

  if (a.text !== undefined && a.text !== null) {
    if (typeof a.text !== 'string') throw new DirectLineError(400, 'BadArgument', '"text" must be a string');
    if (a.text.length > maxTextChars) {
      throw new DirectLineError(413, 'MessageSizeTooBig', `the message is longer than ${maxTextChars} characters`);
    }
    out.text = a.text;
  }
  const textFormat = shortString(a.textFormat, 'textFormat', 20);
  if (textFormat && TEXT_FORMATS.has(textFormat)) out.textFormat = textFormat as Activity['textFormat'];
  const locale = shortString(a.locale, 'locale', 35);
  if (locale && /^[A-Za-z0-9-]+$/.test(locale)) out.locale = locale;
  const name = shortString(a.name, 'name');
  if (name !== undefined) out.name = name;
  if (a.value !== undefined) out.value = a.value;

  if (a.attachments !== undefined) {
    if (!Array.isArray(a.attachments) || a.attachments.length > MAX_ATTACHMENTS) {
      throw new DirectLineError(400, 'BadArgument', `"attachments" must be a list of at most ${MAX_ATTACHMENTS}`);
    }
    // Only what the attachment is; its content or a link to it is not taken (uploads are not supported).
    out.attachments = a.attachments.map((raw, i): Attachment => {
      if (!raw || typeof raw !== 'object') throw new DirectLineError(400, 'BadArgument', `attachments[${i}] must be an object`);
      const att = raw as Record<string, unknown>;
      const contentType = shortString(att.contentType, `attachments[${i}].contentType`) ?? 'application/octet-stream';
      const attName = shortString(att.name, `attachments[${i}].name`);
      return attName ? { contentType, name: attName } : { contentType };
    });
    if (out.attachments.length === 0) delete out.attachments;
  }

  // Web Chat matches the echo of what it sent by channelData.clientActivityID: keep that, nothing else.
  if (a.channelData && typeof a.channelData === 'object' && !Array.isArray(a.channelData)) {
    const cd = a.channelData as Record<string, unknown>;
    const clientActivityID = shortString(cd.clientActivityID, 'channelData.clientActivityID', 100);
    const clientTimestamp = shortString(cd.clientTimestamp, 'channelData.clientTimestamp', 40);
    if (clientActivityID || clientTimestamp) out.channelData = { clientActivityID, clientTimestamp };
  }

  out.from = { id: sender.user.id, name: sender.user.name, role: RoleTypes.User };
  out.recipient = { id: sender.bot.id, name: sender.bot.name, role: RoleTypes.Bot };
  out.conversation = { id: sender.conversationId } as Activity['conversation'];
  return out;
}
