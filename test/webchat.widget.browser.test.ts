/**
 * The website widget on a clinic's site (issue #17 items 3, 5, 6 and 8), in Chromium: a host site on an origin of
 * its own with the one line docs/website-chat.md gives (`<script src=".../widget.js" async>`).
 *
 * - A page view costs the launcher script only: no Web Chat, no token, no conversation until the chat is opened.
 * - Keyboard only: Tab reaches the launcher, Enter opens the panel with the focus in the send box, a question is
 *   answered, Escape minimises and gives the focus back to the launcher.
 * - Replies that arrive while minimised show as a count on the launcher; the panel stays open from page to page.
 * - The panel has the privacy notice and the page's reply formatting; a site that is not allowed gets a clear message.
 * - axe-core finds no serious or critical violation on the chat page or the open widget.
 *
 * Screenshots go to test-artifacts/. Skips, saying so, only when /usr/bin/chromium is missing on a developer's
 * machine; under CI it fails instead.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/config';
import { clinic } from './helpers';
import { startTestApp, TestApp } from './appHelpers';
import { documentedHtml, firstPage, hostPage, launchChromium, requireChromium } from './browserSetup';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const DOCUMENTED_BOT = 'https://chat.clinic.example';
const GREETING = 'Questions about acupuncture or dry needling? Ask us here.';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

/** The widget's embed line, exactly as docs/website-chat.md gives it. */
const documentedWidgetLine = () => documentedHtml('/widget.js');

