/**
 * The whole app from a Config: knowledge -> recognizer -> storage -> bot -> adapter -> HTTP server
 * (/api/messages, /healthz, Direct Line under /v3/directline, the Web Chat page at /). Used by index.ts,
 * the tests and the benchmark, so all three run exactly the same wiring.
 */
import type * as restify from 'restify';
import { MemoryStorage, TurnContext } from 'botbuilder';
import { createBot } from './bot/createBot';
import { createAdapter } from './channels/adapter';
import { DIRECTLINE_CHANNEL_ID, DirectLine, loadOrCreateSecret, registerDirectLine } from './channels/directline';
import { createServer, listen } from './channels/server';
import { registerWebChatPage } from './channels/webchat/page';
import type { Config } from './config';
import { loadKnowledge } from './knowledge/load';
import type { Knowledge } from './knowledge/types';
import { Logger, silentLogger } from './logger';
import { createClinicRecognizer, loadOrTrainClinicModel } from './nlu/clinic';
import type { IntentModel } from './nlu/model';

export interface AppParts {
  logger?: Logger;
  /** Already loaded knowledge and model (tests and the benchmark train once and reuse them). */
  knowledge?: Knowledge;
  model?: IntentModel;
}

export interface RunningApp {
  port: number;
  server: restify.Server;
  /** The bot's state storage (tests look into it). */
  storage: MemoryStorage;
  /** http://localhost:<port> */
  url: string;
  directLine: DirectLine;
  close(): Promise<void>;
}

/** The bot's account in Direct Line conversations when it runs without a MicrosoftAppId. */
export const ANONYMOUS_BOT_ID = 'clinic-bot';

export async function startApp(config: Config, parts: AppParts = {}): Promise<RunningApp> {
  const logger = parts.logger ?? silentLogger;
  const knowledge = parts.knowledge ?? loadKnowledge(config.knowledgeDir);
  let model = parts.model;
  if (!model) {
    const loaded = loadOrTrainClinicModel(knowledge, config.modelPath);
    if (loaded.retrained) logger.info('intent model retrained because the knowledge files changed', { modelPath: config.modelPath });
    model = loaded.model;
  }
  const recognizer = createClinicRecognizer(knowledge, model, config.maxMessageChars);

  const storage = new MemoryStorage();
  const runtime = createBot({ knowledge, recognizer, storage, logger, maxMessageChars: config.maxMessageChars });
  const adapter = createAdapter(config, runtime.middleware, logger);
  const trainedAt = model.trainedAt;
  const server = createServer({
    adapter,
    bot: runtime.bot,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    health: () => ({ modelTrainedAt: trainedAt }),
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
    url: `http://localhost:${running.port}`,
    directLine,
    close: async () => {
      directLine.close();
      await running.close();
    },
  };
}
