/**
 * Who may touch which Direct Line conversation: the bearer token names one conversation and its visitor, and
 * only that conversation can be read or written with it. Also the WebSocket stream URL a conversation's client
 * connects to (with a short-lived stream token).
 */
import { ProxyTrust } from '../clientAddress';
import type { IncomingMessage } from 'node:http';
import type { ChannelAccount } from 'botbuilder';
import { DirectLineError } from './errors';
import { bearerToken, PREFIX } from './request';
import type { DirectLineConversations, LiveConversation } from './store';
import type { TokenClaims, TokenService } from './tokens';

export type ConversationAccess = ReturnType<typeof conversationAccess>;

export function conversationAccess(
  conversations: DirectLineConversations,
  tokens: TokenService,
  now: () => number,
  proxy: ProxyTrust = new ProxyTrust(),
) {
  function authenticate(req: IncomingMessage, conversationId?: string): TokenClaims {
    const token = bearerToken(req);
    if (!token) throw new DirectLineError(401, 'Unauthorized', 'a token is required: Authorization: Bearer <token>');
    const check = tokens.verify(token, 'conversation');
    if (!check.ok) {
      if (check.reason === 'expired') throw new DirectLineError(403, 'TokenExpired', 'the token has expired; start a new conversation');
      throw new DirectLineError(401, 'Unauthorized', 'the token is not valid');
    }
    if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
      throw new DirectLineError(403, 'Forbidden', 'the token is for another conversation');
    }
    return check.claims;
  }

  /**
   * The token's conversation, on whichever instance and after however many restarts: the token is signed and names
   * the conversation and its visitor, so a valid one reaches its conversation wherever its activities are stored.
   */
  function conversationFor(claims: TokenClaims): LiveConversation {
    const conversation = conversations.open(claims.conversationId, claims.userId, claims.exp * 1000);
    if (conversation.userId !== claims.userId) {
      throw new DirectLineError(404, 'NotFound', 'the conversation does not exist (it may have ended); start a new one');
    }
    return conversation;
  }

  function secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(now() / 1000));
  }

  function streamUrl(req: IncomingMessage, conversation: LiveConversation, watermark: number | undefined): string {
    const host = req.headers.host ?? '';
    if (!/^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host)) throw new DirectLineError(400, 'BadArgument', 'the Host header is missing or not valid');
    // wss:// when the request came over https: TLS here, or X-Forwarded-Proto from a proxy TRUST_PROXY names.
    const secure = proxy.isHttps(req);
    const { token } = tokens.issue(conversation.id, conversation.userId, 'stream');
    const params = new URLSearchParams({ t: token });
    if (watermark !== undefined) params.set('watermark', String(watermark));
    return `${secure ? 'wss' : 'ws'}://${host}${PREFIX}/conversations/${conversation.id}/stream?${params}`;
  }

  function user(claims: TokenClaims): ChannelAccount {
    return { id: claims.userId, name: 'Visitor' };
  }

  return { authenticate, conversationFor, secondsLeft, streamUrl, user };
}
