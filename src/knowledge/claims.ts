/**
 * The article's medical claims the code composes: whether a treatment helps a named condition, and which treatment
 * the article points to for an area of concern and a preferred approach. Every sentence is a claim from
 * knowledge/answers.json ("claims"), so the loader's word-for-word sourcing check covers it; this file only picks
 * the claims and fills in the condition's name and the article's list. The closing advice and disclaimer are the
 * bot's (src/bot/replies.ts).
 */
import type { ConditionRef } from '../nlu/analyse';
import type { TreatmentChoice } from '../nlu/context';
import type { ClaimId, Knowledge } from './types';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A claim's text with its placeholders filled. */
export function claimText(
  k: Knowledge,
  id: ClaimId,
  values: { name?: string; items?: string; others?: string; lists?: string; area?: string; said?: string; full?: string; lately?: string } = {},
): string {
  const fill: Record<string, string | undefined> = { ...values, Name: values.name === undefined ? undefined : capital(values.name) };
  return k.claims[id].text.replace(/\{(\w+)\}/g, (whole, key: string) => fill[key] ?? whole);
}

/** The article's acupuncture ailments, in its order, leaving out one already named in the sentence. */
export function acupunctureItems(k: Knowledge, except?: string): string {
  return k.conditions
    .filter((c) => c.list === 'acupuncture' && c.name !== except)
    .map((c) => c.name)
    .join(', ')
    // ("…, stress management and inflammation": the last two joined as a list is read)
    .replace(/, ([^,]+)$/, ' and $1');
}

/**
 * "acupuncture increasingly aims to alleviate": said of an ailment the claim's article source lists after "increasingly" ("and increasingly
 * stress management & inflammation"), so "has it always been used for stress?" is answered in the article's words.
 */
function increasinglyFor(k: Knowledge, id: ClaimId, name: string): string {
  const after = /\bincreasingly ([^.]+)/i.exec(k.claims[id].sources[0] ?? '')?.[1] ?? '';
  return after.replace(/&/g, 'and').toLowerCase().includes(name.toLowerCase()) ? ' increasingly' : '';
}

/** How the patient put it, for a condition answer. */
export interface ConditionAsked {
  /** The patient's own words for it ("IBS", "my arches"). */
  said?: string;
  /** The question asked for a promise ("will it fix", "cure"): never answered with a yes. */
  promise?: boolean;
}

export interface ConditionClaim {
  text: string;
  /** Whether the condition is on the list of the treatment asked about ('assess'), or on the other one only ('advise'). */
  close: 'assess' | 'advise';
}

/**
 * Whether a treatment helps a condition, strictly as the article says: a plain yes only when the patient named a
 * condition on that treatment's list and asked for no promise; a description is "the closest condition on the list";
 * a narrower thing the article covers only by a broader word ("IBS": digestive issues) gets what the article says and
 * that it does not name theirs; otherwise what the article does say.
 */
