/**
 * The chat embedded in other sites by iframe, in Chromium, with the embed lines exactly as docs/website-chat.md
 * gives them: two host sites of their own origins (127.0.0.1 on other ports), one in WEBCHAT_ALLOWED_ORIGINS and one
 * not. The allowed site gets a working chat; the other gets a clear message instead of the browser's "refused to
 * connect". (The widget, the other embed, is tested in webchat.widget.browser.test.ts.)
 *
 * Skips, saying so, only when /usr/bin/chromium is missing on a developer's machine; under CI it fails instead.
 */
import { expect } from 'chai';
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { BrowserContext, Frame, Page } from 'playwright-core';
import { startTestApp, TestApp } from './appHelpers';
import { documentedHtml, hostPage, launchChromium, requireChromium } from './browserSetup';

const DOCUMENTED_BOT = 'https://chat.clinic.example';

/** The iframe block of the "Putting the chat on the clinic's website" section. */
const documentedIframe = () => documentedHtml('<iframe');

/** A host site on its own origin, serving one page with the given body. */
function hostSite(body: () => string): Promise<{ server: Server; origin: string }> {
  return hostPage(() => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host site</title></head><body>${body()}</body></html>`);
}

describe('the chat embedded in other sites, with the documented embed lines (Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let allowed: { server: Server; origin: string };
  let refused: { server: Server; origin: string };

  before(async function () {
    requireChromium(this);
    const iframe = documentedIframe();
    const page = () => iframe.split(DOCUMENTED_BOT).join(app.base);
    allowed = await hostSite(page);
    refused = await hostSite(page);
    app = await startTestApp({ WEBCHAT_ALLOWED_ORIGINS: allowed.origin });
    ({ context, profile } = await launchChromium({
      viewport: { width: 900, height: 900 },
    }));
  });

  beforeEach(async () => {
    page = await context.newPage();
  });
  afterEach(async () => page?.close());

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await app?.close();
    allowed?.server.close();
    refused?.server.close();
  });

  const chatFrame = async (): Promise<Frame> => {
    const handle = await page.locator('iframe').elementHandle({ timeout: 20_000 });
    const frame = await handle!.contentFrame();
    if (!frame) throw new Error('no iframe content');
    return frame;
  };

  it('on an allowed site, the iframe shows the chat page with its privacy notice', async () => {
    await page.goto(`${allowed.origin}/`);
    const frame = await chatFrame();
    await frame.locator('#privacy').waitFor({ timeout: 30_000 });
    await frame.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 30_000 });
  });

  it('on a site that is not allowed, the iframe says the chat can’t be shown there and gives the clinic’s number', async () => {
    await page.goto(`${refused.origin}/`);
    const frame = await chatFrame();
    const alert = frame.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).to.contain('can’t be shown on this website');
    expect(await alert.locator('a[href^="tel:"]').count()).to.equal(1);
  });
});
