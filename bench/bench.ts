/**
 * npm run bench: throughput and latency of /api/messages (expectReplies) for the full clinic bot against a
 * bare echo bot on the same stack, both started here and measured alternately in one run, at 1, 16 and 64
 * connections; plus start-up time to the first healthy response, peak RSS and classifier time per utterance.
 * Prints a table and writes bench/results.json. Figures, not pass/fail tests: compare the ratios.
 *
 *   npm run bench -- --seconds 5 --rounds 2
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import { createClinicRecognizer, trainClinicModel } from '../src/nlu/clinic';
import { driveMessages, median, QUESTIONS, Run } from './messageLoad';
import { memoryMb, numberArg, startServerProcess } from './serverProcess';

function classifierMicros(): number {
  const knowledge = loadKnowledge(join(PROJECT_ROOT, 'knowledge'));
  const recognizer = createClinicRecognizer(knowledge, trainClinicModel(knowledge));
  for (const q of QUESTIONS) recognizer.recognize(q);
  const n = 5000;
  const t = performance.now();
  for (let i = 0; i < n; i++) recognizer.recognize(QUESTIONS[i % QUESTIONS.length] + (i % 7 === 0 ? ' please' : ''));
  return ((performance.now() - t) * 1000) / n;
}

async function main(): Promise<void> {
  const seconds = numberArg('--seconds', 5);
  const rounds = numberArg('--rounds', 2);
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-bench-'));
  const modelPath = join(PROJECT_ROOT, 'data', 'intent-model.json');
  // Train once so that the measured start-up is a normal start (model file present).
  const warm = await startServerProcess('full', 'src/index.js', { MODEL_PATH: modelPath, DATA_DIR: dataDir });
  warm.child.kill('SIGTERM');
  await new Promise((r) => warm.child.once('exit', r));

  // One client address drives every conversation here, so the anonymous rate limits are off for the load test.
  const unlimited = { RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0' };
  const full = await startServerProcess('full bot', 'src/index.js', { MODEL_PATH: modelPath, DATA_DIR: dataDir, ...unlimited });
  const echo = await startServerProcess('echo bot', 'bench/echoServer.js', {});
  const results: Record<string, Record<number, Run>> = { [full.name]: {}, [echo.name]: {} };
  try {
    for (const connections of [1, 16, 64]) {
      const runs: Record<string, Run[]> = { [full.name]: [], [echo.name]: [] };
      await driveMessages(full.port, connections, 1, QUESTIONS); // warm-up
      await driveMessages(echo.port, connections, 1, QUESTIONS);
      for (let r = 0; r < rounds; r++) {
        // Alternate so that a busy moment on the machine hits both bots alike.
        for (const s of r % 2 === 0 ? [full, echo] : [echo, full]) runs[s.name].push(await driveMessages(s.port, connections, seconds, QUESTIONS));
      }
      for (const name of Object.keys(runs)) {
        const rs = runs[name];
        results[name][connections] = {
          rps: median(rs.map((x) => x.rps)),
          p50: median(rs.map((x) => x.p50)),
          p99: median(rs.map((x) => x.p99)),
          errors: rs.reduce((s, x) => s + x.errors, 0),
          non2xx: rs.reduce((s, x) => s + x.non2xx, 0),
        };
      }
    }
  } finally {
    const rss = { [full.name]: memoryMb(full.child.pid!, 'VmHWM'), [echo.name]: memoryMb(echo.child.pid!, 'VmHWM') };
    full.child.kill('SIGTERM');
    echo.child.kill('SIGTERM');
    (results as Record<string, unknown>).peakRssMb = rss;
  }
  const micros = classifierMicros();
  rmSync(dataDir, { recursive: true, force: true });

  const rows = [1, 16, 64].map((c) => {
    const f = results[full.name][c];
    const e = results[echo.name][c];
    return { connections: c, full: f, echo: e, ratio: f.rps / e.rps };
  });
  const rss = (results as any).peakRssMb as Record<string, number>;
  console.log(
    `\n/api/messages, expectReplies, ${QUESTIONS.length} clinic questions over 500 conversations; median of ${rounds} alternating ${seconds}s runs\n`,
  );
  console.log('conns | full bot req/s  p50 ms  p99 ms | echo bot req/s  p50 ms  p99 ms | full/echo throughput | errors');
  for (const r of rows) {
    console.log(
      `${String(r.connections).padStart(5)} | ${r.full.rps.toFixed(0).padStart(14)} ${String(r.full.p50).padStart(7)} ${String(r.full.p99).padStart(7)} | ${r.echo.rps
        .toFixed(0)
        .padStart(
          14,
        )} ${String(r.echo.p50).padStart(7)} ${String(r.echo.p99).padStart(7)} | ${(r.ratio * 100).toFixed(0).padStart(19)}% | ${r.full.errors + r.full.non2xx}/${r.echo.errors + r.echo.non2xx}`,
    );
  }
  const r16 = rows.find((r) => r.connections === 16)!;
  const targets = [
    [`full bot keeps ≥ 50% of echo throughput at 16 connections`, `${(r16.ratio * 100).toFixed(0)}%`, r16.ratio >= 0.5],
    [`p99 ≤ 25 ms at 16 connections`, `${r16.full.p99} ms`, r16.full.p99 <= 25],
    [
      `start-up to first healthy response ≤ 2 s`,
      `${full.startupMs.toFixed(0)} ms (echo bot ${echo.startupMs.toFixed(0)} ms)`,
      full.startupMs <= 2000,
    ],
    [`peak RSS ≤ 250 MB`, `${rss[full.name].toFixed(0)} MB (echo bot ${rss[echo.name].toFixed(0)} MB)`, rss[full.name] <= 250],
  ] as const;
  console.log(`\nclassifier: ${micros.toFixed(0)} µs per utterance (in process)\n`);
  for (const [what, value, ok] of targets) console.log(`${ok ? 'met    ' : 'MISSED '} ${what}: ${value}`);

  mkdirSync(join(PROJECT_ROOT, 'bench'), { recursive: true });
  writeFileSync(
    join(PROJECT_ROOT, 'bench', 'results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        seconds,
        rounds,
        rows,
        startupMs: { full: full.startupMs, echo: echo.startupMs },
        peakRssMb: rss,
        classifierMicrosPerUtterance: micros,
      },
      null,
      2,
    ),
  );
  console.log('\nwritten to bench/results.json');
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
