/**
 * Two bot processes (node dist/src/index.js, STORAGE=azure-blob) sharing one Azure Storage account (Azurite):
 * what a load balancer in front of several App Service instances does to a conversation.
 *  - a conversation started on A continues on B with its dialog state;
 *  - the same message delivered to A and B at once (a client retrying on the other instance) is handled
 *    as two turns one after the other (eTags + re-run), never as two turns on the same old state;
 *  - staff review on either instance sees every conversation;
 *  - storage down: the bot still answers, /healthz says degraded, and it recovers when storage is back.
 */
import { expect } from 'chai';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { AzureBlobBackend } from '../src/storage/azure';
import { saveIntentModel } from '../src/nlu/model';
import { hashPassword } from '../src/staff/auth';
import { Azurite, freePort, startAzurite } from './azurite';
import type { Storage, StoreItems } from 'botbuilder';
import { BlobStateStorage } from '../src/storage/azure/blobStateStorage';
import { serviceClient } from '../src/storage/azure/blobs';
import { createLogger } from '../src/logger';
import type { RunningApp } from '../src/app';
import { ask, clinic, replyText, startTestApp } from './helpers';
import { staffSignIn } from './appHelpers';

const PASSWORD = 'correct horse battery staple';

interface Instance {
  name: string;
  port: number;
  proc: ChildProcess;
  /** Parsed log lines (info and above; never message text). */
  logs: Array<Record<string, unknown>>;
}

