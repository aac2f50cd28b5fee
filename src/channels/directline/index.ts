/**
 * Self-hosted Direct Line 3.0 for the website chat: registerDirectLine adds the /v3/directline routes
 * and the WebSocket stream to the bot's restify server. Visitors' activities go through the same
 * CloudAdapter, middleware and bot as /api/messages, on channel "webchat". Conversations are kept in the storage
 * backend (store.ts), so any instance serves any conversation and a restart ends none.
 */
import type * as restify from 'restify';
import type { ActivityHandler, ChannelAccount, CloudAdapter } from 'botbuilder';
import type { DirectLineConfig } from '../../config';
import type { Logger } from '../../logger';
import { BotBridge } from './bridge';
import { createRoutes, directLinePre } from './http';
import { attachStream } from './stream';
import { DirectLineConversations, LiveConversation } from './store';
import type { DirectLineStore } from '../../storage/directLine';
import { TokenService } from './tokens';
import type { ProxyTrust } from '../clientAddress';

export { DIRECTLINE_CHANNEL_ID } from './bridge';
export { PREFIX as DIRECTLINE_PATH } from './request';
export { loadOrCreateSecret, TokenService } from './tokens';

/** Conversations held in memory (live: a stream open, a turn running, or active in the last minutes); the least recently active go first. */
export const MAX_LIVE_CONVERSATIONS = 10_000;
/**
 * The unstored welcomes' JSON size in all conversations together (page views in which nobody has written yet; the heap
 * they take is about three times this). See docs/operations.md for the measured RSS.
 */
export const MAX_PENDING_BYTES = 8 * 1024 * 1024;
const SWEEP_MS = 60_000;

export interface DirectLineDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  settings: DirectLineConfig;
  /** The signing secret (DIRECTLINE_SECRET, or the one kept in DIRECTLINE_SECRET_FILE). */
  secret: string;
  /** Where conversations are stored (the storage backend's). */
  store: DirectLineStore;
  /** Origins besides the server's own that may call from a browser (WEBCHAT_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** The bot's id (MicrosoftAppId, or a fixed name when anonymous) and display name. */
  botAccount: ChannelAccount;
  appId: string;
  /** A page view nobody wrote in was forgotten (its tokens expired) and nothing is stored for it: drop the bot's state about it. */
  onForget?: (conversationId: string, userId: string) => Promise<void> | void;
  now?: () => number;
  /** JSON bodies nested deeper are refused (MAX_JSON_DEPTH). */
  maxJsonDepth?: number;
  /** Client addresses behind a trusted proxy (TRUST_PROXY). */
  proxy?: ProxyTrust;
}

export interface DirectLine {
  conversations: DirectLineConversations;
  tokens: TokenService;
  /** Closes the streams and stops housekeeping. */
  close(): void;
}

export function registerDirectLine(server: restify.Server, deps: DirectLineDeps): DirectLine {
  const now = deps.now ?? Date.now;
  const tokens = new TokenService(deps.secret, deps.settings.tokenTtlSeconds, now);
  const onForget = (conversation: LiveConversation) => {
    Promise.resolve()
      .then(async () => {
        // Another instance may have stored it since (the visitor's first message went there): then the state stays.
        if ((await deps.store.watermarks([conversation.id])).has(conversation.id)) return;
        await deps.onForget?.(conversation.id, conversation.userId);
      })
      .catch((err) =>
        deps.logger.warn('could not drop the state of a forgotten conversation', { conversationId: conversation.id, error: (err as Error)?.message }),
      );
  };
  const conversations = new DirectLineConversations({
    store: deps.store,
    logger: deps.logger,
    rateLimitPerMinute: deps.settings.rateLimitPerMinute,
    maxLive: MAX_LIVE_CONVERSATIONS,
    maxPendingBytes: MAX_PENDING_BYTES,
    now,
    onForget,
  });
  const bridge = new BotBridge(deps.adapter, deps.bot, deps.botAccount, deps.appId);
  const routeDeps = {
    conversations,
    tokens,
    bridge,
    logger: deps.logger,
    settings: deps.settings,
    allowedOrigins: deps.allowedOrigins,
    now,
    maxJsonDepth: deps.maxJsonDepth,
    proxy: deps.proxy,
  };

  server.pre(directLinePre(routeDeps));
  createRoutes(routeDeps).register(server);
  const stream = attachStream(server.server, {
    conversations,
    tokens,
    logger: deps.logger,
    allowedOrigins: deps.allowedOrigins,
    maxStreams: deps.settings.maxStreams,
    maxStreamsPerAddress: deps.settings.maxStreamsPerAddress,
    proxy: deps.proxy,
  });

  const sweeper = setInterval(() => {
    const removed = conversations.sweep();
    if (removed > 0) deps.logger.debug('direct line conversations forgotten from memory', { removed, live: conversations.size });
  }, SWEEP_MS);
  sweeper.unref();
  // What other instances (or processes on the same SQLite file) store in the conversations streamed from here.
  const poller = setInterval(() => void conversations.poll(), deps.settings.pollMs);
  poller.unref();

  return {
    conversations,
    tokens,
    close() {
      clearInterval(sweeper);
      clearInterval(poller);
      stream.close();
    },
  };
}
