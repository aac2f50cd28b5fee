/**
 * npm run bench:turn: what one turn costs inside the process, without HTTP, so the layers can be told apart:
 *  - echo: a bare ActivityHandler on the same CloudAdapter (the floor of the Bot Framework pipeline);
 *  - memory: the clinic bot (middleware, recognizer, dialogs, eTag state) with in-memory state, no transcripts;
 *  - sqlite: the clinic bot as it runs, with SQLite state and transcripts, SQLITE_SYNCHRONOUS=FULL and NORMAL.
 *  - safety triage alone (src/safety): microseconds per message over the benchmark questions and every safety
 *    example (long and short, urgent and benign), the cost triage adds to each turn (target: at most 0.2 ms).
 * Each variant runs N turns with C turns in flight (the same clinic questions over 500 conversations, expectReplies)
 * after a warm-up, and the variants alternate over the rounds. Prints ms per turn (wall and CPU), p50/p99 per turn
 * and, for SQLite, writes per group commit. Figures, not pass/fail.
 *
 *   npm run bench:turn -- --turns 5000 --concurrency 16 --rounds 2
 *   npm run bench:turn -- --triage-only
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Activity, ActivityHandler, MemoryStorage } from 'botbuilder';
import { createBot } from '../src/bot/createBot';
import { ClinicAdapter, createAdapter } from '../src/channels/adapter';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import { silentLogger } from '../src/logger';
import { createClinicRecognizer, trainClinicModel } from '../src/nlu/clinic';
import { GroupCommit } from '../src/storage/sqlite/groupCommit';
import { ResilientStorage } from '../src/storage/resilientStorage';
import { Db, openDatabase } from '../src/storage/sqlite/db';
import { SqliteStorage } from '../src/storage/sqlite/state';
import { SqliteTranscriptStore } from '../src/storage/sqlite/transcripts';
import type { Knowledge } from '../src/knowledge/types';
import { triageFor } from '../src/safety';
import { median, QUESTIONS } from './messageLoad';
import { numberArg } from './serverProcess';

interface Variant {
  name: string;
  adapter: ClinicAdapter;
  run: (context: Parameters<ActivityHandler['run']>[0]) => Promise<void>;
  db?: Db;
}

interface Measure {
  msPerTurn: number;
  cpuMsPerTurn: number;
  p50: number;
  p99: number;
  writesPerCommit?: number;
}

let sent = 0;
function nextActivity(): Activity {
  sent++;
  return {
    type: 'message',
    id: `t${sent}`,
    text: QUESTIONS[sent % QUESTIONS.length],
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    conversation: { id: `turn-${sent % 500}` },
    from: { id: `user-${sent % 500}` },
    recipient: { id: 'bot' },
  } as Activity;
}

async function measure(v: Variant, turns: number, concurrency: number): Promise<Measure> {
  const before = v.db ? { ...GroupCommit.for(v.db).stats } : undefined;
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  let left = turns;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const t = performance.now();
        const response = await v.adapter.runActivity('', nextActivity(), v.run);
        if (response?.status !== 200) throw new Error(`${v.name}: turn answered ${response?.status}`);
        JSON.stringify(response.body); // what the HTTP layer would send
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const after = v.db ? GroupCommit.for(v.db).stats : undefined;
  return {
    msPerTurn: wall / turns,
    cpuMsPerTurn: (used.user + used.system) / 1000 / turns,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
    writesPerCommit: before && after ? (after.writes - before.writes) / Math.max(1, after.commits - before.commits) : undefined,
  };
}

/** What safety triage costs per message, on its own: the part of a turn it adds. */
interface TriageCost {
  name: string;
  messages: number;
  /** CPU time per message (robust to other processes on the machine), and wall-clock median and p99. */
  cpuUs: number;
  medianUs: number;
  p99Us: number;
}

/** What safety triage costs per message, on its own: the clinic's benchmark questions, and the safety examples (long, urgent and benign). */
function measureTriage(knowledge: Knowledge, passes = 20): TriageCost[] {
  const triage = triageFor(knowledge);
  const sets: Array<[string, string[]]> = [
    ['clinic questions', [...QUESTIONS]],
    ['safety examples', knowledge.safety.examples.map((e) => e.text)],
  ];
  return sets.map(([name, messages]) => {
    for (let i = 0; i < 3; i++) for (const m of messages) triage.triage(m); // warm-up (JIT, typo and stem caches as in a running bot)
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let p = 0; p < passes; p++) {
      for (const m of messages) {
        const t = performance.now();
        triage.triage(m);
        times.push(performance.now() - t);
      }
    }
    const used = process.cpuUsage(cpu);
    times.sort((a, b) => a - b);
    return {
      name,
      messages: messages.length,
      cpuUs: (used.user + used.system) / times.length,
      medianUs: 1000 * times[times.length >> 1],
      p99Us: 1000 * times[Math.floor(times.length * 0.99)],
    };
  });
}

