/**
 * The website chat page at GET /: Web Chat from the botframework-webchat package, served by this server
 * (no CDN, so it works offline and sends nothing to third parties), in the clinic's name and colours.
 *
 *   GET /                        the page (public/index.html filled in)
 *   GET /webchat/webchat.js      Web Chat's standalone bundle, from node_modules (gzip when accepted)
 *   GET /webchat/chat.js|.css    the page's own script and style
 *   GET /webchat/favicon.svg
 *
 * Every response carries a Content-Security-Policy that allows only this server: scripts from 'self' (no
 * inline script), connections to 'self' (Direct Line and its WebSocket), inline styles (Web Chat styles
 * itself at run time), and framing by the clinic's allowed origins only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type * as restify from 'restify';
import { PROJECT_ROOT } from '../../config';

export const PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'channels', 'webchat', 'public');

export interface WebChatPageDeps {
  clinic: { name: string; phone: string; emergencyNumber: string };
  primaryColor: string;
  accentColor: string;
  /** The clinic's own sites, which may frame the page (and call Direct Line, see directline/http.ts). */
  allowedOrigins: string[];
}

const gzipAsync = promisify(gzip);

interface Asset {
  body: Buffer;
  /** Compressed in the background (off the event loop), once. */
  gzipped?: Promise<Buffer>;
  type: string;
  etag: string;
  /** Long caching: the page links it with ?v=<version>. */
  immutable: boolean;
}

/**
 * Where botframework-webchat's standalone bundle is. Its package `exports` hide dist/ and package.json
 * from require.resolve, so look for the package folder along Node's own module search paths.
 */
export function webChatBundlePath(): { path: string; version: string } {
  for (const dir of require.resolve.paths('botframework-webchat') ?? []) {
    const pkgDir = join(dir, 'botframework-webchat');
    if (!existsSync(join(pkgDir, 'package.json'))) continue;
    const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    return { path: join(pkgDir, 'dist', 'webchat.js'), version };
  }
  throw new Error('botframework-webchat is not installed (npm ci)');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that can sit inside <script type="application/json"> whatever the strings hold. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`page template: no value for {{${key}}}`);
    return values[key];
  });
}

function hash(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 16);
}

export function contentSecurityPolicy(allowedOrigins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${["'self'", ...allowedOrigins].join(' ')}`,
  ].join('; ');
}

export function registerWebChatPage(server: restify.Server, deps: WebChatPageDeps): void {
  const csp = contentSecurityPolicy(deps.allowedOrigins);
  const read = (file: string) => readFileSync(join(PUBLIC_DIR, file), 'utf8');
  const asset = (body: string | Buffer, type: string, immutable: boolean): Asset => {
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return { body: buffer, type, etag: `"${hash(buffer)}"`, immutable };
  };

  const colours = { primaryColor: deps.primaryColor, accentColor: deps.accentColor };
  const favicon = asset(fill(read('favicon.svg'), colours), 'image/svg+xml', true);
  const css = asset(read('chat.css'), 'text/css; charset=utf-8', true);
  const script = asset(read('chat.js'), 'application/javascript; charset=utf-8', true);
  const bundleInfo = webChatBundlePath();
  const bundle = asset(readFileSync(bundleInfo.path), 'application/javascript; charset=utf-8', true);
  bundle.gzipped = gzipAsync(bundle.body);

  const page = asset(
    fill(read('index.html'), {
      clinicName: escapeHtml(deps.clinic.name),
      phone: escapeHtml(deps.clinic.phone),
      emergencyNumber: escapeHtml(deps.clinic.emergencyNumber),
      ...colours,
      configJson: scriptJson({ clinicName: deps.clinic.name, phone: deps.clinic.phone, ...colours }),
      faviconVersion: favicon.etag.slice(1, 9),
      cssVersion: css.etag.slice(1, 9),
      scriptVersion: script.etag.slice(1, 9),
      webchatVersion: encodeURIComponent(bundleInfo.version),
    }),
    'text/html; charset=utf-8',
    false,
  );

  const send = async (req: restify.Request, res: restify.Response, a: Asset) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    res.setHeader('Cache-Control', a.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('ETag', a.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Type', a.type);
    if (req.headers['if-none-match'] === a.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    let body = a.body;
    if (a.body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      a.gzipped ??= gzipAsync(a.body);
      body = await a.gzipped;
      res.setHeader('Content-Encoding', 'gzip');
    }
    res.setHeader('Content-Length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const route = (path: string, get: () => Asset) => {
    const handler = async (req: restify.Request, res: restify.Response): Promise<void> => {
      await send(req, res, get());
    };
    server.get(path, handler);
    server.head(path, handler);
  };
  route('/', () => page);
  route('/webchat/chat.js', () => script);
  route('/webchat/chat.css', () => css);
  route('/webchat/favicon.svg', () => favicon);
  route('/webchat/webchat.js', () => bundle);
}
