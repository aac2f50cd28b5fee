import type { TreatmentId } from '../nlu/analyse';
import type { SafetyKnowledge } from '../safety/types';


export interface ClinicDetails {
  name: string;
  phone: string;
  email: string;
  bookingUrl: string;
  address: string;
  openingHours: string;
  emergencyNumber: string;
  crisisLine: string;
}

/** The fields of clinic.json, in the order the loader reads and staff edit them. */
export const CLINIC_FIELDS: ReadonlyArray<keyof ClinicDetails> = [
  'name',
  'phone',
  'email',
  'bookingUrl',
  'address',
  'openingHours',
  'emergencyNumber',
  'crisisLine',
];

/** The clinic's own question and answer (taught by staff): a few example phrasings and the answer, said as written. */
export interface ClinicFaq {
  /** Lower case letters, digits and _; the bot's intent is `clinic_faq_<id>`. */
  id: string;
  title: string;
  questions: string[];
  answer: string;
}

export interface Condition {
  /** Exactly as the article lists it. */
  name: string;
  aliases: string[];
  excludes: string[];
  list: TreatmentId;
  /** An acupuncture item the article says both treatments are used for (chronic pain). */
  alsoDryNeedling: boolean;
  /** More specific things the article's broader word covers without naming them ("IBS" under "digestive issues"). */
  narrower: string[];
  /** Patients' words broader than the listed name ("headaches" for migraine and tension-type headaches): never a plain yes. */
  broader: string[];
  /** Body parts a patient may describe instead of naming the condition ("arch", "heel"). */
  bodyParts: string[];
  /** Context words that point to this condition among those of the same body part ("first thing in the morning"). */
  cues: string[];
  /**
   * Cues that name this condition on any body part, even one no listed condition covers ("knots through my upper
   * back" are myofascial trigger points): they outrank an unlisted body part, and nothing else.
   */
  anyBodyPartCues: string[];
  /** A body part alone is too vague for this condition ("leg" for sciatica): a context cue must say so too. */
  requiresCue: boolean;
  /** Its context cues outrank any body part ("pain after my shoulder surgery" is post-surgical pain). */
  outranksBodyParts: boolean;
  /** A broad category ("Hip pain"): a specific diagnosis of its body part is covered by it without being named. */
  broad: boolean;
}

/** Words for one treatment: names, and the article's concepts that belong to it alone. */
export interface TreatmentWords {
  aliases: string[];
  /** Words for needling in general ("needling"): they name this treatment unless a concept names the other. */
  weakAliases: string[];
  concepts: string[];
}

/** Other therapies and services ("cupping", "remedial massage"), and medicine names ("ibuprofen"), from treatments.json. */
export interface NotCoveredWords {
  otherServices: string[];
  medicines: string[];
}

/** What lets descriptions in a patient's own words be understood (conditions.json). */
export interface DescriptionWords {
  /** Words that make a mentioned body part a complaint ("aches", "sore", "pins and needles"). */
  symptoms: string[];
  /** Body areas no listed condition covers. */
  unlistedBodyParts: string[];
  /**
   * Specific diagnoses the article's list does not name ("bursitis", "frozen shoulder", "a torn meniscus"): told with a
   * listed condition's body part or name, the bot says what the article lists and that it does not name theirs.
   */
  diagnoses: string[];
  /**
   * Complaints of another kind than the listed conditions (skin: "eczema", "psoriasis"): named with a body part, they are
   * what is asked about, never the listed condition of that body part ("eczema on the inside of my elbows" is no golfer's
   * elbow).
   */
  otherComplaints: string[];
}

/** One passage of the article that answers a specific question within a topic (who, when, research, a term). */
export interface Passage {
  id: string;
  treatment: TreatmentId | 'both';
  text: string;
  sources: string[];
  /** Words or phrases of the questions this passage answers. */
  cues: string[];
  /** The id of the other treatment's passage on the same point, for "and the other one?". */
  counterpart?: string;
  /**
   * Things patients ask about that are not on the list of conditions but that this passage speaks to ("bad
   * posture": postural re-patterning): the bot says what the article says and that its list does not name them.
   */
  covers?: string[];
  /** What the dialogs use this passage for beyond its cues (see PASSAGE_ROLES); the clinic may move a role to another passage. */
  roles?: PassageRole[];
}

/**
 * Jobs a passage can do for the dialogs, named in knowledge/answers.json instead of by passage id in code:
 * `age` says when a treatment began ("which is older?"); `origin` says whose tradition it is ("is it Chinese medicine
 * too?"); `research` is what the article says of the evidence ("which is more scientific?"); `why_that_one` is the
 * article's own comparison of what each treatment is more for ("why that one and not the other?"); `each_is_for` answers
 * "which one is for muscles and which for the inside?" (what both are used for, and what each is more for).
 */
