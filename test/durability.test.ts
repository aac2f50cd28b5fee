/**
 * kill -9 under load: every turn the server acknowledged (answered 200) is in the transcripts, with its replies.
 * Holds because the transcript middleware commits a turn's activities before the HTTP answer goes out, and SQLite in
 * WAL mode keeps every commit across a process crash (synchronous FULL also across a power cut).
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { openDatabase } from '../src/storage/sqlite/db';
import { SqliteTranscriptStore } from '../src/storage/sqlite/transcripts';
import { ask, tempDataDir } from './helpers';

describe('kill -9 under load', function () {
  this.timeout(60_000);

  it('loses no transcript entry that was acknowledged', async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, [join(__dirname, '..', 'src', 'index.js')], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        MODEL_PATH: join(__dirname, '..', '..', 'data', 'test-model.json'),
        LOG_LEVEL: 'info',
        RATE_LIMIT_PER_ADDRESS: '0',
        RATE_LIMIT_PER_CONVERSATION: '0',
        STAFF_USERS: '',
        STAFF_USERS_FILE: '',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('did not start')), 40_000);
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /"port":(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });

    const acknowledged: Array<{ conversation: string; text: string }> = [];
    let killed = false;
    const converse = async (c: number) => {
      for (let t = 0; !killed; t++) {
        const text = `what is dry needling? (${c}.${t})`;
        try {
          const replies = await ask(port, `load-${c}`, text, {
            channelId: 'webchat',
            serviceUrl: 'http://127.0.0.1:1',
            from: { id: `u${c}` },
            recipient: { id: 'bot' },
          });
          if (replies.length) acknowledged.push({ conversation: `load-${c}`, text });
        } catch {
          // Not acknowledged: an error answer, or the connection died with the process.
          if (killed) return;
        }
      }
    };
    const load = Array.from({ length: 16 }, (_, c) => converse(c));
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 1500));
    killed = true;
    child.kill('SIGKILL');
    await Promise.all(load);
    await exited;
    expect(acknowledged.length).to.be.greaterThan(10);

    const db = openDatabase(join(dataDir, 'clinic-bot.sqlite'));
    try {
      const store = new SqliteTranscriptStore(db);
      const byConversation = new Map<string, Activity[]>();
      for (const { conversation } of acknowledged) {
        if (byConversation.has(conversation)) continue;
        const items = await store.allActivities('webchat', conversation);
        byConversation.set(conversation, items);
      }
      for (const { conversation, text } of acknowledged) {
        const items = byConversation.get(conversation)!;
        const at = items.findIndex((a) => a.type === 'message' && a.text === text);
        expect(at, `acknowledged message "${text}" is in the transcript`).to.be.at.least(0);
        const reply = items.slice(at + 1).find((a) => a.type === 'message' && a.from?.role === 'bot');
        expect(reply?.text, `and so is the answer to "${text}"`)
          .to.be.a('string')
          .and.match(/dry needling/i);
      }
    } finally {
      db.close();
    }
  });
});
