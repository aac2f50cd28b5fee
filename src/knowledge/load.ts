/**
 * Loads knowledge/ and validates it. Any problem is a KnowledgeError that names the file and the
 * field, and the bot refuses to start: a clinic that mistypes a file finds out at once, not from a patient.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TreatmentId } from '../nlu/analyse';
import { loadSafety } from '../safety/load';
import {
  Answer,
  CLAIM_IDS,
  CLAIM_PLACEHOLDERS,
  ClaimId,
  CLINIC_FIELDS,
  ClinicDetails,
  Condition,
  DescriptionWords,
  Knowledge,
  NotCoveredWords,
  Passage,
  PASSAGE_ROLES,
  PassageRole,
  Topic,
  TOPIC_REQUIREMENTS,
  TrainingUtterance,
  TreatmentWords,
} from './types';

export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field}: ${detail}`);
    this.name = 'KnowledgeError';
  }
}

const MIN_EXAMPLES_PER_INTENT = 5;

/** The article ends with "Please turn on Javascript!" in several languages: page noise, not knowledge. */
export function stripPageNoise(article: string): string {
  return article
    .split(/\r?\n/)
    .filter((line) => !/javascript/i.test(line))
    .join('\n')
    .trim();
}

function comparable(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function readJson(dir: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch {
    throw new KnowledgeError(file, '(file)', 'missing or unreadable');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new KnowledgeError(file, '(file)', `not valid JSON: ${(err as Error).message}`);
  }
}

function obj(value: unknown, file: string, field: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new KnowledgeError(file, field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function str(value: unknown, file: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new KnowledgeError(file, field, 'must be a non-empty string');
  }
  return value.trim();
}

function strList(value: unknown, file: string, field: string, allowEmpty = false): string[] {
  if (value === undefined && allowEmpty) return [];
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
    throw new KnowledgeError(file, field, allowEmpty ? 'must be a list of strings' : 'must be a non-empty list of strings');
  }
  return value.map((v, i) => str(v, file, `${field}[${i}]`));
}

function loadClinic(dir: string): ClinicDetails {
  const file = 'clinic.json';
  const data = obj(readJson(dir, file), file, '(root)');
  const keys = CLINIC_FIELDS;
  const clinic = {} as ClinicDetails;
  for (const key of keys) clinic[key] = str(data[key], file, key);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(clinic.email)) throw new KnowledgeError(file, 'email', 'is not an email address');
  if (!/^https?:\/\/\S+$/.test(clinic.bookingUrl)) throw new KnowledgeError(file, 'bookingUrl', 'must start with http:// or https://');
  return clinic;
}

function aliasKey(alias: string): string {
  return comparable(alias).replace(/[^a-z0-9 ]/g, '');
}

