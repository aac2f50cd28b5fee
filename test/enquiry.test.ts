import { expect } from 'chai';
import { Activity, MemoryStorage, StoreItems } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { EnquiryDialog, nameFrom } from '../dialogs/enquiryDialog';
import type { EnquiryStore, NewEnquiry } from '../src/storage/enquiries';
import { ask, buttons, clinic, Conversation, dialogDeps, replyText, startTestApp } from './helpers';

class FakeEnquiries implements EnquiryStore {
  saved: NewEnquiry[] = [];
  failWith?: Error;
  async create(e: NewEnquiry): Promise<{ id: number; reference: string }> {
    if (this.failWith) throw this.failWith;
    this.saved.push(e);
    return { id: 40 + this.saved.length, reference: `TEST-REF${this.saved.length}` };
  }
}

function client(kind: 'booking' | 'contact', store: EnquiryStore | undefined) {
  const { deps, conversationState } = dialogDeps();
  return new DialogTestClient('webchat', new EnquiryDialog({ ...deps, enquiries: store }), { kind }, [], conversationState);
}

/** Sends a message and returns the bot's reply text (all replies joined). */
async function say(c: DialogTestClient, text: string): Promise<{ text: string; reply: Partial<Activity> }> {
  const first = (await c.sendActivity(text)) as Partial<Activity> | undefined;
  const replies: Partial<Activity>[] = first ? [first] : [];
  for (let next = c.getNextReply() as Partial<Activity> | undefined; next; next = c.getNextReply() as Partial<Activity> | undefined)
    replies.push(next);
  return { text: replies.map((r) => r.text ?? '').join('\n'), reply: replies[0] ?? {} };
}

