/**
 * Every setting the bot reads, parsed and validated once at start-up. Documented in .env.example
 * and the README; nothing else in the code reads process.env.
 */
import { resolve } from 'node:path';

/** The project folder (dist/src/config.js -> two levels up). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  port: number;
  host: string;
  knowledgeDir: string;
  modelPath: string;
  logLevel: LogLevel;
  /** Messages longer than this are not classified; the bot asks for a shorter question. */
  maxMessageChars: number;
  /** Largest HTTP body accepted, in bytes. */
  maxBodyBytes: number;
  /**
   * Rate limits on /api/messages when it runs anonymously (no MicrosoftAppId): messages per minute per
   * conversation and per client address; 0 turns a limit off. With an app id, Bot Framework Service signs
   * every request and all of them come from its addresses, so these limits do not apply.
   */
  rateLimits: { perConversation: number; perAddress: number };
  /** The self-hosted Direct Line 3.0 endpoint under /v3/directline (website chat). */
  directLine: DirectLineConfig;
  /** The Web Chat page at / and embedding on the clinic's own site. */
  webChat: WebChatConfig;
  /** Bot Framework credentials, passed to ConfigurationBotFrameworkAuthentication as they are. */
  botAuth: {
    MicrosoftAppId: string;
    MicrosoftAppPassword: string;
    MicrosoftAppType: string;
    MicrosoftAppTenantId: string;
  };
}

export interface DirectLineConfig {
  /** HMAC key for conversation tokens; undefined means: read (or create once) secretFile. */
  secret?: string;
  secretFile: string;
  /** Lifetime of a conversation token; Web Chat refreshes it every 15 minutes. */
  tokenTtlSeconds: number;
  /** Activities a visitor may post per minute, per conversation token. */
  rateLimitPerMinute: number;
  /** Largest request body on /v3/directline, in bytes. */
  maxBodyBytes: number;
  /** Longest message text a visitor may send, in characters. */
  maxTextChars: number;
}

export interface WebChatConfig {
  /** Origins (scheme://host[:port]) of the clinic's own sites that may embed the chat and call Direct Line. */
  allowedOrigins: string[];
  primaryColor: string;
  accentColor: string;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!match) throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return match;
}

/** A colour the page can use as it is: #rgb or #rrggbb (nothing that could break out of CSS). */
function colour(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(raw)) throw new ConfigError(`${name} must be a hex colour like #0b5563 (got "${raw}")`);
  return raw.toLowerCase();
}

/** Comma-separated origins such as https://www.clinic.example; "*" is refused (conversations are private). */
function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      let url: URL;
      try {
        url = new URL(o);
      } catch {
        throw new ConfigError(`${name}: "${o}" is not an origin like https://www.clinic.example`);
      }
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== o.replace(/\/$/, '')) {
        throw new ConfigError(`${name}: "${o}" is not an origin like https://www.clinic.example (scheme and host only, no path; "*" is not allowed)`);
      }
      return url.origin;
    });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const appId = env.MicrosoftAppId?.trim() ?? '';
  const appType = oneOf(env, 'MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant');
  const tenant = env.MicrosoftAppTenantId?.trim() ?? '';
  if (appId && appType !== 'MultiTenant' && !tenant) {
    throw new ConfigError(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}`);
  }
  if (appId && appType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword is required when MicrosoftAppId is set (except with UserAssignedMSI)');
  }
  const maxMessageChars = integer(env, 'MAX_MESSAGE_CHARS', 1000, 20, 100_000);
  const directLineSecret = env.DIRECTLINE_SECRET?.trim() || undefined;
  if (directLineSecret !== undefined && directLineSecret.length < 32) {
    throw new ConfigError('DIRECTLINE_SECRET must be at least 32 characters (for example: openssl rand -hex 32)');
  }
  const maxTextChars = integer(env, 'DIRECTLINE_MAX_TEXT_CHARS', Math.max(4000, maxMessageChars), 1, 1_000_000);
  if (maxTextChars < maxMessageChars) {
    throw new ConfigError(`DIRECTLINE_MAX_TEXT_CHARS (${maxTextChars}) must be at least MAX_MESSAGE_CHARS (${maxMessageChars}), so that visitors get the bot's "please ask a shorter question" answer`);
  }
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    knowledgeDir: resolve(PROJECT_ROOT, env.KNOWLEDGE_DIR?.trim() || 'knowledge'),
    modelPath: resolve(PROJECT_ROOT, env.MODEL_PATH?.trim() || 'data/intent-model.json'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    maxMessageChars,
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    rateLimits: {
      perConversation: integer(env, 'RATE_LIMIT_PER_CONVERSATION', 30, 0, 1_000_000),
      perAddress: integer(env, 'RATE_LIMIT_PER_ADDRESS', 120, 0, 1_000_000),
    },
    directLine: {
      secret: directLineSecret,
      secretFile: resolve(PROJECT_ROOT, env.DIRECTLINE_SECRET_FILE?.trim() || 'data/directline-secret'),
      tokenTtlSeconds: integer(env, 'DIRECTLINE_TOKEN_TTL_SECONDS', 1800, 960, 7 * 24 * 3600),
      rateLimitPerMinute: integer(env, 'DIRECTLINE_RATE_LIMIT', 30, 1, 100_000),
      maxBodyBytes: integer(env, 'DIRECTLINE_MAX_BODY_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
      maxTextChars,
    },
    webChat: {
      allowedOrigins: origins(env, 'WEBCHAT_ALLOWED_ORIGINS'),
      primaryColor: colour(env, 'CLINIC_PRIMARY_COLOR', '#0b5563'),
      accentColor: colour(env, 'CLINIC_ACCENT_COLOR', '#b3471b'),
    },
    botAuth: {
      MicrosoftAppId: appId,
      MicrosoftAppPassword: env.MicrosoftAppPassword ?? '',
      MicrosoftAppType: appType,
      MicrosoftAppTenantId: tenant,
    },
  };
}

/**
 * The names of every environment variable loadConfig reads, found by running it against an environment that
 * records each lookup. Tests use it to keep .env.example, the README and the Azure template in step with the code.
 */
export function configKeys(): string[] {
  const seen = new Set<string>();
  const recorder = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_target, key) => {
      if (typeof key === 'string') seen.add(key);
      return undefined;
    },
  });
  loadConfig(recorder);
  return [...seen].sort();
}
