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
import { Logger } from './logger';
import { createClinicRecognizer, loadOrTrainClinicModel } from './nlu/clinic';

export interface RunningApp extends RunningServer {
  url: string;
}

export async function startApp(config: Config, logger: Logger, storage: Storage = new MemoryStorage()): Promise<RunningApp> {
  const knowledge = loadKnowledge(config.knowledgeDir);
  const { model, retrained } = loadOrTrainClinicModel(knowledge, config.modelPath);
  if (retrained) logger.info('intent model retrained because the knowledge files changed', { modelPath: config.modelPath });
  const recognizer = createClinicRecognizer(knowledge, model, config.maxMessageChars);

  const runtime = createBot({ knowledge, recognizer, storage, logger, maxMessageChars: config.maxMessageChars });
  const adapter = createAdapter(config, runtime.middleware, logger);
  const server = createServer({
    adapter,
    bot: runtime.bot,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    rateLimits: config.botAuth.MicrosoftAppId ? undefined : config.rateLimits,
    health: () => ({ modelTrainedAt: model.trainedAt }),
  });
  const running = await listen(server, config.port, config.host);
  return { ...running, url: `http://127.0.0.1:${running.port}` };
}
