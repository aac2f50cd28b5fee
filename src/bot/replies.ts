/**
 * Every sentence the bot says, composed from knowledge/ only. Pure functions of the knowledge,
 * so tests can check that medical content is the article's and that contact details are the clinic's.
 */
import type { ConditionRef, TreatmentId } from '../nlu/analyse';
import type { TreatmentChoice } from '../nlu/context';
import type { ClinicDetails, Condition, Knowledge, RedFlagKind } from '../knowledge/types';

export const TREATMENT_NAMES: Record<TreatmentId, string> = { acupuncture: 'acupuncture', dryNeedling: 'dry needling' };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const DISCLAIMER = 'This is general information from our clinic’s article, not a diagnosis or medical advice.';

export function contactLines(c: ClinicDetails): string {
  return [`Phone: ${c.phone}`, `Email: ${c.email}`, `Book online: ${c.bookingUrl}`].join('\n');
}

export function clinicDetailsText(c: ClinicDetails): string {
  return [
    `${c.name}`,
    `Phone: ${c.phone}`,
    `Email: ${c.email}`,
    `Address: ${c.address}`,
    `Opening hours: ${c.openingHours}`,
    `Book online: ${c.bookingUrl}`,
  ].join('\n');
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
  const answer = topic?.[treatment];
  if (!topic || !answer) throw new Error(`no answer for ${topicId}/${treatment}`);
  let text = answer.text;
  if (answer.listConditions) {
    text += '\n' + dryNeedlingConditions(k).map((c) => `- ${c.name}`).join('\n');
  }
  return text;
}

export function dryNeedlingConditions(k: Knowledge): Condition[] {
  return k.conditions.filter((c) => c.list === 'dryNeedling');
}

function acupunctureItems(k: Knowledge): string {
  return k.conditions
    .filter((c) => c.list === 'acupuncture')
    .map((c) => c.name)
    .join(', ');
}

/**
 * Whether a treatment helps a condition, strictly as the article says: yes only when the condition is on
 * that treatment's list; otherwise what the article does say, and a practitioner to ask.
 */
export function conditionText(k: Knowledge, condition: ConditionRef, treatment: TreatmentChoice | undefined): string {
  const item = k.conditions.find((c) => c.name === condition.name);
  const onDryNeedling = condition.list === 'dryNeedling' || item?.alsoDryNeedling === true;
  const onAcupuncture = condition.list === 'acupuncture';
  const asked = treatment ?? (onAcupuncture ? 'acupuncture' : 'dryNeedling');
  const name = condition.name;
  const close = `A practitioner can assess whether it suits you. ${DISCLAIMER}`;
  const both = 'The article says both treatments can be used for musculoskeletal conditions and chronic pain, but dry needling is more targeted for muscle relief and postural re-patterning, and acupuncture more towards internal ailments.';

  if (asked === 'both') {
    const lists = [onDryNeedling ? 'dry needling' : '', onAcupuncture ? 'acupuncture' : ''].filter(Boolean).join(' and ');
    return `${capital(name)} is on our article’s list for ${lists}. ${both} ${close}`;
  }
  if (asked === 'dryNeedling' && onDryNeedling) {
    return condition.list === 'dryNeedling'
      ? `Yes. “${name}” is one of the conditions our article lists for dry needling. Dry needling targets myofascial trigger points (“knots”) in muscles to relieve tension and musculoskeletal pain. ${close}`
      : `Yes. The article says both dry needling and acupuncture can be used for ${name}. ${close}`;
  }
  if (asked === 'acupuncture' && onAcupuncture) {
    return `Yes. The article says acupuncture aims to alleviate ailments such as ${acupunctureItems(k)}, and ${name} is one of them. ${close}`;
  }
  if (asked === 'acupuncture') {
    return (
      `Our article lists “${name}” among the conditions we use dry needling for; it does not list it for acupuncture. ${both} ` +
      `A practitioner can advise which suits you. ${DISCLAIMER}`
    );
  }
  return (
    `“${capital(name)}” is not on our article’s list for dry needling; the article mentions it among the ailments acupuncture aims to alleviate (${acupunctureItems(k)}). ` +
    `A practitioner can advise which suits you. ${DISCLAIMER}`
  );
}

/** A condition we could not find on either list: never a yes. */
export function unlistedConditionText(k: Knowledge, treatment: TreatmentChoice | undefined): string {
  const which = treatment === 'acupuncture' ? 'acupuncture' : treatment === 'both' ? 'acupuncture or dry needling' : 'dry needling';
  return (
    `I couldn’t find that condition on the list in our article for ${which}. The article says its list is not exhaustive, ` +
    `so I can’t say yes or no: please ask one of our practitioners, who can advise on your situation.\n\n${contactLines(k.clinic)}`
  );
}

export function notCoveredText(k: Knowledge): string {
  return (
    `Sorry, I don’t have that information. I only know what our article says about acupuncture and dry needling, ` +
    `and it doesn’t cover that (for example prices, side effects, safety or session details). Our team can answer:\n\n${contactLines(k.clinic)}`
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

export function handoffText(k: Knowledge): string {
  return (
    `Of course. I’ve flagged this conversation for our team. The quickest way to reach a person at ${k.clinic.name} is:\n\n` +
    `${contactLines(k.clinic)}\nOpening hours: ${k.clinic.openingHours}`
  );
}

export function bookingText(k: Knowledge): string {
  return `You can book online at ${k.clinic.bookingUrl}, or call us on ${k.clinic.phone}.\n\n${clinicDetailsText(k.clinic)}`;
}

export function urgentText(k: Knowledge, kind: RedFlagKind): string {
  const first =
    kind === 'crisis'
      ? `I’m really sorry you’re going through this. If you are in danger or might act on these thoughts, call ${k.clinic.emergencyNumber} now. You can also talk to someone right away: ${k.clinic.crisisLine}.`
      : `This sounds like it could be an emergency. Call ${k.clinic.emergencyNumber} now, or go to your nearest emergency department.`;
  return `${first}\n\nI’m an automated assistant and can’t help in an emergency. Please don’t wait for a reply from the clinic.`;
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
  return `Hello! I can tell you about acupuncture and dry needling at ${k.clinic.name}. What would you like to know?`;
}

export function thanksText(): string {
  return 'You’re welcome. If you have another question about acupuncture or dry needling, just ask.';
}

export function cancelledText(): string {
  return 'OK, I’ve stopped that. What else would you like to know?';
}
