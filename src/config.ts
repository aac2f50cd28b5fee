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
  /** Bot Framework credentials, passed to ConfigurationBotFrameworkAuthentication as they are. */
  botAuth: {
    MicrosoftAppId: string;
    MicrosoftAppPassword: string;
    MicrosoftAppType: string;
    MicrosoftAppTenantId: string;
  };
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
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    knowledgeDir: resolve(PROJECT_ROOT, env.KNOWLEDGE_DIR?.trim() || 'knowledge'),
    modelPath: resolve(PROJECT_ROOT, env.MODEL_PATH?.trim() || 'data/intent-model.json'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    maxMessageChars: integer(env, 'MAX_MESSAGE_CHARS', 1000, 20, 100_000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    rateLimits: {
      perConversation: integer(env, 'RATE_LIMIT_PER_CONVERSATION', 30, 0, 1_000_000),
      perAddress: integer(env, 'RATE_LIMIT_PER_ADDRESS', 120, 0, 1_000_000),
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
