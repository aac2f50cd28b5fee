/**
 * Property-based fuzzing (fast-check, fixed seeds so failures reproduce): whatever is sent, nothing throws,
 * every reply is well-formed, and the HTTP endpoint answers 2xx or a 4xx JSON error, never a 500.
 */
import { expect } from 'chai';
import { isCarrierKeyword, smsBudgetFor } from '../src/bot/sms';
import { smsSegments } from '../src/channels/gsm7';
import fc from 'fast-check';
import { startApp, RunningApp } from '../src/app';
import { silentLogger } from '../src/logger';
import { clinic, Conversation, testConfig } from './helpers';

const CLINIC_WORDS = [
  'dry',
  'needling',
  'acupuncture',
  'tennis',
  'elbow',
  'what',
  'is',
  'how',
  'it',
  'help',
  'pain',
  'chest',
  'book',
  'the',
  '?',
  '!',
  "'s",
  'planter',
  'fasciitis',
];

/** Text that looks like messages: clinic words mixed with arbitrary unicode, control and bidi characters. */
const messageText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.oneof(fc.constantFrom(...CLINIC_WORDS), fc.string({ maxLength: 8 }), fc.constantFrom('\u202E', '\u0000', '\u200B', '\n', '<b>', '🙂', '👍🏽')),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(' ')),
  fc.string({ maxLength: 5000 }),
);

describe('fuzzing', function () {
  this.timeout(300_000);

  it('the recognizer never throws and always returns a calibrated, well-formed result (3,000 cases)', () => {
    const { recognizer } = clinic();
    fc.assert(
      fc.property(messageText, (text) => {
        const r = recognizer.recognize(text);
        expect(r.intent).to.be.a('string').and.not.equal('');
        expect(r.score).to.be.within(0, 1);
        expect(Number.isFinite(r.score)).to.equal(true);
        for (let i = 1; i < r.alternatives.length; i++) expect(r.alternatives[i - 1].score).to.be.at.least(r.alternatives[i].score);
        const sum = r.alternatives.reduce((s, a) => s + a.score, 0);
        expect(sum).to.be.at.most(1 + 1e-9);
        for (const c of r.conditions) expect(text.normalize('NFKC')).to.satisfy((t: string) => t.length >= 0 && typeof c.text === 'string');
      }),
      { numRuns: 3000, seed: 20261126 },
    );
  });

  it('the bot answers every message with at least one reply and exactly one recognition trace (400 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(messageText, fc.constantFrom('webchat', 'sms', 'msteams', 'facebook', 'telegram', 'slack', 'email'), async (text, channel) => {
        const r = await new Conversation(channel).say(text);
        // On SMS a lone carrier keyword (STOP, HELP…) is the carrier's to answer: the bot stays silent.
        if (!(channel === 'sms' && isCarrierKeyword(text))) expect(r.replies.length).to.be.at.least(1);
        expect(r.traces.filter((t) => t.name === 'ClinicRecognizer')).to.have.length(1);
        for (const reply of r.replies) if (reply.type === 'message') expect(reply.text ?? '').to.not.include('<script');
        // Whatever the patient sent, an SMS reply is GSM-7 and within the segment budget.
        if (channel === 'sms') {
          for (const reply of r.replies) {
            const text = reply.text ?? '';
            expect(smsSegments(text))
              .to.deep.include({ encoding: 'GSM-7' })
              .and.satisfy((c: { segments: number }) => c.segments <= smsBudgetFor(text));
          }
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  describe('the HTTP endpoint', () => {
    let app: RunningApp;
    before(async () => {
      const config = testConfig({
        RATE_LIMIT_PER_ADDRESS: '0',
        RATE_LIMIT_PER_CONVERSATION: '0',
        MAX_BODY_BYTES: '20000',
      });
      app = await startApp(config, { logger: silentLogger });
    });
    after(() => app.close());

    const RUNS = 800;
    const validActivity = fc.record({
      type: fc.constantFrom('message', 'conversationUpdate', 'typing', 'event', 'invoke', 'endOfConversation', 'nonsense'),
      text: fc.option(messageText, { nil: undefined }),
      deliveryMode: fc.constant('expectReplies'),
      channelId: fc.constantFrom('emulator', 'webchat', 'sms', 'msteams'),
      serviceUrl: fc.constant('http://127.0.0.1:1'),
      conversation: fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }) }),
      from: fc.record({ id: fc.string({ maxLength: 20 }) }),
      recipient: fc.record({ id: fc.string({ maxLength: 20 }) }),
      attachments: fc.option(fc.array(fc.record({ contentType: fc.string(), contentUrl: fc.webUrl() }), { maxLength: 2 }), { nil: undefined }),
      membersAdded: fc.option(fc.array(fc.record({ id: fc.string({ maxLength: 10 }) }), { maxLength: 3 }), { nil: undefined }),
    });
    const body = fc.oneof(
      validActivity.map((a) => JSON.stringify(a)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
      fc
        .tuple(validActivity, fc.constantFrom('type', 'text', 'conversation', 'from', 'channelId', 'serviceUrl', 'attachments'), fc.jsonValue())
        .map(([a, key, junk]) => JSON.stringify({ ...a, [key]: junk })),
    );

    it(`answers every body with 2xx or a 4xx JSON error, never a 5xx (${RUNS} cases)`, async () => {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
          const text = await res.text();
          expect(res.status, `${res.status} for ${payload.slice(0, 200)}: ${text.slice(0, 200)}`).to.be.lessThan(500);
          if (res.status >= 400) expect(JSON.parse(text)).to.have.property('error');
          else if (text) JSON.parse(text);
        }),
        { numRuns: RUNS, seed: 42 },
      );
      const health = await fetch(`${app.url}/healthz`);
      expect(health.status).to.equal(200);
    });
  });
});
