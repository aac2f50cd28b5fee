/**
 * Helpers for tests that run the whole app over HTTP: the real server (startApp) on a free port on
 * 127.0.0.1, with the knowledge base and model from helpers.ts (trained once per test run), and a small
 * Direct Line client over fetch and ws for checking the protocol byte by byte.
 */
import { WebSocket } from 'ws';
import { AppOverrides, RunningApp, startApp } from '../src/app';
import { Config, loadConfig } from '../src/config';
import { clinic, tempDataDir } from './helpers';

/** A fixed signing secret for tests, so that tests can mint tokens (expired ones, say) themselves. */
export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface TestApp extends RunningApp {
  config: Config;
  base: string;
  directLineUrl: string;
}

/** Starts the full app; `env` overrides settings exactly as the environment would. */
export async function startTestApp(env: NodeJS.ProcessEnv = {}, parts: AppOverrides = {}): Promise<TestApp> {
  // Every test visitor comes from 127.0.0.1, so the per-address limit on new conversations is off unless a test sets it.
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DIRECTLINE_SECRET: TEST_SECRET,
    DATA_DIR: tempDataDir(),
    DIRECTLINE_NEW_CONVERSATIONS_PER_MINUTE: '0',
    ...env,
  });
  const { knowledge, model } = clinic();
  const app = await startApp(config, { knowledge, model, ...parts });
  const base = `http://127.0.0.1:${app.port}`;
  return { ...app, config, base, directLineUrl: `${base}/v3/directline` };
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const method = init.method ?? (body !== undefined ? 'POST' : 'GET');
  const res = await fetchOnce(url, { method, headers, body }).catch((err: Error) => {
    if (!repeatable(method, url)) throw err;
    // A request that got no answer at all is sent once more when sending it twice changes nothing (CI once saw a
    // token refresh hang for 20 s on a loaded machine, never reproduced): said on stderr, so a repeat is seen.
    console.error(`  (test client: ${method} ${new URL(url).pathname} got no answer (${err.message}); sent once more)`);
    return fetchOnce(url, { method, headers, body });
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** How long a test request may wait for the server's answer before it fails with its URL (not mocha's bare timeout). */
const ANSWER_WITHIN_MS = 8000;

async function fetchOnce(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  } catch (err) {
    throw new Error(
      `${init.method} ${url}: ${(err as Error).name === 'TimeoutError' ? `no answer within ${ANSWER_WITHIN_MS} ms` : (err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

/** Requests that may be sent twice: reads, new tokens, and starting a conversation (the welcome runs once). */
function repeatable(method: string, url: string): boolean {
  return method === 'GET' || (method === 'POST' && /\/v3\/directline\/(tokens\/(generate|refresh)|conversations)$/.test(new URL(url).pathname));
}

export interface StartedConversation {
  conversationId: string;
  token: string;
  streamUrl: string;
}

/** POST /tokens/generate, then POST /conversations: what Web Chat does for a new visitor. */
export async function startConversation(directLineUrl: string): Promise<StartedConversation> {
  const generated = await call(`${directLineUrl}/tokens/generate`, { method: 'POST' });
  if (generated.status !== 200) throw new Error(`generate: ${generated.status}`);
  const started = await call(`${directLineUrl}/conversations`, { method: 'POST', token: generated.body.token });
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  return { conversationId: started.body.conversationId, token: generated.body.token, streamUrl: started.body.streamUrl };
}

/** A WebSocket stream that collects every activity set it receives. */
export class Stream {
  readonly sets: Array<{ activities: any[]; watermark: string }> = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      this.sets.push(JSON.parse(text));
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<Stream> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const stream = new Stream(ws);
      ws.once('open', () => resolve(stream));
      ws.once('unexpected-response', (_req, res) =>
        reject(Object.assign(new Error(`WebSocket refused: ${res.statusCode}`), { status: res.statusCode })),
      );
      ws.once('error', reject);
    });
  }

  get activities(): any[] {
    return this.sets.flatMap((s) => s.activities);
  }

  /** Resolves with the first activity matching, waiting for it up to timeoutMs. */
  async waitFor(match: (a: any) => boolean, timeoutMs = 5000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.activities.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for an activity on the stream');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}

/** Polls until check() returns something truthy. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Fetches the staff sign-in form and posts it as a browser would; returns the answer and the session cookie. */
export async function staffSignIn(base: string, name: string, password: string): Promise<{ res: Response; cookie?: string; body: string }> {
  const form = await fetch(`${base}/staff/login`);
  const nonceCookie = form.headers
    .getSetCookie()
    .find((c) => c.startsWith('clinic_staff_login='))!
    .split(';')[0];
  const nonce = /name="nonce" value="([^"]+)"/.exec(await form.text())![1];
  const res = await fetch(`${base}/staff/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonceCookie, accept: 'text/html' },
    body: new URLSearchParams({ name, password, nonce }).toString(),
  });
  return {
    res,
    cookie: res.headers
      .getSetCookie()
      .find((c) => c.startsWith('clinic_staff='))
      ?.split(';')[0],
    body: await res.text(),
  };
}
