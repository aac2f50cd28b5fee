/**
 * Entry point: config -> knowledge -> recognizer -> storage -> bot -> adapter -> HTTP server.
 */
import 'dotenv/config';
import { MemoryStorage } from 'botbuilder';
import { createBot } from './bot/createBot';
import { createAdapter } from './channels/adapter';
import { createServer, listen } from './channels/server';
import { ConfigError, loadConfig } from './config';
import { KnowledgeError, loadKnowledge } from './knowledge/load';
import { createLogger } from './logger';
import { createClinicRecognizer, loadOrTrainClinicModel } from './nlu/clinic';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const knowledge = loadKnowledge(config.knowledgeDir);
  const { model, retrained } = loadOrTrainClinicModel(knowledge, config.modelPath);
  if (retrained) logger.info('intent model retrained because the knowledge files changed', { modelPath: config.modelPath });
  const recognizer = createClinicRecognizer(knowledge, model, config.maxMessageChars);

  const storage = new MemoryStorage();
  const runtime = createBot({ knowledge, recognizer, storage, logger, maxMessageChars: config.maxMessageChars });
  const adapter = createAdapter(config, runtime.middleware, logger);
  const server = createServer({
    adapter,
    bot: runtime.bot,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    health: () => ({ modelTrainedAt: model.trainedAt }),
  });
  const running = await listen(server, config.port, config.host);
  logger.info('clinic bot listening', {
    url: `http://localhost:${running.port}/api/messages`,
    auth: config.botAuth.MicrosoftAppId ? 'bot framework' : 'anonymous (no MicrosoftAppId)',
    startupMs: Date.now() - startedAt,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await running.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof KnowledgeError) {
    console.error(`The bot cannot start: the knowledge base has an error in knowledge/${err.file}, field ${err.field}: ${err.message}`);
  } else if (err instanceof ConfigError) {
    console.error(`The bot cannot start: configuration error: ${err.message}`);
  } else {
    console.error('The bot cannot start:', err);
  }
  process.exit(1);
});
