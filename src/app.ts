/**
 * The whole app from a Config: knowledge -> recognizer -> storage -> bot -> adapter -> HTTP server
 * (/api/messages, /healthz, Direct Line under /v3/directline, the Web Chat page at /). Used by index.ts,
 * the tests and the benchmarks, so all of them run exactly the same wiring.
 */
import type * as restify from 'restify';
import { MemoryStorage, Storage, TurnContext } from 'botbuilder';
import { createBot } from './bot/createBot';
import type { Recognizes } from './bot/turnRecognizer';
import { createAdapter } from './channels/adapter';
import { DIRECTLINE_CHANNEL_ID, DirectLine, loadOrCreateSecret, registerDirectLine } from './channels/directline';
import { createServer, listen } from './channels/server';
import { registerWebChatPage } from './channels/webchat/page';
import type { Config } from './config';
import { loadKnowledge } from './knowledge/load';
import type { Knowledge } from './knowledge/types';
import { createLogger, Logger } from './logger';
import { createClinicRecognizer, loadOrTrainClinicModel } from './nlu/clinic';
import type { IntentModel } from './nlu/model';
import { ResilientStorage } from './storage/resilientStorage';

/** Parts tests and benchmarks may supply instead of the ones built from the configuration. */
export interface AppParts {
  logger?: Logger;
  /** Already loaded knowledge and model (tests train once and reuse them). */
  knowledge?: Knowledge;
  model?: IntentModel;
  /** A ready recognizer, instead of one built from the model. */
  recognizer?: Recognizes;
  /** The bot's state storage (default: in memory). */
  storage?: Storage;
}

export interface RunningApp {
  port: number;
  server: restify.Server;
  /** The bot's state storage, as the bot uses it (tests look into it). */
  storage: ResilientStorage;
  /** http://127.0.0.1:<port> */
  url: string;
  directLine: DirectLine;
  /** Drains and stops: see listen() in channels/server.ts. */
  close(timeoutMs?: number, acceptWindowMs?: number): Promise<void>;
}

/** The bot's account in Direct Line conversations when it runs without a MicrosoftAppId. */
export const ANONYMOUS_BOT_ID = 'clinic-bot';

export async function startApp(config: Config, parts: AppParts = {}): Promise<RunningApp> {
  const logger = parts.logger ?? createLogger(config.logLevel);
  const knowledge = parts.knowledge ?? loadKnowledge(config.knowledgeDir);
  let model = parts.model;
  if (!model && !parts.recognizer) {
    const loaded = loadOrTrainClinicModel(knowledge, config.modelPath);
    if (loaded.retrained) logger.info('intent model retrained because the knowledge files changed', { modelPath: config.modelPath });
    model = loaded.model;
  }
  const recognizer = parts.recognizer ?? createClinicRecognizer(knowledge, model!, config.maxMessageChars);

  // The bot keeps answering if its state storage fails; /healthz then says "degraded".
  const storage = new ResilientStorage(parts.storage ?? new MemoryStorage(), logger);
  const runtime = createBot({ knowledge, recognizer, storage, logger, maxMessageChars: config.maxMessageChars });
  const adapter = createAdapter(config, runtime.middleware, logger);
  const modelTrainedAt = model?.trainedAt;
  const server = createServer({
    adapter,
    bot: runtime.bot,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    rateLimits: config.botAuth.MicrosoftAppId ? undefined : config.rateLimits,
    health: () => {
      const { storage: state, ...detail } = storage.health;
      return { status: state === 'ok' ? 'ok' : 'degraded', storage: state, ...(state === 'ok' ? {} : { storageDetail: detail }), modelTrainedAt };
    },
  });

  let secret = config.directLine.secret;
  if (!secret) {
    const kept = loadOrCreateSecret(config.directLine.secretFile);
    if (kept.created) logger.info('generated the Direct Line signing secret', { file: config.directLine.secretFile });
    secret = kept.secret;
  }
  const appId = config.botAuth.MicrosoftAppId;
  const directLine = registerDirectLine(server, {
    adapter,
    bot: runtime.bot,
    logger,
    settings: config.directLine,
    secret,
    allowedOrigins: config.webChat.allowedOrigins,
    botAccount: { id: appId || ANONYMOUS_BOT_ID, name: knowledge.clinic.name },
    appId,
    // A website conversation nobody can reach any more: the bot's state about it goes too.
    onForget: async (conversationId, userId) => {
      const context = { activity: { channelId: DIRECTLINE_CHANNEL_ID, conversation: { id: conversationId }, from: { id: userId } } } as unknown as TurnContext;
      const keys = [runtime.conversationState.getStorageKey(context), runtime.userState.getStorageKey(context)].filter((k): k is string => Boolean(k));
      await storage.delete(keys);
    },
  });
  registerWebChatPage(server, {
    clinic: knowledge.clinic,
    primaryColor: config.webChat.primaryColor,
    accentColor: config.webChat.accentColor,
    allowedOrigins: config.webChat.allowedOrigins,
  });

  const running = await listen(server, config.port, config.host);
  return {
    port: running.port,
    server,
    storage,
    url: `http://127.0.0.1:${running.port}`,
    directLine,
    close: async (timeoutMs?: number, acceptWindowMs?: number) => {
      await running.close(timeoutMs, acceptWindowMs);
      directLine.close();
    },
  };
}
