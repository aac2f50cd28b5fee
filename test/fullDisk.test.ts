/**
 * A full disk, for real: the data folder is a small tmpfs this test mounts (when it runs as root and mount works),
 * filled up with a file until writes fail with ENOSPC, then emptied again. Where mounting is impossible the same
 * checks run with SQLite's own fault injection (PRAGMA query_only on the bot's connection: every write fails, every
 * read works, as on a full disk, only with another error text), which needs nothing but SQLite, so the test never
 * has to skip; it prints which of the two it used.
 *
 * What a full disk must look like from outside: patients are told once (as for unreachable storage); a call-back
 * request under way stops cleanly instead of asking again; a new one is not started; /healthz is "degraded"; staff can
 * still sign in (the session kept in memory, with a warning) and see a banner; no response carries the storage's
 * error text; and everything comes back by itself once there is space again.
 */
import { withoutPlaceholder } from '../src/teach/placeholders';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { createLogger } from '../src/logger';
import type { SqliteBackend } from '../src/storage/sqlite/index';
import { hashPassword } from '../src/staff/auth';
import { call, eventually, staffSignIn, startTestApp, TestApp } from './appHelpers';
import { ask, clinic, replyText } from './helpers';

const PASSWORD = 'correct horse battery staple';
const LEAKS = /SqliteError|database or disk is full|ENOSPC|SQLITE_FULL|readonly|SQLITE_READONLY/;

type Mode = 'tmpfs' | 'query_only';

function tryMount(dir: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes a file until the filesystem is full. */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    // The last few bytes too, so that not even a small append fits.
    try {
      for (;;) writeSync(fd, Buffer.alloc(512, 1));
    } catch {
      /* full */
    }
  } finally {
    closeSync(fd);
  }
}

describe('a full disk (storage writes fail, reads work)', function () {
  this.timeout(120_000);
  let dir: string;
  let mode: Mode;
  let app: TestApp;
  const lines: string[] = [];
  const bodies: string[] = [];
  // Patients see the phone without its placeholder note (src/teach/placeholders.ts).
  const phone = withoutPlaceholder(clinic().knowledge.clinic.phone);

  const talk = async (conversation: string, text: string): Promise<string> => {
    const replies = await ask(app.port, conversation, text);
    bodies.push(JSON.stringify(replies));
    return replyText(replies as Partial<Activity>[]);
  };

  const sqliteDb = () => (app.backend as SqliteBackend).db;
  const makeFull = () => {
    if (mode === 'tmpfs') {
      // Everything committed so far goes into the main file and the WAL starts empty: the next write needs new space.
      sqliteDb().pragma('wal_checkpoint(TRUNCATE)');
      fill(join(dir, 'filler'));
    } else {
      sqliteDb().pragma('query_only = 1');
    }
  };
  const makeRoom = () => {
    if (mode === 'tmpfs') rmSync(join(dir, 'filler'), { force: true });
    else sqliteDb().pragma('query_only = 0');
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-full-'));
    // FULL_DISK_TEST=query_only forces the fallback (to check it where mounting works).
    mode = process.env.FULL_DISK_TEST !== 'query_only' && tryMount(dir) ? 'tmpfs' : 'query_only';
    console.log(
      `      (full disk by ${mode === 'tmpfs' ? 'a 6 MB tmpfs filled with a file' : 'PRAGMA query_only: mounting a small filesystem is not possible here'})`,
    );
    const hash = await hashPassword(PASSWORD);
    app = await startTestApp(
      { DATA_DIR: dir, STAFF_USERS: `alice:${hash}`, STAFF_SESSION_SECRET: 'f'.repeat(40) },
      { logger: createLogger('info', {}, { write: (l: string) => void lines.push(l) }) },
    );
  });

  after(async () => {
    await app?.close();
    if (mode === 'tmpfs') execFileSync('umount', [dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps patients informed, stops requests cleanly, warns staff, leaks nothing, and recovers when space returns', async () => {
    // A call-back request under way when the disk fills up.
    await talk('under-way', 'please call me back');
    expect(await talk('under-way', 'yes')).to.match(/What name/);
    expect((await call(`${app.base}/healthz`)).body).to.include({ status: 'ok' });

    makeFull();

    // This turn's save fails: from now on the storage counts as failing.
    await talk('under-way', 'Sam Lee');
    const health = await call(`${app.base}/healthz`);
    expect(health.body).to.include({ status: 'degraded', storage: 'degraded' });
    if (mode === 'tmpfs') expect(health.body.storageDetail).to.include({ cause: 'disk full' });

    // The request under way stops instead of asking the same question again.
    const stopped = await talk('under-way', '0412 345 678');
    expect(stopped, 'told about the outage').to.match(/can’t reach our records/);
    expect(stopped)
      .to.match(/can’t save your request/)
      .and.include(phone);
    expect(stopped).to.not.match(/What name|Is that OK|doesn’t look like a phone number/);
    const again = await talk('under-way', 'what is dry needling?');
    expect(again, 'a question is answered').to.match(/dry needling/i);
    expect(again, 'told once, not on every turn').to.not.match(/can’t reach our records/);

    // A new request is not started: the patient gets the clinic's details instead of questions that cannot be kept.
    const fresh = await talk('fresh', 'can someone call me back please');
    expect(fresh)
      .to.match(/can’t take a booking or call-back request/)
      .and.include(phone);
    expect(fresh).to.not.match(/Is that OK/);
    expect(await talk('fresh', 'yes'), 'no consent question to loop on').to.not.match(/Is it OK to collect|Is that OK/);

    // Staff: sign-in works (session in memory, with a warning), the pages carry the banner.
    const signed = await staffSignIn(app.base, 'alice', PASSWORD);
    bodies.push(signed.body);
    expect(signed.res.status, signed.body.slice(0, 200)).to.equal(303);
    expect(lines.some((l) => /"level":"warn"/.test(l) && l.includes('staff session kept in memory'))).to.equal(true);
    for (const path of ['/staff/conversations', '/staff/enquiries']) {
      const page = await (await fetch(`${app.base}${path}`, { headers: { cookie: signed.cookie!, accept: 'text/html' } })).text();
      bodies.push(page);
      expect(page, path).to.match(/class="banner"/);
      expect(page, path).to.match(
        mode === 'tmpfs' ? /disk holding the bot’s data is full/ : /(disk holding the bot’s data is full|cannot reach its storage)/,
      );
    }
    // Direct Line and the JSON endpoints say nothing about the storage either.
    bodies.push(JSON.stringify((await call(`${app.base}/healthz`)).body));
    for (const body of bodies) expect(body).to.not.match(LEAKS);

    // Space again: the probe notices by itself, then everything works as before.
    makeRoom();
    await eventually(async () => (await call(`${app.base}/healthz`)).body.storage === 'ok', 15_000, 'state storage ok again (probe)');
    expect(await talk('after', 'please call me back')).to.match(/Is that OK/);
    // The transcript write of that turn worked too: nothing is failing any more.
    expect((await call(`${app.base}/healthz`)).body).to.include({ status: 'ok', transcripts: 'ok' });
    const page = await (await fetch(`${app.base}/staff/conversations`, { headers: { cookie: signed.cookie!, accept: 'text/html' } })).text();
    expect(page).to.not.match(/class="banner"/);
    for (const text of ['yes', 'Robin Ng', '0412 345 678', 'mornings', 'skip']) await talk('after', text);
    expect(await talk('after', 'yes')).to.match(/sent your request/);
    expect((await app.enquiries.forConversation('emulator', 'after')).map((e) => e.name)).to.deep.equal(['Robin Ng']);
  });
});
