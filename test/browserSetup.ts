/**
 * What every browser test shares: Debian's Chromium (never a downloaded browser) and the flags that keep it
 * headless and quiet. Without the background-networking flags Chromium calls home, which this network does not allow.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { BrowserContext, chromium, Page } from 'playwright-core';

type LaunchOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Skips a suite when Debian's Chromium is missing, saying how to install it; under CI (where .ci/run installs it)
 * a missing Chromium is a failure, not a skip.
 */
export function requireChromium(suite: { skip(): void }): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run should have installed it (apt-get install -y chromium)`);
  console.log(`      SKIPPED: ${CHROMIUM} is not installed. Install it with: apt-get update && apt-get install -y chromium`);
  suite.skip();
}

/** Chromium with a fresh profile folder (the caller removes it), headless, with the flags above and the given options. */
export async function launchChromium(
  options: LaunchOptions = {},
  prefix = 'chromium-profile-',
): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...options });
  return { context, profile };
}

/** The page a persistent context opens with, or a new one. */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** The first html code block of docs/website-chat.md that contains the given text (the embed lines clinics copy). */
export function documentedHtml(contains: string): string {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'website-chat.md'), 'utf8');
  const block = [...doc.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes(contains));
  if (!block) throw new Error(`docs/website-chat.md lost its html block with ${contains}`);
  return block;
}

/** A host site on an origin of its own, serving one html page (with extra headers, such as its own CSP). */
export async function hostPage(html: () => string, headers: () => Record<string, string> = () => ({})): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers() });
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