describe('enquiry dialog', () => {
  const { clinic: details } = clinic().knowledge;

  it('"contact" gives the clinic’s details', async () => {
    const c = client('contact', new FakeEnquiries());
    const { text } = await say(c, 'how can I contact you?');
    expect(text).to.include(details.phone).and.include(details.email).and.include(details.address);
    expect(c.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
  });

  it('a call-back request: consent, name, phone, time, optional reason, confirmation, stored with status new', async () => {
    const store = new FakeEnquiries();
    const c = client('booking', store);
    const consent = await say(c, 'please call me back');
    expect(consent.text).to.match(/name, a phone number or email address, when suits you/);
    expect(consent.text).to.match(/only to contact you about this request/);
    expect(buttons(consent.reply)).to.deep.equal(['Yes, that’s fine', 'No thanks']);
    expect((await say(c, 'yes')).text).to.match(/What name should we use/);
    expect((await say(c, 'my name is Sam Lee')).text).to.match(/phone number or email address/);
    expect((await say(c, 'not sure')).text).to.match(/doesn’t look like a phone number/);
    expect((await say(c, '0412 345 678')).text).to.match(/When suits you best/);
    expect((await say(c, 'Tuesday after 3pm')).text).to.match(/optional/);
    const confirm = await say(c, 'skip');
    expect(confirm.text)
      .to.include('Name: Sam Lee')
      .and.include('Phone: 0412 345 678')
      .and.include('When: Tuesday after 3pm')
      .and.include('About: (not given)');
    expect(store.saved).to.have.length(0); // nothing is stored before the patient confirms
    const done = await say(c, 'yes');
    expect(done.text)
      .to.match(/reference TEST-REF1\b/)
      .and.match(/by phone/);
    expect(c.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    expect(store.saved).to.have.length(1);
    const [e] = store.saved;
    expect(e).to.include({ kind: 'callback', name: 'Sam Lee', phone: '0412 345 678', preferredTime: 'Tuesday after 3pm', channelId: 'webchat' });
    expect(e.email).to.equal(undefined);
    expect(e.reason).to.equal(undefined);
    expect(e.consentAt).to.be.instanceOf(Date);
  });

  it('no consent: the clinic’s booking details, and nothing is stored', async () => {
    const store = new FakeEnquiries();
    const c = client('booking', store);
    await say(c, 'I want to book an appointment');
    const { text } = await say(c, 'no thanks');
    expect(text)
      .to.match(/haven’t stored anything/)
      .and.include(details.bookingUrl)
      .and.include(details.phone);
    expect(c.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    expect(store.saved).to.deep.equal([]);
  });

  it('an email instead of a phone, a reason, and "no" at the confirmation stores nothing', async () => {
    const store = new FakeEnquiries();
    const c = client('booking', store);
    for (const text of ['book me in', 'ok', 'Jo']) await say(c, text);
    await say(c, 'jo@example.org');
    await say(c, 'any weekday');
    const confirm = await say(c, 'my sore neck');
    expect(confirm.text).to.include('Email: jo@example.org').and.include('About: my sore neck').and.not.include('Phone:');
    const { text } = await say(c, 'no');
    expect(text).to.match(/haven’t sent anything/);
    expect(store.saved).to.deep.equal([]);
  });

  it('asks again for a contact that is not a phone or email, then gives up politely after three tries', async () => {
    const store = new FakeEnquiries();
    const c = client('booking', store);
    for (const text of ['book', 'yes', 'Kim']) await say(c, text);
    expect((await say(c, 'tomorrow')).text).to.match(/doesn’t look like/);
    expect((await say(c, '12 34')).text).to.match(/doesn’t look like/);
    const { text } = await say(c, 'no phone');
    expect(text)
      .to.match(/couldn’t take your details/)
      .and.include(details.phone);
    expect(c.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    expect(store.saved).to.deep.equal([]);
  });

  it('a different question instead of a name ends the enquiry so the question gets answered', async () => {
    const c = client('booking', new FakeEnquiries());
    await say(c, 'book');
    await say(c, 'yes');
    await say(c, 'what is the difference between acupuncture and dry needling?');
    expect(c.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    expect(c.dialogTurnResult.result).to.deep.equal({ interrupted: true });
  });

  it('a store that fails gets an apology and the clinic’s details, never a false "sent"', async () => {
    const store = new FakeEnquiries();
    store.failWith = new Error('database is locked');
    const c = client('booking', store);
    for (const text of ['book', 'yes', 'Kim', '0412345678', 'evenings', 'skip']) await say(c, text);
    const { text } = await say(c, 'yes');
    expect(text)
      .to.match(/couldn’t save your request/)
      .and.include(details.phone)
      .and.not.match(/reference/);
  });

  it('without an enquiry store, booking gives the clinic’s booking details (as before)', async () => {
    const c = client('booking', undefined);
    const { text } = await say(c, 'I want to book');
    expect(text).to.include(details.bookingUrl);
    expect(c.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
  });

  it('takes the name out of "my name is …" and similar', () => {
    expect(nameFrom('My name is Sam Lee.')).to.equal('Sam Lee');
    expect(nameFrom("I'm Jo")).to.equal('Jo');
    expect(nameFrom('Hi, it’s Ana')).to.equal('Ana');
    expect(nameFrom('Dr. Kim Nguyen')).to.equal('Dr. Kim Nguyen');
  });

  describe('in the whole bot', () => {
    it('booking starts the enquiry; "cancel" part-way stores nothing and says so', async () => {
      const store = new FakeEnquiries();
      const chat = new Conversation('webchat', undefined, { enquiries: store });
      const start = await chat.say('I want to book an appointment');
      expect(start.text).to.match(/Is that OK\?/);
      expect(start.recognition).to.include({ intent: 'booking', outcome: 'handoff' });
      await chat.say('yes');
      const name = await chat.say('Sam');
      expect(name.recognition?.text).to.equal('Sam'); // the trace the Emulator sees; the stored copy is masked
      const cancel = await chat.say('cancel');
      expect(cancel.text).to.match(/stopped/);
      expect(store.saved).to.deep.equal([]);
      expect((await chat.say('what is dry needling?')).text).to.match(/dry needling/i);
    });

    it('"help" part-way repeats the question and carries on', async () => {
      const store = new FakeEnquiries();
      const chat = new Conversation('webchat', undefined, { enquiries: store });
      for (const text of ['please call me back', 'yes', 'Sam']) await chat.say(text);
      const help = await chat.say('help');
      expect(help.text)
        .to.match(/You can ask me/)
        .and.match(/phone number or email address/);
      for (const text of ['0412 345 678', 'mornings', 'skip', 'yes']) await chat.say(text);
      expect(store.saved.map((e) => e.name)).to.deep.equal(['Sam']);
    });

    it('an emergency in the middle of an enquiry gets the emergency guidance first', async () => {
      const chat = new Conversation('webchat', undefined, { enquiries: new FakeEnquiries() });
      for (const text of ['book', 'yes']) await chat.say(text);
      const urgent = await chat.say('I have crushing chest pain');
      expect(urgent.text).to.match(/emergency/i);
      expect(urgent.recognition?.outcome).to.equal('urgent');
    });
  });
});

/** State storage whose reads answer 50 ms late: two turns of one conversation then surely both read the state before either saves. */
class SlowReads extends MemoryStorage {
  async read(keys: string[]): Promise<StoreItems> {
    const items = await super.read(keys);
    await new Promise((r) => setTimeout(r, 50));
    return items;
  }
}

describe('a confirmation sent twice at once (double-click) over HTTP', () => {
  it('stores the request once, and each reply is sent once', async () => {
    const app = await startTestApp({}, { storage: new SlowReads() });
    try {
      for (const text of ['please call me back', 'yes', 'Sam Lee', '0412 345 678', 'mornings', 'skip']) await ask(app.port, 'double', text);
      const [first, second] = await Promise.all([ask(app.port, 'double', 'Yes, send it'), ask(app.port, 'double', 'Yes, send it')]);
      const thanks = [replyText(first), replyText(second)].filter((t) => /sent your request/.test(t));
      expect(thanks, 'one of the two turns stores and thanks').to.have.length(1);
      const stored = await app.enquiries.forConversation('emulator', 'double');
      expect(stored.map((e) => e.name)).to.deep.equal(['Sam Lee']);
      expect(thanks[0]).to.include(`reference ${stored[0].reference}`).and.not.include(`reference ${stored[0].id}`);
    } finally {
      await app.close();
    }
  });
});
