/**
 * Reading a Direct Line request: the path prefix, the JSON body directLinePre (http.ts) read, the bearer token,
 * the watermark, and whether a browser origin may call.
 */
import type { IncomingMessage } from 'node:http';
import { DirectLineError } from './errors';

export const PREFIX = '/v3/directline';

export const BODY = Symbol('directline.body');
export type WithBody = IncomingMessage & { [BODY]?: unknown; _readBody?: boolean };

/** Origins allowed to call from a browser: the server's own, plus the configured allow-list. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function bodyOf(req: IncomingMessage): unknown {
  return (req as WithBody)[BODY];
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function parseWatermark(raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined || raw === '' || raw === '-') return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw new DirectLineError(400, 'BadArgument', 'the watermark must be a number from a previous response');
  return Number(raw);
}
