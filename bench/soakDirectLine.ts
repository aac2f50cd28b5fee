/**
 * npm run soak:directline: many website (Direct Line) conversations against the real server in its own process (npm
 * start's Node flags): each gets a token, starts (the welcome runs), and asks one question; RSS is sampled as they
 * pile up. The conversations are stored (src/storage/directLine.ts); the process holds only the live ones, up to
 * MAX_LIVE_CONVERSATIONS and MAX_PENDING_BYTES (src/channels/directline/index.ts), so RSS must level off however many
 * there are. Prints figures; exits 1 when RSS ends above --max-mb.
 *
 *   npm run soak:directline -- --conversations 40000 --concurrency 16 --max-mb 250
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memoryMb, numberArg, startServerProcess } from './serverProcess';

async function post(url: string, token: string | undefined, body?: unknown): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function main(): Promise<void> {
  const total = numberArg('--conversations', 40_000);
  const concurrency = numberArg('--concurrency', 16);
  const maxMb = numberArg('--max-mb', 250);
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-soak-dl-'));
  const { child, port } = await startServerProcess('clinic bot', 'src/index.js', { DATA_DIR: dataDir, DIRECTLINE_NEW_CONVERSATIONS_PER_MINUTE: '0' });
  const dl = `http://127.0.0.1:${port}/v3/directline`;
  const samples: string[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const every = Math.max(1, Math.floor(total / 10));
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      try {
        const { token } = await post(`${dl}/tokens/generate`, undefined);
        const { conversationId } = await post(`${dl}/conversations`, token);
        await post(`${dl}/conversations/${conversationId}/activities`, token, {
          type: 'message',
          text: `what is dry needling? #${i}`,
          from: { id: 'v' },
        });
      } catch {
        failures++;
      }
      if ((i + 1) % every === 0) samples.push(`${i + 1}: ${memoryMb(child.pid!, 'VmRSS').toFixed(0)}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = memoryMb(child.pid!, 'VmRSS');
  const peak = memoryMb(child.pid!, 'VmHWM');
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`${total} Direct Line conversations (token, start with welcome, one question) in ${seconds.toFixed(0)} s, ${failures} failed`);
  console.log(`RSS (MB) after N conversations: ${samples.join(', ')}; at the end ${rss.toFixed(0)}, peak ${peak.toFixed(0)}`);
  const ok = failures === 0 && peak <= maxMb;
  console.log(ok ? `soak:directline: peak RSS within ${maxMb} MB` : `soak:directline: FAILED (peak above ${maxMb} MB or failures)`);
  process.exit(ok ? 0 : 1);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
