/**
 * npm run soak: 10,000 turns over 200 concurrent conversations against the real server on SQLite (state and
 * transcripts), then checks that every message is in the transcripts exactly once and in order, and that
 * memory stayed flat (RSS sampled every 1,000 turns). Prints figures; exits 1 if a check fails.
 *
 *   npm run soak -- --conversations 200 --turns 50
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/storage/sqlite/db';
import { SqliteTranscriptStore } from '../src/storage/sqlite/transcripts';
import { memoryMb, numberArg, startServerProcess } from './serverProcess';

const QUESTIONS = [
  'what is dry needling?',
  'how does acupuncture work',
  'can dry needling help my tennis elbow',
  'does it help sciatica?',
  "what's the difference between them",
  'what are your opening hours',
  'how much does it cost',
  'thanks',
];

async function main(): Promise<void> {
  const conversations = numberArg('--conversations', 200);
  const turnsEach = numberArg('--turns', 50);
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-soak-'));
  const { child, port } = await startServerProcess('clinic bot', 'src/index.js', {
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_ADDRESS: '0',
    RATE_LIMIT_PER_CONVERSATION: '0',
  });

  const sent = new Map<string, string[]>();
  const samples: Array<{ turns: number; rssMb: number }> = [];
  let done = 0;
  let failures = 0;
  const started = performance.now();
  const converse = async (c: number) => {
    const id = `soak-${c}`;
    const texts: string[] = [];
    sent.set(id, texts);
    for (let t = 0; t < turnsEach; t++) {
      const text = `${QUESTIONS[(c + t) % QUESTIONS.length]} #${t}`;
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `${id}-${t}`,
          text,
          deliveryMode: 'expectReplies',
          channelId: 'webchat',
          serviceUrl: 'http://127.0.0.1:1',
          conversation: { id },
          from: { id: `user-${c}` },
          recipient: { id: 'bot' },
        }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
      texts.push(text);
      done++;
      if (done % 1000 === 0) samples.push({ turns: done, rssMb: memoryMb(child.pid!, 'VmRSS') });
    }
  };
  await Promise.all(Array.from({ length: conversations }, (_, c) => converse(c)));
  const seconds = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));

  // Every message exactly once and in order, read back through the TranscriptStore interface.
  const db = openDatabase(join(dataDir, 'clinic-bot.sqlite'));
  const store = new SqliteTranscriptStore(db);
  let missing = 0;
  let duplicated = 0;
  let misordered = 0;
  let stored = 0;
  for (const [id, texts] of sent) {
    const activities = await store.allActivities('webchat', id);
    stored += activities.length;
    const userTexts = activities.filter((a) => a.type === 'message' && a.from?.role === 'user').map((a) => a.text);
    for (const t of texts) {
      const n = userTexts.filter((u) => u === t).length;
      if (n === 0) missing++;
      if (n > 1) duplicated++;
    }
    if (JSON.stringify(userTexts) !== JSON.stringify(texts)) misordered++;
  }
  db.close();
  rmSync(dataDir, { recursive: true, force: true });

  const first = samples[Math.min(1, samples.length - 1)];
  const last = samples[samples.length - 1];
  const growth = last.rssMb / first.rssMb;
  console.log(
    `${done} turns over ${conversations} concurrent conversations in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)} turns/s), ${failures} non-200 answers`,
  );
  console.log(
    `transcripts: ${stored} activities stored; user messages missing ${missing}, duplicated ${duplicated}, conversations out of order ${misordered}`,
  );
  console.log(
    `RSS (MB) every 1,000 turns: ${samples.map((s) => s.rssMb.toFixed(0)).join(' ')}; from ${first.turns} to ${last.turns} turns: x${growth.toFixed(2)}`,
  );
  const ok = failures === 0 && missing === 0 && duplicated === 0 && misordered === 0 && growth < 1.25;
  console.log(ok ? 'soak: every turn stored exactly once and in order, memory flat' : 'soak: FAILED');
  process.exit(ok ? 0 : 1);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
