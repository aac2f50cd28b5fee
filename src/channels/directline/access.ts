/**
 * Who may touch which Direct Line conversation: the bearer token names one conversation and its visitor, and
 * only that conversation can be read or written with it. Also the WebSocket stream URL a conversation's client
 * connects to (with a short-lived stream token).
 */
import { ProxyTrust } from '../clientAddress';
import type { IncomingMessage } from 'node:http';
import type { ChannelAccount } from 'botbuilder';
import type { Logger } from '../../logger';
import { DirectLineError } from './errors';
import { bearerToken, PREFIX } from './request';
import type { Conversation, ConversationStore } from './store';
import type { TokenClaims, TokenService } from './tokens';

export type ConversationAccess = ReturnType<typeof conversationAccess>;

export function conversationAccess(
  store: ConversationStore,
  tokens: TokenService,
  now: () => number,
  logger?: Logger,
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

  function conversationFor(claims: TokenClaims): Conversation {
    const conversation = store.get(claims.conversationId) ?? resumedAfterRestart(claims);
    if (!conversation || conversation.userId !== claims.userId) {
      throw new DirectLineError(404, 'NotFound', 'the conversation does not exist (it may have ended); start a new one');
    }
    return conversation;
  }

  /**
   * A valid token issued by an earlier server process names a conversation that was open when the bot restarted (an
   * upgrade, a crash): it carries on, with the bot's stored state, instead of ending. Only the activities shown
   * before the restart are not kept here (the visitor's page still has them). A token this process issued for a
   * conversation it no longer knows (never started, or forgotten) still gets 404.
   */
  function resumedAfterRestart(claims: TokenClaims): Conversation | undefined {
    if (claims.issuedBy === tokens.processId) return undefined;
    const conversation = store.create(claims.conversationId, claims.userId, claims.exp * 1000);
    conversation.resumeAfterRestart(now());
    logger?.info('direct line conversation resumed after a restart', { conversationId: conversation.id });
    return conversation;
  }

  function secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(now() / 1000));
  }

  function streamUrl(req: IncomingMessage, conversation: Conversation, watermark: number | undefined): string {
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
