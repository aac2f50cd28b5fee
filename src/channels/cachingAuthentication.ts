/**
 * BotFrameworkAuthentication that reuses connector and user-token clients. CloudAdapter asks for a new
 * ConnectorClient and a new UserTokenClient on every turn, and each builds its own HTTP pipeline: about a seventh
 * of a turn's CPU in the profile, for clients that depend only on the bot's credentials, the service URL and the
 * audience. Everything else is delegated unchanged (authentication is never cached).
 */
import type { Activity } from 'botbuilder';
import {
  AuthenticateRequestResult,
  BotFrameworkAuthentication,
  BotFrameworkClient,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';

/** A small least-recently-used map: service URLs are few, but anonymous callers can name any. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly cache: Lru<Promise<ConnectorClient>>,
    private readonly identity: string,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.identity}|${serviceUrl}|${audience ?? ''}`;
    let client = this.cache.get(key);
    if (!client) {
      client = this.inner.create(serviceUrl, audience);
      // A failed creation must not be remembered.
      client.catch(() => undefined);
      this.cache.set(key, client);
    }
    return client;
  }
}

function identityKey(claims: ClaimsIdentity | undefined): string {
  if (!claims) return '';
  const get = (type: string) => claims.getClaimValue(type) ?? '';
  return `${claims.isAuthenticated}|${get('appid')}|${get('azp')}|${get('aud')}|${get('ver')}`;
}

export class CachingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Lru<Promise<ConnectorClient>>(256);
  private readonly tokenClients = new Lru<Promise<UserTokenClient>>(64);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.wrap(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.wrap(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.connectors, identityKey(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = identityKey(claimsIdentity);
    let client = this.tokenClients.get(key);
    if (!client) {
      client = this.inner.createUserTokenClient(claimsIdentity);
      client.catch(() => undefined);
      this.tokenClients.set(key, client);
    }
    return client;
  }

  createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private wrap(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new CachingConnectorFactory(result.connectorFactory, this.connectors, identityKey(result.claimsIdentity)) };
  }
}
