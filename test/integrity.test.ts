/**
 * A database file damaged inside (pages overwritten, the header intact) is found at start-up by PRAGMA quick_check:
 * /healthz says "degraded", the log says what to do, and every staff page shows a banner; the bot still answers.
 */
import { expect } from 'chai';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../src/logger';
import { hashPassword } from '../src/staff/auth';
import { openDatabase } from '../src/storage/sqlite/db';
import { IntegrityMonitor, quickCheck } from '../src/storage/sqlite/integrity';
import { silentLogger } from '../src/logger';
import { call, staffSignIn, startTestApp } from './appHelpers';
import { ask, replyText, tempDataDir } from './helpers';

const PASSWORD = 'correct horse battery staple';
const PAGE = 4096;

/** A real database with a few hundred pages of bot state, closed (checkpointed) so everything is in the main file. */
function filledDatabase(dir: string): string {
  const path = join(dir, 'clinic-bot.sqlite');
  const db = openDatabase(path);
  const insert = db.prepare('INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 600; i++) insert.run(`webchat/conversations/c${i}`, String(i), JSON.stringify({ filler: 'x'.repeat(1500), i }), Date.now());
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

/** Overwrites whole pages in the middle of the file with garbage; page 1 (header and schema) is left alone. */
function damagePages(path: string): void {
  const pages = Math.floor(statSync(path).size / PAGE);
  const fd = openSync(path, 'r+');
  try {
    const garbage = Buffer.alloc(PAGE, 0xa5);
    for (let p = Math.floor(pages / 2); p < Math.floor(pages / 2) + 8; p++) writeSync(fd, garbage, 0, PAGE, p * PAGE);
  } finally {
    closeSync(fd);
  }
}

describe('damaged database file', () => {
  it('quick_check finds overwritten pages that opening the file does not notice', () => {
    const dir = tempDataDir();
    try {
      const path = filledDatabase(dir);
      const healthy = openDatabase(path);
      expect(quickCheck(healthy)).to.deep.equal([]);
      healthy.close();
      damagePages(path);
      const damaged = openDatabase(path);
      expect(quickCheck(damaged).length).to.be.greaterThan(0);
      damaged.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the scheduled check (in a worker thread, on its own connection) finds damage that appears while the bot runs', async () => {
    const dir = tempDataDir();
    try {
      const path = filledDatabase(dir);
      const db = openDatabase(path);
      const monitor = new IntegrityMonitor(db, path, silentLogger);
      expect((await monitor.checkInBackground()).ok).to.equal(true);
      damagePages(path);
      const status = await monitor.checkInBackground();
      expect(status.ok).to.equal(false);
      expect(status.problems!.length).to.be.greaterThan(0);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('at start-up: /healthz degraded, a clear log line, a staff banner that says what to do; the bot still answers', async function () {
    this.timeout(30_000);
    const dir = tempDataDir();
    damagePages(filledDatabase(dir));
    const lines: string[] = [];
    const hash = await hashPassword(PASSWORD);
    const app = await startTestApp(
      { DATA_DIR: dir, STAFF_USERS: `alice:${hash}`, STAFF_SESSION_SECRET: 'd'.repeat(40) },
      { logger: createLogger('info', {}, { write: (l: string) => void lines.push(l) }) },
    );
    try {
      const health = await call(`${app.base}/healthz`);
      expect(health.body).to.include({ status: 'degraded', database: 'damaged' });
      expect(lines.some((l) => /"level":"error"/.test(l) && l.includes('DATABASE DAMAGED') && l.includes('restore'))).to.equal(true);

      expect(replyText(await ask(app.port, 'after-damage', 'what is dry needling?'))).to.match(/dry needling/i);

      const signedIn = await staffSignIn(app.base, 'alice', PASSWORD);
      expect(signedIn.res.status).to.equal(303);
      const session = signedIn.cookie!;
      for (const path of ['/staff/conversations', '/staff/enquiries', '/staff/unanswered']) {
        const page = await (await fetch(`${app.base}${path}`, { headers: { cookie: session, accept: 'text/html' } })).text();
        expect(page, path).to.match(/class="banner"[^>]*>The bot’s database file is damaged/);
        expect(page, path).to.include('restore the last good backup');
        expect(page, path).to.not.match(/SqliteError|malformed/);
      }
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
