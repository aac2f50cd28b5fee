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
 * the token names one conversation, and only that one can be read or written with it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as restify from 'restify';
import type { Activity, ChannelAccount } from 'botbuilder';
import type { Logger } from '../../logger';
import type { DirectLineConfig } from '../../config';
import { visitorActivity } from './activities';
import type { BotBridge } from './bridge';
import { RateLimiter } from '../rateLimit';
import { DirectLineError, sendError } from './errors';
import { depthMessage, jsonTooDeep } from '../jsonDepth';
import type { ProxyTrust } from '../clientAddress';
import { activitySetJson } from './safeJson';
import type { Conversation, ConversationStore } from './store';
import { newId, TokenClaims, TokenService } from './tokens';

export const PREFIX = '/v3/directline';

export interface RouteDeps {
  store: ConversationStore;
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

const BODY = Symbol('directline.body');
type WithBody = IncomingMessage & { [BODY]?: unknown; _readBody?: boolean };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

function sendJsonText(res: ServerResponse, status: number, json: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}

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

/**
 * Runs before restify's routing and body parsing for /v3/directline: CORS (and preflight), no caching,
 * and the body, read here with Direct Line's own size limit so that every error has the
 * { error: { code, message } } shape. restify's body reader then sees the body as read.
 */
export function directLinePre(deps: RouteDeps): restify.RequestHandler {
  const { settings, allowedOrigins } = deps;
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

function bodyOf(req: IncomingMessage): unknown {
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

function query(req: IncomingMessage): URLSearchParams {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
}

export function createRoutes(deps: RouteDeps) {
  const { store, tokens, bridge, logger, settings, now } = deps;

  function authenticate(req: IncomingMessage, conversationId?: string): TokenClaims {
    const token = bearerToken(req);
    if (!token) throw new DirectLineError(401, 'Unauthorized', 'a token is required: Authorization: Bearer <token>');
    const check = tokens.verify(token, 'conversation');
    if (!check.ok) {
      if (check.reason === 'expired') throw new DirectLineError(403, 'TokenExpired', 'the token has expired; start a new conversation');
      throw new DirectLineError(401, 'Unauthorized', 'the token is not valid');
    }
    if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
      throw new DirectLineError(403, 'Forbidden', 'the token is for another conversation');
    }
    return check.claims;
  }

  function conversationFor(claims: TokenClaims): Conversation {
    const conversation = store.get(claims.conversationId);
    if (!conversation || conversation.userId !== claims.userId) {
      throw new DirectLineError(404, 'NotFound', 'the conversation does not exist (it may have ended); start a new one');
    }
    return conversation;
  }

  function secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(now() / 1000));
  }

