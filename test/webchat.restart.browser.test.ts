/**
 * A restart (or a deploy) in the middle of a website chat, in Chromium: the bot is a real server process, killed
 * while a visitor's page is open and started again on the same port and storage. The visitor's next message is
 * answered in the same conversation, by the dialog where it was, without a reload, without "Send failed" and
 * without a second welcome; the history stays on screen, and a reload afterwards shows all of it (it is in the storage,
 * not in the process that died). A screenshot goes to test-artifacts/.
 *
 * Skips, saying so, only when /usr/bin/chromium is missing on a developer's machine (CI fails instead).
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/config';
import { saveIntentModel } from '../src/nlu/model';
import { ServerProcess, startServerProcess } from '../bench/serverProcess';
import { freePort } from './azurite';
import { clinic } from './helpers';
import { firstPage, launchChromium, requireChromium } from './browserSetup';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const WELCOME = 'I can explain what acupuncture and dry needling are';

describe('a bot restart in the middle of a website chat, in Chromium', function () {
  this.timeout(120_000);
  let dir: string;
  let port: number;
  let server: ServerProcess | undefined;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  /** The bot on the same port, data folder (SQLite file, generated signing secret) and model each time. */
  async function startBot(): Promise<ServerProcess> {
    return startServerProcess('bot', 'src/index.js', {
      PORT: String(port),
      DATA_DIR: join(dir, 'data'),
      MODEL_PATH: join(dir, 'model.json'),
      DIRECTLINE_SECRET: '',
      DIRECTLINE_SECRET_FILE: '',
      STORAGE: 'sqlite',
    });
  }

  before(async function () {
    requireChromium(this);
    dir = mkdtempSync(join(tmpdir(), 'clinic-webchat-restart-'));
    saveIntentModel(clinic().model, join(dir, 'model.json'));
    port = await freePort();
    server = await startBot();
    ({ context, profile } = await launchChromium({
      viewport: { width: 900, height: 900 },
    }));
    page = await firstPage(context);
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    server?.child.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const sendBox = () => page.locator('[data-id="webchat-sendbox-input"]');
  const bubbles = (text: string) => page.locator('.webchat__bubble__content', { hasText: text });
  const shown = (text: string, timeout = 15_000) => bubbles(text).first().waitFor({ timeout });
  const send = async (text: string) => {
    await sendBox().fill(text);
    await sendBox().press('Enter');
  };
  const conversationId = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('clinic-chat.conversation') ?? 'null')?.conversationId);

  it('the next message after the restart is answered in the same conversation, with its dialog state, no reload and no "Send failed"', async () => {
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await shown(WELCOME, 30_000);
    await send('I would like to book an appointment');
    await shown('Is that OK?');
    const before = await conversationId();

    // The deploy: the process dies with the page open, and comes back a moment later on the same port and storage.
    const exited = new Promise((r) => server!.child.once('exit', r));
    server!.child.kill('SIGKILL');
    await exited;
    await page.waitForTimeout(1000);
    server = await startBot();

    await send('yes');
    await shown('What name', 30_000);
    expect(await page.getByText(/Send failed/i).count(), '"Send failed" on screen').to.equal(0);
    expect(await bubbles(WELCOME).count(), 'no second welcome').to.equal(1);
    expect(await bubbles('Is that OK?').count(), 'the history stays, once').to.equal(1);
    expect(await conversationId(), 'the same conversation').to.equal(before);
    expect(navigations, 'no reload').to.equal(1);

    // And the conversation was kept by the storage, not by the dead process: a reload shows all of it, from both sides of the restart.
    await page.reload();
    await shown('What name', 30_000);
    for (const text of [WELCOME, 'I would like to book an appointment', 'Is that OK?', 'What name'])
      expect(await bubbles(text).count(), `after the reload: ${text}`).to.equal(1);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.waitForTimeout(500); // only for the picture
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-restart.png'), fullPage: true });
  });
});
