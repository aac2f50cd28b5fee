/**
 * One suite, two backends: transcripts, enquiries, staff review queries, deletion and retention behave the
 * same on SQLite and on Azure Blob Storage (Azurite, the real REST API).
 */
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { AzureBlobBackend } from '../src/storage/azure';
import { SqliteBackend } from '../src/storage/sqlite/index';
import { StorageBackend } from '../src/storage/backend';
import { DirectLineOwnerError, DirectLineStore, MAX_STORED_ACTIVITIES } from '../src/storage/directLine';
import { SqliteDirectLineStore } from '../src/storage/sqlite/directLine';
import { TRACE_NAME, TRACE_VALUE_TYPE } from '../src/turn/trace';
import { PAGE_SIZE } from '../src/storage/sqlite/transcripts';
import { ENQUIRY_REFERENCE } from '../src/storage/enquiryReference';
import { Azurite, startAzurite } from './azurite';
import { tempDb, TempDb } from './helpers';

const DAY = 86_400_000;

let seq = 0;
function activity(conversationId: string, role: 'user' | 'bot', text: string, at: number, extra: Partial<Activity> = {}): Activity {
  return {
    type: 'message',
    id: `a${++seq}`,
    channelId: extra.channelId ?? 'emulator',
    conversation: { id: conversationId },
    from: { id: role === 'user' ? 'patient' : 'bot', role },
    recipient: { id: role === 'user' ? 'bot' : 'patient' },
    text,
    timestamp: new Date(at),
    ...extra,
  } as Activity;
}

function trace(conversationId: string, text: string, at: number, outcome: string, reason: string, intent = 'out_of_scope'): Activity {
  return activity(conversationId, 'bot', '', at, {
    type: 'trace',
    name: TRACE_NAME,
    valueType: TRACE_VALUE_TYPE,
    text: undefined,
    value: { text, intent, score: 0.2, outcome, reason, alternatives: [{ intent: 'condition_query', score: 0.2 }], entities: [] },
  });
}

/** A user turn: the message, the recognition trace and a reply, logged as the middleware does (two batches). */
async function turn(b: StorageBackend, conv: string, text: string, at: number, outcome = 'answered', reason = 'classified'): Promise<void> {
  await b.transcripts.logActivities([activity(conv, 'user', text, at)]);
  await b.transcripts.logActivities([trace(conv, text, at + 1, outcome, reason), activity(conv, 'bot', `reply to ${text}`, at + 2)]);
}

const kinds = ['sqlite', 'azure-blob'] as const;