export function conditionClaim(k: Knowledge, condition: ConditionRef, treatment: TreatmentChoice | undefined, asked: ConditionAsked = {}): ConditionClaim {
  const item = k.conditions.find((c) => c.name === condition.name);
  const onDryNeedling = condition.list === 'dryNeedling' || item?.alsoDryNeedling === true;
  const onAcupuncture = condition.list === 'acupuncture';
  const requested = treatment ?? (onAcupuncture ? 'acupuncture' : 'dryNeedling');
  const name = condition.name;

  // "hurt my lower back yesterday": the list has the chronic kind; a new injury is not what it names.
  if (condition.recent) return { text: claimText(k, 'recentNotChronic', { name }), close: 'advise' };
  if (condition.partial) {
    // ("can the needles reduce swelling?": the thing named, "swelling", not what it is asked to do)
    // ("can acupuncture help me sleep through the night?": "sleep", not "me sleep")
    const thing = asked.said?.replace(/^(reduce|reducing|bring down|bring|help with|help|helps|helping|ease|easing|calm)( the| my| me| him| her| us| them)? /i, '');
    const said = thing ? `“${thing}”` : 'your condition';
    const claim = onAcupuncture
      ? claimText(k, 'partialAcupuncture', { name, items: acupunctureItems(k), said })
      : claimText(k, 'partialDryNeedling', { name, said });
    return { text: claim, close: 'advise' };
  }
  // "can you help with chronic pain?", "which of the two is for chronic pain?": the article says both can be used for it.
  if (!treatment && onDryNeedling && onAcupuncture) return { text: claimText(k, 'bothUsedForNoYes', { name }), close: 'assess' };
  if (requested === 'both') {
    const lists = [onDryNeedling ? 'dry needling' : '', onAcupuncture ? 'acupuncture' : ''].filter(Boolean).join(' and ');
    return { text: `${claimText(k, condition.described ? 'describedOnLists' : 'onLists', { name, lists })} ${claimText(k, 'compareBoth')}`, close: 'assess' };
  }
  if (requested === 'dryNeedling' && onDryNeedling) {
    // "can you help with headaches?": the list names migraine and tension-type headaches, not every kind.
    if (condition.broader && condition.list === 'dryNeedling' && !condition.described) {
      return { text: claimText(k, 'broaderListed', { name, said: asked.said ? `“${asked.said.toLowerCase()}”` : 'yours' }), close: 'advise' };
    }
    // (never "Yes." first: chronic pain is a broad word, and "would either help?" asks for a promise)
    if (condition.list !== 'dryNeedling') return { text: claimText(k, 'bothUsedForNoYes', { name }), close: 'assess' };
    const id = condition.described ? 'describedListed' : asked.promise ? 'promiseListed' : 'dryNeedlingListed';
    return { text: claimText(k, id, { name }), close: 'assess' };
  }
  if (requested === 'acupuncture' && onAcupuncture) {
    const id = asked.promise ? 'acupuncturePromise' : 'acupunctureListed';
    return { text: claimText(k, id, { name, others: acupunctureItems(k, name), lately: increasinglyFor(k, id, name) }), close: 'assess' };
  }
  if (requested === 'acupuncture') {
    return { text: `${claimText(k, condition.described ? 'describedNotForAcupuncture' : 'notForAcupuncture', { name })} ${claimText(k, 'compareBoth')}`, close: 'advise' };
  }
  return { text: claimText(k, 'notForDryNeedling', { name, items: acupunctureItems(k) }), close: 'advise' };
}

/**
 * "what does that stand for?" after "is TMD on your list?": a listed name's abbreviation in brackets, spelt out
 * ("Temporomandibular joint disorder (TMD)"). Undefined when the name has none.
 */
export function abbreviationText(k: Knowledge, name: string): string | undefined {
  const m = /^(.+?)\s*\(([A-Z]{2,6})\)\s*$/.exec(name);
  if (!m) return undefined;
  const full = m[1].charAt(0).toLowerCase() + m[1].slice(1);
  return claimText(k, 'abbreviation', { said: m[2], full, name });
}

export type Area = 'muscles' | 'posture' | 'internal' | 'chronic' | 'unsure';
export type Approach = 'western' | 'chinese' | 'none';

/** The article's guidance for an area of concern and a preferred approach. */
export function recommend(k: Knowledge, area: Area, approach: Approach): { treatment: TreatmentChoice; why: string } {
  const both = claimText(k, 'bothMusculoskeletal');
  if (area === 'muscles' || area === 'posture') {
    if (approach === 'chinese') {
      return { treatment: 'both', why: claimText(k, 'suitsMusclesChinese', { area: area === 'posture' ? 'posture' : 'muscles and joints' }) };
    }
    return { treatment: 'dryNeedling', why: claimText(k, 'suitsMuscles') };
  }
  if (area === 'internal') return { treatment: 'acupuncture', why: claimText(k, 'suitsInternal') };
  if (approach === 'western') return { treatment: 'dryNeedling', why: `${claimText(k, 'suitsWestern')} ${both}` };
  if (approach === 'chinese') return { treatment: 'acupuncture', why: `${claimText(k, 'suitsChinese')} ${both}` };
  return { treatment: 'both', why: `${both} ${claimText(k, 'suitsEither')}` };
}
