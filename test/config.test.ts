import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, PROJECT_ROOT } from '../src/config';
import { checkCredentials, hashPassword, verifyPassword } from '../src/staff/auth';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration loaded without an error');
}

describe('settings for storage and staff review', () => {
  it('defaults: data/clinic-bot.sqlite, FULL, 180 days, redaction on, staff pages off', () => {
    const c = loadConfig({});
    expect(c.sqlitePath).to.equal(join(PROJECT_ROOT, 'data', 'clinic-bot.sqlite'));
    expect(c).to.include({ sqliteSynchronous: 'FULL', transcriptRetentionDays: 180, redactContactDetails: true });
    expect(c.staff.users).to.deep.equal([]);
  });

  it('SQLITE_PATH is relative to DATA_DIR unless absolute', () => {
    expect(loadConfig({ DATA_DIR: '/srv/bot', SQLITE_PATH: 'x.db' }).sqlitePath).to.equal('/srv/bot/x.db');
    expect(loadConfig({ DATA_DIR: '/srv/bot', SQLITE_PATH: '/var/lib/bot.db' }).sqlitePath).to.equal('/var/lib/bot.db');
  });

  it('refuses a plain password, a short session secret and unknown values, naming the setting', async () => {
    expect(configError({ STAFF_USERS: 'alice:hunter2' })).to.match(/STAFF_USERS: the password of "alice" is not a hash/);
    expect(configError({ STAFF_USERS: `bad name:${await hashPassword('long enough password')}` })).to.match(/not a valid account name/);
    expect(configError({ STAFF_SESSION_SECRET: 'short' })).to.match(/STAFF_SESSION_SECRET must be at least 32 characters/);
    expect(configError({ SQLITE_SYNCHRONOUS: 'OFF' })).to.match(/SQLITE_SYNCHRONOUS must be one of FULL, NORMAL/);
    expect(configError({ REDACT_CONTACT_DETAILS: 'maybe' })).to.match(/REDACT_CONTACT_DETAILS must be true or false/);
    expect(configError({ TRANSCRIPT_RETENTION_DAYS: '-1' })).to.match(/TRANSCRIPT_RETENTION_DAYS/);
  });

  it('reads accounts from STAFF_USERS and STAFF_USERS_FILE, and refuses one listed twice', async () => {
    const hash = await hashPassword('a long staff password');
    const dir = mkdtempSync(join(tmpdir(), 'clinic-users-'));
    try {
      writeFileSync(join(dir, 'users'), `# staff\nbob:${hash}\n\ncarol:${hash}\n`);
      const c = loadConfig({ STAFF_USERS: `alice:${hash}`, STAFF_USERS_FILE: join(dir, 'users') });
      expect(c.staff.users.map((u) => u.name)).to.deep.equal(['alice', 'bob', 'carol']);
      expect(configError({ STAFF_USERS: `bob:${hash}`, STAFF_USERS_FILE: join(dir, 'users') })).to.match(/"bob" is in both/);
      expect(configError({ STAFF_USERS_FILE: join(dir, 'missing') })).to.match(/STAFF_USERS_FILE: cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hashes passwords with scrypt (salted) and checks them; names are case-insensitive', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).to.match(/^scrypt\.16384\.8\.1\./);
    expect(a).to.not.equal(b);
    expect(await verifyPassword('correct horse battery staple', a)).to.equal(true);
    expect(await verifyPassword('correct horse battery stapler', a)).to.equal(false);
    expect(await verifyPassword('x', 'scrypt.99999999.8.1.AAAA.BBBB')).to.equal(false); // absurd cost parameters are refused
    const users = [{ name: 'Alice', passwordHash: a }];
    expect(await checkCredentials(users, 'alice', 'correct horse battery staple')).to.deep.equal(users[0]);
    expect(await checkCredentials(users, 'mallory', 'correct horse battery staple')).to.equal(undefined);
  });
});
