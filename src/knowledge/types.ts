import type { TreatmentId } from '../nlu/analyse';

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

export interface Condition {
  /** Exactly as the article lists it. */
  name: string;
  aliases: string[];
  excludes: string[];
  list: TreatmentId;
  /** An acupuncture item the article says both treatments are used for (chronic pain). */
  alsoDryNeedling: boolean;
}

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

export type RedFlagKind = 'emergency' | 'crisis';

export interface RedFlag {
  id: string;
  kind: RedFlagKind;
  patterns: RegExp[];
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
  topics: Record<string, Topic>;
  /** Sentences the code composes (claims.ts), each resting on article sources like an answer. */
  claims: Record<ClaimId, Answer>;
  redFlags: RedFlag[];
  training: TrainingUtterance[];
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

/** Intents that are questions in their own right: they may interrupt a dialog, and be offered as "did you mean" choices. */
export function questionIntents(k: Pick<Knowledge, 'training'>): ReadonlySet<string> {
  return new Set(intentsOf(k).filter((i) => !CONVERSATIONAL_INTENTS.includes(i)));
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
  'onLists',
  'dryNeedlingListed',
  'bothUsedFor',
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
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

/** Placeholders the code fills in a claim's text. */
export const CLAIM_PLACEHOLDERS = ['name', 'Name', 'items', 'lists', 'area'] as const;
