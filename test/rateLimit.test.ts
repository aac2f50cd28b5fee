import { expect } from 'chai';
import { startApp, RunningApp } from '../src/app';
import { RateLimiter } from '../src/channels/rateLimit';
import { silentLogger } from '../src/logger';
import { testConfig } from './helpers';

describe('rate limits', () => {
  it('allow a burst, then refill at the configured rate', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, 1000, () => now); // one a second, three at once
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).to.deep.equal([true, true, true]);
    const refused = limiter.take('a');
    expect(refused.allowed).to.equal(false);
    expect(refused.retryAfterSeconds).to.equal(1);
    expect(limiter.take('b').allowed).to.equal(true); // keys are independent
    now += 1000;
    expect(limiter.take('a').allowed).to.equal(true);
    expect(limiter.take('a').allowed).to.equal(false);
  });

  it('keep memory bounded whatever the number of keys', () => {
    const limiter = new RateLimiter(60, 1, 100);
    for (let i = 0; i < 1000; i++) limiter.take(`key-${i}`);
    expect(limiter.size).to.equal(100);
  });

  it('0 disables a limit', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('x').allowed).to.equal(true);
  });

  describe('on /api/messages (anonymous)', () => {
    let app: RunningApp;
    before(async () => {
      const config = testConfig({
        RATE_LIMIT_PER_CONVERSATION: '4',
        RATE_LIMIT_PER_ADDRESS: '1000',
      });
      app = await startApp(config, { logger: silentLogger });
    });
    after(() => app.close());

    const send = (conversationId: string) =>
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'hello',
          deliveryMode: 'expectReplies',
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:1',
          conversation: { id: conversationId },
          from: { id: 'u' },
          recipient: { id: 'b' },
        }),
      });

    it('answers 429 with Retry-After once a conversation exceeds its limit, other conversations unaffected', async () => {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 3; i++) {
        last = await send('flood');
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 1)).to.deep.equal([200]);
      expect(statuses).to.include(429);
      const refused = await send('flood');
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.greaterThan(0);
      expect(await refused.json()).to.have.property('error');
      expect((await send('calm')).status).to.equal(200);
    });
  });
});
