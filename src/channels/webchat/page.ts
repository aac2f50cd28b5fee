/**
 * The website chat at GET / and the website widget at GET /widget.js: Web Chat from the botframework-webchat
 * package, served by this server (no CDN, so it works offline and sends nothing to third parties), in the clinic's
 * name and colours.
 *
 *   GET /                          the page (public/index.html filled in); ?embed=widget: the same page, slimmer,
 *                                  for the widget's panel (&host=<the site's origin>, for postMessage and refusals)
 *   GET /widget.js                 the launcher a clinic's site loads (public/widget.js), cached 5 minutes
 *   GET /webchat/webchat-minimal.js  Web Chat's minimal bundle, which the page uses (see below)
 *   GET /webchat/chat.js           the page's script: markdown.js, connection.js and chat.js joined
 *   GET /webchat/chat.css, /webchat/favicon.svg
 *   GET /webchat/webchat.js        Web Chat's full bundle, for sites that still load it by the old script embed
 *
 * The page uses the minimal bundle (1.9 MB, 374 KB brotli) rather than the full one (3.9 MB, 640 KB brotli): the
 * full one adds Adaptive Cards, markdown-it and speech, and the bot sends Web Chat text (Markdown) and suggested
 * actions only (src/bot/render.ts: on Web Chat a hero card is never chosen, its limits being those of suggested
 * actions). The Markdown is drawn by public/markdown.js. Files are compressed and versioned by assets.ts.
 *
 * Every response carries a Content-Security-Policy that allows only this server: scripts from 'self' (no
 * inline script), connections to 'self' (Direct Line and its WebSocket), inline styles (Web Chat styles
 * itself at run time), and framing by the clinic's allowed origins only.
 *
 * The page says, before the first message, what is stored, for how long and who reads it (privacyNotice),
 * and gives the clinic's numbers as tap-to-call links. A site that frames the page without being in
 * WEBCHAT_ALLOWED_ORIGINS (known from the browser's Sec-Fetch-Dest, and the Referer or the widget's host
 * parameter) is logged and shown a short page saying so, with the clinic's number, instead of the browser's bare
 * "refused to connect".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as restify from 'restify';
import { PROJECT_ROOT } from '../../config';
import type { Logger } from '../../logger';
import { isAllowedOrigin, RefusedOriginLog } from '../origins';
import { asset, Asset, sendAsset, versionedUrl, warm } from './assets';

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
  /** WEBCHAT_GREETING: the widget's greeting bubble ('' for none). */
  greeting: string;
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

/**
 * Where a botframework-webchat standalone bundle is ('webchat' full, 'webchat-minimal'). Its package `exports` hide
 * dist/ and package.json from require.resolve, so look for the package folder along Node's own module search paths.
 */
