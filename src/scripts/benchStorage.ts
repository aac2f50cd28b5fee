/**
 * npm run bench:storage: turn latency and throughput of the full bot on each storage backend, from one run:
 * SQLite (the default) and Azure Blob Storage (Azurite on this machine, started here). Each backend's server
 * runs in a process of its own; autocannon drives /api/messages with expectReplies over 500 conversations
 * (so state is read and written for real and every turn is logged), alternating backends each round.
 * Prints p50 / p99 / requests per second side by side. Figures, not pass/fail tests.
 *
 *   npm run bench:storage -- --seconds 5 --rounds 2
 *
 * Azurite is a local emulator: against real Azure Storage every request crosses the network (a few ms each
 * within a region), so expect higher latencies there; the relative cost of the blob backend's extra
 * requests per turn is what this measures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import autocannon = require('autocannon');
import { PROJECT_ROOT } from '../config';
import { startAzurite } from './azurite';
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

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function load(port: number, connections: number, seconds: number, tag: string): Promise<Run> {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req: autocannon.Request) => {
              n++;
              const body = {
                type: 'message',
                id: `${tag}${n}`,
                text: QUESTIONS[n % QUESTIONS.length],
                channelId: 'webchat',
                serviceUrl: 'http://127.0.0.1:1',
                deliveryMode: 'expectReplies',
                conversation: { id: `${tag}-${n % 500}` },
                from: { id: `user-${n % 500}` },
                recipient: { id: 'bot' },
              };
              return { ...req, body: JSON.stringify(body) };
            },
          },
        ],
      },
      (err: Error | null, result: autocannon.Result) => {
        if (err) return reject(err);
        resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx });
      },
    );
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const seconds = numberArg('--seconds', 5);
  const rounds = numberArg('--rounds', 2);
  const modelPath = join(PROJECT_ROOT, 'data', 'intent-model.json');
  const dirs = [mkdtempSync(join(tmpdir(), 'bench-sqlite-')), mkdtempSync(join(tmpdir(), 'bench-blob-'))];
  const azurite = await startAzurite();
  const unlimited = { RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0', LOG_LEVEL: 'warn', MODEL_PATH: modelPath };
  const servers: ServerProcess[] = [];
  try {
    // One after the other: the first may train and write the model file.
    servers.push(await startServerProcess('sqlite', 'index.js', { ...unlimited, LOG_LEVEL: 'info', DATA_DIR: dirs[0], STORAGE: 'sqlite' }));
    servers.push(await startServerProcess('azure-blob (Azurite)', 'index.js', { ...unlimited, LOG_LEVEL: 'info', DATA_DIR: dirs[1], STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString }));
    const rows: string[] = [];
    for (const connections of [1, 16]) {
      const runs = new Map<string, Run[]>(servers.map((s) => [s.name, []]));
      for (const s of servers) await load(s.port, connections, 1, `warm${connections}`);
      for (let r = 0; r < rounds; r++) {
        for (const s of servers) runs.get(s.name)!.push(await load(s.port, connections, seconds, `c${connections}r${r}`));
      }
      for (const s of servers) {
        const list = runs.get(s.name)!;
        const errors = list.reduce((n, x) => n + x.errors + x.non2xx, 0);
        rows.push(`| ${s.name} | ${connections} | ${median(list.map((x) => x.p50))} ms | ${median(list.map((x) => x.p99))} ms | ${Math.round(median(list.map((x) => x.rps)))} | ${errors} |`);
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
