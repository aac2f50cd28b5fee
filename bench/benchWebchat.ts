/**
 * npm run bench:webchat: reply latency through Direct Line over WebSocket, as a website visitor gets it.
 *
 * Starts the app itself on a free port on 127.0.0.1, opens N conversations (default 50) the way Web Chat
 * does (POST /tokens/generate, POST /conversations, the WebSocket stream), then all conversations ask
 * clinic questions at once. Latency is the time from starting the POST of a question to the bot's first
 * reply to it arriving on that conversation's WebSocket. Two runs:
 *
 *  1. visitors: each conversation pauses between questions (reading the answer, typing the next one;
 *     uniformly 0.5x to 1.5x --think-ms, default 1000 ms, far quicker than a real person), so the 50
 *     conversations are all live at once, as 50 visitors on the site would be.
 *  2. flat out: no pause at all, every conversation posts its next question the moment the reply arrives
 *     (50 turns always in flight): the server's capacity, and the latency when it is saturated.
 *
 * Prints p50 / p90 / p99 / max and throughput for each. A measurement, not a test: it asserts nothing.
 *
 *   --conversations N   concurrent conversations (default 50)
 *   --messages N        measured questions per conversation in each run (default 20)
 *   --think-ms N        average pause between a visitor's questions in run 1 (default 1000)
 *   --warmup N          unmeasured questions per conversation first (default 2)
 *   --across            a third run across two instances: a second server process on the same SQLite file and
 *                       signing secret; each visitor's stream stays on the first, its questions go to the second,
 *                       so every reply reaches the page through the first instance's poll of the storage
 *                       (DIRECTLINE_POLL_MS, from the environment; default 1000)
 *
 * The server runs in a child process of its own (as it would in production); the client runs on the same
 * machine and shares its cores, so the figures include the client's cost too.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';

const QUESTIONS = [
  'what is dry needling?',
  'how does acupuncture work?',
  'can dry needling help tennis elbow?',
  'what is the difference between acupuncture and dry needling?',
  'does acupuncture help with insomnia?',
  'I have plantar fasciitis',
  'what are your opening hours?',
  'how do I book an appointment?',
  'is dry needling similar to acupuncture?',
  'what conditions can dry needling treat?',
  'what about golfer’s elbow?',
  'thanks!',
];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Visitor {
  agent: Agent;
  conversationId: string;
  token: string;
  ws: WebSocket;
  /** First reply per question id, with when it arrived. */
  firstReply: Map<string, number>;
  waiters: Map<string, () => void>;
}

