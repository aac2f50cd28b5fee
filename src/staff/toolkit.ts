/**
 * What the staff routes share with route modules registered beside them (workflow.ts: notifications, enquiry
 * follow-up, dashboard, audit, two-factor): the session guard, page context and response helpers, passed in by
 * registerStaffRoutes so that a module needs no import from the routes file.
 */
import type { Request, RequestHandler, Response } from 'restify';
import type { Logger } from '../logger';
import type { NotificationDispatcher } from '../notify/dispatcher';
import type { StorageBackend } from '../storage/backend';
import type { AuditTrail } from './audit';
import type { Session } from './auth';
import type { PageContext } from './pages';

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
  /** Starts a session for an account that has signed in, and redirects to `next` (a safe /staff/ path). */
  startSession(res: Response, user: string, next: string, extraCookies?: string[]): Promise<void>;
  /** A Set-Cookie value with the staff cookies' attributes (HttpOnly, SameSite=Strict, Secure when configured). */
  cookie(name: string, value: string, maxAgeSeconds: number, path?: string): string;
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
