/**
 * The staff dashboard and enquiry follow-up in a real browser (Debian's Chromium through playwright-core): the
 * charts render with no script error or CSP violation, each has its table, the date range works, and a receptionist
 * takes an enquiry, records the call and sees the history. Screenshots go to test-artifacts/ (not committed;
 * docs/staff-dashboard.png is a copy of the dashboard one). Skips only when /usr/bin/chromium is not installed.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningApp } from '../src/app';
import { TRACE_NAME, TRACE_VALUE_TYPE } from '../src/turn/trace';
import { PROJECT_ROOT } from '../src/config';
import { hashPassword } from '../src/staff/auth';
import { ask, startTestApp } from './helpers';
import { CHROMIUM, CHROMIUM_ARGS } from './browserSetup';

const PASSWORD = 'a long staff password';
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const DAY = 86_400_000;

/** A fortnight of past conversations logged as the bot logs them (message, recognition trace, reply). */
async function pastTraffic(app: RunningApp): Promise<number> {
  const questions: Array<[string, string, string, string | undefined]> = [
    ['what is dry needling?', 'what_is', 'answered', undefined],
    ['can acupuncture help my lower back pain?', 'condition_query', 'answered', 'Lower back pain'],
    ['does dry needling hurt', 'side_effects', 'answered', undefined],
    ['can it help tennis elbow', 'condition_query', 'answered', 'Tennis elbow (lateral epicondylitis)'],
    ['how much is a session', 'out_of_scope', 'fallback', undefined],
    ['is it safe when pregnant', 'safety', 'clarify', undefined],
    ['headaches?', 'condition_query', 'answered', 'Headaches and migraine'],
    ['I want to speak to someone', 'human', 'handoff', undefined],
  ];
  let n = 0;
  let seq = 0;
  for (let d = 13; d >= 1; d--) {
    const count = 3 + ((d * 7) % 5);
    for (let i = 0; i < count; i++) {
      const at = Date.now() - d * DAY + i * 600_000;
      const conversation = `past-${d}-${i}`;
      const base = { channelId: i % 3 ? 'directline' : 'msteams', conversation: { id: conversation } };
      for (let t = 0; t < 1 + (i % 2); t++) {
        const [text, intent, outcome, condition] = questions[(d + i + t * 3) % questions.length];
        const when = at + t * 60_000;
        await app.transcripts.logActivities([
          {
            ...base,
            type: 'message',
            id: `p${++seq}`,
            from: { id: 'patient', role: 'user' },
            recipient: { id: 'bot' },
            text,
            timestamp: new Date(when),
          } as Activity,
        ]);
        await app.transcripts.logActivities([
          {
            ...base,
            type: 'trace',
            id: `p${++seq}`,
            name: TRACE_NAME,
            valueType: TRACE_VALUE_TYPE,
            from: { id: 'bot', role: 'bot' },
            recipient: { id: 'patient' },
            timestamp: new Date(when + 1),
            value: {
              text,
              intent,
              score: outcome === 'answered' ? 0.82 : 0.2,
              alternatives: [],
              entities: condition ? [{ type: 'condition', value: condition, text }] : [],
              outcome,
              reason: outcome === 'fallback' ? 'out_of_scope' : 'classified',
            },
          } as unknown as Activity,
          {
            ...base,
            type: 'message',
            id: `p${++seq}`,
            from: { id: 'bot', role: 'bot' },
            recipient: { id: 'patient' },
            text: 'reply',
            timestamp: new Date(when + 2),
          } as Activity,
        ]);
      }
      n++;
    }
  }
  return n;
}

