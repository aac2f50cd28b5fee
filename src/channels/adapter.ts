/**
 * CloudAdapter with credentials from the environment. With no MicrosoftAppId it runs anonymously
 * (Bot Framework Emulator, local use); with one it accepts only requests signed by Bot Framework.
 */
import { randomUUID } from 'node:crypto';
import {
  Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  InvokeResponse,
  Middleware,
  TurnContext,
} from 'botbuilder';
import type { Config } from '../config';
import { CachingBotFrameworkAuthentication } from './cachingAuthentication';
import type { Logger } from '../logger';
import { apologyText } from '../bot/replies';
import { say } from '../bot/reply';

/** CloudAdapter that lets our HTTP routes run an activity and map failures to proper HTTP answers themselves. */
export class ClinicAdapter extends CloudAdapter {
  /** Authenticates the request (Authorization header) and runs the bot; throws AuthenticationError on bad credentials. */
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter(config: Config, middleware: Middleware[], logger: Logger): ClinicAdapter {
  const auth = new CachingBotFrameworkAuthentication(
    new ConfigurationBotFrameworkAuthentication(config.botAuth as ConfigurationBotFrameworkAuthenticationOptions),
  );
  const adapter = new ClinicAdapter(auth);
  for (const m of middleware) adapter.use(m);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // A correlation id ties the apology the user sees to the log line staff can look up.
    const correlationId = randomUUID();
    logger.error('turn failed', {
      correlationId,
      conversationId: context.activity?.conversation?.id,
      channelId: context.activity?.channelId,
      activityType: context.activity?.type,
      error: error?.message,
      stack: error?.stack,
    });
    try {
      // After the turn's trace: there is no outcome left to record.
      await say(context, undefined, apologyText(correlationId.slice(0, 8)));
    } catch (sendError) {
      logger.error('could not send the apology', { correlationId, error: (sendError as Error)?.message });
    }
  };
  return adapter;
}
