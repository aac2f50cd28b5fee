/**
 * Entry point, wiring only: config -> the app (knowledge -> recognizer -> SQLite storage -> bot ->
 * adapter -> HTTP server with staff review; see src/app.ts) -> signal handling.
 */
import 'dotenv/config';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { KnowledgeError } from './knowledge/load';
import { createLogger } from './logger';
import { StorageUnavailableError } from './storage/backend';
import { NetworkFilesystemError } from './storage/networkFilesystem';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, { logger });
  logger.info('clinic bot listening', {
    url: `http://localhost:${app.port}/api/messages`,
    port: app.port,
    webChat: `http://localhost:${app.port}/`,
    auth: config.botAuth.MicrosoftAppId ? 'bot framework' : 'anonymous (no MicrosoftAppId)',
    startupMs: Date.now() - startedAt,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down: finishing requests in flight', { signal });
    await app.close();
    logger.info('stopped');
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
  } else if (err instanceof StorageUnavailableError || err instanceof NetworkFilesystemError) {
    console.error(`The bot cannot start: ${err.message}`);
  } else if (typeof err?.code === 'string' && err.code.startsWith('SQLITE')) {
    console.error(`The bot cannot start: the database (SQLITE_PATH) cannot be used: ${err.message}`);
  } else {
    console.error('The bot cannot start:', err);
  }
  process.exit(1);
});
