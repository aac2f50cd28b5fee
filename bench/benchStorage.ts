/**
 * npm run bench:storage: turn latency and throughput of the full bot on each storage backend, from one run:
 * SQLite (the default) and Azure Blob Storage (Azurite on this machine, started here). Each backend's server
 * runs in a process of its own; autocannon drives /api/messages with expectReplies over 500 conversations
 * (so state is read and written for real and every turn is logged), alternating backends each round.
 * Prints p50 / p99 / requests per second side by side. Figures, not pass/fail tests.
 *
 *   npm run bench:storage -- --seconds 5 --rounds 2
 *   npm run bench:storage -- --staff 3000     (staff list, search and unanswered on a blob store of 3,000 conversations)
 *
 * Azurite is a local emulator: against real Azure Storage every request crosses the network (a few ms each
 * within a region), so expect higher latencies there; the relative cost of the blob backend's extra
 * requests per turn is what this measures.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import type { Activity } from 'botbuilder';
import { TRACE_NAME, TRACE_VALUE_TYPE } from '../src/turn/trace';
import { AzureBlobBackend } from '../src/storage/azure';
import { startAzurite } from './azurite';
import { driveMessages, median, Run } from './messageLoad';
import { numberArg, ServerProcess, startServerProcess } from './serverProcess';

const QUESTIONS = [
  'what is dry needling?',
  'how does acupuncture work',
  'can dry needling help my tennis elbow',
  'does it help sciatica?',
  'what conditions do you treat',
  'how much does it cost',
  'what are your opening hours',
  'hello',
];

const children: ChildProcess[] = [];

/**
 * `--staff N`: the staff queries on a blob store of N conversations (3 turns each, one in five unanswered),
 * written straight through the backend: list, search, a flag filter, unanswered questions. Milliseconds, median of 5.
 */
async function staffQueries(connectionString: string, n: number): Promise<void> {
  const backend = await AzureBlobBackend.open({
    connectionString,
    stateContainer: 'staff-state',
    transcriptContainer: 'staff-transcripts',
    enquiryContainer: 'staff-enquiries',
  });
  const words = ['knee', 'back', 'shoulder', 'headache', 'needling', 'acupuncture', 'tennis', 'elbow', 'sciatica', 'cupping'];
  const started = Date.now();
  const one = async (i: number) => {
    const at = started - (n - i) * 60_000;
    for (let t = 0; t < 3; t++) {
      const text = `question ${i} about my ${words[(i + t) % words.length]} ${t}`;
      const base = { channelId: 'webchat', conversation: { id: `staff-${i}` }, recipient: { id: 'bot' } };
      await backend.transcripts.logActivities([
        { ...base, type: 'message', id: `u${i}-${t}`, from: { id: 'p', role: 'user' }, text, timestamp: new Date(at + t * 1000) } as Activity,
      ]);
      const outcome = i % 5 === 0 && t === 2 ? 'fallback' : 'answered';
      await backend.transcripts.logActivities([
        {
          ...base,
          type: 'trace',
          id: `t${i}-${t}`,
          name: TRACE_NAME,
          valueType: TRACE_VALUE_TYPE,
          from: { id: 'bot', role: 'bot' },
          value: {
            text,
            intent: 'x',
            score: 0.5,
            outcome,
            reason: outcome === 'fallback' ? 'out_of_scope' : 'classified',
            alternatives: [],
            entities: [],
          },
          timestamp: new Date(at + t * 1000 + 1),
        } as Activity,
        {
          ...base,
          type: 'message',
          id: `r${i}-${t}`,
          from: { id: 'bot', role: 'bot' },
          text: 'reply',
          timestamp: new Date(at + t * 1000 + 2),
        } as Activity,
      ]);
    }
  };
  for (let i = 0; i < n; i += 16) await Promise.all(Array.from({ length: Math.min(16, n - i) }, (_, j) => one(i + j)));
  // A fresh backend, as another instance would have: its first query finds nothing cached.
  const reader = await AzureBlobBackend.open({
    connectionString,
    stateContainer: 'staff-state',
    transcriptContainer: 'staff-transcripts',
    enquiryContainer: 'staff-enquiries',
  });
  console.log(`\nstaff queries on Azurite, ${n} conversations (${Math.round((Date.now() - started) / 1000)} s to write them):\n`);
  console.log('| query | first (nothing cached), ms | then (median of 5), ms |');
  console.log('|---|---|---|');
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['conversation list, first page', () => reader.review.listConversations({})],
    ['filter: fallback', () => reader.review.listConversations({ flag: 'fallback' })],
    ['unanswered questions, all time', () => reader.review.unanswered({})],
    ['search: one common word (a page of 50)', () => reader.review.listConversations({ q: 'knee' })],
    ['search: no match (every summary)', () => reader.review.listConversations({ q: 'zzzz' })],
  ];
  for (const [label, run] of queries) {
    const times: number[] = [];
    for (let r = 0; r < 6; r++) {
      const t = Date.now();
      await run();
      times.push(Date.now() - t);
    }
    console.log(`| ${label} | ${times[0]} | ${median(times.slice(1))} |`);
  }
}

