/**
 * Direct Line errors: JSON { error: { code, message } } with a 4xx status, never a stack trace.
 * The codes follow Azure Direct Line's, so clients that look at them keep working.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../httpUtil';

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
  sendJson(res, err.status, errorBody(err.code, err.message), err.retryAfter !== undefined ? { 'Retry-After': String(err.retryAfter) } : {});
}
