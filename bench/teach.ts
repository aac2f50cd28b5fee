/**
 * npm run bench:teach: what teaching the running bot costs (#14 targets: retraining and the gate under 5 s, no pause
 * of turns over 50 ms during a swap). Starts LiveTeaching on a temporary SQLite file, keeps a stream of recognitions
 * going on the event loop (as turns would), teaches a few examples one after another, and prints for each: the
 * worker's time (training and the held-out gate; the first change also scores the current model), the whole change
 * (retrain, gate, record, swap), and the longest gap between two recognitions while it ran (the turn pause).
 * Figures, not pass/fail.
 *
 *   npm run bench:teach -- --changes 3
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import { silentLogger } from '../src/logger';
import { trainClinicModel } from '../src/nlu/clinic';
import { openDatabase } from '../src/storage/sqlite/db';
import { SqliteTeachingStore } from '../src/storage/sqlite/teaching';
import { LiveTeaching } from '../src/teach/live';
import { QUESTIONS } from './messageLoad';
import { numberArg } from './serverProcess';

const TAUGHT = [
  ['how might i reach somebody at your place', 'contact'],
  ['can i get an appointment on saturday morning', 'booking'],
  ['is the needle thing good for a stiff neck', 'condition_query'],
  ['whats the deal with the chinese needles', 'what_is'],
  ['can i speak with the receptionist', 'human'],
];

async function main(): Promise<void> {
  const changes = Math.min(numberArg('--changes', 3), TAUGHT.length);
  const config = loadConfig({});
  const dir = mkdtempSync(join(tmpdir(), 'bench-teach-'));
  const db = openDatabase(join(dir, 'bench.sqlite'), {});
  const base = loadKnowledge(config.knowledgeDir);
  const live = await LiveTeaching.start({
    base,
    store: new SqliteTeachingStore(db),
    knowledgeDir: config.knowledgeDir,
    heldoutDir: config.heldoutDir,
    modelPath: join(dir, 'model.json'),
    maxChars: config.maxMessageChars,
    model: trainClinicModel(base),
    pollSeconds: 0,
    logger: silentLogger,
  });
  console.log(`bench:teach: ${changes} change(s), recognitions running on the event loop meanwhile`);
  try {
    for (let i = 0; i < changes; i++) {
      const [text, intent] = TAUGHT[i];
      let running = true;
      let longest = 0;
      let turns = 0;
      let last = performance.now();
      const loop = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        live.recognize(QUESTIONS[turns++ % QUESTIONS.length]);
        last = performance.now();
        if (running) setImmediate(loop);
      };
      setImmediate(loop);
      const started = performance.now();
      const result = await live.teach({ kind: 'example', text, intent }, 'bench');
      const total = performance.now() - started;
      running = false;
      const info = live.info();
      console.log(
        `change ${i + 1} (${result.status}): retrain + gate in the worker ${info.lastRetrainMs} ms${i === 0 ? ' (also scored the current model)' : ''}, ` +
          `whole change ${total.toFixed(0)} ms, longest turn pause ${longest.toFixed(1)} ms over ${turns} recognitions ` +
          `(longest swap step ${info.lastSwapStep?.wallMs.toFixed(1)} ms wall, ${info.lastSwapStep?.cpuMs.toFixed(1)} ms CPU), now "${text}" -> ${live.recognize(text).intent}`,
      );
    }
  } finally {
    await live.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
