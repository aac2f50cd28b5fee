/**
 * The staff pages as a place to work from, over HTTP on the real app: the dashboard (landing page, charts drawn on
 * the server with a table each, date range), enquiry follow-up (owner, outcome, notes, history, filters), and the
 * friendlier conversation list and transcript (totals, page numbers, first message as the link, readable
 * recognition, HTML error pages for bad input).
 */
import { expect } from 'chai';
import type { RunningApp } from '../src/app';
import { hashPassword } from '../src/staff/auth';
import { ask, startTestApp } from './helpers';
import { postSignIn, staffGet, staffPost, staffSignIn, StaffSession } from './staffSession';

const PASSWORD = 'correct horse battery staple';

describe('staff workflow pages (HTTP)', function () {
  this.timeout(60_000);
  let app: RunningApp;
  let base: string;
  let alice: StaffSession;

  before(async () => {
    const hash = await hashPassword(PASSWORD);
    app = await startTestApp({ STAFF_USERS: `alice:${hash},bob:${hash}`, STAFF_SESSION_SECRET: 'y'.repeat(40) });
    base = `http://127.0.0.1:${app.port}`;
    await ask(app.port, 'w-answered', 'what is dry needling?');
    await ask(app.port, 'w-answered', 'can acupuncture help with tennis elbow?');
    await ask(app.port, 'w-declined', 'what is the weather like on mars');
    await ask(app.port, 'w-urgent', 'I have chest pain');
    await ask(app.port, 'w-photo', '', {
      attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/knee.png', name: 'knee.png' }],
    });
    for (const text of ['please call me back', 'yes', 'Robin Quill', '0412 345 678', 'mornings', 'skip', 'yes'])
      await ask(app.port, 'w-enquiry', text);
    alice = await staffSignIn(base, 'alice', PASSWORD);
  });

  after(async () => {
    await app?.close();
  });

  describe('dashboard', () => {
    it('is where staff land after signing in', async () => {
      const res = await postSignIn(base, 'bob', PASSWORD);
      expect(res.status).to.equal(303);
      expect(res.headers.get('location')).to.equal('/staff/dashboard');
      expect((await staffGet(alice, '/staff')).headers.get('location')).to.equal('/staff/dashboard');
    });

    it('draws the charts as inline SVG with a table of the same figures beside each, and no script', async () => {
      const res = await staffGet(alice, '/staff/dashboard');
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-security-policy'))
        .to.match(/default-src 'none'/)
        .and.not.match(/unsafe-inline/);
      const page = await res.text();
      expect(page).to.not.match(/<script|style="/i);
      const charts = page.match(/<svg class="chart"[^>]*role="img"/g) ?? [];
      expect(charts.length).to.equal(6);
      expect((page.match(/<table class="chart-table">/g) ?? []).length).to.equal(6);
      for (const title of [
        'Conversations per day',
        'How patient messages ended',
        'Unanswered questions per day',
        'Enquiries received per day',
        'What patients asked about most',
        'Conditions asked about most',
      ]) {
        expect(page).to.include(title);
      }
      expect(page).to.match(/<strong>5<\/strong> conversations/);
      expect(page).to.match(/<th scope="row">Tennis elbow[^<]*<\/th><td>1<\/td>/); // a condition asked about, in the ranking's table
    });

    it('gives the same figures as JSON: conversations, outcomes, unanswered, intents, conditions, enquiries', async () => {
      const stats = (await (await staffGet(alice, '/staff/api/dashboard')).json()) as any;
      expect(stats.days).to.have.length(30);
      expect(stats.totals.conversations).to.equal(5);
      expect(stats.totals.outcomes.urgent).to.equal(1);
      expect(stats.totals.outcomes.answered).to.be.at.least(2);
      expect(stats.totals.unanswered).to.be.at.least(1);
      expect(stats.conditions.map((c: any) => c.name).join()).to.match(/Tennis elbow/);
      expect(stats.enquiriesNow).to.deep.equal({ open: 1, done: 0 });
      const empty = (await (await staffGet(alice, '/staff/api/dashboard?from=2020-01-01&to=2020-01-07')).json()) as any;
      expect(empty.days.map((d: any) => d.day)).to.deep.equal([
        '2020-01-01',
        '2020-01-02',
        '2020-01-03',
        '2020-01-04',
        '2020-01-05',
        '2020-01-06',
        '2020-01-07',
      ]);
      expect(empty.totals.conversations).to.equal(0);
    });

    it('answers a bad date range with an HTML page in a browser and JSON to a script', async () => {
      const page = await staffGet(alice, '/staff/dashboard?from=2025-02-30', { accept: 'text/html' });
      expect(page.status).to.equal(400);
      expect(page.headers.get('content-type')).to.match(/text\/html/);
      expect(await page.text()).to.include('from must be a date like 2025-03-31');
      const reversed = await staffGet(alice, '/staff/api/dashboard?from=2025-03-10&to=2025-03-01');
      expect(reversed.status).to.equal(400);
      expect(((await reversed.json()) as any).error).to.match(/must not be before/);
      expect((await staffGet(alice, '/staff/api/dashboard?from=2020-01-01&to=2025-01-01')).status).to.equal(400);
    });
  });

  describe('enquiry follow-up', () => {
    it('records owner, outcome, status and notes with who changed what, shown on the enquiry’s page', async () => {
      const [enquiry] = (await app.enquiries.list()).items;
      const saved = await staffPost(alice, `/staff/enquiries/${enquiry.id}`, {
        owner: 'bob',
        outcome: 'left_message',
        status: 'new',
        note: 'Left a voicemail at 10:15, will try after lunch',
      });
      expect(saved.status).to.equal(303);
      expect(saved.headers.get('location')).to.equal(`/staff/enquiries/${enquiry.id}?updated=1`);
      const bob = await staffSignIn(base, 'bob', PASSWORD);
      await staffPost(bob, `/staff/enquiries/${enquiry.id}`, { owner: 'bob', outcome: 'booked', status: 'done', note: '' });
      const page = await (await staffGet(alice, `/staff/enquiries/${enquiry.id}`)).text();
      expect(page).to.include('Robin Quill');
      expect(page).to.match(/<strong>alice<\/strong> gave it to <strong>bob<\/strong>/);
      expect(page).to.match(/<strong>alice<\/strong> set the outcome to <strong>left a message<\/strong>/);
      expect(page).to.include('added a note: <span class="pre">Left a voicemail at 10:15, will try after lunch</span>');
      expect(page).to.match(/<strong>bob<\/strong> marked it done/);
      expect(page).to.match(/<strong>bob<\/strong> set the outcome to <strong>booked<\/strong>/);
      expect(page).to.match(/<option value="booked" selected>/);
      const api = (await (await staffGet(alice, `/staff/api/enquiries/${enquiry.id}`)).json()) as any;
      expect(api.enquiry).to.include({ owner: 'bob', outcome: 'booked', status: 'done', doneBy: 'bob' });
      expect(api.history.map((h: any) => `${h.by} ${h.action} ${h.value}`)).to.deep.equal([
        'alice owner bob',
        'alice outcome left_message',
        'alice note Left a voicemail at 10:15, will try after lunch',
        'bob status done',
        'bob outcome booked',
      ]);
    });

    it('filters the list by status and owner, and paging keeps both', async () => {
      const byBob = await (await staffGet(alice, '/staff/enquiries?status=all&owner=bob')).text();
      expect(byBob).to.include('Robin Quill');
      expect(byBob).to.match(/<td>bob<\/td>/);
      expect(await (await staffGet(alice, '/staff/enquiries?status=all&owner=alice')).text()).to.not.include('Robin Quill');
      expect(await (await staffGet(alice, '/staff/enquiries?status=new&owner=bob')).text()).to.not.include('Robin Quill');
      expect(await (await staffGet(alice, '/staff/enquiries?status=all&owner=-')).text()).to.not.include('Robin Quill');
      const api = (await (await staffGet(alice, '/staff/api/enquiries?status=done&owner=bob')).json()) as any;
      expect(api.items.map((e: any) => e.name)).to.deep.equal(['Robin Quill']);
    });

    it('refuses an unknown owner or outcome, a note that is too long, and a form without its CSRF token', async () => {
      const [enquiry] = (await app.enquiries.list()).items;
      const unknown = await staffPost(alice, `/staff/enquiries/${enquiry.id}`, { owner: 'mallory' });
      expect(unknown.status).to.equal(400);
      expect(await unknown.text()).to.include('The owner must be one of the staff accounts.');
      expect((await staffPost(alice, `/staff/enquiries/${enquiry.id}`, { outcome: 'vanished' })).status).to.equal(400);
      expect((await staffPost(alice, `/staff/enquiries/${enquiry.id}`, { note: 'x'.repeat(2001) })).status).to.equal(400);
      expect((await staffPost(alice, `/staff/enquiries/${enquiry.id}`, { csrf: 'forged', owner: 'alice' })).status).to.equal(403);
      expect((await staffPost(alice, '/staff/enquiries/999999', { owner: 'alice' })).status).to.equal(404);
      expect((await staffGet(alice, '/staff/api/enquiries?owner=mallory')).status).to.equal(400);
      expect(((await (await staffGet(alice, `/staff/api/enquiries/${enquiry.id}`)).json()) as any).history).to.have.length(5);
    });
  });

  describe('conversation list and transcript', () => {
    it('shows the total and page numbers, links each row by its first message ("[photo]" for a photo), and paging keeps every filter', async () => {
      const page = await (await staffGet(alice, '/staff/conversations?limit=2&channel=emulator')).text();
      expect(page).to.match(/<strong>5<\/strong> conversations · page 1 of 3/);
      expect(page).to.match(/<a href="\/staff\/conversations\/\d+">please call me back<\/a>/);
      const second = /<a href="(\/staff\/conversations\?[^"]*page=2[^"]*)" rel="next">/.exec(page)![1].replace(/&amp;/g, '&');
      const params = new URL(second, base).searchParams;
      expect(Object.fromEntries(params)).to.deep.equal({ channel: 'emulator', limit: '2', page: '2' });
      expect(page).to.match(/<a href="\/staff\/conversations\?channel=emulator&amp;limit=2&amp;page=3">3<\/a>/);
      const two = await (await staffGet(alice, second)).text();
      expect(two).to.match(/page 2 of 3/);
      expect(two).to.match(/<span aria-current="page" class="current">2<\/span>/);
      const all = await (await staffGet(alice, '/staff/conversations')).text();
      expect(all).to.match(/<a href="\/staff\/conversations\/\d+">\[photo\]<\/a>/);
      const searched = await (await staffGet(alice, '/staff/conversations?q=chest')).text();
      expect(searched).to.match(/<strong>1<\/strong> conversation ·/);
    });

    it('says what the bot understood in words, with the raw figures on demand', async () => {
      const row = (await app.review.findConversation('emulator', 'w-answered'))!;
      const page = await (await staffGet(alice, `/staff/conversations/${row.id}`)).text();
      expect(page).to.match(
        /Understood as: <strong>[a-z ]+<\/strong> <span class="confidence (low|medium|high)">\((low|medium|high) confidence\)<\/span>/,
      );
      expect(page).to.match(/<details class="small"><summary>Figures<\/summary>/);
      expect(page).to.match(/<dt>Score<\/dt><dd>\d\.\d\d<\/dd>/);
      const declined = await (
        await staffGet(alice, `/staff/conversations/${(await app.review.findConversation('emulator', 'w-declined'))!.id}`)
      ).text();
      expect(declined).to.match(/\(low confidence\)|could not answer/);
    });

    it('answers bad input on HTML routes with an HTML page, not raw JSON', async () => {
      const res = await staffGet(alice, '/staff/export?from=2025-02-30&format=csv', { accept: 'text/html' });
      expect(res.status).to.equal(400);
      expect(res.headers.get('content-type')).to.match(/text\/html/);
      const page = await res.text();
      expect(page).to.include('from must be a date like 2025-03-31');
      expect(page).to.include('<nav>');
      const list = await staffGet(alice, '/staff/conversations?page=zero', { accept: 'text/html' });
      expect(list.status).to.equal(400);
      expect(await list.text()).to.include('page must be a page number');
    });
  });

  describe('audit log', () => {
    it('records who viewed, exported, deleted or changed what, without patient details, on a page and in an export', async () => {
      const row = (await app.review.findConversation('emulator', 'w-declined'))!;
      const [enquiry] = (await app.enquiries.list({ status: 'done' })).items;
      const bob = await staffSignIn(base, 'bob', PASSWORD);
      await staffGet(bob, `/staff/conversations/${row.id}`);
      await staffGet(bob, `/staff/conversations/${row.id}/transcript`);
      await staffGet(bob, '/staff/export?from=2020-01-01&to=2030-12-31&format=json');
      await staffGet(bob, '/staff/conversations/999999'); // a 404 is not recorded
      expect((await staffPost(bob, `/staff/conversations/${row.id}/delete`, {})).status).to.equal(303);
      const api = async (query: string) => {
        const csv = await (await staffGet(alice, `/staff/audit/export?format=json&${query}`)).json();
        return (csv as any[]).map((e) => [e.user, e.action, e.target, e.detail ?? ''].join(' | '));
      };
      await new Promise((r) => setTimeout(r, 100)); // entries are written once each response has been sent
      const byBob = await api('user=bob');
      expect(byBob).to.deep.equal([
        `bob | deleted conversation | conversation ${row.id} | `,
        'bob | exported conversations | 2020-01-01 to 2030-12-31 | json',
        `bob | exported transcript | conversation ${row.id} | `,
        `bob | viewed conversation | conversation ${row.id} | `,
        `bob | changed enquiry | enquiry ${enquiry.id} | status, owner, outcome`, // an empty note is no change
      ]);
      const byAlice = await api('user=alice&action=changed%20enquiry');
      expect(byAlice[byAlice.length - 1]).to.equal(`alice | changed enquiry | enquiry ${enquiry.id} | status, owner, outcome, note`);
      const all = JSON.stringify(await api(''));
      for (const secret of ['Robin', '0412', 'voicemail', 'weather']) expect(all).to.not.include(secret);
      // The export is itself recorded, and the page shows the log with links to what still exists.
      const page = await (await staffGet(alice, '/staff/audit?user=alice')).text();
      expect(page).to.match(/<td>alice<\/td><td>exported audit log<\/td>/);
      expect(page).to.match(new RegExp(`<a href="/staff/enquiries/${enquiry.id}">enquiry ${enquiry.id}</a>`));
      const csv = await (await staffGet(alice, '/staff/audit/export?format=csv&user=bob')).text();
      expect(csv.split('\r\n')[0].replace(/^\uFEFF/, '')).to.equal('at,user,action,target,detail');
      expect(csv).to.include(`,bob,deleted conversation,conversation ${row.id},`);
      expect((await staffGet(alice, '/staff/audit?user=mallory', { accept: 'text/html' })).status).to.equal(400);
    });
  });
});
