/**
 * What every staff route module shares, built once per server: the backend's review and enquiries, sessions and
 * the sign-in rate limit, cookies, and guarded(), which wraps a handler with the session check, CSRF on POST, and
 * errors as a short page or JSON (never a stack trace).
 */
import type { Request, Response } from 'restify';
import type { StaffConfig } from '../../config';
import type { Logger } from '../../logger';
import type { LiveTeaching } from '../../teach/live';
import type { StorageBackend } from '../../storage/backend';
import type { EnquiryStatus } from '../../storage/enquiries';
import { BadFilterError } from '../../storage/review';
import { ProxyTrust } from '../../channels/clientAddress';
import { cookie, parseCookies, Session, Sessions } from '../auth';
import { withMemoryFallback } from '../sessionFallback';
import { SigninLimiter } from '../signinLimiter';
import { formatDate } from '../html';
import * as pages from '../pages';
import type { NotificationDispatcher } from '../../notify/dispatcher';
import { UNASSIGNED } from '../../storage/enquiryFollowUp';
import { AuditTrail } from '../audit';
import { TwoFactor } from '../totp';
import {
  endOfDay,
  form,
  HttpError,
  LOGIN_COOKIE,
  parseDay,
  redirect,
  rowId,
  safeNext,
  sendHtml,
  sendJson,
  SESSION_COOKIE,
  text,
  wantsHtml,
} from './helpers';

export interface StaffDeps {
  /** Conversations, enquiries, deletion and staff sessions: SQLite or Azure Blob (see src/storage/backend.ts). */
  storage: StorageBackend;
  config: StaffConfig;
  /** The secret actually used (STAFF_SESSION_SECRET, or one generated at start-up). */
  secret: string;
  logger: Logger;
  /** The clinic's safety tier table (knowledge/safety/tiers.json, numbers filled in), shown on the urgent page. */
  safetyTiers?: pages.SafetyTierRow[];
  /** Teaching the running bot (src/teach); absent when the app runs on a supplied recognizer. */
  teaching?: LiveTeaching;
  /** Staff notifications: their state is shown on the staff pages. */
  notifications?: NotificationDispatcher;
  /** Which proxies' X-Forwarded-* to believe (client address for the sign-in limit, https for Secure cookies). */
  proxy?: ProxyTrust;
  /** Warnings shown at the top of every signed-in page (storage outage, damaged database). */
  banners?: () => string[];
}

export type Kind = 'page' | 'api' | 'download';
export type Handler = (req: Request, res: Response, session: Session) => Promise<void> | void;

export type StaffContext = ReturnType<typeof createStaffContext>;

