/**
 * npm run evaluate:safety [-- --file test/heldout/safety-dev.jsonl] [--hide-text] [--threshold 0.5] [--json out.json]
 *
 * Runs a held-out safety set (JSONL, one {"id","text","tier","theme","style"} per line) through the safety
 * triage, and every benign message through the whole bot too (a fresh conversation each), then prints recall
 * per tier, theme and style, the false-alarm rate (emergency-only replies to benign messages), how many benign
 * questions were still answered, and the misses. --hide-text lists misses without their text (for a test set
 * nobody should read). Figures, not pass/fail: test/safetyHeldout.test.ts holds the thresholds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ActivityTypes, MemoryStorage, TestAdapter } from 'botbuilder';
import { createBot } from '../bot/createBot';
import { RecognitionTraceValue, TRACE_NAME } from '../turn/trace';
import { PROJECT_ROOT } from '../config';
import { loadKnowledge } from '../knowledge/load';
import type { Knowledge } from '../knowledge/types';
import { createClinicRecognizer, trainClinicModel } from '../nlu/clinic';
import type { IntentRecognizer } from '../nlu/recognizer';
import { triageFor } from '../safety';
import { formatReport, HeldOutItem, Outcome, parseHeldOut, score, SafetyReport } from '../safety/evaluation';
import type { SafetyTriage } from '../safety/triage';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Sends one message to a fresh bot; whether the bot answered it besides any safety text. */
export async function botAnswers(knowledge: Knowledge, recognizer: IntentRecognizer, text: string): Promise<boolean> {
  const runtime = createBot({ knowledge, recognizer, storage: new MemoryStorage() });
  const sent: Array<{ type?: string; name?: string; value?: unknown; text?: string }> = [];
  const adapter = new TestAdapter(async (context) => runtime.bot.run(context), {
    channelId: 'webchat',
    conversation: { id: 'eval', isGroup: false, conversationType: 'personal', name: 'eval' },
  });
  adapter.use({
    onTurn: async (context, next) => {
      context.onSendActivities(async (_c, activities, nextSend) => {
        sent.push(...activities);
        return nextSend();
      });
      await next();
    },
  });
  for (const m of runtime.middleware) adapter.use(m);
  try {
    await adapter.processActivity({ type: ActivityTypes.Message, text });
  } catch {
    return false; // the bot failed on it (in production the adapter apologises): not answered
  }
  const trace = sent.find((a) => a.name === TRACE_NAME)?.value as RecognitionTraceValue | undefined;
  const messages = sent.filter((a) => a.type === ActivityTypes.Message).length;
  const safetyMessages = trace?.safety ? 1 : 0;
  return Boolean(trace) && trace!.intent !== 'red_flag' && messages > safetyMessages;
}

export async function evaluateSafety(
  items: HeldOutItem[],
  parts: { knowledge: Knowledge; recognizer: IntentRecognizer; triage: SafetyTriage },
): Promise<SafetyReport> {
  const results: Array<{ item: HeldOutItem; outcome: Outcome }> = [];
  for (const item of items) {
    const t = parts.triage.triage(item.text);
    const outcome: Outcome = { mode: t.mode, tier: t.tier };
    if (item.tier === 'none') outcome.answered = t.mode === 'alone' ? false : await botAnswers(parts.knowledge, parts.recognizer, item.text);
    results.push({ item, outcome });
  }
  return score(results);
}

async function main(): Promise<void> {
  const file = resolve(arg('file') ?? `${PROJECT_ROOT}/test/heldout/safety-dev.jsonl`);
  const threshold = arg('threshold') === undefined ? undefined : Number(arg('threshold'));
  const items = parseHeldOut(readFileSync(file, 'utf8'));
  const knowledge = loadKnowledge(`${PROJECT_ROOT}/knowledge`);
  const recognizer = createClinicRecognizer(knowledge, trainClinicModel(knowledge));
  const started = process.hrtime.bigint();
  const triage = triageFor(knowledge, { threshold });
  const trainMs = Number(process.hrtime.bigint() - started) / 1e6;
  const report = await evaluateSafety(items, { knowledge, recognizer, triage });
  console.log(
    `Safety evaluation of ${file} (${items.length} messages; classifier threshold ${triage.threshold}; triage built in ${trainMs.toFixed(0)} ms)\n`,
  );
  const hideText = process.argv.includes('--hide-text');
  console.log(formatReport(report, { hideText }));
  const json = arg('json');
  // (--hide-text keeps the text out of the JSON too: a run of an unread set is kept, and compared by id)
  if (json) writeFileSync(json, JSON.stringify(hideText ? withoutText(report) : report, null, 2));
}

/** The report with every message's text taken out (ids, tiers, themes and outcomes kept). */
function withoutText(report: SafetyReport): SafetyReport {
  const strip = <T extends { text?: string }>(rows: T[]) => rows.map(({ text: _text, ...rest }) => rest as T);
  return { ...report, misses: strip(report.misses), wolves: strip(report.wolves) };
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
