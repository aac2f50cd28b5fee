/**
 * Which web sites may use the website chat: this server's own pages and the clinic's sites in
 * WEBCHAT_ALLOWED_ORIGINS. Shared by the Direct Line routes (no token for another site's page) and the chat
 * page (a clear message in another site's iframe). A refused origin is logged at warn with the origin, so a
 * clinic whose embed shows nothing can see why in its logs; the same origin is logged at most once a minute.
 */
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../logger';

/** The origin is this server's own (same host as the request was sent to) or one of the allowed ones. */
export function isAllowedOrigin(origin: string, req: IncomingMessage, allowedOrigins: string[]): boolean {
  if (allowedOrigins.includes(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file: pages) and anything else that is not an origin
  }
  // Same origin: the page came from this server. Behind a TLS proxy the scheme differs, the Host does not.
  return Boolean(req.headers.host) && host === req.headers.host;
}

const LOG_EVERY_MS = 60_000;
const MAX_REMEMBERED = 1000;

/** Logs refused origins at warn, each at most once a minute (a busy foreign site cannot flood the log). */
export class RefusedOriginLog {
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  refused(origin: string, what: string): void {
    const key = origin.slice(0, 200);
    const at = this.now();
    const last = this.lastLogged.get(key);
    if (last !== undefined && at - last < LOG_EVERY_MS) return;
    if (this.lastLogged.size >= MAX_REMEMBERED) this.lastLogged.clear();
    this.lastLogged.set(key, at);
    this.logger.warn('website chat refused for an origin not in WEBCHAT_ALLOWED_ORIGINS', { origin: key, what });
  }
}
