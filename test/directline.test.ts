/**
 * The Direct Line endpoint over real HTTP and WebSocket: the protocol Web Chat relies on, privacy
 * (a token opens one conversation only; tampered, foreign and expired tokens are refused), limits,
 * and that visitors get the same bot as /api/messages. Plus the page's headers and the new settings.
 */
import { expect } from 'chai';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { DirectLineConversations, LIVE_IDLE_MS } from '../src/channels/directline/store';
import { SqliteDirectLineStore } from '../src/storage/sqlite/directLine';
import { tempDb } from './helpers';
import { loadOrCreateSecret, TokenService } from '../src/channels/directline/tokens';
import { createLogger } from '../src/logger';
import { call, eventually, startConversation, startTestApp, Stream, TEST_SECRET, TestApp } from './appHelpers';

const WELCOME = /I can explain what acupuncture and dry needling are/;

function claimsOf(token: string) {
  const check = new TokenService(TEST_SECRET, 1800).verify(token);
  if (!check.ok) throw new Error('not a valid test token');
  return check.claims;
}

/** An error the way every Direct Line error must look: JSON { error: { code, message } }, no stack trace. */
function expectError(reply: { status: number; body: any }, status: number, code: string): void {
  expect(reply.status, JSON.stringify(reply.body)).to.equal(status);
  expect(reply.body?.error?.code).to.equal(code);
  expect(reply.body.error.message)
    .to.be.a('string')
    .and.not.match(/\n\s+at /);
}

