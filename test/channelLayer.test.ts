/**
 * The channel layer's rules, one by one (GSM-7 and segments, email reply parsing, mentions, button shaping, SMS
 * cuts), and the capability table held against every reply of every channel in a scripted conversation.
 */
import { expect } from 'chai';
import { Activity, ActivityTypes, CardFactory } from 'botbuilder';
import { CHANNEL_CAPABILITIES, capabilitiesFor, UNKNOWN_CHANNEL } from '../src/channels/capabilities';
import { firstSegmentEnd, isGsm7, smsSegments, toGsm7 } from '../src/channels/gsm7';
import { lineBreaksFor, numberedChoices, shapeButtons, splitText } from '../src/channels/outbound';
import { emailQuestion, visibleReply } from '../src/bot/emailText';
import { emojiAnswer, foldUnicode, htmlText, slackPlain, withoutMentions } from '../src/bot/inbound';
import { meansSenderNumber } from '../src/bot/senderNumber';
import { asksQuestion, cutForSms, isCarrierKeyword, smsBudgetFor, urgentNumbersFirst } from '../src/bot/sms';
import { staleAnswerOf } from '../src/bot/staleAnswers';
import * as replies from '../src/bot/replies';
import { buttons, clinic, Conversation } from './helpers';

describe('channel layer', () => {
  const { knowledge } = clinic();

  describe('GSM-7 and SMS segments', () => {
    it('counts segments as carriers bill them: 160/153 for GSM-7, 70/67 for UCS-2, extension characters cost two', () => {
      expect(smsSegments('a'.repeat(160))).to.deep.equal({ encoding: 'GSM-7', units: 160, segments: 1 });
      expect(smsSegments('a'.repeat(161)).segments).to.equal(2);
      expect(smsSegments('a'.repeat(306)).segments).to.equal(2);
      expect(smsSegments('a'.repeat(307)).segments).to.equal(3);
      expect(smsSegments('€'.repeat(80)).units).to.equal(160);
      expect(smsSegments('€'.repeat(81)).segments).to.equal(2);
      expect(smsSegments('it’s' + 'a'.repeat(66))).to.deep.include({ encoding: 'UCS-2', segments: 1 });
      expect(smsSegments('it’s' + 'a'.repeat(67)).segments).to.equal(2);
      expect(smsSegments('👍'.repeat(35)).segments).to.equal(1);
      expect(smsSegments('👍'.repeat(36)).segments).to.equal(2);
    });

    it('one curly apostrophe doubles the cost of a reply; toGsm7 brings it back', () => {
      const text = replies.notCoveredText(knowledge);
      expect(smsSegments(text).encoding).to.equal('UCS-2');
      const plain = toGsm7(text);
      expect(isGsm7(plain)).to.equal(true);
      expect(smsSegments(plain).segments).to.be.lessThan(smsSegments(text).segments);
    });

    it('every sentence the bot composes is GSM-7 after conversion, with its words kept', () => {
      const k = knowledge;
      const texts = [
        replies.welcomeText(k),
        replies.helpText(k),
        replies.notCoveredText(k),
        replies.fallbackText(k),
        replies.outOfScopeText(k),
        replies.handoffText(k),
        replies.bookingText(k),
        replies.urgentText(k, 'crisis'),
        replies.urgentText(k, 'emergency'),
        replies.storageOutageText(k),
        ...Object.keys(k.topics).flatMap((t) =>
          (['acupuncture', 'dryNeedling', 'both'] as const).filter((x) => k.topics[t]?.[x]).map((x) => replies.topicText(k, t, x)),
        ),
      ];
      for (const text of texts) {
        const plain = toGsm7(text);
        expect(isGsm7(plain), plain).to.equal(true);
        expect(plain.replace(/[^A-Za-z0-9]/g, '')).to.equal(text.replace(/[’‘]/g, "'").replace(/[^A-Za-z0-9]/g, ''));
      }
    });

    it('typographic punctuation is spelt plainly; accented letters outside GSM-7 lose the accent; emoji go', () => {
      expect(toGsm7('“Hi” – it’s … fine')).to.equal('"Hi" - it\'s ... fine');
      expect(toGsm7('Zoë, Łukasz, café')).to.equal('Zoe, Lukasz, café');
      expect(toGsm7('Thanks 👍🏽!')).to.equal('Thanks!');
    });
  });

  describe('SMS rules', () => {
    it('a long text is cut at a line or sentence end into 3 segments with "Reply MORE", and nothing is lost', () => {
      const text = replies.topicText(knowledge, 'uses', 'dryNeedling');
      const plain = toGsm7(text);
      const cut = cutForSms(plain);
      expect(smsSegments(cut.text).segments).to.be.at.most(3);
      expect(cut.text).to.match(/Reply MORE for the (full list|rest)\.$/);
      const head = cut.text.replace(/\nReply MORE for the (full list|rest)\.$/, '');
      expect((head + '\n' + cut.rest).replace(/\s+/g, ' ')).to.equal(plain.replace(/\s+/g, ' '));
    });

    it('a question is not cut before 5 segments, so the question itself is never hidden behind "Reply MORE"', () => {
      const prompt = `${'We keep these details only to contact you. '.repeat(12)}Is that OK? (1) Yes or (2) No`;
      expect(asksQuestion(prompt)).to.equal(true);
      expect(smsSegments(prompt).segments).to.equal(4);
      expect(cutForSms(prompt)).to.deep.equal({ text: prompt });
      expect(asksQuestion('Here is the answer. Reply MORE for the rest.')).to.equal(false);
    });

    it('a text that fits is left whole', () => {
      expect(cutForSms('Short answer.')).to.deep.equal({ text: 'Short answer.' });
    });

    it('the emergency and crisis numbers are put in the first segment when a reply mentions them later', () => {
      const late = `${'Some words. '.repeat(20)}Call ${knowledge.clinic.emergencyNumber} or ${knowledge.clinic.crisisLine}.`;
      const fixed = urgentNumbersFirst(toGsm7(late), knowledge.clinic);
      const first = fixed.slice(0, firstSegmentEnd(fixed));
      expect(first).to.include(knowledge.clinic.emergencyNumber).and.include('13 11 14');
      expect(urgentNumbersFirst('Call 000 now.', knowledge.clinic)).to.equal('Call 000 now.');
    });

    it('carrier keywords are recognised only as the whole message', () => {
      for (const k of ['STOP', 'stop.', ' Cancel ', 'UNSUBSCRIBE', 'end', 'Quit!', 'START', 'help', 'INFO', 'stop all'])
        expect(isCarrierKeyword(k), k).to.equal(true);
      for (const k of ['stop the booking', 'help me', 'how do I cancel?', 'YES', 'menu', 'start over'])
        expect(isCarrierKeyword(k), k).to.equal(false);
    });

    it('"this number", "same as this one", "yes" mean the sender’s number; "no" and another number do not', () => {
      for (const t of [
        'yes',
        'Yes please',
        'this number',
        'same as this one',
        'the one I’m texting from',
        'use my mobile',
        'same number',
        'this one is fine',
      ])
        expect(meansSenderNumber(t), t).to.equal(true);
      for (const t of ['no', 'a different number', 'not this one', 'call my work phone instead']) expect(meansSenderNumber(t), t).to.equal(false);
    });
  });

  describe('answers with no question waiting', () => {
    it('bare yes/no and stale button titles are recognised; real questions are not', () => {
      for (const t of ['YES', 'yes please', 'sure', 'Yes, send it', 'Yes, that’s fine', '👍']) expect(staleAnswerOf(t), t).to.equal('yes');
      for (const t of ['no', 'No thanks', 'No, don’t send', 'nope']) expect(staleAnswerOf(t), t).to.equal('no');
      for (const t of ['yes can dry needling help my back?', 'book', 'okay so what is acupuncture', 'ok', 'okay'])
        expect(staleAnswerOf(t), t).to.equal(undefined);
    });
  });

  describe('email', () => {
    it('drops an "On … wrote:" thread and a "-- " signature', () => {
      const body =
        'Does acupuncture help with stress?\n\n-- \nJo Smith\nAcme Pty Ltd\n\nOn Tue, 3 Mar 2026 at 10:00, Clinic <bot@clinic.example> wrote:\n> old text about chest pain';
      expect(visibleReply(body)).to.equal('Does acupuncture help with stress?');
    });

    it('drops an Outlook "From: … Sent: …" quoted message and a sign-off with contact lines', () => {
      const body =
        'Hello,\n\nCan dry needling help plantar fasciitis?\n\nKind regards\nPriya\nMob 0400 000 000\n\nFrom: Clinic Bot <bot@clinic.example>\nSent: Monday, 2 March 2026 9:14 AM\nTo: Priya <priya@example.com>\nSubject: RE: question\n\nI had chest pain yesterday';
      expect(emailQuestion(body, 'RE: question')).to.equal('Can dry needling help plantar fasciitis?');
    });

    it('uses the subject when the body asks nothing, and strips Re:/Fwd: prefixes', () => {
      expect(emailQuestion('Hi,\n\nsee subject\n\nThanks\nAlex\n\nSent from my iPhone', 'Re: Fwd: What is dry needling?')).to.equal(
        'What is dry needling?',
      );
      expect(emailQuestion('', 'How does acupuncture work?')).to.equal('How does acupuncture work?');
    });

    it('reads a forwarded message without its banner and headers, and an iPhone reply without the quote', () => {
      const fwd =
        '---------- Forwarded message ---------\nFrom: Mum <mum@example.com>\nDate: Mon, 2 Mar 2026\nSubject: knee\nTo: Sam\n\nask them if acupuncture helps knee pain';
      expect(emailQuestion(fwd, 'Fwd: knee')).to.equal('knee\nask them if acupuncture helps knee pain');
      const iphone =
        'Can acupuncture help my migraines?\n\nSent from my iPhone\n\n> On 2 Mar 2026, at 09:14, Clinic Bot <bot@clinic.example> wrote:\n> I had chest pain';
      expect(emailQuestion(iphone, 'Re: Hello')).to.equal('Can acupuncture help my migraines?');
    });

    it('keeps subject and body together when the question is in the subject and the details in the body', () => {
      expect(emailQuestion('I have had it for six months after running.', 'Can dry needling help my knee pain?')).to.equal(
        'Can dry needling help my knee pain?\nI have had it for six months after running.',
      );
    });
  });

  describe('inbound text', () => {
    it('removes the bot’s Teams and Slack mentions and keeps other people’s names', () => {
      const recipient = { id: '28:bot', name: 'Clinic Bot' };
      const teams = {
        text: '<at>Clinic Bot</at> ask <at>Dr Lee</at> about it',
        recipient,
        entities: [{ type: 'mention', mentioned: recipient, text: '<at>Clinic Bot</at>' }],
      };
      expect(withoutMentions(teams).trim()).to.equal('ask Dr Lee about it');
      expect(withoutMentions({ text: '<@U0BOT> how do I book?', recipient: { id: 'B0BOT:T0', name: 'bot' } }).trim()).to.equal('how do I book?');
      expect(withoutMentions({ text: 'ask <@U0DOC|drlee> please', recipient: { id: 'B0BOT:T0', name: 'bot' } }).trim()).to.equal('ask drlee please');
      expect(slackPlain('book &amp; pay at <https://clinic.example/book|our site>')).to.equal('book & pay at our site');
    });

    it('a lone thumbs up (any skin tone) or tick is yes, a thumbs down is no, anything else is left alone', () => {
      for (const e of ['👍', '👍🏽', ' 👌 ', '✅', '✔️']) expect(emojiAnswer(e), e).to.equal('yes');
      for (const e of ['👎', '👎🏻', '❌']) expect(emojiAnswer(e), e).to.equal('no');
      for (const e of ['👍👍 great', '😀', 'yes 👍']) expect(emojiAnswer(e), e).to.equal(undefined);
    });

    it('reads an HTML-only email body as text', () => {
      expect(htmlText('<html><body><p>Hi,</p><p>Does acupuncture help &amp; how?</p><div>Sam</div></body></html>')).to.equal(
        'Hi,\nDoes acupuncture help & how?\nSam',
      );
    });

    it('folds full-width digits and letters (NFKC) and removes invisible characters', () => {
      expect(foldUnicode('２')).to.equal('2');
      expect(foldUnicode('ｄｒｙ needling')).to.equal('dry needling');
      expect(foldUnicode('dry\u200Bneedling')).to.equal('dryneedling');
    });
  });

  describe('outbound shaping', () => {
    const withSuggested = (n: number, title = (i: number) => `Option ${i + 1}`): Partial<Activity> => ({
      type: ActivityTypes.Message,
      text: 'Pick one',
      suggestedActions: { to: [], actions: Array.from({ length: n }, (_, i) => ({ type: 'imBack', title: title(i), value: `value ${i + 1}` })) },
    });

    it('Teams: more than 3 suggested actions, or any in a group chat, become a card', () => {
      const caps = capabilitiesFor('msteams');
      const four = withSuggested(4);
      shapeButtons(four, caps, false);
      expect(four.suggestedActions).to.equal(undefined);
      expect(four.attachments?.[0].contentType).to.equal(CardFactory.contentTypes.heroCard);
      const group = withSuggested(2);
      shapeButtons(group, caps, true);
      expect(buttons(group)).to.deep.equal(['Option 1', 'Option 2']);
      expect(group.suggestedActions).to.equal(undefined);
    });

    it('Facebook: titles are shortened to 20 characters and the offered titles map back to the values', () => {
      const a = withSuggested(2, (i) => `A rather long button title ${i}`);
      const offered = shapeButtons(a, capabilitiesFor('facebook'), false);
      for (const t of buttons(a)) expect(t.length).to.be.at.most(20);
      expect(offered.map((o) => o.value)).to.deep.equal(['value 1', 'value 2']);
    });

    it('SMS: buttons become numbered text, and the numbers map to the values', () => {
      const a = withSuggested(4);
      const offered = shapeButtons(a, capabilitiesFor('sms'), false);
      expect(a.text).to.equal('Pick one\n1. Option 1\n2. Option 2\n3. Option 3\n4. Option 4');
      expect(offered.find((o) => o.title === '3')?.value).to.equal('value 3');
    });

    it('numbered choices are inline for a few short ones', () => {
      expect(numberedChoices('Which?', ['A', 'B', 'C'])).to.equal('Which? (1) A, (2) B or (3) C');
    });

    it('Teams markdown: single line breaks become paragraph breaks, list items stay a list', () => {
      expect(lineBreaksFor('Phone: 1\nEmail: x\n- a\n- b', 'teams')).to.equal('Phone: 1\n\nEmail: x\n\n- a\n- b');
      expect(lineBreaksFor('a\nb', 'markdown')).to.equal('a\nb');
    });

    it('a text longer than the channel takes is split at paragraph breaks, nothing lost', () => {
      const text = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} ${'word '.repeat(30)}`).join('\n\n');
      const parts = splitText(text, 2000);
      for (const p of parts) expect(p.length).to.be.at.most(2000);
      expect(parts.join(' ').replace(/\s+/g, ' ')).to.equal(text.replace(/\s+/g, ' '));
    });
  });

  describe('every reply respects its channel’s capabilities', () => {
    const script = [
      'hello',
      'what is dry needling?',
      'which treatment suits me?',
      '2',
      'what conditions can dry needling treat?',
      'tell me about prices',
      'I want to talk to a person',
      'help me',
      'what is the difference between acupuncture and dry needling?',
    ];
    for (const channel of [...Object.keys(CHANNEL_CAPABILITIES), 'someNewChannel']) {
      it(channel, async () => {
        const caps = capabilitiesFor(channel);
        const c = new Conversation(channel);
        const all: Partial<Activity>[] = [...(await c.join()).replies];
        for (const text of script) all.push(...(await c.say(text)).replies);
        for (const a of all) {
          if (a.type === ActivityTypes.Event) expect(caps.acceptsEvents, `${channel} got an event`).to.equal(true);
          if (a.type !== ActivityTypes.Message) continue;
          const text = a.text ?? '';
          expect(text.length, text).to.be.at.most(caps.maxTextLength);
          if (a.suggestedActions) {
            expect(caps.suggestedActions, `${channel} has no suggested actions`).to.not.equal(undefined);
            expect(a.suggestedActions.actions.length).to.be.at.most(caps.suggestedActions!.max);
            for (const act of a.suggestedActions.actions) expect((act.title ?? '').length).to.be.at.most(caps.suggestedActions!.maxTitle);
          }
          if (a.attachments?.length) {
            expect(caps.cards, `${channel} has no cards`).to.not.equal(undefined);
            expect(buttons(a).length).to.be.at.most(caps.cards!.maxButtons);
          }
          if (caps.sms) {
            expect(isGsm7(text), text).to.equal(true);
            expect(smsSegments(text).segments, text).to.be.at.most(smsBudgetFor(text));
          }
          if (caps.markdown === 'plain') expect(a.textFormat ?? 'plain').to.equal('plain');
        }
      });
    }
  });

  describe('first contact: exactly one welcome per conversation', () => {
    const welcomes = (all: Partial<Activity>[]) =>
      all.filter((a) => /not a diagnosis or medical advice|not medical advice/.test(a.text ?? '')).length;
    for (const channel of [...Object.keys(CHANNEL_CAPABILITIES), 'someNewChannel']) {
      it(`${channel}: conversationUpdate twice, then two messages`, async () => {
        const c = new Conversation(channel);
        const all = [
          ...(await c.join()).replies,
          ...(await c.join()).replies,
          ...(await c.say('what is acupuncture?')).replies,
          ...(await c.say('how does it work?')).replies,
        ];
        expect(welcomes(all)).to.equal(1);
      });
      it(`${channel}: starting with a message`, async () => {
        const c = new Conversation(channel);
        const all = [...(await c.say('what is acupuncture?')).replies, ...(await c.say('hello')).replies];
        const expected = capabilitiesFor(channel).welcomeOnFirstMessage ? 1 : 0;
        expect(welcomes(all)).to.equal(expected);
      });
    }
    it('Teams: an installationUpdate and the install conversationUpdate give one welcome between them', async () => {
      const c = new Conversation('msteams');
      const all = [
        ...(await c.send({ type: ActivityTypes.InstallationUpdate, action: 'add', recipient: { id: 'bot', name: 'bot' } })).replies,
        ...(
          await c.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'bot' }], recipient: { id: 'bot', name: 'bot' } })
        ).replies,
      ];
      expect(welcomes(all)).to.equal(1);
    });

    it('SMS: an emoji-only first text gets the intro and a polite GSM-7 reply', async () => {
      for (const emoji of ['😀', '👍', '🙏🏽❤️']) {
        const r = await new Conversation('sms').say(emoji);
        expect(r.replies.length, emoji).to.be.at.least(1);
        for (const m of r.replies) {
          expect(isGsm7(m.text ?? '')).to.equal(true);
          expect(smsSegments(m.text ?? '').segments).to.be.at.most(3);
        }
        expect(r.text).to.include('Call 000');
      }
    });

    it('unknown channels welcome on the first message', () => {
      expect(UNKNOWN_CHANNEL.welcomeOnFirstMessage).to.equal(true);
    });
  });
});