describe('two instances sharing Azure Blob Storage (Azurite)', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  let dir: string;
  let env: Record<string, string>;
  let a: Instance;
  let b: Instance;
  let backend: AzureBlobBackend;

  async function startInstance(name: string): Promise<Instance> {
    const proc = spawn(process.execPath, [join(__dirname, '..', 'src', 'index.js')], {
      env: { ...process.env, ...env, DATA_DIR: join(dir, name), PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: Array<Record<string, unknown>> = [];
    let buffered = '';
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start: ${err}`)), 30_000);
      proc.stdout!.on('data', (d) => {
        buffered += d;
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          try {
            const entry = JSON.parse(line) as Record<string, unknown>;
            logs.push(entry);
            if (entry.msg === 'clinic bot listening') {
              clearTimeout(timer);
              resolve(Number(entry.port));
            }
          } catch {
            /* not a log line */
          }
        }
      });
      proc.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${err}`)));
    });
    return { name, port, proc, logs };
  }

  async function stop(instance: Instance | undefined): Promise<void> {
    if (!instance || instance.proc.exitCode !== null) return;
    const exited = new Promise((r) => instance.proc.once('exit', r));
    instance.proc.kill('SIGTERM');
    await exited;
  }

  async function health(instance: Instance): Promise<{ status: string; storage: string }> {
    return (await fetch(`http://127.0.0.1:${instance.port}/healthz`)).json() as Promise<{ status: string; storage: string }>;
  }

  async function staffSession(instance: Instance): Promise<string> {
    const { res, cookie } = await staffSignIn(`http://127.0.0.1:${instance.port}`, 'alice', PASSWORD);
    expect(res.status).to.equal(303);
    return cookie!;
  }

  before(async () => {
    azurite = await startAzurite({ persistent: true });
    dir = mkdtempSync(join(tmpdir(), 'clinic-scale-'));
    saveIntentModel(clinic().model, join(dir, 'model.json')); // so the instances do not retrain
    env = {
      STORAGE: 'azure-blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      MODEL_PATH: join(dir, 'model.json'),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      STAFF_USERS: `alice:${await hashPassword(PASSWORD)}`,
      STAFF_USERS_FILE: '',
      STAFF_SESSION_SECRET: 's'.repeat(40),
      RATE_LIMIT_PER_CONVERSATION: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
    };
    [a, b] = await Promise.all([startInstance('a'), startInstance('b')]);
    backend = await AzureBlobBackend.open({
      connectionString: azurite.connectionString,
      stateContainer: 'bot-state',
      transcriptContainer: 'transcripts',
      enquiryContainer: 'enquiries',
    });
  });

  after(async () => {
    await Promise.all([stop(a), stop(b)]);
    await azurite?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start with STORAGE=azure-blob and no connection string, saying why', async () => {
    const proc = spawn(process.execPath, [join(__dirname, '..', 'src', 'index.js')], {
      env: { ...process.env, ...env, AZURE_STORAGE_CONNECTION_STRING: '', DATA_DIR: join(dir, 'bad') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    const code = await new Promise((r) => proc.once('exit', r));
    expect(code).to.equal(1);
    expect(err).to.include('STORAGE=azure-blob needs AZURE_STORAGE_CONNECTION_STRING');
  });

  it('refuses to start when the storage account cannot be reached, saying so', async () => {
    const closed = await freePort();
    const proc = spawn(process.execPath, [join(__dirname, '..', 'src', 'index.js')], {
      env: {
        ...process.env,
        ...env,
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(`:${azurite.port}/`, `:${closed}/`),
        DATA_DIR: join(dir, 'bad'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    const code = await new Promise((r) => proc.once('exit', r));
    expect(code).to.equal(1);
    expect(err).to.include('The bot cannot start: cannot reach Azure Storage').and.not.include('AccountKey');
  });

  it('a conversation started on A continues on B, and back, with its dialog state', async () => {
    expect(replyText(await ask(a.port, 'hop', 'please call me back'))).to.match(/Is that OK\?/);
    expect(replyText(await ask(b.port, 'hop', 'yes'))).to.match(/What name/);
    expect(replyText(await ask(a.port, 'hop', 'Kim Park'))).to.match(/phone number or email/);
    expect(replyText(await ask(b.port, 'hop', 'kim@example.org'))).to.match(/When suits you best/);
    expect(replyText(await ask(a.port, 'hop', 'after 5pm'))).to.match(/optional/);
    expect(replyText(await ask(b.port, 'hop', 'skip')))
      .to.include('Name: Kim Park')
      .and.include('Email: kim@example.org');
    expect(replyText(await ask(a.port, 'hop', 'yes'))).to.match(/reference [A-Z2-9]{4}-[A-Z2-9]{4}\b/);
    const [enquiry] = (await backend.enquiries.list()).items.filter((e) => e.conversationId === 'hop');
    expect(enquiry).to.include({ kind: 'callback', name: 'Kim Park', email: 'kim@example.org', preferredTime: 'after 5pm', status: 'new' });
    // Every turn once, in order, from both instances: message, reply, trace per turn.
    const activities = await backend.transcripts.allActivities('emulator', 'hop');
    expect(activities.filter((x) => x.from?.role === 'user').map((x) => x.text)).to.have.length(7);
    expect(activities).to.have.length(21);
  });

  it('the same message on A and B at once: handled one after the other, each reply sent once, no update lost', async () => {
    const conversations = ['dup-1', 'dup-2', 'dup-3', 'dup-4', 'dup-5', 'dup-6'];
    for (const c of conversations) {
      await ask(a.port, c, 'please call me back');
      expect(replyText(await ask(b.port, c, 'yes'))).to.match(/What name/);
    }
    const results = await Promise.all(conversations.map((c) => Promise.all([ask(a.port, c, 'Sam Lee'), ask(b.port, c, 'Sam Lee')])));
    for (const [i, pair] of results.entries()) {
      const texts = pair.map((replies: Partial<Activity>[]) => replyText(replies));
      // One of them took the name; the other then found the contact question and did not accept a name as contact details.
      expect(
        texts.filter((t) => /What phone number or email address should we use/.test(t)),
        conversations[i],
      ).to.have.length(1);
      expect(
        texts.filter((t) => /doesn’t look like a phone number/.test(t)),
        conversations[i],
      ).to.have.length(1);
      for (const replies of pair)
        expect(
          replies.filter((r) => r.type === 'message'),
          'one reply per turn, never a re-run’s reply too',
        ).to.have.length(1);
      // Both turns and their replies are in the transcript exactly once.
      const messages = (await backend.transcripts.allActivities('emulator', conversations[i])).filter((x) => x.type === 'message');
      expect(messages).to.have.length(8);
    }
    // The dialog then carries on from the state both turns left.
    expect(replyText(await ask(a.port, 'dup-1', '0412 345 678'))).to.match(/When suits you best/);
    // How many pairs really overlapped depends on timing (the test below forces it); each outcome above holds either way.
  });

  it('staff review on either instance sees every conversation, with one sign-in', async () => {
    await ask(b.port, 'only-on-b', 'what is dry needling?');
    await ask(a.port, 'only-on-a', 'what is acupuncture?');
    // Signed in on A: the same session works on B (sessions are in the shared storage too).
    const cookie = await staffSession(a);
    for (const instance of [a, b]) {
      const res = await fetch(`http://127.0.0.1:${instance.port}/staff/api/conversations?limit=200`, { headers: { cookie } });
      expect(res.status).to.equal(200);
      const ids = ((await res.json()) as { items: Array<{ conversationId: string }> }).items.map((c) => c.conversationId);
      expect(ids, instance.name).to.include.members(['hop', 'dup-1', 'only-on-a', 'only-on-b']);
      const enquiries = (await (await fetch(`http://127.0.0.1:${instance.port}/staff/api/enquiries`, { headers: { cookie } })).json()) as {
        items: Array<{ name: string }>;
      };
      expect(
        enquiries.items.map((e) => e.name),
        instance.name,
      ).to.include('Kim Park');
    }
    // Signing out on B ends the session on A as well.
    const page = await (await fetch(`http://127.0.0.1:${b.port}/staff/conversations`, { headers: { cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1];
    const out = await fetch(`http://127.0.0.1:${b.port}/staff/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, accept: 'text/html' },
      body: new URLSearchParams({ csrf }).toString(),
    });
    expect(out.status).to.equal(303);
    expect((await fetch(`http://127.0.0.1:${a.port}/staff/api/conversations`, { headers: { cookie } })).status).to.equal(401);
  });

  it('storage down: answers without memory, /healthz says degraded; recovers when storage is back', async () => {
    await ask(a.port, 'outage', 'please call me back');
    expect(replyText(await ask(a.port, 'outage', 'yes'))).to.match(/What name/);
    expect(await health(a)).to.include({ status: 'ok', storage: 'ok' });

    await azurite.stop();
    const started = Date.now();
    const during = replyText(await ask(a.port, 'down', 'what is dry needling?'));
    expect(Date.now() - started, 'answered promptly').to.be.below(15_000);
    expect(during).to.match(/dry needling/i);
    expect(during, 'says it may have lost the thread').to.match(/can’t reach our records/);
    expect(await health(a)).to.include({ status: 'degraded', storage: 'degraded' });

    await azurite.start();
    // The conversation's saved state was kept: the dialog carries on where it was.
    expect(replyText(await ask(a.port, 'outage', 'Robin'))).to.match(/phone number or email/);
    expect(await health(a)).to.include({ status: 'ok', storage: 'ok' });
    expect(replyText(await ask(b.port, 'outage', 'robin@example.org'))).to.match(/When suits you best/);
  });
});

/** State storage whose reads take `delayMs` longer: two turns of one conversation then surely overlap. */
class SlowReads implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly delayMs: number,
  ) {}
  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    await new Promise((r) => setTimeout(r, this.delayMs));
    return items;
  }
  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

describe('two turns of one conversation overlapping on two instances (eTags)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  const apps: RunningApp[] = [];
  const logs: Array<Record<string, unknown>> = [];

  before(async () => {
    azurite = await startAzurite();
    for (let i = 0; i < 2; i++) {
      const env = {
        STORAGE: 'azure-blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        RATE_LIMIT_PER_CONVERSATION: '0',
        RATE_LIMIT_PER_ADDRESS: '0',
      };
      const state = new BlobStateStorage(serviceClient(azurite.connectionString).getContainerClient('bot-state'));
      const logger = createLogger('warn', {}, { write: (line: string) => void logs.push(JSON.parse(line)) });
      apps.push(await startTestApp(env, { storage: new SlowReads(state, 300), logger }));
    }
  });

  after(async () => {
    for (const app of apps) await app.close();
    await azurite?.dispose();
  });

  it('both read the same state; the second save conflicts, that turn runs again on the first one’s result, and only its replies are sent', async () => {
    const [a, b] = apps;
    await ask(a.port, 'overlap', 'please call me back');
    expect(replyText(await ask(b.port, 'overlap', 'yes'))).to.match(/What name/);
    const [fromA, fromB] = await Promise.all([ask(a.port, 'overlap', 'Sam Lee'), ask(b.port, 'overlap', 'Sam Lee')]);
    const texts = [replyText(fromA), replyText(fromB)];
    expect(texts.filter((t) => /What phone number or email address should we use/.test(t))).to.have.length(1);
    expect(texts.filter((t) => /doesn’t look like a phone number/.test(t))).to.have.length(1);
    for (const replies of [fromA, fromB]) expect(replies.filter((r) => r.type === 'message')).to.have.length(1);
    const reruns = logs.filter((l) => String(l.msg).startsWith('conversation state changed during the turn'));
    expect(reruns.map((l) => l.conversationId)).to.deep.equal(['overlap']);
    // Stored once each: 4 user messages, 4 replies (the re-run's first replies were never sent nor logged).
    const messages = (await apps[0].transcripts.allActivities('emulator', 'overlap')).filter((x) => x.type === 'message');
    expect(messages).to.have.length(8);
    expect(replyText(await ask(a.port, 'overlap', 'sam@example.org'))).to.match(/When suits you best/);
  });

  it('a re-run turn that says what its discarded run said still sends it: the same question at once on both gets two answers', async () => {
    const [a, b] = apps;
    await ask(a.port, 'same-question', 'hello');
    const [fromA, fromB] = await Promise.all([
      ask(a.port, 'same-question', 'what is dry needling?'),
      ask(b.port, 'same-question', 'what is dry needling?'),
    ]);
    const reruns = logs.filter((l) => String(l.msg).startsWith('conversation state changed during the turn') && l.conversationId === 'same-question');
    expect(reruns, 'the two turns overlapped and one ran again').to.have.length.at.least(1);
    for (const replies of [fromA, fromB]) {
      expect(
        replies.filter((r) => r.type === 'message'),
        'one answer each',
      ).to.have.length(1);
      expect(replyText(replies)).to.match(/dry needling/i);
    }
  });
});
