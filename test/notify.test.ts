/**
 * Staff notifications end to end: the real app over HTTP, a real SMTP server (smtp-server) and a local webhook
 * receiver started here. A call-back request, an urgent message and a request for a person each reach staff by
 * email and webhook, once, with a link to the staff page and none of what the patient wrote; while the mail server
 * is down the patient is answered as usual, the failure shows on /healthz and the staff pages, and the email goes
 * out once the server is back.
 */
import { expect } from 'chai';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ConfigError, loadConfig } from '../src/config';
import { webhookBody } from '../src/notify/message';
import type { RunningApp } from '../src/app';
import { NotificationDispatcher } from '../src/notify/dispatcher';
import type { Sender } from '../src/notify/senders';
import { hashPassword } from '../src/staff/auth';
import { SqliteOutbox } from '../src/storage/sqlite/outbox';
import { silentLogger } from '../src/logger';
import { eventually } from './appHelpers';
import { Azurite, startAzurite } from './azurite';
import { ask, replyText, startTestApp, tempDb } from './helpers';
import { staffSignIn } from './staffSession';

const PUBLIC_URL = 'https://bot.clinic.example';
const PASSWORD = 'correct horse battery staple';

interface Mail {
  to: string[];
  text: string;
}

/** Quoted-printable soft breaks and escapes undone, so the test reads the message as a person would. */
function decode(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

class Mailbox {
  readonly mails: Mail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: decode(Buffer.concat(chunks).toString('utf8')) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

class WebhookReceiver {
  readonly posts: any[] = [];
  status = 200;
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (this.status === 200) this.posts.push({ contentType: req.headers['content-type'], body: JSON.parse(body) });
        res.statusCode = this.status;
        res.end(this.status === 200 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

async function callBack(port: number, conversation: string): Promise<void> {
  for (const text of ['please call me back', 'yes', 'Robin Quill', '0412 345 678', 'mornings', 'my sore knee', 'yes'])
    await ask(port, conversation, text);
}

describe('staff notifications (SMTP and webhook)', function () {
  this.timeout(60_000);
  const mailbox = new Mailbox();
  const hook = new WebhookReceiver();
  let app: RunningApp;
  let base: string;

  before(async () => {
    await mailbox.start();
    await hook.start();
    const hash = await hashPassword(PASSWORD);
    app = await startTestApp(
      {
        PUBLIC_URL: `${PUBLIC_URL}/`,
        NOTIFY_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
        NOTIFY_EMAIL_FROM: 'bot@clinic.example',
        NOTIFY_EMAIL_TO: 'reception@clinic.example, manager@clinic.example',
        NOTIFY_WEBHOOK_URL: hook.url,
        STAFF_USERS: `alice:${hash}`,
        STAFF_SESSION_SECRET: 'x'.repeat(40),
      },
      { notify: { pollMs: 100, firstRetryMs: 100, maxRetryMs: 400 } },
    );
    base = `http://127.0.0.1:${app.port}`;
  });

  after(async () => {
    await app?.close();
    await mailbox.stop();
    await hook.stop();
  });

  it('a call-back request is emailed and posted to the webhook once, linking to the enquiry, without the patient’s details or words', async () => {
    await callBack(app.port, 'conv-callback');
    const mail = await eventually(() => mailbox.mails.find((m) => /call-back request/i.test(m.text)), 10_000, 'the email');
    const post = await eventually(() => hook.posts.find((p) => /call-back request/i.test(p.body.text)), 10_000, 'the webhook post');
    const [enquiry] = (await app.enquiries.list()).items;
    expect(mail.to).to.have.members(['reception@clinic.example', 'manager@clinic.example']);
    expect(mail.text).to.include(`${PUBLIC_URL}/staff/enquiries/${enquiry.id}`);
    expect(post.contentType).to.match(/application\/json/);
    expect(post.body.text).to.include(`${PUBLIC_URL}/staff/enquiries/${enquiry.id}`);
    for (const secret of ['Robin', 'Quill', '0412', '345 678', 'knee', 'mornings', 'call me back']) {
      expect(mail.text, secret).to.not.include(secret);
      expect(JSON.stringify(post.body), secret).to.not.include(secret);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(mailbox.mails.filter((m) => /call-back request/i.test(m.text))).to.have.length(1);
    expect(hook.posts.filter((p) => /call-back request/i.test(p.body.text))).to.have.length(1);
    // The bot handed the request over to staff, but it is announced once, as the request, not also as "asked for a person".
    expect(mailbox.mails.filter((m) => /asked for a person/i.test(m.text))).to.deep.equal([]);
  });

  it('an urgent conversation and a request for a person are announced once per conversation, linking to it', async () => {
    await ask(app.port, 'conv-urgent', 'I have chest pain');
    await ask(app.port, 'conv-urgent', "I can't breathe properly");
    await ask(app.port, 'conv-person', 'I want to speak to a human');
    const urgent = await eventually(() => mailbox.mails.find((m) => /urgent conversation/i.test(m.text)), 10_000, 'the urgent email');
    await eventually(() => mailbox.mails.find((m) => /asked for a person/i.test(m.text)), 10_000, 'the handoff email');
    const row = await app.review.findConversation('emulator', 'conv-urgent');
    expect(urgent.text).to.include(`${PUBLIC_URL}/staff/conversations/${row!.id}`);
    expect(urgent.text).to.not.match(/chest|breathe/i);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailbox.mails.filter((m) => /urgent conversation/i.test(m.text))).to.have.length(1);
    expect(hook.posts.filter((p) => /urgent conversation/i.test(p.body.text))).to.have.length(1);
  });

  it('while the mail server is down the patient is answered, /healthz and the staff pages show the failure, and the email goes out once it is back', async () => {
    const port = mailbox.port;
    await mailbox.stop();
    hook.status = 503;
    const postsBefore = hook.posts.length;
    const before = mailbox.mails.length;
    const replies = await ask(app.port, 'conv-down', 'I want to speak to a human');
    expect(replyText(replies)).to.not.equal('');
    const health = await eventually(
      async () => {
        const h = (await (await fetch(`${base}/healthz`)).json()) as any;
        return h.notifications?.status === 'failing' && h.notifications.targets.email?.lastError && h.notifications.targets.webhook?.lastError
          ? h
          : undefined;
      },
      10_000,
      '/healthz to report the failure',
    );
    expect(health.status).to.equal('ok'); // the bot itself still works
    expect(health.notifications.targets.webhook.lastError).to.match(/503/);

    // Staff see it on every page, and the waiting notification on the notifications page.
    const { cookie } = await staffSignIn(base, 'alice', PASSWORD);
    const page = await (await fetch(`${base}/staff/conversations`, { headers: { cookie } })).text();
    expect(page).to.match(/notifications are failing/i);
    const log = await (await fetch(`${base}/staff/notifications`, { headers: { cookie } })).text();
    expect(log).to.match(/waiting/);
    expect(log).to.match(/ECONNREFUSED|connect/i);

    await mailbox.start(port);
    hook.status = 200;
    await eventually(() => mailbox.mails.slice(before).find((m) => /asked for a person/i.test(m.text)), 15_000, 'the retried email');
    await eventually(() => hook.posts.slice(postsBefore).find((p) => /asked for a person/i.test(p.body.text)), 15_000, 'the retried post');
    await eventually(
      async () => ((await (await fetch(`${base}/healthz`)).json()) as any).notifications.status === 'ok',
      15_000,
      '/healthz to report ok again',
    );
    const entries = await app.backend.outbox.recent(50);
    const down = entries.find((e) => e.conversationId === 'conv-down')!;
    expect(down.sentAt).to.be.a('number');
    expect(down.attempts).to.be.greaterThan(1);
  });
});

describe('staff notification dispatcher', () => {
  it('two instances sharing one outbox send each event once', async () => {
    const db = tempDb();
    try {
      const outbox = new SqliteOutbox(db.db);
      const sent: string[] = [];
      const sender: Sender = { target: 'email', send: async (n) => void sent.push(n.link) };
      const link = async (e: { key: string }) => e.key;
      const a = new NotificationDispatcher(outbox, [sender], link, silentLogger);
      const b = new NotificationDispatcher(outbox, [sender], link, silentLogger);
      for (let i = 0; i < 30; i++) {
        const event = {
          key: `enquiry:${i}`,
          kind: 'callback' as const,
          at: Date.now(),
          channelId: 'emulator',
          conversationId: `c${i}`,
          enquiryId: i,
        };
        a.notify(event);
        b.notify(event); // the same event noticed by both instances
      }
      await Promise.all([a.idle(), b.idle()]);
      await Promise.all([a.pass(), b.pass(), a.pass(), b.pass()]);
      expect(sent).to.have.length(30);
      expect(new Set(sent).size).to.equal(30);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      db.remove();
    }
  });

  it('a failing target is retried with growing delays while the other is not sent again', async () => {
    const db = tempDb();
    try {
      const outbox = new SqliteOutbox(db.db);
      const webhookCalls: number[] = [];
      let mailUp = false;
      const email: Sender = {
        target: 'email',
        send: async () => {
          if (!mailUp) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
        },
      };
      const webhook: Sender = { target: 'webhook', send: async () => void webhookCalls.push(Date.now()) };
      const d = new NotificationDispatcher(outbox, [email, webhook], async () => '/staff/x', silentLogger, { firstRetryMs: 1000, maxRetryMs: 8000 });
      await outbox.add({ key: 'urgent:x', kind: 'urgent', at: Date.now(), channelId: 'emulator', conversationId: 'x' });
      await d.pass();
      let [entry] = await outbox.recent(1);
      expect(entry.delivered).to.deep.equal(['webhook']);
      expect(entry.lastError).to.match(/ECONNREFUSED/);
      const firstDelay = entry.nextAt - Date.now();
      expect(firstDelay).to.be.within(500, 1300);
      await d.pass(entry.nextAt);
      [entry] = await outbox.recent(1);
      expect(entry.nextAt - Date.now()).to.be.greaterThan(firstDelay + 300); // the delay doubles (with jitter)
      expect(d.health().status).to.equal('failing');
      mailUp = true;
      await d.pass(entry.nextAt);
      [entry] = await outbox.recent(1);
      expect(entry.sentAt).to.be.a('number');
      expect(entry.delivered).to.have.members(['email', 'webhook']);
      expect(webhookCalls).to.have.length(1);
      expect(d.health().status).to.equal('ok');
      await d.stop();
    } finally {
      db.remove();
    }
  });
});

describe('staff notification settings and webhook formats', () => {
  it('refuses incomplete or malformed settings with the setting’s name', () => {
    expect(() => loadConfig({ NOTIFY_SMTP_URL: 'smtp://mail.clinic.example:587' })).to.throw(ConfigError, /NOTIFY_EMAIL_FROM and NOTIFY_EMAIL_TO/);
    expect(() => loadConfig({ NOTIFY_SMTP_URL: 'mail.clinic.example', NOTIFY_EMAIL_FROM: 'a@b.c', NOTIFY_EMAIL_TO: 'd@e.f' })).to.throw(
      ConfigError,
      /NOTIFY_SMTP_URL/,
    );
    expect(() => loadConfig({ NOTIFY_SMTP_URL: 'smtp://h:25', NOTIFY_EMAIL_FROM: 'a@b.c', NOTIFY_EMAIL_TO: 'reception' })).to.throw(
      ConfigError,
      /"reception" is not an email address/,
    );
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'ftp://hooks.example' })).to.throw(ConfigError, /NOTIFY_WEBHOOK_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'bot.clinic.example' })).to.throw(ConfigError, /PUBLIC_URL/);
    expect(() => loadConfig({ NOTIFY_WEBHOOK_FORMAT: 'discord' })).to.throw(ConfigError, /NOTIFY_WEBHOOK_FORMAT/);
    const config = loadConfig({
      PUBLIC_URL: 'https://bot.clinic.example/',
      NOTIFY_SMTP_URL: 'smtps://u:p@h:465',
      NOTIFY_EMAIL_FROM: 'bot@clinic.example',
      NOTIFY_EMAIL_TO: 'a@clinic.example, b@clinic.example',
    });
    expect(config.publicUrl).to.equal('https://bot.clinic.example');
    expect(config.notify.emailTo).to.deep.equal(['a@clinic.example', 'b@clinic.example']);
  });

  it('posts {"text"} for Slack and an Adaptive Card with a button to the staff page for Teams Workflows', () => {
    const n = { kind: 'booking' as const, at: new Date(Date.UTC(2026, 0, 5, 9, 30)), link: 'https://bot.clinic.example/staff/enquiries/4' };
    const slack = webhookBody(n, 'slack') as { text: string };
    expect(Object.keys(slack)).to.deep.equal(['text']);
    expect(slack.text).to.equal(
      'New booking request at 2026-01-05 09:30 UTC. A patient asked to book an appointment. Open it on the staff pages: https://bot.clinic.example/staff/enquiries/4',
    );
    const teams = webhookBody(n, 'teams') as any;
    expect(teams.type).to.equal('message');
    expect(teams.attachments[0].contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0].content.type).to.equal('AdaptiveCard');
    expect(teams.attachments[0].content.actions).to.deep.equal([{ type: 'Action.OpenUrl', title: 'Open the staff page', url: n.link }]);
  });
});

