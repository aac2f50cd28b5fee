/**
 * The website chat on a phone (Chromium, 390 x 844, touch), as a visitor there would notice it: the privacy
 * notice before the first message, replies one item per line with tap-to-call and email links, the emergency
 * reply set apart as an alert with 000 to tap, suggested actions big enough to tap and all on screen, the
 * clinic's name (not "Bot EN") read out for the bot, the page in en-AU, and "New conversation" asking first.
 * A screenshot is saved to test-artifacts/webchat-phone.png (not committed).
 *
 * Skips, saying so, only when /usr/bin/chromium is missing on a developer's machine; under CI it fails instead.
 */
import { expect } from 'chai';
import { patientClinic } from '../src/teach/placeholders';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/config';
import { clinic } from './helpers';
import { startTestApp, TestApp } from './appHelpers';
import { firstPage, launchChromium, requireChromium } from './browserSetup';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const PHONE = { width: 390, height: 844 };
const PRIVACY_URL = 'https://www.clinic.example/privacy';

describe('the website chat on a phone (Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const scriptErrors: string[] = [];
  const { knowledge } = clinic();

  before(async function () {
    requireChromium(this);
    app = await startTestApp({ TRANSCRIPT_RETENTION_DAYS: '90', CLINIC_PRIVACY_URL: PRIVACY_URL });
    ({ context, profile } = await launchChromium({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    }));
    page = await firstPage(context);
    page.on('console', (msg) => {
      if (msg.type() === 'error') scriptErrors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => scriptErrors.push(`page error: ${err.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${app.base}/`);
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await app?.close();
  });

  const sendBox = () => page.locator('[data-id="webchat-sendbox-input"]');
  const botBubble = (text: string) =>
    page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content', { hasText: text }).last();
  const ask = async (text: string) => {
    await sendBox().fill(text);
    await sendBox().press('Enter');
  };
  /** The rendered lines of an element: text split where the browser broke it (<br>, blocks). */
  const linesOf = (locator: ReturnType<Page['locator']>) =>
    locator.evaluate((el) =>
      (el as HTMLElement).innerText
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );

  it('says what is stored, for how long, who reads it and links the privacy policy before the first message', async () => {
    const notice = page.locator('#privacy');
    await notice.waitFor();
    expect(await notice.evaluate((el) => (el as HTMLDetailsElement).open)).to.equal(true);
    const text = await notice.innerText();
    expect(text).to.contain('90 days');
    expect(text).to.match(/staff read/i);
    expect(text).to.match(/Nothing is saved until you send a message/);
    expect(await notice.getByRole('link', { name: /privacy policy/i }).getAttribute('href')).to.equal(PRIVACY_URL);
    expect(await notice.isVisible()).to.equal(true);
    expect(await page.locator('html').getAttribute('lang')).to.equal('en-AU');
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-id="webchat-sendbox-input"]').isVisible(), 'the send box is on screen under the notice').to.equal(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-phone-notice.png') });
  });

  it('shows every suggested action on screen, each at least 44 px tall', async () => {
    await botBubble('I can explain what acupuncture and dry needling are').waitFor({ timeout: 30_000 });
    const buttons = page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button');
    await buttons.first().waitFor();
    const count = await buttons.count();
    expect(count).to.be.greaterThan(2);
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      expect(box, `button ${i}`).to.not.equal(null);
      expect(box!.height, `height of "${await button.innerText()}"`).to.be.at.least(44);
      expect(box!.x, 'left edge on screen').to.be.at.least(0);
      expect(box!.x + box!.width, `"${await button.innerText()}" fits the screen`).to.be.at.most(PHONE.width);
    }
    // No carousel arrows to hide a button behind.
    expect(await page.locator('.webchat__suggested-actions__carousel, [aria-label="Right"], .react-film__flipper').count()).to.equal(0);
  });

  it('reads the bot’s messages out under the clinic’s name, not the avatar’s initials', async () => {
    const spoken = await page.locator('.webchat__basic-transcript').innerText();
    const hidden = await page.evaluate(() => document.querySelector('.webchat__basic-transcript')?.textContent ?? '');
    expect(hidden + spoken).to.contain(`${patientClinic(knowledge.clinic).name} said:`);
    expect(hidden).to.not.match(/\bBot [A-Z]{1,2} said/);
  });

  it('keeps contact details one per line, with the phone number and email as links, and folds the notice once the visitor writes', async () => {
    await ask('can I talk to a real person please?');
    const reply = botBubble('Email:');
    await reply.waitFor({ timeout: 20_000 });
    const lines = await linesOf(reply);
    const phoneLine = lines.find((l) => l.startsWith('Phone:'));
    const emailLine = lines.find((l) => l.startsWith('Email:'));
    expect(phoneLine, `a line for the phone in ${JSON.stringify(lines)}`).to.be.a('string');
    expect(emailLine, 'a line of its own for the email').to.be.a('string');
    expect(phoneLine).to.not.contain('Email');
    const tel = reply.locator('a[href^="tel:"]').first();
    expect(await tel.getAttribute('href')).to.match(/^tel:\+?\d{6,15}$/);
    expect(await reply.locator(`a[href="mailto:${knowledge.clinic.email}"]`).count()).to.equal(1);
    expect(await page.locator('#privacy').evaluate((el) => (el as HTMLDetailsElement).open)).to.equal(false);
  });

  it('sets the emergency reply apart as an alert, with the emergency number to tap', async () => {
    await ask('I have crushing chest pain and my left arm is numb');
    const alert = page.locator('.webchat__bubble__content [role="alert"]').last();
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).to.contain(knowledge.clinic.emergencyNumber);
    const call = alert.locator(`a[href="tel:${knowledge.clinic.emergencyNumber}"]`);
    expect(await call.count()).to.equal(1);
    const box = await call.boundingBox();
    expect(box!.height).to.be.at.least(44);
    // Ordinary replies are not alerts.
    expect(await page.locator('.webchat__bubble__content [role="alert"]').count()).to.equal(1);
  });

  it('gives the footer’s numbers as tap-to-call links and its email as a mailto: link', async () => {
    const footer = page.locator('.clinic-footer');
    expect(await footer.locator(`a[href="tel:${knowledge.clinic.emergencyNumber}"]`).count()).to.equal(1);
    expect(await footer.locator('a[href^="tel:"]').count()).to.equal(2);
    expect(await footer.locator(`a[href="mailto:${knowledge.clinic.email}"]`).count()).to.equal(1);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.waitForTimeout(800); // only for the picture: let Web Chat finish scrolling
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-phone.png') });
  });

  it('asks before “New conversation” wipes the chat, and keeps it when the visitor says no', async () => {
    const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('clinic-chat.conversation') ?? 'null'));
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.waitForTimeout(500);
    expect(asked).to.match(/new conversation/i);
    expect(await botBubble('Email:').count()).to.equal(1);
    const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('clinic-chat.conversation') ?? 'null'));
    expect(kept.conversationId).to.equal(before.conversationId);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'New conversation' }).click();
    await botBubble('I can explain what acupuncture and dry needling are').waitFor({ timeout: 30_000 });
    expect(await page.locator('.webchat__bubble__content', { hasText: 'Email:' }).count()).to.equal(0);
    expect(scriptErrors, 'script errors and CSP violations').to.deep.equal([]);
  });
});
