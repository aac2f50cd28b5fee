/**
 * Every sentence the bot says, composed from knowledge/ only. Pure functions of the knowledge,
 * so tests can check that medical content is the article's and that contact details are the clinic's.
 */
import type { ConditionRef, TreatmentId } from '../nlu/analyse';
import type { TreatmentChoice } from '../nlu/context';
import { claimText, ConditionAsked, conditionClaim } from '../knowledge/claims';
import { isPlaceholder } from '../knowledge/placeholders';
import type { ClinicDetail } from '../nlu/clinicQuestions';
import type { Recognition } from '../nlu/recognizer';
import type { ClinicDetails, Condition, Knowledge } from '../knowledge/types';

export const TREATMENT_NAMES: Record<TreatmentId, string> = { acupuncture: 'acupuncture', dryNeedling: 'dry needling' };

export const DISCLAIMER = 'This is general information from our clinic’s article, not a diagnosis or medical advice.';

/** "Label: value" lines, leaving out values that are not set (a placeholder is never shown: src/teach/placeholders.ts). */
function detailLines(lines: Array<[string, string]>): string {
  return lines
    .filter(([, value]) => value)
    .map(([label, value]) => (label ? `${label}: ${value}` : value))
    .join('\n');
}

/** A medicine named only in general ("which medication is best?"): not quoted as if it were one. */
const GENERIC_MEDICINE = /^(medication|medications|medicine|medicines|meds|supplements?|pain ?killers|pain meds)$/;

export function contactLines(c: ClinicDetails): string {
  return detailLines([
    ['Phone', c.phone],
    ['Email', c.email],
    ['Book online', c.bookingUrl],
  ]);
}

export function clinicDetailsText(c: ClinicDetails): string {
  return detailLines([
    ['', c.name],
    ['Phone', c.phone],
    ['Email', c.email],
    ['Address', c.address],
    ['Opening hours', c.openingHours],
    ['Book online', c.bookingUrl],
  ]);
}

export function welcomeText(k: Knowledge): string {
  return (
    `Hi, I’m the ${k.clinic.name} assistant. I can explain what acupuncture and dry needling are, how they work, ` +
    `how they differ, which conditions we use them for, help you choose between them, and give you our contact details.\n\n` +
    `${DISCLAIMER} In an emergency call ${k.clinic.emergencyNumber}.`
  );
}

export function helpText(k: Knowledge): string {
  return (
    `You can ask me things like:\n` +
    `- What is dry needling?\n- How does acupuncture work?\n- What’s the difference between them?\n` +
    `- Can dry needling help tennis elbow?\n- Which treatment suits me?\n- How do I book?\n\n` +
    `Say “never mind” to stop what we’re doing, or “start over” to begin again. ${DISCLAIMER}` +
    ` For anything else, contact ${k.clinic.name}:\n${contactLines(k.clinic)}`
  );
}

export function topicText(k: Knowledge, topicId: string, treatment: TreatmentId | 'both'): string {
  const topic = k.topics[topicId];
  // A topic answered per treatment, asked about both ("what are acupuncture and dry needling?"): each answer in turn.
  if (treatment === 'both' && topic && !topic.both && topic.acupuncture && topic.dryNeedling) {
    return `${topicText(k, topicId, 'acupuncture')}\n\n${topicText(k, topicId, 'dryNeedling')}`;
  }
  const answer = topic?.[treatment];
  if (!topic || !answer) throw new Error(`no answer for ${topicId}/${treatment}`);
  let text = answer.text;
  if (answer.listConditions) {
    const listed = dryNeedlingConditions(k);
    // ("how many conditions are on the list?": counted from the list itself, never a number of our own)
    text +=
      '\n' +
      listed.map((c) => `- ${c.name}`).join('\n') +
      `\n\nThat is ${listed.length} conditions, and the article says the list is not exhaustive.`;
  }
  return text;
}

export function dryNeedlingConditions(k: Knowledge): Condition[] {
  return k.conditions.filter((c) => c.list === 'dryNeedling');
}

/**
 * Whether a treatment helps a condition, strictly as the article says (the claims in knowledge/claims.ts), then a
 * practitioner to ask.
 */