export function createStaffContext(deps: StaffDeps) {
  const { config, logger } = deps;
  const { review, enquiries } = deps.storage;
  const proxy = deps.proxy ?? new ProxyTrust();
  // A session that cannot be stored (a full disk) is kept in memory, so that staff can still sign in and see why.
  const sessions = new Sessions(withMemoryFallback(deps.storage.sessions, logger), deps.secret, config.sessionHours);
  const limiter = new SigninLimiter({ limit: config.loginRateLimit, slowdownAfter: config.loginSlowdownAfter });
  // Secure whenever the request arrived over https (directly, or through a proxy trusted by TRUST_PROXY).
  const secureFor = (req: Request) => config.cookieSecure || proxy.isHttps(req);
  const sessionCookie = (req: Request, value: string, maxAge: number) =>
    cookie(SESSION_COOKIE, value, { maxAgeSeconds: maxAge, secure: secureFor(req) });
  const loginCookie = (req: Request, value: string, maxAge: number) =>
    cookie(LOGIN_COOKIE, value, { maxAgeSeconds: maxAge, secure: secureFor(req), path: '/staff/login' });
  const banners = () => deps.banners?.() ?? [];

  const accounts = new Set(config.users.map((u) => u.name));
  const audit = new AuditTrail(deps.storage.audit, logger, form);
  const twoFactor = new TwoFactor(deps.storage.secondFactors, config.users, deps.secret, 'Clinic bot staff');
  // A session of an account that has since been removed from STAFF_USERS is not valid any more.
  const sessionOf = async (req: Request): Promise<Session | undefined> => {
    const session = await sessions.find(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
    return session && accounts.has(session.user) ? session : undefined;
  };
  const pageContext = async (s: Session): Promise<pages.PageContext> => ({
    user: s.user,
    csrf: s.csrf,
    newEnquiries: await enquiries.countNew(),
    banners: banners(),
    ...(deps.notifications?.health().status === 'failing'
      ? { alert: 'Staff notifications are failing (email or webhook); they will be retried.' }
      : {}),
  });

  /** Starts a session for an account that has signed in (password, and a code when it has a second factor). */
  const startSession = async (req: Request, res: Response, user: string, next: string, extra: string[] = []) => {
    const value = await sessions.create(user);
    logger.info('staff signed in', { user });
    redirect(res, safeNext(next), [sessionCookie(req, value, config.sessionHours * 3600), ...extra]);
  };

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
        return html
          ? sendHtml(
              res,
              403,
              pages.messagePage('Not allowed', 'This form has expired. Please go back, reload the page and try again.', await pageContext(session)),
            )
          : sendJson(res, 403, { error: 'missing or wrong CSRF token' });
      }
      // An account that must use two-factor sign-in and has not set it up yet can only set it up (or sign out).
      if (twoFactor.required(session.user) && !/^\/staff\/(account|logout)/.test(req.path()) && !(await twoFactor.enabled(session.user))) {
        if (html && !options.post) return redirect(res, '/staff/account');
        return sendJson(res, 403, { error: 'set up two-factor sign-in at /staff/account first' });
      }
      audit.track(req, res, session.user);
      try {
        await handler(req, res, session);
      } catch (err) {
        const status = err instanceof HttpError ? err.status : err instanceof BadFilterError ? 400 : 500;
        const message = status === 500 ? 'Something went wrong. Please try again.' : (err as Error).message;
        if (status === 500) logger.error('staff request failed', { path: req.path(), error: (err as Error).message });
        if (res.headersSent) return void res.end();
        // A browser following a link (a page or a download) gets a page; scripts get JSON.
        if (kind !== 'api' && wantsHtml(req)) {
          const context = await pageContext(session).catch(() => ({ user: session.user, csrf: session.csrf, newEnquiries: 0, banners: banners() }));
          return sendHtml(res, status, pages.messagePage(status === 404 ? 'Not found' : 'Sorry', message, context));
        }
        return sendJson(res, status, { error: message });
      }
    };

  const conversationOr404 = async (req: Request) => {
    const c = await review.getConversation(rowId(req));
    if (!c) throw new HttpError(404, 'No such conversation (it may have been deleted).');
    return c;
  };

  const unansweredRange = (params: URLSearchParams) => {
    const fromDate = params.get('from') || formatDate(new Date(Date.now() - 30 * 86_400_000));
    const toDate = params.get('to') || formatDate(new Date());
    return { fromDate, toDate, from: parseDay(fromDate, 'from'), to: endOfDay(parseDay(toDate, 'to')) };
  };

  const enquiryStatus = (value: string | null): EnquiryStatus | 'all' => {
    const status = value || 'new';
    if (status !== 'new' && status !== 'done' && status !== 'all') throw new HttpError(400, 'status must be new, done or all');
    return status;
  };

  /** Filters of the enquiry list (status, owner), shared by the page and the API. */
  const enquiryFilter = (params: URLSearchParams) => {
    const status = enquiryStatus(params.get('status'));
    const owner = params.get('owner') ?? '';
    if (owner && owner !== UNASSIGNED && !accounts.has(owner)) throw new HttpError(400, 'owner must be a staff account name or "-" (nobody)');
    return { status, owner, list: { status: status === 'all' ? undefined : status, owner: owner || undefined, before: text(params, 'before', 40) } };
  };

  return {
    config,
    accounts: [...accounts],
    notifications: deps.notifications,
    audit,
    twoFactor,
    startSession,
    enquiryFilter,
    logger,
    storage: deps.storage,
    teaching: deps.teaching,
    review,
    enquiries,
    sessions,
    limiter,
    proxy,
    sessionCookie,
    secureFor,
    loginCookie,
    sessionOf,
    pageContext,
    guarded,
    conversationOr404,
    unansweredRange,
    enquiryStatus,
  };
}
