/**
 * Who is calling, and over what: the one place that decides which X-Forwarded-* headers to believe.
 *
 * By default (TRUST_PROXY empty) no forwarded header is believed: the client is the socket's peer and the request is
 * https only when the socket itself is TLS. Behind a reverse proxy (App Service's front end, nginx, a load balancer)
 * TRUST_PROXY lists the proxies whose headers are believed: `loopback`, addresses, CIDR ranges, or `*` for any peer
 * (only when nothing can reach the bot except through the proxy). The client address is then the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy, so a client cannot pick its own address by sending the
 * header (with `*`, the right-most entry: the address the proxy itself saw), and https is read from X-Forwarded-Proto set by a trusted proxy.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** A TRUST_PROXY entry that is not `loopback`, `*`, an address or a CIDR range. */
export class TrustProxyError extends Error {}

/** "::ffff:10.0.0.1" -> "10.0.0.1"; anything else as it is. */
export function plainAddress(address: string | undefined): string {
  const a = (address ?? '').trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

/** An X-Forwarded-For entry as an address: "203.0.113.5:51234" (App Service adds the port) and "[2001:db8::1]:443" too. */
export function forwardedAddress(entry: string): string {
  const e = entry.trim();
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(e);
  if (v4) return v4[1];
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(e);
  return plainAddress(v6 ? v6[1] : e);
}

export function isLoopback(address: string | undefined): boolean {
  const a = plainAddress(address);
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** Parses TRUST_PROXY entries (throws TrustProxyError); config.ts keeps the normalised list. */
export function parseTrustProxy(raw: string): string[] {
  const entries = raw
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (entries.length === 1 && ['false', 'off', 'no', 'none', '0'].includes(entries[0])) return [];
  for (const entry of entries) {
    if (entry === 'loopback' || entry === '*') continue;
    const [ip, bits, extra] = entry.split('/');
    const family = isIP(ip);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined)
      throw new TrustProxyError(`"${entry}" is not loopback, *, an IP address or a CIDR range like 10.0.0.0/8`);
  }
  return entries;
}

export class ProxyTrust {
  private readonly any: boolean;
  private readonly list = new BlockList();

  constructor(entries: string[] = []) {
    this.any = entries.includes('*');
    for (const entry of entries) {
      if (entry === '*') continue;
      if (entry === 'loopback') {
        this.list.addSubnet('127.0.0.0', 8, 'ipv4');
        this.list.addAddress('::1', 'ipv6');
        continue;
      }
      const [ip, bits] = entry.split('/');
      const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.list.addAddress(ip, type);
      else this.list.addSubnet(ip, Number(bits), type);
    }
  }

  /** True when headers set by this peer are believed. */
  trusts(address: string | undefined): boolean {
    const a = plainAddress(address);
    if (!a) return false;
    if (this.any) return true;
    const family = isIP(a);
    return family !== 0 && this.list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  }

  /** The client's address: the socket peer, or what trusted proxies say it is. */
  clientAddress(req: IncomingMessage): string {
    let address = plainAddress(req.socket?.remoteAddress) || 'unknown';
    if (!this.trusts(address)) return address;
    const hops = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map(forwardedAddress)
      .filter((h) => isIP(h) !== 0);
    // `*` trusts the peer, whatever it is, but not the hops it reports: the client is the one it saw.
    if (this.any) return hops.pop() ?? address;
    while (hops.length > 0 && this.trusts(address)) address = hops.pop()!;
    return address;
  }

  /** The request reached the first trusted hop over https (TLS socket, or X-Forwarded-Proto from a trusted proxy). */
  isHttps(req: IncomingMessage): boolean {
    if ((req.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
    if (!this.trusts(req.socket?.remoteAddress)) return false;
    const proto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim()
      .toLowerCase();
    return proto === 'https';
  }
}
