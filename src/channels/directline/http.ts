/**
 * The part of Direct Line 3.0 that Web Chat (botframework-directlinejs) uses, under /v3/directline:
 *
 *   POST /tokens/generate                       a token for a new conversation (no auth: this is what the page calls)
 *   POST /tokens/refresh                        a fresh token for the same conversation (valid token required)
 *   POST /conversations                         start the token's conversation (the bot's welcome runs once)
 *   GET  /conversations/{id}?watermark=W        resume: a new stream URL from W
 *   POST /conversations/{id}/activities         post an activity; the bot's replies are streamed and kept
 *   GET  /conversations/{id}/activities?watermark=W   polling: { activities, watermark }
 *   POST /conversations/{id}/upload             not supported (400 NotSupported)
 *
 * plus the WebSocket stream (stream.ts). Every route but generate needs "Authorization: Bearer <token>";
 * the token names one conversation, and only that one can be read or written with it (access.ts).
 * A browser request from a page whose origin is neither this server's nor in WEBCHAT_ALLOWED_ORIGINS gets 403
 * (no token, no conversation) and is logged at warn with the origin; requests without an Origin header
 * (servers, tests, the Direct Line client in Node) are not affected.
 * This file: CORS, the origin check and the body (directLinePre), the request helpers, and the routing; the handlers are in
 * tokenRoutes.ts and conversationRoutes.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as restify from 'restify';
import type { Logger } from '../../logger';
import type { DirectLineConfig } from '../../config';
import { isAllowedOrigin, RefusedOriginLog } from '../origins';
import { conversationAccess } from './access';
import type { BotBridge } from './bridge';
import { conversationRoutes } from './conversationRoutes';
import { DirectLineError, sendError } from './errors';
import { depthMessage, jsonTooDeep } from '../jsonDepth';
import type { ProxyTrust } from '../clientAddress';
import type { DirectLineConversations } from './store';
import { tokenRoutes } from './tokenRoutes';
import { BODY, PREFIX, WithBody } from './request';
import type { TokenService } from './tokens';

export interface RouteDeps {
  conversations: DirectLineConversations;
  tokens: TokenService;
  bridge: BotBridge;
  logger: Logger;
  settings: DirectLineConfig;
  allowedOrigins: string[];
  now: () => number;
  /** JSON bodies nested deeper are refused (MAX_JSON_DEPTH); default 32. */
  maxJsonDepth?: number;
  /** Client addresses behind a trusted proxy (TRUST_PROXY); default: the socket's peer. */
  proxy?: ProxyTrust;
}

/**
 * Runs before restify's routing and body parsing for /v3/directline: CORS (and preflight), no caching,
 * and the body, read here with Direct Line's own size limit so that every error has the
 * { error: { code, message } } shape. restify's body reader then sees the body as read.
 */
export function directLinePre(deps: RouteDeps): restify.RequestHandler {
  const { settings, allowedOrigins } = deps;
  const refusedLog = new RefusedOriginLog(deps.logger, deps.now);
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== PREFIX && !path.startsWith(PREFIX + '/')) return next();
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (origin && allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (origin && !isAllowedOrigin(origin, req, allowedOrigins)) {
      refusedLog.refused(origin, `${req.method} ${path.slice(PREFIX.length) || '/'}`.slice(0, 60));
      sendError(res, new DirectLineError(403, 'Forbidden', 'this origin may not call the chat service (see WEBCHAT_ALLOWED_ORIGINS)'));
      req.resume();
      return next(false);
    }
    if (req.method === 'OPTIONS') {
      if (!origin || !allowedOrigins.includes(origin)) {
        sendError(res, new DirectLineError(403, 'Forbidden', 'this origin may not call the chat service (see WEBCHAT_ALLOWED_ORIGINS)'));
        return next(false);
      }
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Requested-With, x-ms-bot-agent');
      res.setHeader('Access-Control-Max-Age', '600');
      res.statusCode = 204;
      res.end();
      return next(false);
    }
    if (req.method !== 'POST') return next();
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType === 'multipart/form-data') return next(); // an upload: the route answers NotSupported without reading it
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > settings.maxBodyBytes) {
      res.setHeader('Connection', 'close');
      sendError(res, new DirectLineError(413, 'MessageSizeTooBig', `the request body is larger than ${settings.maxBodyBytes} bytes`));
      req.resume();
      return next(false);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > settings.maxBodyBytes) {
        failed = true;
        res.setHeader('Connection', 'close');
        sendError(res, new DirectLineError(413, 'MessageSizeTooBig', `the request body is larger than ${settings.maxBodyBytes} bytes`));
        next(false);
        return;
      }
      chunks.push(chunk);
    });
    req.once('error', () => {
      if (!failed) {
        failed = true;
        next(false);
      }
    });
    req.once('end', () => {
      if (failed) return;
      const r = req as unknown as WithBody;
      r._readBody = true; // restify's bodyReader: already read
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() !== '') {
        if (contentType !== 'application/json' && !contentType.endsWith('+json')) {
          sendError(res, new DirectLineError(400, 'BadArgument', 'the body must be JSON (Content-Type: application/json)'));
          return next(false);
        }
        const maxDepth = deps.maxJsonDepth ?? 32;
        if (jsonTooDeep(text, maxDepth)) {
          sendError(res, new DirectLineError(400, 'BadArgument', depthMessage(maxDepth)));
          return next(false);
        }
        try {
          r[BODY] = JSON.parse(text);
        } catch {
          sendError(res, new DirectLineError(400, 'BadArgument', 'the body is not valid JSON'));
          return next(false);
        }
      }
      return next();
    });
  };
}

export function createRoutes(deps: RouteDeps) {
  const { logger } = deps;
  const access = conversationAccess(deps.conversations, deps.tokens, deps.now, deps.proxy);
  const handlers = { ...tokenRoutes(deps, access), ...conversationRoutes(deps, access) };

  /** Wraps a handler: DirectLineErrors become their JSON answer, anything else a 500 without details. */
  const wrap =
    (handler: (req: IncomingMessage, res: ServerResponse, conversationId: string) => Promise<void>) =>
    async (req: restify.Request, res: restify.Response) => {
      try {
        await handler(req, res, String((req.params as Record<string, string> | undefined)?.conversationId ?? ''));
      } catch (err) {
        if (err instanceof DirectLineError) return sendError(res, err);
        logger.error('direct line request failed', { method: req.method, route: req.getRoute?.()?.path, error: (err as Error)?.message });
        sendError(res, new DirectLineError(500, 'ServiceError', 'internal error'));
      }
    };

  return {
    register(server: restify.Server): void {
      server.post(`${PREFIX}/tokens/generate`, wrap(handlers.generate));
      server.post(`${PREFIX}/tokens/refresh`, wrap(handlers.refresh));
      server.post(`${PREFIX}/conversations`, wrap(handlers.startConversation));
      server.get(`${PREFIX}/conversations/:conversationId`, wrap(handlers.resume));
      server.post(`${PREFIX}/conversations/:conversationId/activities`, wrap(handlers.postActivity));
      server.get(`${PREFIX}/conversations/:conversationId/activities`, wrap(handlers.getActivities));
      server.post(`${PREFIX}/conversations/:conversationId/upload`, wrap(handlers.upload));
    },
  };
}