export const PASSAGE_ROLES = ['age', 'origin', 'research', 'why_that_one', 'each_is_for', 'needles'] as const;
export type PassageRole = (typeof PASSAGE_ROLES)[number];

export interface Answer {
  text: string;
  sources: string[];
  /** Append the article's list of dry needling conditions. */
  listConditions?: boolean;
}

export interface Topic {
  title: string;
  acupuncture?: Answer;
  dryNeedling?: Answer;
  both?: Answer;
}

export interface TrainingUtterance {
  text: string;
  intent: string;
}

export interface Knowledge {
  dir: string;
  clinic: ClinicDetails;
  /** Dry needling conditions in the article's order, then acupuncture's ailments. */
  conditions: Condition[];
  /** The article's lead-in sentence for each list. */
  listSources: Record<TreatmentId, string>;
  treatments: Record<TreatmentId, TreatmentWords>;
  /** What the article does not cover that patients ask about (treatments.json): other therapies, and medicines. */
  notCovered: NotCoveredWords;
  descriptions: DescriptionWords;
  /** Specific passages of the article, picked instead of a topic's whole answer when they answer the question. */
  passages: Passage[];
  topics: Record<string, Topic>;
  /** Sentences the code composes (claims.ts), each resting on article sources like an answer. */
  claims: Record<ClaimId, Answer>;
  /** Safety triage: tiers, lexicon, signs and classifier examples (knowledge/safety/, see docs/safety.md). */
  safety: SafetyKnowledge;
  training: TrainingUtterance[];
  /** The clinic's own questions and answers, taught by staff (src/teach); not medical content, never from the article. */
  faqs?: ClinicFaq[];
  /** Article text without the web-page noise at its end. */
  article: string;
  /** sha256 of every knowledge file: the trained model records it and is rebuilt when it changes. */
  hash: string;
}

/**
 * Intents that are not questions in their own right (small talk, help, out of scope): never offered as "did you
 * mean" choices and never interrupt a dialog. Every other intent file in knowledge/intents/ is a question.
 */
export const CONVERSATIONAL_INTENTS: readonly string[] = ['greeting', 'thanks', 'help', 'out_of_scope'];

/** The intents in the knowledge base (one training file each), in file order. */
export function intentsOf(k: Pick<Knowledge, 'training'>): string[] {
  return [...new Set(k.training.map((t) => t.intent))];
}

/** Intents of the clinic's own FAQ entries (taught by staff, answered as written; see src/teach). */
export const CLINIC_FAQ_PREFIX = 'clinic_faq_';

export function isClinicFaqIntent(intent: string): boolean {
  return intent.startsWith(CLINIC_FAQ_PREFIX);
}

/** Intents that are questions in their own right: they may interrupt a dialog, and be offered as "did you mean" choices. */
export function questionIntents(k: Pick<Knowledge, 'training'>): ReadonlySet<string> {
  return new Set(intentsOf(k).filter((i) => !CONVERSATIONAL_INTENTS.includes(i) && !isClinicFaqIntent(i)));
}

/** Topics answered straight from answers.json, and which answers each must have. */
export const TOPIC_REQUIREMENTS: Record<string, Array<keyof Topic>> = {
  what_is: ['acupuncture', 'dryNeedling'],
  how_it_works: ['acupuncture', 'dryNeedling'],
  uses: ['acupuncture', 'dryNeedling'],
  difference: ['both'],
  similarity: ['both'],
  which_suits: ['both'],
};

/** The claims answers.json must hold (see claims.ts for where each is said). */
export const CLAIM_IDS = [
  'compareBoth',
  'conditionsCompared',
  'onLists',
  'dryNeedlingListed',
  'acupunctureListed',
  'notForAcupuncture',
  'notForDryNeedling',
  'suitsMusclesChinese',
  'suitsMuscles',
  'suitsInternal',
  'bothMusculoskeletal',
  'suitsWestern',
  'suitsChinese',
  'suitsEither',
  'describedListed',
  'promiseListed',
  'acupuncturePromise',
  'bothUsedForNoYes',
  'partialAcupuncture',
  'partialDryNeedling',
  'broaderListed',
  'abbreviation',
  'describedOnLists',
  'describedNotForAcupuncture',
  'suitsListed',
  'suitsDescribed',
  'recentNotChronic',
  'unlistedInflamed',
  'unlistedChronic',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

/** Placeholders the code fills in a claim's text. */
export const CLAIM_PLACEHOLDERS = ['name', 'Name', 'items', 'others', 'lists', 'area', 'said', 'full', 'lately'] as const;
