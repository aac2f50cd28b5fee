/**
 * Normalisation for safety triage: patients write "cant breath", "CANT BREATHE!!!", "carnt breathe",
 * "cnt breath" and "I can not breathe" for the same thing. Each clause of a message becomes a list of
 * words in one spelling (SMS spellings and contractions replaced, typos corrected towards the words the
 * signs use, irregular forms to their base) and their Porter stems, which is what sign patterns match.
 */
import { cleanText } from '../nlu/normalize';
import { SpellCorrector } from '../nlu/spelling';
import { stem } from '../nlu/stem';
import { isEnglish } from './english';
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

export function splitClauses(text: string): Array<{ text: string; sentence: number }> {
  const out: Array<{ text: string; sentence: number }> = [];
  const sentences = (' ' + text.toLowerCase() + ' ').split(SENTENCE_G);
  sentences.forEach((s, i) => {
    for (const c of s.split(CLAUSE_G)) if (c.trim()) out.push({ text: c, sentence: i });
  });
  return out;
}

/** Words after which "kms" is a distance. */
const DISTANCE_BEFORE =
  /^(\d+|\d+k|running|ran|run|my|the|more|few|some|of|extra|those|these|couple|hundred|thousand|ten|five|twenty|many|daily|weekly|bike|cycling|walking)$/;

export class SafetyNormaliser {
  private readonly speller: SpellCorrector;
  private readonly known: Set<string>;
  private readonly stems = new Map<string, string>();
  /** All idioms in one expression, longest first, and what each becomes. */
  private readonly idioms?: RegExp;
  private readonly idiomMap = new Map<string, string>();

  /** @param vocabulary the words sign patterns and examples use; @param common words never corrected (clinic questions, everyday words) */
  constructor(
    private readonly lexicon: Lexicon,
    vocabulary: Map<string, number>,
    common: Iterable<string> = [],
  ) {
    this.speller = new SpellCorrector(vocabulary);
    this.known = new Set([...vocabulary.keys(), ...lexicon.keep, ...common, ...lexicon.replace.keys(), ...lexicon.forms.keys()]);
    for (const [phrase, replacement] of lexicon.idioms) this.idiomMap.set(phrase, replacement.join(' '));
    const phrases = [...this.idiomMap.keys()].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (phrases.length) this.idioms = new RegExp(`(?<=^| )(?:${phrases.join('|')})(?= |$)`, 'g');
  }

  /** A word's replacement words: SMS spellings, contractions, typos ("carnt" -> can not). */
  private replaceWord(raw: string): string[] {
    const word = raw.replace(/'/g, '').replace(/(\p{L})\1{2,}/gu, '$1$1');
    const direct = this.lexicon.replace.get(word);
    if (direct) return direct;
    // Dropped g: "bein", "feelin", "bleedin" are being, feeling, bleeding.
    if (word.endsWith('in') && !this.known.has(word) && this.known.has(word + 'g')) return this.lexicon.replace.get(word + 'g') ?? [word + 'g'];
    if (this.known.has(word) || word.length < 5 || /\d/.test(word)) return [word];
    // A doubled letter typed by mistake: "chesst", "bleedding", "siezzure".
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] !== word[i + 1]) continue;
      const single = word.slice(0, i) + word.slice(i + 1);
      if (this.known.has(single)) return this.lexicon.replace.get(single) ?? [single];
    }
    const fixed = this.speller.correct(word);
    if (fixed !== word && isEnglish(word)) return [word];
    return this.lexicon.replace.get(fixed) ?? [fixed];
  }

  stemOf(word: string): string {
    let s = this.stems.get(word);
    if (s === undefined) {
      const base = this.lexicon.forms.get(word) ?? word;
      s = stem(base);
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
      out.push(...(m[0] === 'kms' && DISTANCE_BEFORE.test(previous) ? ['kilometres'] : this.replaceWord(m[0])));
      previous = m[0];
    }
    const words = out.filter(Boolean);
    if (!this.idioms || words.length === 0) return words;
    const joined = words.join(' ');
    const replaced = joined.replace(this.idioms, (phrase) => this.idiomMap.get(phrase) ?? phrase);
    return replaced === joined ? words : replaced.split(' ').filter(Boolean);
  }

  clauses(text: string): NormalClause[] {
    return splitClauses(cleanText(text)).map(({ text: clause, sentence }) => {
      const words = this.words(clause);
      return { words, stems: words.map((w) => this.stemOf(w)), sentence };
    });
  }
}
