/**
 * SMS as a first-class channel (issue #18):
 *  - carrier keywords (STOP, START, HELP and their synonyms) belong to the carrier: a lone one gets no reply from
 *    the bot, and no reply ever tells a patient to send one (Twilio opts a number out on a lone CANCEL, END, QUIT);
 *  - a long answer is cut at a line or sentence end into 3 segments, ending "Reply MORE …", and the rest is kept
 *    for "more"; a question (a prompt) may use 5 before it is cut, so the question itself is never hidden;
 *  - in the emergency and crisis replies, the emergency number and the crisis line are inside the first segment
 *    (the one every phone shows whole): a reply that mentions them later gets a short lead line with them;
 *  - the first reply of a conversation carries a short intro with the emergency number (firstContact.ts).
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { ClinicDetails } from '../knowledge/types';
import { capabilitiesFor } from '../channels/capabilities';
import { firstSegmentEnd, smsSegments, toGsm7 } from '../channels/gsm7';
import type { ChannelMemory } from './channelLayer';
import { moreFooter, nothingMoreText } from './replies';
import { say } from './reply';

/** Twilio's and the US/AU carriers' reserved keywords (opt-out, opt-in, help), matched as the whole message. */
const CARRIER_KEYWORD = /^\s*(stop|stopall|stop all|unsubscribe|cancel|end|quit|revoke|optout|opt out|start|unstop|help|info)\s*[.!]*\s*$/i;

/** Segments a reply may use before it is cut and the rest offered with "MORE". */
export const SMS_SEGMENT_BUDGET = 3;
/**
 * Segments a question may use: a prompt is not cut before that, because cutting would hide the question (and, for
 * the booking consent, what the patient is agreeing to) behind "Reply MORE".
 */
export const SMS_QUESTION_BUDGET = 5;

/** The segments a reply may use: more for a question than for an answer. */
export function smsBudgetFor(text: string): number {
  return asksQuestion(text) ? SMS_QUESTION_BUDGET : SMS_SEGMENT_BUDGET;
}

/** Whether a text ends by asking something: a question mark, or choices to pick from. */
export function asksQuestion(text: string): boolean {
  const tail = text.trimEnd();
  return /\?["')]?$/.test(tail) || /\(\d+\) [^\n]+ or \(\d+\) [^\n]+$/.test(tail) || /(^|\n)\s*\d+\. [^\n]+$/.test(tail);
}

const MORE = /^\s*(more|more please|show more|the rest|rest|continue|next)\s*[.!]*\s*$/i;

export function isCarrierKeyword(text: string | undefined): boolean {
  return Boolean(text && CARRIER_KEYWORD.test(text));
}

export function asksForMore(text: string | undefined): boolean {
  return Boolean(text && MORE.test(text));
}

export interface SmsCut {
  text: string;
  /** What was left out, for "more"; undefined when everything fits. */
  rest?: string;
}

const isListLine = (line: string) => /^\s*(-|\d+\.|\(\d+\))\s/.test(line);

/** The text in pieces that can end a message: whole lines, and sentences within a line; joined back, the text. */
function cutPoints(text: string): string[] {
  const pieces: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    // Split after a sentence end followed by a space ("clinic.example" stays whole); joined back, the line.
    const sentences = line.split(/(?<=[.!?])(?=\s)/);
    sentences.forEach((sentence, j) => pieces.push(sentence + (j === sentences.length - 1 && i < lines.length - 1 ? '\n' : '')));
  });
  return pieces.filter((p) => p.length > 0);
}

/**
 * Cuts a GSM-7 text at the last line or sentence end that lets it and its "Reply MORE" footer fit in `budget`
 * segments; the rest is returned for "more".
 */
export function cutForSms(text: string, budget = smsBudgetFor(text)): SmsCut {
  if (smsSegments(text).segments <= budget) return { text };
  const pieces = cutPoints(text);
  for (let n = pieces.length - 1; n >= 1; n--) {
    const head = pieces.slice(0, n).join('').trimEnd();
    const rest = pieces.slice(n).join('').trim();
    // Never end on a lead-in ("contact us:"): what it introduces is the point.
    if (!head || !rest || head.endsWith(':')) continue;
    const list = isListLine(rest.split('\n')[0]);
    const candidate = `${head}\n${moreFooter(list)}`;
    if (smsSegments(candidate).segments <= budget) return { text: candidate, rest };
  }
  return { text };
}

/** Numbers that must be in the first segment when a reply mentions them: the emergency number and the crisis line's. */
export function urgentNumbers(c: ClinicDetails): string[] {
  const crisis = /\d[\d ]{3,}\d/.exec(c.crisisLine)?.[0];
  return [c.emergencyNumber, ...(crisis ? [crisis] : [])].filter(Boolean);
}

function mentionsAt(text: string, number: string): number {
  const m = new RegExp(`(^|\\D)${number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\D|$)`).exec(text);
  return m ? m.index + m[1].length : -1;
}

/**
 * Makes sure every urgent number a reply mentions is inside its first segment: when one is not, a short lead
 * line names them all ("Emergency: call 000. Lifeline 13 11 14.").
 */
export function urgentNumbersFirst(text: string, c: ClinicDetails): string {
  const end = firstSegmentEnd(text);
  const late = urgentNumbers(c).filter((n) => {
    const at = mentionsAt(text, n);
    return at >= 0 && at + n.length > end;
  });
  if (late.length === 0) return text;
  const crisisName = c.crisisLine.replace(/\s*\(.*\)\s*$/, '');
  const mentionsCrisis = urgentNumbers(c)
    .slice(1)
    .some((n) => mentionsAt(text, n) >= 0);
  const lead = `Emergency: call ${c.emergencyNumber}.${mentionsCrisis ? ` ${toGsm7(crisisName)}.` : ''}`;
  return `${lead}\n${text}`;
}

/** "more" on SMS: the rest of the last cut answer (cut again if still long), or that there is no more. */
export async function sendSmsRest(context: TurnContext, memory: StatePropertyAccessor<ChannelMemory>): Promise<boolean> {
  if (!capabilitiesFor(context.activity.channelId).sms) return false;
  const state = await memory.get(context, {});
  const rest = state.smsRest;
  // The rest of a long answer is offered for the very next message only.
  state.smsRest = undefined;
  if (!asksForMore(context.activity.text)) return false;
  await say(context, 'answered', rest ?? nothingMoreText(), { intent: 'more' });
  return true;
}
