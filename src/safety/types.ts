/**
 * Types of the safety triage: the clinic's tier table, the lexicon and signs it matches, and what a
 * triage decides for one message. A lower layer: nothing here knows about the bot, channels or dialogs.
 */

/** How urgent: emergency (000 now), crisis (000 and the crisis line), urgent care (a doctor today), clinic (contact us). */
export type Tier = 'emergency' | 'crisis' | 'urgent' | 'clinic';
export const TIERS: readonly Tier[] = ['emergency', 'crisis', 'urgent', 'clinic'];

/** One row of knowledge/safety/tiers.json: what the clinic tells a patient at this tier, and why. */
export interface TierInfo {
  id: Tier;
  /** Short name staff see ("Emergency: call 000 now"). */
  label: string;
  /** The guidance message, with {emergencyNumber}, {crisisLine}, {phone}, {email} filled from clinic.json. */
  guidance: string;
  /** One line added after an answer when the sign is mentioned as a question or a possibility ("if that happens…"). */
  ifItHappens: string;
  /**
   * One line added after the answer when only the classifier (second net) is unsure about an everyday description
   * of a listed condition ("side of my hip aches when I lie on it"): what would make it this tier. Without it, such
   * a message gets the guidance first.
   */
  safetyNet?: string;
  /** Why this tier exists and what belongs in it (for the clinic and staff, never sent). */
  reasoning: string;
  examples: string[];
}

/** A sign the triage looks for: lay patterns over normalised words, with a tier and a theme. */
export interface Sign {
  id: string;
  theme: string;
  /** Tier when the sign is happening now; undefined for caution-only signs (blood thinners, pacemaker). */
  tier?: Tier;
  /** Compiled patterns over normalised word stems (see patterns.ts), one per source. */
  patterns: RegExp[];
  /** All of them in one expression: what triage runs (one pass per sign and clause). */
  matcher: RegExp;
  /**
   * The words each pattern can start with (undefined: anywhere): only the patterns that can start at a word of the
   * clause are run, which gives the same match as `matcher` at a fraction of the cost.
   */
  firstWords: Array<{ exact: Set<string>; prefixes: string[] } | undefined>;
  /** Source text of each pattern, for messages and docs. */
  sources: string[];
  /**
   * Patterns that only mean this sign when the message says a session happened ("numb fingers" is carpal tunnel
   * until "since the needling" makes it a possible nerve injury); see SafetyKnowledge.sessionLink.
   */
  sessionMatcher?: RegExp;
  sessionSources: string[];
  /** A note added after the answer when the sign is in the past, someone else's, or a standing condition. */
  caution?: string;
  /** An extra line after the tier's guidance for this sign (a poisons line, "do not pull it out"). */
  extra?: string;
  /**
   * A weaker sign ("everything is pointless", "I won't be around for my next appointment"): its guidance comes first
   * and the bot still answers, instead of the guidance alone, since the words also have everyday meanings.
   */
  inDoubt: boolean;
  /** When this matches anywhere in the message, the sign's words have their everyday meaning ("I won't be around: on holiday"). */
  unless?: RegExp;
  /** When this matches anywhere in the message, 'unless' does not apply ("at work … on purpose" is no accident at work). */
  despite?: RegExp;
  /** Another sign's id: this one counts only when that one is mentioned too ("bleeding for an hour" with "I'm on Xarelto"). */
  requires?: string;
}

/** Normalisation tables from knowledge/safety/lexicon.json. */
export interface Lexicon {
  /** Whole-word replacements: SMS spellings, contractions and their misspellings ("cant" -> "can not"). */
  replace: Map<string, string[]>;
  /** Phrases that only sound alarming ("killing me", "weak at the knees"), replaced (as words) before matching. */
  idioms: Array<[string, string[]]>;
  /** Irregular word forms to their base ("took" -> "take"), before stemming. */
  forms: Map<string, string>;
  /** Named groups of lay synonyms and paraphrases, used as {name} in sign patterns. */
  concepts: Map<string, string[]>;
  /** Words that are never typo-corrected (common words one edit from a sign word: "heard", "breast"). */
  keep: Set<string>;
  /** Words matched as written, never stemmed ("fitting", a seizure, is not "fit", as in fit and well). */
  unstemmed: Set<string>;
}

export interface SafetyKnowledge {
  tiers: Record<Tier, TierInfo>;
  lexicon: Lexicon;
  signs: Sign[];
  /** Whether a clause says that a session (needling, treatment) happened: "since the needling", "where the needle went in". */
  sessionLink: RegExp;
  /** Training examples for the safety classifier: text and tier (or "none"). */
  examples: Array<{ text: string; label: Tier | 'none'; theme: string }>;
}

/**
 * How the bot acts on a message:
 *  - alone: emergency or crisis happening now: the guidance alone, nothing else in that message;
 *  - first: guidance first, then the bot answers the question (urgent care, clinic, or an emergency in doubt);
 *  - note: no guidance; the bot answers and adds one short line (a history of stroke, blood thinners, "what if");
 *  - none: nothing to do.
 */
export type SafetyMode = 'alone' | 'first' | 'note' | 'none';

/** Why a sign was discounted or kept, for staff and tests. */
/** How a sign is told. "figure": a figure of speech ("I'll have a fit when I see the price"), no sign at all. */
export type MentionContext = 'current' | 'negated' | 'history' | 'past' | 'hypothetical' | 'condition' | 'figure';

export interface SignMention {
  sign: string;
  theme: string;
  tier?: Tier;
  context: MentionContext;
  /** Someone else's (my husband, she), as opposed to the writer's own. */
  other: boolean;
  /** The normalised words that matched. */
  words: string;
}

export interface Triage {
  mode: SafetyMode;
  tier?: Tier;
  /** The sign behind the decision (or "classifier" when only the classifier net caught it). */
  sign?: string;
  theme?: string;
  /** Which net decided: the patterns, or the naive Bayes classifier (second net). */
  source?: 'pattern' | 'classifier';
  /** The classifier's probability that the message needs any tier (for staff, tuning and the evaluation). */
  score: number;
  /** The short line for mode "note". */
  note?: string;
  /** The note goes after the answer, not before it (a safety-net line after an everyday complaint). */
  noteAfter?: boolean;
  /** The message also asks something (kept for later when the guidance has to go alone). */
  question: boolean;
  /** Not sure it is happening now (a past tense, or only the classifier): guidance first, then the answer. */
  doubt: boolean;
  /** Whether the bot should still answer the message after the guidance (never for mode "alone"). */
  answer: boolean;
  mentions: SignMention[];
}