describe('Direct Line tokens', () => {
  const tokens = new TokenService(TEST_SECRET, 1800);
  const { token } = tokens.issue('conversationAAAA', 'dl_visitor01');

  it('verify what they sign, with the conversation, the visitor and the expiry', () => {
    const now = Date.now();
    const clocked = new TokenService(TEST_SECRET, 1800, () => now);
    const check = clocked.verify(clocked.issue('conversationAAAA', 'dl_visitor01').token);
    expect(check).to.deep.equal({
      ok: true,
      claims: {
        conversationId: 'conversationAAAA',
        userId: 'dl_visitor01',
        kind: 'conversation',
        exp: Math.floor(now / 1000) + 1800,
      },
    });
  });

  it('refuse a token whose payload was changed, one signed with another secret, and garbage', () => {
    const [v, payload, sig] = token.split('.');
    const other = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('conversationAAAA', 'conversationBBBB')).toString('base64url');
    expect(tokens.verify(`${v}.${other}.${sig}`)).to.deep.equal({ ok: false, reason: 'signature' });
    const foreign = new TokenService('another-secret-0123456789abcdef0123456789', 1800).issue('conversationAAAA', 'dl_visitor01').token;
    expect(tokens.verify(foreign)).to.deep.equal({ ok: false, reason: 'signature' });
    expect(tokens.verify('not-a-token')).to.deep.equal({ ok: false, reason: 'malformed' });
    expect(tokens.verify(undefined)).to.deep.equal({ ok: false, reason: 'malformed' });
  });

  it('expire, and a stream token is not a conversation token', () => {
    const past = new TokenService(TEST_SECRET, 1800, () => Date.now() - 3_600_000).issue('conversationAAAA', 'dl_visitor01').token;
    expect(tokens.verify(past)).to.deep.equal({ ok: false, reason: 'expired' });
    const stream = tokens.issue('conversationAAAA', 'dl_visitor01', 'stream').token;
    expect(tokens.verify(stream)).to.deep.equal({ ok: false, reason: 'kind' });
    expect(tokens.verify(stream, 'stream').ok).to.equal(true);
  });

  it('use a secret generated at first start, kept owner-only and reused after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-secret-'));
    try {
      const file = join(dir, 'nested', 'directline-secret');
      const first = loadOrCreateSecret(file);
      expect(first.created).to.equal(true);
      expect(first.secret).to.have.length(64);
      expect(statSync(file).mode & 0o777).to.equal(0o600);
      const again = loadOrCreateSecret(file);
      expect(again).to.deep.equal({ secret: first.secret, created: false });
      // A token from before the restart is still good.
      const before = new TokenService(first.secret, 1800).issue('conversationAAAA', 'dl_visitor01').token;
      expect(new TokenService(again.secret, 1800).verify(before).ok).to.equal(true);
      expect(readFileSync(file, 'utf8').trim()).to.equal(first.secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Direct Line endpoint', function () {
  this.timeout(20_000);
  let app: TestApp;
  const logLines: string[] = [];
  const CLINIC_SITE = 'https://www.clinic.example';

  before(async () => {
    app = await startTestApp(
      // TRUST_PROXY: the test plays the clinic's reverse proxy from 127.0.0.1 (X-Forwarded-Proto).
      {
        WEBCHAT_ALLOWED_ORIGINS: CLINIC_SITE,
        DIRECTLINE_MAX_BODY_BYTES: '4096',
        DIRECTLINE_MAX_TEXT_CHARS: '1500',
        LOG_LEVEL: 'info',
        TRUST_PROXY: 'loopback',
      },
      { logger: createLogger('info', {}, { write: (line: string) => void logLines.push(line) }) },
    );
  });
  after(async () => app?.close());

  const dl = (path: string) => `${app.directLineUrl}${path}`;

  describe('conversations', () => {
    it('start with a generated token: the bot welcomes the visitor once, on channel webchat, with suggested actions', async () => {
      const generated = await call(dl('/tokens/generate'), { method: 'POST', body: { user: { id: 'chosen-by-client' } } });
      expect(generated.status).to.equal(200);
      expect(generated.headers.get('cache-control')).to.equal('no-store');
      const { conversationId, token, expires_in } = generated.body;
      expect(expires_in).to.equal(1800);
      expect(claimsOf(token).userId).to.not.equal('chosen-by-client');

      const started = await call(dl('/conversations'), { method: 'POST', token });
      expect(started.status).to.equal(201);
      expect(started.body).to.include({ conversationId, token });
      expect(started.body.streamUrl).to.match(
        new RegExp(`^ws://127\\.0\\.0\\.1:${app.port}/v3/directline/conversations/${conversationId}/stream\\?`),
      );
      expect(started.body.streamUrl).to.not.contain(token);

      const again = await call(dl('/conversations'), { method: 'POST', token });
      expect(again.status).to.equal(200);
      expect(again.body.conversationId).to.equal(conversationId);

      const history = await call(dl(`/conversations/${conversationId}/activities`), { token });
      expect(history.status).to.equal(200);
      expect(history.body.watermark).to.equal('1');
      const [welcome] = history.body.activities;
      expect(history.body.activities).to.have.length(1);
      expect(welcome.text).to.match(WELCOME);
      expect(welcome).to.deep.include({ type: 'message', channelId: 'webchat', conversation: { id: conversationId } });
      expect(welcome.from).to.include({ role: 'bot' });
      expect(welcome.id).to.equal(`${conversationId}|0000001`);
      expect(welcome.suggestedActions.actions).to.have.length.greaterThan(1);
    });

    it('answer by WebSocket at once: the echo and the reply are pushed, the history is sent first, and polling sees the same', async () => {
      const c = await startConversation(app.directLineUrl);
      const stream = await Stream.open(c.streamUrl);
      try {
        await stream.waitFor((a) => WELCOME.test(a.text ?? ''));
        const posted = await call(dl(`/conversations/${c.conversationId}/activities`), {
          token: c.token,
          body: {
            type: 'message',
            text: 'can dry needling help tennis elbow?',
            from: { id: 'someone-else', name: 'Eve' },
            channelId: 'emulator',
            serviceUrl: 'http://evil.example',
          },
        });
        expect(posted.status).to.equal(200);
        const echo = await stream.waitFor((a) => a.id === posted.body.id);
        expect(echo.from.id).to.equal(claimsOf(c.token).userId);
        expect(echo.channelId).to.equal(undefined); // nothing the client said about the channel is kept
        expect(echo).to.not.have.property('serviceUrl');
        const reply = await stream.waitFor((a) => a.replyToId === posted.body.id);
        expect(reply.text).to.match(/tennis elbow/i);
        expect(reply.channelId).to.equal('webchat');

        const polled = await call(dl(`/conversations/${c.conversationId}/activities?watermark=1`), { token: c.token });
        expect(polled.body.activities.map((a: any) => a.id)).to.deep.equal([echo.id, reply.id]);
        expect(polled.body.watermark).to.equal(stream.sets.at(-1)!.watermark);
        const nothingNew = await call(dl(`/conversations/${c.conversationId}/activities?watermark=${polled.body.watermark}`), { token: c.token });
        expect(nothingNew.body.activities).to.deep.equal([]);
      } finally {
        stream.close();
      }
    });

    it('resume from a watermark: GET /conversations/{id} gives a new stream URL that sends only what came after it', async () => {
      const c = await startConversation(app.directLineUrl);
      const posted = await call(dl(`/conversations/${c.conversationId}/activities`), {
        token: c.token,
        body: { type: 'message', text: 'what is acupuncture?' },
      });
      const resumed = await call(dl(`/conversations/${c.conversationId}?watermark=1`), { token: c.token });
      expect(resumed.status).to.equal(200);
      expect(resumed.body.conversationId).to.equal(c.conversationId);
      const stream = await Stream.open(resumed.body.streamUrl);
      try {
        const reply = await stream.waitFor((a) => a.replyToId === posted.body.id);
        expect(reply.text).to.contain('ancient Chinese medicine');
        expect(stream.activities.some((a) => WELCOME.test(a.text ?? ''))).to.equal(false);
      } finally {
        stream.close();
      }
    });

    it('a message posted again with the same client id (a retry after a reconnect) is stored and answered once', async () => {
      const c = await startConversation(app.directLineUrl);
      const body = { type: 'message', text: 'what is dry needling?', channelData: { clientActivityID: 'page-retry-1' } };
      const first = await call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token, body });
      const again = await call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token, body });
      expect(first.status).to.equal(200);
      expect(again.status).to.equal(200);
      expect(again.body.id).to.equal(first.body.id);
      const all = await call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token });
      const mine = all.body.activities.filter((a: { text?: string }) => a.text === 'what is dry needling?');
      const answers = all.body.activities.filter((a: { replyToId?: string }) => a.replyToId === first.body.id);
      expect(mine).to.have.length(1);
      expect(answers).to.have.length.greaterThan(0);
      const other = await call(dl(`/conversations/${c.conversationId}/activities`), {
        token: c.token,
        body: { ...body, channelData: { clientActivityID: 'page-retry-2' } },
      });
      expect(other.body.id).to.not.equal(first.body.id);
    });

    it('run the same safety checks as /api/messages: a red flag gets emergency guidance, and no trace reaches the visitor', async () => {
      const c = await startConversation(app.directLineUrl);
      const posted = await call(dl(`/conversations/${c.conversationId}/activities`), {
        token: c.token,
        body: { type: 'message', text: 'I have crushing chest pain right now' },
      });
      const all = (await call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token })).body.activities;
      const reply = all.find((a: any) => a.replyToId === posted.body.id);
      expect(reply.text).to.contain('000');
      expect(all.filter((a: any) => a.type === 'trace')).to.deep.equal([]);
    });

    it('keep message text out of the info log', async () => {
      const c = await startConversation(app.directLineUrl);
      await call(dl(`/conversations/${c.conversationId}/activities`), {
        token: c.token,
        body: { type: 'message', text: 'my private worry about sciatica' },
      });
      const ours = logLines.filter((l) => l.includes(c.conversationId));
      expect(ours.length).to.be.greaterThan(0);
      expect(logLines.join('\n')).to.not.contain('private worry');
    });

    it('behind a trusted HTTPS proxy (X-Forwarded-Proto: https) give wss:// stream URLs on the public host', async () => {
      const { token } = (await call(dl('/tokens/generate'), { method: 'POST' })).body;
      // fetch will not set Host; node:http will, as a reverse proxy keeping the visitor's Host does.
      const streamUrl = await new Promise<string>((resolve, reject) => {
        const req = request(
          dl('/conversations'),
          { method: 'POST', headers: { authorization: `Bearer ${token}`, host: 'chat.clinic.example', 'x-forwarded-proto': 'https' } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(JSON.parse(text).streamUrl));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(streamUrl).to.match(/^wss:\/\/chat\.clinic\.example\/v3\/directline\/conversations\//);
    });

    it('take a typing indicator without keeping it or bothering the bot', async () => {
      const c = await startConversation(app.directLineUrl);
      const typing = await call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token, body: { type: 'typing' } });
      expect(typing.status).to.equal(200);
      const all = await call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token });
      expect(all.body.activities.map((a: any) => a.type)).to.deep.equal(['message']); // the welcome only
    });

    it('refresh a valid token: the new one works and lasts longer', async () => {
      const c = await startConversation(app.directLineUrl);
      await new Promise((r) => setTimeout(r, 1100));
      const refreshed = await call(dl('/tokens/refresh'), { method: 'POST', token: c.token });
      expect(refreshed.status).to.equal(200);
      expect(refreshed.body.conversationId).to.equal(c.conversationId);
      expect(claimsOf(refreshed.body.token).exp).to.be.greaterThan(claimsOf(c.token).exp);
      const history = await call(dl(`/conversations/${c.conversationId}/activities`), { token: refreshed.body.token });
      expect(history.status).to.equal(200);
    });

    it('run a visitor’s messages one at a time, in order, even when posted together', async () => {
      const c = await startConversation(app.directLineUrl);
      const texts = ['what is acupuncture?', 'what is dry needling?', 'how do I book?'];
      const ids = await Promise.all(
        texts.map((text) =>
          call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token, body: { type: 'message', text } }).then((r) => r.body.id),
        ),
      );
      const all = (await call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token })).body.activities;
      // Each reply comes right after its question: no turn overlaps another.
      for (const id of ids) {
        const at = all.findIndex((a: any) => a.id === id);
        expect(all[at + 1].replyToId).to.equal(id);
      }
      expect(all.filter((a: any) => /Sorry, something went wrong/.test(a.text ?? ''))).to.deep.equal([]);
    });
  });

  describe('privacy', () => {
    let a: Awaited<ReturnType<typeof startConversation>>;
    let b: Awaited<ReturnType<typeof startConversation>>;
    before(async () => {
      a = await startConversation(app.directLineUrl);
      b = await startConversation(app.directLineUrl);
      await call(dl(`/conversations/${b.conversationId}/activities`), {
        token: b.token,
        body: { type: 'message', text: 'does acupuncture help insomnia?' },
      });
    });

    it('a token for conversation A can neither read nor write conversation B', async () => {
      const bPath = `/conversations/${b.conversationId}`;
      expectError(await call(dl(`${bPath}/activities`), { token: a.token }), 403, 'Forbidden');
      expectError(await call(dl(`${bPath}/activities`), { token: a.token, body: { type: 'message', text: 'hello B' } }), 403, 'Forbidden');
      expectError(await call(dl(bPath), { token: a.token }), 403, 'Forbidden');
      const bHistory = (await call(dl(`${bPath}/activities`), { token: b.token })).body.activities;
      expect(bHistory.map((x: any) => x.text)).to.not.include('hello B');
      // A's stream URL names A; pointed at B it is refused.
      const aStreamToken = new URL(a.streamUrl).searchParams.get('t');
      const bStream = `ws://127.0.0.1:${app.port}/v3/directline${bPath}/stream?t=${aStreamToken}`;
      const refused = await Stream.open(bStream).then(
        () => 0,
        (err) => err.status,
      );
      expect(refused).to.equal(403);
    });

    it('no token, a made-up one or a tampered one is refused with 401', async () => {
      const path = dl(`/conversations/${a.conversationId}/activities`);
      expectError(await call(path), 401, 'Unauthorized');
      expectError(await call(path, { token: 'undefined' }), 401, 'Unauthorized'); // what directlinejs sends without a token
      const [v, payload, sig] = a.token.split('.');
      const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace(a.conversationId, b.conversationId)).toString('base64url');
      expectError(await call(dl(`/conversations/${b.conversationId}/activities`), { token: `${v}.${forged}.${sig}` }), 401, 'Unauthorized');
      const otherServer = new TokenService('someone-elses-secret-0123456789abcdefghij', 1800).issue(a.conversationId, claimsOf(a.token).userId).token;
      expectError(await call(path, { token: otherServer }), 401, 'Unauthorized');
      expectError(await call(dl('/tokens/refresh'), { method: 'POST', token: otherServer }), 401, 'Unauthorized');
    });

    it('an expired token is refused with 403 and cannot be refreshed', async () => {
      const expired = new TokenService(TEST_SECRET, 1800, () => Date.now() - 3_600_000).issue(a.conversationId, claimsOf(a.token).userId).token;
      expectError(await call(dl(`/conversations/${a.conversationId}/activities`), { token: expired }), 403, 'TokenExpired');
      expectError(await call(dl('/tokens/refresh'), { method: 'POST', token: expired }), 403, 'TokenExpired');
      expectError(await call(dl(`/conversations/${a.conversationId}`), { token: expired }), 403, 'TokenExpired');
    });

    it('a valid token reaches its conversation even where it was never started (another instance may hold it): empty, not an error; a stream needs its own valid stream token', async () => {
      const neverStarted = (await call(dl('/tokens/generate'), { method: 'POST' })).body;
      const read = await call(dl(`/conversations/${neverStarted.conversationId}/activities`), { token: neverStarted.token });
      expect(read.status).to.equal(200);
      expect(read.body).to.deep.equal({ activities: [], watermark: '0' });
      expect((await call(dl(`/conversations/${neverStarted.conversationId}`), { token: neverStarted.token })).status).to.equal(200);
      const streamBase = `ws://127.0.0.1:${app.port}/v3/directline/conversations/${a.conversationId}/stream`;
      const status = (url: string) =>
        Stream.open(url).then(
          (s) => (s.close(), 101),
          (err) => err.status,
        );
      expect(await status(streamBase)).to.equal(401);
      expect(await status(`${streamBase}?t=${a.token}`)).to.equal(401); // the conversation token is not a stream token
      expect(await status(a.streamUrl)).to.equal(101);
    });
  });

  describe('limits and bad input', () => {
    let c: Awaited<ReturnType<typeof startConversation>>;
    before(async () => {
      c = await startConversation(app.directLineUrl);
    });
    const post = (body: unknown, headers?: Record<string, string>) =>
      call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token, body, headers });

    it('a body over DIRECTLINE_MAX_BODY_BYTES is 413, a message over DIRECTLINE_MAX_TEXT_CHARS is 413', async () => {
      expectError(await post({ type: 'message', text: 'x'.repeat(1400), value: 'y'.repeat(5000) }), 413, 'MessageSizeTooBig');
      expectError(await post({ type: 'message', text: 'a'.repeat(1501) }), 413, 'MessageSizeTooBig');
      // Just under the limits is fine: the bot asks for a shorter question (MAX_MESSAGE_CHARS is 1000).
      const long = await post({ type: 'message', text: 'needles '.repeat(187) });
      expect(long.status).to.equal(200);
      const all = (await call(dl(`/conversations/${c.conversationId}/activities`), { token: c.token })).body.activities;
      expect(all.find((a: any) => a.replyToId === long.body.id).text).to.match(/too long/i);
    });

    it('malformed requests are 400 with a JSON error, never a crash', async () => {
      expectError(await post('{"type": "message", "text": '), 400, 'BadArgument');
      expectError(await post([1, 2, 3]), 400, 'BadArgument');
      expectError(await post({ text: 'no type' }), 400, 'BadArgument');
      expectError(await post({ type: 'conversationUpdate', membersAdded: [{ id: 'x' }] }), 400, 'BadArgument');
      expectError(await post({ type: 'message', text: 42 }), 400, 'BadArgument');
      expectError(await post({ type: 'message', attachments: 'nope' }), 400, 'BadArgument');
      expectError(await post('text=hello', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'BadArgument');
      expectError(await call(dl(`/conversations/${c.conversationId}/activities?watermark=abc`), { token: c.token }), 400, 'BadArgument');
      // The server is still fine.
      expect((await post({ type: 'message', text: 'hello' })).status).to.equal(200);
    });

    it('file uploads get a clear "not supported"', async () => {
      const form = new FormData();
      form.append('file', new Blob(['x-ray'], { type: 'image/png' }), 'scan.png');
      const res = await fetch(dl(`/conversations/${c.conversationId}/upload?userId=x`), {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${c.token}` },
      });
      const body = await res.json();
      expectError({ status: res.status, body }, 400, 'NotSupported');
      expect(body.error.message).to.match(/not supported/);
    });
  });

  describe('CORS for the clinic’s own site (WEBCHAT_ALLOWED_ORIGINS)', () => {
    it('an allowed origin passes the preflight and can read the answers', async () => {
      const preflight = await fetch(dl('/tokens/generate'), {
        method: 'OPTIONS',
        headers: { origin: CLINIC_SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(preflight.status).to.equal(204);
      expect(preflight.headers.get('access-control-allow-origin')).to.equal(CLINIC_SITE);
      expect(preflight.headers.get('access-control-allow-headers')).to.match(/authorization/i);
      const generated = await call(dl('/tokens/generate'), { method: 'POST', headers: { origin: CLINIC_SITE } });
      expect(generated.headers.get('access-control-allow-origin')).to.equal(CLINIC_SITE);
    });

    it('any other origin gets no CORS permission and cannot open a stream', async () => {
      const preflight = await fetch(dl('/tokens/generate'), {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).to.equal(403);
      expect(preflight.headers.get('access-control-allow-origin')).to.equal(null);
      const generated = await call(dl('/tokens/generate'), { method: 'POST', headers: { origin: 'https://evil.example' } });
      expect(generated.headers.get('access-control-allow-origin')).to.equal(null);
      const c = await startConversation(app.directLineUrl);
      const status = (origin: string) =>
        Stream.open(c.streamUrl, { origin }).then(
          (s) => (s.close(), 101),
          (err) => err.status,
        );
      expect(await status('https://evil.example')).to.equal(403);
      expect(await status(CLINIC_SITE)).to.equal(101);
    });
  });

  describe('the page', () => {
    it('serves Web Chat from this server, in the clinic’s name, with a CSP that allows only this server', async () => {
      const page = await fetch(`${app.base}/`);
      expect(page.status).to.equal(200);
      const html = await page.text();
      // The clinic's name without its placeholder note: placeholders are never shown to patients.
      expect(html).to.contain('<title>Example Needling Clinic').and.not.contain('placeholder');
      // Web Chat's minimal bundle, at a URL versioned by its content (see test/webchat.assets.test.ts).
      const bundleUrl = /src="(\/webchat\/webchat-minimal\.js\?v=[\w-]+)"/.exec(html)?.[1];
      expect(bundleUrl, 'the bundle’s versioned URL').to.be.a('string');
      expect(html).to.not.match(/https?:\/\//); // no CDN, no third-party anything
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).to.contain("script-src 'self';");
      expect(csp).to.contain("connect-src 'self'");
      expect(csp).to.contain(`frame-ancestors 'self' ${CLINIC_SITE}`);
      const bundle = await fetch(`${app.base}${bundleUrl}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(bundle.status).to.equal(200);
      expect(bundle.headers.get('content-type')).to.match(/javascript/);
      expect((await bundle.text()).length).to.be.greaterThan(1_000_000);
    });
  });
});

