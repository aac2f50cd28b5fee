/**
 * "Patients' own words" reply cases: each case is one conversation (one or more turns), and each turn says
 * what a correct reply must do: its outcome, the condition and treatment it is about, facts it must state
 * (groups of alternative phrasings) and claims it must not make (regular expressions). The cases run end to
 * end through the whole bot (LocalConversation: adapter, middleware and bot as on /api/messages), never
 * through the classifier alone, so they measure what a patient would read.
 */
import { readFileSync } from 'node:fs';
import { MemoryStorage } from 'botbuilder';
import type { Knowledge } from '../knowledge/types';
import { LocalConversation, TurnResult } from '../bot/localConversation';
import type { Recognizes } from '../bot/turnRecognizer';
import type { Outcome } from '../turn/record';

export type CaseOutcome = 'answered' | 'clarify' | 'declined' | 'handoff' | 'urgent';

export interface TurnExpectation {
  /** Acceptable outcomes; absent: any outcome (a turn that only moves the conversation on). */
  outcome?: CaseOutcome[];
  /** The condition's name as the article lists it. */
  condition?: string;
  treatment?: 'acupuncture' | 'dry needling';
  /** Each group: at least one of its phrasings appears in the reply (case-insensitive). */
  mustInclude?: string[][];
  /** Each: a case-insensitive regular expression the reply must not match. */
  mustNotMatch?: string[];
}

export interface ReplyCase {
  id: string;
  theme: string;
  turns: Array<{ user: string; expect: TurnExpectation }>;
}

export interface TurnFailure {
  turn: number;
  user: string;
  problems: string[];
  reply: string;
  outcome: CaseOutcome;
  intent?: string;
}

export interface CaseResult {
  id: string;
  theme: string;
  passed: boolean;
  failures: TurnFailure[];
}

/** Reads and checks a case file: a JSON array of cases; a malformed case is an error naming it. */
export function readReplyCases(path: string): ReplyCase[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a JSON array of cases`);
  return raw.map((c, i) => {
    const rc = c as ReplyCase;
    const where = `${path}: case ${rc?.id ?? i}`;
    if (!rc || typeof rc.id !== 'string' || typeof rc.theme !== 'string' || !Array.isArray(rc.turns) || rc.turns.length === 0) {
      throw new Error(`${where}: needs id, theme and turns`);
    }
    for (const t of rc.turns) {
      if (typeof t.user !== 'string' || !t.expect || (t.expect.outcome !== undefined && !Array.isArray(t.expect.outcome))) {
        throw new Error(`${where}: each turn needs user and expect (its outcome, when given, a list)`);
      }
    }
    return rc;
  });
}

const OUTCOMES: Record<Outcome, CaseOutcome> = {
  answered: 'answered',
  clarify: 'clarify',
  fallback: 'declined',
  handoff: 'handoff',
  urgent: 'urgent',
};

/** Lower case, straight quotes and plain dashes, so "golfer's" matches "Golfer’s". */
export function comparable(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-');
}

const TREATMENT_IDS: Record<string, string> = { acupuncture: 'acupuncture', 'dry needling': 'dryNeedling' };

/** What is wrong with one turn's reply (empty when it is right). */
export function checkTurn(expect: TurnExpectation, result: TurnResult): string[] {
  const problems: string[] = [];
  const reply = comparable(result.text);
  const trace = result.recognition;
  const outcome = trace ? OUTCOMES[trace.outcome] : 'declined';
  if (expect.outcome && !expect.outcome.includes(outcome)) problems.push(`outcome ${outcome}, expected ${expect.outcome.join(' or ')}`);
  if (expect.condition) {
    const want = comparable(expect.condition);
    const named = [trace?.condition, ...(trace?.entities ?? []).map((e) => e.value)].filter((x): x is string => !!x).map(comparable);
    if (!named.includes(want) && !reply.includes(want))
      problems.push(`condition: expected “${expect.condition}”, got ${named.length ? named.join(', ') : 'none'}`);
  }
  if (expect.treatment) {
    const id = TREATMENT_IDS[expect.treatment];
    const about = trace?.treatment;
    const ok = about ? about === id || about === 'both' : reply.includes(expect.treatment);
    if (!ok) problems.push(`treatment: expected ${expect.treatment}, got ${about ?? 'none named'}`);
  }
  for (const group of expect.mustInclude ?? []) {
    if (!group.some((s) => reply.includes(comparable(s)))) problems.push(`missing one of: ${group.map((s) => `“${s}”`).join(' | ')}`);
  }
  for (const pattern of expect.mustNotMatch ?? []) {
    if (new RegExp(pattern, 'i').test(result.text) || new RegExp(pattern, 'i').test(reply)) problems.push(`must not match /${pattern}/`);
  }
  return problems;
}

export interface ReplyBot {
  knowledge: Knowledge;
  recognizer: Recognizes;
}

/** Runs one case in a fresh conversation (its own memory storage). */
export async function runReplyCase(bot: ReplyBot, c: ReplyCase): Promise<CaseResult> {
  const conversation = new LocalConversation(
    { knowledge: bot.knowledge, recognizer: bot.recognizer, storage: new MemoryStorage() },
    'webchat',
    `eval-${c.id}`,
  );
  const failures: TurnFailure[] = [];
  for (let i = 0; i < c.turns.length; i++) {
    const { user, expect } = c.turns[i];
    const result = await conversation.say(user);
    const problems = checkTurn(expect, result);
    if (problems.length) {
      const trace = result.recognition;
      failures.push({
        turn: i + 1,
        user,
        problems,
        reply: result.text,
        outcome: trace ? OUTCOMES[trace.outcome] : 'declined',
        intent: trace?.intent,
      });
    }
  }
  return { id: c.id, theme: c.theme, passed: failures.length === 0, failures };
}

export async function runReplyCases(bot: ReplyBot, cases: ReplyCase[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) results.push(await runReplyCase(bot, c));
  return results;
}

export interface ThemeFigures {
  theme: string;
  passed: number;
  total: number;
}

export function byTheme(results: CaseResult[]): ThemeFigures[] {
  const themes = new Map<string, ThemeFigures>();
  for (const r of results) {
    const t = themes.get(r.theme) ?? { theme: r.theme, passed: 0, total: 0 };
    t.total++;
    if (r.passed) t.passed++;
    themes.set(r.theme, t);
  }
  return [...themes.values()].sort((a, b) => a.theme.localeCompare(b.theme));
}
