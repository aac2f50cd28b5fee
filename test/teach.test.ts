/**
 * Teaching the running bot over HTTP (#14), on the real server on a free port: staff teach through the JSON API with
 * the session cookie and the x-csrf-token header, and the same running bot answers the taught text within 30 s, with
 * no restart; the regression gate refuses a harmful change with before/after figures (and it can be saved as a draft);
 * the clinic's own FAQ answers carry source 'clinic'; placeholders never reach patients; a restart keeps everything.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { hashPassword } from '../src/staff/auth';
import { RecognitionTraceValue, TRACE_NAME } from '../src/turn/trace';
import { ask, clinic, replyText, tempDataDir } from './helpers';
import { eventually, startTestApp, TestApp } from './appHelpers';

const PASSWORD = 'correct horse battery staple';

const traceOf = (activities: Partial<Activity>[]) => activities.find((a) => a.name === TRACE_NAME)?.value as RecognitionTraceValue;

describe('teaching the running bot (HTTP API)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let env: Record<string, string>;
  let cookie: string;
  let csrf: string;
  let n = 0;

  async function signIn(): Promise<void> {
    const form = await fetch(`${app.base}/staff/login`);
    const nonceCookie = form.headers
      .getSetCookie()
      .find((c) => c.startsWith('clinic_staff_login='))!
      .split(';')[0];
    const nonce = /name="nonce" value="([^"]+)"/.exec(await form.text())![1];
    const res = await fetch(`${app.base}/staff/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonceCookie },
      body: new URLSearchParams({ name: 'alice', password: PASSWORD, nonce, next: '/staff/conversations' }).toString(),
    });
    cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('clinic_staff='))!
      .split(';')[0];
    const session = (await (await fetch(`${app.base}/staff/api/session`, { headers: { cookie } })).json()) as { user: string; csrf: string };
    expect(session.user).to.equal('alice');
    csrf = session.csrf;
  }

  const api = async (path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const say = (text: string) => ask(app.port, `conv-${++n}`, text);

  before(async () => {
    const hash = await hashPassword(PASSWORD);
    const dir = tempDataDir();
    env = {
      DATA_DIR: dir,
      MODEL_PATH: join(dir, 'model.json'),
      STAFF_USERS: `alice:${hash}`,
      STAFF_SESSION_SECRET: 'x'.repeat(40),
      TEACH_POLL_SECONDS: '0',
    };
    app = await startTestApp(env);
    await signIn();
  });

  after(async () => {
    await app?.close();
  });

  it('every change needs the session and its CSRF token', async () => {
    expect((await api('/staff/api/training/examples', { text: 'x', intent: 'contact' }, { 'x-csrf-token': 'wrong' })).status).to.equal(403);
    expect((await api('/staff/api/training/examples', { text: 'x', intent: 'contact' }, { cookie: '' })).status).to.equal(401);
  });

  it('an unknown intent is a 400 with a message naming the known ones', async () => {
    const res = await api('/staff/api/training/examples', { text: 'where do i find you lot', intent: 'parking_lot' });
    expect(res.status).to.equal(400);
    expect(res.body.error).to.match(/unknown intent "parking_lot".*contact/);
  });

  it('a taught example is answered by the running bot within 30 s, and the model version changes', async () => {
    const text = 'how do i get hold of the practitioners outside the chat';
    const before = traceOf(await say(text));
    expect(before.intent).to.not.equal('contact');
    const version = (await api('/staff/api/model')).body.version;
    const res = await api('/staff/api/training/examples', { text, intent: 'contact' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.status).to.equal('applied');
    expect(res.body.figures.before).to.have.property('heldoutAccuracy');
    await eventually(async () => traceOf(await say(text)).intent === 'contact', 30_000, 'the taught text answered as contact');
    const model = (await api('/staff/api/model')).body;
    expect(model.version).to.not.equal(version);
    expect(model).to.have.property('trainedAt');
  });

  it('the gate refuses teaching "hello" as booking, with before/after figures, and it can be saved as a draft', async () => {
    const refused = await api('/staff/api/training/examples', { text: 'hello', intent: 'booking' });
    expect(refused.status).to.equal(409);
    expect(refused.body.status).to.equal('refused');
    expect(refused.body.problems.join(' ')).to.match(/greeting/);
    expect(refused.body.figures.before.heldoutAccuracy).to.be.a('number');
    expect(refused.body.figures.after.heldoutAccuracy).to.be.a('number');
    expect(traceOf(await say('hello')).intent).to.equal('greeting');
    const draft = await api('/staff/api/training/examples', { text: 'hello', intent: 'booking', draft: true });
    expect(draft.body.status).to.equal('draft');
    expect(traceOf(await say('hello')).intent).to.equal('greeting');
    const applyDraft = await api(`/staff/api/training/changes/${draft.body.change.id}/apply`, {});
    expect(applyDraft.status).to.equal(409);
  });

  it('a condition alias makes the bot answer about that condition', async () => {
    const hip = clinic().knowledge.conditions.find((c) => /hip/i.test(c.name))!;
    const text = 'my dodgy hinge is giving me grief';
    expect(traceOf(await say(text)).entities.map((e) => e.value)).to.not.include(hip.name);
    const res = await api('/staff/api/training/aliases', { alias: 'dodgy hinge', condition: hip.name });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect((await api('/staff/api/training/aliases', { alias: 'knee thing', condition: 'Knee trouble' })).status).to.equal(400);
    await eventually(async () => traceOf(await say(text)).entities.some((e) => e.value === hip.name), 30_000, 'the alias recognised');
  });

  it('a clinic FAQ entry is answered as written, outcome answered, source clinic; a placeholder is never shown', async () => {
    const answer = 'There is free parking behind the clinic, entry from Lane Street.';
    const res = await api('/staff/api/clinic/faq', {
      title: 'Parking',
      questions: ['where can i park', 'is there parking at the clinic', 'can i park near you'],
      answer,
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const reply = await say('is there parking at the clinic');
    expect(replyText(reply)).to.equal(answer);
    expect(traceOf(reply)).to.include({ outcome: 'answered', source: 'clinic' });
    // Medical questions still come from the article, never mixed with the clinic's entry.
    const medical = await say('what is dry needling');
    expect(replyText(medical)).to.not.include('parking');
    expect(traceOf(medical).source).to.equal(undefined);
    const human = replyText(await say('can i talk to a real person'));
    expect(human.toLowerCase()).to.not.include('placeholder');
  });

  it('saved clinic details are what patients see at once', async () => {
    const res = await api('/staff/api/clinic', { openingHours: 'Mon to Fri 8am to 6pm' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(replyText(await say('can i talk to a real person'))).to.include('Opening hours: Mon to Fri 8am to 6pm');
  });

  it('a dismissed question can be undone, and every change is in the log with who and when', async () => {
    const res = await api('/staff/api/training/dismissals', { text: 'asdf qwer' });
    expect(res.body.status).to.equal('applied');
    const undo = await api(`/staff/api/training/changes/${res.body.change.id}/revert`, {});
    expect(undo.status).to.equal(200);
    const log = (await api('/staff/api/training/changes')).body;
    const change = log.changes.find((c: { id: number }) => c.id === res.body.change.id);
    expect(change).to.include({ status: 'reverted', by: 'alice', revertedBy: 'alice' });
    expect(log.changes.every((c: { by: string; at: string }) => c.by === 'alice' && c.at)).to.equal(true);
  });

  it('the Unanswered page offers Teach…; a taught question leaves it, previewed first on a script-free page', async () => {
    const html = (path: string) => fetch(`${app.base}${path}`, { headers: { cookie, accept: 'text/html' } });
    const missed = 'zzgrumble fizzwop query';
    const taught = 'can you tell me how to find you when lost';
    await say(missed);
    await say(taught);
    let page = await (await html('/staff/unanswered')).text();
    expect(page).to.include(missed).and.include('Teach…');
    const teachPage = await html(`/staff/teach?text=${encodeURIComponent(taught)}`);
    expect(teachPage.headers.get('content-security-policy')).to.match(/default-src 'none'/);
    const teachHtml = await teachPage.text();
    expect(teachHtml).to.include('The bot understands now').and.not.include('<script');
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, text: taught, back: '/staff/unanswered', ...fields }).toString(),
    });
    const preview = await (await fetch(`${app.base}/staff/teach/preview`, form({ kind: 'example', intent: 'contact' }))).text();
    expect(preview).to.include('After the change: <strong>contact</strong>');
    const applied = await fetch(`${app.base}/staff/teach/apply`, form({ kind: 'example', intent: 'contact', mode: 'apply' }));
    expect(applied.status).to.equal(200);
    page = await (await html('/staff/unanswered')).text();
    expect(page).to.include(missed).and.not.include(taught);
  });

  it('the clinic page says medical content comes only from the article, marks placeholders, and saves details', async () => {
    const page = await fetch(`${app.base}/staff/clinic`, { headers: { cookie, accept: 'text/html' } });
    const text = await page.text();
    expect(text)
      .to.include('medical questions only from the clinic’s article')
      .and.include('placeholder: not shown to patients')
      .and.not.include('<script');
    const fields = Object.fromEntries([...text.matchAll(/<input name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
    const saved = await fetch(`${app.base}/staff/clinic`, {
      method: 'POST',
      headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, csrf, address: '12 Harbour Road, Sampletown' }).toString(),
    });
    expect(saved.status).to.equal(200);
    expect(await saved.text()).to.include('The clinic’s details are updated.');
    expect(replyText(await say('what is your address'))).to.include('12 Harbour Road, Sampletown');
  });

  it('a restart keeps everything taught', async () => {
    const version = (await api('/staff/api/model')).body.version;
    await app.close();
    app = await startTestApp(env);
    await signIn();
    expect((await api('/staff/api/model')).body.version).to.equal(version);
    expect(traceOf(await say('how do i get hold of the practitioners outside the chat')).intent).to.equal('contact');
    expect(replyText(await say('is there parking at the clinic'))).to.include('free parking');
    expect(replyText(await say('can i talk to a real person'))).to.include('Mon to Fri 8am to 6pm');
  });
});
