/**
 * HTTP helpers of the staff routes: security headers on every answer, HTML and JSON answers, redirects, form and
 * query parsing, and the checked parameters (ids, dates, filters, the "next" page after sign-in).
 */
import type { Request, Response } from 'restify';
import { queryOf, sendJson as sendJsonOnly } from '../../channels/httpUtil';
import type { ConversationFilter, Flag } from '../../storage/review';
import { FLAGS } from '../../storage/review';

export const SESSION_COOKIE = 'clinic_staff';
export const LOGIN_COOKIE = 'clinic_staff_login';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function secure(res: Response): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

export function sendHtml(res: Response, status: number, body: string): void {
  secure(res);
  res.sendRaw(status, body, { 'Content-Type': 'text/html; charset=utf-8' });
}

export function sendJson(res: Response, status: number, body: unknown): void {
  secure(res);
  sendJsonOnly(res, status, body);
}

export function redirect(res: Response, location: string, cookies: string[] = []): void {
  secure(res);
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  res.sendRaw(303, '', { Location: location });
}

export const query = queryOf;

export function form(req: Request): URLSearchParams {
  const body = (req as { body?: unknown }).body;
  if (typeof body === 'string') return new URLSearchParams(body);
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  }
  return new URLSearchParams();
}

export function wantsHtml(req: Request): boolean {
  return /text\/html/.test(String(req.headers.accept ?? ''));
}

export function rowId(req: Request): number {
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
export function endOfDay(start: number | undefined): number | undefined {
  if (start === undefined) return undefined;
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

export function text(params: URLSearchParams, name: string, max: number): string | undefined {
  const value = params.get(name)?.trim();
  if (!value) return undefined;
  if (value.length > max) throw new HttpError(400, `${name} is too long (at most ${max} characters)`);
  return value;
}

export function conversationFilter(params: URLSearchParams): ConversationFilter & { fromDate?: string; toDate?: string } {
  const flag = params.get('flag') || undefined;
  if (flag && !FLAGS.includes(flag as Flag)) throw new HttpError(400, `flag must be one of ${FLAGS.join(', ')}`);
  const fromDate = params.get('from') || undefined;
  const toDate = params.get('to') || undefined;
  const limit = params.get('limit');
  if (limit && !/^\d{1,3}$/.test(limit)) throw new HttpError(400, 'limit must be a number from 1 to 200');
  const page = params.get('page');
  if (page && !/^[1-9]\d{0,5}$/.test(page)) throw new HttpError(400, 'page must be a page number (1, 2, …)');
  return {
    channel: text(params, 'channel', 100),
    flag: flag as Flag | undefined,
    q: text(params, 'q', 200),
    from: parseDay(fromDate, 'from'),
    to: endOfDay(parseDay(toDate, 'to')),
    before: text(params, 'before', 40),
    after: text(params, 'after', 40),
    limit: limit ? Number(limit) : undefined,
    page: page ? Number(page) : undefined,
    fromDate,
    toDate,
  };
}

/** Only same-site paths under /staff/ are followed after sign-in (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/staff\/[A-Za-z0-9/_?&=.%+-]*$/.test(next) && !next.startsWith('//') ? next : '/staff/dashboard';
}
