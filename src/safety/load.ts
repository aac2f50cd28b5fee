/**
 * Loads knowledge/safety/ (tiers.json, lexicon.json, signs.json, examples/*.txt) and validates it, so a
 * clinic that mistypes a pattern or a tier finds out when the bot starts, not from a patient. Errors go
 * through `fail` (the knowledge loader turns them into its KnowledgeError, naming the file and field).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnglish } from '../nlu/english';
import { SafetyNormaliser } from './normalise';
import { PatternCompiler, PatternError } from './patterns';
import { Lexicon, SafetyKnowledge, Sign, Tier, TierInfo, TIERS } from './types';

export type Fail = (file: string, field: string, detail: string) => never;

const PLACEHOLDERS = new Set(['emergencyNumber', 'crisisLine', 'phone', 'email', 'name']);
const MIN_EXAMPLES = 5;

function readJson(dir: string, file: string, fail: Fail): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch {
    return fail(file, '(file)', 'missing or unreadable');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(file, '(file)', `not valid JSON: ${(err as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail(file, '(root)', 'must be an object');
  return data as Record<string, unknown>;
}

function text(value: unknown, file: string, field: string, fail: Fail, placeholders = true): string {
  if (typeof value !== 'string' || !value.trim()) return fail(file, field, 'must be a non-empty string');
  for (const m of placeholders ? value.matchAll(/\{(\w+)\}/g) : []) {
    if (!PLACEHOLDERS.has(m[1])) fail(file, field, `unknown placeholder {${m[1]}} (known: ${[...PLACEHOLDERS].join(', ')})`);
  }
  return value.trim();
}

function texts(value: unknown, file: string, field: string, fail: Fail, placeholders = true): string[] {
  if (!Array.isArray(value) || value.length === 0) return fail(file, field, 'must be a non-empty list of strings');
  return value.map((v, i) => text(v, file, `${field}[${i}]`, fail, placeholders));
}

function loadTiers(dir: string, fail: Fail): Record<Tier, TierInfo> {
  const file = 'safety/tiers.json';
  const data = readJson(dir, file, fail);
  if (!Array.isArray(data.tiers)) return fail(file, 'tiers', 'must be a list');
  const out = {} as Record<Tier, TierInfo>;
  data.tiers.forEach((raw: Record<string, unknown>, i: number) => {
    const f = `tiers[${i}]`;
    if (!raw || typeof raw !== 'object') fail(file, f, 'must be an object');
    const id = raw.id as Tier;
    if (!TIERS.includes(id)) fail(file, `${f}.id`, `must be one of ${TIERS.join(', ')}`);
    if (out[id]) fail(file, `${f}.id`, `"${id}" is listed twice`);
    out[id] = {
      id,
      label: text(raw.label, file, `${f}.label`, fail),
      guidance: text(raw.guidance, file, `${f}.guidance`, fail),
      ifItHappens: text(raw.ifItHappens, file, `${f}.ifItHappens`, fail),
      safetyNet: raw.safetyNet === undefined ? undefined : text(raw.safetyNet, file, `${f}.safetyNet`, fail),
      reasoning: text(raw.reasoning, file, `${f}.reasoning`, fail),
      examples: texts(raw.examples, file, `${f}.examples`, fail),
    };
  });
  for (const t of TIERS) if (!out[t]) fail(file, 'tiers', `tier "${t}" is missing`);
  if (!out.emergency.guidance.includes('{emergencyNumber}')) fail(file, 'tiers.emergency.guidance', 'must give {emergencyNumber}');
  if (!out.crisis.guidance.includes('{crisisLine}') || !out.crisis.guidance.includes('{emergencyNumber}')) {
    fail(file, 'tiers.crisis.guidance', 'must give {emergencyNumber} and {crisisLine}');
  }
  return out;
}

function wordMap(value: unknown, file: string, field: string, fail: Fail): Map<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(file, field, 'must be an object of word: replacement');
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(value)) {
    if (!/^[\p{L}\p{N}]+('[\p{L}]+)?$/u.test(k))
      fail(file, `${field}.${k}`, 'keys must be single lower-case words (an apostrophe only where it matters)');
    if (typeof v !== 'string' || !v.trim()) fail(file, `${field}.${k}`, 'must be a non-empty string');
    out.set(k.toLowerCase(), (v as string).trim().toLowerCase());
  }
  return out;
}

/** At most this many phrases from one idiom with alternatives (a typo in a group should not build a huge expression). */
const MAX_IDIOM_PHRASES = 2000;

