/**
 * Staff review at /staff, on the bot's restify server.
 *
 * Pages (HTML) redirect to the sign-in page without a session; the JSON API (/staff/api/…) and the
 * exports answer 401. Only the session cookie authenticates: an Authorization header (a Direct Line
 * or channel token) is ignored. Every POST needs the session's CSRF token. With no staff accounts
 * configured, every /staff URL answers 404 and start-up logs that the staff pages are off.
 */
import type { Request, Response, Server } from 'restify';
import type { StaffConfig } from '../config';
import type { Logger } from '../logger';
import type { StorageBackend } from '../storage/backend';
import type { EnquiryStatus } from '../storage/enquiries';
import { BadFilterError, ConversationFilter, Flag, FLAGS, trainingCandidates } from '../storage/review';
import type { Db } from '../storage/sqlite';
import { ProxyTrust } from '../channels/clientAddress';
import { checkCredentials, cookie, parseCookies, Session, Sessions, sqliteSessionRecords } from './auth';
import { withMemoryFallback } from './sessionFallback';
import { SigninLimiter } from './signinLimiter';
import { exportCsv, exportJson, safeFilePart } from './exports';
import { FAVICON, formatDate, STYLESHEET } from './html';
import * as pages from './pages';

export const SESSION_COOKIE = 'clinic_staff';
export const LOGIN_COOKIE = 'clinic_staff_login';

export interface StaffDeps {
  /** Staff sessions (the local SQLite file, whichever storage the conversations are in). */
  db: Db;
  /** Conversations, enquiries, deletion: SQLite or Azure Blob (see src/storage/backend.ts). */
  storage: StorageBackend;
  config: StaffConfig;
  /** The secret actually used (STAFF_SESSION_SECRET, or one generated at start-up). */
  secret: string;
  logger: Logger;
  /** Which proxies' X-Forwarded-* to believe (client address for the sign-in limit, https for Secure cookies). */
  proxy?: ProxyTrust;
  /** Warnings shown at the top of every signed-in page (storage outage, damaged database). */
  banners?: () => string[];
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function secure(res: Response): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

function sendHtml(res: Response, status: number, body: string): void {
  secure(res);
  res.sendRaw(status, body, { 'Content-Type': 'text/html; charset=utf-8' });
}

function sendJson(res: Response, status: number, body: unknown): void {
  secure(res);
  res.sendRaw(status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8' });
}

function redirect(res: Response, location: string, cookies: string[] = []): void {
  secure(res);
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  res.sendRaw(303, '', { Location: location });
}

function query(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://staff.invalid').searchParams;
}

function form(req: Request): URLSearchParams {
  const body = (req as { body?: unknown }).body;
  if (typeof body === 'string') return new URLSearchParams(body);
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  }
  return new URLSearchParams();
}

function wantsHtml(req: Request): boolean {
  return /text\/html/.test(String(req.headers.accept ?? ''));
}

function rowId(req: Request): number {
  const raw = String((req.params as Record<string, string>)?.id ?? '');
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(404, 'no such conversation');
  return Number(raw);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD date as the start of that day in the server's time zone (ms). */
export function parseDay(value: string | null | undefined, name: string): number | undefined {
  if (!value) return undefined;
  const m = DATE.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
  if (!m || !d || d.getFullYear() !== Number(m[1]) || d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3])) {
    throw new HttpError(400, `${name} must be a date like 2025-03-31`);
  }
  return d.getTime();
}

