/**
 * Direct Line conversation routes: start the token's conversation (the bot's welcome runs once; it is stored only
 * with the visitor's first activity), resume it (a new stream URL), post an activity (a visitor turn, queued after
 * the conversation's others on this instance; the activity and the bot's replies are stored and streamed), poll the
 * activities, and refuse uploads. The conversation may have been started on another instance or before a restart:
 * its activities are in the storage backend.
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
import type { LiveConversation } from './store';
import type { TokenClaims } from './tokens';

export function conversationRoutes(deps: RouteDeps, access: ConversationAccess) {
  const { conversations, bridge, logger, settings, now } = deps;
  const { authenticate, conversationFor, secondsLeft, streamUrl, user } = access;

  /** Runs one visitor turn (after those already queued here), storing the visitor's activity and the bot's replies. */
  function turn(conversation: LiveConversation, activity: Partial<Activity>): Promise<string> {
    return conversation.enqueue(async () => {
      // The page sends a message again when its answer was lost in a reconnect: the first one stands, answered once.
      const clientId = (activity.channelData as { clientActivityID?: string } | undefined)?.clientActivityID;
      const already = clientId ? await conversations.storedClientId(conversation, clientId) : undefined;
      if (already) return already;
      const [stored] = await conversations.append(conversation, [activity]);
      if (clientId && stored.id) conversations.rememberClientId(conversation, clientId, stored.id);
      let replies: Partial<Activity>[];
      try {
        replies = await bridge.run(stored);
      } catch (err) {
        logger.error('direct line turn failed', { conversationId: conversation.id, error: (err as Error)?.message });
        throw new DirectLineError(502, 'BotError', 'the bot could not answer; please try again');
      }
      await conversations.append(conversation, replies);
      return stored.id!;
    });
  }

  /** Runs the welcome unless it ran here or the conversation is stored (started elsewhere, or before a restart); true when it ran. */
  async function start(conversation: LiveConversation): Promise<boolean> {
    if (conversation.started) return false;
    conversation.started = true;
    const ran = await conversation
      .enqueue(async () => {
        if (await conversations.isStored(conversation)) return false;
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
          conversations.holdWelcome(conversation, await bridge.run(joined));
        } catch (err) {
          logger.error('direct line welcome failed', { conversationId: conversation.id, error: (err as Error)?.message });
          throw new DirectLineError(502, 'BotError', 'the bot could not start the conversation; please try again');
        }
        return true;
      })
      .catch((err) => {
        conversation.started = false;
        throw err;
      });
    if (ran) logger.info('direct line conversation started', { conversationId: conversation.id });
    return ran;
  }

  function conversationBody(req: IncomingMessage, conversation: LiveConversation, token: string, claims: TokenClaims, watermark?: number) {
    return { conversationId: conversation.id, token, expires_in: secondsLeft(claims), streamUrl: streamUrl(req, conversation, watermark) };
  }

  return {
    startConversation: async (req: IncomingMessage, res: ServerResponse) => {
      const claims = authenticate(req);
      const conversation = conversationFor(claims);
      const created = await start(conversation);
      sendJson(res, created ? 201 : 200, conversationBody(req, conversation, bearerToken(req)!, claims));
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
      const set = await conversations.since(conversation, parseWatermark(queryOf(req).get('watermark')));
      // Each activity serialised on its own: one that cannot be is left out (and logged), never the whole answer.
      const body = activitySetJson({ activities: set.activities.map((a) => a.activity), watermark: String(set.watermark) }, logger, conversation.id);
      sendJsonText(res, 200, body);
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
