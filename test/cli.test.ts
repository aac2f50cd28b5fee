import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { SqliteEnquiryStore } from '../src/storage/sqlite/enquiries';
import { DAY_MS } from '../src/storage/retention';
import { ReviewQueries } from '../src/storage/sqlite/review';
import { SqliteStorage } from '../src/storage/sqlite/state';
import { SqliteTranscriptStore } from '../src/storage/sqlite/transcripts';
import { main } from '../src/cli/transcripts';
import { Conversation, tempDb, TempDb } from './helpers';

const CLI = join(__dirname, '..', 'src', 'cli', 'transcripts.js');

describe('npm run transcripts (CLI)', () => {
  let t: TempDb;

  const env = () => ({ ...process.env, DATA_DIR: t.dir, SQLITE_PATH: 'clinic-bot.sqlite', TRANSCRIPT_RETENTION_DAYS: '30' });

  /** Runs the CLI in this process (the same main() the script runs), capturing its output. */
  async function cli(...args: string[]) {
    let out = '';
    let err = '';
    const code = await main(args, { env: env(), write: (chunk) => void (out += chunk), note: (line) => void (err += line + '\n') });
    return { code, out, err };
  }

  before(async function () {
    this.timeout(20_000);
    t = tempDb();
    const store = new SqliteTranscriptStore(t.db);
    const parts = { storage: new SqliteStorage(t.db), transcripts: store, enquiries: new SqliteEnquiryStore(t.db) };
    const a = new Conversation('webchat', 'cli-a', parts);
    for (const text of ['can dry needling help tennis elbow?', 'do you sell gift vouchers?']) await a.say(text);
    const b = new Conversation('msteams', 'cli-b', parts);
    await b.say('what is acupuncture?');
    // An old conversation, for the retention purge.
    const old = new Date(Date.now() - 60 * DAY_MS);
    await store.logActivity({
      type: 'message',
      text: 'an old question',
      timestamp: old,
      channelId: 'webchat',
      conversation: { id: 'cli-old' },
      from: { id: 'u', role: 'user' },
      recipient: { id: 'bot' },
    } as Activity);
  });
  after(() => t.remove());

  it('runs as a process: npm run transcripts -- list', () => {
    const run = spawnSync(process.execPath, [CLI, 'list', '--limit', '1'], { env: env(), encoding: 'utf8', timeout: 20_000 });
    expect(run.status).to.equal(0);
    expect(run.stdout.trim().split('\n')).to.have.length(2);
    expect(run.stderr).to.match(/more: add --before \d+$/m);
  });

  it('list: the conversations, newest first, with turns and flags; filters work', async () => {
    const { code, out } = await cli('list');
    expect(code).to.equal(0);
    const rows = out.trim().split('\n');
    expect(rows[0]).to.equal('id\tstarted\tchannel\tturns\tflags\tfirst message');
    // Newest first, in the order the store first saw them (the back-dated one was logged last).
    const ids = rows.slice(1).map((r) => Number(r.split('\t')[0]));
    expect(ids).to.deep.equal([...ids].sort((a, b) => b - a));
    expect(rows.slice(1).map((r) => r.split('\t')[2])).to.deep.equal(['webchat', 'msteams', 'webchat']);
    expect(rows[3]).to.match(/\twebchat\t2\tfallback\tcan dry needling help tennis elbow\?$/);
    const teams = await cli('list', '--channel', 'msteams');
    expect(teams.out.trim().split('\n')).to.have.length(2);
    const search = await cli('list', '--q', 'vouchers');
    expect(search.out).to.include('tennis elbow').and.not.include('msteams');
  });

  it('show: each turn with what the bot understood', async () => {
    const id = (await new ReviewQueries(t.db).findConversation('webchat', 'cli-a'))!.id;
    for (const ref of [String(id), 'cli-a']) {
      const { code, out } = await cli('show', ref);
      expect(code).to.equal(0);
      expect(out).to.include('patient: can dry needling help tennis elbow?');
      expect(out).to.match(/understood: condition_query 1\.00, condition Tennis elbow \(lateral epicondylitis\) -> answered \(/);
      expect(out).to.match(/bot: Yes\./);
    }
  });

  it('export <id>: a .transcript JSON array; export --from --to: CSV and JSON', async () => {
    const one = await cli('export', 'cli-b');
    expect(one.code).to.equal(0);
    const activities = JSON.parse(one.out) as Activity[];
    expect(activities[0]).to.include({ type: 'message', text: 'what is acupuncture?' });

    const out = join(t.dir, 'range.csv');
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const csv = await cli('export', '--from', day, '--to', day, '--format', 'csv', '--out', out);
    expect(csv.code, csv.err).to.equal(0);
    expect(csv.err).to.include('2 conversation(s) exported');
    const text = readFileSync(out, 'utf8');
    expect(text).to.include('cli-a,webchat').and.include('cli-b,msteams').and.not.include('cli-old');
    expect((await cli('export', '--from', day, '--to', day, '--format', 'csv', '--out', out)).code).to.equal(1); // never overwrites
    const json = await cli('export', '--from', '2000-01-01', '--to', day, '--format', 'json');
    expect((JSON.parse(json.out) as unknown[]).length).to.equal(3);
  });

  it('unanswered: grouped, and as training candidates', async () => {
    const { out } = await cli('unanswered', '--format', 'txt');
    expect(out).to.include('# Intent:').and.include('do you sell gift vouchers?');
  });

  it('purge: removes what is older than the retention period, keeps the rest', async () => {
    const { code, out } = await cli('purge');
    expect(code).to.equal(0);
    expect(out).to.match(/purged 1 conversation/);
    expect((await cli('show', 'cli-old')).code).to.equal(2);
    expect((await cli('show', 'cli-a')).code).to.equal(0);
  });

  it('delete: one conversation and everything kept about it', async () => {
    const { code, out } = await cli('delete', 'cli-b');
    expect(code).to.equal(0);
    expect(out).to.match(/deleted conversation \d+ \(msteams \/ cli-b\): 3 activities/);
    expect((await cli('show', 'cli-b')).err).to.include('no conversation "cli-b"');
  });

  it('answers bad input with a message and the usage, never a stack trace', async () => {
    for (const args of [
      ['frobnicate'],
      ['show'],
      ['list', '--flag', 'nope'],
      ['list', '--from', '31/12/2024'],
      ['export', '--format', 'xml'],
      ['purge', '--days', '-3'],
      ['list', '--before', 'x;DROP'],
    ]) {
      const { code, err } = await cli(...args);
      expect(code, args.join(' ')).to.equal(2);
      expect(err, args.join(' '))
        .to.include('usage: npm run transcripts')
        .and.not.match(/\n\s+at /);
    }
    expect((await cli()).code).to.equal(2);
  });

  it('says where it looked when there is no database, and creates none', async () => {
    let err = '';
    const code = await main(['list'], {
      env: { ...process.env, DATA_DIR: join(t.dir, 'nowhere') },
      write: () => undefined,
      note: (l) => void (err += l),
    });
    expect(code).to.equal(1);
    expect(err).to.match(/no database at .*nowhere/);
    expect(existsSync(join(t.dir, 'nowhere'))).to.equal(false);
  });
});

describe('npm run evaluate:safety (CLI)', () => {
  it('--hide-text keeps every message text out of the printed misses and the --json file, ids and outcomes kept', function () {
    this.timeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'safety-cli-'));
    try {
      const secret = 'my zebra-striped chest feels crushed and I am sweating';
      const lines = [
        { id: 'h1', text: secret, tier: 'emergency', theme: 'chest_heart', style: 'plain' },
        { id: 'h2', text: 'what are your opening hours on quokka day?', tier: 'clinic', theme: 'after_effects', style: 'plain' },
        { id: 'h3', text: 'what is a trigger point, and who does dry needling?', tier: 'none', theme: 'everyday_questions', style: 'plain' },
      ];
      writeFileSync(join(dir, 'set.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      const run = spawnSync(
        process.execPath,
        [join(__dirname, '..', 'src', 'cli', 'evaluateSafety.js'), '--file', join(dir, 'set.jsonl'), '--hide-text', '--json', join(dir, 'out.json')],
        { encoding: 'utf8', timeout: 110_000, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } },
      );
      expect(run.status, run.stderr).to.equal(0);
      const written = readFileSync(join(dir, 'out.json'), 'utf8');
      for (const l of lines) {
        expect(run.stdout).to.not.include(l.text);
        expect(written).to.not.include(l.text);
      }
      // (a plain question labelled clinic gets no guidance: a miss, listed by id without its words)
      expect(JSON.parse(written).misses.map((m: { id: string }) => m.id)).to.include('h2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run evaluate -- --offtopic FILE (CLI)', () => {
  it('prints how many off-topic messages were declined and the ids of the rest, never their text', function () {
    this.timeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'offtopic-cli-'));
    try {
      const lines = [
        { id: 'o1', text: 'what is the exchange rate for the yen to the quokka dollar today' },
        { id: 'o2', text: 'can dry needling help my sciatica' },
      ];
      writeFileSync(join(dir, 'set.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      const run = spawnSync(process.execPath, [join(__dirname, '..', 'src', 'cli', 'evaluate.js'), '--offtopic', join(dir, 'set.jsonl')], {
        encoding: 'utf8',
        timeout: 110_000,
        env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      });
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.include('1 of 2 declined, 1 accepted');
      expect(run.stdout).to.match(/accepted ids: o2\s*$/m);
      for (const l of lines) expect(run.stdout).to.not.include(l.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