// Node's http client costs the shared CPU less than fetch, leaving more to the server. Each visitor keeps one
// keep-alive connection, as a browser tab would. (A shared pool opened new connections in bursts, some of which
// took 1 to 7 s to connect on this machine while the server's slowest request stayed under 130 ms: that measured
// the client's TCP, not the bot.)
function json(url: string, init: { method: string; agent: Agent; headers?: Record<string, string>; body?: string }): Promise<any> {
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers, ...(init.body ? { 'content-length': Buffer.byteLength(init.body) } : {}) };
    const req = request(url, { method: init.method, headers, agent: init.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
        if ((res.statusCode ?? 500) >= 400) reject(new Error(`${init.method} ${url}: ${res.statusCode} ${JSON.stringify(body)}`));
        else resolve(body);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function openVisitor(directLineUrl: string): Promise<Visitor> {
  // An idle connection is closed by the client after 4 s, before the server's 5 s keep-alive timeout: otherwise a
  // visitor who waited for the others could send on a connection the server is closing at that moment (ECONNRESET).
  const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 4000 });
  const { token } = await json(`${directLineUrl}/tokens/generate`, { method: 'POST', agent });
  const started = await json(`${directLineUrl}/conversations`, { method: 'POST', agent, headers: { authorization: `Bearer ${token}` } });
  const visitor: Visitor = {
    agent,
    conversationId: started.conversationId,
    token,
    ws: new WebSocket(started.streamUrl),
    firstReply: new Map(),
    waiters: new Map(),
  };
  let welcomed!: () => void;
  const welcome = new Promise<void>((resolve) => (welcomed = resolve));
  visitor.ws.on('message', (data) => {
    const text = data.toString();
    if (!text) return;
    const arrived = performance.now();
    for (const a of JSON.parse(text).activities as Array<{ from?: { role?: string }; replyToId?: string }>) {
      if (a.from?.role !== 'bot') continue;
      if (!a.replyToId) {
        welcomed();
        continue;
      }
      if (!visitor.firstReply.has(a.replyToId)) {
        visitor.firstReply.set(a.replyToId, arrived);
        visitor.waiters.get(a.replyToId)?.();
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    visitor.ws.once('open', () => resolve());
    visitor.ws.once('error', reject);
  });
  await welcome;
  return visitor;
}

/** Asks one question (through `agent`, default the visitor's own); resolves with the latency to the first reply on the socket. */
async function ask(directLineUrl: string, visitor: Visitor, text: string, agent = visitor.agent): Promise<number> {
  const started = performance.now();
  const { id } = await json(`${directLineUrl}/conversations/${visitor.conversationId}/activities`, {
    method: 'POST',
    agent,
    headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, from: { id: 'bench' } }),
  });
  if (!visitor.firstReply.has(id)) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${id} within 10 s`)), 10_000);
      visitor.waiters.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  visitor.waiters.delete(id);
  return visitor.firstReply.get(id)! - started;
}

interface Figures {
  latencies: number[];
  seconds: number;
}

function report(title: string, f: Figures, what = 'questions', rate = 'replies/s'): void {
  const l = [...f.latencies].sort((a, b) => a - b);
  const mean = l.reduce((sum, x) => sum + x, 0) / Math.max(1, l.length);
  console.log(`${title}: ${l.length} ${what} in ${f.seconds.toFixed(1)} s, ${(l.length / f.seconds).toFixed(0)} ${rate}`);
  console.log(
    `  p50 ${ms(percentile(l, 50))}   p90 ${ms(percentile(l, 90))}   p99 ${ms(percentile(l, 99))}   max ${ms(l[l.length - 1])}   mean ${ms(mean)}`,
  );
}

async function run(
  directLineUrl: string,
  visitors: Visitor[],
  messages: number,
  offset: number,
  thinkMs: number,
  agents?: Agent[],
): Promise<Figures> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    visitors.map(async (v, i) => {
      for (let k = 0; k < messages; k++) {
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
        latencies.push(await ask(directLineUrl, v, QUESTIONS[(i + offset + k) % QUESTIONS.length], agents?.[i]));
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** The server side: the app on a free port, in this (child) process; tells the parent the port. */
async function serve(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // A throwaway secret (no file written; with --across one shared by both instances) and no rate limit in the way of the load.
    DIRECTLINE_SECRET: process.env.BENCH_DIRECTLINE_SECRET || randomBytes(32).toString('hex'),
    DIRECTLINE_RATE_LIMIT: '100000',
    DIRECTLINE_NEW_CONVERSATIONS_PER_MINUTE: '0', // every simulated visitor comes from 127.0.0.1
    DIRECTLINE_MAX_STREAMS_PER_ADDRESS: '100000', // likewise: every stream comes from 127.0.0.1
  });
  const app = await startApp(config, { logger: createLogger('warn') });
  let connections = 0;
  app.server.server.on('connection', () => connections++);
  let slowest = 0;
  app.server.server.prependListener('request', (_req, res) => {
    const t0 = performance.now();
    res.once('finish', () => (slowest = Math.max(slowest, performance.now() - t0)));
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  let cpu = process.cpuUsage();
  // The parent asks for the server's own figures at the start and end of each run.
  process.on('message', (m: { cmd?: string }) => {
    if (m.cmd !== 'stats') return;
    const used = process.cpuUsage(cpu);
    process.send!({
      slowest,
      connections,
      cpuMs: (used.user + used.system) / 1000,
      loopP99: loopDelay.percentile(99) / 1e6,
      loopMax: loopDelay.max / 1e6,
      rssMb: process.memoryUsage().rss / 1024 / 1024,
    });
    cpu = process.cpuUsage();
    connections = 0;
    slowest = 0;
    loopDelay.reset();
  });
  loopDelay.enable();
  process.send!({ port: app.port });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
}

interface ServerStats {
  slowest: number;
  connections: number;
  cpuMs: number;
  loopP99: number;
  loopMax: number;
  /** The server process's resident memory when asked. */
  rssMb: number;
}

function startServer(): Promise<{ port: number; stats(): Promise<ServerStats>; stop(): void }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m: { port: number }) =>
      resolve({
        port: m.port,
        stats: () =>
          new Promise((done) => {
            child.once('message', (stats: ServerStats) => done(stats));
            child.send({ cmd: 'stats' });
          }),
        stop: () => child.disconnect(),
      }),
    );
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
}

function serverLine(stats: ServerStats, replies: number): string {
  return `  server: ${(stats.cpuMs / replies).toFixed(2)} ms CPU per question, event-loop delay p99 ${ms(stats.loopP99)} max ${ms(stats.loopMax)}, ${stats.connections} new TCP connections, slowest request ${ms(stats.slowest)}, RSS ${stats.rssMb.toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const conversations = option('conversations', 50);
  const messages = option('messages', 20);
  const warmup = option('warmup', 2);
  const thinkMs = option('think-ms', 1000);
  const across = process.argv.includes('--across');
  let dataDir: string | undefined;
  if (across) {
    // Both instances on one SQLite file and one secret (forked servers inherit this environment).
    dataDir = mkdtempSync(join(tmpdir(), 'clinic-bench-webchat-'));
    process.env.DATA_DIR = dataDir;
    process.env.BENCH_DIRECTLINE_SECRET = randomBytes(32).toString('hex');
  }
  const server = await startServer();
  const second = across ? await startServer() : undefined;
  const secondAgents: Agent[] = [];
  const directLineUrl = `http://127.0.0.1:${server.port}/v3/directline`;
  let visitors: Visitor[] = [];
  try {
    console.log(`bench:webchat: Direct Line over WebSocket, ${conversations} concurrent conversations, ${messages} measured questions each per run`);
    console.log(
      `node ${process.version}, ${cpus().length} cores shared by the client and the server (a process of its own), load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log('latency = POST of a question -> first reply to it on the WebSocket');
    console.log('');

    const openStarted = performance.now();
    const startTimes: number[] = [];
    visitors = await Promise.all(
      Array.from({ length: conversations }, async () => {
        const t0 = performance.now();
        const v = await openVisitor(directLineUrl);
        startTimes.push(performance.now() - t0);
        return v;
      }),
    );
    report(
      'conversation start (generate + start + stream + welcome), all at once',
      { latencies: startTimes, seconds: (performance.now() - openStarted) / 1000 },
      'conversations',
      'conversations/s',
    );

    await run(directLineUrl, visitors, warmup, 0, 0);
    await server.stats();
    const live = await run(directLineUrl, visitors, messages, warmup, thinkMs);
    report(`1. visitors (each pausing ${thinkMs / 2}-${(thinkMs * 3) / 2} ms between questions)`, live);
    console.log(serverLine(await server.stats(), live.latencies.length));
    // Visitors who finished early have idled long enough for their connection to close: reconnect them unmeasured.
    await run(directLineUrl, visitors, 1, 0, 0);
    await server.stats();
    const flat = await run(directLineUrl, visitors, messages, warmup + messages, 0);
    report(`2. flat out (no pause, ${conversations} turns always in flight)`, flat);
    console.log(serverLine(await server.stats(), flat.latencies.length));
    console.log('');
    const p99 = percentile(
      [...live.latencies].sort((a, b) => a - b),
      99,
    );
    console.log(`target p99 < 100 ms with ${conversations} live conversations: ${p99 < 100 ? 'met' : 'NOT met'} (p99 ${ms(p99)})`);
    if (second) {
      console.log('');
      for (const _ of visitors) secondAgents.push(new Agent({ keepAlive: true, maxSockets: 1, timeout: 4000 }));
      const otherUrl = `http://127.0.0.1:${second.port}/v3/directline`;
      await run(otherUrl, visitors, 1, 0, 0, secondAgents);
      await Promise.all([server.stats(), second.stats()]);
      const crossed = await run(otherUrl, visitors, messages, warmup + messages + 1, thinkMs, secondAgents);
      report(
        `3. across instances (posted to the second, streamed by the first; DIRECTLINE_POLL_MS ${process.env.DIRECTLINE_POLL_MS || 1000}; pausing ${thinkMs / 2}-${(thinkMs * 3) / 2} ms)`,
        crossed,
      );
      console.log(serverLine(await second.stats(), crossed.latencies.length).replace('server:', 'second (answers):'));
      console.log(serverLine(await server.stats(), crossed.latencies.length).replace('server:', 'first (streams):'));
    }
  } finally {
    for (const v of visitors) {
      v.ws.close();
      v.agent.destroy();
    }
    for (const a of secondAgents) a.destroy();
    server.stop();
    second?.stop();
    if (dataDir) setTimeout(() => rmSync(dataDir!, { recursive: true, force: true }), 2000).unref();
  }
}

(process.argv.includes('--serve') ? serve() : main()).catch((err) => {
  console.error('bench:webchat failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
