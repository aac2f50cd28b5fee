/**
 * Normalisation for safety triage: patients write "cant breath", "CANT BREATHE!!!", "carnt breathe",
 * "cnt breath" and "I can not breathe" for the same thing. Each clause of a message becomes a list of
 * words in one spelling (SMS spellings and contractions replaced, typos corrected towards the words the
 * signs use, irregular forms to their base) and their Porter stems, which is what sign patterns match.
 */
import { cleanText } from '../nlu/normalize';
import { SpellCorrector } from '../nlu/spelling';
import { stem } from '../nlu/stem';
import { inWordNet, isEnglish } from '../nlu/english';
import type { Lexicon } from './types';

export interface NormalClause {
  /** The clause's words after replacement and typo correction ("i", "can", "not", "breathe"). */
  words: string[];
  /** Their stems ("i", "can", "not", "breath"): what the patterns match, joined by spaces. */
  stems: string[];
  /** Index of the sentence the clause belongs to (clauses split at commas, sentences at . ! ? ; and "but"). */
  sentence: number;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
/** Sentence ends, and "but"-like words: what follows can say the opposite of what went before. */
const SENTENCE = /[.!?;\n]+|\s(?:but|however|although|though|except|apart from|other than|yet|whereas)\s/u;
const CLAUSE = /[,:()\u2013\u2014]|\s-\s/u;

/** Splits text into sentences, and each sentence into clauses. */
const SENTENCE_G = new RegExp(SENTENCE.source, 'gu');
const CLAUSE_G = new RegExp(CLAUSE.source, 'gu');

/** A question about the clinic opening a sentence ("can i bring my own towel", "whats parking like"). */
const ASKS_FIRST = /^\s*(can|could|do|does|did|is|are|what|whats|what's|where|when|how|will|would|should|may)\b/u;
/** An afterthought that starts something new ("… also my dad keeled over", "… btw my chest is tight"). */
const AFTERTHOUGHT = /\s(?:also|and also|oh and|oh also|btw|by the way|plus|ps|p\.s\.)\s/u;

/**
 * A question about the treatment tacked on without a comma, as typed into a search box ("numb tingly fingers from typing
 * needles help?", "pain after hip replacement op needles ok", "sore neck from work would acupuncture help"): a clause of
 * its own, so the sign told before it is not read as caused by the needles it asks about. Not after a word that ties the
 * needles to what went before ("numb since the needles", "sore after dry needling").
 */
const TREATMENT_ASKED_AFTER =
  /(?<!\b(?:from|after|since|with|the|my|his|her|by|of|post|following|before|to|during|at|in|from the|after the|since the|with the|had|having|got|get))\s+(?=(?:(?:would|could|can|will|do|does|is|are|should)\s+(?:the\s+)?)?(?:needles|needling|acupuncture|acu|dry needling|dn)\s+(?:help|helps|work|works|ok|okay|good|any good|safe|fix|worth it|an option|suitable)\b[\s?!.]*$)/u;

/**
 * A line of its own that asks ("just a tight upper back\nis needling safe near the lungs tho?"): a sentence of its own, as
 * chat messages are sent a thought a line. Other line breaks are spaces (a sentence may run on over lines: "my chest\nis
 * so tight").
 */
const QUESTION_LINE =
  /\n(?=[^\S\n]*(?:is|are|can|could|do|does|did|will|would|should|what|whats|what's|how|when|where|why|any)\b[^\n]*\?[^\S\n]*(?:\n|$))/giu;

export function splitClauses(text: string): Array<{ text: string; sentence: number }> {
  const out: Array<{ text: string; sentence: number }> = [];
  // ("can i bring my own towel also my dad keeled over at lunch and hes still out cold": a question about the clinic, then
  // something new told as an afterthought; the question's frame, a what-if or a request, is not the afterthought's)
  const sentences = (' ' + text.toLowerCase() + ' ')
    .split(SENTENCE_G)
    .flatMap((s) => (ASKS_FIRST.test(s) && AFTERTHOUGHT.test(s) ? splitOnce(s, AFTERTHOUGHT) : [s]));
  sentences.forEach((s, i) => {
    for (const c of s.replace(TREATMENT_ASKED_AFTER, ', ').replace(DENIED_LIST, denyTogether).split(CLAUSE_G))
      if (c.trim()) out.push({ text: c, sentence: i });
  });
  return out;
}

/**
 * "no redness, swelling or fever at the needle site", "nothing hot, red or swollen": one denial over a list whose items
 * are split by commas and end with "or"; read as one clause ("no redness or swelling or fever"), so the denial reaches
 * every item. Not a denial of something else before a comma ("no idea, chest pain or something", "no sleep, …").
 */
const DENIED_LIST =
  /\b(?:no|nothing|zero|without|neither)\s+(?!(?:idea|clue|way|worries|problem|problems|doubt|sleep|energy|appetite|luck|change|improvement|relief|joke|one|kidding|lie)\b)(?:[\p{L}]+(?:\s[\p{L}]+)?\s*,\s*)+[\p{L}]+(?:\s[\p{L}]+)?\s+(?:or|nor)\s/gu;
const denyTogether = (list: string) => list.replace(/\s*,\s*/g, ' or ');

/** The text before and after the first match of `at` (the match itself left out). */
function splitOnce(s: string, at: RegExp): string[] {
  const m = at.exec(s);
  return m ? [s.slice(0, m.index), s.slice(m.index + m[0].length)] : [s];
}

/**
 * Emoji that laugh ("can't breathe 😂", "im dying 💀💀"): written as "lol", as SMS laughter is, so the idioms of loose
 * words and laughter read them the same. Not the crying or sweating faces, which may be fear.
 */
const LAUGHING_EMOJI = /(?:\u{1F602}|\u{1F923}|\u{1F480}|\u{2620}\u{FE0F}?|\u{1F606}|\u{1F639})+/gu;

/** Words after which "kms" is a distance. */
const DISTANCE_BEFORE =
  /^(\d+|\d+k|running|ran|run|my|the|more|few|some|of|extra|those|these|couple|hundred|thousand|ten|five|twenty|many|daily|weekly|bike|cycling|walking)$/;

/** A word's first letter, then its consonants with doubles collapsed ("cutting" -> ctng, "words" -> wrds). */
export function skeleton(word: string): string {
  return (word[0] + word.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
}

/** Whether two words have the same letters in another order ("neelding", "needling"). */
function sameLetters(a: string, b: string): boolean {
  return Array.from(a).sort().join('') === Array.from(b).sort().join('');
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/**
 * "stuck in me neck", "me mate's mum": "me" for "my" before a body part or a person (Australian and British speech), so
 * a sign or someone else's possessive reads the same as "my".
 */
const MY_AFTER_ME = new Set(
  (
    'neck shoulder shoulders back arm arms leg legs hand hands foot feet knee knees hip hips chest head face calf calves ' +
    'thigh thighs wrist wrists elbow elbows ankle ankles side bum glute butt skin finger fingers toe toes heel heels eye eyes ' +
    'throat mouth lip lips tongue stomach gut guts belly ribs jaw spine shin shins forearm trap traps lung lungs heart ' +
    'missus wife husband hubby partner kid kids son daughter mate mates mum mam dad old nan pop brother sister boy girl baby'
  ).split(' '),
);

/** Body parts whose "'s" is "is" ("my back's sore", "his neck's stiff"), not a possessive worth keeping. */
const PART_IS = new Set(
  [...MY_AFTER_ME].filter(
    (w) =>
      !'missus wife husband hubby partner kid kids son daughter mate mates mum mam dad old nan pop brother sister boy girl baby'
        .split(' ')
        .includes(w),
  ),
);
/** "back's", "back’s": a body part and "is". */
const PART_APOSTROPHE_S = /^(\p{L}+)['\u2019]s$/u;

/** People are "me mate", "me missus" anywhere; a body part after a preposition or an injury verb ("in me neck", "hurt me back", not "laid me back"). */
const ME_PEOPLE = new Set('missus wife husband hubby partner kid kids son daughter mate mates mum mam dad nan pop brother sister'.split(' '));
const BEFORE_ME_PART = new Set(
  (
    'in on of into onto under up down across behind from at to with out outta near around over through between inside hurt hurts hurting done did put putting threw tweaked wrecked stuffed ' +
    'pulled broke busted rolled twisted sprained cut sliced burnt burned bruised smashed jarred killed wrenched'
  ).split(' '),
);
function meIsMy(before: string | undefined, after: string | undefined): boolean {
  if (!after || !MY_AFTER_ME.has(after)) return false;
  return ME_PEOPLE.has(after) || before === undefined || BEFORE_ME_PART.has(before);
}

/** Sports and hobbies with sessions of their own. */
const SPORT =
  /\b(boulder(ing)?|climbing|climb|gym|training|run club|running|swimming|swim|surf(ing)?|yoga|pilates|crossfit|rowing|erg|cycling|spin|boxing|footy|netball|soccer|tennis|golf|rugby|cricket|basketball|hockey|dance|dancing|ballet|jiu ?jitsu|bjj|martial arts|weights|lifting|deadlifts?|deadlifting|powerlift(ing|er|ers)?|squats?|squatting|bench press|kettlebells?|bootcamp|f45|parkrun|sprints?|sprinting|strongman|hiit|band practice|rehearsal|drumming|guitar)\b/i;
/** Words that name a treatment session. */
const TREATMENT_WORD = /\b(needl\w*|acupunct\w*|acu|dn|treatment|appointment|appt|practitioner|clinic|therapist|physio|you)\b/i;
/** A session that recurs ("after every session", "sessions"): "the session", "today's session" stay the treatment's. */
const SESSION_WORD = /\b(?<=(every|each|most|all my|all) )sessions?\b|\bsessions\b/gi;

/**
 * Stems that are other everyday words: "offing" stems to "of", "one" to "on", "using" to "us", "innings" to "in". Such a
 * stem is marked (use, used, using: "us_") so that a pattern's "offing myself" never matches "proud of myself".
 */
const SHORT_WORD_STEMS = new Set(['of', 'on', 'us', 'in']);

export class SafetyNormaliser {
  private readonly speller: SpellCorrector;
  /** Consonant skeleton -> the vocabulary words with it, most common first ("wrds" -> words). */
  private readonly skeletons = new Map<string, string[]>();
  private readonly known: Set<string>;
  private readonly stems = new Map<string, string>();
  private readonly replaced = new Map<string, string[]>();
  /**
   * Idioms by their first word, longest first (as one alternation would try them), with what each becomes. A lookup per
   * word, not one expression of some four thousand phrases: past a size, the expression lost the engine's fast path
   * and cost as much as the rest of the triage.
   */
  private readonly idioms = new Map<string, Array<{ words: string[]; replacement: string[] }>>();

  /** @param vocabulary the words sign patterns and examples use; @param common words never corrected (clinic questions, everyday words) */
  constructor(
    private readonly lexicon: Lexicon,
    private readonly vocabulary: Map<string, number>,
    common: Iterable<string> = [],
  ) {
    this.speller = new SpellCorrector(vocabulary);
    for (const [w] of [...vocabulary].sort((a, b) => b[1] - a[1])) {
      const key = skeleton(w);
      if (w.length < 3 || key.length < 3) continue;
      const list = this.skeletons.get(key);
      if (list) list.push(w);
      else this.skeletons.set(key, [w]);
    }
    this.known = new Set([...vocabulary.keys(), ...lexicon.keep, ...common, ...lexicon.replace.keys(), ...lexicon.forms.keys()]);
    // (a phrase listed twice keeps its first place and its last replacement)
    const byPhrase = new Map(lexicon.idioms);
    // (indexed by their first two words, a one-word idiom by its word: "the", "i" and "not" begin hundreds of idioms)
    for (const [phrase, replacement] of [...byPhrase].sort((a, b) => b[0].length - a[0].length)) {
      const words = phrase.split(' ');
      const key = words.length > 1 ? `${words[0]} ${words[1]}` : words[0];
      const list = this.idioms.get(key) ?? [];
      list.push({ words, replacement });
      this.idioms.set(key, list);
    }
  }

  /** A word's replacement words, remembered as stems are (the spelling steps are the normaliser's costliest part). */
  private replaceWord(raw: string): string[] {
    let out = this.replaced.get(raw);
    if (out === undefined) {
      out = this.replaceWordOnce(raw);
      if (this.replaced.size > 20_000) this.replaced.clear();
      this.replaced.set(raw, out);
    }
    return out;
  }

  /** A word's replacement words: SMS spellings, contractions, typos ("carnt" -> can not). */
  private replaceWordOnce(raw: string): string[] {
    const word = raw.replace(/'/g, '').replace(/(\p{L})\1{2,}/gu, '$1$1');
    // "od'd" is overdosed, "odd" is odd: a few spellings are only known with their apostrophe.
    const direct = (raw.includes("'") ? this.lexicon.replace.get(raw) : undefined) ?? this.lexicon.replace.get(word);
    if (direct) return direct;
    // Dropped g: "bein", "feelin", "bleedin" are being, feeling, bleeding.
    // (a sign word's dropped g counts even when the clinic's questions spell it that way too: "needlin")
    const withG = word + 'g';
    if (word.endsWith('in') && this.known.has(withG) && (!this.known.has(word) || (this.vocabulary.has(withG) && !isEnglish(word))))
      return this.as(withG);
    if (this.known.has(word) || /\d/.test(word)) return [word];
    if (word.length < 5) return this.bySkeleton(word) ?? [word];
    // A doubled letter typed by mistake: "chesst", "bleedding", "siezzure".
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] !== word[i + 1]) continue;
      const single = word.slice(0, i) + word.slice(i + 1);
      if (this.known.has(single)) return this.as(single);
    }
    // One letter too many ("cheset", "breathee"): the corrector only shortens words of seven letters or more. But a
    // letter left out is the commoner slip: "needl" is needle, not need; "stil" still.
    if (!isEnglish(word)) {
      const shorter = this.oneLetterLess(word);
      if (shorter) {
        const longer = this.speller.correct(word);
        // ("neelding": two letters swapped in a commoner word, needling, not needing with one left out)
        const swapped =
          longer.length === word.length && sameLetters(word, longer) && (this.vocabulary.get(longer) ?? 0) > (this.vocabulary.get(shorter) ?? 0);
        return this.as((longer.length === word.length + 1 && isSubsequence(word, longer)) || swapped ? longer : shorter);
      }
    }
    const fixed = this.speller.correct(word);
    // A doubled letter typed once ("cuting", "stoped") is a typo even where a base form makes the word look English (cute).
    const missedDouble =
      fixed.length === word.length + 1 && Array.from(fixed).some((c, i) => c === fixed[i + 1] && fixed.slice(0, i) + fixed.slice(i + 1) === word);
    if (fixed !== word && isEnglish(word) && !missedDouble) return [word];
    if (fixed === word) return this.bySkeleton(word) ?? [word];
    return this.as(fixed);
  }

  /** A corrected word as the signs spell it: its replacement when it has one ("cnt" -> can not), else itself. */
  private as(word: string): string[] {
    return this.lexicon.replace.get(word) ?? [word];
  }

  private oneLetterLess(word: string): string | undefined {
    let best: string | undefined;
    let bestCount = 0;
    for (let i = 0; i < word.length; i++) {
      const w = word.slice(0, i) + word.slice(i + 1);
      const n = this.vocabulary.get(w) ?? 0;
      if (n > bestCount) [best, bestCount] = [w, n];
    }
    return best;
  }

  /**
   * SMS writing drops vowels and doubles ("wrds arent comng", "my hnd", "cuting"): a word that is not English and that
   * the corrector left alone becomes the most common sign word with the same consonants, when there is one.
   */
  private bySkeleton(word: string): string[] | undefined {
    const key = skeleton(word);
    // A word WordNet lists as it is stays, unless it has no vowel at all ("hnd" is an acronym there, and SMS for hand).
    if (key.length < 3 || (inWordNet(word) && /[aeiouy]/.test(word))) return undefined;
    // Only vowels left out: the typed letters come in the same order in the word ("prply" is not "purple").
    const found = this.skeletons.get(key)?.find((w) => isSubsequence(word, w));
    return found ? this.as(found) : undefined;
  }

  stemOf(word: string): string {
    let s = this.stems.get(word);
    if (s === undefined) {
      const base = this.lexicon.forms.get(word) ?? word;
      s = this.lexicon.unstemmed.has(base) ? base : stem(base);
      // ("take care of myself" is not "offing myself": a stem that is another short word keeps its family apart)
      if (s !== base && SHORT_WORD_STEMS.has(s)) s += '_';
      if (this.stems.size < 20_000) this.stems.set(word, s);
    }
    return s;
  }

  /** Words of a short phrase (a pattern's literal words go through the same steps as a message's). */
  words(text: string): string[] {
    const out: string[] = [];
    let previous = '';
    for (const m of text.toLowerCase().matchAll(WORD)) {
      // "upped my running kms", "10 kms": kilometres, not the SMS "kms" (kill myself).
      const part = PART_APOSTROPHE_S.exec(m[0]);
      // ("maybe 20ish tablets", "20-ish"): a rough count is the count
      if (/^\d+ish$/.test(m[0])) out.push(m[0].slice(0, -3));
      else if (m[0] === 'ish' && /^\d+$/.test(previous)) continue;
      else if (part && PART_IS.has(part[1])) out.push(part[1], 'is');
      else out.push(...(m[0] === 'kms' && DISTANCE_BEFORE.test(previous) ? ['kilometres'] : this.replaceWord(m[0])));
      previous = m[0];
    }
    const words = out.filter(Boolean).map((w, i, all) => (w === 'me' && meIsMy(all[i - 1], all[i + 1]) ? 'my' : w));
    return this.withoutIdioms(words);
  }

  /** Idioms replaced, left to right, the longest at each word first ("killing me" -> "very painful"). */
  private withoutIdioms(words: string[]): string[] {
    let out: string[] | undefined;
    for (let i = 0; i < words.length;) {
      // (the longest first: every two-word-or-longer idiom is longer than a one-word one)
      const matches = (idiom: { words: string[] }) => idiom.words.every((w, k) => words[i + k] === w);
      const found =
        (i + 1 < words.length ? this.idioms.get(`${words[i]} ${words[i + 1]}`)?.find(matches) : undefined) ??
        this.idioms.get(words[i])?.find(matches);
      if (found) {
        out ??= words.slice(0, i);
        out.push(...found.replacement);
        i += found.words.length;
      } else {
        out?.push(words[i]);
        i++;
      }
    }
    return out ?? words;
  }

  clauses(text: string): NormalClause[] {
    // "Since I took up bouldering … aches after every session": a sport's session, when its sentence names no treatment.
    const sessions = text.replace(/[^.!?\n]+[.!?\n]*/g, (sentence) =>
      SPORT.test(sentence) && !TREATMENT_WORD.test(sentence)
        ? sentence.replace(SESSION_WORD, (w) => (w.endsWith('s') ? 'workouts' : 'workout'))
        : sentence,
    );
    return splitClauses(cleanText(sessions.replace(QUESTION_LINE, '.\n').replace(LAUGHING_EMOJI, ' lol '))).map(({ text: clause, sentence }) => {
      const words = this.words(clause);
      return { words, stems: words.map((w) => this.stemOf(w)), sentence };
    });
  }
}