function loadConditions(dir: string, article: string): { conditions: Condition[]; listSources: Record<TreatmentId, string>; descriptions: DescriptionWords } {
  const file = 'conditions.json';
  const data = obj(readJson(dir, file), file, '(root)');
  const conditions: Condition[] = [];
  const listSources = {} as Record<TreatmentId, string>;
  const seen = new Map<string, string>();
  for (const list of ['dryNeedling', 'acupuncture'] as TreatmentId[]) {
    const group = obj(data[list], file, list);
    listSources[list] = str(group.source, file, `${list}.source`);
    if (!comparable(article).includes(comparable(listSources[list]))) {
      throw new KnowledgeError(file, `${list}.source`, 'is not found word for word in article.txt');
    }
    if (!Array.isArray(group.conditions) || group.conditions.length === 0) {
      throw new KnowledgeError(file, `${list}.conditions`, 'must be a non-empty list');
    }
    group.conditions.forEach((raw, i) => {
      const field = `${list}.conditions[${i}]`;
      const c = obj(raw, file, field);
      const name = str(c.name, file, `${field}.name`);
      if (!comparable(article).includes(comparable(name))) {
        throw new KnowledgeError(file, `${field}.name`, `"${name}" is not found in article.txt (names must be as the article lists them)`);
      }
      const aliases = strList(c.aliases, file, `${field}.aliases`);
      const narrower = strList(c.narrower, file, `${field}.narrower`, true);
      const broader = strList(c.broader, file, `${field}.broader`, true);
      for (const [what, words] of [['aliases', aliases], ['narrower', narrower], ['broader', broader]] as const) {
        for (const alias of words) {
          const key = aliasKey(alias);
          const owner = seen.get(key);
          if (owner && owner !== name) throw new KnowledgeError(file, `${field}.${what}`, `"${alias}" is also an alias of "${owner}"`);
          if (owner && what !== 'aliases') throw new KnowledgeError(file, `${field}.${what}`, `"${alias}" is also one of its aliases`);
          seen.set(key, name);
        }
      }
      if (c.alsoDryNeedling !== undefined && typeof c.alsoDryNeedling !== 'boolean') {
        throw new KnowledgeError(file, `${field}.alsoDryNeedling`, 'must be true or false');
      }
      conditions.push({
        name,
        aliases,
        excludes: strList(c.excludes, file, `${field}.excludes`, true),
        list,
        alsoDryNeedling: c.alsoDryNeedling === true,
        narrower,
        broader,
        bodyParts: strList(c.bodyParts, file, `${field}.bodyParts`, true),
        cues: strList(c.cues, file, `${field}.cues`, true),
        anyBodyPartCues: strList(c.anyBodyPartCues, file, `${field}.anyBodyPartCues`, true),
        requiresCue: c.requiresCue === true,
        outranksBodyParts: c.outranksBodyParts === true,
        broad: c.broad === true,
      });
    });
  }
  const descriptions = {
    symptoms: strList(data.symptomWords, file, 'symptomWords'),
    unlistedBodyParts: strList(data.unlistedBodyParts, file, 'unlistedBodyParts', true),
    diagnoses: strList(data.diagnoses ?? [], file, 'diagnoses', true),
    otherComplaints: strList(data.otherComplaints ?? [], file, 'otherComplaints', true),
  };
  const aliases = new Set(conditions.flatMap((c) => [...c.aliases, ...c.narrower, ...c.broader, ...c.excludes].map((a) => a.toLowerCase())));
  for (const field of ['diagnoses', 'otherComplaints'] as const)
    for (const d of descriptions[field])
      if (aliases.has(d.toLowerCase())) throw new KnowledgeError(file, field, `"${d}" is also a condition's alias, narrower word or exclusion`);
  return { conditions, listSources, descriptions };
}

function loadTreatments(dir: string): Record<TreatmentId, TreatmentWords> {
  const file = 'treatments.json';
  const data = obj(readJson(dir, file), file, '(root)');
  const treatments = {} as Record<TreatmentId, TreatmentWords>;
  const seen = new Map<string, string>();
  for (const id of ['acupuncture', 'dryNeedling'] as TreatmentId[]) {
    const t = obj(data[id], file, id);
    const words = {
      aliases: strList(t.aliases, file, `${id}.aliases`),
      weakAliases: strList(t.weakAliases, file, `${id}.weakAliases`, true),
      concepts: strList(t.concepts, file, `${id}.concepts`, true),
    };
    for (const [what, list] of Object.entries(words)) {
      for (const w of list) {
        const owner = seen.get(aliasKey(w));
        if (owner && owner !== id) throw new KnowledgeError(file, `${id}.${what}`, `"${w}" also belongs to ${owner}`);
        seen.set(aliasKey(w), id);
      }
    }
    treatments[id] = words;
  }
  return treatments;
}

function loadNotCovered(dir: string): NotCoveredWords {
  const file = 'treatments.json';
  const data = obj(readJson(dir, file), file, '(root)');
  return {
    otherServices: strList(data.otherServices ?? [], file, 'otherServices', true),
    medicines: strList(data.medicines ?? [], file, 'medicines', true),
  };
}

