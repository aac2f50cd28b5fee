import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import type { RunningApp } from '../src/app';
import { createLogger } from '../src/logger';
import { hashPassword } from '../src/staff/auth';
import { ask, startTestApp } from './helpers';

const PASSWORD = 'correct horse battery staple';
const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)> can acupuncture help?';

interface Signed {
  cookie: string;
  csrf: string;
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie();
}

function cookieValue(res: Response, name: string): string | undefined {
  const c = cookiesOf(res).find((x) => x.startsWith(`${name}=`));
  return c?.split(';')[0];
}

describe('staff review (HTTP)', () => {
  let dir: string;
  let app: RunningApp;
  let base: string;
  const logLines: string[] = [];
  /** Signed in before any failed sign-in, so the rate-limit tests cannot lock it out. */
  let s: Signed;

  async function signIn(name = 'alice', password = PASSWORD): Promise<Response> {
    const form = await fetch(`${base}/staff/login`);
    const nonceCookie = cookieValue(form, 'clinic_staff_login')!;
    const nonce = /name="nonce" value="([^"]+)"/.exec(await form.text())![1];
    return fetch(`${base}/staff/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonceCookie, accept: 'text/html' },
      body: new URLSearchParams({ name, password, nonce, next: '/staff/conversations' }).toString(),
    });
  }

  async function session(): Promise<Signed> {
    const res = await signIn();
    expect(res.status).to.equal(303);
    const cookie = cookieValue(res, 'clinic_staff')!;
    const page = await (await fetch(`${base}/staff/conversations`, { headers: { cookie } })).text();
    return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page)![1] };
  }

  const get = (path: string, s?: Signed, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { redirect: 'manual', headers: { ...(s ? { cookie: s.cookie } : {}), ...headers } });
  const post = (path: string, fields: Record<string, string>, s?: Signed, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(s ? { cookie: s.cookie } : {}), ...headers },
      body: new URLSearchParams(fields).toString(),
    });

  before(async function () {
    this.timeout(30_000);
    dir = mkdtempSync(join(tmpdir(), 'clinic-staff-'));
    const hash = await hashPassword(PASSWORD);
    app = await startTestApp(
      {
        DATA_DIR: dir,
        STAFF_USERS: `alice:${hash},bob:${hash}`,
        STAFF_SESSION_SECRET: 'x'.repeat(40),
        STAFF_LOGIN_RATE_LIMIT: '5',
        REDACT_CONTACT_DETAILS: 'true',
      },
      { logger: createLogger('info', {}, { write: (l: string) => void logLines.push(l) }) },
    );
    base = `http://127.0.0.1:${app.port}`;
    // Conversations through the real endpoint.
    for (const text of ['what is dry needling?', 'can dry needling help tennis elbow?', 'do you do cupping?']) await ask(app.port, 'conv-a', text);
    for (const text of ['Do you do cupping', 'what is the weather like']) await ask(app.port, 'conv-b', text);
    await ask(app.port, 'conv-xss', XSS);
    await ask(app.port, 'conv-sms', 'do you do cupping?!', { channelId: 'sms' });
    for (const text of ['please call me back', 'yes', 'Robin', '0412 345 678', 'mornings', 'skip', 'yes']) await ask(app.port, 'conv-enquiry', text);
    await ask(app.port, 'conv-urgent-care', 'my arm is red and hot up to the elbow from the needle site and i have chills');
    await ask(app.port, 'conv-emergency', 'my husbands face is lopsided and he cant talk properly');
    s = await session();
  });

  after(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('without a session', () => {
    const protectedGets = [
      '/staff/api/conversations',
      '/staff/api/conversations/1',
      '/staff/api/unanswered',
      '/staff/api/enquiries',
      '/staff/export?from=2020-01-01&to=2030-01-01&format=csv',
      '/staff/export?format=json',
      '/staff/conversations/1/transcript',
      '/staff/unanswered/export?format=txt',
    ];

    it('the API and exports answer 401', async () => {
      for (const path of protectedGets) {
        const res = await get(path);
        expect(res.status, path).to.equal(401);
        expect(await res.json(), path).to.have.property('error');
      }
    });

    it('a Direct Line or channel token (Authorization: Bearer) never opens them', async () => {
      for (const path of protectedGets) {
        const res = await get(path, undefined, { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoiYSJ9.c2lnbmF0dXJl' });
        expect(res.status, path).to.equal(401);
      }
      const basic = await get('/staff/api/conversations', undefined, {
        authorization: `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`,
      });
      expect(basic.status).to.equal(401);
    });

    it('pages send a browser to the sign-in page, and changes are refused', async () => {
      const page = await get('/staff/conversations', undefined, { accept: 'text/html' });
      expect(page.status).to.equal(303);
      expect(page.headers.get('location')).to.equal('/staff/login?next=%2Fstaff%2Fconversations');
      expect((await get('/staff/conversations')).status).to.equal(401);
      const id = (await app.review.findConversation('emulator', 'conv-a'))!.id;
      expect((await post(`/staff/conversations/${id}/delete`, {})).status).to.equal(401);
      expect(await app.review.getConversation(id)).to.not.equal(undefined);
      expect((await post('/staff/enquiries/1/status', { status: 'done' })).status).to.equal(401);
    });

    it('a forged or stale session cookie is refused', async () => {
      expect((await get('/staff/api/conversations', { cookie: 'clinic_staff=abc.def', csrf: '' })).status).to.equal(401);
      const s = await session();
      const [token] = s.cookie.split('=')[1].split('.');
      expect((await get('/staff/api/conversations', { cookie: `clinic_staff=${token}.forged`, csrf: '' })).status).to.equal(401);
      await post('/staff/logout', { csrf: s.csrf }, s);
      expect((await get('/staff/api/conversations', s)).status).to.equal(401); // signed out server-side
    });
  });

  describe('signed in', () => {
    it('lists conversations with turns and outcome flags, filters by flag and channel', async () => {
      const all = (await (await get('/staff/api/conversations', s)).json()) as {
        items: Array<{ conversationId: string; turns: number; flags: Record<string, number>; channelId: string }>;
      };
      const byId = Object.fromEntries(all.items.map((c) => [c.conversationId, c]));
      expect(Object.keys(byId)).to.include.members(['conv-a', 'conv-b', 'conv-xss', 'conv-sms', 'conv-enquiry']);
      expect(byId['conv-a'].turns).to.equal(3);
      expect(byId['conv-b'].flags.fallback).to.be.greaterThan(0);
      expect(byId['conv-enquiry'].flags.enquiry).to.equal(1);
      const fallback = (await (await get('/staff/api/conversations?flag=fallback', s)).json()) as { items: Array<{ flags: Record<string, number> }> };
      expect(fallback.items.length).to.be.greaterThan(0);
      expect(fallback.items.every((c) => c.flags.fallback > 0)).to.equal(true);
      const sms = (await (await get('/staff/api/conversations?channel=sms', s)).json()) as { items: Array<{ conversationId: string }> };
      expect(sms.items.map((c) => c.conversationId)).to.deep.equal(['conv-sms']);
      const page = await (await get('/staff/conversations?flag=enquiry', s)).text();
      expect(page).to.include('please call me back').and.not.include('what is dry needling?');
    });

    it('shows urgent messages newest first with their tier, the tier in the conversation list, and the clinic’s tier table', async () => {
      const urgent = await (await get('/staff/urgent', s)).text();
      const emergency = urgent.indexOf('my husbands face is lopsided');
      const care = urgent.indexOf('my arm is red and hot');
      expect(emergency).to.be.greaterThan(-1);
      expect(care).to.be.greaterThan(emergency); // newest first
      expect(urgent)
        .to.match(/<span class="tier emergency">emergency<\/span>/)
        .and.match(/<span class="tier urgent">urgent<\/span>/);
      expect(urgent).to.include('Safety tiers').and.include('Emergency: call 000 now').and.include('see a doctor about this today');
      const onlyCare = await (await get('/staff/urgent?tier=urgent', s)).text();
      expect(onlyCare).to.include('my arm is red and hot').and.not.include('my husbands face');
      expect((await get('/staff/urgent?tier=red', s)).status).to.equal(400);
      const list = await (await get('/staff/conversations?flag=urgent', s)).text();
      expect(list)
        .to.include('my husbands face is lopsided')
        .and.match(/class="tier emergency"/)
        .and.not.include('what is dry needling?');
    });

    it('searches what patients wrote', async () => {
      const found = (await (await get(`/staff/api/conversations?q=${encodeURIComponent('tennis elb')}`, s)).json()) as {
        items: Array<{ conversationId: string }>;
      };
      expect(found.items.map((c) => c.conversationId)).to.deep.equal(['conv-a']);
    });

    it('SQL injection and FTS syntax in search and filters are harmless', async () => {
      const before = (await app.review.counts()).conversations;
      for (const q of ["' OR 1=1 --", '"; DROP TABLE conversations; --', 'NEAR(a b)', 'text:cupping', '"unbalanced', '*', 'a OR b', ')(']) {
        const res = await get(`/staff/api/conversations?q=${encodeURIComponent(q)}`, s);
        expect(res.status, q).to.equal(200);
        const body = (await res.json()) as { items: unknown[] };
        expect(body.items.length, q).to.be.lessThan(before);
        const page = await get(`/staff/conversations?q=${encodeURIComponent(q)}`, s);
        expect(page.status, q).to.equal(200);
      }
      const channel = (await (await get(`/staff/api/conversations?channel=${encodeURIComponent("x' OR '1'='1")}`, s)).json()) as { items: unknown[] };
      expect(channel.items).to.deep.equal([]);
      expect((await get('/staff/api/conversations?flag=fallback%20OR%201%3D1', s)).status).to.equal(400);
      expect((await get('/staff/api/conversations?before=1;DROP', s)).status).to.equal(400);
      expect((await get('/staff/api/conversations?from=yesterday', s)).status).to.equal(400);
      expect((await get('/staff/api/conversations/1%20OR%201=1', s)).status).to.equal(404);
      expect((await app.review.counts()).conversations).to.equal(before);
    });

    it('pages with keyset cursors, older and newer', async () => {
      const first = (await (await get('/staff/api/conversations?limit=2', s)).json()) as {
        items: Array<{ id: number }>;
        older?: string;
        newer?: string;
      };
      expect(first.items).to.have.length(2);
      expect(first.newer).to.equal(undefined);
      const second = (await (await get(`/staff/api/conversations?limit=2&before=${first.older}`, s)).json()) as {
        items: Array<{ id: number }>;
        newer?: string;
      };
      expect(second.items.map((c) => c.id)).to.not.include.members(first.items.map((c) => c.id));
      const back = (await (await get(`/staff/api/conversations?limit=2&after=${second.newer}`, s)).json()) as { items: Array<{ id: number }> };
      expect(back.items.map((c) => c.id)).to.deep.equal(first.items.map((c) => c.id));
    });

    it('escapes HTML from messages in every page', async () => {
      const id = (await app.review.findConversation('emulator', 'conv-xss'))!.id;
      for (const path of [`/staff/conversations/${id}`, '/staff/conversations', '/staff/unanswered']) {
        const page = await (await get(path, s)).text();
        expect(page, path).to.not.include('<script>alert').and.not.include('<img src=x');
        if (path !== '/staff/unanswered')
          expect(page, path).to.include('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
      }
      const res = await get(`/staff/conversations/${id}`, s);
      expect(res.headers.get('content-security-policy')).to.include("default-src 'none'");
      expect(res.headers.get('x-frame-options')).to.equal('DENY');
    });

    it('shows each turn with what the bot understood next to the reply', async () => {
      const id = (await app.review.findConversation('emulator', 'conv-a'))!.id;
      const json = (await (await get(`/staff/api/conversations/${id}`, s)).json()) as {
        turns: Array<{
          user?: { text: string };
          recognition?: { intent: string; score: number; entities: Array<{ value: string }>; outcome: string };
          replies: Array<{ text?: string }>;
        }>;
      };
      const tennis = json.turns.find((t) => t.user?.text === 'can dry needling help tennis elbow?')!;
      expect(tennis.recognition).to.include({ intent: 'condition_query', outcome: 'answered' });
      expect(tennis.recognition!.entities[0].value).to.equal('Tennis elbow (lateral epicondylitis)');
      expect(tennis.replies[0].text).to.match(/^Yes\./);
      const page = await (await get(`/staff/conversations/${id}`, s)).text();
      expect(page.match(/<dt>Intent<\/dt>/g)).to.have.length(3);
      expect(page).to.include('Tennis elbow (lateral epicondylitis)').and.include('condition_query');
    });

    it('exports one conversation as a .transcript the Emulator opens (a JSON array of activities)', async () => {
      const id = (await app.review.findConversation('emulator', 'conv-a'))!.id;
      const res = await get(`/staff/conversations/${id}/transcript`, s);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-disposition')).to.equal('attachment; filename="emulator-conv-a.transcript"');
      const activities = (await res.json()) as Activity[];
      expect(activities).to.be.an('array').with.length(9);
      expect(activities[0]).to.include({ type: 'message', text: 'what is dry needling?' });
      expect(activities[0].from.role).to.equal('user');
      expect(activities[1].from.role).to.equal('bot');
      expect(activities.filter((a) => a.valueType === 'clinic.recognition')).to.have.length(3);
      for (const a of activities) expect(a).to.include.keys('id', 'timestamp', 'channelId', 'conversation', 'from', 'recipient');
    });

    it('exports a date range as CSV and JSON', async () => {
      const today = new Date();
      const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      const csv = await get(`/staff/export?from=${day}&to=${day}&format=csv`, s);
      expect(csv.status).to.equal(200);
      expect(csv.headers.get('content-type')).to.match(/text\/csv/);
      const text = await csv.text();
      const lines = text.trim().split('\r\n');
      expect(lines[0].replace('\uFEFF', '')).to.equal(
        'conversation_id,channel,conversation_started,timestamp,role,type,name,text,intent,score,outcome,reason,condition',
      );
      expect(text).to.include('conv-a,emulator,').and.include('condition_query');
      expect(text).to.include('"<script>alert(""x"")</script>'); // quoted, quotes doubled
      expect(text).to.not.include('0412 345 678'); // the enquiry's phone is not in transcripts
      const json = (await (await get(`/staff/export?from=${day}&to=${day}&format=json`, s)).json()) as Array<{
        conversation: { conversationId: string };
        activities: Activity[];
      }>;
      expect(json.map((c) => c.conversation.conversationId)).to.include.members(['conv-a', 'conv-b', 'conv-xss', 'conv-sms', 'conv-enquiry']);
      const empty = (await (await get('/staff/export?from=2001-01-01&to=2001-01-31&format=json', s)).json()) as unknown[];
      expect(empty).to.deep.equal([]);
      expect((await get('/staff/export?from=2025-02-30&format=csv', s)).status).to.equal(400);
      expect((await get(`/staff/export?from=${day}&to=2001-01-01&format=csv`, s)).status).to.equal(400);
      expect((await get('/staff/export?format=xml', s)).status).to.equal(400);
    });

    it('groups unanswered questions with counts and exports them as training candidates', async () => {
      const json = (await (await get('/staff/api/unanswered', s)).json()) as {
        items: Array<{ key: string; count: number; conversations: number; bestGuess: string }>;
      };
      const cupping = json.items.find((g) => g.key === 'do you do cupping')!;
      expect(cupping.count).to.equal(3); // "do you do cupping?", "Do you do cupping", "do you do cupping?!"
      expect(cupping.conversations).to.equal(3);
      expect(json.items[0].key).to.equal('do you do cupping'); // most frequent first
      const page = await (await get('/staff/unanswered', s)).text();
      expect(page).to.include('3×');
      const txt = await get('/staff/unanswered/export?format=txt', s);
      expect(txt.headers.get('content-disposition')).to.match(/attachment; filename="unanswered-.*\.txt"/);
      const body = await txt.text();
      const utterances = body.split('\n').filter((l) => l.trim() && !l.startsWith('#')); // the knowledge loader's rule
      expect(utterances).to.include('do you do cupping?!');
      expect(utterances.filter((u) => u.includes('cupping'))).to.have.length(1);
      expect(body).to.match(/^# Intent: [a-z_]+ \(best guess\)$/m);
      expect(utterances.join('\n')).to.not.include('[enquiry details]');
    });

    it('lists enquiries and marks one done (with CSRF)', async () => {
      const list = (await (await get('/staff/api/enquiries', s)).json()) as {
        items: Array<{ id: number; name: string; phone: string; status: string }>;
      };
      const robin = list.items.find((e) => e.name === 'Robin')!;
      expect(robin).to.include({ phone: '0412 345 678', status: 'new' });
      const page = await (await get('/staff/enquiries', s)).text();
      expect(page).to.include('Robin').and.include('0412 345 678').and.include('Mark done');

      const noToken = await post(`/staff/enquiries/${robin.id}/status`, { status: 'done' }, s);
      expect(noToken.status).to.equal(403);
      const wrongToken = await post(`/staff/enquiries/${robin.id}/status`, { status: 'done', csrf: 'guess' }, s);
      expect(wrongToken.status).to.equal(403);
      expect((await app.enquiries.get(robin.id))!.status).to.equal('new');

      const ok = await post(`/staff/enquiries/${robin.id}/status`, { status: 'done', csrf: s.csrf }, s, { accept: 'text/html' });
      expect(ok.status).to.equal(303);
      expect(await app.enquiries.get(robin.id)).to.include({ status: 'done', doneBy: 'alice' });
      const open = (await (await get('/staff/api/enquiries?status=new', s)).json()) as { items: Array<{ id: number }> };
      expect(open.items.map((e) => e.id)).to.not.include(robin.id);
      expect((await post('/staff/enquiries/999/status', { status: 'done', csrf: s.csrf }, s)).status).to.equal(404);
      expect((await post(`/staff/enquiries/${robin.id}/status`, { status: 'lost', csrf: s.csrf }, s)).status).to.equal(400);
    });

    it('deletes a conversation on request, with its enquiries and state (CSRF required)', async () => {
      const c = (await app.review.findConversation('emulator', 'conv-enquiry'))!;
      expect((await post(`/staff/conversations/${c.id}/delete`, {}, s)).status).to.equal(403);
      const res = await post(`/staff/conversations/${c.id}/delete`, { csrf: s.csrf }, s, { accept: 'text/html' });
      expect(res.status).to.equal(303);
      expect(await app.review.getConversation(c.id)).to.equal(undefined);
      expect(await app.enquiries.forConversation('emulator', 'conv-enquiry')).to.deep.equal([]);
      expect(await app.storage.read(['emulator/conversations/conv-enquiry/'])).to.deep.equal({});
      expect((await get(`/staff/api/conversations/${c.id}`, s)).status).to.equal(404);
      expect((await get(`/staff/conversations/${c.id}`, s, { accept: 'text/html' })).status).to.equal(404);
      expect(logLines.some((l) => l.includes('staff deleted a conversation'))).to.equal(true);
    });

    it('logs no message text at info level', () => {
      const all = logLines.join('\n');
      for (const text of ['dry needling help tennis', 'cupping', '<script>', 'Robin', '0412']) expect(all).to.not.include(text);
    });
  });

  // Last: failed sign-ins count against this client's address for 15 minutes.
  describe('sign-in', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie limited to /staff', async () => {
      const res = await signIn();
      expect(res.status).to.equal(303);
      expect(res.headers.get('location')).to.equal('/staff/conversations');
      const c = cookiesOf(res).find((x) => x.startsWith('clinic_staff='))!;
      expect(c)
        .to.match(/; HttpOnly/)
        .and.match(/; SameSite=Strict/)
        .and.match(/; Path=\/staff/)
        .and.match(/Max-Age=28800/);
      expect(logLines.some((l) => l.includes('"staff signed in"') && l.includes('"user":"alice"'))).to.equal(true);
    });

    it('a wrong password or unknown name is 401 and does not say which', async () => {
      const wrong = await signIn('alice', 'nope-nope-nope');
      const unknown = await signIn('mallory', PASSWORD);
      expect(wrong.status).to.equal(401);
      expect(unknown.status).to.equal(401);
      expect(await wrong.text()).to.include('Wrong name or password.');
      expect(await unknown.text()).to.include('Wrong name or password.');
      expect(cookieValue(wrong, 'clinic_staff')).to.equal(undefined);
    });

    it('a sign-in without the form’s nonce is refused (login CSRF)', async () => {
      const res = await fetch(`${base}/staff/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: 'alice', password: PASSWORD }).toString(),
      });
      expect(res.status).to.equal(403);
    });

    it('is rate-limited: after 5 failures even the right password waits (429, Retry-After)', async () => {
      for (let i = 0; i < 5; i++) expect((await signIn('bob', `wrong-${i}-password`)).status).to.not.equal(303);
      const blocked = await signIn('bob', PASSWORD);
      expect(blocked.status).to.equal(429);
      expect(Number(blocked.headers.get('retry-after'))).to.be.greaterThan(0);
      expect(cookieValue(blocked, 'clinic_staff')).to.equal(undefined);
    });
  });

  it('removing an account from STAFF_USERS ends its sessions (after a restart over the same database)', async () => {
    const secret = 'r'.repeat(40);
    const hash = await hashPassword(PASSWORD);
    const restartDir = mkdtempSync(join(tmpdir(), 'clinic-staff-removed-'));
    let first: RunningApp | undefined = await startTestApp({
      DATA_DIR: restartDir,
      STAFF_USERS: `dana:${hash},erin:${hash}`,
      STAFF_SESSION_SECRET: secret,
    });
    let second: RunningApp | undefined;
    try {
      const signInAs = async (port: number, name: string) => {
        const form = await fetch(`http://127.0.0.1:${port}/staff/login`);
        const nonce = /name="nonce" value="([^"]+)"/.exec(await form.text())![1];
        const res = await fetch(`http://127.0.0.1:${port}/staff/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieValue(form, 'clinic_staff_login')! },
          body: new URLSearchParams({ name, password: PASSWORD, nonce }).toString(),
        });
        return cookieValue(res, 'clinic_staff')!;
      };
      const dana = await signInAs(first.port, 'dana');
      const erin = await signInAs(first.port, 'erin');
      await first.close();
      first = undefined;
      second = await startTestApp({ DATA_DIR: restartDir, STAFF_USERS: `dana:${hash}`, STAFF_SESSION_SECRET: secret });
      const status = async (cookie: string) =>
        (await fetch(`http://127.0.0.1:${second!.port}/staff/api/conversations`, { headers: { cookie } })).status;
      expect(await status(dana)).to.equal(200); // sessions survive a restart
      expect(await status(erin)).to.equal(401); // but not the removal of the account
    } finally {
      await first?.close();
      await second?.close();
      rmSync(restartDir, { recursive: true, force: true });
    }
  });

  it('with no staff accounts the pages are off: 404 and a log line', async () => {
    const lines: string[] = [];
    const offDir = mkdtempSync(join(tmpdir(), 'clinic-staff-off-'));
    const off = await startTestApp(
      { DATA_DIR: offDir, STAFF_USERS: '' },
      { logger: createLogger('info', {}, { write: (l: string) => void lines.push(l) }) },
    );
    try {
      for (const path of ['/staff', '/staff/login', '/staff/api/conversations']) {
        const res = await fetch(`http://127.0.0.1:${off.port}${path}`);
        expect(res.status, path).to.equal(404);
        expect(((await res.json()) as { error: string }).error).to.match(/staff review is off/);
      }
      expect(lines.some((l) => l.includes('staff review is off'))).to.equal(true);
    } finally {
      await off.close();
      rmSync(offDir, { recursive: true, force: true });
    }
  });
});