describe('staff dashboard and enquiry follow-up in a real browser (Chromium)', function () {
  this.timeout(90_000);
  let dir: string;
  let app: RunningApp;
  let context: BrowserContext;
  let page: Page;
  let past = 0;
  const problems: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this).`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'clinic-browser-wf-'));
    const hash = await hashPassword(PASSWORD);
    app = await startTestApp({ DATA_DIR: dir, STAFF_USERS: `dana:${hash},eli:${hash}`, STAFF_SESSION_SECRET: 'd'.repeat(48) });
    past = await pastTraffic(app);
    await ask(app.port, 'today-1', 'what is dry needling?');
    await ask(app.port, 'today-2', 'I have chest pain');
    for (const text of ['please call me back', 'yes', 'Sam Rivers', '0412 000 111', 'after 3pm', 'my shoulder', 'yes'])
      await ask(app.port, 'today-enquiry', text);
    mkdirSync(ARTIFACTS, { recursive: true });

    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: CHROMIUM_ARGS,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
  });

  after(async () => {
    await context?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const base = () => `http://127.0.0.1:${app.port}`;

  it('lands on the dashboard after signing in, with every chart drawn and its table beside it', async () => {
    await page.goto(`${base()}/staff/login`);
    await page.getByLabel('Name').fill('dana');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/dashboard');
    expect(await page.locator('h1').textContent()).to.equal('Dashboard');
    const charts = page.locator('figure.chart-box');
    expect(await charts.count()).to.equal(6);
    // Charts are visible and drawn (columns, a line, bars), each labelled for screen readers.
    for (const name of [
      'Conversations per day',
      'How patient messages ended, share per day',
      'Unanswered questions per day',
      'Enquiries received per day',
    ]) {
      const chart = page.getByRole('img', { name });
      expect(await chart.isVisible(), name).to.equal(true);
      expect((await chart.boundingBox())!.width).to.be.greaterThan(300);
    }
    expect(await page.locator('svg.chart rect').count()).to.be.greaterThan(30);
    expect(await page.locator('svg.chart polyline').count()).to.equal(1);
    const perDay = page.getByRole('table', { name: 'Conversations per day' });
    expect(await perDay.locator('tbody tr').count()).to.equal(30);
    const counts = await perDay.locator('tbody td').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).to.equal(past + 3);
    expect(await page.locator('.cards').textContent()).to.match(new RegExp(`${past + 3}\\s*conversations`));
    await page.screenshot({ path: join(ARTIFACTS, 'staff-dashboard.png'), fullPage: false });
    expect(problems).to.deep.equal([]);
  });

  it('narrows the date range, and keeps the charts and tables in step', async () => {
    await page.getByRole('link', { name: 'Last 7 days' }).click();
    await page.waitForURL('**/staff/dashboard?from=*');
    expect(await page.getByRole('table', { name: 'Conversations per day' }).locator('tbody tr').count()).to.equal(7);
    await page.screenshot({ path: join(ARTIFACTS, 'staff-dashboard-7-days.png'), fullPage: true });
    expect(problems).to.deep.equal([]);
  });

  it('a receptionist takes an enquiry, records the call and sees who did what', async () => {
    await page.getByRole('link', { name: /^Enquiries/ }).click();
    await page.getByRole('link', { name: 'Sam Rivers' }).click();
    await page.waitForURL('**/staff/enquiries/*');
    await page.getByLabel('Owner').selectOption('dana');
    await page.getByLabel('Outcome').selectOption('left_message');
    await page.getByLabel('Add a note').fill('Voicemail left at 3:10pm, will try again tomorrow morning');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.getByRole('status').textContent()).to.include('Saved.');
    const history = page.locator('ol.history li');
    expect(await history.count()).to.equal(3);
    expect(await history.allTextContents()).to.satisfy((lines: string[]) =>
      lines.some((l) => /dana\s+added a note: Voicemail left at 3:10pm/.test(l)),
    );
    await page.getByLabel('Outcome').selectOption('booked');
    await page.getByLabel('Status').selectOption('done');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await history.count()).to.equal(5);
    await page.screenshot({ path: join(ARTIFACTS, 'staff-enquiry-follow-up.png'), fullPage: true });

    // The list, filtered by owner, shows who has it and how it ended.
    await page.goto(`${base()}/staff/enquiries`);
    await page.getByLabel('Status').selectOption('all');
    await page.getByLabel('Owner').selectOption('dana');
    await page.getByRole('button', { name: 'Show' }).click();
    const row = page.locator('table tbody tr').first();
    expect(await row.textContent())
      .to.include('Sam Rivers')
      .and.include('dana')
      .and.include('booked');
    await page.getByLabel('Owner').selectOption('eli');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(await page.locator('table tbody tr').first().textContent()).to.include('No enquiries.');
    await page.screenshot({ path: join(ARTIFACTS, 'staff-enquiries-by-owner.png'), fullPage: true });
    expect(problems).to.deep.equal([]);
  });
});