/**
 * An idiom's phrases: "(give|gives|gave) (me|him|) a (heart attack|stroke)" is every choice from each group, in order
 * (an empty choice leaves the word out), so one line covers the forms a patient may write. Groups do not nest.
 */
export function expandAlternatives(phrase: string, fail: (why: string) => never): string[] {
  let out = [''];
  for (const part of phrase.split(/(\([^()]*\))/)) {
    if (/[()]/.test(part) && !/^\([^()]*\)$/.test(part)) fail('has an unbalanced or nested "(" group');
    // ("(my|the)?" would be matched as the letters "?": an optional word is an empty choice, "(my|the|)")
    if (part.includes('?')) fail('uses "?": write an optional word as an empty choice, (my|the|)');
    const choices = part.startsWith('(') ? part.slice(1, -1).split('|') : [part];
    out = out.flatMap((head) => choices.map((c) => head + c));
    if (out.length > MAX_IDIOM_PHRASES) fail(`expands to more than ${MAX_IDIOM_PHRASES} phrases`);
  }
  return out.map((p) => p.split(/\s+/).filter(Boolean).join(' ')).filter(Boolean);
}

function loadLexicon(dir: string, fail: Fail): Lexicon {
  const file = 'safety/lexicon.json';
  const data = readJson(dir, file, fail);
  const replace = new Map([...wordMap(data.replace, file, 'replace', fail)].map(([k, v]) => [k, v.split(/\s+/)]));
  const forms = wordMap(data.forms, file, 'forms', fail);
  const idiomsRaw = data.idioms ?? {};
  if (!idiomsRaw || typeof idiomsRaw !== 'object' || Array.isArray(idiomsRaw)) fail(file, 'idioms', 'must be an object of phrase: replacement');
  const idioms = Object.entries(idiomsRaw as Record<string, unknown>)
    .map(([k, v]): [string, string] => [
      k.toLowerCase().trim(),
      typeof v === 'string' ? v.toLowerCase().trim() : fail(file, `idioms.${k}`, 'must be a string'),
    ])
    .flatMap(([k, v]): Array<[string, string[]]> =>
      expandAlternatives(k, (why) => fail(file, `idioms.${k}`, why)).map((phrase) => [phrase, v.split(/\s+/).filter(Boolean)]),
    );
  if (!Array.isArray(data.keep)) fail(file, 'keep', 'must be a list of words');
  const keep = new Set(
    (data.keep as unknown[]).map((w, i) => (typeof w === 'string' ? w.toLowerCase() : fail(file, `keep[${i}]`, 'must be a word'))),
  );
  const unstemmedRaw = data.unstemmed ?? [];
  if (!Array.isArray(unstemmedRaw)) fail(file, 'unstemmed', 'must be a list of words');
  const unstemmed = new Set(
    (unstemmedRaw as unknown[]).map((w, i) => (typeof w === 'string' ? w.toLowerCase() : fail(file, `unstemmed[${i}]`, 'must be a word'))),
  );
  const conceptsRaw = data.concepts;
  if (!conceptsRaw || typeof conceptsRaw !== 'object' || Array.isArray(conceptsRaw))
    return fail(file, 'concepts', 'must be an object of name: [phrases]');
  const listed = new Map<string, string[]>();
  for (const [name, phrases] of Object.entries(conceptsRaw)) {
    if (!/^[a-z_]+$/.test(name)) fail(file, `concepts.${name}`, 'names are lower-case letters and _');
    listed.set(name, texts(phrases, file, `concepts.${name}`, fail, false));
  }
  const concepts = new Map([...listed.keys()].map((name) => [name, withIncluded(name, listed, [], (why) => fail(file, `concepts.${name}`, why))]));
  return { replace, idioms, forms, concepts, keep, unstemmed };
}

/**
 * A concept's phrases with the concepts it includes ("{ingeststrong}" in "ingest": every verb that puts something in the
 * body, and "took", "had"…) put in their place, so a narrower group and the broader one that holds it are written once.
 */
