/**
 * The whole application, started from a Config: knowledge -> recognizer -> storage -> bot -> adapter -> server.
 * src/index.ts calls it with the environment's settings; HTTP tests call it on a free port.
 */
import { MemoryStorage, Storage } from 'botbuilder';
import { createBot } from './bot/createBot';
import { createAdapter } from './channels/adapter';
import { createServer, listen, RunningServer } from './channels/server';
import type { Config } from './config';
import { loadKnowledge } from './knowledge/load';
import { ResilientStorage } from './storage/resilientStorage';
import { createLogger, Logger } from './logger';
import type { Recognizes } from './bot/turnRecognizer';
import { createClinicRecognizer, loadOrTrainClinicModel } from './nlu/clinic';

export interface RunningApp extends RunningServer {
  url: string;
}

/** Parts tests may supply instead of the ones built from the configuration. */
export interface AppOverrides {
  logger?: Logger;
  storage?: Storage;
  /** A ready recognizer, instead of loading or training the model file. */
  recognizer?: Recognizes;
}

export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  // The bot keeps answering if its state storage fails; /healthz then says "degraded".
  const storage = new ResilientStorage(overrides.storage ?? new MemoryStorage(), logger);
  const knowledge = loadKnowledge(config.knowledgeDir);
  let recognizer = overrides.recognizer;
  let modelTrainedAt: string | undefined;
  if (!recognizer) {
    const { model, retrained } = loadOrTrainClinicModel(knowledge, config.modelPath);
    if (retrained) logger.info('intent model retrained because the knowledge files changed', { modelPath: config.modelPath });
    recognizer = createClinicRecognizer(knowledge, model, config.maxMessageChars);
    modelTrainedAt = model.trainedAt;
  }

  const runtime = createBot({ knowledge, recognizer, storage, logger, maxMessageChars: config.maxMessageChars });
  const adapter = createAdapter(config, runtime.middleware, logger);
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
  const running = await listen(server, config.port, config.host);
  return { ...running, url: `http://127.0.0.1:${running.port}` };
}
