/**
 * With MicrosoftAppId set, /api/messages only accepts requests signed by Bot Framework.
 */
import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import { startApp, RunningApp } from '../src/app';
import { silentLogger } from '../src/logger';
import { testConfig } from './helpers';

/**
 * A well-formed JWT for our app id that Bot Framework did not issue. (A token that claims Bot Framework's issuer
 * is checked against Bot Framework's published signing keys, which needs the internet; this machine has none.)
 */
function fakeJwt(): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = b64({ alg: 'HS256', typ: 'JWT', kid: 'not-a-bot-framework-key' });
  const payload = b64({ iss: 'https://attacker.example/', aud: '00000000-0000-0000-0000-000000000001', exp: Math.floor(Date.now() / 1000) + 3600 });
  const sig = createHmac('sha256', 'guessed').update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${sig}`;
}

describe('HTTP: Bot Framework authentication', () => {
  let app: RunningApp;
  before(async () => {
    const config = testConfig({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'test-secret-not-real',
      MicrosoftAppType: 'MultiTenant',
    });
    app = await startApp(config, { logger: silentLogger });
  });
  after(() => app.close());

  const body = JSON.stringify({
    type: 'message',
    text: 'what is dry needling',
    deliveryMode: 'expectReplies',
    channelId: 'webchat',
    serviceUrl: 'https://webchat.botframework.com/',
    conversation: { id: 'c1' },
    from: { id: 'u1' },
    recipient: { id: 'b1' },
  });

  it('rejects an unsigned request with 401 and does not answer it', async () => {
    const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).to.equal(401);
    expect(await res.text()).to.not.include('developed in the 1980s');
  });

  it('rejects a token that is not a valid Bot Framework token with 401', async () => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fakeJwt()}` },
      body,
    });
    expect(res.status).to.equal(401);
    const json = await res.json();
    expect(json.error).to.match(/unauthorized/);
  });

  it('rejects a malformed Authorization header with 401', async () => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body,
    });
    expect(res.status).to.equal(401);
  });
});
