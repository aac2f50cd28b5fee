/**
 * Hardening (issue 15), over real HTTP against the real server on a free port: concurrent sign-in bursts, lockout per
 * address and account, Secure cookies behind a trusted proxy, deeply nested JSON on every endpoint, a stored activity
 * that cannot be serialised, a failed transcript write on /healthz, the anonymous /api/messages gate, "text": null,
 * WebSocket caps and slow request bodies. (Full disk: fullDisk.test.ts; a damaged database: integrity.test.ts.)
 */
import { expect } from 'chai';
import { connect } from 'node:net';
import type { Activity } from 'botbuilder';
import { createLogger } from '../src/logger';
import { ConfigError, loadConfig } from '../src/config';
import { hashPassword } from '../src/staff/auth';
import { SigninLimiter } from '../src/staff/signinLimiter';
import { ProxyTrust } from '../src/channels/clientAddress';
import { jsonTooDeep } from '../src/channels/jsonDepth';
import { DirectLineConversations } from '../src/channels/directline/store';
import { SqliteDirectLineStore } from '../src/storage/sqlite/directLine';
import { call, eventually, startConversation, startTestApp, Stream, TestApp } from './appHelpers';
import { ask, replyText, tempDb } from './helpers';

const PASSWORD = 'correct horse battery staple';

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A JSON text nested `depth` levels deep, built as text (JSON.stringify would recurse). */
function nestedText(depth: number): string {
  return '['.repeat(depth) + '"x"' + ']'.repeat(depth);
}

function activity(text: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    conversation: { id: `hard-${Math.random().toString(36).slice(2)}` },
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    ...extra,
  };
}