/** A host site on its own origin: a page with a heading, a link and the widget line (and its own CSP, if given). */
function hostSite(widgetLine: () => string, csp?: () => string): Promise<{ server: Server; origin: string }> {
  return hostPage(
    () =>
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      `<title>Clinic site</title></head><body><main><h1>Our clinic</h1><p><a href="/about">About us</a></p></main>${widgetLine()}</body></html>`,
    (): Record<string, string> => (csp ? { 'content-security-policy': csp() } : {}),
  );
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's serious and critical violations in one document (the frame's own; frames inside are scanned apart). */
async function axeViolations(target: Page | Frame): Promise<string[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await target.evaluate(source); // evaluated by the DevTools protocol: the page's CSP does not apply
  const violations = (await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('the website widget on a clinic’s site (Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let allowed: { server: Server; origin: string };
  let refused: { server: Server; origin: string };
  let strict: { server: Server; origin: string };
  let profile: string;
  const scriptErrors: string[] = [];
  const { knowledge } = clinic();

  before(async function () {
    requireChromium(this);
    const line = documentedWidgetLine();
    allowed = await hostSite(() => line.split(DOCUMENTED_BOT).join(app.base));
    refused = await hostSite(() => line.split(DOCUMENTED_BOT).join(app.base));
    // A site with a strict Content-Security-Policy that allows the bot exactly as docs/website-chat.md says.
    strict = await hostSite(
      () => line.split(DOCUMENTED_BOT).join(app.base),
      () => `default-src 'none'; script-src ${app.base}; frame-src ${app.base}`,
    );
    app = await startTestApp({ WEBCHAT_ALLOWED_ORIGINS: `${allowed.origin},${strict.origin}`, WEBCHAT_GREETING: GREETING });
    ({ context, profile } = await launchChromium({
      viewport: { width: 1000, height: 800 },
    }));
    browser = context.browser()!;
    page = await firstPage(context);
    page.on('pageerror', (err) => scriptErrors.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') scriptErrors.push(`console: ${msg.text()}`);
    });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await app?.close();
    allowed?.server.close();
    refused?.server.close();
    strict?.server.close();
  });

  const launcher = () => page.getByRole('button', { name: /Chat with us/ });
  const chat = async (): Promise<Frame> => {
    const handle = await page.locator('iframe').elementHandle({ timeout: 20_000 });
    const frame = await handle!.contentFrame();
    if (!frame) throw new Error('no iframe content');
    return frame;
  };
  const fromBot = (frame: Frame, text: string) =>
    frame.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content', { hasText: text });
  /** What has the focus, looking into the widget's shadow root (its launcher, or its panel's frame). */
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      const inWidget = active?.shadowRoot?.activeElement;
      if (inWidget) return `widget:${inWidget.tagName === 'IFRAME' ? 'panel' : inWidget.className}`;
      return active?.tagName ?? '';
    });
  const tabTo = async (test: () => Promise<boolean>) => {
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await test()) return;
    }
    throw new Error('Tab never reached it');
  };

  it('costs a page view the launcher script only: no Web Chat, no token, no conversation until the chat is opened', async () => {
    const asked: string[] = [];
    const botHost = new URL(app.base).host;
    const listen = (req: { url(): string }) => {
      if (new URL(req.url()).host === botHost) asked.push(new URL(req.url()).pathname);
    };
    page.on('request', listen);
    await page.goto(`${allowed.origin}/`);
    await launcher().waitFor({ timeout: 20_000 });
    await page.getByRole('note').getByText(GREETING).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    page.off('request', listen);
    expect(asked).to.deep.equal(['/widget.js']);
    expect(await launcher().getAttribute('aria-expanded')).to.equal('false');
    expect(await page.locator('iframe').count()).to.equal(0);
  });

  it('lets the visitor dismiss the greeting, which then stays away on the next pages', async () => {
    const other = await context.newPage();
    await other.goto(`${allowed.origin}/`);
    const greeting = other.getByRole('note');
    await greeting.getByText(GREETING).waitFor({ timeout: 10_000 });
    await greeting.getByRole('button', { name: 'Dismiss the greeting' }).click();
    expect(await greeting.count()).to.equal(0);
    await other.goto(`${allowed.origin}/about`);
    await other.getByRole('button', { name: /Chat with us/ }).waitFor({ timeout: 20_000 });
    await other.waitForTimeout(3500); // longer than the greeting's delay
    expect(await other.getByRole('note').count()).to.equal(0);
    await other.evaluate(() => localStorage.clear()); // the next tests start as a new visitor
    await other.close();
  });

  it('works with the keyboard alone: Tab to the launcher, Enter opens with the focus in the send box, Escape minimises back to the launcher', async () => {
    await page.goto(`${allowed.origin}/`);
    await launcher().waitFor({ timeout: 20_000 });
    await tabTo(async () => (await focused()) === 'widget:launcher');
    await page.keyboard.press('Enter');
    expect(await launcher().getAttribute('aria-expanded')).to.equal('true');
    await page.getByRole('dialog', { name: /Chat with/ }).waitFor();
    const frame = await chat();
    await frame.locator(SEND_BOX).waitFor({ timeout: 30_000 });
    await frame.waitForFunction((sel) => document.activeElement === document.querySelector(sel), SEND_BOX, { timeout: 10_000 });
    expect(await focused()).to.equal('widget:panel');
    // Before the first message, the panel says what is stored, for how long and who reads it.
    const notice = frame.locator('#privacy');
    expect(await notice.evaluate((el) => (el as HTMLDetailsElement).open)).to.equal(true);
    expect(await notice.innerText())
      .to.match(/staff read/i)
      .and.match(/Nothing is saved until you send a message/);

    await page.keyboard.type('what is dry needling?');
    await page.keyboard.press('Enter');
    await fromBot(frame, 'grounded in Western medicine principles').first().waitFor({ timeout: 20_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'widget-open.png') });

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.classList.contains('launcher'), undefined, {
      timeout: 5000,
    });
    expect(await launcher().getAttribute('aria-expanded')).to.equal('false');
    expect(await page.getByRole('dialog').count(), 'the panel is hidden').to.equal(0);
    // The greeting went away for good once the chat was opened.
    expect(await page.getByRole('note').count()).to.equal(0);
  });

  it('counts the replies that come while minimised on the launcher, and clears the count on opening', async () => {
    const frame = await chat();
    // The question reaches the server a moment after the panel is minimised, so its answer comes while it is.
    await page.route('**/v3/directline/conversations/*/activities', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await launcher().click();
    await frame.locator(SEND_BOX).fill('what is acupuncture?');
    await frame.locator(SEND_BOX).press('Enter');
    await launcher().click();
    await launcher().filter({ hasText: '1 new reply' }).waitFor({ timeout: 20_000 });
    expect(await launcher().getAttribute('aria-expanded')).to.equal('false');
    await page.unrouteAll();
    await launcher().click();
    expect(await launcher().innerText()).to.not.match(/new repl/);
    await fromBot(frame, 'ancient Chinese medicine').first().waitFor({ timeout: 10_000 });
  });

  it('stays open from one page of the site to the next, with the same conversation, without taking the focus', async () => {
    expect(await launcher().getAttribute('aria-expanded')).to.equal('true');
    await page.goto(`${allowed.origin}/about`);
    await launcher().waitFor({ timeout: 20_000 });
    expect(await launcher().getAttribute('aria-expanded')).to.equal('true');
    const frame = await chat();
    await fromBot(frame, 'grounded in Western medicine principles').first().waitFor({ timeout: 30_000 });
    expect(await focused()).to.equal('BODY');
  });

  it('formats replies in the panel as on the chat page: one detail per line, numbers and emails as links', async () => {
    const frame = await chat();
    await frame.locator(SEND_BOX).fill('can I talk to a real person please?');
    await frame.locator(SEND_BOX).press('Enter');
    const reply = fromBot(frame, 'Email:').last();
    await reply.waitFor({ timeout: 20_000 });
    expect(await reply.locator('a[href^="tel:"]').count()).to.be.greaterThan(0);
    expect(await reply.locator(`a[href="mailto:${knowledge.clinic.email}"]`).count()).to.equal(1);
    const lines = (await reply.innerText()).split('\n').map((l) => l.trim());
    expect(lines.some((l) => l.startsWith('Phone:')) && lines.some((l) => l.startsWith('Email:')), 'one detail per line').to.equal(true);
  });

  it('has no serious or critical accessibility violation (axe-core) on the chat page or the open widget', async () => {
    const found = [...(await axeViolations(page)).map((v) => `widget host: ${v}`), ...(await axeViolations(await chat())).map((v) => `panel: ${v}`)];
    const full = await context.newPage();
    await full.goto(`${app.base}/`);
    await full.locator(SEND_BOX).waitFor({ timeout: 30_000 });
    await full.locator('.webchat__bubble__content').first().waitFor({ timeout: 30_000 });
    found.push(...(await axeViolations(full)).map((v) => `chat page: ${v}`));
    await full.close();
    expect(found).to.deep.equal([]);
  });

  it('on a phone, the open panel fills the screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(`${allowed.origin}/`);
    await p.getByRole('button', { name: /Chat with us/ }).click();
    const dialog = p.getByRole('dialog');
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box!.width).to.be.at.least(389);
    expect(box!.height).to.be.at.least(840);
    await p.frameLocator('iframe').locator(SEND_BOX).waitFor({ timeout: 30_000 });
    await p.screenshot({ path: join(ARTIFACTS, 'widget-phone.png') });
    await p.getByRole('button', { name: 'Minimise the chat' }).click();
    await p.getByRole('button', { name: /Chat with us/ }).waitFor();
    await phone.close();
  });

  it('on a site that is not allowed, the panel says the chat can’t be shown there and gives the clinic’s number', async () => {
    const other = await context.newPage();
    await other.goto(`${refused.origin}/`);
    await other.getByRole('button', { name: /Chat with us/ }).click();
    const handle = await other.locator('iframe').elementHandle({ timeout: 20_000 });
    const frame = (await handle!.contentFrame())!;
    const alert = frame.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).to.contain('can’t be shown on this website');
    expect(await alert.locator('a[href^="tel:"]').count()).to.equal(1);
    await other.close();
  });

  it('works on a site whose Content-Security-Policy allows the bot only as script and frame source', async () => {
    const other = await context.newPage();
    const violations: string[] = [];
    other.on('console', (msg) => {
      if (msg.type() === 'error') violations.push(msg.text());
    });
    await other.goto(`${strict.origin}/`);
    const button = other.getByRole('button', { name: /Chat with us/ });
    await button.waitFor({ timeout: 20_000 });
    // Styled (its own style sheet applied), not a bare browser button.
    expect(await button.evaluate((el) => getComputedStyle(el).borderRadius)).to.equal('24px');
    await button.click();
    const handle = await other.locator('iframe').elementHandle({ timeout: 20_000 });
    const frame = (await handle!.contentFrame())!;
    await frame.locator(SEND_BOX).waitFor({ timeout: 30_000 });
    await fromBot(frame, 'I can explain what acupuncture and dry needling are').first().waitFor({ timeout: 30_000 });
    expect(violations, 'CSP violations and script errors').to.deep.equal([]);
    await other.close();
  });

  it('logs no script error on the way', () => {
    expect(scriptErrors).to.deep.equal([]);
  });
});
