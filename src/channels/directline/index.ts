/**
 * Self-hosted Direct Line 3.0 for the website chat: registerDirectLine adds the /v3/directline routes
 * and the WebSocket stream to the bot's restify server. Visitors' activities go through the same
 * CloudAdapter, middleware and bot as /api/messages, on channel "webchat".
 */
import type * as restify from 'restify';
import type { ActivityHandler, ChannelAccount, CloudAdapter } from 'botbuilder';
import type { DirectLineConfig } from '../../config';
import type { Logger } from '../../logger';
import { BotBridge } from './bridge';
import { createRoutes, directLinePre } from './http';
import { attachStream } from './stream';
import { ConversationStore } from './store';
import { TokenService } from './tokens';
import type { ProxyTrust } from '../clientAddress';

export { DIRECTLINE_CHANNEL_ID } from './bridge';
export { PREFIX as DIRECTLINE_PATH } from './request';
export { loadOrCreateSecret, TokenService } from './tokens';

/** Activities kept per conversation (what a resumed page can show). */
export const MAX_ACTIVITIES_PER_CONVERSATION = 500;
/** Conversations kept in memory; the least recently active is dropped first. */
export const MAX_CONVERSATIONS = 10_000;
/** Activities kept in all conversations together. */
export const MAX_TOTAL_ACTIVITIES = 200_000;
/**
 * The activities' JSON size in all conversations together: the bound that holds memory down (the heap they take is
 * about three times this: 12 MB is about 4,800 conversations of a welcome, a question and an answer, some 40 MB of
 * heap). See docs/operations.md for the measured RSS.
 */
export const MAX_TOTAL_ACTIVITY_BYTES = 12 * 1024 * 1024;
const SWEEP_MS = 60_000;

export interface DirectLineDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  settings: DirectLineConfig;
  /** The signing secret (DIRECTLINE_SECRET, or the one kept in DIRECTLINE_SECRET_FILE). */
  secret: string;
  /** Origins besides the server's own that may call from a browser (WEBCHAT_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** The bot's id (MicrosoftAppId, or a fixed name when anonymous) and display name. */
  botAccount: ChannelAccount;
  appId: string;
  /** A conversation was forgotten (expired or evicted): drop what else is kept about it (the bot's state). */
  onForget?: (conversationId: string, userId: string) => Promise<void> | void;
  now?: () => number;
  /** JSON bodies nested deeper are refused (MAX_JSON_DEPTH). */
  maxJsonDepth?: number;
  /** Client addresses behind a trusted proxy (TRUST_PROXY). */
  proxy?: ProxyTrust;
}

export interface DirectLine {
  store: ConversationStore;
  tokens: TokenService;
  /** Closes the streams and stops housekeeping. */
  close(): void;
}

export function registerDirectLine(server: restify.Server, deps: DirectLineDeps): DirectLine {
  const now = deps.now ?? Date.now;
  const tokens = new TokenService(deps.secret, deps.settings.tokenTtlSeconds, now);
  const onForget = (conversation: { id: string; userId: string }) => {
    Promise.resolve()
      .then(() => deps.onForget?.(conversation.id, conversation.userId))
      .catch((err) =>
        deps.logger.warn('could not drop the state of a forgotten conversation', { conversationId: conversation.id, error: (err as Error)?.message }),
      );
  };
  const store = new ConversationStore(
    {
      maxConversations: MAX_CONVERSATIONS,
      maxActivities: MAX_ACTIVITIES_PER_CONVERSATION,
      maxTotalActivities: MAX_TOTAL_ACTIVITIES,
      maxTotalBytes: MAX_TOTAL_ACTIVITY_BYTES,
      now,
      onForget,
    },
    deps.settings.rateLimitPerMinute,
  );
  const bridge = new BotBridge(deps.adapter, deps.bot, deps.botAccount, deps.appId);
  const routeDeps = {
    store,
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
    store,
    tokens,
    logger: deps.logger,
    allowedOrigins: deps.allowedOrigins,
    maxStreams: deps.settings.maxStreams,
    maxStreamsPerAddress: deps.settings.maxStreamsPerAddress,
    proxy: deps.proxy,
  });

  const sweeper = setInterval(() => {
    const removed = store.sweep();
    if (removed > 0) deps.logger.debug('direct line conversations forgotten', { removed, open: store.size });
  }, SWEEP_MS);
  sweeper.unref();

  return {
    store,
    tokens,
    close() {
      clearInterval(sweeper);
      stream.close();
    },
  };
}