describe('staff sign-in under concurrent bursts (HTTP)', () => {
  let app: TestApp;

  before(async function () {
    this.timeout(30_000);
    const hash = await hashPassword(PASSWORD);
    app = await startTestApp({
      STAFF_USERS: `alice:${hash},bob:${hash}`,
      STAFF_SESSION_SECRET: 'y'.repeat(40),
      STAFF_LOGIN_RATE_LIMIT: '5',
      TRUST_PROXY: 'loopback',
    });
  });
  after(async () => app?.close());

  /** The sign-in form once: its nonce cookie and field, reusable for a burst. */
  async function form(from: string): Promise<{ cookie: string; nonce: string }> {
    const res = await fetch(`${app.base}/staff/login`, { headers: { 'x-forwarded-for': from } });
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('clinic_staff_login='))!
      .split(';')[0];
    return { cookie, nonce: /name="nonce" value="([^"]+)"/.exec(await res.text())![1] };
  }

  function signIn(
    f: { cookie: string; nonce: string },
    from: string,
    name: string,
    password: string,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(`${app.base}/staff/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: f.cookie, accept: 'text/html', 'x-forwarded-for': from, ...headers },
      body: new URLSearchParams({ name, password, nonce: f.nonce }).toString(),
    });
  }

  it('a burst of 20 wrong passwords at once gets at most the limit checked; the rest, and then the right password, get 429', async () => {
    const attacker = '198.51.100.66';
    const f = await form(attacker);
    let limitReached = () => undefined as void;
    const refused = new Promise<void>((resolve) => (limitReached = resolve));
    const burst = Array.from({ length: 20 }, (_, i) =>
      signIn(f, attacker, 'alice', `guess-${i}`).then((res) => {
        if (res.status === 429) limitReached();
        return res;
      }),
    );
    // The right password, sent once the limit is reached while the burst is still being checked.
    await refused;
    const right = signIn(f, attacker, 'alice', PASSWORD);
    const statuses = (await Promise.all([...burst, right])).map((r) => r.status);
    const checked = statuses.filter((s) => s === 401 || s === 303);
    expect(checked.length, `statuses ${statuses.join(',')}`).to.be.at.most(5);
    expect(statuses.filter((s) => s === 429).length).to.be.at.least(16);
    expect(statuses[20], 'the right password inside the burst, after the limit').to.equal(429);
    const after = await signIn(f, attacker, 'alice', PASSWORD);
    expect(after.status).to.equal(429);
    expect(Number(after.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(after.headers.getSetCookie().some((c) => c.startsWith('clinic_staff='))).to.equal(false);
  });

  it('failing a colleague’s name from elsewhere does not lock the colleague out', async () => {
    const f = await form('198.51.100.77');
    for (let i = 0; i < 8; i++) await signIn(f, '198.51.100.77', 'bob', `nope-${i}`);
    expect((await signIn(f, '198.51.100.77', 'bob', PASSWORD)).status, 'the attacker’s own address is locked').to.equal(429);
    const colleague = await form('203.0.113.7');
    const res = await signIn(colleague, '203.0.113.7', 'bob', PASSWORD);
    expect(res.status, 'bob from his own address').to.equal(303);
  });

  it('the session cookie is Secure when the request came over https through a trusted proxy, and not otherwise', async () => {
    const f = await form('203.0.113.8');
    const viaHttps = await signIn(f, '203.0.113.8', 'alice', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(viaHttps.status).to.equal(303);
    expect(viaHttps.headers.getSetCookie().find((c) => c.startsWith('clinic_staff='))).to.match(/;\s*Secure/);
    const g = await form('203.0.113.9');
    const plain = await signIn(g, '203.0.113.9', 'alice', PASSWORD);
    expect(plain.headers.getSetCookie().find((c) => c.startsWith('clinic_staff='))).to.not.match(/Secure/);
  });

  it('X-Forwarded-Proto from an untrusted peer does not make the cookie Secure, nor does X-Forwarded-For move the client', () => {
    const untrusted = new ProxyTrust([]);
    const req = { socket: { remoteAddress: '127.0.0.1' }, headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.1' } } as never;
    expect(untrusted.isHttps(req)).to.equal(false);
    expect(untrusted.clientAddress(req)).to.equal('127.0.0.1');
    const appService = new ProxyTrust(['*']);
    const viaFrontEnd = { socket: { remoteAddress: '::ffff:10.0.0.4' }, headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.5:51234' } } as never;
    expect(appService.clientAddress(viaFrontEnd), 'the right-most hop (App Service adds the port)').to.equal('203.0.113.5');
    const loopback = new ProxyTrust(['loopback']);
    const spoofed = { socket: { remoteAddress: '127.0.0.1' }, headers: { 'x-forwarded-for': '10.9.9.9, 198.51.100.2' } } as never;
    expect(loopback.clientAddress(spoofed), 'a client cannot choose its address by adding entries on the left').to.equal('198.51.100.2');
  });
});

describe('TRUST_PROXY setting', () => {
  it('takes loopback, addresses, CIDR ranges and *, and refuses anything else by name', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 2001:db8::/32, 192.0.2.7' }).trustProxy).to.deep.equal([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::/32',
      '192.0.2.7',
    ]);
    expect(loadConfig({}).trustProxy).to.deep.equal([]);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).to.throw(ConfigError, /TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).to.throw(ConfigError, /TRUST_PROXY/);
    const trust = new ProxyTrust(['10.0.0.0/8']);
    expect(trust.trusts('10.1.2.3')).to.equal(true);
    expect(trust.trusts('::ffff:10.1.2.3')).to.equal(true);
    expect(trust.trusts('11.0.0.1')).to.equal(false);
  });
});

describe('sign-in limiter', () => {
  it('past the global number of failures every check is slowed down, but nobody is refused for it', () => {
    let t = 1_000_000;
    const limiter = new SigninLimiter({ limit: 5, slowdownAfter: 3 }, () => t);
    for (let i = 0; i < 3; i++) {
      const d = limiter.begin(`10.0.0.${i}`, 'alice');
      if (!d.allowed) throw new Error('refused');
      expect(d.attempt.delayMs).to.equal(0);
      d.attempt.failed();
    }
    const next = limiter.begin('10.0.0.99', 'alice');
    expect(next.allowed).to.equal(true);
    if (next.allowed) expect(next.attempt.delayMs).to.be.greaterThan(0);
    t += 16 * 60_000;
    const later = limiter.begin('10.0.0.99', 'alice');
    if (later.allowed) expect(later.attempt.delayMs, 'the window has passed').to.equal(0);
  });

  it('a successful sign-in clears its own count, so staff who mistype once are not pushed towards the limit', () => {
    const limiter = new SigninLimiter({ limit: 2, slowdownAfter: 100 });
    for (let round = 0; round < 5; round++) {
      const wrong = limiter.begin('10.0.0.1', 'alice');
      expect(wrong.allowed).to.equal(true);
      if (wrong.allowed) wrong.attempt.failed();
      const right = limiter.begin('10.0.0.1', 'alice');
      expect(right.allowed, `round ${round}`).to.equal(true);
      if (right.allowed) right.attempt.succeeded();
    }
  });
});

describe('deeply nested JSON (HTTP)', () => {
  let app: TestApp;
  const logLines: string[] = [];

  before(async function () {
    this.timeout(30_000);
    const hash = await hashPassword(PASSWORD);
    app = await startTestApp(
      { STAFF_USERS: `alice:${hash}`, STAFF_SESSION_SECRET: 'z'.repeat(40) },
      { logger: createLogger('warn', {}, { write: (l: string) => void logLines.push(l) }) },
    );
  });
  after(async () => app?.close());

  it('measures depth on the text, ignoring brackets inside strings', () => {
    expect(jsonTooDeep(nestedText(33), 32)).to.equal(true);
    expect(jsonTooDeep(nestedText(32), 32)).to.equal(false);
    expect(jsonTooDeep(JSON.stringify({ text: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ \\" {{{{' }), 4)).to.equal(false);
  });

  for (const field of ['value', 'channelData', 'entities']) {
    it(`/api/messages refuses a ${field} nested 10,000 deep with 400, before the bot sees it`, async () => {
      const body = JSON.stringify(activity('what is dry needling?')).replace(/}$/, `,"${field}":${nestedText(10_000)}}`);
      const res = await call(`${app.base}/api/messages`, { body });
      expect(res.status).to.equal(400);
      expect(res.body.error).to.match(/nested too deeply/);
    });
  }

  it('/api/messages still takes ordinary nesting', async () => {
    const res = await call(`${app.base}/api/messages`, { body: activity('what is dry needling?', { value: nested(10) }) });
    expect(res.status).to.equal(200);
  });

  it('Direct Line refuses it with 400 BadArgument and the conversation stays readable and answering', async () => {
    const c = await startConversation(app.directLineUrl);
    const url = `${app.directLineUrl}/conversations/${c.conversationId}/activities`;
    const bad = await call(url, { token: c.token, body: `{"type":"message","text":"hi","value":${nestedText(10_000)}}` });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('BadArgument');
    const ok = await call(url, { token: c.token, body: { type: 'message', text: 'what is dry needling?', from: { id: 'x' } } });
    expect(ok.status).to.equal(200);
    const read = await call(url, { token: c.token });
    expect(read.status).to.equal(200);
    expect(read.body.activities.some((a: Activity) => /dry needling/i.test(a.text ?? '') && a.from?.role === 'bot')).to.equal(true);
  });

  it('X-Forwarded-Proto from a proxy TRUST_PROXY does not name gives no wss:// stream URL', async () => {
    const { token } = (await call(`${app.directLineUrl}/tokens/generate`, { method: 'POST' })).body;
    const started = await call(`${app.directLineUrl}/conversations`, { method: 'POST', token, headers: { 'x-forwarded-proto': 'https' } });
    expect(started.body.streamUrl).to.match(/^ws:\/\//);
  });

  it('the staff endpoints refuse it too (400, before the session check)', async () => {
    const res = await call(`${app.base}/staff/login`, { body: nestedText(5000) });
    expect(res.status).to.equal(400);
    expect(JSON.stringify(res.body)).to.match(/nested too deeply/);
  });

  it('an activity that cannot be serialised is left out and logged; reading the conversation still works', async () => {
    const c = await startConversation(app.directLineUrl);
    const stream = await Stream.open(c.streamUrl);
    try {
      await stream.waitFor((a) => a.from?.role === 'bot');
      const conversation = app.directLine.conversations.get(c.conversationId)!;
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await app.directLine.conversations.append(conversation, [{ type: 'event', name: 'broken', value: cyclic }]);
      const url = `${app.directLineUrl}/conversations/${c.conversationId}/activities`;
      const read = await call(url, { token: c.token });
      expect(read.status).to.equal(200);
      expect(read.body.activities.some((a: Activity) => a.name === 'broken')).to.equal(false);
      expect(read.body.activities.length, 'the welcome is still there').to.be.greaterThan(0);
      await call(url, { token: c.token, body: { type: 'message', text: 'what is acupuncture?' } });
      await stream.waitFor((a) => a.from?.role === 'bot' && /acupuncture/i.test(a.text ?? ''));
      expect(logLines.some((l) => l.includes('cannot be serialised'))).to.equal(true);
    } finally {
      stream.close();
    }
  });

  it('a failed transcript write turns /healthz "degraded" until a write succeeds again', async () => {
    const transcripts = app.backend.transcripts;
    const original = transcripts.logActivities;
    transcripts.logActivities = async () => {
      throw new Error('disk I/O error');
    };
    try {
      const replies = await ask(app.port, 'tx-fail', 'what is dry needling?');
      expect(replyText(replies), 'the patient still gets the answer').to.match(/dry needling/i);
      const health = await call(`${app.base}/healthz`);
      expect(health.body).to.include({ status: 'degraded', transcripts: 'failing' });
    } finally {
      transcripts.logActivities = original;
    }
    await ask(app.port, 'tx-fail', 'what is acupuncture?');
    expect((await call(`${app.base}/healthz`)).body).to.include({ status: 'ok', transcripts: 'ok' });
  });
});

describe('anonymous /api/messages (no app id)', () => {
  const logLines: string[] = [];
  let app: TestApp;

  before(async function () {
    this.timeout(30_000);
    app = await startTestApp({ TRUST_PROXY: 'loopback' }, { logger: createLogger('info', {}, { write: (l: string) => void logLines.push(l) }) });
  });
  after(async () => app?.close());

  it('accepts a loopback caller with a loopback serviceUrl (the Emulator, local tests)', async () => {
    const res = await call(`${app.base}/api/messages`, { body: activity('what is dry needling?', { serviceUrl: 'http://localhost:9000' }) });
    expect(res.status).to.equal(200);
    expect(logLines.some((l) => l.includes('accepts only requests from this machine'))).to.equal(true);
  });

  it('refuses a serviceUrl elsewhere (no relay to a host of the caller’s choosing)', async () => {
    const res = await call(`${app.base}/api/messages`, {
      body: activity('hi', { serviceUrl: 'https://attacker.example/api', deliveryMode: undefined }),
    });
    expect(res.status).to.equal(403);
    expect(res.body.error).to.match(/serviceUrl/);
  });

  it('refuses a caller from another address, so nobody can add conversations under any channel id', async () => {
    const res = await call(`${app.base}/api/messages`, {
      body: activity('hi', { channelId: 'sms', conversation: { id: 'fake-sms' } }),
      headers: { 'x-forwarded-for': '203.0.113.50' },
    });
    expect(res.status).to.equal(403);
    expect(await app.review.findConversation('sms', 'fake-sms')).to.equal(undefined);
  });

  it('ANONYMOUS_MESSAGES_ALLOW_REMOTE=true opens it, with a warning at start-up', async () => {
    const lines: string[] = [];
    const open = await startTestApp(
      { TRUST_PROXY: 'loopback', ANONYMOUS_MESSAGES_ALLOW_REMOTE: 'true' },
      { logger: createLogger('info', {}, { write: (l: string) => void lines.push(l) }) },
    );
    try {
      expect(lines.some((l) => /"level":"warn"/.test(l) && l.includes('ANONYMOUS_MESSAGES_ALLOW_REMOTE=true'))).to.equal(true);
      const res = await call(`${open.base}/api/messages`, {
        body: activity('what is dry needling?'),
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
      expect(res.status).to.equal(200);
    } finally {
      await open.close();
    }
  });

  it('"text": null with an attachment is a message without text, not a 400', async () => {
    const res = await call(`${app.base}/api/messages`, {
      body: activity(null, { attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/x.png' }] }),
    });
    expect(res.status).to.equal(200);
    const texts = (res.body.activities as Activity[]).filter((a) => a.type === 'message').map((a) => a.text);
    expect(texts.join(' ')).to.match(/only read text messages/);
  });
});

describe('sockets: WebSocket caps and slow request bodies', () => {
  let app: TestApp;

  before(async function () {
    this.timeout(30_000);
    app = await startTestApp({
      TRUST_PROXY: 'loopback',
      DIRECTLINE_MAX_STREAMS: '3',
      DIRECTLINE_MAX_STREAMS_PER_ADDRESS: '2',
      HTTP_REQUEST_TIMEOUT_SECONDS: '1',
    });
  });
  after(async () => app?.close());

  async function refusedStatus(url: string, headers: Record<string, string>): Promise<number | undefined> {
    try {
      (await Stream.open(url, headers)).close();
      return undefined;
    } catch (err) {
      return (err as { status?: number }).status;
    }
  }

  it('caps open streams per address and in total (429), and frees a slot when a stream closes', async () => {
    const c = await startConversation(app.directLineUrl);
    const fresh = async () => (await call(`${app.directLineUrl}/conversations/${c.conversationId}`, { token: c.token })).body.streamUrl as string;
    const a1 = await Stream.open(await fresh(), { 'x-forwarded-for': '203.0.113.1' });
    const a2 = await Stream.open(await fresh(), { 'x-forwarded-for': '203.0.113.1' });
    expect(await refusedStatus(await fresh(), { 'x-forwarded-for': '203.0.113.1' }), 'third from one address').to.equal(429);
    const b1 = await Stream.open(await fresh(), { 'x-forwarded-for': '203.0.113.2' });
    expect(await refusedStatus(await fresh(), { 'x-forwarded-for': '203.0.113.3' }), 'fourth in total').to.equal(429);
    a1.close();
    await eventually(async () => (await refusedStatus(await fresh(), { 'x-forwarded-for': '203.0.113.3' })) === undefined, 5000, 'a free slot');
    a2.close();
    b1.close();
  });

  it('a request body that trickles in is cut off after HTTP_REQUEST_TIMEOUT_SECONDS (408), not held for minutes', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(app.port, '127.0.0.1', () => {
        socket.write(`POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":`);
      });
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => resolve(got));
      socket.on('error', () => resolve(got));
      setTimeout(() => socket.destroy(), 15_000);
    });
    expect(answer).to.match(/^HTTP\/1\.1 408/);
    expect(Date.now() - started, 'closed long before the 300 s default').to.be.below(10_000);
  });
});

describe('Direct Line memory bound', () => {
  it('holds unstored welcomes under maxPendingBytes, forgetting the least recently active page view first', async () => {
    const db = tempDb();
    let t = Date.now();
    const forgotten: string[] = [];
    const conversations = new DirectLineConversations({
      store: new SqliteDirectLineStore(db.db),
      logger: createLogger('error'),
      rateLimitPerMinute: 30,
      maxLive: 1000,
      maxPendingBytes: 20_000,
      now: () => t,
      onForget: (c) => forgotten.push(c.id),
    });
    try {
      for (let i = 0; i < 40; i++) {
        t += 1000;
        conversations.holdWelcome(conversations.open(`c${i}`, `u${i}`, t + 60_000), [{ type: 'message', text: 'x'.repeat(900) }]);
        expect(conversations.pendingSize).to.be.at.most(20_000);
      }
      expect(conversations.size).to.be.within(15, 25);
      expect(forgotten[0]).to.equal('c0');
      expect(conversations.get('c39')).to.not.equal(undefined);
    } finally {
      db.remove();
    }
  });
});
