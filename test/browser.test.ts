/**
 * Staff review in a real browser: Debian's Chromium driven by playwright-core (no bundled browser).
 * Skips only when /usr/bin/chromium is not installed; .ci/run installs it, so CI always runs this.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningApp } from '../src/app';
import { hashPassword } from '../src/staff/auth';
import { ask, startTestApp } from './helpers';
import { CHROMIUM, CHROMIUM_ARGS } from './browserSetup';

const PASSWORD = 'a long staff password';

describe('staff review in a real browser (Chromium)', function () {
  this.timeout(60_000);
  let dir: string;
  let app: RunningApp;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this).`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'clinic-browser-'));
    app = await startTestApp({ DATA_DIR: dir, STAFF_USERS: `carol:${await hashPassword(PASSWORD)}`, STAFF_SESSION_SECRET: 'b'.repeat(48) });
    for (const text of ['what is dry needling?', 'can dry needling help tennis elbow?']) await ask(app.port, 'browser-answered', text);
    await ask(app.port, 'browser-fallback', 'do you do cupping?');
    for (const text of ['I want to book an appointment', 'yes', 'Alex', 'alex@example.org', 'Friday', 'skip', 'yes'])
      await ask(app.port, 'browser-enquiry', text);

    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      args: CHROMIUM_ARGS,
    });
    page = context.pages()[0] ?? (await context.newPage());
    // A CSP violation, a missing asset or a script error would show up here.
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
  });

  after(async () => {
    await context?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const base = () => `http://127.0.0.1:${app.port}`;
  const rows = () => page.locator('table tbody tr');

  it('signs in', async () => {
    await page.goto(`${base()}/staff`);
    expect(new URL(page.url()).pathname).to.equal('/staff/login');
    await page.getByLabel('Name').fill('carol');
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).to.include('Wrong name or password');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/dashboard');
    expect(await page.locator('h1').textContent()).to.equal('Dashboard');
    await page.getByRole('link', { name: 'Conversations', exact: true }).click();
    expect(await page.locator('h1').textContent()).to.equal('Conversations');
    expect(await rows().count()).to.equal(3);
    expect(problems.splice(0)).to.deep.equal(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']); // the wrong password
  });

  it('filters by outcome and searches', async () => {
    await page.getByLabel('Outcome').selectOption('fallback');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL('**flag=fallback**');
    expect(await rows().count()).to.equal(1);
    expect(await rows().first().textContent())
      .to.include('do you do cupping?')
      .and.include('fallback');

    await page.getByRole('link', { name: 'Clear' }).click();
    await page.getByLabel('Search what patients wrote').fill('tennis');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL('**q=tennis**');
    expect(await rows().count()).to.equal(1);
    expect(await rows().first().textContent()).to.include('what is dry needling?');
  });

  it('opens a transcript and sees, for each turn, what the bot understood', async () => {
    await rows().first().getByRole('link').click();
    await page.waitForURL('**/staff/conversations/*');
    const turns = page.locator('tr.turn-user');
    expect(await turns.count()).to.equal(2);
    for (let i = 0; i < 2; i++) {
      const understood = await turns.nth(i).locator('dl.understood').textContent();
      expect(understood)
        .to.match(/Intent\s*\S+/)
        .and.match(/Score\s*\d\.\d\d/)
        .and.match(/Outcome\s*answered/);
    }
    const tennis = turns.nth(1);
    expect(await tennis.textContent()).to.include('can dry needling help tennis elbow?');
    expect(await tennis.locator('dl.understood').textContent())
      .to.include('condition_query')
      .and.include('Tennis elbow (lateral epicondylitis)');
    expect(await tennis.locator('td').nth(3).textContent()).to.match(/^Yes\./);
  });

  it('exports the transcript for the Emulator', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download .transcript' }).click()]);
    expect(download.suggestedFilename()).to.equal('emulator-browser-answered.transcript');
    const activities = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Array<{ type: string; text?: string; from: { role: string } }>;
    expect(activities.filter((a) => a.type === 'message' && a.from.role === 'user').map((a) => a.text)).to.deep.equal([
      'what is dry needling?',
      'can dry needling help tennis elbow?',
    ]);
  });

  it('exports a date range as CSV', async () => {
    await page.getByRole('link', { name: 'Conversations', exact: true }).click();
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Conversations started from').fill(day);
    await page.getByLabel('to (inclusive)').fill(day);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).to.include('conversation_id,channel').and.include('browser-fallback').and.include('browser-answered');
  });

  it('marks an enquiry done', async () => {
    await page.getByRole('link', { name: /^Enquiries/ }).click();
    expect(await rows().first().textContent())
      .to.include('Alex')
      .and.include('alex@example.org');
    await rows().first().getByRole('button', { name: 'Mark done' }).click();
    expect(await page.getByRole('status').textContent()).to.match(/updated/);
    expect((await app.enquiries.list()).items[0]).to.include({ status: 'done', doneBy: 'carol' });
  });

  it('signs out, and the pages are closed again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/staff/login');
    await page.goto(`${base()}/staff/enquiries`);
    expect(new URL(page.url()).pathname).to.equal('/staff/login');
    expect(problems).to.deep.equal([]);
  });
});
