/**
 * npm run bench:widget: what the website chat costs a visitor on a slow phone connection, before they can type.
 *
 * Starts the bot (a process of its own, on a free port) and a host site (the clinic's site: a page with the widget's
 * one line, on another port), then drives Debian's Chromium (playwright-core) with Chrome DevTools network throttling
 * (default 400 kbit/s down, 400 kbit/s up, 400 ms round trip: a poor mobile connection) and measures, each cold
 * (an empty browser cache) and warm (the same browser, a second visit):
 *
 *  1. the chat page (GET /): bytes on the wire and time from navigation to a usable send box (on screen, enabled,
 *     and connected: the bot's welcome on screen);
 *  2. the widget, a page view: what a page of the clinic's site pays for the widget before anyone opens it
 *     (bytes from the bot, and whether anything else, e.g. a token, was asked for);
 *  3. the widget, opened: from pressing "Chat with us" to a usable send box in its panel, and the bytes.
 *
 * Bytes on the wire are each response's headers and (compressed) body as Chromium received them, for requests to
 * the bot's origin (the host page itself is not counted), plus WebSocket frames. A measurement, not a test: it
 * asserts nothing.
 *
 *   --down-kbps N   download throughput (default 400)
 *   --up-kbps N     upload throughput (default 400)
 *   --rtt-ms N      round trip time (default 400)
 *   --url URL       measure the chat page of a server already running there instead (e.g. an older release);
 *                   the widget is measured too when that server has /widget.js
 *
 * The server compresses Web Chat's bundle on its first request (assets.ts); the benchmark asks for it once before
 * measuring, so "cold" is a visitor's empty cache against a server that has been up a moment, as in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Browser, BrowserContext, chromium, Frame, Page } from 'playwright-core';
import { numberArg, startServerProcess } from './serverProcess';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browserSetup';

// The same Chromium and flags as the browser tests (one list: test/browserSetup.ts).
const ARGS = CHROMIUM_ARGS;
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Throttle {
  downKbps: number;
  upKbps: number;
  rttMs: number;
}

/** Counts what arrives from the bot's origin: HTTP responses (headers + encoded body) and WebSocket frames. */
class WireMeter {
  bytes = 0;
  requests: string[] = [];
  private pending: Promise<void>[] = [];

  constructor(page: Page, botOrigin: string) {
    const botHost = new URL(botOrigin).host;
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).host !== botHost) return;
      this.requests.push(new URL(request.url()).pathname);
      this.pending.push(
        request.sizes().then(
          (s) => void (this.bytes += s.responseHeadersSize + s.responseBodySize),
          () => undefined,
        ),
      );
    });
    page.on('websocket', (ws) => {
      ws.on('framereceived', (f) => void (this.bytes += typeof f.payload === 'string' ? Buffer.byteLength(f.payload) : f.payload.length));
    });
  }

  async settled(): Promise<{ bytes: number; requests: string[] }> {
    await Promise.all(this.pending);
    return { bytes: this.bytes, requests: [...this.requests] };
  }

  reset(): void {
    this.bytes = 0;
    this.requests = [];
    this.pending = [];
  }
}

async function throttled(context: BrowserContext, page: Page, t: Throttle): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: t.rttMs,
    downloadThroughput: (t.downKbps * 1000) / 8,
    uploadThroughput: (t.upKbps * 1000) / 8,
  });
}

/**
 * Waits until the send box is on screen and enabled in the frame, and the conversation is connected (the bot's
 * welcome is on screen): Web Chat draws its send box before it has connected.
 */
async function usableSendBox(frame: Page | Frame): Promise<void> {
  const box = frame.locator(SEND_BOX);
  await box.waitFor({ state: 'visible', timeout: 120_000 });
  await frame.locator('.webchat__bubble').first().waitFor({ state: 'visible', timeout: 120_000 });
  await frame.waitForFunction((sel) => {
    const el = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement | null;
    return Boolean(el && !el.disabled && !el.readOnly && el.getAttribute('aria-disabled') !== 'true');
  }, SEND_BOX);
}

interface Figures {
  bytes: number;
  ms: number;
  requests: string[];
}

/** The brotli size the server sends for a URL (node:http: fetch would decode it). */
function brotliSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br' } }, (res) => {
      let size = 0;
      res.on('data', (c: Buffer) => (size += c.length));
      res.on('end', () => resolve(size));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Asks for a file until the server sends its best compression (a large file first comes at a quick level), at most 60 s. */
async function bestBrotli(url: string): Promise<void> {
  const first = await brotliSize(url);
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    if ((await brotliSize(url)) < first) return;
  }
}

async function measurePage(browser: Browser, botOrigin: string, t: Throttle): Promise<{ cold: Figures; warm: Figures }> {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  await throttled(context, page, t);
  const meter = new WireMeter(page, botOrigin);
  const visit = async (): Promise<Figures> => {
    meter.reset();
    const began = performance.now();
    await page.goto(`${botOrigin}/`, { waitUntil: 'commit' });
    await usableSendBox(page);
    const ms = performance.now() - began;
    await page.waitForTimeout(1000); // what is still arriving with the welcome
    return { ...(await meter.settled()), ms };
  };
  const cold = await visit();
  await page.evaluate(() => sessionStorage.clear()); // a new visitor's second visit, not a reload of a conversation
  const warm = await visit();
  await context.close();
  return { cold, warm };
}