for (const kind of kinds) {
  describe(`storage backend: ${kind}`, function () {
    this.timeout(60_000);
    let backend: StorageBackend;
    let db: TempDb | undefined;
    let azurite: Azurite | undefined;
    const now = Date.now();

    before(async () => {
      if (kind === 'sqlite') {
        db = tempDb();
        backend = new SqliteBackend(db.db);
      } else {
        azurite = await startAzurite();
        backend = await AzureBlobBackend.open({
          connectionString: azurite.connectionString,
          stateContainer: 'state',
          transcriptContainer: 'transcripts',
          enquiryContainer: 'enquiries',
        });
      }
      await turn(backend, 'conv-a', 'can acupuncture help tennis elbow', now - 5000);
      await turn(backend, 'conv-a', 'how much does cupping cost', now - 4000, 'fallback', 'out_of_scope');
      await turn(backend, 'conv-b', 'Do you do cupping?', now - 3000, 'fallback', 'out_of_scope');
      await turn(backend, 'conv-c', 'what is dry needling', now - 2000);
      await turn(backend, 'conv-web', 'hello from the website', now - 1000);
    });

    after(async () => {
      await backend?.close();
      db?.remove();
      await azurite?.dispose();
    });

    it('lists one transcript per conversation, created at its first activity', async () => {
      const page = await backend.transcripts.listTranscripts('emulator');
      const ids = page.items.map((t) => t.id).sort();
      expect(ids).to.deep.equal(['conv-a', 'conv-b', 'conv-c', 'conv-web']);
      const a = page.items.find((t) => t.id === 'conv-a')!;
      expect(new Date(a.created).getTime()).to.equal(now - 5000);
      expect(page.continuationToken || undefined).to.equal(undefined);
    });

    it('pages transcripts and activities with continuation tokens that work', async () => {
      for (let i = 0; i < PAGE_SIZE * 2 + 5; i++)
        await backend.transcripts.logActivities([activity(`p-${i}`, 'user', `question ${i}`, now - 100_000 + i, { channelId: 'paging' })]);
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await backend.transcripts.listTranscripts('paging', token);
        expect(page.items.length).to.be.at.most(PAGE_SIZE);
        seen.push(...page.items.map((t) => t.id));
        token = page.continuationToken || undefined;
        pages++;
      } while (token && pages < 10);
      expect(pages).to.equal(3);
      expect(new Set(seen).size).to.equal(PAGE_SIZE * 2 + 5);

      const many = Array.from({ length: PAGE_SIZE + 7 }, (_, i) => activity('long', 'user', `line ${i}`, now - 50_000 + Math.floor(i / 3)));
      await backend.transcripts.logActivities(many.slice(0, 10));
      await backend.transcripts.logActivities(many.slice(10));
      const first = await backend.transcripts.getTranscriptActivities('emulator', 'long');
      expect(first.items.length).to.equal(PAGE_SIZE);
      expect(first.continuationToken).to.be.a('string').and.not.equal('');
      const second = await backend.transcripts.getTranscriptActivities('emulator', 'long', first.continuationToken);
      expect(second.continuationToken || undefined).to.equal(undefined);
      // Logged order, even for activities with the same timestamp.
      expect([...first.items, ...second.items].map((a) => a.text)).to.deep.equal(many.map((a) => a.text));
      expect(first.items[0].timestamp).to.be.instanceOf(Date);
      const since = await backend.transcripts.getTranscriptActivities('emulator', 'long', undefined, new Date(now - 50_000 + 8));
      expect(since.items[0].text).to.equal('line 24');
    });

    it('masks an activity after the fact (the enquiry dialog), in the transcript and in search', async () => {
      const [ref] = await backend.transcripts.logActivities([activity('conv-mask', 'user', 'my name is Zebedee Quill', now - 900)]);
      const masked = activity('conv-mask', 'user', 'my name is [enquiry details]', now - 900);
      await backend.transcripts.logActivities([activity('conv-mask', 'bot', 'thanks', now - 899)], { seq: ref.seq, activity: masked });
      const all = await backend.transcripts.allActivities('emulator', 'conv-mask');
      expect(all.map((a) => a.text)).to.deep.equal(['my name is [enquiry details]', 'thanks']);
      expect((await backend.review.listConversations({ q: 'zebedee' })).items).to.deep.equal([]);
      expect((await backend.review.findConversation('emulator', 'conv-mask'))!.firstText).to.equal('my name is [enquiry details]');
    });

    it('lists conversations newest first with filters, search and paging', async () => {
      const all = await backend.review.listConversations({ channel: 'emulator' });
      expect(all.items[0].conversationId).to.equal('conv-mask');
      const a = all.items.find((c) => c.conversationId === 'conv-a')!;
      expect(a).to.deep.include({ channelId: 'emulator', turns: 2, activityCount: 6, firstText: 'can acupuncture help tennis elbow' });
      expect(a.flags).to.deep.equal({ fallback: 1, clarify: 0, urgent: 0, handoff: 0, enquiry: 0 });
      expect(a.startedAt.getTime()).to.equal(now - 5000);
      expect(a.lastAt.getTime()).to.equal(now - 4000 + 2);

      const fallback = await backend.review.listConversations({ flag: 'fallback' });
      expect(fallback.items.map((c) => c.conversationId)).to.deep.equal(['conv-b', 'conv-a']);
      // Search: every word, as a word prefix, any case.
      expect((await backend.review.listConversations({ q: 'CUPP' })).items.map((c) => c.conversationId)).to.deep.equal(['conv-b', 'conv-a']);
      expect((await backend.review.listConversations({ q: 'cupping cost' })).items.map((c) => c.conversationId)).to.deep.equal(['conv-a']);
      expect((await backend.review.listConversations({ q: 'upping' })).items).to.deep.equal([]);
      expect(
        (await backend.review.listConversations({ from: now - 3500, to: now - 1500, channel: 'emulator' })).items.map((c) => c.conversationId),
      ).to.deep.equal(['conv-c', 'conv-b']);

      const p1 = await backend.review.listConversations({ channel: 'paging', limit: 20 });
      expect(p1.items.length).to.equal(20);
      expect(p1.newer).to.equal(undefined);
      const p2 = await backend.review.listConversations({ channel: 'paging', limit: 20, before: p1.older });
      expect(p2.items.length).to.equal(20);
      expect(p2.items[0].id).to.be.below(p1.items[19].id);
      const back = await backend.review.listConversations({ channel: 'paging', limit: 20, after: p2.newer });
      expect(back.items.map((c) => c.id)).to.deep.equal(p1.items.map((c) => c.id));
      expect(await backend.review.channels()).to.deep.equal(['emulator', 'paging']);
    });

    it('finds a conversation by id, groups its turns and exports it', async () => {
      const a = (await backend.review.findConversation('emulator', 'conv-a'))!;
      expect((await backend.review.getConversation(a.id))!.conversationId).to.equal('conv-a');
      expect((await backend.review.findConversation('conv-a'))!.id).to.equal(a.id);
      expect(await backend.review.getConversation(999_999)).to.equal(undefined);
      const turns = await backend.review.turns(a.id);
      expect(turns.map((t) => t.user?.text)).to.deep.equal(['can acupuncture help tennis elbow', 'how much does cupping cost']);
      expect(turns[1].recognition).to.include({ outcome: 'fallback' });
      expect(turns[1].replies.map((r) => r.text)).to.deep.equal(['reply to how much does cupping cost']);
      const file = await backend.review.transcriptFile(a.id);
      expect(file.length).to.equal(6);
      expect(file[0]).to.not.have.property('seq');
      const exported: string[] = [];
      for await (const x of backend.review.conversationsInRange({ from: now - 5500, to: now - 2500 }))
        exported.push(`${x.conversation.conversationId}:${x.activities.length}`);
      expect(exported).to.deep.equal(['conv-a:6', 'conv-b:3']);
    });

    it('groups unanswered questions by wording, most frequent first', async () => {
      await turn(backend, 'conv-d', 'do you do cupping', now - 500, 'fallback', 'out_of_scope');
      await turn(backend, 'conv-d', 'which one', now - 400, 'clarify', 'ambiguous');
      await turn(backend, 'conv-d', 'pick a time', now - 300, 'clarify', 'entity');
      const groups = await backend.review.unanswered({ from: now - 10_000 });
      expect(groups.map((g) => [g.key, g.count, g.conversations])).to.deep.equal([
        ['do you do cupping', 2, 2],
        ['which one', 1, 1],
        ['how much does cupping cost', 1, 1],
      ]);
      expect(groups[0]).to.include({ text: 'do you do cupping', bestGuess: 'condition_query', outcome: 'fallback' });
      expect((await backend.review.unanswered({ from: now - 450 })).map((g) => g.key)).to.deep.equal(['which one']);
    });

    it('keeps enquiries: newest first, status changes, per conversation, counted, flagged on the conversation', async () => {
      const base = { channelId: 'emulator', kind: 'callback' as const, preferredTime: 'mornings', consentAt: new Date(now) };
      const first = await backend.enquiries.create({ ...base, conversationId: 'conv-a', name: 'Robin', phone: '0123 456 789' });
      const second = await backend.enquiries.create({ ...base, conversationId: 'conv-b', name: 'Sam', email: 'sam@example.com', reason: 'knee' });
      expect(second.id).to.be.above(first.id);
      const list = await backend.enquiries.list();
      expect(list.items.map((e) => e.name)).to.deep.equal(['Sam', 'Robin']);
      expect(list.items[1]).to.include({ phone: '0123 456 789', status: 'new', kind: 'callback', preferredTime: 'mornings' });
      expect(await backend.enquiries.countNew()).to.equal(2);
      expect(await backend.enquiries.setStatus(first.id, 'done', 'alice')).to.equal(true);
      expect(await backend.enquiries.setStatus(424_242, 'done', 'alice')).to.equal(false);
      expect(await backend.enquiries.get(first.id)).to.include({ status: 'done', doneBy: 'alice' });
      expect((await backend.enquiries.list({ status: 'new' })).items.map((e) => e.name)).to.deep.equal(['Sam']);
      expect(await backend.enquiries.countNew()).to.equal(1);
      const paged = await backend.enquiries.list({ limit: 1 });
      expect(paged.items.map((e) => e.name)).to.deep.equal(['Sam']);
      expect((await backend.enquiries.list({ limit: 1, before: paged.next })).items.map((e) => e.name)).to.deep.equal(['Robin']);
      expect((await backend.enquiries.forConversation('emulator', 'conv-b')).map((e) => e.name)).to.deep.equal(['Sam']);
      expect((await backend.review.findConversation('emulator', 'conv-b'))!.flags.enquiry).to.equal(1);
      expect((await backend.review.listConversations({ flag: 'enquiry' })).items.map((c) => c.conversationId)).to.deep.equal(['conv-b', 'conv-a']);
      expect(await backend.review.counts()).to.deep.include({ newEnquiries: 1 });
    });

    it('stores a request confirmed twice at once only once (double-click, or a re-run turn), and again after a deletion', async () => {
      const request = {
        channelId: 'emulator',
        conversationId: 'conv-twice',
        kind: 'callback' as const,
        name: 'Robin',
        phone: '0123 456 789',
        preferredTime: 'mornings',
        consentAt: new Date(now),
      };
      const [a, b] = await Promise.all([backend.enquiries.create(request), backend.enquiries.create({ ...request })]);
      expect(b.id, 'both callers get the one reference').to.equal(a.id);
      expect((await backend.enquiries.forConversation('emulator', 'conv-twice')).map((e) => e.id)).to.deep.equal([a.id]);
      // A later request in the same conversation (a new consent) is a new enquiry.
      const later = await backend.enquiries.create({ ...request, consentAt: new Date(now + 60_000) });
      expect(later.id).to.not.equal(a.id);
      expect(await backend.enquiries.forConversation('emulator', 'conv-twice')).to.have.length(2);
      // Deleting the conversation (a deletion request) forgets the requests too: nothing of them is left behind.
      const deleteAll = async () => backend.deleteConversation((await backend.review.findConversation('emulator', 'conv-twice'))!.id);
      expect(await deleteAll()).to.include({ enquiries: 2 });
      expect(await backend.enquiries.forConversation('emulator', 'conv-twice')).to.have.length(0);
      const again = await backend.enquiries.create(request);
      expect((await backend.enquiries.forConversation('emulator', 'conv-twice')).map((e) => e.id)).to.deep.equal([again.id]);
      await deleteAll();
    });

    it('follows up an enquiry: owner, outcome, status and notes, each change in the history; filters by owner; all deleted with the conversation', async () => {
      const e = await backend.enquiries.create({
        channelId: 'emulator',
        conversationId: 'conv-follow',
        kind: 'booking',
        name: 'Lee',
        phone: '0199 888 777',
        preferredTime: 'Friday',
        consentAt: new Date(now),
      });
      expect(await backend.enquiries.update(e.id, 'alice', { owner: 'alice', outcome: 'left_message', note: 'Left a voicemail at 10:15' })).to.equal(
        true,
      );
      expect(await backend.enquiries.update(e.id, 'bob', { owner: 'alice' }), 'an unchanged owner').to.equal(true);
      expect(await backend.enquiries.update(e.id, 'bob', { outcome: 'booked', status: 'done' })).to.equal(true);
      expect(await backend.enquiries.update(424_242, 'bob', { status: 'done' })).to.equal(false);
      expect(await backend.enquiries.get(e.id)).to.include({ owner: 'alice', outcome: 'booked', status: 'done', doneBy: 'bob' });
      const history = await backend.enquiries.history(e.id);
      expect(history.map((h) => [h.by, h.action, h.value])).to.deep.equal([
        ['alice', 'owner', 'alice'],
        ['alice', 'outcome', 'left_message'],
        ['alice', 'note', 'Left a voicemail at 10:15'],
        ['bob', 'status', 'done'],
        ['bob', 'outcome', 'booked'],
      ]);
      expect(history[0].at).to.be.instanceOf(Date);
      expect((await backend.enquiries.list({ owner: 'alice' })).items.map((x) => x.id)).to.deep.equal([e.id]);
      expect((await backend.enquiries.list({ owner: 'bob' })).items).to.deep.equal([]);
      expect((await backend.enquiries.list({ owner: '-' })).items.map((x) => x.id)).to.not.include(e.id);
      expect((await backend.enquiries.list({ owner: 'alice', status: 'new' })).items).to.deep.equal([]);
      await backend.enquiries.update(e.id, 'alice', { owner: null, outcome: null, status: 'new' });
      const cleared = (await backend.enquiries.get(e.id))!;
      expect([cleared.owner, cleared.outcome, cleared.doneBy, cleared.status]).to.deep.equal([undefined, undefined, undefined, 'new']);
      expect((await backend.enquiries.list({ owner: '-' })).items.map((x) => x.id)).to.include(e.id);
      await backend.deleteConversation((await backend.review.findConversation('emulator', 'conv-follow'))!.id);
      expect(await backend.enquiries.get(e.id)).to.equal(undefined);
      expect(await backend.enquiries.history(e.id), 'notes go with the enquiry').to.deep.equal([]);
    });

    it('keeps staff notifications in an outbox: each event once, claimed by one instance at a time, retried, purged', async () => {
      const at = Date.now();
      const event = { key: 'enquiry:77', kind: 'callback' as const, at, channelId: 'emulator', conversationId: 'conv-n', enquiryId: 77 };
      const added = await Promise.all([backend.outbox.add(event), backend.outbox.add({ ...event })]);
      expect(added.filter(Boolean), 'the same event noticed twice is kept once').to.have.length(1);
      const [due] = await backend.outbox.due(at, 10);
      expect(due).to.include({ kind: 'callback', enquiryId: 77, attempts: 0 });
      const claims = await Promise.all([backend.outbox.claim(due.id, 'one', at, 60_000), backend.outbox.claim(due.id, 'two', at, 60_000)]);
      expect(claims.filter(Boolean), 'exactly one instance wins the lease').to.have.length(1);
      const owner = claims[0] ? 'one' : 'two';
      expect(await backend.outbox.due(at, 10), 'a leased entry is not due').to.deep.equal([]);
      expect(await backend.outbox.settle(due.id, owner === 'one' ? 'two' : 'one', { attempts: 1, delivered: [], nextAt: at })).to.equal(false);
      expect(
        await backend.outbox.settle(due.id, owner, { attempts: 1, delivered: ['webhook'], nextAt: at + 5000, lastError: 'email: ECONNREFUSED' }),
      ).to.equal(true);
      expect(await backend.outbox.due(at + 1000, 10)).to.deep.equal([]);
      const [retry] = await backend.outbox.due(at + 5000, 10);
      expect(retry).to.include({ attempts: 1, lastError: 'email: ECONNREFUSED' });
      expect(retry.delivered).to.deep.equal(['webhook']);
      // A lease that expired (the instance died while sending) can be taken over.
      expect(await backend.outbox.claim(due.id, 'one', at + 5000, 100)).to.not.equal(undefined);
      expect(await backend.outbox.claim(due.id, 'two', at + 5200, 60_000)).to.not.equal(undefined);
      expect(
        await backend.outbox.settle(due.id, 'two', { attempts: 2, delivered: ['webhook', 'email'], nextAt: at + 5200, sentAt: at + 5200 }),
      ).to.equal(true);
      expect(await backend.outbox.due(at + 999_999, 10)).to.deep.equal([]);
      const [recent] = await backend.outbox.recent(5);
      expect(recent).to.include({ sentAt: at + 5200, attempts: 2 });
      expect(recent).to.not.have.any.keys('lastError', 'leaseOwner');
      expect(await backend.outbox.purgeBefore(at + 1)).to.equal(1);
      expect(await backend.outbox.recent(5)).to.deep.equal([]);
    });

    it('keeps the staff audit log newest first, filtered by user, action and time, paged, and purged', async () => {
      const t0 = Date.UTC(2025, 0, 1);
      for (let i = 0; i < 5; i++) {
        await backend.audit.record({
          at: new Date(t0 + i * 1000),
          user: i % 2 ? 'bob' : 'alice',
          action: i === 4 ? 'deleted conversation' : 'viewed conversation',
          target: `conversation ${i}`,
        });
      }
      const all = await backend.audit.list();
      expect(all.items.map((e) => e.target)).to.deep.equal([
        'conversation 4',
        'conversation 3',
        'conversation 2',
        'conversation 1',
        'conversation 0',
      ]);
      expect(all.items[0]).to.deep.equal({ at: new Date(t0 + 4000), user: 'alice', action: 'deleted conversation', target: 'conversation 4' });
      expect((await backend.audit.list({ user: 'bob' })).items.map((e) => e.target)).to.deep.equal(['conversation 3', 'conversation 1']);
      expect((await backend.audit.list({ action: 'deleted conversation' })).items).to.have.length(1);
      expect((await backend.audit.list({ from: t0 + 1000, to: t0 + 3000 })).items.map((e) => e.target)).to.deep.equal([
        'conversation 2',
        'conversation 1',
      ]);
      const first = await backend.audit.list({ limit: 2 });
      const second = await backend.audit.list({ limit: 2, before: first.next });
      expect(second.items.map((e) => e.target)).to.deep.equal(['conversation 2', 'conversation 1']);
      expect(await backend.audit.purgeBefore(t0 + 2000)).to.equal(2);
      expect((await backend.audit.list()).items).to.have.length(3);
      expect((await backend.purgeOlderThan(t0 + 10_000, Date.now())).audit, 'the retention purge takes old entries too').to.equal(3);
      expect((await backend.audit.list()).items).to.deep.equal([]);
    });

    it('counts the dashboard figures for a date range: conversations, outcomes and unanswered per day, intents, enquiries', async () => {
      const day1 = new Date(2020, 5, 1, 10).getTime();
      const day3 = new Date(2020, 5, 3, 10).getTime();
      await turn(backend, 'stats-1', 'what is dry needling', day1);
      await turn(backend, 'stats-1', 'how much does it cost', day1 + 60_000, 'fallback', 'out_of_scope');
      await turn(backend, 'stats-2', 'is it safe', day1 + 120_000, 'clarify', 'low_confidence');
      await turn(backend, 'stats-3', 'I have chest pain', day3, 'urgent', 'red_flag');
      const stats = await backend.stats({ from: new Date(2020, 5, 1).getTime(), to: new Date(2020, 5, 4).getTime() });
      expect(stats.days.map((d) => [d.day, d.conversations, d.unanswered])).to.deep.equal([
        ['2020-06-01', 2, 2],
        ['2020-06-02', 0, 0],
        ['2020-06-03', 1, 0],
      ]);
      expect(stats.days[0].outcomes).to.deep.equal({ answered: 1, clarify: 1, fallback: 1, handoff: 0, urgent: 0 });
      expect(stats.totals).to.deep.include({ conversations: 3, turns: 4, unanswered: 2 });
      expect(stats.totals.outcomes.urgent).to.equal(1);
      expect(stats.intents).to.deep.equal([{ name: 'out_of_scope', count: 3 }]); // urgent turns are not "asked about"
      expect(stats.enquiriesNow.open + stats.enquiriesNow.done).to.equal((await backend.enquiries.list({ limit: 500 })).items.length);
      for (const c of ['stats-1', 'stats-2', 'stats-3']) await backend.deleteConversation((await backend.review.findConversation('emulator', c))!.id);
    });

    it('gives each enquiry a short random reference that does not count up (it would tell how many requests the clinic gets)', async () => {
      const made = [];
      for (let i = 0; i < 20; i++) {
        made.push(
          await backend.enquiries.create({
            channelId: 'emulator',
            conversationId: `conv-ref-${i}`,
            kind: 'booking',
            name: 'Kim',
            email: 'kim@example.com',
            preferredTime: 'any',
            consentAt: new Date(now + i),
          }),
        );
      }
      const references = made.map((m) => m.reference);
      for (const r of references) expect(r).to.match(ENQUIRY_REFERENCE);
      expect(new Set(references).size, 'all different').to.equal(references.length);
      expect(references.join(' '), 'never the enquiry number').to.not.match(new RegExp(`\\b(${made.map((m) => m.id).join('|')})\\b`));
      const sorted = [...references].sort();
      expect(references, 'not in creation order').to.not.deep.equal(sorted);
      expect((await backend.enquiries.get(made[3].id))?.reference, 'kept with the enquiry').to.equal(references[3]);
      for (let i = 0; i < made.length; i++)
        await backend.deleteConversation((await backend.review.findConversation('emulator', `conv-ref-${i}`))!.id);
    });

    it('deletes one conversation with its enquiries and its state', async () => {
      const key = 'emulator/conversations/conv-b/';
      await backend.state.write({ [key]: { DialogState: { dialogStack: [] } } });
      const b = (await backend.review.findConversation('emulator', 'conv-b'))!;
      const deleted = await backend.deleteConversation(b.id);
      expect(deleted).to.deep.equal({ channelId: 'emulator', conversationId: 'conv-b', activities: 3, enquiries: 1, states: 1 });
      expect(await backend.review.getConversation(b.id)).to.equal(undefined);
      expect(await backend.transcripts.allActivities('emulator', 'conv-b')).to.deep.equal([]);
      expect(await backend.enquiries.forConversation('emulator', 'conv-b')).to.deep.equal([]);
      expect(await backend.state.read([key])).to.deep.equal({});
      expect(await backend.deleteConversation(b.id)).to.equal(undefined);
      expect((await backend.transcripts.listTranscripts('emulator')).items.map((t) => t.id)).to.not.include('conv-b');
    });

    it('keeps state with eTags: conditional writes fail on a stale eTag', async () => {
      const key = 'emulator/conversations/etag/';
      await backend.state.write({ [key]: { n: 1 } });
      const read = (await backend.state.read([key]))[key] as { n: number; eTag: string };
      await backend.state.write({ [key]: { n: 2, eTag: read.eTag } });
      let error: unknown;
      try {
        await backend.state.write({ [key]: { n: 3, eTag: read.eTag } });
      } catch (err) {
        error = err;
      }
      expect(String(error)).to.match(/eTag conflict/);
      expect(((await backend.state.read([key]))[key] as { n: number }).n).to.equal(2);
    });

    describe('website chat (Direct Line) conversations', () => {
      const message = (text: string) => ({ type: 'message', text });
      /** A second writer on the same storage, as another instance (or process) would be. */
      async function otherWriter(): Promise<DirectLineStore> {
        if (kind === 'sqlite') return new SqliteDirectLineStore(db!.reopen());
        return (
          await AzureBlobBackend.open({
            connectionString: azurite!.connectionString,
            stateContainer: 'state',
            transcriptContainer: 'transcripts',
            enquiryContainer: 'enquiries',
          })
        ).directLine;
      }

      it('numbers activities from the first number asked, then each append after the last, and reads after a watermark', async () => {
        const dl = backend.directLine;
        expect(await dl.since('dl-numbers', undefined), 'nothing stored yet').to.equal(undefined);
        const first = await dl.append('dl-numbers', 'visitor-1', [message('welcome'), message('hello')], { firstSeqIfNew: 1 });
        expect(first!.activities.map((a) => a.seq)).to.deep.equal([1, 2]);
        expect(first!.previous).to.equal(0);
        const second = await dl.append('dl-numbers', 'visitor-1', [message('reply')], { firstSeqIfNew: 5000 });
        expect(second, 'an existing conversation goes on from its watermark').to.deep.include({ watermark: 3, previous: 2 });
        const read = await dl.since('dl-numbers', 1);
        expect(read!.userId).to.equal('visitor-1');
        expect(read!.activities.map((a) => [a.seq, a.activity.text])).to.deep.equal([
          [2, 'hello'],
          [3, 'reply'],
        ]);
        expect(read!.watermark).to.equal(3);
        expect((await dl.watermarks(['dl-numbers', 'dl-nothing'])).get('dl-numbers')).to.equal(3);
        expect((await dl.watermarks(['dl-nothing'])).size).to.equal(0);
        const jumped = await dl.append('dl-numbers', 'visitor-1', [message('after an outage')], { firstSeqIfNew: 1, minSeq: 10 });
        expect(jumped, 'never below the numbers given while storage was down').to.deep.include({ watermark: 10, previous: 3 });
        expect((await dl.since('dl-numbers', 3))!.activities.map((a) => a.seq)).to.deep.equal([10]);
        const later = await dl.append('dl-later', 'visitor-2', [message('first')], { firstSeqIfNew: 1_700_000_000 });
        expect(later!.activities[0].seq, 'a conversation stored first without its welcome starts high').to.equal(1_700_000_000);
      });

      it('creates a conversation only once when asked to, and refuses another visitor’s appends', async () => {
        const dl = backend.directLine;
        expect(await dl.append('dl-once', 'visitor-1', [message('welcome')], { firstSeqIfNew: 1, onlyIfNew: true })).to.not.equal(undefined);
        expect(await dl.append('dl-once', 'visitor-1', [message('welcome again')], { firstSeqIfNew: 1, onlyIfNew: true })).to.equal(undefined);
        expect((await dl.since('dl-once', undefined))!.activities.map((a) => a.activity.text)).to.deep.equal(['welcome']);
        let error: unknown;
        await dl.append('dl-once', 'visitor-2', [message('not mine')], { firstSeqIfNew: 1 }).catch((err) => (error = err));
        expect(error).to.be.instanceOf(DirectLineOwnerError);
      });

      it('two writers appending to one conversation at once: every activity stored once, numbers consecutive', async () => {
        const writers = [backend.directLine, await otherWriter()];
        await writers[0].append('dl-race', 'visitor-1', [message('start')], { firstSeqIfNew: 1 });
        const texts = Array.from({ length: 24 }, (_, i) => `message ${i}`);
        const results = await Promise.all(texts.map((t, i) => writers[i % 2].append('dl-race', 'visitor-1', [message(t)], { firstSeqIfNew: 1 })));
        const given = results.map((r) => r!.activities[0].seq).sort((x, y) => x - y);
        expect(given, 'each append its own number').to.deep.equal(texts.map((_, i) => i + 2));
        const stored = (await writers[1].since('dl-race', undefined))!;
        expect(stored.activities.map((a) => a.seq)).to.deep.equal([1, ...given]);
        expect(
          stored.activities
            .slice(1)
            .map((a) => a.activity.text as string)
            .sort(),
        ).to.deep.equal([...texts].sort());
        for (const r of results)
          expect(stored.activities.find((a) => a.seq === r!.activities[0].seq)!.activity.text).to.equal(r!.activities[0].activity.text);
      });

      it(`keeps the last ${MAX_STORED_ACTIVITIES} activities of a conversation, numbering going on`, async () => {
        const dl = backend.directLine;
        const many = Array.from({ length: MAX_STORED_ACTIVITIES + 5 }, (_, i) => message(`n${i + 1}`));
        await dl.append('dl-cap', 'visitor-1', many.slice(0, 300), { firstSeqIfNew: 1 });
        await dl.append('dl-cap', 'visitor-1', many.slice(300), { firstSeqIfNew: 1 });
        const kept = (await dl.since('dl-cap', undefined))!;
        expect(kept.activities).to.have.length(MAX_STORED_ACTIVITIES);
        expect(kept.activities[0].activity.text).to.equal('n6');
        expect(kept.watermark).to.equal(MAX_STORED_ACTIVITIES + 5);
      });

      it('follows the retention purge and is deleted with its conversation', async () => {
        const dl = backend.directLine;
        await dl.append('dl-old', 'visitor-1', [message('long ago')], { firstSeqIfNew: 1, now: Date.now() - 400 * DAY });
        await dl.append('dl-recent', 'visitor-1', [message('today')], { firstSeqIfNew: 1 });
        const result = await backend.purgeOlderThan(Date.now() - 180 * DAY, Date.now());
        expect(result.directLine).to.equal(1);
        expect(await dl.since('dl-old', undefined)).to.equal(undefined);
        expect(await dl.since('dl-recent', undefined)).to.not.equal(undefined);

        await dl.append('web-delete', 'visitor-1', [message('please forget me')], { firstSeqIfNew: 1 });
        await backend.transcripts.logActivities([activity('web-delete', 'user', 'please forget me', Date.now(), { channelId: 'webchat' })]);
        const summary = (await backend.review.findConversation('webchat', 'web-delete'))!;
        await backend.deleteConversation(summary.id);
        expect(await dl.since('web-delete', undefined)).to.equal(undefined);
      });
    });

    it('purges conversations with no activity for the retention period, keeping recent ones', async () => {
      await turn(backend, 'conv-old', 'an old question', now - 400 * DAY);
      const before = (await backend.review.counts()).conversations;
      const result = await backend.purgeOlderThan(now - 180 * DAY, now);
      expect(result.conversations).to.equal(1);
      expect(await backend.review.findConversation('emulator', 'conv-old')).to.equal(undefined);
      expect(await backend.transcripts.allActivities('emulator', 'conv-old')).to.deep.equal([]);
      expect((await backend.review.counts()).conversations).to.equal(before - 1);
      expect(await backend.review.findConversation('emulator', 'conv-a')).to.not.equal(undefined);
    });

    it('purges state not written and enquiries done before the cutoff, never new enquiries', async () => {
      await backend.enquiries.create({
        channelId: 'emulator',
        conversationId: 'conv-c',
        kind: 'booking',
        name: 'Kim',
        phone: '0111 222 333',
        preferredTime: 'any',
        consentAt: new Date(),
      });
      const later = Date.now() + 60_000;
      const result = await backend.purgeOlderThan(later, later);
      expect(result.states).to.be.at.least(1);
      expect(result.enquiries).to.equal(1); // Robin's, marked done
      expect(await backend.state.read(['emulator/conversations/etag/'])).to.deep.equal({});
      expect((await backend.enquiries.list()).items.map((e) => e.name)).to.deep.equal(['Kim']);
    });

    it('lists turns that got safety guidance newest first, with their tier, by tier and by conversation', async () => {
      const urgent = (conv: string, text: string, at: number, tier: string) => {
        const t = trace(conv, text, at, 'urgent', 'classified', 'red_flag');
        Object.assign(t.value as object, { tier, redFlag: 'sign', safety: 'alone' });
        return t;
      };
      const t0 = Date.now();
      await backend.transcripts.logActivities([activity('conv-u1', 'user', 'my arm is red and hot', t0)]);
      await backend.transcripts.logActivities([urgent('conv-u1', 'my arm is red and hot', t0 + 1, 'urgent')]);
      await backend.transcripts.logActivities([activity('conv-u2', 'user', 'crushing chest pain', t0 + 10)]);
      await backend.transcripts.logActivities([urgent('conv-u2', 'crushing chest pain', t0 + 11, 'emergency')]);
      const all = await backend.review.urgentTurns();
      expect(all.map((t) => [t.text, t.tier, t.channelId, t.sign, t.safety])).to.deep.equal([
        ['crushing chest pain', 'emergency', 'emulator', 'sign', 'alone'],
        ['my arm is red and hot', 'urgent', 'emulator', 'sign', 'alone'],
      ]);
      expect((await backend.review.urgentTurns({ tier: 'urgent' })).map((t) => t.text)).to.deep.equal(['my arm is red and hot']);
      const c2 = (await backend.review.findConversation('emulator', 'conv-u2'))!;
      expect((await backend.review.urgentTurns({ conversations: [c2.id] })).map((t) => t.conversation)).to.deep.equal([c2.id]);
    });
  });
}
