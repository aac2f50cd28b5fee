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
  /** Safety triage: tiers, lexicon, signs and classifier examples (knowledge/safety/, see docs/safety.md). */
  safety: SafetyKnowledge;
  training: TrainingUtterance[];
  /** Article text without the web-page noise at its end. */
  article: string;
  /** sha256 of every knowledge file: the trained model records it and is rebuilt when it changes. */
  hash: string;
}

/** Intents that are questions in their own right: they may interrupt a dialog, and be offered as "did you mean" choices. */
export const QUESTION_INTENTS = [
  'what_is',
  'how_it_works',
  'uses',
  'condition_query',
  'difference',
  'similarity',
  'which_suits',
  'contact',
  'booking',
  'not_covered',
  'human',
] as const;

/** Intents the bot routes; a training file for any other name is an error. */
export const INTENTS = [...QUESTION_INTENTS, 'greeting', 'thanks', 'help', 'out_of_scope'] as const;
export type Intent = (typeof INTENTS)[number];

/** Topics answered straight from answers.json, and which answers each must have. */
export const TOPIC_REQUIREMENTS: Record<string, Array<keyof Topic>> = {
  what_is: ['acupuncture', 'dryNeedling'],
  how_it_works: ['acupuncture', 'dryNeedling'],
  uses: ['acupuncture', 'dryNeedling'],
  difference: ['both'],
  similarity: ['both'],
  which_suits: ['both'],
};