/** The day after (the end of an inclusive "to" date). */
function endOfDay(start: number | undefined): number | undefined {
  if (start === undefined) return undefined;
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

function text(params: URLSearchParams, name: string, max: number): string | undefined {
  const value = params.get(name)?.trim();
  if (!value) return undefined;
  if (value.length > max) throw new HttpError(400, `${name} is too long (at most ${max} characters)`);
  return value;
}

function conversationFilter(params: URLSearchParams): ConversationFilter & { fromDate?: string; toDate?: string } {
  const flag = params.get('flag') || undefined;
  if (flag && !FLAGS.includes(flag as Flag)) throw new HttpError(400, `flag must be one of ${FLAGS.join(', ')}`);
  const fromDate = params.get('from') || undefined;
  const toDate = params.get('to') || undefined;
  const limit = params.get('limit');
  if (limit && !/^\d{1,3}$/.test(limit)) throw new HttpError(400, 'limit must be a number from 1 to 200');
  return {
    channel: text(params, 'channel', 100),
    flag: flag as Flag | undefined,
    q: text(params, 'q', 200),
    from: parseDay(fromDate, 'from'),
    to: endOfDay(parseDay(toDate, 'to')),
    before: text(params, 'before', 40),
    after: text(params, 'after', 40),
    limit: limit ? Number(limit) : undefined,
    fromDate,
    toDate,
  };
}

/** Only same-site paths under /staff/ are followed after sign-in (no open redirect). */
function safeNext(next: string | null | undefined): string {
  return next && /^\/staff\/[A-Za-z0-9/_?&=.%+-]*$/.test(next) && !next.startsWith('//') ? next : '/staff/conversations';
}

export function registerStaffRoutes(server: Server, deps: StaffDeps): void {
  const { config, logger } = deps;
  const { review, enquiries } = deps.storage;
  const proxy = deps.proxy ?? new ProxyTrust();
  const sessions = new Sessions(withMemoryFallback(deps.storage.sessions ?? sqliteSessionRecords(deps.db), logger), deps.secret, config.sessionHours);
  const limiter = new SigninLimiter({ limit: config.loginRateLimit, slowdownAfter: config.loginSlowdownAfter });
  // Secure whenever the request arrived over https (directly, or through a proxy trusted by TRUST_PROXY).
  const secureFor = (req: Request) => config.cookieSecure || proxy.isHttps(req);
  const sessionCookie = (req: Request, value: string, maxAge: number) => cookie(SESSION_COOKIE, value, { maxAgeSeconds: maxAge, secure: secureFor(req) });
  const loginCookie = (req: Request, value: string, maxAge: number) => cookie(LOGIN_COOKIE, value, { maxAgeSeconds: maxAge, secure: secureFor(req), path: '/staff/login' });
  const banners = () => deps.banners?.() ?? [];

  const accounts = new Set(config.users.map((u) => u.name));
  // A session of an account that has since been removed from STAFF_USERS is not valid any more.
  const sessionOf = async (req: Request): Promise<Session | undefined> => {
    const session = await sessions.find(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
    return session && accounts.has(session.user) ? session : undefined;
  };
  const pageContext = async (s: Session): Promise<pages.PageContext> => ({ user: s.user, csrf: s.csrf, newEnquiries: await enquiries.countNew(), banners: banners() });

  type Kind = 'page' | 'api' | 'download';
  type Handler = (req: Request, res: Response, session: Session) => Promise<void> | void;

  /** Wraps a handler: session check, CSRF on POST, and errors as a short page or JSON (never a stack trace). */
  const guarded =
    (kind: Kind, handler: Handler, options: { post?: boolean } = {}) =>
    async (req: Request, res: Response): Promise<void> => {
      const session = await sessionOf(req);
      const html = kind === 'page' && wantsHtml(req);
      if (!session) {
        if (html && !options.post) return redirect(res, `/staff/login?next=${encodeURIComponent(req.url ?? '')}`);
        return sendJson(res, 401, { error: 'sign in at /staff/login first' });
      }
      if (options.post && !sessions.checkCsrf(session, form(req).get('csrf') ?? req.headers['x-csrf-token'])) {
        return html ? sendHtml(res, 403, pages.messagePage('Not allowed', 'This form has expired. Please go back, reload the page and try again.', await pageContext(session))) : sendJson(res, 403, { error: 'missing or wrong CSRF token' });
      }
      try {
        await handler(req, res, session);
      } catch (err) {
        const status = err instanceof HttpError ? err.status : err instanceof BadFilterError ? 400 : 500;
        const message = status === 500 ? 'Something went wrong. Please try again.' : (err as Error).message;
        if (status === 500) logger.error('staff request failed', { path: req.path(), error: (err as Error).message });
        if (res.headersSent) return void res.end();
        if (kind === 'page' && wantsHtml(req)) {
          const context = await pageContext(session).catch(() => ({ user: session.user, csrf: session.csrf, newEnquiries: 0, banners: banners() }));
          return sendHtml(res, status, pages.messagePage(status === 404 ? 'Not found' : 'Sorry', message, context));
        }
        return sendJson(res, status, { error: message });
      }
    };

  server.get('/staff/style.css', async (_req, res) => {
    secure(res);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendRaw(200, STYLESHEET, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  server.get('/staff/favicon.svg', async (_req, res) => {
    secure(res);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendRaw(200, FAVICON, { 'Content-Type': 'image/svg+xml' });
  });

  server.get('/staff', async (req, res) => redirect(res, (await sessionOf(req)) ? '/staff/conversations' : '/staff/login'));

  // --- sign-in ---
  server.get('/staff/login', async (req, res) => {
    if (await sessionOf(req)) return redirect(res, '/staff/conversations');
    const nonce = sessions.loginNonce();
    res.setHeader('Set-Cookie', loginCookie(req, nonce.cookie, 3600));
    sendHtml(res, 200, pages.loginPage({ nonce: nonce.field, next: safeNext(query(req).get('next')) }));
  });

  server.post('/staff/login', async (req, res) => {
    const params = form(req);
    const name = (params.get('name') ?? '').trim().slice(0, 64);
    const password = params.get('password') ?? '';
    const next = safeNext(params.get('next'));
    const html = wantsHtml(req);
    const again = (status: number, error: string, extra: Record<string, string> = {}) => {
      const nonce = sessions.loginNonce();
      res.setHeader('Set-Cookie', loginCookie(req, nonce.cookie, 3600));
      for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
      if (html) return sendHtml(res, status, pages.loginPage({ nonce: nonce.field, next, error, name }));
      return sendJson(res, status, { error });
    };
    const ip = proxy.clientAddress(req);
    if (!sessions.checkLoginNonce(parseCookies(req.headers.cookie)[LOGIN_COOKIE], params.get('nonce'))) {
      return again(403, 'The sign-in form expired. Please sign in again.');
    }
    // Counted before the password is checked, so that a burst of concurrent attempts cannot all be checked.
    const decision = limiter.begin(ip, name);
    if (!decision.allowed) {
      const wait = decision.retryAfterSeconds;
      logger.warn('staff sign-in rate limited', { user: name || undefined, ip });
      return again(429, `Too many sign-in attempts. Please try again in ${Math.ceil(wait / 60)} minute(s).`, { 'Retry-After': String(wait) });
    }
    const { attempt } = decision;
    if (attempt.delayMs > 0) await new Promise((r) => setTimeout(r, attempt.delayMs));
    const account = name && password ? await checkCredentials(config.users, name, password.slice(0, 200)) : undefined;
    if (!account) {
      attempt.failed();
      logger.warn('staff sign-in failed', { user: name || undefined, ip });
      return again(401, 'Wrong name or password.');
    }
    attempt.succeeded();
    const value = await sessions.create(account.name);
    logger.info('staff signed in', { user: account.name });
    redirect(res, next, [sessionCookie(req, value, config.sessionHours * 3600), loginCookie(req, '', 0)]);
  });

  server.post(
    '/staff/logout',
    guarded(
      'page',
      async (req, res, session) => {
        await sessions.end(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
        logger.info('staff signed out', { user: session.user });
        redirect(res, '/staff/login', [sessionCookie(req, '', 0)]);
      },
      { post: true },
    ),
  );

  // --- conversations ---
  server.get(
    '/staff/conversations',
    guarded('page', async (req, res, session) => {
      const params = query(req);
      let filter: ReturnType<typeof conversationFilter> = {};
      let error: string | undefined;
      let status = 200;
      try {
        filter = conversationFilter(params);
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        error = err.message;
        status = err.status;
      }
      const page = error ? { items: [] } : await review.listConversations(filter);
      const notice = params.get('deleted') === '1' ? 'The conversation was deleted.' : undefined;
      sendHtml(res, status, pages.conversationsPage(await pageContext(session), { filter, page, channels: await review.channels(), error, notice }));
    }),
  );

  const conversationOr404 = async (req: Request) => {
    const c = await review.getConversation(rowId(req));
    if (!c) throw new HttpError(404, 'No such conversation (it may have been deleted).');
    return c;
  };

  server.get(
    '/staff/conversations/:id',
    guarded('page', async (req, res, session) => {
      const c = await conversationOr404(req);
      sendHtml(res, 200, pages.transcriptPage(await pageContext(session), c, await review.turns(c.id), await enquiries.forConversation(c.channelId, c.conversationId)));
    }),
  );

  server.get(
    '/staff/conversations/:id/transcript',
    guarded('download', async (req, res, session) => {
      const c = await conversationOr404(req);
      const file = await review.transcriptFile(c.id);
      logger.info('staff exported a transcript', { user: session.user, conversation: c.id });
      secure(res);
      res.sendRaw(200, JSON.stringify(file, null, 2), {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${safeFilePart(c.channelId)}-${safeFilePart(c.conversationId)}.transcript"`,
      });
    }),
  );

  server.get(
    '/staff/conversations/:id/delete',
    guarded('page', async (req, res, session) => sendHtml(res, 200, pages.deleteConfirmPage(await pageContext(session), await conversationOr404(req)))),
  );

  server.post(
    '/staff/conversations/:id/delete',
    guarded(
      'page',
      async (req, res, session) => {
        const deleted = await deps.storage.deleteConversation(rowId(req));
        if (!deleted) throw new HttpError(404, 'No such conversation (it may have been deleted already).');
        logger.info('staff deleted a conversation', { user: session.user, conversation: rowId(req), activities: deleted.activities, enquiries: deleted.enquiries });
        if (wantsHtml(req)) return redirect(res, '/staff/conversations?deleted=1');
        sendJson(res, 200, { deleted });
      },
      { post: true },
    ),
  );

  // --- exports of a date range ---
  server.get(
    '/staff/export',
    guarded('download', async (req, res, session) => {
      const params = query(req);
      const format = params.get('format') ?? 'csv';
      if (format !== 'csv' && format !== 'json') throw new HttpError(400, 'format must be csv or json');
      const from = parseDay(params.get('from'), 'from');
      const to = endOfDay(parseDay(params.get('to'), 'to'));
      if (from !== undefined && to !== undefined && to <= from) throw new HttpError(400, '"to" must not be before "from"');
      const name = `clinic-transcripts-${params.get('from') || 'start'}-to-${params.get('to') || formatDate(new Date())}.${format}`;
      secure(res);
      res.writeHead(200, {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
      const write = (chunk: string) => (res.write(chunk) ? undefined : new Promise<void>((resolve) => res.once('drain', () => resolve())));
      const n = format === 'csv' ? await exportCsv(review, { from, to }, write) : await exportJson(review, { from, to }, write);
      res.end();
      logger.info('staff exported conversations', { user: session.user, format, conversations: n });
    }),
  );

  // --- unanswered questions ---
  const unansweredRange = (params: URLSearchParams) => {
    const fromDate = params.get('from') || formatDate(new Date(Date.now() - 30 * 86_400_000));
    const toDate = params.get('to') || formatDate(new Date());
    return { fromDate, toDate, from: parseDay(fromDate, 'from'), to: endOfDay(parseDay(toDate, 'to')) };
  };

  server.get(
    '/staff/unanswered',
    guarded('page', async (req, res, session) => {
      const range = unansweredRange(query(req));
      sendHtml(res, 200, pages.unansweredPage(await pageContext(session), await review.unanswered(range), range));
    }),
  );

  server.get(
    '/staff/unanswered/export',
    guarded('download', async (req, res) => {
      const params = query(req);
      const range = unansweredRange(params);
      const format = params.get('format') ?? 'txt';
      const groups = await review.unanswered(range, 5000);
      const base = `unanswered-${range.fromDate}-to-${range.toDate}`;
      secure(res);
      if (format === 'json') {
        return res.sendRaw(200, JSON.stringify(groups, null, 2), { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${base}.json"` });
      }
      if (format !== 'txt') throw new HttpError(400, 'format must be txt or json');
      res.sendRaw(200, trainingCandidates(groups, `${range.fromDate} to ${range.toDate}`), {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': `attachment; filename="${base}.txt"`,
      });
    }),
  );

  // --- enquiries ---
  const enquiryStatus = (value: string | null): EnquiryStatus | 'all' => {
    const status = value || 'new';
    if (status !== 'new' && status !== 'done' && status !== 'all') throw new HttpError(400, 'status must be new, done or all');
    return status;
  };

  server.get(
    '/staff/enquiries',
    guarded('page', async (req, res, session) => {
      const params = query(req);
      const status = enquiryStatus(params.get('status'));
      const page = await enquiries.list({ status: status === 'all' ? undefined : status, before: text(params, 'before', 40) });
      const items = await Promise.all(page.items.map(async (e) => ({ ...e, conversationRow: (await review.findConversation(e.channelId, e.conversationId))?.id })));
      const notice = params.get('updated') ? `Enquiry ${params.get('updated')} updated.` : undefined;
      sendHtml(res, 200, pages.enquiriesPage(await pageContext(session), items, status, page.next, notice));
    }),
  );

  server.post(
    '/staff/enquiries/:id/status',
    guarded(
      'page',
      async (req, res, session) => {
        const id = String((req.params as Record<string, string>)?.id ?? '');
        const status = form(req).get('status');
        if (!/^\d{1,15}$/.test(id)) throw new HttpError(404, 'no such enquiry');
        if (status !== 'done' && status !== 'new') throw new HttpError(400, 'status must be done or new');
        if (!(await enquiries.setStatus(Number(id), status, session.user))) throw new HttpError(404, 'no such enquiry');
        logger.info('staff updated an enquiry', { user: session.user, enquiry: Number(id), status });
        if (wantsHtml(req)) return redirect(res, `/staff/enquiries?status=${status === 'done' ? 'new' : 'done'}&updated=${id}`);
        sendJson(res, 200, { id: Number(id), status });
      },
      { post: true },
    ),
  );

  // --- JSON API ---
  server.get(
    '/staff/api/conversations',
    guarded('api', async (req, res) => {
      const { fromDate: _f, toDate: _t, ...filter } = conversationFilter(query(req));
      sendJson(res, 200, await review.listConversations(filter));
    }),
  );

  server.get(
    '/staff/api/conversations/:id',
    guarded('api', async (req, res) => {
      const c = await conversationOr404(req);
      sendJson(res, 200, { conversation: c, turns: await review.turns(c.id), enquiries: await enquiries.forConversation(c.channelId, c.conversationId) });
    }),
  );

  server.get(
    '/staff/api/unanswered',
    guarded('api', async (req, res) => sendJson(res, 200, { items: await review.unanswered(unansweredRange(query(req))) })),
  );

  server.get(
    '/staff/api/enquiries',
    guarded('api', async (req, res) => {
      const params = query(req);
      const status = enquiryStatus(params.get('status'));
      sendJson(res, 200, await enquiries.list({ status: status === 'all' ? undefined : status, before: text(params, 'before', 40) }));
    }),
  );

  // Anything else under /staff: a clean 404 (after the session check, so it reveals nothing).
  const notFound = guarded('api', () => {
    throw new HttpError(404, 'not found');
  });
  server.get('/staff/*', notFound);
  server.post('/staff/*', notFound);
}

/** With no staff accounts, /staff answers 404 with the reason (and start-up logs it). */
export function registerStaffOff(server: Server): void {
  const off = async (_req: Request, res: Response) => sendJson(res, 404, { error: 'staff review is off: no staff accounts are configured (STAFF_USERS)' });
  server.get('/staff', off);
  server.get('/staff/*', off);
  server.post('/staff/*', off);
}
