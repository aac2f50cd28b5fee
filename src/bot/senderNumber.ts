/**
 * The patient's own number on channels where the sender id is a phone number (SMS): offered for a call-back
 * instead of asking for a number the bot already has, and the ways patients say "use this one".
 */
import type { TurnContext } from 'botbuilder';
import { capabilitiesFor } from '../channels/capabilities';
import { plainForm } from '../nlu/normalize';
import { findPhone } from '../storage/redact';

const YES =
  /^(yes|y|yeah|yep|yup|ok|okay|sure|please|please do|yes please|yes thanks|yes thank you|thats fine|that is fine|fine|go ahead|correct|right|that works)$/;
const THIS_NUMBER =
  /\b(this|that|same|my|the same|current) (phone )?(number|no|one|phone|mobile|cell)\b|\bsame as (this|that|the one|the number|before)\b|\b(texting|messaging|writing|sending) (you )?from\b|\b(this|that) is (fine|it|my number)\b|^same$/;

/** The sender's phone number when the channel's sender id is one (SMS), else undefined. */
export function senderPhone(context: TurnContext): string | undefined {
  if (!capabilitiesFor(context.activity.channelId).senderIsPhone) return undefined;
  const id = context.activity.from?.id ?? '';
  return findPhone(id) === id.trim() ? id.trim() : undefined;
}

/** "yes", "this number", "same as this one", "the one I'm texting from": use the sender's number. */
export function meansSenderNumber(text: string): boolean {
  const form = plainForm(text)
    .replace(/\b(please|thanks|thank you|just|yes)\b/g, (w) => (w === 'yes' ? 'yes' : ''))
    .replace(/\s+/g, ' ')
    .trim();
  if (YES.test(form) || YES.test(plainForm(text))) return true;
  if (/\b(no|not|dont|don t|another|different|other)\b/.test(form)) return false;
  return THIS_NUMBER.test(form);
}
