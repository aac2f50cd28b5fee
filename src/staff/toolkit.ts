/**
 * What the staff routes share with route modules registered beside them (workflow.ts: notifications, enquiry
 * follow-up, dashboard, audit, two-factor): the session guard, page context and response helpers, built from the
 * routes' shared context by staffToolkit() in routes/index.ts.
 */
import type { Request, RequestHandler, Response } from 'restify';
import type { Logger } from '../logger';
import type { NotificationDispatcher } from '../notify/dispatcher';
import type { StorageBackend } from '../storage/backend';
import type { AuditTrail } from './audit';
import { cookie, Session } from './auth';
import type { SigninLimiter } from './signinLimiter';
import type { PageContext } from './pages';
import type { StaffContext } from './routes/context';
import { form, HttpError, parseDay, query, redirect, secure, sendHtml, sendJson, wantsHtml } from './routes/helpers';

export type RouteKind = 'page' | 'api' | 'download';
export type StaffHandler = (req: Request, res: Response, session: Session) => Promise<void> | void;

export interface StaffToolkit {
  storage: StorageBackend;
  logger: Logger;
  /** Staff account names (STAFF_USERS). */
  accounts: string[];
  notifications?: NotificationDispatcher;
  audit: AuditTrail;
  /** Session check, CSRF on POST, errors as a page or JSON. */
  guarded(kind: RouteKind, handler: StaffHandler, options?: { post?: boolean }): RequestHandler;
  pageContext(session: Session): Promise<PageContext>;
  sendHtml(res: Response, status: number, body: string): void;
  sendJson(res: Response, status: number, body: unknown): void;
  redirect(res: Response, location: string): void;
  /** The sign-in limit: an attempt is counted before it is checked (see signinLimiter.ts). */
  loginLimiter: Pick<SigninLimiter, 'begin'>;
  /** The client's address (X-Forwarded-For only from proxies trusted by TRUST_PROXY). */
  clientAddress(req: Request): string;
  /** Starts a session for an account that has signed in, and redirects to `next` (a safe /staff/ path). */
  startSession(req: Request, res: Response, user: string, next: string, extraCookies?: string[]): Promise<void>;
  /** A Set-Cookie value with the staff cookies' attributes (HttpOnly, SameSite=Strict, Secure over https or when configured). */
  cookie(req: Request, name: string, value: string, maxAgeSeconds: number, path?: string): string;
  /** A file download with the staff pages' security headers. */
  download(res: Response, filename: string, contentType: string, body: string): void;
  query(req: Request): URLSearchParams;
  form(req: Request): URLSearchParams;
  wantsHtml(req: Request): boolean;
  /** Throws the error the guard turns into a 4xx page (HTML routes) or JSON. */
  fail(status: number, message: string): never;
  /** A YYYY-MM-DD parameter as the start of that day (ms), or a 400. */
  parseDay(value: string | null | undefined, name: string): number | undefined;
}

/** The toolkit over the staff routes' shared context (routes/context.ts) and HTTP helpers (routes/helpers.ts). */
export function staffToolkit(ctx: StaffContext): StaffToolkit {
  return {
    storage: ctx.storage,
    logger: ctx.logger,
    accounts: ctx.accounts,
    notifications: ctx.notifications,
    audit: ctx.audit,
    guarded: ctx.guarded,
    pageContext: ctx.pageContext,
    startSession: ctx.startSession,
    loginLimiter: ctx.limiter,
    clientAddress: (req) => ctx.proxy.clientAddress(req),
    cookie: (req, name, value, maxAgeSeconds, path) => cookie(name, value, { maxAgeSeconds, secure: ctx.secureFor(req), path }),
    sendHtml,
    sendJson,
    redirect: (res, location) => redirect(res, location),
    download: (res, filename, contentType, body) => {
      secure(res);
      res.sendRaw(200, body, { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${filename}"` });
    },
    query,
    form,
    wantsHtml,
    fail: (status, message) => {
      throw new HttpError(status, message);
    },
    parseDay,
  };
}