/** The clinic's site: a page with the widget's one line. */
function hostPage(botOrigin: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Clinic site</title></head><body><main><h1>Example clinic</h1><p>Our services.</p></main>' +
    `<script src="${botOrigin}/widget.js" async></script></body></html>`
  );
}

async function measureWidget(
  browser: Browser,
  botOrigin: string,
  siteOrigin: string,
  t: Throttle,
): Promise<{ pageView: { cold: Figures; warm: Figures }; opened: { cold: Figures; warm: Figures } }> {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  await throttled(context, page, t);
  const meter = new WireMeter(page, botOrigin);
  const launcher = page.getByRole('button', { name: /chat with us/i });
  const visit = async (): Promise<{ pageView: Figures; opened: Figures }> => {
    meter.reset();
    const began = performance.now();
    await page.goto(`${siteOrigin}/`, { waitUntil: 'load' });
    await launcher.waitFor({ timeout: 120_000 });
    const shownMs = performance.now() - began;
    await page.waitForTimeout(3000); // anything the widget would fetch on its own
    const pageView = { ...(await meter.settled()), ms: shownMs };
    meter.reset();
    const pressed = performance.now();
    await launcher.click();
    const frame = page.frameLocator('iframe');
    await frame.locator(SEND_BOX).waitFor({ state: 'visible', timeout: 120_000 });
    const handle = await page.locator('iframe').elementHandle();
    await usableSendBox((await handle!.contentFrame())!);
    const ms = performance.now() - pressed;
    await page.waitForTimeout(1000);
    const opened = { ...(await meter.settled()), ms };
    // Minimised again and forgotten, as on a new visitor's next visit.
    await page.keyboard.press('Escape');
    await page.evaluate(() => localStorage.clear());
    await page
      .frames()[1]
      ?.evaluate(() => sessionStorage.clear())
      .catch(() => undefined);
    return { pageView, opened };
  };
  const cold = await visit();
  const warm = await visit();
  await context.close();
  return { pageView: { cold: cold.pageView, warm: warm.pageView }, opened: { cold: cold.opened, warm: warm.opened } };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function row(label: string, f: Figures): string {
  return `| ${label} | ${kb(f.bytes)} | ${s(f.ms)} | ${f.requests.length} |`;
}

async function main(): Promise<void> {
  const t: Throttle = { downKbps: numberArg('--down-kbps', 400), upKbps: numberArg('--up-kbps', 400), rttMs: numberArg('--rtt-ms', 400) };
  const given = stringArg('--url');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-widget-'));
  let botOrigin = given ? new URL(given).origin : '';
  let stopBot = () => undefined as void;
  // The bot must know the host site's origin (WEBCHAT_ALLOWED_ORIGINS) before the site knows the bot's: pick its port first.
  const siteServer = createServer();
  await new Promise<void>((resolve) => siteServer.listen(0, '127.0.0.1', resolve));
  const sitePort = (siteServer.address() as AddressInfo).port;
  siteServer.close();
  if (!given) {
    const bot = await startServerProcess('bot', 'src/index.js', {
      DATA_DIR: dataDir,
      DIRECTLINE_SECRET_FILE: join(dataDir, 'directline-secret'),
      WEBCHAT_ALLOWED_ORIGINS: `http://127.0.0.1:${sitePort}`,
    });
    botOrigin = `http://127.0.0.1:${bot.port}`;
    stopBot = () => void bot.child.kill('SIGTERM');
  }
  const hasWidget = (await fetch(`${botOrigin}/widget.js`)).ok;
  // The bundle's first request starts its compression (assets.ts): let it finish, as on a server that has been up a moment.
  const html = await (await fetch(`${botOrigin}/`)).text();
  for (const src of html.matchAll(/<script src="([^"]+)"/g)) await bestBrotli(new URL(src[1], botOrigin).href);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    console.log(
      `bench:widget: Chromium, throttled to ${t.downKbps} kbit/s down, ${t.upKbps} kbit/s up, ${t.rttMs} ms round trip; bot at ${botOrigin}`,
    );
    console.log('');
    console.log('| what | bytes on the wire | time | requests |');
    console.log('|---|---|---|---|');
    const full = await measurePage(browser, botOrigin, t);
    console.log(row('chat page, cold: to a usable send box', full.cold));
    console.log(row('chat page, warm', full.warm));
    if (hasWidget) {
      const listen = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(hostPage(botOrigin));
      });
      await new Promise<void>((resolve) => listen.listen(given ? 0 : sitePort, '127.0.0.1', resolve));
      const siteOrigin = `http://127.0.0.1:${(listen.address() as AddressInfo).port}`;
      try {
        const widget = await measureWidget(browser, botOrigin, siteOrigin, t);
        console.log(row('widget, page view, cold: the launcher on screen (nothing opened)', widget.pageView.cold));
        console.log(row('widget, page view, warm', widget.pageView.warm));
        console.log(row('widget, opened, cold: press to a usable send box', widget.opened.cold));
        console.log(row('widget, opened, warm', widget.opened.warm));
        console.log('');
        console.log(`page view requests (cold): ${widget.pageView.cold.requests.join(', ') || 'none'}`);
        console.log(`opened requests (cold): ${widget.opened.cold.requests.join(', ')}`);
      } finally {
        listen.close();
      }
    } else {
      console.log('(no /widget.js on this server: widget not measured)');
    }
    console.log(`chat page requests (cold): ${full.cold.requests.join(', ')}`);
  } finally {
    await browser.close();
    stopBot();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
