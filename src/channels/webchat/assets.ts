/**
 * The website chat's files as HTTP responses: compressed (brotli or gzip, whichever the browser accepts, brotli
 * first), with a content-hash version for their URLs, and cached according to the URL they were asked by.
 *
 * Why: a visitor's first visit costs what these files weigh on the wire (issue #17: 0.95 MB with gzip alone), and a
 * clinic's site must pick up a new release without anyone clearing caches.
 *
 * - `url(asset)` is `<path>?v=<hash of the content>`. Asked with the current hash, a file is cached for a year
 *   (`immutable`); asked without it, or with another (an old page, another instance mid-deploy), it is served with
 *   `no-cache` (the browser checks the ETag each time), so a stale URL is never pinned for a year to the wrong content.
 * - The loader script a clinic's site links (`/widget.js`) is short-cached (`maxAgeSeconds`), so an upgrade reaches
 *   every site within minutes.
 * - Compression runs off the event loop (zlib's thread pool), once per file and encoding, on first request. A large
 *   file (Web Chat's bundle) is first served at a quick brotli level while the best level is computed in the
 *   background (2 to 3 s of CPU for 1.9 MB): the first visitor after a start does not wait for it.
 * - ETags differ per encoding (a strong ETag names one representation); `Vary: Accept-Encoding` always.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Above this size a file is served at a quick brotli level until the best one is ready. */
const QUICK_FIRST_BYTES = 256 * 1024;
const MIN_COMPRESS_BYTES = 1024;

export type Encoding = 'br' | 'gzip' | 'identity';

export interface Asset {
  readonly path: string;
  readonly body: Buffer;
  readonly type: string;
  /** The first 16 characters of the content's SHA-256, base64url. */
  readonly hash: string;
  /** Cache-Control for a request without the current version: seconds, or 0 for `no-cache`. */
  readonly maxAgeSeconds: number;
  encoded: Partial<Record<'br' | 'gzip', Promise<Buffer>>>;
  /** The best brotli, once ready (replaces a quick one). */
  bestBrotli?: Buffer;
}

export function contentHash(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 16);
}

export function asset(path: string, body: Buffer | string, type: string, maxAgeSeconds = 0): Asset {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { path, body: buffer, type, hash: contentHash(buffer), maxAgeSeconds, encoded: {} };
}

/** The versioned URL of an asset: cached for a year by whoever asks for it with this hash. */
export function versionedUrl(a: Asset): string {
  return `${a.path}?v=${a.hash}`;
}

/** The encoding to answer with, from Accept-Encoding ("br" before "gzip"; a coding with q=0 is refused). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set<string>();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name && !(q && Number(q[1]) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

function brotli(body: Buffer, quality: number): Promise<Buffer> {
  return brotliAsync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** The asset's body in an encoding, compressed once (see the header for large files). */
export function encodedBody(a: Asset, encoding: 'br' | 'gzip'): Promise<Buffer> {
  if (encoding === 'gzip') return (a.encoded.gzip ??= gzipAsync(a.body, { level: 9 }));
  if (a.bestBrotli) return Promise.resolve(a.bestBrotli);
  if (!a.encoded.br) {
    if (a.body.length > QUICK_FIRST_BYTES) {
      a.encoded.br = brotli(a.body, 5);
      void a.encoded.br.then(() =>
        brotli(a.body, 11).then(
          (best) => {
            a.bestBrotli = best;
            a.encoded.br = Promise.resolve(best); // the quick one can go
          },
          () => undefined, // keep the quick one
        ),
      );
    } else {
      a.encoded.br = brotli(a.body, 11);
    }
  }
  return a.encoded.br;
}

/** Starts compressing in the background (e.g. the widget's bundle when the launcher script is asked for). */
export function warm(a: Asset): void {
  if (a.body.length < MIN_COMPRESS_BYTES) return;
  void encodedBody(a, 'br').catch(() => undefined);
  void encodedBody(a, 'gzip').catch(() => undefined);
}

function cacheControl(a: Asset, req: IncomingMessage): string {
  const version = new URL(req.url ?? '/', 'http://localhost').searchParams.get('v');
  if (version === a.hash) return 'public, max-age=31536000, immutable';
  return a.maxAgeSeconds > 0 ? `public, max-age=${a.maxAgeSeconds}` : 'no-cache';
}

/**
 * Sends the asset (or 304 when the browser has this representation). `headers` are set first (the page's
 * Content-Security-Policy and the like); `vary` adds to `Accept-Encoding`.
 */
export async function sendAsset(
  req: IncomingMessage,
  res: ServerResponse,
  a: Asset,
  headers: Record<string, string> = {},
  vary: string[] = [],
): Promise<void> {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const encoding = a.body.length > MIN_COMPRESS_BYTES ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
  const etag = `"${a.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  res.setHeader('Cache-Control', cacheControl(a, req));
  res.setHeader('ETag', etag);
  res.setHeader('Vary', ['Accept-Encoding', ...vary].join(', '));
  res.setHeader('Content-Type', a.type);
  const cached = String(req.headers['if-none-match'] ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''));
  if (cached.includes(etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = encoding === 'identity' ? a.body : await encodedBody(a, encoding);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
}
