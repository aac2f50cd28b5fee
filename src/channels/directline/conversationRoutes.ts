/**
 * Direct Line conversation routes: start the token's conversation (the bot's welcome runs once), resume it (a new
 * stream URL), post an activity (a visitor turn, queued after the conversation's others; the replies are kept and
 * streamed), poll the activities, and refuse uploads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity } from 'botbuilder';
import { queryOf, sendJson, sendJsonText } from '../httpUtil';
import { activitySetJson } from './safeJson';
import { visitorActivity } from './activities';
import type { ConversationAccess } from './access';
import { DirectLineError } from './errors';
import type { RouteDeps } from './http';
import { bearerToken, bodyOf, parseWatermark } from './request';
import type { Conversation } from './store';
import type { TokenClaims } from './tokens';

export function conversationRoutes(deps: RouteDeps, access: ConversationAccess) {
  const { store, bridge, logger, settings, now } = deps;
  const { authenticate, conversationFor, secondsLeft, streamUrl, user } = access;

  /** Runs one visitor turn (after those already queued) and keeps the visitor's activity and the bot's replies. */
  function turn(conversation: Conversation, activity: Partial<Activity>): Promise<string> {
    return conversation.enqueue(async () => {
      const [stored] = conversation.append([activity]).activities;
      try {
        const replies = await bridge.run(stored);
        conversation.append(replies);
      } catch (err) {
        logger.error('direct line turn failed', { conversationId: conversation.id, error: (err as Error)?.message });
        throw new DirectLineError(502, 'BotError', 'the bot could not answer; please try again');
      }
      return stored.id!;
    });
  }

  async function start(conversation: Conversation): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    await conversation.enqueue(async () => {
      // What Azure Direct Line sends a bot when a visitor joins: the bot and the user are added.
      const joined: Partial<Activity> = {
        type: 'conversationUpdate',
        membersAdded: [bridge.botAccount, { id: conversation.userId, name: 'Visitor' }],
        from: { id: conversation.userId, name: 'Visitor', role: 'user' },
        conversation: { id: conversation.id } as Activity['conversation'],
        id: `${conversation.id}|join`,
        timestamp: new Date(now()),
      };
      try {
        conversation.append(await bridge.run(joined));
      } catch (err) {
        conversation.started = false;
        logger.error('direct line welcome failed', { conversationId: conversation.id, error: (err as Error)?.message });
        throw new DirectLineError(502, 'BotError', 'the bot could not start the conversation; please try again');
      }
    });
    logger.info('direct line conversation started', { conversationId: conversation.id });
  }

  function conversationBody(req: IncomingMessage, conversation: Conversation, token: string, claims: TokenClaims, watermark?: number) {
    return { conversationId: conversation.id, token, expires_in: secondsLeft(claims), streamUrl: streamUrl(req, conversation, watermark) };
  }

  return {
    startConversation: async (req: IncomingMessage, res: ServerResponse) => {
      const claims = authenticate(req);
      const existed = store.get(claims.conversationId);
      if (existed && existed.userId !== claims.userId) throw new DirectLineError(403, 'Forbidden', 'the token is for another conversation');
      const conversation = existed ?? store.create(claims.conversationId, claims.userId, claims.exp * 1000);
      conversation.tokensValidUntil = Math.max(conversation.tokensValidUntil, claims.exp * 1000);
      await start(conversation);
      sendJson(res, existed ? 200 : 201, conversationBody(req, conversation, bearerToken(req)!, claims));
    },

    resume: async (req: IncomingMessage, res: ServerResponse, conversationId: string) => {
      const claims = authenticate(req, conversationId);
      const conversation = conversationFor(claims);
      const watermark = parseWatermark(queryOf(req).get('watermark'));
      sendJson(res, 200, conversationBody(req, conversation, bearerToken(req)!, claims, watermark));
    },

    postActivity: async (req: IncomingMessage, res: ServerResponse, conversationId: string) => {
      const claims = authenticate(req, conversationId);
      const conversation = conversationFor(claims);
      const activity = visitorActivity(bodyOf(req), { conversationId, user: user(claims), bot: bridge.botAccount }, settings.maxTextChars);
      const allowed = conversation.limiter.take();
      if (!allowed.ok) {
        logger.info('direct line rate limit', { conversationId });
        throw new DirectLineError(429, 'Throttled', 'too many messages; please wait a moment', allowed.retryAfterSeconds);
      }
      if (activity.type === 'typing') {
        // Not kept and not sent to the bot: it has nothing to say to a typing indicator.
        sendJson(res, 200, { id: `${conversationId}|typing` });
        return;
      }
      const id = await turn(conversation, activity);
      sendJson(res, 200, { id });
    },

    getActivities: async (req: IncomingMessage, res: ServerResponse, conversationId: string) => {
      const claims = authenticate(req, conversationId);
      const conversation = conversationFor(claims);
      // Each activity serialised on its own: one that cannot be is left out (and logged), never the whole answer.
      sendJsonText(res, 200, activitySetJson(conversation.since(parseWatermark(queryOf(req).get('watermark'))), logger, conversation.id));
    },

    upload: async (req: IncomingMessage, _res: ServerResponse, conversationId: string) => {
      const claims = authenticate(req, conversationId);
      conversationFor(claims);
      throw new DirectLineError(
        400,
        'NotSupported',
        'file uploads are not supported here: please type your question, or contact the clinic directly',
      );
    },
  };
}
