/**
 * Two kinds of question recognised by their wording rather than the intent model:
 *  - asking whether the bot is a person ("r u a bot", "real person or robot?", "am I chatting to an AI"), which
 *    the bot must answer truthfully (it is an automated assistant) and with a person to contact;
 *  - which clinic detail a contact question asks about (opening hours, the address, or something the clinic's
 *    details do not hold, such as parking), so that the bot answers that detail or says it does not have it.
 */
import { plainForm } from './normalize';

const MACHINE =
  '(bot|robot|chatbot|chat bot|ai|a i|computer|program|programme|machine|automated|automatic|real|human|person|actual person|real person)';

const ASKS_IF_BOT = [
  new RegExp(`\\b(are|r) (you|u|ya|yous)( an?)? ${MACHINE}\\b`),
  new RegExp(`\\b(are|r) (you|u) (a )?(real|actual|live)\\b`),
  new RegExp(`\\b${MACHINE} or (an? )?${MACHINE}\\b`),
  /\bam i (talking|chatting|speaking|texting|messaging) (to|with) (an? )?(bot|robot|chatbot|ai|computer|machine|human|person|real|someone real|a real)\b/,
  /\b(is|its) (this|it) (a |an )?(bot|robot|chatbot|ai|computer|automated|machine|real person|human|person|live)\b/,
  /\bis (this|there) a (real )?(human|person) (there|here|on the other end)\b/,
  /\bwho (am i|are we|m i) (talking|chatting|speaking|texting|messaging) (to|with)\b/,
  /^(hi |hello |hey )?who (are you|r u|is this|am i talking to)\b/,
];

/** "Which one is older?", "which came first?": the two treatments compared by age, which the article gives for each. */
const WHICH_OLDER =
  /\b(which|what)( one| of them| treatment| of the two)? (is|was|came|come|has been|s) (older|the oldest|newer|the newest|more recent|first|around longer|invented first|developed first|more traditional|more modern)\b/;

export function asksWhichIsOlder(text: string): boolean {
  return WHICH_OLDER.test(plainForm(text));
}

/** A farewell ("bye", "see ya", "that's all, thanks"): said goodbye to, not thanked. */
const FAREWELL =
  /^(ok |okay |alright |thanks |thank you |cheers |ta )?(bye|bye bye|goodbye|good bye|see ya|see you|cya|later|catch you later|have a good (day|one|night|weekend)|thats all|that is all|night|good night)\b/;

/** A short acknowledgement ("ok", "lol ok", "got it"): the conversation goes on, nothing to thank. */
const ACKNOWLEDGE =
  /^(ok|okay|k|kk|cool|lol|haha|hahaha|lol ok|haha ok|ok cool|alright|right|got it|gotcha|fair enough|i see|ah ok|ahh ok|oh ok|hmm|hm|mm|nice|great|sweet|noted|ok then|fine)$/;

/** What a social message is: a farewell, an acknowledgement, or thanks (anything else the model took for thanks). */
export function socialKind(text: string): 'farewell' | 'acknowledge' | 'thanks' {
  const form = plainForm(text).replace(/\s+x+$/, '');
  if (FAREWELL.test(form)) return 'farewell';
  if (ACKNOWLEDGE.test(form)) return 'acknowledge';
  return 'thanks';
}

/** True when the message asks whether it is talking to a machine or a person. */
export function asksIfBot(text: string): boolean {
  const form = plainForm(text);
  return form.split(' ').length <= 14 && ASKS_IF_BOT.some((p) => p.test(form));
}

export type ClinicDetail = 'openingHours' | 'address' | 'unknown';

const DETAILS: Array<[ClinicDetail, RegExp]> = [
  [
    'unknown',
    /\b(parking|park|car park|train|station|tram|bus|public transport|wheelchair|accessible|accessibility|disabled access|lift|elevator|stairs|toilet)\b/,
  ],
  [
    'openingHours',
    /\b(open|opening|close|closing|closed|hours|times|weekend|weekends|saturdays?|sundays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|public holidays?|after work|late|early|evenings?|mornings?)\b/,
  ],
  ['address', /\b(where|located|location|address|directions|find you|get there|suburb)\b/],
];

/** The clinic detail a contact question asks about, if it names one. */
export function askedDetail(text: string): ClinicDetail | undefined {
  const form = plainForm(text);
  return DETAILS.find(([, p]) => p.test(form))?.[0];
}
