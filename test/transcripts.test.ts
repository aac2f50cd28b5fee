import { expect } from 'chai';
import { Activity, ActivityTypes } from 'botbuilder';
import { TranscriptWriter } from '../src/storage/backend';
import { TRACE_NAME } from '../src/turn/trace';
import { createLogger } from '../src/logger';
import { SqliteEnquiryStore } from '../src/storage/sqlite/enquiries';
import { ReviewQueries } from '../src/storage/sqlite/review';
import { SqliteStorage } from '../src/storage/sqlite/state';
import { SqliteTranscriptStore } from '../src/storage/sqlite/transcripts';
import { clinic, Conversation, tempDb, TempDb } from './helpers';

/** What a test saw go in and out of the bot, in order. */
interface Seen {
  role: string;
  type: string;
  text?: string;
  name?: string;
}

function describeStored(a: Activity): Seen {
  return { role: a.from?.role ?? '?', type: a.type, text: a.type === ActivityTypes.Message ? a.text : undefined, name: a.name };
}

const QUESTIONS = [
  'what is dry needling?',
  'how does acupuncture work?',
  'can dry needling help tennis elbow?',
  'what is the difference between them?',
  'hello',
  'what will the weather be tomorrow',
  'how much does a session cost?',
  'what are your contact details?',
  'I want to talk to a person',
  'thanks',
];

