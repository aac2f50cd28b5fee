/**
 * The sign pattern language, written by the clinic in plain words and compiled to regular expressions
 * over a clause's word stems (joined by single spaces, with a space at each end):
 *   chest pain             words in a row; each word is normalised and stemmed as messages are
 *                          ("breathing", "breathe" and "breath" are one word)
 *   (cannot|hard to) breathe   alternatives, nestable
 *   really?                an optional word or (group)
 *   {chest}                a named group of lay synonyms from lexicon.json ("chest", "ribs", "sternum", …)
 *   ~  ~5                  up to 3 (or 5) words in between, never across "not", "no" or "never"
 *   suicid*                a word starting with these letters
 *   $                      the end of the clause ("sore 2 days after $": after what goes unsaid, the session)
 */
import type { SafetyNormaliser } from './normalise';

export class PatternError extends Error {}

type Tok = { kind: '(' | ')' | '|' | '?' | '$' | 'gap' | 'concept' | 'word'; value: string };

function lex(source: string): Tok[] {
  const toks: Tok[] = [];
  const re = /\s*(?:(\()|(\))|(\|)|(\?)|~(\d+)?|\{([a-z_]+)\}|([\p{L}\p{N}']+\*?)|(\$))/uy;
  let i = 0;
  while (i < source.length) {
    if (/^\s*$/.test(source.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(source);
    if (!m) throw new PatternError(`unexpected "${source.slice(i).trim().slice(0, 12)}"`);
    i = re.lastIndex;
    if (m[1]) toks.push({ kind: '(', value: '' });
    else if (m[2]) toks.push({ kind: ')', value: '' });
    else if (m[3]) toks.push({ kind: '|', value: '' });
    else if (m[4]) toks.push({ kind: '?', value: '' });
    else if (m[6]) toks.push({ kind: 'concept', value: m[6] });
    else if (m[7]) toks.push({ kind: 'word', value: m[7] });
    else if (m[8]) toks.push({ kind: '$', value: '' });
    else toks.push({ kind: 'gap', value: m[5] ?? '3' });
  }
  return toks;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word inside a gap: anything but a negation or a clause-changing word. */
const GAP_WORD = '(?:(?!(?:not|no|never|nor|without|if) )\\S+ )';

/** The words a pattern can start with: exact stems and prefixes ("suicid*"); undefined when it can start anywhere. */
export interface FirstWords {
  exact: Set<string>;
  prefixes: string[];
}

export class PatternCompiler {
  private readonly concepts = new Map<string, string>();
  private readonly compiling = new Set<string>();

  constructor(
    private readonly normaliser: SafetyNormaliser,
    private readonly conceptSources: Map<string, string[]>,
  ) {}

  /** A regular expression over " stem stem … " for one pattern. */
  compile(source: string): RegExp {
    return new RegExp(` (${this.body(source)})`, 'u');
  }

  /**
   * The words a pattern can start with, so that a sign whose patterns cannot start at any word of a clause is not run on
   * it (the triage's cost is mostly these expressions). Undefined when the pattern can start with a gap.
   */
  firstWords(source: string): FirstWords | undefined {
    const out: FirstWords = { exact: new Set(), prefixes: [] };
    return this.firsts(lex(source), { pos: 0 }, out, new Set()) === 'anchored' ? out : undefined;
  }

  /** Adds the first words of a sequence (up to ")" or the end) to `out`; 'open' if it may start with a gap or be empty. */
  private firsts(toks: Tok[], at: { pos: number }, out: FirstWords, seen: Set<string>): 'anchored' | 'open' {
    let result: 'anchored' | 'open' = 'anchored';
    let done = false;
    let depth = 0;
    for (;;) {
      const t = toks[at.pos];
      if (!t || (t.kind === ')' && depth === 0)) break;
      at.pos++;
      if (done && depth > 0) {
        // Skipping the rest of an alternative: inside a nested group, its "|" and ")" are its own.
        if (t.kind === '(') depth++;
        else if (t.kind === ')') depth--;
        continue;
      }
      if (t.kind === '|') {
        if (!done) result = 'open';
        done = false;
        continue;
      }
      if (done) {
        if (t.kind === '(') depth++;
        continue;
      }
      let unit: 'anchored' | 'open';
      if (t.kind === '(') {
        unit = this.firsts(toks, at, out, seen);
        at.pos++;
      } else if (t.kind === 'concept') unit = this.conceptFirsts(t.value, out, seen);
      else if (t.kind === 'word') unit = this.wordFirst(t.value, out);
      else unit = 'open';
      const optional = toks[at.pos]?.kind === '?';
      if (optional) at.pos++;
      if (t.kind === 'gap') {
        result = 'open';
        done = true;
      } else if (unit === 'anchored' && !optional) done = true;
    }
    return done ? result : 'open';
  }

  private conceptFirsts(name: string, out: FirstWords, seen: Set<string>): 'anchored' | 'open' {
    if (seen.has(name)) return 'open';
    seen.add(name);
    let result: 'anchored' | 'open' = 'anchored';
    for (const phrase of this.conceptSources.get(name) ?? []) if (this.firsts(lex(phrase), { pos: 0 }, out, seen) === 'open') result = 'open';
    return result;
  }

  private wordFirst(raw: string, out: FirstWords): 'anchored' | 'open' {
    if (raw.endsWith('*')) {
      const prefix = raw.slice(0, -1).toLowerCase().replace(/'/g, '');
      const stemmed = prefixStem(this.normaliser, prefix);
      out.prefixes.push(prefix.startsWith(stemmed) ? stemmed : prefix);
      return 'anchored';
    }
    const words = this.normaliser.words(raw);
    if (words.length === 0) return 'open';
    out.exact.add(this.normaliser.stemOf(words[0]));
    return 'anchored';
  }

  private concept(name: string): string {
    const done = this.concepts.get(name);
    if (done) return done;
    const phrases = this.conceptSources.get(name);
    if (!phrases) throw new PatternError(`unknown group {${name}}`);
    if (this.compiling.has(name)) throw new PatternError(`group {${name}} refers to itself`);
    this.compiling.add(name);
    // (stemming makes some phrases one: "sore" and "sores"; a repeated alternative only costs a second try)
    const body = `(?:${[...new Set(phrases.map((p) => this.body(p)))].join('|')})`;
    this.compiling.delete(name);
    this.concepts.set(name, body);
    return body;
  }

  private body(source: string): string {
    const toks = lex(source);
    let pos = 0;
    const sequence = (): string => {
      const alts: string[] = [];
      let cur = '';
      for (;;) {
        const t = toks[pos];
        if (!t || t.kind === ')') break;
        pos++;
        if (t.kind === '|') {
          alts.push(cur);
          cur = '';
          continue;
        }
        let unit: string;
        if (t.kind === '(') {
          unit = `(?:${sequence()})`;
          if (toks[pos]?.kind !== ')') throw new PatternError('missing ")"');
          pos++;
        } else if (t.kind === 'concept') unit = this.concept(t.value);
        else if (t.kind === 'gap') unit = `${GAP_WORD}{0,${t.value}}`;
        else if (t.kind === 'word') unit = this.word(t.value);
        else if (t.kind === '$') unit = '$';
        else throw new PatternError(`unexpected "${t.kind}"`);
        if (toks[pos]?.kind === '?') {
          pos++;
          unit = `(?:${unit})?`;
        }
        cur += unit;
      }
      alts.push(cur);
      if (alts.some((a) => a === '')) throw new PatternError('empty alternative');
      return alts.length > 1 ? `(?:${alts.join('|')})` : alts[0];
    };
    const out = sequence();
    if (pos < toks.length) throw new PatternError('unbalanced ")"');
    return out;
  }

  private word(raw: string): string {
    if (raw.endsWith('*')) {
      // Messages are matched as stems ("needle" is "needl"), so a prefix is cut back to its own stem when that is shorter.
      const prefix = raw.slice(0, -1).toLowerCase().replace(/'/g, '');
      const stemmed = prefixStem(this.normaliser, prefix);
      return `${escape(prefix.startsWith(stemmed) ? stemmed : prefix)}\\S* `;
    }
    const words = this.normaliser.words(raw);
    if (words.length === 0) throw new PatternError(`"${raw}" has no letters`);
    return words.map((w) => `${escape(this.normaliser.stemOf(w))} `).join('');
  }
}

/** A prefix's own stem ("needle" -> "needl"), but never with a last "s" taken as a plural ("overdos*" is not "overdo"). */
function prefixStem(normaliser: { stemOf(word: string): string }, prefix: string): string {
  return prefix.endsWith('s') && !prefix.endsWith('ss') ? prefix : normaliser.stemOf(prefix);
}