export function webChatBundlePath(bundle: 'webchat' | 'webchat-minimal' = 'webchat'): { path: string; version: string } {
  for (const dir of require.resolve.paths('botframework-webchat') ?? []) {
    const pkgDir = join(dir, 'botframework-webchat');
    if (!existsSync(join(pkgDir, 'package.json'))) continue;
    const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    return { path: join(pkgDir, 'dist', `${bundle}.js`), version };
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

/** How long the launcher script may be cached: an upgrade reaches every site within this. */
export const WIDGET_SCRIPT_MAX_AGE_SECONDS = 300;
/** The greeting bubble shows this long after the page loads. */
const GREETING_DELAY_MS = 2500;

const JS = 'application/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** The page's files, and the two bundles. */
function pageAssets(deps: WebChatPageDeps) {
  const read = (file: string) => readFileSync(join(PUBLIC_DIR, file), 'utf8');
  const colours = { primaryColor: deps.primaryColor, accentColor: deps.accentColor };
  const minimal = webChatBundlePath('webchat-minimal');
  const full = webChatBundlePath('webchat');
  let fullBundle: Asset | undefined; // read on first request: only sites on the old script embed ask for it
  return {
    colours,
    favicon: asset('/webchat/favicon.svg', fill(read('favicon.svg'), colours), 'image/svg+xml'),
    css: asset('/webchat/chat.css', read('chat.css'), 'text/css; charset=utf-8'),
    script: asset('/webchat/chat.js', ['markdown.js', 'connection.js', 'chat.js'].map(read).join('\n'), JS),
    bundle: asset('/webchat/webchat-minimal.js', readFileSync(minimal.path), JS),
    fullBundle: () => (fullBundle ??= asset('/webchat/webchat.js', readFileSync(full.path), JS)),
    widgetTemplate: read('widget.js'),
    widgetCss: read('widget.css'),
    template: read('index.html'),
  };
}

/** The launcher script with the clinic's settings in it. */
function widgetScript(deps: WebChatPageDeps, template: string, css: string): string {
  const name = deps.clinic.name;
  const config = {
    clinicName: name,
    primaryColor: deps.primaryColor,
    accentColor: deps.accentColor,
    greeting: deps.greeting,
    greetingDelayMs: GREETING_DELAY_MS,
    launcherLabel: 'Chat with us',
    panelLabel: `Chat with ${name}`,
  };
  const style = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*/g, '\n');
  const filled = template
    .replace('var CONFIG = __CONFIG__;', () => `var CONFIG = ${scriptJson(config)};`)
    .replace('var STYLE = __STYLE__;', () => `var STYLE = ${scriptJson(style)};`);
  if (/= __(CONFIG|STYLE)__;/.test(filled)) throw new Error('widget.js: its CONFIG or STYLE placeholder is missing');
  return filled;
}

export function registerWebChatPage(server: restify.Server, deps: WebChatPageDeps): void {
  const csp = contentSecurityPolicy(deps.allowedOrigins);
  const refusedLog = new RefusedOriginLog(deps.logger);
  const files = pageAssets(deps);
  const { favicon, css, script, bundle } = files;

  const pageHtml = (embedded: boolean) =>
    fill(files.template, {
      htmlClass: embedded ? 'embedded' : '',
      clinicName: escapeHtml(deps.clinic.name),
      locale: escapeHtml(deps.locale),
      phoneLink: telLink(deps.clinic.phone),
      emergencyLink: telLink(deps.clinic.emergencyNumber),
      emailLink: `<a href="mailto:${escapeHtml(deps.clinic.email)}">${escapeHtml(deps.clinic.email)}</a>`,
      privacyNotice: privacyNotice(deps.clinic, deps.privacy),
      ...files.colours,
      configJson: scriptJson({
        clinicName: deps.clinic.name,
        phone: deps.clinic.phone,
        emergencyNumber: deps.clinic.emergencyNumber,
        locale: deps.locale,
        ...files.colours,
      }),
      faviconUrl: versionedUrl(favicon),
      cssUrl: versionedUrl(css),
      scriptUrl: versionedUrl(script),
      webchatUrl: versionedUrl(bundle),
    });
  const page = asset('/', pageHtml(false), HTML);
  const widgetPage = asset('/', pageHtml(true), HTML);
  const widget = asset('/widget.js', widgetScript(deps, files.widgetTemplate, files.widgetCss), JS, WIDGET_SCRIPT_MAX_AGE_SECONDS);
  const refused = asset('/', refusedFramePage(deps.clinic, versionedUrl(css)), HTML);
  // The refusal page may be framed anywhere: it only says the chat is not available and gives the clinic's number.
  const refusedCsp = csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *');

  /** Who framed the page: the Referer's origin, else the widget's host parameter; '' when unknown. */
  const framerOf = (req: restify.Request, url: URL): string => {
    for (const candidate of [String(req.headers.referer ?? ''), url.searchParams.get('host') ?? '']) {
      try {
        const origin = new URL(candidate).origin;
        if (origin !== 'null') return origin;
      } catch {
        /* not a URL */
      }
    }
    return '';
  };

  /** The page (or its widget form), or the refusal page when a site not allowed to frame it does. */
  const pageFor = (req: restify.Request): { asset: Asset; csp: string } => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chosen = url.searchParams.get('embed') === 'widget' ? widgetPage : page;
    if (req.headers['sec-fetch-dest'] !== 'iframe') return { asset: chosen, csp };
    const framer = framerOf(req, url);
    if (!framer || isAllowedOrigin(framer, req, deps.allowedOrigins)) return { asset: chosen, csp }; // unknown: frame-ancestors decides
    refusedLog.refused(framer, 'iframe');
    return { asset: refused, csp: refusedCsp };
  };

  const securityHeaders = (policy: string): Record<string, string> => ({
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  });

  const route = (path: string, get: () => Asset, extra: Record<string, string> = {}, before?: () => void) => {
    const handler = async (req: restify.Request, res: restify.Response): Promise<void> => {
      before?.();
      await sendAsset(req, res, get(), { ...securityHeaders(csp), ...extra });
    };
    server.get(path, handler);
    server.head(path, handler);
  };
  const pageHandler = async (req: restify.Request, res: restify.Response): Promise<void> => {
    const chosen = pageFor(req);
    await sendAsset(req, res, chosen.asset, securityHeaders(chosen.csp), ['Sec-Fetch-Dest', 'Referer']);
  };
  server.get('/', pageHandler);
  server.head('/', pageHandler);
  // Other sites load it with <script src>: it may be embedded cross-origin (also under COEP), and its asking
  // is the moment to get the panel's bundle compressed, before anyone opens the chat.
  route(
    '/widget.js',
    () => widget,
    { 'Cross-Origin-Resource-Policy': 'cross-origin' },
    () => warm(bundle),
  );
  route('/webchat/chat.js', () => script);
  route('/webchat/chat.css', () => css);
  route('/webchat/favicon.svg', () => favicon);
  route('/webchat/webchat-minimal.js', () => bundle);
  route('/webchat/webchat.js', files.fullBundle);
}
