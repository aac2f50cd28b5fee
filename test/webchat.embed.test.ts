/**
 * The website chat on other sites, and what a page view leaves behind, over HTTP on the real server:
 *  - a page on a site not in WEBCHAT_ALLOWED_ORIGINS gets no token (403) and the refusal is logged with its
 *    origin; the clinic's own sites and this server's own page do get one; a client without an Origin
 *    header (a server, the Direct Line client in Node) is not affected;
 *  - a site not allowed to frame the page sees a page saying so (not a blank "refused to connect");
 *  - a page view in which the visitor writes nothing stores no conversation; the first message does.
 */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger } from '../src/logger';
import { call, eventually, startConversation, startTestApp, Stream, TestApp } from './appHelpers';

const CLINIC_SITE = 'https://www.clinic.example';
const OTHER_SITE = 'https://copycat.example';

/** A logger whose lines the test can read (pino JSON). */
function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('warn', {}, destination), lines };
}

describe('the website chat on other sites (honest embedding)', function () {
  this.timeout(30_000);
  let app: TestApp;
  let lines: Array<Record<string, unknown>>;

  before(async () => {
    const recording = recordingLogger();
    lines = recording.lines;
    app = await startTestApp({ WEBCHAT_ALLOWED_ORIGINS: CLINIC_SITE }, { logger: recording.logger });
  });
  after(async () => app?.close());

  const generate = (origin?: string) => call(`${app.directLineUrl}/tokens/generate`, { method: 'POST', headers: origin ? { origin } : {} });

  it('a page on a site that is not allowed gets no token, a clear 403, and the refusal is logged with the origin', async () => {
    const refused = await generate(OTHER_SITE);
    expect(refused.status).to.equal(403);
    expect(refused.body.error.code).to.equal('Forbidden');
    expect(refused.body.error.message).to.contain('WEBCHAT_ALLOWED_ORIGINS');
    expect(refused.body).to.not.have.property('token');
    expect(refused.headers.get('access-control-allow-origin')).to.equal(null);
    const warning = await eventually(() => lines.find((l) => l.level === 'warn' && l.origin === OTHER_SITE), 2000, 'the warning');
    expect(String(warning.msg)).to.contain('WEBCHAT_ALLOWED_ORIGINS');
  });

  it('a refused site cannot use a token it got elsewhere either', async () => {
    const { conversationId, token } = await startConversation(app.directLineUrl);
    const post = await call(`${app.directLineUrl}/conversations/${conversationId}/activities`, {
      token,
      headers: { origin: OTHER_SITE },
      body: { type: 'message', text: 'hello', from: { id: 'x' } },
    });
    expect(post.status).to.equal(403);
  });

  it('the clinic’s own site, this server’s own page and clients without an Origin get a token', async () => {
    const clinicSite = await generate(CLINIC_SITE);
    expect(clinicSite.status).to.equal(200);
    expect(clinicSite.body.token).to.be.a('string');
    expect(clinicSite.headers.get('access-control-allow-origin')).to.equal(CLINIC_SITE);
    expect((await generate(app.base)).status).to.equal(200); // the chat page itself (same origin)
    expect((await generate()).status).to.equal(200);
  });

  it('a refused origin is logged once a minute, not once per request', async () => {
    const site = 'https://busy-copycat.example';
    for (let i = 0; i < 5; i++) expect((await generate(site)).status).to.equal(403);
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.filter((l) => l.origin === site)).to.have.length(1);
  });

  it('a site that is not allowed to frame the page sees a page saying the chat is not available here, with the clinic’s number', async () => {
    const res = await fetch(`${app.base}/`, { headers: { 'sec-fetch-dest': 'iframe', referer: `${OTHER_SITE}/contact` } });
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(html).to.contain('can’t be shown on this website');
    expect(html).to.match(/href="tel:\+?\d+"/);
    expect(html).to.not.contain('webchat-minimal.js'); // no chat, no token
    expect(res.headers.get('content-security-policy')).to.contain('frame-ancestors *');
    await eventually(() => lines.find((l) => l.origin === OTHER_SITE && l.what === 'iframe'), 2000, 'the iframe warning');
  });

  it('the clinic’s own site frames the real chat page, limited to the allowed origins', async () => {
    const res = await fetch(`${app.base}/`, { headers: { 'sec-fetch-dest': 'iframe', referer: `${CLINIC_SITE}/contact` } });
    const html = await res.text();
    expect(html).to.contain('webchat-minimal.js');
    expect(res.headers.get('content-security-policy')).to.contain(`frame-ancestors 'self' ${CLINIC_SITE}`);
  });

  it('the widget’s panel on a site that is not allowed says so even when that site sends no Referer', async () => {
    const widget = (host: string) =>
      fetch(`${app.base}/?embed=widget&host=${encodeURIComponent(host)}`, { headers: { 'sec-fetch-dest': 'iframe' } }).then((r) => r.text());
    expect(await widget(OTHER_SITE)).to.contain('can’t be shown on this website');
    const allowed = await widget(CLINIC_SITE);
    expect(allowed).to.contain('webchat-minimal.js').and.contain('class="embedded"');
  });
});

describe('a page view in which nobody writes stores nothing', function () {
  this.timeout(30_000);
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('opening the chat (token, conversation, welcome) stores no conversation; the visitor’s first message stores it, with the reply', async () => {
    const { conversationId, token, streamUrl } = await startConversation(app.directLineUrl);
    const stream = await Stream.open(streamUrl);
    try {
      await stream.waitFor((a) => a.type === 'message' && a.from?.role !== 'user' && /acupuncture/i.test(a.text ?? ''));
      await new Promise((r) => setTimeout(r, 200)); // a write would have been queued by now
      expect(await app.transcripts.allActivities('webchat', conversationId)).to.deep.equal([]);
      expect((await app.transcripts.listTranscripts('webchat')).items.map((t) => t.id)).to.not.include(conversationId);

      const posted = await call(`${app.directLineUrl}/conversations/${conversationId}/activities`, {
        token,
        body: { type: 'message', text: 'what is dry needling?', from: { id: 'visitor' } },
      });
      expect(posted.status).to.equal(200);
      const stored = await eventually(
        async () => {
          const all = await app.transcripts.allActivities('webchat', conversationId);
          return all.some((a) => a.type === 'message' && a.from?.role === 'bot') ? all : undefined;
        },
        5000,
        'the stored conversation',
      );
      expect(stored.filter((a) => a.type === 'message')[0].text).to.equal('what is dry needling?');
      expect(stored.some((a) => a.type === 'conversationUpdate')).to.equal(false);
      expect((await app.transcripts.listTranscripts('webchat')).items.map((t) => t.id)).to.include(conversationId);
    } finally {
      stream.close();
    }
  });
});