function loadPassages(raw: unknown, article: string, file: string): Passage[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new KnowledgeError(file, 'passages', 'must be a list');
  const passages: Passage[] = raw.map((value, i) => {
    const field = `passages[${i}]`;
    const p = obj(value, file, field);
    const treatment = str(p.treatment, file, `${field}.treatment`);
    if (treatment !== 'acupuncture' && treatment !== 'dryNeedling' && treatment !== 'both') {
      throw new KnowledgeError(file, `${field}.treatment`, 'must be "acupuncture", "dryNeedling" or "both"');
    }
    const answer = loadAnswer(p, article, file, field);
    const counterpart = p.counterpart === undefined ? undefined : str(p.counterpart, file, `${field}.counterpart`);
    const covers = strList(p.covers, file, `${field}.covers`, true);
    const roles = loadRoles(p.roles, file, `${field}.roles`);
    return {
      id: str(p.id, file, `${field}.id`),
      treatment,
      text: answer.text,
      sources: answer.sources,
      cues: strList(p.cues, file, `${field}.cues`),
      ...(covers.length ? { covers } : {}),
      ...(counterpart ? { counterpart } : {}),
      ...(roles.length ? { roles } : {}),
    };
  });
  for (const [i, p] of passages.entries()) {
    if (p.counterpart && !passages.some((q) => q.id === p.counterpart)) throw new KnowledgeError(file, `passages[${i}].counterpart`, `no passage "${p.counterpart}"`);
    // (one passage per role and treatment: "which is older?" must not depend on the order of the file)
    const twin = passages.find((q, j) => j < i && q.treatment === p.treatment && (q.roles ?? []).some((r) => p.roles?.includes(r)));
    if (twin) throw new KnowledgeError(file, `passages[${i}].roles`, `passage "${twin.id}" already has that role for ${p.treatment}`);
  }
  return passages;
}

function loadRoles(raw: unknown, file: string, field: string): PassageRole[] {
  const roles = strList(raw, file, field, true);
  const unknown = roles.find((r) => !(PASSAGE_ROLES as readonly string[]).includes(r));
  if (unknown) throw new KnowledgeError(file, field, `unknown role "${unknown}" (known: ${PASSAGE_ROLES.join(', ')})`);
  return roles as PassageRole[];
}

function loadAnswer(value: unknown, article: string, file: string, field: string): Answer {
  const a = obj(value, file, field);
  const sources = strList(a.sources, file, `${field}.sources`);
  sources.forEach((s, i) => {
    if (!comparable(article).includes(comparable(s))) {
      throw new KnowledgeError(file, `${field}.sources[${i}]`, 'is not found word for word in article.txt');
    }
  });
  if (a.listConditions !== undefined && typeof a.listConditions !== 'boolean') {
    throw new KnowledgeError(file, `${field}.listConditions`, 'must be true or false');
  }
  return { text: str(a.text, file, `${field}.text`), sources, listConditions: a.listConditions === true };
}

function loadTopics(dir: string, article: string): Record<string, Topic> {
  const file = 'answers.json';
  const data = obj(readJson(dir, file), file, '(root)');
  const topicsRaw = obj(data.topics, file, 'topics');
  const topics: Record<string, Topic> = {};
  for (const [id, required] of Object.entries(TOPIC_REQUIREMENTS)) {
    const t = obj(topicsRaw[id], file, `topics.${id}`);
    const topic: Topic = { title: str(t.title, file, `topics.${id}.title`) };
    for (const key of ['acupuncture', 'dryNeedling', 'both'] as const) {
      if (t[key] !== undefined) topic[key] = loadAnswer(t[key], article, file, `topics.${id}.${key}`);
    }
    for (const key of required) {
      if (!topic[key]) throw new KnowledgeError(file, `topics.${id}.${key}`, 'is required');
    }
    topics[id] = topic;
  }
  for (const id of Object.keys(topicsRaw)) {
    if (!(id in TOPIC_REQUIREMENTS)) throw new KnowledgeError(file, `topics.${id}`, `unknown topic (known: ${Object.keys(TOPIC_REQUIREMENTS).join(', ')})`);
  }
  return topics;
}