describe('transcripts', () => {
  let t: TempDb;
  let store: SqliteTranscriptStore;
  let review: ReviewQueries;
  beforeEach(() => {
    t = tempDb();
    store = new SqliteTranscriptStore(t.db);
    review = new ReviewQueries(t.db);
  });
  afterEach(() => t.remove());

  function conversation(id: string, extra: { redactContactDetails?: boolean; channelId?: string } = {}): Conversation {
    return new Conversation(extra.channelId ?? 'webchat', id, {
      storage: new SqliteStorage(t.db),
      transcripts: store,
      enquiries: new SqliteEnquiryStore(t.db),
      redactContactDetails: extra.redactContactDetails ?? false,
    });
  }

  it('stores every activity of a 100-turn conversation exactly once, in order: incoming, then outgoing in send order', async function () {
    this.timeout(60_000);
    const chat = conversation('hundred');
    const expected: Seen[] = [];
    let sent = 0;
    for (let i = 0; i < 100; i++) {
      const text = `${QUESTIONS[i % QUESTIONS.length]} (${i})`;
      const turn = await chat.say(text);
      expected.push({ role: 'user', type: 'message', text });
      sent += 1 + turn.replies.length + turn.traces.length;
    }
    const stored = await review.activities((await review.findConversation('webchat', 'hundred'))!.id);
    expect(stored.filter((a) => a.from?.role === 'user').map((a) => a.text)).to.deep.equal(expected.map((e) => e.text));

    // Exactly once: every activity id appears once.
    const ids = stored.map((a) => a.id);
    expect(new Set(ids).size).to.equal(ids.length);
    // In order: each turn is its incoming message, the bot's messages/events, then exactly one recognition trace last.
    let turns = 0;
    for (let i = 0; i < stored.length; i++) {
      const a = stored[i];
      if (a.from?.role !== 'user') continue;
      turns++;
      const next = stored.findIndex((b, j) => j > i && b.from?.role === 'user');
      const outgoing = stored.slice(i + 1, next === -1 ? stored.length : next);
      expect(outgoing.length, `turn ${turns} has replies`).to.be.greaterThan(1);
      expect(outgoing.every((b) => b.from?.role === 'bot')).to.equal(true);
      const traces = outgoing.filter((b) => b.type === ActivityTypes.Trace && b.name === TRACE_NAME);
      expect(traces, `turn ${turns}: one recognition trace`).to.have.length(1);
      expect(outgoing[outgoing.length - 1]).to.equal(traces[0]);
      expect((traces[0].value as { text: string }).text).to.equal(a.text);
    }
    expect(turns).to.equal(100);
    const summary = (await review.findConversation('webchat', 'hundred'))!;
    expect(summary.turns).to.equal(100);
    expect(summary.activityCount).to.equal(stored.length);
    expect(stored.length).to.equal(sent);
    expect(summary.flags.fallback).to.be.greaterThan(0); // the weather and price questions
    expect(summary.flags.handoff).to.equal(10);
  });

  it('matches, activity for activity, what the bot actually sent', async () => {
    const chat = conversation('exact');
    const sent: Seen[] = [];
    chat.adapter.use({
      onTurn: async (context, next) => {
        sent.push(describeStored({ ...context.activity, from: { ...context.activity.from, role: 'user' } } as Activity));
        context.onSendActivities(async (_c, activities, nextSend) => {
          for (const a of activities) sent.push(describeStored({ ...a, from: { id: 'bot', name: 'bot', role: 'bot' } } as Activity));
          return nextSend();
        });
        await next();
      },
    });
    for (const q of QUESTIONS) await chat.say(q);
    const stored = (await review.activities((await review.findConversation('webchat', 'exact'))!.id)).map(describeStored);
    expect(stored).to.deep.equal(sent);
  });

  it('pages through a transcript with continuation tokens and a start date (TranscriptStore)', async () => {
    const chat = conversation('paged');
    for (const q of QUESTIONS.concat(QUESTIONS)) await chat.say(q);
    const all = await review.activities((await review.findConversation('webchat', 'paged'))!.id);
    expect(all.length).to.be.greaterThan(40);
    const paged: Activity[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await store.getTranscriptActivities('webchat', 'paged', token);
      paged.push(...page.items);
      token = page.continuationToken;
      pages++;
      expect(page.items.length).to.be.at.most(20);
    } while (token);
    expect(pages).to.equal(Math.ceil(all.length / 20));
    expect(paged.map((a) => a.id)).to.deep.equal(all.map((a) => a.id));
    expect(paged[0].timestamp).to.be.instanceOf(Date);

    const middle = all[Math.floor(all.length / 2)].timestamp as Date;
    const since = await store.getTranscriptActivities('webchat', 'paged', undefined, middle);
    expect(since.items.every((a) => (a.timestamp as Date).getTime() >= middle.getTime())).to.equal(true);
    expect((await store.getTranscriptActivities('webchat', 'nobody')).items).to.deep.equal([]);
    let bad: Error | undefined;
    await store.getTranscriptActivities('webchat', 'paged', 'not-a-token').catch((err: Error) => (bad = err));
    expect(bad?.message).to.match(/continuationToken/);
  });

  it('lists transcripts per channel with paging, and deletes one with its search index', async () => {
    for (let i = 0; i < 23; i++) await conversation(`list-${i}`).say(i === 7 ? 'can acupuncture help insomnia?' : 'hello');
    await conversation('teams-1', { channelId: 'msteams' }).say('hello');
    const first = await store.listTranscripts('webchat');
    expect(first.items).to.have.length(20);
    expect(first.items[0]).to.include({ channelId: 'webchat', id: 'list-0' });
    expect(first.items[0].created).to.be.instanceOf(Date);
    const second = await store.listTranscripts('webchat', first.continuationToken);
    expect(second.items.map((i) => i.id)).to.deep.equal(['list-20', 'list-21', 'list-22']);
    expect(second.continuationToken).to.equal(undefined);
    expect((await store.listTranscripts('msteams')).items.map((i) => i.id)).to.deep.equal(['teams-1']);

    expect((await review.listConversations({ q: 'insomnia' })).items.map((c) => c.conversationId)).to.deep.equal(['list-7']);
    await store.deleteTranscript('webchat', 'list-7');
    expect(await review.findConversation('webchat', 'list-7')).to.equal(undefined);
    expect((await review.listConversations({ q: 'insomnia' })).items).to.deep.equal([]);
    expect(t.db.prepare("SELECT count(*) AS n FROM conversations_fts WHERE conversations_fts MATCH 'insomnia'").get()).to.deep.equal({ n: 0 });
    expect((await store.getTranscriptActivities('webchat', 'list-7')).items).to.deep.equal([]);
  });

  it('concurrent turns in one conversation lose no activity and no count', async () => {
    const chat = conversation('busy');
    await Promise.all(QUESTIONS.map((q) => chat.adapter.processActivity({ type: 'message', text: q })));
    const summary = (await review.findConversation('webchat', 'busy'))!;
    const stored = await review.activities(summary.id);
    expect(summary.turns).to.equal(QUESTIONS.length);
    expect(stored.filter((a) => a.from?.role === 'user')).to.have.length(QUESTIONS.length);
    expect(stored.filter((a) => a.name === TRACE_NAME)).to.have.length(QUESTIONS.length);
    expect(summary.activityCount).to.equal(stored.length);
  });

  it('a turn that throws is still logged, and the adapter’s apology after it', async () => {
    const { recognizer } = clinic();
    const chat = new Conversation('webchat', 'throws', {
      storage: new SqliteStorage(t.db),
      transcripts: store,
      recognizer: {
        recognize: (text: string) => {
          if (text === 'boom') throw new Error('recognizer exploded');
          return recognizer.recognize(text);
        },
      },
    });
    chat.adapter.onTurnError = async (context) => {
      await context.sendActivity('Sorry, something went wrong on our side.');
    };
    await chat.say('hello');
    await chat.say('boom');
    const stored = (await review.activities((await review.findConversation('webchat', 'throws'))!.id)).map(describeStored);
    const boom = stored.findIndex((a) => a.text === 'boom');
    expect(stored.slice(boom)).to.deep.equal([
      { role: 'user', type: 'message', text: 'boom', name: undefined },
      { role: 'bot', type: 'trace', text: undefined, name: TRACE_NAME },
      { role: 'bot', type: 'message', text: 'Sorry, something went wrong on our side.', name: undefined },
    ]);
  });

  it('a failed transcript write is logged with the conversation id and does not fail the turn', async () => {
    const lines: string[] = [];
    const failing: TranscriptWriter = {
      logActivities: () => {
        throw new Error('disk I/O error');
      },
    };
    const chat = new Conversation('webchat', 'doomed', {
      transcripts: failing,
      logger: createLogger('info', {}, { write: (l: string) => void lines.push(l) }),
    });
    const turn = await chat.say('I have chest pain and can’t breathe');
    expect(turn.text).to.match(/emergency/i); // the patient still gets the urgent guidance
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'transcript write failed');
    expect(errors.length).to.be.at.least(2);
    expect(errors[0]).to.include({ level: 'error', conversationId: 'doomed', error: 'disk I/O error' });
    expect(lines.join('\n')).to.not.include('chest pain'); // no message text in the logs
    expect(chat.runtime.transcriptLogging!.failures).to.equal(errors.length);
  });

  it('with REDACT_CONTACT_DETAILS, masks phones and emails in what the user wrote (and its trace), not in the bot’s replies', async () => {
    const chat = conversation('redacted', { redactContactDetails: true });
    await chat.say('my number is 0412 345 678 and email jo@example.com, what are your contact details?');
    const stored = await review.activities((await review.findConversation('webchat', 'redacted'))!.id);
    const body = JSON.stringify(stored);
    expect(body).to.not.include('0412 345 678').and.not.include('jo@example.com');
    expect(stored[0].text).to.equal('my number is [phone] and email [email], what are your contact details?');
    expect((stored.find((a) => a.name === TRACE_NAME)!.value as { text: string }).text).to.include('[phone]');
    expect(stored.find((a) => a.from?.role === 'bot' && a.type === 'message')!.text).to.include('+61 3 9000 0000'); // the clinic's own phone
  });

  it('without redaction, stores what the user wrote as written', async () => {
    const chat = conversation('plain', { redactContactDetails: false });
    await chat.say('my number is 0412 345 678');
    expect((await review.activities((await review.findConversation('webchat', 'plain'))!.id))[0].text).to.equal('my number is 0412 345 678');
  });

  it('keeps an enquiry’s name, phone and email out of the transcript (they are only in the enquiries table), even without redaction', async () => {
    const chat = conversation('booking', { redactContactDetails: false });
    // "help" at the confirmation repeats the summary (with the details) in a turn of its own.
    for (const text of [
      'I want to book an appointment',
      'yes',
      'my name is Sam Lee',
      '0412 345 678, or sam.lee@example.com',
      'weekday mornings',
      'my sore lower back',
      'help',
      'yes',
    ]) {
      await chat.say(text);
    }
    const stored = await review.activities((await review.findConversation('webchat', 'booking'))!.id);
    const body = JSON.stringify(stored);
    for (const secret of ['Sam Lee', '0412 345 678', 'sam.lee@example.com']) expect(body, secret).to.not.include(secret);
    expect(body).to.include('weekday mornings'); // not a contact detail
    const summaries = stored.filter((a) => a.text?.startsWith('Please check your request'));
    expect(summaries).to.have.length(2);
    for (const s of summaries) expect(s.text).to.include('Name: [enquiry details]').and.include('Phone: [enquiry details]');
    const [enquiry] = (await new SqliteEnquiryStore(t.db).list()).items;
    expect(enquiry).to.include({
      name: 'Sam Lee',
      phone: '0412 345 678',
      email: 'sam.lee@example.com',
      preferredTime: 'weekday mornings',
      status: 'new',
    });
    expect((await review.findConversation('webchat', 'booking'))!.flags.enquiry).to.equal(1);
    expect((await review.listConversations({ q: 'Sam' })).items).to.deep.equal([]);
    // What the patient typed for the name and contact is not an "unanswered question".
    expect((await review.unanswered()).map((g) => g.text)).to.not.include('[enquiry details]');
  });
});