async function main(): Promise<void> {
  const staff = numberArg('--staff', 0);
  if (staff > 0) {
    const azurite = await startAzurite();
    if (azurite.process) children.push(azurite.process);
    try {
      await staffQueries(azurite.connectionString, staff);
    } finally {
      await azurite.dispose();
    }
    return;
  }
  const seconds = numberArg('--seconds', 5);
  const rounds = numberArg('--rounds', 2);
  const modelPath = join(PROJECT_ROOT, 'data', 'intent-model.json');
  const dirs = [mkdtempSync(join(tmpdir(), 'bench-sqlite-')), mkdtempSync(join(tmpdir(), 'bench-blob-'))];
  const azurite = await startAzurite();
  if (azurite.process) children.push(azurite.process);
  const unlimited = { RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0', LOG_LEVEL: 'warn', MODEL_PATH: modelPath };
  const servers: ServerProcess[] = [];
  try {
    // One after the other: the first may train and write the model file.
    servers.push(await startServerProcess('sqlite', 'src/index.js', { ...unlimited, LOG_LEVEL: 'info', DATA_DIR: dirs[0], STORAGE: 'sqlite' }));
    children.push(servers[0].child);
    servers.push(
      await startServerProcess('azure-blob (Azurite)', 'src/index.js', {
        ...unlimited,
        LOG_LEVEL: 'info',
        DATA_DIR: dirs[1],
        STORAGE: 'azure-blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      }),
    );
    children.push(servers[1].child);
    const rows: string[] = [];
    for (const connections of [1, 16]) {
      const runs = new Map<string, Run[]>(servers.map((s) => [s.name, []]));
      for (const s of servers) await driveMessages(s.port, connections, 1, QUESTIONS, `warm${connections}`);
      for (let r = 0; r < rounds; r++) {
        for (const s of servers) runs.get(s.name)!.push(await driveMessages(s.port, connections, seconds, QUESTIONS, `c${connections}r${r}`));
      }
      for (const s of servers) {
        const list = runs.get(s.name)!;
        const errors = list.reduce((n, x) => n + x.errors + x.non2xx, 0);
        rows.push(
          `| ${s.name} | ${connections} | ${median(list.map((x) => x.p50))} ms | ${median(list.map((x) => x.p99))} ms | ${Math.round(median(list.map((x) => x.rps)))} | ${errors} |`,
        );
      }
    }
    console.log(`\n/api/messages, expectReplies, 500 conversations, ${rounds} x ${seconds} s per cell (medians of the rounds)\n`);
    console.log('| storage | connections | p50 | p99 | req/s | errors |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await new Promise((r) => s.child.once('exit', r));
    }
    await azurite.dispose();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

// Interrupted (Ctrl-C): stop the child processes too (Azurite and the bots would otherwise outlive the script).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(130);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