function withIncluded(name: string, listed: Map<string, string[]>, path: string[], fail: (why: string) => never): string[] {
  if (path.includes(name)) fail(`includes itself through ${[...path, name].join(' -> ')}`);
  return listed.get(name)!.flatMap((phrase) => {
    const included = /^\{([a-z_]+)\}$/.exec(phrase)?.[1];
    if (!included) return [phrase];
    if (!listed.has(included)) fail(`includes an unknown concept {${included}}`);
    return withIncluded(included, listed, [...path, name], fail);
  });
}

interface RawSign {
  id: string;
  theme: string;
  tier?: Tier;
  caution?: string;
  extra?: string;
  inDoubt: boolean;
  /** Patterns that, anywhere in the message, mean the sign's words have their everyday meaning ("on holiday"). */
  unless: string[];
  /** Patterns that, anywhere in the message, keep the sign though an 'unless' matched ("on purpose": no accident at work). */
  despite: string[];
  patterns: string[];
  /** Patterns that count only when the message says a session happened (sessionLink). */
  afterSession: string[];
  /** Another sign's id: this sign's patterns count only when that sign is mentioned too. */
  requires?: string;
}

function loadRawSigns(dir: string, fail: Fail): { signs: RawSign[]; sessionLink: string[] } {
  const file = 'safety/signs.json';
  const data = readJson(dir, file, fail);
  const sessionLink = texts(data.sessionLink, file, 'sessionLink', fail, false);
  return { signs: readSigns(data, file, fail), sessionLink };
}

function readSigns(data: Record<string, unknown>, file: string, fail: Fail): RawSign[] {
  if (!Array.isArray(data.signs) || data.signs.length === 0) return fail(file, 'signs', 'must be a non-empty list');
  const ids = new Set<string>();
  const signs: RawSign[] = data.signs.map((raw: Record<string, unknown>, i: number) => {
    const f = `signs[${i}]`;
    const id = text(raw.id, file, `${f}.id`, fail);
    if (ids.has(id)) fail(file, `${f}.id`, `"${id}" is listed twice`);
    ids.add(id);
    const tier = raw.tier === undefined ? undefined : (raw.tier as Tier);
    if (tier !== undefined && !TIERS.includes(tier))
      fail(file, `${f}.tier`, `must be one of ${TIERS.join(', ')} (or left out for a caution-only sign)`);
    const caution = raw.caution === undefined ? undefined : text(raw.caution, file, `${f}.caution`, fail);
    // (a sign that another sign requires may be a condition only: "medicine_named" for "eaten most of them")
    const required = (data.signs as Array<Record<string, unknown>>).some((other) => other?.requires === id);
    if (!tier && !caution && !required) fail(file, f, 'a sign without a tier needs a caution note, unless another sign requires it');
    return {
      id,
      theme: text(raw.theme, file, `${f}.theme`, fail),
      tier,
      caution,
      extra: raw.extra === undefined ? undefined : text(raw.extra, file, `${f}.extra`, fail),
      inDoubt: raw.inDoubt === true,
      unless: raw.unless === undefined ? [] : texts(raw.unless, file, `${f}.unless`, fail, false),
      despite: raw.despite === undefined ? [] : texts(raw.despite, file, `${f}.despite`, fail, false),
      patterns: texts(raw.patterns, file, `${f}.patterns`, fail, false),
      afterSession: raw.afterSession === undefined ? [] : texts(raw.afterSession, file, `${f}.afterSession`, fail, false),
      requires: raw.requires === undefined ? undefined : text(raw.requires, file, `${f}.requires`, fail),
    };
  });
  for (const [i, s] of signs.entries())
    if (s.requires && !ids.has(s.requires)) fail(file, `signs[${i}].requires`, `"${s.requires}" is not a sign's id`);
  return signs;
}

