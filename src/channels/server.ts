/**
 * The HTTP surface: the Bot Framework endpoint and the health check, on restify.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AuthenticationError } from 'botframework-connector';
import * as restify from 'restify';
import type { ClinicAdapter } from './adapter';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logger';
import { RateLimiter } from './rateLimit';
import { anonymousRefusal } from './anonymousGate';
import { ProxyTrust } from './clientAddress';
import { jsonDepthGuard } from './jsonDepth';

export interface ServerOptions {
  adapter: ClinicAdapter;
  bot: ActivityHandler;
  logger: Logger;
  maxBodyBytes: number;
  /** Per-conversation and per-address limits for /api/messages; omitted when Bot Framework authenticates callers. */
  rateLimits?: { perConversation: number; perAddress: number };
  /** Extra information for /healthz; a `status` in it other than "ok" is passed on. */
  health?: () => Record<string, unknown>;
  /** JSON bodies nested deeper are refused with 400 (MAX_JSON_DEPTH); default 32. */
  maxJsonDepth?: number;
  /** Which proxies' X-Forwarded-For to believe (TRUST_PROXY); default: none. */
  proxy?: ProxyTrust;
  /** Set when /api/messages runs without a MicrosoftAppId: only loopback callers and serviceUrls unless allowRemote. */
  anonymous?: { allowRemote: boolean };
}

export interface RunningServer {
  server: restify.Server;
  port: number;
  /** Drains: stops taking new work and waits for requests in flight (at most timeoutMs); see listen(). */
  close(timeoutMs?: number, acceptWindowMs?: number): Promise<void>;
}

function jsonError(res: restify.Response, status: number, message: string): void {
  res.status(status);
  res.json({ error: message });
}

/** What CloudAdapter needs to process a request; anything else is a client error, not a 500. */
export function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (a Bot Framework activity)';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !a.type) return 'the activity has no "type"';
  if (a.text !== undefined && a.text !== null && typeof a.text !== 'string') return '"text" must be a string';
  if (!a.conversation || typeof a.conversation !== 'object' || typeof (a.conversation as { id?: unknown }).id !== 'string') {
    return 'the activity has no "conversation.id"';
  }
  if (typeof a.serviceUrl !== 'string' || !a.serviceUrl) return 'the activity has no "serviceUrl"';
  if (typeof a.channelId !== 'string' || !a.channelId) return 'the activity has no "channelId"';
  return undefined;
}

export function createServer(options: ServerOptions): restify.Server {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'clinic-bot', handleUncaughtExceptions: false });
  // jsonBodyParser passes its options to restify's body reader, which enforces maxBodySize (413); the typings omit it.
  server.use(restify.plugins.bodyReader({ maxBodySize: options.maxBodyBytes }));
  server.use(jsonDepthGuard(options.maxJsonDepth ?? 32));
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));
  const proxy = options.proxy ?? new ProxyTrust();

  const byConversation = new RateLimiter(options.rateLimits?.perConversation ?? 0);
  const byAddress = new RateLimiter(options.rateLimits?.perAddress ?? 0);

  server.post('/api/messages', async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) return jsonError(res, 400, problem);
    // Some serializers write an absent text as null: the bot sees no text (an attachment-only message, say).
    if (req.body.text === null) delete req.body.text;
    const refused = options.anonymous && !options.anonymous.allowRemote ? anonymousRefusal(req, req.body.serviceUrl, proxy) : undefined;
    if (refused) return jsonError(res, 403, refused);
    const limited = [byAddress.take(proxy.clientAddress(req)), byConversation.take(req.body.conversation.id)].find((d) => !d.allowed);
    if (limited) {
      res.header('Retry-After', String(limited.retryAfterSeconds));
      return jsonError(res, 429, `too many messages: try again in ${limited.retryAfterSeconds} s`);
    }
    // CloudAdapter.process would answer a failure with a bare 500 and the error's message as the body; processActivity
    // lets us answer 401 or a JSON 500 with a reference instead, and log the details for staff.
    try {
      const invokeResponse = await adapter.runActivity(req.headers.authorization ?? '', req.body, (context) => bot.run(context));
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (err) {
      if (err instanceof AuthenticationError) return jsonError(res, 401, 'unauthorized: this endpoint only accepts requests signed by Bot Framework');
      const reference = randomUUID().slice(0, 8);
      logger.error('activity failed', { reference, conversationId: req.body.conversation?.id, error: (err as Error)?.message });
      return jsonError(res, 500, `internal error (reference ${reference})`);
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok', ...(options.health?.() ?? {}) });
  });

  server.on('restifyError', (req, _res, err, callback) => {
    // Answer every error as short JSON, never with a stack trace.
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) logger.error('request failed', { method: req.method, path: req.path(), error: err.message });
    err.toJSON = () => ({ error: status >= 500 ? 'internal error' : err.message });
    // Answers in text or HTML are err.toString(): for a 5xx never the error's own text (it may name the database).
    if (status >= 500) err.toString = () => 'internal error';
    return callback();
  });
  return server;
}

/**
 * Starts listening. close() shuts down without cutting anyone off: /healthz turns 503 ("draining") so a load
 * balancer stops sending traffic; the server keeps accepting for acceptWindowMs, because connections the
 * kernel has already queued would otherwise be reset; answers carry "Connection: close"; then it stops
 * listening and waits (at most timeoutMs) for the requests in flight.
 */
export function listen(server: restify.Server, port: number, host: string): Promise<RunningServer> {
  let inFlight = 0;
  let draining = false;
  let idle: (() => void) | undefined;
  server.pre((req, res, next) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    if (draining) {
      res.header('Connection', 'close');
      if (req.path() === '/healthz') {
        res.status(503);
        res.json({ status: 'draining' });
        return next(false);
      }
    }
    return next();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        server,
        port: address.port,
        close: async (timeoutMs = 10_000, acceptWindowMs = 500) => {
          draining = true;
          await new Promise((r) => setTimeout(r, acceptWindowMs));
          server.close();
          if (inFlight === 0) return;
          await new Promise<void>((done) => {
            const timer = setTimeout(done, timeoutMs);
            idle = () => {
              clearTimeout(timer);
              done();
            };
          });
        },
      });
    });
  });
}
