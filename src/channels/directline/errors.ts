/**
 * Direct Line errors: JSON { error: { code, message } } with a 4xx status, never a stack trace.
 * The codes follow Azure Direct Line's, so clients that look at them keep working.
 */
import type { ServerResponse } from 'node:http';

export type ErrorCode =
  | 'BadArgument'
  | 'NotSupported'
  | 'Unauthorized'
  | 'TokenExpired'
  | 'Forbidden'
  | 'NotFound'
  | 'MessageSizeTooBig'
  | 'Throttled'
  | 'BotError'
  | 'ServiceError';

export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Seconds, for 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}

export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}

/** Writes an error on a plain Node response (restify's Response is one too). */
export function sendError(res: ServerResponse, err: DirectLineError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify(errorBody(err.code, err.message));
  res.statusCode = err.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  if (err.retryAfter !== undefined) res.setHeader('Retry-After', String(err.retryAfter));
  res.end(body);
}
