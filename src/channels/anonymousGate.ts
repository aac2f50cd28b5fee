/**
 * Without a MicrosoftAppId nobody signs the requests to /api/messages, so anyone who can reach it could make the bot
 * POST its replies to a serviceUrl of their choosing (an open relay) and add conversations under any channel id,
 * which then look real on the staff pages. Anonymous mode is for local development (the Emulator, tests): by default
 * it takes only callers on this machine that name a serviceUrl on this machine. ANONYMOUS_MESSAGES_ALLOW_REMOTE=true
 * lifts that (start-up warns); never expose /api/messages without an app id. The website chat does not use this
 * endpoint: it talks to the bot through Direct Line (/v3/directline), whose tokens say who the visitor is.
 */
import type { IncomingMessage } from 'node:http';
import type { ProxyTrust } from './clientAddress';
import { isLoopback } from './clientAddress';

export function isLoopbackUrl(raw: string): boolean {
  try {
    const { hostname, protocol } = new URL(raw);
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || isLoopback(host);
  } catch {
    return false;
  }
}

/** Why an anonymous request is refused (403), or undefined when it may go on. */
export function anonymousRefusal(req: IncomingMessage, serviceUrl: string, proxy: ProxyTrust): string | undefined {
  if (!isLoopback(proxy.clientAddress(req))) {
    return 'this bot runs without a Microsoft App ID, so /api/messages only accepts requests from this machine (see docs/operations.md)';
  }
  if (!isLoopbackUrl(serviceUrl)) {
    return 'this bot runs without a Microsoft App ID, so "serviceUrl" must be on this machine (localhost)';
  }
  return undefined;
}
