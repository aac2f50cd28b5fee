/**
 * The website chat as a visitor uses it: Debian's Chromium (driven by playwright-core) opens the page,
 * asks a question, clicks a suggested action, reloads and still has the conversation. The page must
 * make no request to another host and log no script error or CSP violation. A screenshot is saved to
 * test-artifacts/ (not committed).
 *
 * Skips, saying so, only when /usr/bin/chromium is missing on a developer's machine; .ci/run installs it,
 * and under CI a missing Chromium fails instead of skipping.
 */
import { expect } from 'chai';
import { patientClinic } from '../src/teach/placeholders';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/config';
import { clinic } from './helpers';
import { call, startTestApp, TestApp } from './appHelpers';
import { firstPage, launchChromium, requireChromium } from './browserSetup';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');

describe('the website chat page in a real browser (Chromium)', function () {
  this.timeout(90_000);
  let app: TestApp;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const foreignRequests: string[] = [];
  const scriptErrors: string[] = [];

  before(async function () {
    requireChromium(this);
    app = await startTestApp();
    ({ context, profile } = await launchChromium({
      viewport: { width: 900, height: 900 },
    }));
    page = await firstPage(context);
    const origin = new URL(app.base).origin;
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin.replace(/^ws/, 'http') !== origin) foreignRequests.push(url);
    });
    page.on('websocket', (ws) => {
      if (new URL(ws.url()).host !== new URL(origin).host) foreignRequests.push(ws.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') scriptErrors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => scriptErrors.push(`page error: ${err.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await app?.close();
  });

  const sendBox = () => page.locator('[data-id="webchat-sendbox-input"]');
  /** Message bubbles on screen containing the text (Web Chat repeats text in screen-reader labels, which are not counted). */
  const bubbles = (text: string) => page.locator('.webchat__bubble__content', { hasText: text });
  const fromUser = (text: string) => page.locator('.webchat__bubble--from-user .webchat__bubble__content', { hasText: text });
  const suggested = (title: string) => page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: title });
  const shown = (text: string, timeout = 10_000) => bubbles(text).first().waitFor({ timeout });

  it('shows the welcome with suggested actions, answers a question, follows a suggested action, and keeps the conversation across a reload', async () => {
    const { knowledge } = clinic();
    await page.goto(`${app.base}/`);
    expect(await page.title()).to.contain(patientClinic(knowledge.clinic).name);

    // The welcome, with its buttons.
    await shown('I can explain what acupuncture and dry needling are', 20_000);
    await suggested('About dry needling').waitFor();

    // A typed question and the article's answer.
    await sendBox().fill('what is dry needling?');
    await sendBox().press('Enter');
    await shown('grounded in Western medicine principles');

    // A suggested action under the answer: pressing it asks its question.
    await suggested('Conditions treated').click();
    await fromUser('What conditions can dry needling treat?').waitFor();
    await shown('more targeted for muscle relief and postural re-patterning');

    const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('clinic-chat.conversation') ?? 'null'));
    expect(before, 'sessionStorage keeps the conversation').to.include.keys('conversationId', 'token', 'watermark');
    expect(Number(before.watermark)).to.be.greaterThan(3);

    // Reload: the same conversation, with its history, and no second welcome.
    await page.reload();
    await shown('more targeted for muscle relief and postural re-patterning', 20_000);
    await shown('grounded in Western medicine principles');
    expect(await fromUser('what is dry needling?').count()).to.equal(1);
    expect(await bubbles('I can explain what acupuncture and dry needling are').count()).to.equal(1);
    const after = await page.evaluate(() => JSON.parse(sessionStorage.getItem('clinic-chat.conversation') ?? 'null'));
    expect(after.conversationId).to.equal(before.conversationId);

    // The bot still remembers what we talked about: "how does it work?" is about dry needling.
    await sendBox().fill('how does it work?');
    await sendBox().press('Enter');
    await shown('by applying targeted pressure and enhancing blood flow');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.waitForTimeout(800); // only for the picture: let Web Chat finish scrolling to the last message
    await page.screenshot({ path: join(ARTIFACTS, 'webchat.png'), fullPage: true });

    expect(foreignRequests, 'requests to other hosts').to.deep.equal([]);
    expect(scriptErrors, 'script errors and CSP violations').to.deep.equal([]);
  });

  it('starts a new conversation when the visitor asks for one', async () => {
    const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('clinic-chat.conversation') ?? 'null'));
    page.once('dialog', (dialog) => void dialog.accept()); // "Start a new conversation?"
    await page.getByRole('button', { name: 'New conversation' }).click();
    await shown('I can explain what acupuncture and dry needling are', 20_000);
    expect(await bubbles('grounded in Western medicine principles').count()).to.equal(0);
    const after = await page.evaluate(() => JSON.parse(sessionStorage.getItem('clinic-chat.conversation') ?? 'null'));
    expect(after.conversationId).to.not.equal(before.conversationId);
    // The old conversation is still private: its token does not open the new one.
    const peek = await call(`${app.directLineUrl}/conversations/${after.conversationId}/activities`, { token: before.token });
    expect(peek.status).to.equal(403);
    expect(scriptErrors).to.deep.equal([]);
  });
});