  function streamUrl(req: IncomingMessage, conversation: Conversation, watermark: number | undefined): string {
    const host = req.headers.host ?? '';
    if (!/^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host)) throw new DirectLineError(400, 'BadArgument', 'the Host header is missing or not valid');
    const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
    const secure = forwarded === 'https' || Boolean((req.socket as { encrypted?: boolean }).encrypted);
    const { token } = tokens.issue(conversation.id, conversation.userId, 'stream');
    const params = new URLSearchParams({ t: token });
    if (watermark !== undefined) params.set('watermark', String(watermark));
    return `${secure ? 'wss' : 'ws'}://${host}${PREFIX}/conversations/${conversation.id}/stream?${params}`;
  }

  function user(claims: TokenClaims): ChannelAccount {
    return { id: claims.userId, name: 'Visitor' };
  }

  /** Runs one visitor turn (after those already queued) and keeps the visitor's activity and the bot's replies. */
  function turn(conversation: Conversation, activity: Partial<Activity>): Promise<string> {
    return conversation.enqueue(async () => {
      const [stored] = conversation.append([activity]).activities;
      try {
        const replies = await bridge.run(stored);
        conversation.append(replies);
      } catch (err) {
        logger.error('direct line turn failed', { conversationId: conversation.id, error: (err as Error)?.message });
        throw new DirectLineError(502, 'BotError', 'the bot could not answer; please try again');
      }
      return stored.id!;
    });
  }

  async function start(conversation: Conversation): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    await conversation.enqueue(async () => {
      // What Azure Direct Line sends a bot when a visitor joins: the bot and the user are added.
      const joined: Partial<Activity> = {
        type: 'conversationUpdate',
        membersAdded: [bridge.botAccount, { id: conversation.userId, name: 'Visitor' }],
        from: { id: conversation.userId, name: 'Visitor', role: 'user' },
        conversation: { id: conversation.id } as Activity['conversation'],
        id: `${conversation.id}|join`,
        timestamp: new Date(now()),
      };
      try {
        conversation.append(await bridge.run(joined));
      } catch (err) {
        conversation.started = false;
        logger.error('direct line welcome failed', { conversationId: conversation.id, error: (err as Error)?.message });
        throw new DirectLineError(502, 'BotError', 'the bot could not start the conversation; please try again');
      }
    });
    logger.info('direct line conversation started', { conversationId: conversation.id });
  }

  function conversationBody(req: IncomingMessage, conversation: Conversation, token: string, claims: TokenClaims, watermark?: number) {
    return { conversationId: conversation.id, token, expires_in: secondsLeft(claims), streamUrl: streamUrl(req, conversation, watermark) };
  }

  // Each token opens a new conversation: one client address may not fill the conversation store and push out
  // real visitors' conversations.
  const newConversationsByAddress = new RateLimiter(settings.newConversationsPerMinute, settings.newConversationsPerMinute);

  const handlers = {
    generate: async (req: IncomingMessage, res: ServerResponse) => {
      const limited = newConversationsByAddress.take(deps.proxy?.clientAddress(req) ?? req.socket.remoteAddress ?? 'unknown');
      if (!limited.allowed) {
        logger.info('direct line new-conversation limit', {});
        throw new DirectLineError(429, 'Throttled', 'too many new conversations from this address; please wait a moment', limited.retryAfterSeconds);
      }
      const conversationId = newId();
      const userId = 'dl_' + newId(12);
      const { token, expiresIn } = tokens.issue(conversationId, userId);
      sendJson(res, 200, { conversationId, token, expires_in: expiresIn });
    },

    refresh: async (req: IncomingMessage, res: ServerResponse) => {
      const claims = authenticate(req);
      const conversation = conversationFor(claims);
      const { token, expiresIn, claims: fresh } = tokens.issue(conversation.id, conversation.userId);
      conversation.tokensValidUntil = Math.max(conversation.tokensValidUntil, fresh.exp * 1000);
      sendJson(res, 200, { conversationId: conversation.id, token, expires_in: expiresIn });
    },

    startConversation: async (req: IncomingMessage, res: ServerResponse) => {
      const claims = authenticate(req);
      const existed = store.get(claims.conversationId);
      if (existed && existed.userId !== claims.userId) throw new DirectLineError(403, 'Forbidden', 'the token is for another conversation');
      const conversation = existed ?? store.create(claims.conversationId, claims.userId, claims.exp * 1000);
      conversation.tokensValidUntil = Math.max(conversation.tokensValidUntil, claims.exp * 1000);
      await start(conversation);
      sendJson(res, existed ? 200 : 201, conversationBody(req, conversation, bearerToken(req)!, claims));
    },

    resume: async (req: IncomingMessage, res: ServerResponse, conversationId: string) => {
      const claims = authenticate(req, conversationId);
      const conversation = conversationFor(claims);
      const watermark = parseWatermark(query(req).get('watermark'));
      sendJson(res, 200, conversationBody(req, conversation, bearerToken(req)!, claims, watermark));
    },

    postActivity: async (req: IncomingMessage, res: ServerResponse, conversationId: string) => {
      const claims = authenticate(req, conversationId);
      const conversation = conversationFor(claims);
      const activity = visitorActivity(bodyOf(req), { conversationId, user: user(claims), bot: bridge.botAccount }, settings.maxTextChars);
      const allowed = conversation.limiter.take();
      if (!allowed.ok) {
        logger.info('direct line rate limit', { conversationId });
        throw new DirectLineError(429, 'Throttled', 'too many messages; please wait a moment', allowed.retryAfterSeconds);
      }
      if (activity.type === 'typing') {
        // Not kept and not sent to the bot: it has nothing to say to a typing indicator.
        sendJson(res, 200, { id: `${conversationId}|typing` });
        return;
      }
      const id = await turn(conversation, activity);
      sendJson(res, 200, { id });
    },

    getActivities: async (req: IncomingMessage, res: ServerResponse, conversationId: string) => {
      const claims = authenticate(req, conversationId);
      const conversation = conversationFor(claims);
      sendJsonText(res, 200, activitySetJson(conversation.since(parseWatermark(query(req).get('watermark'))), logger, conversation.id));
    },

    upload: async (req: IncomingMessage, _res: ServerResponse, conversationId: string) => {
      const claims = authenticate(req, conversationId);
      conversationFor(claims);
      throw new DirectLineError(400, 'NotSupported', 'file uploads are not supported here: please type your question, or contact the clinic directly');
    },
  };

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
