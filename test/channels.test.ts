/**
 * Patients on messaging channels, end to end: activities shaped as each channel sends them
 * (test/fixtures/channels/, each file says where its shape comes from) are posted to the real server, and the
 * replies are read where the channel would receive them (a Bot Connector stand-in at serviceUrl that records
 * what it is sent and can refuse events). Limits are checked against the channel's real figures.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { PROJECT_ROOT } from '../src/config';
import type { RunningApp } from '../src/app';
import { smsSegments, isGsm7, firstSegmentEnd } from '../src/channels/gsm7';
import { smsBudgetFor } from '../src/bot/sms';
import { startConnectorStub, ConnectorStub } from './connectorStub';
import { buttons, clinic, startTestApp } from './helpers';

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'channels');

function fixture(name: string): Record<string, unknown> {
  const raw = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
  delete raw._source;
  return raw;
}

/** One patient's conversation on one channel, through the real server and the connector stand-in. */
class ChannelChat {
  readonly conversationId: string;
  private seen = 0;

  constructor(
    private readonly app: RunningApp,
    private readonly stub: ConnectorStub,
    private readonly base: Record<string, unknown>,
  ) {
    const conversation = base.conversation as { id: string };
    this.conversationId = `${conversation.id}-${Math.random().toString(36).slice(2)}`;
  }