describe('staff notifications with two instances on Azure Blob storage (Azurite)', function () {
  this.timeout(120_000);
  const mailbox = new Mailbox();
  let azurite: Azurite;
  const apps: RunningApp[] = [];

  before(async () => {
    azurite = await startAzurite();
    await mailbox.start();
    for (let i = 0; i < 2; i++) {
      apps.push(
        await startTestApp(
          {
            STORAGE: 'azure-blob',
            AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
            PUBLIC_URL: PUBLIC_URL,
            NOTIFY_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
            NOTIFY_EMAIL_FROM: 'bot@clinic.example',
            NOTIFY_EMAIL_TO: 'reception@clinic.example',
          },
          { notify: { pollMs: 50, firstRetryMs: 100, maxRetryMs: 400 } },
        ),
      );
    }
  });

  after(async () => {
    for (const app of apps) await app.close();
    await mailbox.stop();
    await azurite?.dispose();
  });

  it('each event is emailed once although both instances poll the shared outbox', async () => {
    const [a, b] = apps;
    // Each instance notices its own events; the same urgent conversation continued on the other instance is the same event.
    await callBack(a.port, 'blob-callback');
    await ask(b.port, 'blob-urgent', 'I have chest pain');
    await ask(a.port, 'blob-urgent', "I can't breathe properly");
    await ask(b.port, 'blob-person', 'I want to speak to a human');
    await eventually(() => mailbox.mails.length >= 3, 15_000, 'three emails');
    await new Promise((r) => setTimeout(r, 1500)); // several more polls by both instances
    const kinds = mailbox.mails.map((m) =>
      /call-back request/i.test(m.text) ? 'callback' : /urgent/i.test(m.text) ? 'urgent' : /asked for a person/i.test(m.text) ? 'handoff' : '?',
    );
    expect(kinds.sort()).to.deep.equal(['callback', 'handoff', 'urgent']);
    const [enquiry] = (await a.enquiries.list()).items;
    expect(mailbox.mails.find((m) => /call-back/i.test(m.text))!.text).to.include(`${PUBLIC_URL}/staff/enquiries/${enquiry.id}`);
    const entries = await a.backend.outbox.recent(10);
    expect(entries.map((e) => [e.kind, e.attempts, Boolean(e.sentAt)]).sort()).to.deep.equal([
      ['callback', 1, true],
      ['handoff', 1, true],
      ['urgent', 1, true],
    ]);
  });
});
