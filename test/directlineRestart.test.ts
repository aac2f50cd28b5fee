/**
 * Upgrading the bot (a restart of the process) does not end the website chats that are open: a visitor's page
 * keeps its token, and the new process carries the conversation on from the bot's stored state, as long as the
 * signing secret is the same (DIRECTLINE_SECRET, or the generated file, which the Azure template keeps on /home).
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startConversation, startTestApp, Stream, TestApp } from './appHelpers';

describe('website chat across a restart (an upgrade)', () => {
  let dir: string;
  const apps: TestApp[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-dl-restart-'));
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  /** The same data folder and the same generated secret file each time, as on App Service's /home. */
  async function start(): Promise<TestApp> {
    const app = await startTestApp({ DATA_DIR: dir, DIRECTLINE_SECRET: '', DIRECTLINE_SECRET_FILE: join(dir, 'directline-secret') });
    apps.push(app);
    return app;
  }

  const texts = (activities: Array<{ from?: { role?: string }; text?: string }>) =>
    activities.filter((a) => a.from?.role === 'bot').map((a) => a.text ?? '');

  it('the open conversation carries on after the restart: same token, the dialog where it was, new replies after the page’s watermark', async () => {
    const first = await start();
    const c = await startConversation(first.directLineUrl);
    const url = (app: TestApp, path = '') => `${app.directLineUrl}/conversations/${c.conversationId}${path}`;
    await call(url(first, '/activities'), { token: c.token, body: { type: 'message', text: 'I would like to book an appointment' } });
    const before = await call(url(first, '/activities'), { token: c.token });
    expect(texts(before.body.activities).join('\n')).to.match(/Is that OK\?/);
    const pageWatermark = before.body.watermark as string;
    await first.close();

    const second = await start();
    // What Web Chat does when its stream drops: ask for a new stream URL from its watermark.
    const resumed = await call(`${url(second)}?watermark=${pageWatermark}`, { token: c.token });
    expect(resumed.status, JSON.stringify(resumed.body)).to.equal(200);
    expect(resumed.body.conversationId).to.equal(c.conversationId);
    const stream = await Stream.open(resumed.body.streamUrl);
    try {
      const posted = await call(url(second, '/activities'), { token: c.token, body: { type: 'message', text: 'yes' } });
      expect(posted.status).to.equal(200);
      const reply = await stream.waitFor((a) => a.from?.role === 'bot');
      expect(reply.text, 'the booking dialog continues from the stored state').to.match(/What name/);
      const after = await call(`${url(second, '/activities')}?watermark=${pageWatermark}`, { token: c.token });
      expect(texts(after.body.activities), 'everything new is after the old watermark, and no second welcome').to.deep.equal([reply.text]);
      expect(Number(after.body.watermark)).to.be.greaterThan(Number(pageWatermark));
    } finally {
      stream.ws.close();
    }
  });

  it('a token this server issued for a conversation it does not know is still refused, and a changed secret ends the old chats', async () => {
    const app = await start();
    const neverStarted = (await call(`${app.directLineUrl}/tokens/generate`, { method: 'POST' })).body;
    const status = (await call(`${app.directLineUrl}/conversations/${neverStarted.conversationId}/activities`, { token: neverStarted.token })).status;
    expect(status).to.equal(404);

    const c = await startConversation(app.directLineUrl);
    await app.close();
    rmSync(join(dir, 'directline-secret'));
    const other = await start();
    const refused = await call(`${other.directLineUrl}/conversations/${c.conversationId}/activities`, { token: c.token });
    expect(refused.status, 'signed with the lost secret').to.equal(401);
  });
});