function loadExamples(dir: string, fail: Fail): SafetyKnowledge['examples'] {
  const folder = 'safety/examples';
  let files: string[];
  try {
    files = readdirSync(join(dir, folder))
      .filter((f) => f.endsWith('.txt'))
      .sort();
  } catch {
    return fail(folder, '(folder)', 'missing');
  }
  const out: SafetyKnowledge['examples'] = [];
  for (const f of files) {
    const lines = readFileSync(join(dir, folder, f), 'utf8').split(/\r?\n/);
    const header = lines.find((l) => /^#\s*tier:/i.test(l));
    const label = header?.replace(/^#\s*tier:\s*/i, '').trim() as Tier | 'none' | undefined;
    if (!label || (label !== 'none' && !TIERS.includes(label))) fail(`${folder}/${f}`, '(header)', `needs a "# tier: ${TIERS.join('|')}|none" line`);
    const theme = f.replace(/\.txt$/, '');
    const examples = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (examples.length < MIN_EXAMPLES) fail(`${folder}/${f}`, '(lines)', `needs at least ${MIN_EXAMPLES} examples, has ${examples.length}`);
    for (const t of examples) out.push({ text: t, label: label!, theme });
  }
  return out;
}

/** Every word the signs, groups and examples use: the typo corrector corrects towards these. */
export function safetyVocabulary(lexicon: Lexicon, signs: Array<{ patterns: string[] }>, examples: Array<{ text: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (t: string, englishOnly = false) => {
    for (const m of t.toLowerCase().matchAll(/[\p{L}]+(?:'[\p{L}]+)*/gu)) {
      const w = m[0].replace(/'/g, '');
      for (const x of lexicon.replace.get(w) ?? [w]) {
        // Examples are written as patients write ("wrds", "cuting"): their misspellings are not words to correct towards.
        if (englishOnly && !counts.has(x) && !isEnglish(x)) continue;
        counts.set(x, (counts.get(x) ?? 0) + 1);
      }
    }
  };
  for (const phrases of lexicon.concepts.values()) phrases.forEach((p) => add(p));
  for (const s of signs) s.patterns.forEach((p) => add(p));
  for (const e of examples) add(e.text, true);
  for (const v of lexicon.forms.values()) add(v);
  return counts;
}

export function loadSafety(dir: string, fail: Fail): SafetyKnowledge {
  const tiers = loadTiers(dir, fail);
  const lexicon = loadLexicon(dir, fail);
  const raw = loadRawSigns(dir, fail);
  const examples = loadExamples(dir, fail);
  const all = [...raw.signs.map((s) => ({ patterns: [...s.patterns, ...s.afterSession, ...s.unless, ...s.despite] })), { patterns: raw.sessionLink }];
  const normaliser = new SafetyNormaliser(lexicon, safetyVocabulary(lexicon, all, examples));
  const compiler = new PatternCompiler(normaliser, lexicon.concepts);
  const file = 'safety/signs.json';
  const compileAll = (sources: string[], where: string): RegExp[] =>
    sources.map((p, j) => {
      try {
        return compiler.compile(p);
      } catch (err) {
        if (err instanceof PatternError) return fail(file, `${where}[${j}]`, `not a valid pattern: ${err.message}`);
        throw err;
      }
    });
  const oneOf = (bodies: RegExp[]) => new RegExp(bodies.map((b) => b.source).join('|'), 'u');
  const signs: Sign[] = raw.signs.map((s, i) => {
    const bodies = compileAll(s.patterns, `signs[${i}].patterns`);
    const afterSession = compileAll(s.afterSession, `signs[${i}].afterSession`);
    const unless = compileAll(s.unless, `signs[${i}].unless`);
    const despite = compileAll(s.despite, `signs[${i}].despite`);
    return {
      id: s.id,
      theme: s.theme,
      tier: s.tier,
      caution: s.caution,
      extra: s.extra,
      inDoubt: s.inDoubt,
      unless: unless.length ? oneOf(unless) : undefined,
      despite: despite.length ? oneOf(despite) : undefined,
      patterns: bodies,
      sources: s.patterns,
      matcher: oneOf(bodies),
      firstWords: s.patterns.map((source) => compiler.firstWords(source)),
      sessionMatcher: afterSession.length ? oneOf(afterSession) : undefined,
      sessionSources: s.afterSession,
      requires: s.requires,
    };
  });
  const sessionLink = oneOf(compileAll(raw.sessionLink, 'sessionLink'));
  return { tiers, lexicon, signs, examples, sessionLink };
}