function printTriage(costs: TriageCost[]): void {
  for (const c of costs) {
    console.log(
      `Safety triage, ${c.name} (${c.messages}): ${(c.cpuUs / 1000).toFixed(3)} ms CPU per message; wall median ${(c.medianUs / 1000).toFixed(3)} ms, p99 ${(c.p99Us / 1000).toFixed(3)} ms`,
    );
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--triage-only')) {
    const started = performance.now();
    const knowledge = loadKnowledge(join(PROJECT_ROOT, 'knowledge'));
    const t0 = performance.now();
    triageFor(knowledge);
    const built = performance.now() - t0;
    console.log(`Knowledge loaded in ${(t0 - started).toFixed(0)} ms; safety triage built (classifier trained) in ${built.toFixed(0)} ms`);
    printTriage(measureTriage(knowledge));
    return;
  }
  const turns = numberArg('--turns', 5000);
  const concurrency = numberArg('--concurrency', 16);
  const rounds = numberArg('--rounds', 2);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'error' });
  const knowledge = loadKnowledge(join(PROJECT_ROOT, 'knowledge'));
  const recognizer = createClinicRecognizer(knowledge, trainClinicModel(knowledge), config.maxMessageChars);
  const dir = mkdtempSync(join(tmpdir(), 'clinic-bench-turn-'));

  const echoBot = new ActivityHandler();
  echoBot.onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
    await next();
  });
  const clinicBot = (storage: MemoryStorage | ResilientStorage, transcripts?: SqliteTranscriptStore) => {
    const runtime = createBot({ knowledge, recognizer, storage, logger: silentLogger, transcripts, optimisticConcurrency: true });
    return {
      adapter: createAdapter(config, runtime.middleware, silentLogger),
      run: (c: Parameters<ActivityHandler['run']>[0]) => runtime.bot.run(c),
    };
  };
  const onSqlite = (synchronous: 'FULL' | 'NORMAL'): Variant => {
    const db = openDatabase(join(dir, `${synchronous}.sqlite`), { synchronous });
    return {
      name: `sqlite state + transcripts, ${synchronous}`,
      db,
      ...clinicBot(new ResilientStorage(new SqliteStorage(db), silentLogger), new SqliteTranscriptStore(db)),
    };
  };
  const variants: Variant[] = [
    { name: 'echo bot', adapter: createAdapter(config, [], silentLogger), run: (c) => echoBot.run(c) },
    { name: 'clinic bot, in-memory state', ...clinicBot(new MemoryStorage()) },
    onSqlite('FULL'),
    onSqlite('NORMAL'),
  ];

  const results = new Map<string, Measure[]>(variants.map((v) => [v.name, []]));
  try {
    for (const v of variants) await measure(v, Math.min(1000, turns), concurrency); // warm-up (JIT, caches)
    for (let r = 0; r < rounds; r++) {
      for (const v of r % 2 === 0 ? variants : [...variants].reverse()) results.get(v.name)!.push(await measure(v, turns, concurrency));
    }
  } finally {
    for (const v of variants) v.db?.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\nOne turn inside the process (no HTTP): ${turns} turns, ${concurrency} in flight, median of ${rounds} alternating rounds\n`);
  console.log('| variant | ms per turn (wall) | CPU ms per turn | p50 ms | p99 ms | writes per commit |');
  console.log('|---|---|---|---|---|---|');
  for (const v of variants) {
    const ms = results.get(v.name)!;
    const m = (f: (x: Measure) => number) => median(ms.map(f));
    const writes = ms[0].writesPerCommit === undefined ? '' : m((x) => x.writesPerCommit!).toFixed(1);
    console.log(
      `| ${v.name} | ${m((x) => x.msPerTurn).toFixed(3)} | ${m((x) => x.cpuMsPerTurn).toFixed(3)} | ${m((x) => x.p50).toFixed(1)} | ${m((x) => x.p99).toFixed(1)} | ${writes} |`,
    );
  }
  console.log('\nSafety triage, part of every clinic turn above:');
  printTriage(measureTriage(knowledge));
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
