/**
 * A bare echo bot on the same stack as the clinic bot (restify, CloudAdapter, the same server module):
 * the baseline that `npm run bench` compares the full bot against.
 */
import { ActivityHandler, MemoryStorage, ConversationState } from 'botbuilder';
import { createAdapter } from '../src/channels/adapter';
import { createServer, listen } from '../src/channels/server';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('warn');
  const state = new ConversationState(new MemoryStorage());
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
    await next();
  });
  const handler = {
    run: async (context: Parameters<ActivityHandler['run']>[0]) => {
      await bot.run(context);
      await state.saveChanges(context);
    },
  } as ActivityHandler;
  const server = createServer({ adapter: createAdapter(config, [], logger), bot: handler, logger, maxBodyBytes: config.maxBodyBytes });
  const running = await listen(server, config.port, config.host);
  process.stdout.write(JSON.stringify({ msg: 'echo bot listening', port: running.port }) + '\n');
  process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
}

void main();
