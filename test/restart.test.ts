import { expect } from 'chai';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveIntentModel } from '../src/nlu/model';
import { SqliteEnquiryStore } from '../src/storage/sqlite/enquiries';
import { openDatabase } from '../src/storage/sqlite/db';
import { ReviewQueries } from '../src/storage/sqlite/review';
import { ask, clinic, replyText, startTestApp } from './helpers';

describe('restart in the middle of a dialog', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-restart-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a new app over the same SQLite file continues the booking enquiry where it left off', async () => {
    const env = { DATA_DIR: dir };
    const first = await startTestApp(env);
    expect(replyText(await ask(first.port, 'r1', 'I want to book an appointment'))).to.match(/Is that OK\?/);
    expect(replyText(await ask(first.port, 'r1', 'yes'))).to.match(/What name/);
    expect(replyText(await ask(first.port, 'r1', 'Sam Lee'))).to.match(/phone number or email/);
    await first.close();

    const second = await startTestApp(env);
    try {
      // The dialog stack and the name collected before the restart are still there.
      expect(replyText(await ask(second.port, 'r1', '0412 345 678'))).to.match(/When suits you best/);
      expect(replyText(await ask(second.port, 'r1', 'weekday mornings'))).to.match(/optional/);
      expect(replyText(await ask(second.port, 'r1', 'skip')))
        .to.include('Name: Sam Lee')
        .and.include('Phone: 0412 345 678');
      expect(replyText(await ask(second.port, 'r1', 'yes'))).to.match(/reference [A-Z2-9]{4}-[A-Z2-9]{4}\b/);
      const [enquiry] = (await second.enquiries.list()).items;
      expect(enquiry).to.include({ name: 'Sam Lee', phone: '0412 345 678', preferredTime: 'weekday mornings', status: 'new' });
      // One transcript, both halves, in order.
      const summary = (await second.review.findConversation('emulator', 'r1'))!;
      expect(summary.turns).to.equal(7);
      const userTurns = (await second.review.turns(summary.id)).filter((t) => t.user?.type === 'message');
      expect(userTurns.map((t) => t.user!.text)).to.deep.equal([
        'I want to book an appointment',
        'yes',
        '[enquiry details]',
        '[enquiry details]',
        'weekday mornings',
        'skip',
        'yes',
      ]);
    } finally {
      await second.close();
    }
  });

  describe('a crash (the process is killed)', () => {
    let child: ChildProcess | undefined;
    afterEach(() => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
    });

    /** Starts `node dist/src/index.js` on a free port and waits for its "listening" line. */
    async function startProcess(): Promise<{ port: number; proc: ChildProcess }> {
      const proc = spawn(process.execPath, [join(__dirname, '..', 'src', 'index.js')], {
        env: {
          ...process.env,
          DATA_DIR: dir,
          MODEL_PATH: join(dir, 'model.json'),
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          STAFF_USERS: '',
          STAFF_USERS_FILE: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        let err = '';
        const timer = setTimeout(() => reject(new Error(`the bot did not start: ${err}`)), 20_000);
        proc.stderr!.on('data', (d) => (err += d));
        proc.stdout!.on('data', (d) => {
          out += d;
          const m = /"url":"http:\/\/localhost:(\d+)\/api\/messages"/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        proc.once('exit', (code) => reject(new Error(`the bot exited (${code}): ${err}`)));
      });
      return { port, proc };
    }

    it('loses nothing: after SIGKILL a new process continues the dialog, and the transcript has every turn', async function () {
      this.timeout(60_000);
      saveIntentModel(clinic().model, join(dir, 'model.json')); // so the child does not retrain
      const a = await startProcess();
      await ask(a.port, 'crash', 'please call me back');
      await ask(a.port, 'crash', 'yes');
      expect(replyText(await ask(a.port, 'crash', 'Kim'))).to.match(/phone number or email/);
      a.proc.kill('SIGKILL');
      await new Promise((r) => a.proc.once('exit', r));

      const b = await startProcess();
      expect(replyText(await ask(b.port, 'crash', 'kim@example.org'))).to.match(/When suits you best/);
      for (const text of ['after 5pm', 'skip']) await ask(b.port, 'crash', text);
      expect(replyText(await ask(b.port, 'crash', 'yes'))).to.match(/reference/);
      b.proc.kill('SIGTERM');
      await new Promise((r) => b.proc.once('exit', r));

      const db = openDatabase(join(dir, 'clinic-bot.sqlite'));
      try {
        const [enquiry] = (await new SqliteEnquiryStore(db).list()).items;
        expect(enquiry).to.include({ kind: 'callback', name: 'Kim', email: 'kim@example.org', preferredTime: 'after 5pm' });
        const review = new ReviewQueries(db);
        const summary = (await review.findConversation('emulator', 'crash'))!;
        expect(summary.turns).to.equal(7);
        // Each turn: the message, the bot's reply, the recognition trace.
        expect(await review.activities(summary.id)).to.have.length(21);
      } finally {
        db.close();
      }
    });
  });
});