function loadClaims(dir: string, article: string): Record<ClaimId, Answer> {
  const file = 'answers.json';
  const data = obj(readJson(dir, file), file, '(root)');
  const raw = obj(data.claims, file, 'claims');
  const claims = {} as Record<ClaimId, Answer>;
  for (const id of CLAIM_IDS) {
    const claim = loadAnswer(raw[id], article, file, `claims.${id}`);
    for (const [, name] of claim.text.matchAll(/\{(\w+)\}/g)) {
      if (!(CLAIM_PLACEHOLDERS as readonly string[]).includes(name)) {
        throw new KnowledgeError(file, `claims.${id}.text`, `unknown placeholder {${name}} (known: ${CLAIM_PLACEHOLDERS.join(', ')})`);
      }
    }
    claims[id] = claim;
  }
  for (const id of Object.keys(raw)) {
    if (!(CLAIM_IDS as readonly string[]).includes(id)) throw new KnowledgeError(file, `claims.${id}`, `unknown claim (known: ${CLAIM_IDS.join(', ')})`);
  }
  return claims;
}

/** Training lines: one utterance per line, '#' starts a comment line. */
export function parseTrainingFile(text: string, intent: string): TrainingUtterance[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => ({ text: line, intent }));
}

function loadTraining(dir: string): TrainingUtterance[] {
  const folder = 'intents';
  let files: string[];
  try {
    files = readdirSync(join(dir, folder)).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    throw new KnowledgeError(folder, '(folder)', 'missing');
  }
  const training: TrainingUtterance[] = [];
  for (const f of files) {
    const intent = f.replace(/\.txt$/, '');
    if (!/^[a-z][a-z0-9_]*$/.test(intent)) {
      throw new KnowledgeError(`${folder}/${f}`, '(file name)', `"${intent}" is not an intent name (lower case letters, digits and _)`);
    }
    const lines = parseTrainingFile(readFileSync(join(dir, folder, f), 'utf8'), intent);
    if (lines.length < MIN_EXAMPLES_PER_INTENT) {
      throw new KnowledgeError(`${folder}/${f}`, '(lines)', `needs at least ${MIN_EXAMPLES_PER_INTENT} example questions, has ${lines.length}`);
    }
    training.push(...lines);
  }
  return training;
}

function hashFiles(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else {
        hash.update(path);
        hash.update(readFileSync(join(dir, path)));
      }
    }
  };
  walk('');
  return hash.digest('hex');
}

export function loadKnowledge(dir: string): Knowledge {
  let articleRaw: string;
  try {
    articleRaw = readFileSync(join(dir, 'article.txt'), 'utf8');
  } catch {
    throw new KnowledgeError('article.txt', '(file)', 'missing or unreadable');
  }
  const article = stripPageNoise(articleRaw);
  if (!article) throw new KnowledgeError('article.txt', '(file)', 'is empty');
  const { conditions, listSources, descriptions } = loadConditions(dir, article);
  return {
    dir,
    clinic: loadClinic(dir),
    conditions,
    listSources,
    treatments: loadTreatments(dir),
    notCovered: loadNotCovered(dir),
    descriptions,
    passages: loadPassages(obj(readJson(dir, 'answers.json'), 'answers.json', '(root)').passages, article, 'answers.json'),
    topics: loadTopics(dir, article),
    claims: loadClaims(dir, article),
    safety: loadSafety(dir, (file, field, detail) => {
      throw new KnowledgeError(file, field, detail);
    }),
    training: loadTraining(dir),
    article,
    hash: hashFiles(dir),
  };
}
