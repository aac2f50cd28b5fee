/**
 * npm run evaluate:replies [-- FILE ...] [--quiet] [--json OUT]: runs "patients' own words" cases end to end
 * through the whole bot (see replyCases.ts) and prints, per theme, how many cases were answered correctly,
 * then every failure with the patient's words, what was wrong and the bot's reply.
 * Without FILE: test/heldout/patients-words.json (the development set). --quiet: figures only.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../config';
import { loadKnowledge } from '../knowledge/load';
import { createClinicRecognizer, trainClinicModel } from '../nlu/clinic';
import { byTheme, CaseResult, readReplyCases, runReplyCases } from './replyCases';

export const DEV_CASES = join(PROJECT_ROOT, 'test', 'heldout', 'patients-words.json');
export const TEST_CASES = join(PROJECT_ROOT, 'test', 'heldout', 'patients-words-test.json');

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;

function printFailures(results: CaseResult[]): void {
  for (const r of results.filter((x) => !x.passed)) {
    for (const f of r.failures) {
      console.log(`\n✗ ${r.id} [${r.theme}] turn ${f.turn}: ${f.user}`);
      console.log(`  ${f.problems.join('; ')} (intent ${f.intent ?? '-'}, outcome ${f.outcome})`);
      console.log(`  reply: ${f.reply.replace(/\n+/g, ' / ')}`);
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && !(jsonAt >= 0 && i === jsonAt + 1));
  const paths = (files.length ? files : [DEV_CASES]).map((f) => resolve(f));
  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir);
  const recognizer = createClinicRecognizer(knowledge, trainClinicModel(knowledge));
  const summary: Record<string, unknown> = {};
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`no case file at ${path}`);
    const cases = readReplyCases(path);
    const results = await runReplyCases({ knowledge, recognizer }, cases);
    if (!args.includes('--quiet')) printFailures(results);
    const passed = results.filter((r) => r.passed).length;
    console.log(`\n${path}: ${passed}/${results.length} cases right (${pct(passed, results.length)})`);
    const themes = byTheme(results);
    for (const t of themes)
      console.log(`  ${t.theme.padEnd(28)} ${String(t.passed).padStart(4)}/${String(t.total).padEnd(4)} ${pct(t.passed, t.total)}`);
    summary[path] = { passed, total: results.length, themes, failed: results.filter((r) => !r.passed).map((r) => r.id) };
  }
  if (jsonOut) {
    const out = resolve(jsonOut);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