  /** Posts the fixture (with overrides) and returns the activities the channel received for it. */
  async send(overrides: Record<string, unknown> = {}): Promise<Activity[]> {
    const activity = {
      ...this.base,
      id: `act-${Math.random().toString(36).slice(2)}`,
      serviceUrl: this.stub.url,
      ...overrides,
      conversation: { ...(this.base.conversation as object), id: this.conversationId },
    };
    const res = await fetch(`${this.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status, await res.text()).to.be.within(200, 202);
    const mine = this.stub.received.filter((r) => r.path.includes(encodeURIComponent(this.conversationId)));
    const fresh = mine.slice(this.seen).map((r) => r.body);
    this.seen = mine.length;
    return fresh;
  }

  /** Sends a message with the fixture's shape and the given text (channelData's copy of the text dropped). */
  say(text: string, overrides: Record<string, unknown> = {}): Promise<Activity[]> {
    return this.send({ text, channelData: undefined, entities: undefined, attachments: undefined, ...overrides });
  }
}

const messages = (activities: Activity[]) => activities.filter((a) => a.type === 'message');
const textOf = (activities: Activity[]) =>
  messages(activities)
    .map((a) => a.text ?? '')
    .join('\n');
const WELCOME = /not a diagnosis or medical advice|not medical advice/;

describe('channels: what real channels send, and what reaches them', function () {
  this.timeout(20_000);
  let app: RunningApp;
  let stub: ConnectorStub;
  const { knowledge } = clinic();
  const chat = (name: string) => new ChannelChat(app, stub, fixture(name));

  before(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_PER_ADDRESS: '0' });
    stub = await startConnectorStub();
  });
  after(async () => {
    await stub.close();
    await app.close();
  });
  beforeEach(() => {
    stub.refuseEvents = false;
  });

  describe('Teams', () => {
    it('a group @mention is removed: "<at>Teams Bot</at> how do I book?" is a booking question, with no handoff event', async () => {
      const c = chat('msteams-groupchat-mention');
      const replies = await c.send();
      expect(replies.filter((a) => a.type === 'event')).to.have.length(0);
      expect(textOf(replies)).to.match(/booking request|book online/i);
      expect(textOf(replies)).to.not.include('talk to a person');
    });

    it('prompt buttons in a group chat are a card titled as written ("Yes, that’s fine"), and a mentioned "yes" answers the prompt', async () => {
      const c = chat('msteams-groupchat-mention');
      const ask = messages(await c.send());
      const prompt = ask[ask.length - 1];
      expect(prompt.suggestedActions).to.equal(undefined);
      expect(buttons(prompt)).to.deep.equal(['Yes, that’s fine', 'No thanks']);
      const yes = await c.send({
        text: '<at>Teams Bot</at> yes\n',
        entities: [{ type: 'mention', mentioned: { id: '28:teamsbot-Guid', name: 'Teams Bot' }, text: '<at>Teams Bot</at>' }],
      });
      expect(textOf(yes)).to.include('What name should we use?');
    });

    for (const word of ['cancel', 'yes', '2']) {
      it(`"<at>Teams Bot</at> ${word}" in a group chat is "${word}", never a request for a person`, async () => {
        const c = chat('msteams-groupchat-mention');
        const replies = await c.send({ text: `<at>Teams Bot</at> ${word}\n` });
        expect(replies.filter((a) => a.type === 'event')).to.have.length(0);
        expect(textOf(replies)).to.not.include('flagged this conversation for our team');
        expect(messages(replies).length).to.be.at.least(1);
      });
    }

    it('the transcript keeps the message as sent (with the mention); the recognition trace shows what was read', async () => {
      const c = chat('msteams-groupchat-mention');
      await c.send();
      const stored = await app.transcripts.allActivities('msteams', c.conversationId);
      const incoming = stored.find((a) => a.type === 'message' && a.from?.role === 'user');
      expect(incoming?.text).to.include('<at>Teams Bot</at>');
      const trace = stored.find((a) => a.type === 'trace' && a.name === 'ClinicRecognizer');
      expect((trace?.value as { text: string }).text).to.equal('how do I book?');
    });

    it('a message that is only the @mention gets "I didn’t catch a question", not "I can only read text"', async () => {
      const c = chat('msteams-groupchat-mention');
      const replies = await c.send({ text: '<at>Teams Bot</at>\n' });
      expect(textOf(replies)).to.include('didn’t catch a question');
    });

    it('the install (bot added) gets exactly one welcome, however many conversationUpdates arrive', async () => {
      const c = chat('msteams-install');
      const first = await c.send();
      expect(messages(first)).to.have.length(1);
      expect(textOf(first)).to.match(WELCOME);
      const again = await c.send({ membersAdded: [{ id: '29:User-One-Id' }] });
      const third = await c.send();
      expect(messages([...again, ...third])).to.have.length(0);
    });

    it('"talk to a person" gives the contact details and no event (Teams rejects them)', async () => {
      const c = chat('msteams-personal');
      const replies = await c.say('I want to talk to a person');
      expect(replies.filter((a) => a.type === 'event')).to.have.length(0);
      expect(textOf(replies)).to.include(knowledge.clinic.phone);
    });

    it('line breaks survive Teams markdown: every line of the contact details is its own paragraph', async () => {
      const c = chat('msteams-personal');
      const text = textOf(await c.say('what are your contact details?'));
      expect(text).to.include(`Phone: ${knowledge.clinic.phone}\n\nEmail: ${knowledge.clinic.email}`);
    });

    it('a stale "Yes, send it" tap on an old card starts nothing new', async () => {
      const c = chat('msteams-personal');
      const replies = await c.say('Yes, send it');
      expect(textOf(replies)).to.include('nothing has been sent or booked');
      expect(textOf(replies)).to.not.include('booking request');
    });
  });

  describe('Slack', () => {
    it('"<@U…> how do I book an appointment?" is understood (the welcome first: Slack sends no conversationUpdate)', async () => {
      const c = chat('slack-mention');
      const replies = await c.send();
      const text = textOf(replies);
      expect(text).to.not.include('didn’t understand');
      expect(text).to.match(WELCOME);
      expect(text).to.match(/booking request|book online/i);
    });
  });

  describe('Facebook', () => {
    it('the Get Started postback gets the welcome once, not the out-of-scope refusal', async () => {
      const c = chat('facebook-get-started');
      const replies = await c.send();
      expect(messages(replies)).to.have.length(1);
      expect(textOf(replies)).to.match(WELCOME).and.not.include('not something I can help with');
    });

    it('a tapped quick reply is read from its payload', async () => {
      const c = chat('facebook-quick-reply');
      const replies = await c.send();
      expect(textOf(replies)).to.match(/booking request|book online/i);
    });

    it('a quick reply that came back as its title only is mapped to its value', async () => {
      const c = chat('facebook-title-only');
      const replies = await c.send();
      expect(textOf(replies)).to.match(/booking request|book online/i);
    });

    it('quick replies fit Facebook: at most 10 (13 allowed), titles of 20 characters at most, text within 2000', async () => {
      const c = chat('facebook-quick-reply');
      const all = [
        ...(await c.say('hello')),
        ...(await c.say('which treatment suits me?')),
        ...(await c.say('what is dry needling?')),
        ...(await c.say('what conditions does dry needling treat?')),
      ];
      for (const m of messages(all)) {
        const titles = buttons(m);
        expect(titles.length).to.be.at.most(10);
        for (const t of titles) expect(t.length, t).to.be.at.most(20);
        expect((m.text ?? '').length).to.be.at.most(2000);
        if (m.attachments?.length) expect(titles.length).to.be.at.most(3);
      }
    });
  });

  describe('Telegram', () => {
    it('/start gets the welcome, once; a keyboard button that sends its title is understood', async () => {
      const c = chat('telegram-start');
      const start = await c.send();
      expect(messages(start)).to.have.length(1);
      expect(textOf(start)).to.match(WELCOME);
      const tapped = await new ChannelChat(app, stub, fixture('telegram-keyboard-title')).send();
      expect(textOf(tapped)).to.match(/booking request|book online/i);
    });

    it('no message is longer than Telegram delivers (4096 characters)', async () => {
      const c = chat('telegram-start');
      const all = [
        ...(await c.send()),
        ...(await c.say('what conditions can dry needling treat?')),
        ...(await c.say('what is the difference between acupuncture and dry needling?')),
      ];
      for (const m of messages(all)) expect((m.text ?? '').length).to.be.at.most(4096);
    });
  });

  describe('SMS', () => {
    const sender = '+61412345678';

    function expectSms(activities: Activity[]): void {
      for (const m of messages(activities)) {
        const text = m.text ?? '';
        expect(isGsm7(text), `not GSM-7: ${text}`).to.equal(true);
        expect(smsSegments(text).segments, text).to.be.at.most(smsBudgetFor(text));
        expect(m.suggestedActions).to.equal(undefined);
        expect(m.attachments ?? []).to.have.length(0);
      }
    }

    it('the first reply carries the short intro with 000 in its first segment, then the answer, in one text', async () => {
      const c = chat('sms');
      const replies = await c.send();
      expect(messages(replies)).to.have.length(1);
      const text = messages(replies)[0].text ?? '';
      expect(text.slice(0, firstSegmentEnd(text))).to.include(`Call ${knowledge.clinic.emergencyNumber}`);
      expect(text).to.include('developed in the 1980s');
      expectSms(replies);
      const next = await c.say('how does acupuncture work?');
      expect(textOf(next)).to.not.match(/not medical advice\. Emergency\?/);
    });

    it('a long list is cut with "Reply MORE for the full list", and MORE sends the rest', async () => {
      const c = chat('sms');
      await c.send();
      const list = await c.say('what conditions can dry needling treat?');
      expectSms(list);
      expect(textOf(list)).to.include('Reply MORE for the full list');
      const more = await c.say('MORE');
      expectSms(more);
      const all = textOf(list) + '\n' + textOf(more);
      for (const condition of knowledge.conditions.filter((x) => x.list === 'dryNeedling').slice(-2))
        expect(all).to.include(condition.name.replace(/[’‘]/g, "'"));
    });

    for (const keyword of ['STOP', 'stop', 'Unsubscribe', 'CANCEL', 'END', 'QUIT', 'START', 'HELP']) {
      it(`a lone "${keyword}" is left to the carrier: nothing is sent`, async () => {
        const c = chat('sms');
        await c.send();
        expect(messages(await c.say(keyword))).to.have.length(0);
      });
    }

    it('a first text that is a carrier keyword gets nothing, and the next text still carries the intro', async () => {
      const c = chat('sms');
      expect(messages(await c.say('STOP'))).to.have.length(0);
      expect(textOf(await c.say('what is acupuncture?'))).to.include(`Call ${knowledge.clinic.emergencyNumber}`);
    });

    it('"YES" with no question waiting gets a polite reply, not "I didn’t understand"', async () => {
      const c = chat('sms');
      await c.send();
      const text = textOf(await c.say('YES'));
      expect(text).to.include('not waiting on an answer').and.not.include('didn’t understand');
    });

    it('no reply tells the patient to send a carrier keyword', async () => {
      const c = chat('sms');
      const all = [...(await c.send()), ...(await c.say('help me')), ...(await c.say('which treatment suits me?')), ...(await c.say('banana'))];
      expect(textOf(all)).to.not.match(/["“'‘](cancel|stop|end|quit|unsubscribe|start|help)["”'’]/i);
    });

    it('a crisis message has 000 and the crisis line in the first segment', async () => {
      const c = chat('sms');
      const text = textOf(await c.say('I want to end my life'));
      const first = text.slice(0, firstSegmentEnd(text));
      expect(first).to.include(knowledge.clinic.emergencyNumber).and.include('13 11 14');
      expect(isGsm7(text)).to.equal(true);
    });

    it('a call-back uses the number the patient is texting from ("same as this one")', async () => {
      const c = chat('sms');
      await c.send({ text: 'can someone call me back?' });
      await c.say('yes');
      const ask = textOf(await c.say('Sam'));
      expect(ask).to.include('number you');
      const when = textOf(await c.say('same as this one'));
      expect(when).to.include('When suits you');
      await c.say('weekday mornings');
      const summary = textOf(await c.say('skip'));
      expect(summary).to.include(`Phone: ${sender}`);
      expectSms(await c.say('yes'));
      const [stored] = await app.enquiries.forConversation('sms', c.conversationId);
      expect(stored?.phone).to.equal(sender);
    });

    it('a 👍 answers a yes/no question with yes', async () => {
      const c = chat('sms');
      await c.send({ text: 'can someone call me back?' });
      expect(textOf(await c.say('👍'))).to.include('What name should we use?');
    });

    it('a full-width digit ("２") picks the second choice', async () => {
      const c = chat('sms');
      await c.send({ text: 'which treatment suits me?' });
      const r = textOf(await c.say('２'));
      expect(r).to.include('Western medicine');
    });
  });

  describe('email', () => {
    it('the quoted thread and signature are not read: the new question is answered, the quoted chest tightness is not an emergency', async () => {
      const c = chat('email-reply-with-quote');
      const text = textOf(await c.send());
      expect(text).to.not.include('could be an emergency');
      expect(text).to.include('Tennis elbow');
    });

    it('a question only in the subject line is answered, in one email that starts with the welcome', async () => {
      const c = chat('email-subject-only');
      const replies = messages(await c.send());
      expect(replies).to.have.length(1);
      expect(replies[0].text).to.match(WELCOME).and.include('meridian');
    });
  });

  describe('handoff where the channel refuses events', () => {
    it('the patient still gets the contact details, and no apology', async () => {
      stub.refuseEvents = true;
      const c = new ChannelChat(app, stub, {
        type: 'message',
        channelId: 'webchat',
        from: { id: 'u1' },
        recipient: { id: 'bot' },
        conversation: { id: 'web' },
      });
      const replies = await c.say('I want to talk to a person');
      expect(stub.refused.some((a) => a.name === 'handoff.initiate')).to.equal(true);
      expect(textOf(replies)).to.include(knowledge.clinic.phone).and.not.include('something went wrong');
    });
  });

  describe('Web Chat', () => {
    it('a repeated conversationUpdate does not send the welcome twice', async () => {
      const c = new ChannelChat(app, stub, {
        type: 'conversationUpdate',
        channelId: 'webchat',
        from: { id: 'u1' },
        recipient: { id: 'bot' },
        conversation: { id: 'web' },
        membersAdded: [{ id: 'u1' }],
      });
      const first = await c.send();
      const second = await c.send();
      expect(messages(first)).to.have.length(1);
      expect(messages(second)).to.have.length(0);
    });
  });
});
