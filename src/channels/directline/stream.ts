/**
 * The Direct Line WebSocket stream: GET {streamUrl} upgrades to a WebSocket that first sends the
 * activities after the URL's watermark, then every new activity set as it is added, so replies show at
 * once. Messages are JSON { activities, watermark }, as Azure Direct Line sends them; the client's
 * keep-alive messages (empty strings) are ignored.
 *
 * The URL carries a short-lived stream token (tokens.ts, kind "stream") for that one conversation, which may have
 * been started on another instance or before a restart: the backlog is read from the storage, and what other
 * instances store later is noticed by the conversations' poll (store.ts).
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../logger';
import { DirectLineError, ErrorCode, errorBody } from './errors';
import { originAllowed, parseWatermark, PREFIX } from './request';
import type { ActivitySet, DirectLineConversations, Subscriber } from './store';
import type { TokenService } from './tokens';
import type { ProxyTrust } from '../clientAddress';
import { activitySetJson } from './safeJson';
import { StreamLimits } from './streamLimits';

const STREAM_PATH = new RegExp(`^${PREFIX.replace(/\//g, '\\/')}\\/conversations\\/([A-Za-z0-9_-]{8,64})\\/stream$`);
/** Open streams per conversation (tabs of the same visitor); the oldest is closed beyond this. */
const MAX_STREAMS_PER_CONVERSATION = 4;
const HEARTBEAT_MS = 30_000;

export interface StreamDeps {
  conversations: DirectLineConversations;
  tokens: TokenService;
  logger: Logger;
  allowedOrigins: string[];
  /** Open streams in total and per client address (defaults: no practical limit). */
  maxStreams?: number;
  maxStreamsPerAddress?: number;
  proxy?: ProxyTrust;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' };

function refuse(socket: Duplex, status: number, code: ErrorCode, message: string): void {
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
  );
}

export interface StreamHandle {
  /** Closes every stream (server shutdown). */
  close(): void;
}

export function attachStream(httpServer: HttpServer, deps: StreamDeps): StreamHandle {
  const { conversations, tokens, logger, allowedOrigins } = deps;
  // Clients only ever send keep-alives: anything bigger than a few bytes closes the socket (1009).
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();
  const limits = new StreamLimits(deps.maxStreams ?? Number.MAX_SAFE_INTEGER, deps.maxStreamsPerAddress ?? Number.MAX_SAFE_INTEGER);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) return refuse(socket, 404, 'NotFound', 'no WebSocket endpoint here');
      const conversationId = match[1];
      if (!originAllowed(req.headers.origin, req.headers.host, allowedOrigins)) {
        return refuse(socket, 403, 'Forbidden', 'this origin may not open the chat stream (see WEBCHAT_ALLOWED_ORIGINS)');
      }
      const check = tokens.verify(url.searchParams.get('t') ?? undefined, 'stream');
      if (!check.ok) {
        return check.reason === 'expired'
          ? refuse(socket, 403, 'TokenExpired', 'the stream URL has expired; get a new one from GET /conversations/{id}')
          : refuse(socket, 401, 'Unauthorized', 'the stream token is not valid');
      }
      if (check.claims.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden', 'the stream token is for another conversation');
      const conversation = conversations.open(conversationId, check.claims.userId, 0);
      if (conversation.userId !== check.claims.userId) return refuse(socket, 404, 'NotFound', 'the conversation does not exist');
      const watermark = parseWatermark(url.searchParams.get('watermark'));
      const slot = limits.acquire(deps.proxy?.clientAddress(req) ?? req.socket.remoteAddress ?? 'unknown');
      if (!slot.ok) {
        logger.warn('direct line stream refused', { reason: slot.reason, open: limits.open });
        return refuse(socket, 429, 'Throttled', slot.reason);
      }
      socket.once('close', slot.release);

      wss.handleUpgrade(req, socket, head, (ws) => {
        alive.set(ws, true);
        ws.on('pong', () => alive.set(ws, true));
        ws.on('message', () => alive.set(ws, true));
        ws.on('error', () => ws.terminate());
        const subscriber: Subscriber = {
          push: (set: ActivitySet) => {
            if (ws.readyState === WebSocket.OPEN) ws.send(activitySetJson(set, logger, conversationId));
          },
          close: () => ws.close(1000, 'conversation ended'),
        };
        // Subscribed first, then sent the backlog from its watermark: nothing stored meanwhile can fall between.
        void conversations.subscribe(conversation, subscriber, watermark ?? 0);
        if (conversation.subscribers.size > MAX_STREAMS_PER_CONVERSATION) {
          const [oldest] = conversation.subscribers.keys();
          conversation.subscribers.delete(oldest);
          oldest.close();
        }
        ws.on('close', () => conversations.unsubscribe(conversation, subscriber));
      });
    } catch (err) {
      if (err instanceof DirectLineError) return refuse(socket, err.status, err.code, err.message);
      logger.error('direct line stream upgrade failed', { error: (err as Error)?.message });
      socket.destroy();
    }
  };
  httpServer.on('upgrade', onUpgrade);

  // Drop sockets whose peer has gone away without closing (laptop lid shut, network lost).
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    close() {
      clearInterval(heartbeat);
      httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