export function conditionText(k: Knowledge, condition: ConditionRef, treatment: TreatmentChoice | undefined, asked: ConditionAsked = {}): string {
  const claim = conditionClaim(k, condition, treatment, asked);
  const close = claim.close === 'assess' ? 'A practitioner can assess whether it suits you.' : 'A practitioner can advise which suits you.';
  return `${claim.text} ${close} ${DISCLAIMER}`;
}

/** Several listed conditions in one question ("migraines, and a sprained ankle"): the first answered, the others named too. */
export function otherListedText(names: string[], lists: (name: string) => string): string {
  return names.map((n) => `“${n}” is also one of the conditions our article lists for ${lists(n)}.`).join(' ');
}

/**
 * "what's the difference between tennis elbow and golfer's elbow?": two listed conditions of one list set side by side.
 * The article names them, it does not tell them apart: both named, and that said.
 */
export function conditionsComparedText(k: Knowledge, names: string[]): string {
  return `${claimText(k, 'conditionsCompared', { name: quotedList(names) })} A practitioner can assess which it is. ${DISCLAIMER}`;
}

/** Condition names quoted and read as a list: "“A”", "“A” and “B”", "“A”, “B” and “C”". */
function quotedList(names: string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** " The list does include “Osteoarthritis”." for the listed conditions named beside an unlisted one. */
function alsoListed(names: string[]): string {
  return names.length === 0 ? '' : ` The list does include ${quotedList(names)}, which is not the same thing.`;
}

/**
 * An inflamed or swollen complaint told ("rheumatoid arthritis in my wrists", "gout flare, swollen and red", "my joints
 * swell up"): the article's broader word for it, inflammation, is worth saying beside the honest "not on the list".
 */
/** Pain told as long-standing ("for six years", "always there", "on and off for ages"). */
const CHRONIC_TOLD =
  /\b(for (years|ages|months|decades|a long time|as long as i can remember)|(\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|a few|couple of) (years|yrs)|chronic|ongoing|always there|never goes away|never really goes|constant|constantly|on and off for|persistent|long standing|long-standing|long term|long-term)\b/i;
const PAIN_TOLD = /\b(pain|pains|painful|ache|aches|aching|achy|sore|soreness|hurts?|hurting|stiff|stiffness|tight|tightness)\b/i;
/** A place of muscles and joints that the lists do not name ("upper back", "between my shoulder blades", "ribs"). */
const MUSCLE_PLACE = /\b((upper|mid|middle) ?-?back|shoulder ?blades?|ribs?|rib ?cage|tail ?bone|coccyx|toes?|big toe)\b/i;

/**
 * Whether the article's broader word is worth saying beside "not on the list": long-standing pain told, or a place of
 * muscles and joints the lists do not name ("my upper back, between the shoulder blades?"), which the article covers
 * as musculoskeletal conditions and chronic pain.
 */
export function musculoskeletalTold(told: string | undefined, said: string | undefined): boolean {
  if (!told) return false;
  return (CHRONIC_TOLD.test(told) && PAIN_TOLD.test(told)) || MUSCLE_PLACE.test(said ?? '');
}

export const INFLAMED_TOLD =
  /\b(swell|swells|swelling|swelled|swollen|inflam\w*|rheumatoid|psoriatic|gout|gouty|tendinitis|tendonitis|bursitis|synovitis)\b/i;

/**
 * A complaint told only by where it is ("my wrist has been sore lately"): the listed conditions of that place (the
 * clinic's data, knowledge/conditions.json), and a question for more; never "that condition isn't on the list".
 */
export function placeOnlyText(k: Knowledge, place: { part: string; conditions: string[] }): string {
  const listed = quotedList(place.conditions);
  const lists = new Set(place.conditions.map((n) => k.conditions.find((c) => c.name === n)?.list));
  const which = lists.size === 1 && lists.has('acupuncture') ? 'acupuncture' : lists.size === 1 ? 'dry needling' : 'acupuncture and dry needling';
  return (
    `Our article’s list of conditions for ${which} includes ${listed}, which can affect the ${place.part}. From what you’ve ` +
    `told me I can’t tell whether yours is one of them. Could you tell me a little more, for example what it feels like ` +
    `or what brings it on? A practitioner can also assess it:\n\n${contactLines(k.clinic)}`
  );
}

/** A condition we could not find on either list: never a yes. */
export function unlistedConditionText(
  k: Knowledge,
  treatment: TreatmentChoice | undefined,
  said?: string,
  listedAlso: string[] = [],
  told?: string,
): string {
  // No treatment named: neither list has it (the article's list of conditions is dry needling's, acupuncture's is a few ailments).
  const which = treatment === 'acupuncture' ? 'acupuncture' : treatment === 'dryNeedling' ? 'dry needling' : 'acupuncture or dry needling';
  const what = said ? `“${said}”` : 'That condition';
  const inflamed = told && INFLAMED_TOLD.test(told) ? ` ${claimText(k, 'unlistedInflamed', { said: said ? what : 'yours' })}` : '';
  // ("an ache under my shoulder blade on and off for six years": long-standing pain, which the article names broadly)
  // ("what about my upper back, between the shoulder blades?": a place of muscles the lists do not name, the same)
  const chronic = !inflamed && musculoskeletalTold(told, said) ? ` ${claimText(k, 'unlistedChronic', { said: said ? what : 'yours' })}` : '';
  // Said plainly ("isn't on the list"), not "I couldn't find it", which reads as the bot failing to look.
  return (
    `${what} isn’t on the list of conditions in our article for ${which}.${alsoListed(listedAlso)}${inflamed}${chronic} The article says its list is not exhaustive, ` +
    `so I can’t tell you whether it would help: please ask one of our practitioners, who can advise on your situation.\n\n${contactLines(k.clinic)}`
  );
}

/**
 * Something not on the list of conditions that a passage of the article speaks to ("can dry needling fix bad posture?"):
 * what the article says, and honestly that it is not on its list. Never a yes.
 */
export function relatedPassageText(passage: { text: string }, said?: string): string {
  // ("after the marathon", "at the gym": when, not a thing on a list)
  const what = said && !/^(after|at|before|during|from|for|on|in|when|help|to)\b/i.test(said) ? `“${said}”` : 'That';
  return `${passage.text} ${what} is not on our article’s list of conditions, so a practitioner can advise whether it would help with it. ${DISCLAIMER}`;
}

/**
 * A concept of one treatment asked about the other ("is dry needling based on meridians?", "do acupuncturists work on
 * knots?"), or "which one is the one with meridians?": which treatment the article ties it to, then what it says.
 */
export function conceptOwnerText(passage: { text: string }, owner: 'acupuncture' | 'dryNeedling', asked?: 'acupuncture' | 'dryNeedling'): string {
  const lead = asked
    ? `In our article that belongs to ${TREATMENT_NAMES[owner]}, not ${TREATMENT_NAMES[asked]}.`
    : `That is ${TREATMENT_NAMES[owner]}.`;
  return `${lead} ${passage.text}`;
}

/** "Are you a bot?": always the truth, and a person to contact. */
export function botIdentityText(k: Knowledge): string {
  return (
    `I’m an automated assistant (a computer program), not a person. I can answer questions about acupuncture and dry needling from ${k.clinic.name}’s article. ` +
    `If you’d like to talk to a person, our team can help:\n\n${contactLines(k.clinic)}`
  );
}

/**
 * A contact question about one detail: undefined when the clinic has set it (the caller sends the full details);
 * otherwise that it is not set (or that the assistant does not have it, for things clinic.json does not hold, such
 * as parking) and who to ask, never the placeholder.
 */
export function missingDetailText(k: Knowledge, detail: ClinicDetail): string | undefined {
  const c = k.clinic;
  // (a detail is missing when it is a placeholder, or empty: patients' copy of the details has placeholders removed)
  const has = (value: string) => value.trim() !== '' && !isPlaceholder(value);
  if (detail !== 'unknown' && has(c[detail])) return undefined;
  const what =
    detail === 'openingHours'
      ? 'our opening hours have not been set in this assistant yet'
      : detail === 'address'
        ? 'our address has not been set in this assistant yet'
        : 'I don’t have that information';
  const ask = [has(c.phone) ? `call us on ${c.phone}` : '', has(c.email) ? `email ${c.email}` : ''].filter(Boolean).join(' or ');
  return `Sorry, ${what}. ${ask ? `Please ${ask} and our team can tell you.` : 'Please contact the clinic directly and our team can tell you.'}${has(c.bookingUrl) ? `\nBook online: ${c.bookingUrl}` : ''}`;
}

/** Self-care asked about, as the reply names it ("a good stretch": stretches). */
const SELF_CARE_NAMES: Record<string, string> = {
  stretch: 'stretches',
  exercise: 'exercises',
  ice: 'ice or heat',
  rest: 'when to rest an injury',
  'ice pack': 'ice or heat packs',
  'hot pack': 'heat packs',
  'heat pack': 'heat packs',
  'foam roller': 'foam rolling',
  pillow: 'pillows',
  mattress: 'mattresses',
  shoe: 'shoes',
  brace: 'braces',
  'desk setup': 'how to set up a desk or screen',
  'knee brace': 'braces',
  'wrist brace': 'braces',
  'back brace': 'braces',
  'office chair': 'chairs',
  'desk chair': 'chairs',
  'ergonomic chair': 'chairs',
  'massage gun': 'massage guns',
  'tens machine': 'TENS machines',
};

/** Self-care that is a thing to buy ("which pillow?"): the reply speaks of products, not advice. */
const PRODUCT =
  /^(pillows?|mattress(es)?|shoes?|sneakers|insoles|orthotics|(knee |wrist |back )?braces?|(office|desk|ergonomic) chair|massage gun|tens machine|kinesio tape|strapping tape|heat packs?)$/;

/**
 * "Which one is less painful?", "which of your treatments doesn't use needles?": the article says both use thin needles
 * and compares neither how they feel nor a needle-free option; the practitioners can say what to expect.
 */
export function howTheyFeelText(k: Knowledge): string {
  const both = k.passages.find((p) => p.id === 'both_needles')?.text ?? '';
  return (
    `${both} It doesn’t say which one feels less or more comfortable, so I can’t compare them for you. ` +
    `Our practitioners can tell you what to expect:\n\n${contactLines(k.clinic)}`
  ).trim();
}

/** Before the article's research passage, when research is asked about for dry needling: the article names none for it. */
export function researchOnlyForAcupunctureText(): string {
  return 'Our article mentions research only for acupuncture, and none for dry needling.';
}

/**
 * "I'm a bit nervous about needles", "needles freak me out": a common worry, met kindly. The article says only that both
 * use thin needles; how a session feels is for the practitioners to talk through.
 */
export function needleNervesText(k: Knowledge): string {
  const both = k.passages.find((p) => p.id === 'both_needles')?.text ?? '';
  return (
    `That’s a very common worry, and it’s fine to say so. ${both} Our article doesn’t describe how a session feels, ` +
    `so our practitioners are the best people to talk you through what to expect:\n\n${contactLines(k.clinic)}`
  ).trim();
}

/** "How is dry needling different from a massage?": another therapy set against one of ours. */
const SET_AGAINST = /\b(different|difference|differ|differs|compare|compared|comparison|vs|versus|better than|same as|like)\b/i;

/**
 * `asked`: the message, and the one treatment it names; when it sets another therapy against that treatment ("how is dry
 * needling different from a massage?"), what the article says of ours comes first, then that the other is not covered.
 */
export function notCoveredText(
  k: Knowledge,
  about?: Recognition['notCovered'],
  asked?: { text: string; treatments: TreatmentId[]; conditions?: Recognition['conditions'] },
): string {
  if (about?.kind === 'service' && asked && asked.treatments.length === 1 && SET_AGAINST.test(asked.text))
    return (
      `${topicText(k, 'what_is', asked.treatments[0])}\n\nOur article doesn’t cover “${about.text}”, so I can’t compare the two. ` +
      `Our team can tell you more about what the clinic offers:\n\n${contactLines(k.clinic)}`
    );
  if (about?.kind === 'selfcare' && PRODUCT.test(about.text))
    return (
      `Our article doesn’t recommend products such as ${SELF_CARE_NAMES[about.text] ?? about.text}, so I can’t suggest one. ` +
      `Our practitioners can advise what suits you:\n\n${contactLines(k.clinic)}`
    );
  if (about?.kind === 'selfcare')
    return (
      `Our article doesn’t give advice on ${SELF_CARE_NAMES[about.text] ?? about.text} or other self-care, so I can’t suggest any. ` +
      `Our practitioners can advise what suits you:\n\n${contactLines(k.clinic)}`
    );
  if (about?.kind === 'service')
    return (
      `Our article only covers acupuncture and dry needling, so I can’t tell you about “${about.text}”. ` +
      `Our team can tell you what the clinic offers:\n\n${contactLines(k.clinic)}`
    );
  // ("should i ask my surgeon first?")
  if (about?.kind === 'ownDoctor')
    return (
      `Checking with your ${about.text === 'dr' ? 'doctor' : about.text.toUpperCase() === 'GP' ? 'GP' : about.text} first is a good idea: our article ` +
      `doesn’t cover whether needling suits your situation. Our practitioners can also talk it through with you before any treatment:\n\n${contactLines(k.clinic)}`
    );
  if (about?.kind === 'medicine')
    return (
      `I can’t give advice about ${GENERIC_MEDICINE.test(about.text) ? 'medicines' : `medicines such as “${about.text}”`}: please ask your doctor or pharmacist. ` +
      `For anything about your visit, our team can help:\n\n${contactLines(k.clinic)}`
    );
  // ("roughly how many sessions would I need for my crook lower back?": the listed condition named, then the honest no)
  const listed = asked?.conditions?.find((c) => !c.value.partial && !c.value.excluded && !c.value.recent);
  if (listed) {
    const which = listed.value.list === 'acupuncture' ? 'acupuncture' : 'dry needling';
    return (
      `“${listed.value.name}” is on our article’s list of conditions for ${which}, but the article doesn’t cover that ` +
      `(for example prices, side effects, safety or session details). Our team can answer:\n\n${contactLines(k.clinic)}`
    );
  }
  return (
    `Sorry, I don’t have that information. I only know what our article says about acupuncture and dry needling, ` +
    `and it doesn’t cover that (for example prices, side effects, safety or session details). Our team can answer:\n\n${contactLines(k.clinic)}`
  );
}

/**
 * "My GP said I've got 'mechanical' back pain. What does that actually mean?": words the article does not explain, asked
 * to be explained. Said honestly, with who can explain them; never a guess at what a diagnosis means.
 */
export function meaningNotExplainedText(k: Knowledge, words: string): string {
  return (
    `Our article doesn’t explain what “${words}” means, so I can’t tell you. Your doctor can explain it, and our team ` +
    `can answer questions about treatment:\n\n${contactLines(k.clinic)}`
  );
}

export function fallbackText(k: Knowledge): string {
  return (
    `Sorry, I didn’t understand that. I can answer questions about acupuncture and dry needling at ${k.clinic.name}: ` +
    `what they are, how they work, how they differ and which conditions we use them for. For anything else, please contact us:\n\n${contactLines(k.clinic)}`
  );
}

export function outOfScopeText(k: Knowledge): string {
  return (
    `Sorry, that’s not something I can help with: I only answer questions about acupuncture and dry needling at ${k.clinic.name}. ` +
    `For anything about your visit, please contact us:\n\n${contactLines(k.clinic)}`
  );
}

/** "that didn't help at all": an apology, what the bot can do, and a person to ask (no handoff unless they ask for one). */
export function notHelpfulText(k: Knowledge): string {
  return (
    'Sorry that wasn’t helpful. I can only answer from our clinic’s article about acupuncture and dry needling; you could ' +
    `try asking in other words, or talk to a person at ${k.clinic.name}:\n\n${contactLines(k.clinic)}`
  );
}

export function handoffText(k: Knowledge): string {
  return (
    `Of course. I’ve flagged this conversation for our team. The quickest way to reach a person at ${k.clinic.name} is:\n\n` +
    `${contactLines(k.clinic)}${k.clinic.openingHours ? `\nOpening hours: ${k.clinic.openingHours}` : ''}`
  );
}

export function bookingText(k: Knowledge): string {
  return `You can book online at ${k.clinic.bookingUrl}, or call us on ${k.clinic.phone}.\n\n${clinicDetailsText(k.clinic)}`;
}

/** Said once per conversation while the bot's storage is unreachable (it may have lost the thread). */
export function storageOutageText(k: Knowledge): string {
  return (
    'Sorry, I can’t reach our records at the moment, so I may have lost track of what we were talking about, and I can’t take a booking or call-back request right now. ' +
    `I can still answer questions about acupuncture and dry needling. To book or ask for a call back, please contact the clinic directly:\n\n${contactLines(k.clinic)}`
  );
}

export function tooLongText(max: number): string {
  return `Sorry, that message is too long for me (I read up to ${max} characters). Please ask one short question, for example “What is dry needling?”.`;
}

export function emptyText(): string {
  return 'I didn’t catch a question there. You can ask me, for example, “What is dry needling?” or “Can acupuncture help with insomnia?”.';
}

export function attachmentText(): string {
  return 'Sorry, I can only read text messages. Please type your question, for example “How does dry needling work?”.';
}

export function greetingText(k: Knowledge): string {
  return `Hello! I’m the automated assistant of ${k.clinic.name}, here to help with your questions about acupuncture and dry needling. What would you like to know?`;
}

/** A hello to someone who says they are new to computers or were shown how to type here: no rush, their own words will do. */
export function patientGreetingText(k: Knowledge): string {
  return (
    `Hello, and welcome! Please take your time: there is no rush, and you can type your question in your own words. ` +
    `I can tell you about acupuncture and dry needling at ${k.clinic.name}. What would you like to know?`
  );
}

export function thanksText(): string {
  return 'You’re welcome, I’m glad it helped. If you have another question about acupuncture or dry needling, just ask.';
}

export function wishesText(): string {
  return 'Thank you, and the same to you! If you have a question about acupuncture or dry needling, just ask.';
}

export function complimentText(): string {
  return 'Thank you, that’s kind of you! If you have a question about acupuncture or dry needling, just ask.';
}

export function languageText(): string {
  return 'No need to apologise: write the way that’s easiest for you, short and simple is fine. If I don’t understand something I’ll say so, and our team is happy to help too. What would you like to know about acupuncture or dry needling?';
}

export function farewellText(): string {
  return 'Bye for now, and take care. If you have another question about acupuncture or dry needling, just ask.';
}

/** Small talk with the bot ("how's your day going?", "sorry to be a bother"): answered kindly, and honestly about what it is. */
export function smallTalkText(): string {
  return 'Thanks for asking, and no bother at all: I’m an automated assistant, so there are no silly questions and I’m happy to answer as many as you like. What would you like to know about acupuncture or dry needling?';
}

export function acknowledgeText(): string {
  return 'Is there anything else you’d like to know about acupuncture or dry needling?';
}

export function cancelledText(): string {
  return 'OK, I’ve stopped that. What else would you like to know?';
}

export function apologyText(reference: string): string {
  return `Sorry, something went wrong on our side. Please try again, or contact the clinic directly. (Reference: ${reference})`;
}

export function nothingToCancelText(): string {
  return 'There’s nothing to cancel. What would you like to know about acupuncture or dry needling?';
}

// Clarify ("did you mean…")
export const CLARIFY_PROMPT = 'Sorry, I’m not sure what you mean. Which of these did you want to know about?';
export const CLARIFY_RETRY = 'Please pick one of the options, or ask your question another way.';
/** The clarify list's last button (20 characters at most, as every button title). */
export const SOMETHING_ELSE_TITLE = 'Something else';

// Which treatment (topic questions that name neither)
export const TREATMENT_PROMPT = 'Do you mean acupuncture or dry needling?';
export const TREATMENT_RETRY = 'Please choose acupuncture, dry needling or both (or say “never mind”).';

// Which condition
export const CONDITION_PROMPT = 'Which condition would you like to ask about? For example: lower back pain, tennis elbow, sciatica or insomnia.';
export const CONDITION_RETRY = 'Please tell me the condition, for example “neck pain” or “plantar fasciitis”. Or say “never mind”.';

/** Still no condition after the retries: what the article lists, rather than a loop. */
export function conditionNotFoundText(k: Knowledge): string {
  return `I still couldn’t tell which condition you mean. ${topicText(k, 'uses', 'dryNeedling')}`;
}

// Which treatment suits me
export const AREA_PROMPT =
  'Acupuncture and dry needling suit different needs, and I can point you to what our article says about each. First: what would you mainly like help with?';

/**
 * Two problems told that point different ways ("IBS and fibromyalgia"): what the article says of each, in its own words,
 * then which matters most.
 */
export function twoWaysPrompt(internal: string[], body: string[]): string {
  const list = (xs: string[]) => xs.map((x) => `“${x}”`).join(' and ');
  return (
    `Our article says dry needling is more targeted for muscle relief and acupuncture more towards alleviating internal ailments: ` +
    `for ${list(internal)} it points to acupuncture, and for ${list(body)} to dry needling. Which would you mainly like help with?`
  );
}
/** The questions again, with why they are asked ("what do you need to know?", "why does that matter?"). */
export const AREA_EXPLAINED =
  'So I can point you to the treatment our article suggests for you: is your problem mainly in the muscles or joints, your posture, digestion or sleep, ongoing pain, or are you not sure?';
export const APPROACH_EXPLAINED =
  'Our article says dry needling is grounded in Western medicine (trigger points in muscles) and acupuncture is an ancient Chinese medicine practice (meridians and chi). Which appeals to you more, or do you have no preference?';
export const APPROACH_PROMPT =
  'And which approach appeals to you more: Western medicine (dry needling: trigger points in muscles) or traditional Chinese medicine (acupuncture: meridians and chi)?';
/** For ongoing pain the approach decides: the article says both can be used for it, and the patient hears why they are asked. */
export const CHRONIC_APPROACH_PROMPT = `Our article says both can be used for chronic pain, so ${APPROACH_PROMPT.replace(/^And w/, 'w')}`;

const SUITS_NAMES: Record<TreatmentChoice, string> = { acupuncture: 'acupuncture', dryNeedling: 'dry needling', both: 'either treatment' };

/** The guided questions' result: which treatment the article points to, and its words for why. */
export function suitsText(treatment: TreatmentChoice, why: string): string {
  const lead = treatment === 'both' ? 'Either could suit you.' : `From what you’ve told me, the article points to ${SUITS_NAMES[treatment]}.`;
  return `${lead} ${why}\n\n${DISCLAIMER} A practitioner will advise what suits you best.`;
}

/** "So which one?" right after a recommendation: the same recommendation again, not the questions again. */
export function suitsAgainText(treatment: TreatmentChoice): string {
  const lead =
    treatment === 'both'
      ? 'From what you’ve told me, either treatment could suit you.'
      : `From what you’ve told me, the article points to ${SUITS_NAMES[treatment]}.`;
  return `${lead} A practitioner will advise what suits you best: you can book a session, or tell me more (for example what you’d like help with) and I’ll look again.`;
}

// Booking and call-back enquiries
export function consentText(k: Knowledge, kind: 'booking' | 'callback'): string {
  return (
    `I can pass a ${kind === 'callback' ? 'call-back' : 'booking'} request to our team, who will contact you. ` +
    'For that I’ll ask for your name, a phone number or email address, when suits you and, if you like, what it’s about.\n\n' +
    `We keep these details in our enquiries list only to contact you about this request, not in the chat record, and staff can delete them on request. ` +
    `Is that OK?\n\nIf you’d rather not, you can book online at ${k.clinic.bookingUrl} or call ${k.clinic.phone}.`
  );
}
export const CONSENT_RETRY = 'Is it OK to collect your contact details for this request? Please answer yes or no.';

export function consentDeclinedText(k: Knowledge): string {
  return `No problem, I haven’t stored anything. ${bookingText(k)}`;
}

export const NAME_PROMPT = 'Thank you. What name should we use?';
export const NAME_RETRY = 'Please type just the name we should use (or say “never mind”).';
export const CONTACT_PROMPT = 'Thanks. What phone number or email address should we use to reach you?';
/** On SMS the bot has the patient's number (the sender's): it offers it instead of asking (src/bot/senderNumber.ts). */
export const CONTACT_SENDER_PROMPT =
  'Thanks. Shall we call you on the number you’re texting from? Reply yes, or send another number or an email address.';
export const CONTACT_RETRY =
  'That doesn’t look like a phone number or an email address. Please type one, for example 0412 345 678 or name@example.com (or say “never mind”).';
export const TIME_PROMPT = 'When suits you best? For example “weekday mornings” or “Tuesday after 3pm”.';
export function timeRetryText(max: number): string {
  return `Please tell me when suits you, in a few words (up to ${max} characters).`;
}
export const REASON_PROMPT = 'And what is it about? This is optional: say “skip” to leave it out.';
export function reasonRetryText(max: number): string {
  return `Please describe it in a few words (up to ${max} characters), or say “skip”.`;
}

export interface EnquirySummary {
  name?: string;
  phone?: string;
  email?: string;
  preferredTime?: string;
  reason?: string;
}

export function confirmEnquiryText(c: EnquirySummary): string {
  const lines = [
    `Name: ${c.name}`,
    c.phone ? `Phone: ${c.phone}` : '',
    c.email ? `Email: ${c.email}` : '',
    `When: ${c.preferredTime}`,
    `About: ${c.reason ?? '(not given)'}`,
  ].filter(Boolean);
  return `Please check your request:\n\n${lines.join('\n')}\n\nShall I send it to the clinic?`;
}
export const CONFIRM_RETRY = 'Shall I send your request? Please answer yes or no.';

export function notSentText(k: Knowledge): string {
  return `OK, I haven’t sent anything. You can still reach us directly:\n\n${contactLines(k.clinic)}`;
}

export function enquirySentText(k: Knowledge, reference: string, c: EnquirySummary): string {
  const how = c.phone && c.email ? 'by phone or email' : c.phone ? 'by phone' : 'by email';
  return (
    `Thank you. I’ve sent your request to the team (reference ${reference}); they will contact you ${how}. ` +
    `If it’s urgent, please call us on ${k.clinic.phone}. In an emergency call ${k.clinic.emergencyNumber}.`
  );
}

/** Storage started failing while a request was under way: its steps cannot be saved, so it stops (see EnquiryDialog). */
export function enquiryStoppedText(k: Knowledge): string {
  return `Sorry, I can’t save your request right now, so I’ve stopped and haven’t sent anything. Please contact us directly:\n\n${contactLines(k.clinic)}`;
}

export function enquiryFailedText(k: Knowledge): string {
  return `Sorry, I couldn’t save your request just now. Please contact us directly:\n\n${contactLines(k.clinic)}`;
}

export function enquiryGaveUpText(k: Knowledge): string {
  return `Sorry, I couldn’t take your details, so I haven’t sent anything. You can reach us directly:\n\n${contactLines(k.clinic)}`;
}

/** A bare "yes" or "no" (or a stale prompt button) with no question waiting (src/bot/staleAnswers.ts). */
export function staleAnswerText(k: Knowledge, answer: 'yes' | 'no'): string {
  return answer === 'yes'
    ? `Thanks. I’m not waiting on an answer from you at the moment, so nothing has been sent or booked. What would you like to know about acupuncture or dry needling at ${k.clinic.name}?`
    : 'OK, nothing has been sent or booked. If you have a question about acupuncture or dry needling, just ask.';
}

/** The short SMS intro at the top of a conversation's first text: who we are, not medical advice, 000; one segment. */
export function smsIntroText(c: ClinicDetails): string {
  return `Hi, this is the ${c.name} assistant: general info only, not medical advice. Emergency? Call ${c.emergencyNumber}.`;
}

/** The SMS welcome (a platform start, a greeting, "start over"): the intro and how to ask, two segments at most. */
export function smsWelcomeText(k: Knowledge): string {
  return `${smsIntroText(k.clinic)} Ask me about acupuncture or dry needling, e.g. "What is dry needling?"`;
}

/** The end of an SMS answer cut to a few segments (src/bot/sms.ts). Never a carrier keyword. */
export function moreFooter(list: boolean): string {
  return list ? 'Reply MORE for the full list.' : 'Reply MORE for the rest.';
}

/** "more" on SMS when the last answer was whole. */
export function nothingMoreText(): string {
  return 'That was everything I had on that. What else would you like to know about acupuncture or dry needling?';
}
