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
 *
 * The page says, before the first message, what is stored, for how long and who reads it (privacyNotice),
 * and gives the clinic's numbers as tap-to-call links. A site that frames the page without being in
 * WEBCHAT_ALLOWED_ORIGINS (known from the browser's Sec-Fetch-Dest and Referer) is logged and shown a short
 * page saying so, with the clinic's number, instead of the browser's bare "refused to connect".
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type * as restify from 'restify';
import { PROJECT_ROOT } from '../../config';
import type { Logger } from '../../logger';
import { isAllowedOrigin, RefusedOriginLog } from '../origins';

export const PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'channels', 'webchat', 'public');

export interface WebChatPageDeps {
  clinic: { name: string; phone: string; email: string; emergencyNumber: string };
  primaryColor: string;
  accentColor: string;
  /** The clinic's own sites, which may frame the page (and call Direct Line, see directline/http.ts). */
  allowedOrigins: string[];
  /** Web Chat's locale (WEBCHAT_LOCALE). */
  locale: string;
  /** What the privacy notice says. */
  privacy: PrivacyFacts;
  logger: Logger;
}

/** What the privacy notice is made of: the settings that decide what is stored and for how long. */
export interface PrivacyFacts {
  /** TRANSCRIPT_RETENTION_DAYS: 0 keeps conversations until the clinic deletes them. */
  retentionDays: number;
  /** REDACT_CONTACT_DETAILS. */
  redactContactDetails: boolean;
  /** CLINIC_PRIVACY_URL, or '' */
  policyUrl: string;
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
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A tel: address for a phone number as people write it ("+61 3 9000 0000 (placeholder)", "(03) 9000 0000",
 * "000"): the first run of digits, spaces, dots, hyphens and brackets, keeping only digits and a leading +.
 * Empty when there is no number in the text.
 */
export function telHref(text: string): string {
  const run = /\+?\(?\d[\d\s().-]*\d|\d/.exec(text)?.[0] ?? '';
  const digits = run.replace(/[^\d]/g, '');
  return digits ? `tel:${run.trimStart().startsWith('+') ? '+' : ''}${digits}` : '';
}

function telLink(text: string): string {
  const href = telHref(text);
  return href ? `<a href="${href}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** The notice shown above the chat before the first message (HTML). */
export function privacyNotice(clinic: { name: string; phone: string }, facts: PrivacyFacts): string {
  const kept =
    facts.retentionDays > 0 ? `kept for ${facts.retentionDays} days after the last message, then deleted` : 'kept until the clinic deletes it';
  const contact = facts.redactContactDetails
    ? ' Phone numbers and email addresses you type are hidden in the saved copy; those you give in a booking or call-back request go to the clinic with the request.'
    : '';
  const policy = facts.policyUrl
    ? `<a href="${escapeHtml(facts.policyUrl)}" target="_blank" rel="noopener noreferrer">Read our privacy policy</a>.`
    : `For our privacy policy, call us on ${telLink(clinic.phone)}.`;
  return (
    `<p>Nothing is saved until you send a message. After that, this conversation (your messages and the assistant’s replies) ` +
    `is saved by ${escapeHtml(clinic.name)} and ${kept}. Clinic staff read saved conversations to follow up requests ` +
    `and improve the answers.${contact} Please share only the health details you need to.</p><p>${policy}</p>`
  );
}

/** The page a site not in WEBCHAT_ALLOWED_ORIGINS gets in its iframe, instead of a blank "refused to connect". */
function refusedFramePage(clinic: { name: string; phone: string }, cssHref: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Chat not available here</title><link rel="stylesheet" href="${cssHref}"></head><body>` +
    `<main class="refused" role="alert"><h1>The chat can’t be shown on this website</h1>` +
    `<p>This site is not one of the places ${escapeHtml(clinic.name)} has allowed to show its chat.</p>` +
    `<p><a href="/" target="_blank" rel="noopener">Open the chat in a new tab</a>, or call ${telLink(clinic.phone)}.</p></main></body></html>`
  );
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
  const refusedLog = new RefusedOriginLog(deps.logger);
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
      locale: escapeHtml(deps.locale),
      phoneLink: telLink(deps.clinic.phone),
      emergencyLink: telLink(deps.clinic.emergencyNumber),
      emailLink: `<a href="mailto:${escapeHtml(deps.clinic.email)}">${escapeHtml(deps.clinic.email)}</a>`,
      privacyNotice: privacyNotice(deps.clinic, deps.privacy),
      ...colours,
      configJson: scriptJson({
        clinicName: deps.clinic.name,
        phone: deps.clinic.phone,
        emergencyNumber: deps.clinic.emergencyNumber,
        locale: deps.locale,
        ...colours,
      }),
      faviconVersion: favicon.etag.slice(1, 9),
      cssVersion: css.etag.slice(1, 9),
      scriptVersion: script.etag.slice(1, 9),
      webchatVersion: encodeURIComponent(bundleInfo.version),
    }),
    'text/html; charset=utf-8',
    false,
  );

  const refused = asset(refusedFramePage(deps.clinic, `/webchat/chat.css?v=${css.etag.slice(1, 9)}`), 'text/html; charset=utf-8', false);
  // The refusal page may be framed anywhere: it only says the chat is not available and gives the clinic's number.
  const refusedCsp = csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *');

  /** The page, or the refusal page when a site not allowed to frame it does. */
  const pageFor = (req: restify.Request): { asset: Asset; csp: string } => {
    if (req.headers['sec-fetch-dest'] !== 'iframe') return { asset: page, csp };
    let framer: string;
    try {
      framer = new URL(String(req.headers.referer ?? '')).origin;
    } catch {
      return { asset: page, csp }; // no Referer: frame-ancestors decides, as before
    }
    if (isAllowedOrigin(framer, req, deps.allowedOrigins)) return { asset: page, csp };
    refusedLog.refused(framer, 'iframe');
    return { asset: refused, csp: refusedCsp };
  };

  const send = async (req: restify.Request, res: restify.Response, a: Asset, policy = csp) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    res.setHeader('Cache-Control', a.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('ETag', a.etag);
    res.setHeader('Vary', a === page || a === refused ? 'Accept-Encoding, Sec-Fetch-Dest, Referer' : 'Accept-Encoding');
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
  const pageHandler = async (req: restify.Request, res: restify.Response): Promise<void> => {
    const chosen = pageFor(req);
    await send(req, res, chosen.asset, chosen.csp);
  };
  server.get('/', pageHandler);
  server.head('/', pageHandler);
  route('/webchat/chat.js', () => script);
  route('/webchat/chat.css', () => css);
  route('/webchat/favicon.svg', () => favicon);
  route('/webchat/webchat.js', () => bundle);
}
