/**
 * Direct Line token routes: POST /tokens/generate (a token for a new conversation, no auth: what the page calls;
 * limited per client address) and POST /tokens/refresh (a fresh token for the same conversation).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../httpUtil';
import { RateLimiter } from '../rateLimit';
import type { ConversationAccess } from './access';
import { DirectLineError } from './errors';
import type { RouteDeps } from './http';
import { newId } from './tokens';

export function tokenRoutes(deps: RouteDeps, access: ConversationAccess) {
  const { tokens, logger, settings } = deps;
  const { authenticate, conversationFor } = access;
  // Each token opens a new conversation: one client address may not fill the conversation store and push out
  // real visitors' conversations.
  const newConversationsByAddress = new RateLimiter(settings.newConversationsPerMinute, settings.newConversationsPerMinute);

  return {
    generate: async (req: IncomingMessage, res: ServerResponse) => {
      const limited = newConversationsByAddress.take(deps.proxy?.clientAddress(req) ?? req.socket.remoteAddress ?? 'unknown');
      if (!limited.allowed) {
        logger.info('direct line new-conversation limit', {});
        throw new DirectLineError(429, 'Throttled', 'too many new conversations from this address; please wait a moment', limited.retryAfterSeconds);
      }
      const conversationId = newId();
      const userId = 'dl_' + newId(12);
      const { token, expiresIn } = tokens.issue(conversationId, userId);
      sendJson(res, 200, { conversationId, token, expires_in: expiresIn });
    },

    refresh: async (req: IncomingMessage, res: ServerResponse) => {
      const claims = authenticate(req);
      const conversation = conversationFor(claims);
      const { token, expiresIn, claims: fresh } = tokens.issue(conversation.id, conversation.userId);
      conversation.tokensValidUntil = Math.max(conversation.tokensValidUntil, fresh.exp * 1000);
      sendJson(res, 200, { conversationId: conversation.id, token, expires_in: expiresIn });
    },
  };
}
