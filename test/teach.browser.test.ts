/**
 * Teaching in a real browser (Debian's Chromium via playwright-core): a patient's question goes unanswered in the
 * website chat; a member of staff, in the same browser, finds it on the Unanswered page, teaches it (preview, then
 * apply) on the script-free staff pages, and the website chat answers it, with no restart.
 */
import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../src/staff/auth';
import { startTestApp, TestApp } from './appHelpers';
import { tempDataDir } from './helpers';
import { firstPage, launchChromium, requireChromium } from './browserSetup';

const PASSWORD = 'a long staff password';
const QUESTION = 'who do i ring about my visit';

describe('staff teach an unanswered question in a real browser (Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let context: BrowserContext;
  let chat: Page;
  let staff: Page;
  let profile: string;
  const problems: string[] = [];

  before(async function () {
    requireChromium(this);
    const dir = tempDataDir();
    app = await startTestApp({
      DATA_DIR: dir,
      MODEL_PATH: join(dir, 'model.json'),
      STAFF_USERS: `carol:${await hashPassword(PASSWORD)}`,
      STAFF_SESSION_SECRET: 'b'.repeat(48),
      TEACH_POLL_SECONDS: '0',
    });
    ({ context, profile } = await launchChromium(
      {
        viewport: { width: 1000, height: 900 },
      },
      'chromium-teach-',
    ));
    chat = await firstPage(context);
    staff = await context.newPage();
    for (const p of [chat, staff]) {
      p.on('pageerror', (e) => problems.push(e.message));
      p.on('console', (m) => m.type() === 'error' && /CSP|Content Security Policy/i.test(m.text()) && problems.push(m.text()));
    }
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await app?.close();
  });

  const sendBox = () => chat.locator('[data-id="webchat-sendbox-input"]');
  const bubbles = (text: string) => chat.locator('.webchat__bubble__content', { hasText: text });
  const ask = async (text: string) => {
    await sendBox().fill(text);
    await sendBox().press('Enter');
  };

  it('a question the chat could not answer is taught from the Unanswered page and then answered in the chat', async () => {
    await chat.goto(`${app.base}/`);
    await bubbles('I can explain what acupuncture and dry needling are').first().waitFor({ timeout: 30_000 });
    await ask(QUESTION);
    await bubbles('not something I can help with').first().waitFor({ timeout: 20_000 });
    expect(await bubbles('Address:').count(), 'not answered with the clinic details yet').to.equal(0);

    await staff.goto(`${app.base}/staff/login`);
    await staff.getByLabel('Name').fill('carol');
    await staff.getByLabel('Password').fill(PASSWORD);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.waitForURL('**/staff/dashboard');
    await staff.goto(`${app.base}/staff/unanswered`);
    const row = staff.locator('table tbody tr', { hasText: QUESTION });
    await row.getByRole('link', { name: 'Teach…' }).click();
    expect(await staff.locator('.box').first().textContent()).to.include('The bot understands now: out_of_scope');
    await staff.getByLabel('It is a question about').selectOption('contact');
    await staff
      .locator('form', { has: staff.getByLabel('It is a question about') })
      .getByRole('button', { name: 'Preview' })
      .click();
    await staff.waitForURL('**/staff/teach/preview');
    expect(await staff.locator('.box').first().textContent()).to.include('After the change: contact');
    await staff.getByRole('button', { name: 'Apply now' }).click();
    expect(await staff.getByRole('status').textContent()).to.include('now answers');

    await staff.goto(`${app.base}/staff/unanswered`);
    expect(await staff.locator('table tbody').textContent()).to.not.include(QUESTION);

    // The same website conversation, no reload: now it is answered with the clinic's contact details.
    await ask(QUESTION);
    await bubbles('Address:').first().waitFor({ timeout: 30_000 });
    expect(await bubbles('not something I can help with').count(), 'declined only the first time').to.equal(1);
    expect(problems).to.deep.equal([]);
  });
});