describe('Direct Line with other settings', function () {
  it('limits new conversations per client address (429 with Retry-After), so one client cannot crowd out visitors', async () => {
    const app = await startTestApp({ DIRECTLINE_NEW_CONVERSATIONS_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof call>> | undefined;
      for (let i = 0; i < 4; i++) {
        last = await call(`${app.directLineUrl}/tokens/generate`, { method: 'POST' });
        statuses.push(last.status);
      }
      expect(statuses).to.deep.equal([200, 200, 200, 429]);
      expect(Number(last!.headers.get('retry-after'))).to.be.greaterThan(0);
      expect(JSON.stringify(last!.body)).to.match(/too many new conversations/);
    } finally {
      await app.close();
    }
  });

  this.timeout(20_000);

  it('limits each visitor to DIRECTLINE_RATE_LIMIT messages a minute (429 with Retry-After)', async () => {
    const app = await startTestApp({ DIRECTLINE_RATE_LIMIT: '3' });
    try {
      const c = await startConversation(app.directLineUrl);
      const post = () =>
        call(`${app.directLineUrl}/conversations/${c.conversationId}/activities`, {
          token: c.token,
          body: { type: 'message', text: 'what is acupuncture?' },
        });
      for (let i = 0; i < 3; i++) expect((await post()).status).to.equal(200);
      const limited = await post();
      expectError(limited, 429, 'Throttled');
      expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 60);
      // Another visitor is not affected.
      const other = await startConversation(app.directLineUrl);
      expect(
        (
          await call(`${app.directLineUrl}/conversations/${other.conversationId}/activities`, {
            token: other.token,
            body: { type: 'message', text: 'hi' },
          })
        ).status,
      ).to.equal(200);
    } finally {
      await app.close();
    }
  });

  it('takes the clinic’s colours for the page', async () => {
    const app = await startTestApp({ CLINIC_PRIMARY_COLOR: '#123456', CLINIC_ACCENT_COLOR: '#abcdef' });
    try {
      const html = await (await fetch(`${app.base}/`)).text();
      expect(html).to.contain('--clinic-primary: #123456').and.contain('--clinic-accent: #abcdef');
      expect(html).to.contain('"primaryColor":"#123456"');
    } finally {
      await app.close();
    }
  });

  it('with a MicrosoftAppId, /api/messages still demands Bot Framework auth while visitors chat through Direct Line', async () => {
    const app = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-password' });
    try {
      const unsigned = await call(`${app.base}/api/messages`, {
        body: {
          type: 'message',
          text: 'hi',
          channelId: 'emulator',
          serviceUrl: 'http://localhost',
          conversation: { id: 'x' },
          from: { id: 'u' },
          recipient: { id: 'b' },
        },
      });
      expect(unsigned.status).to.equal(401);
      expect(unsigned.body.error).to.match(/unauthorized/);
      const c = await startConversation(app.directLineUrl);
      const history = await call(`${app.directLineUrl}/conversations/${c.conversationId}/activities`, { token: c.token });
      const welcome = history.body.activities[0];
      expect(welcome.text).to.match(WELCOME);
      expect(welcome.from.id).to.equal('00000000-0000-0000-0000-000000000001');
    } finally {
      await app.close();
    }
  });

  it('refuses settings that would weaken privacy or break the page', () => {
    expect(() => loadConfig({ WEBCHAT_ALLOWED_ORIGINS: '*' })).to.throw(ConfigError, /WEBCHAT_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ WEBCHAT_ALLOWED_ORIGINS: 'https://clinic.example/chat' })).to.throw(ConfigError);
    expect(() => loadConfig({ DIRECTLINE_SECRET: 'short' })).to.throw(ConfigError, /at least 32/);
    expect(() => loadConfig({ DIRECTLINE_TOKEN_TTL_SECONDS: '600' })).to.throw(ConfigError, /960/);
    expect(() => loadConfig({ CLINIC_PRIMARY_COLOR: 'red;} body{display:none' })).to.throw(ConfigError, /hex colour/);
    expect(() => loadConfig({ DIRECTLINE_MAX_TEXT_CHARS: '500' })).to.throw(ConfigError, /MAX_MESSAGE_CHARS/);
    const config = loadConfig({ WEBCHAT_ALLOWED_ORIGINS: 'https://www.clinic.example, http://localhost:8080' });
    expect(config.webChat.allowedOrigins).to.deep.equal(['https://www.clinic.example', 'http://localhost:8080']);
    expect(config.directLine).to.include({ tokenTtlSeconds: 1800, rateLimitPerMinute: 30 });
    expect(config.directLine.secret).to.equal(undefined);
    expect(config.directLine.secretFile).to.match(/data[\\/]directline-secret$/);
  });

  it('holds only live conversations in memory: an idle one is forgotten, then read back from the storage with its numbering going on', async () => {
    const db = tempDb();
    let now = Date.now();
    const conversations = new DirectLineConversations({
      store: new SqliteDirectLineStore(db.db),
      logger: createLogger('error'),
      rateLimitPerMinute: 30,
      maxLive: 10,
      maxPendingBytes: 1_000_000,
      now: () => now,
    });
    try {
      const c = conversations.open('conversationAAAA', 'dl_visitor01', now + 1800_000);
      await conversations.append(c, [
        { type: 'message', text: '1' },
        { type: 'message', text: '2' },
      ]);
      now += LIVE_IDLE_MS - 1000;
      expect(conversations.sweep()).to.equal(0);
      now += 2000;
      expect(conversations.sweep()).to.equal(1);
      expect(conversations.get('conversationAAAA')).to.equal(undefined);
      expect(conversations.size).to.equal(0);

      const again = conversations.open('conversationAAAA', 'dl_visitor01', now + 1800_000);
      const read = await conversations.since(again, undefined);
      expect(read.activities.map((a) => a.activity.text)).to.deep.equal(['1', '2']);
      await conversations.append(again, [{ type: 'message', text: '3' }]);
      const after = await conversations.since(again, read.watermark);
      expect(after.activities.map((a) => a.activity.text)).to.deep.equal(['3']);
      expect(after.watermark).to.equal(read.watermark + 1);
    } finally {
      db.remove();
    }
  });

  it('a page view nobody wrote in leaves nothing: once its token has expired, the state its welcome wrote is dropped', async () => {
    const app = await startTestApp();
    try {
      const c = await startConversation(app.directLineUrl);
      const key = `webchat/conversations/${c.conversationId}/`;
      await eventually(async () => Object.keys(await app.storage.read([key])).length === 1, 2000, 'the welcome to save its state');
      expect(await app.backend.directLine.since(c.conversationId, undefined), 'no activity stored').to.equal(undefined);
      app.directLine.conversations.get(c.conversationId)!.tokensValidUntil = 0;
      expect(app.directLine.conversations.sweep()).to.equal(1);
      await eventually(async () => Object.keys(await app.storage.read([key])).length === 0, 2000, 'the state to be dropped');
    } finally {
      await app.close();
    }
  });

  it('a conversation the visitor wrote in keeps its state and history when this instance forgets it from memory', async () => {
    const app = await startTestApp();
    try {
      const c = await startConversation(app.directLineUrl);
      const url = `${app.directLineUrl}/conversations/${c.conversationId}/activities`;
      await call(url, { token: c.token, body: { type: 'message', text: 'can dry needling help sciatica?' } });
      const key = `webchat/conversations/${c.conversationId}/`;
      const live = app.directLine.conversations.get(c.conversationId)!;
      live.tokensValidUntil = 0;
      live.lastActive = 0;
      expect(app.directLine.conversations.sweep()).to.equal(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(Object.keys(await app.storage.read([key]))).to.deep.equal([key]);
      const read = await call(url, { token: c.token });
      expect(read.status).to.equal(200);
      const texts = read.body.activities.map((a: { text?: string }) => a.text ?? '');
      expect(texts[0], 'the welcome, stored with the first message').to.match(WELCOME);
      expect(texts).to.include('can dry needling help sciatica?');
    } finally {
      await app.close();
    }
  });
});
