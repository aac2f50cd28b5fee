/**
 * Every setting the bot reads, parsed and validated once at start-up. Documented in .env.example
 * and docs/settings.md; nothing else in the code reads process.env.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTrustProxy, TrustProxyError } from './channels/clientAddress';

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
  /**
   * Without a MicrosoftAppId, /api/messages is unauthenticated (local development): it then accepts only loopback
   * callers naming a loopback serviceUrl, unless this is true (start-up warns). Never expose it without an app id.
   */
  anonymousAllowRemote: boolean;
  /** JSON bodies nested deeper than this are refused with 400 on every endpoint, before anything reads them. */
  maxJsonDepth: number;
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (see src/channels/clientAddress.ts). */
  trustProxy: string[];
  /** Node's HTTP timeouts, in seconds: an idle keep-alive connection, and the whole request (headers and body) arriving. */
  httpTimeouts: { idleSeconds: number; requestSeconds: number };
  /** Hours between SQLite integrity checks (PRAGMA quick_check; one also runs at start-up); 0: only at start-up. */
  sqliteCheckIntervalHours: number;
  /** The self-hosted Direct Line 3.0 endpoint under /v3/directline (website chat). */
  directLine: DirectLineConfig;
  /** The Web Chat page at / and embedding on the clinic's own site. */
  webChat: WebChatConfig;
  /**
   * Where bot state, transcripts and enquiries live: `sqlite` (the file below; one instance) or `azure-blob`
   * (an Azure Storage account shared by several instances, staff sessions included; no SQLite file is opened).
   */
  storage: StorageConfig;
  /** The SQLite file holding bot state, dialog stacks, transcripts, enquiries and staff sessions (STORAGE=sqlite). */
  sqlitePath: string;
  /**
   * Run even when the SQLite file is on a network filesystem (SMB, NFS, FUSE...), with a loud warning. Off: the bot
   * refuses to start there, because SQLite's WAL journal needs a local disk (src/storage/networkFilesystem.ts).
   */
  sqliteAllowNetworkFs: boolean;
  /**
   * SQLite's `synchronous` setting (the journal is always WAL). FULL: every commit is fsynced, so
   * nothing committed is lost on a power cut. NORMAL: durable across process crashes, but a power
   * cut may lose the last commits. See "Data and durability" in docs/storage.md.
   */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Conversations with no activity for this many days are purged (0 keeps them forever). */
  transcriptRetentionDays: number;
  /** Hours between retention purges (one also runs at start-up). */
  purgeIntervalHours: number;
  /** Seconds between reads of the teaching log (changes taught on another instance; docs/teaching.md); 0: never. */
  teachPollSeconds: number;
  /** The held-out evaluations the teaching regression gate runs (test/heldout). */
  heldoutDir: string;
  /** Mask phone numbers and email addresses in stored user messages. */
  redactContactDetails: boolean;
  staff: StaffConfig;
  /** The bot's public address (scheme://host[:port]), for links in staff notifications; empty: links are paths only. */
  publicUrl: string;
  /** Staff notifications of call-back/booking requests, urgent conversations and requests for a person (src/notify). */
  notify: NotifyConfig;
  /** Bot Framework credentials, passed to ConfigurationBotFrameworkAuthentication as they are. */
  botAuth: {
    MicrosoftAppId: string;
    MicrosoftAppPassword: string;
    MicrosoftAppType: string;
    MicrosoftAppTenantId: string;
  };
}

export interface StorageConfig {
  kind: 'sqlite' | 'azure-blob';
  /**
   * Set when kind is azure-blob: either a connection string (account key or SAS; Azurite), or the account's blob
   * URL, reached with a Microsoft Entra identity (on Azure App Service the Web App's managed identity; no key at all).
   */
  azure?: ({ connectionString: string; accountUrl?: undefined } | { accountUrl: string; connectionString?: undefined }) & {
    stateContainer: string;
    transcriptContainer: string;
    enquiryContainer: string;
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
  /** New conversations (POST /tokens/generate) per minute per client address; 0 turns the limit off. */
  newConversationsPerMinute: number;
  /** Largest request body on /v3/directline, in bytes. */
  maxBodyBytes: number;
  /** Longest message text a visitor may send, in characters. */
  maxTextChars: number;
  /** Open WebSocket streams in total, and per client address; beyond either, a new stream is refused (429). */
  maxStreams: number;
  maxStreamsPerAddress: number;
  /**
   * How often open streams look in the storage for activities another instance (or process) wrote to their
   * conversation; what this process writes is pushed at once.
   */
  pollMs: number;
}

export interface WebChatConfig {
  /** Origins (scheme://host[:port]) of the clinic's own sites that may embed the chat and call Direct Line. */
  allowedOrigins: string[];
  primaryColor: string;
  accentColor: string;
  /** Web Chat's language and date/time formats (BCP 47, e.g. en-AU). */
  locale: string;
  /** The clinic's privacy policy, linked from the website chat's privacy notice ('' when not set). */
  privacyUrl: string;
  /** The website widget's greeting bubble beside its launcher ('' for none). */
  greeting: string;
}

export interface StaffAccount {
  name: string;
  /** scrypt hash from `npm run staff:hash-password`: scrypt.N.r.p.salt.hash (base64url). */
  passwordHash: string;
  /** `name:hash:2fa`: the account must sign in with a second factor (it sets one up at its first sign-in). */
  requireTwoFactor?: boolean;
}

export interface StaffConfig {
  /** No accounts: the staff pages are off. */
  users: StaffAccount[];
  /** Signs session cookies and CSRF tokens; empty means a random secret per start (sign-ins end on restart). */
  sessionSecret: string;
  /**
   * Sign-in attempts allowed per client address and account name in 15 minutes (counted before the password is
   * checked; a successful sign-in clears them). One address may make 4 times as many over all account names.
   */
  loginRateLimit: number;
  /** Failed sign-ins in 15 minutes, from all addresses together, after which every password check waits a second. */
  loginSlowdownAfter: number;
  /** Hours a staff session lasts. */
  sessionHours: number;
  /** Always add `Secure` to the session cookie (it is added anyway when the request arrived over https, see TRUST_PROXY). */
  cookieSecure: boolean;
}

export interface NotifyConfig {
  /** smtp://user:pass@host:587 or smtps://…:465; empty: no email. */
  smtpUrl: string;
  emailFrom: string;
  /** Recipients (NOTIFY_EMAIL_TO, comma-separated). */
  emailTo: string[];
  /** An incoming webhook (Slack, Teams) that receives a JSON POST; empty: none. */
  webhookUrl: string;
  /** `slack`: {"text": …} (Slack, Teams Office 365 connectors); `teams`: an Adaptive Card message (Teams Workflows). */
  webhookFormat: 'slack' | 'teams';
}

export class ConfigError extends Error {}

const HASH_FORMAT = /^scrypt\.\d+\.\d+\.\d+\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{32,}$/;
const ACCOUNT_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

/**
 * "name:hash" entries separated by commas or new lines ('#' starts a comment line in a users file); "name:hash:2fa"
 * makes two-factor sign-in compulsory for that account.
 */
export function parseStaffUsers(raw: string, source: string): StaffAccount[] {
  const users: StaffAccount[] = [];
  const entries = raw
    .split(/[\n,]/)
    .map((e) => e.trim())
    .filter((e) => e && !e.startsWith('#'));
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon).trim() : '';
    const [passwordHash, option, ...extra] =
      colon > 0
        ? entry
            .slice(colon + 1)
            .split(':')
            .map((p) => p.trim())
        : [''];
    if (extra.length || (option !== undefined && option.toLowerCase() !== '2fa')) {
      throw new ConfigError(
        `${source}: "${name}" has an unknown option after its hash (the only one is ":2fa", which makes two-factor sign-in compulsory)`,
      );
    }
    if (!ACCOUNT_NAME.test(name))
      throw new ConfigError(`${source}: "${name || entry.slice(0, 20)}" is not a valid account name (letters, digits, . _ @ -)`);
    if (!HASH_FORMAT.test(passwordHash)) {
      throw new ConfigError(
        `${source}: the password of "${name}" is not a hash from \`npm run staff:hash-password\` (never put a plain password here)`,
      );
    }
    if (users.some((u) => u.name.toLowerCase() === name.toLowerCase())) throw new ConfigError(`${source}: account "${name}" is listed twice`);
    users.push({ name, passwordHash, ...(option ? { requireTwoFactor: true } : {}) });
  }
  return users;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** An Azure Blob container name: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit. */
function containerName(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(raw)) {
    throw new ConfigError(`${name} must be a blob container name: 3 to 63 lower-case letters, digits and single hyphens (got "${raw}")`);
  }
  return raw;
}

function storageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  const kind = oneOf(env, 'STORAGE', ['sqlite', 'azure-blob'] as const, 'sqlite');
  const connectionString = env.AZURE_STORAGE_CONNECTION_STRING?.trim() ?? '';
  const accountUrl = env.AZURE_STORAGE_ACCOUNT_URL?.trim() ?? '';
  const containers = {
    stateContainer: containerName(env, 'AZURE_STATE_CONTAINER', 'bot-state'),
    transcriptContainer: containerName(env, 'AZURE_TRANSCRIPT_CONTAINER', 'transcripts'),
    enquiryContainer: containerName(env, 'AZURE_ENQUIRY_CONTAINER', 'enquiries'),
  };
  if (kind !== 'azure-blob') return { kind };
  if (connectionString && accountUrl) {
    throw new ConfigError(
      'set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL, not both (the account URL uses a managed identity, the connection string a key)',
    );
  }
  if (!connectionString && !accountUrl) {
    throw new ConfigError(
      'STORAGE=azure-blob needs AZURE_STORAGE_CONNECTION_STRING (the storage account\'s connection string; for Azurite: see docs/storage.md, "Choosing storage") or AZURE_STORAGE_ACCOUNT_URL (its blob endpoint, reached with a managed identity)',
    );
  }
  const names = Object.values(containers);
  if (new Set(names).size !== names.length)
    throw new ConfigError('AZURE_STATE_CONTAINER, AZURE_TRANSCRIPT_CONTAINER and AZURE_ENQUIRY_CONTAINER must be three different containers');
  if (accountUrl) return { kind, azure: { accountUrl: blobAccountUrl(accountUrl), ...containers } };
  if (!/AccountName=|BlobEndpoint=|UseDevelopmentStorage=true/i.test(connectionString)) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING does not look like a storage connection string (no AccountName= or BlobEndpoint=)');
  }
  return { kind, azure: { connectionString, ...containers } };
}

/** https://<account>.blob.<suffix>/ (a token is only ever sent over https): scheme and host, an optional path, no query. */
function blobAccountUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `AZURE_STORAGE_ACCOUNT_URL must be the account's blob endpoint, like https://clinicbot.blob.core.windows.net/ (got "${raw}")`,
    );
  }
  if (url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `AZURE_STORAGE_ACCOUNT_URL must be an https address without a query (a SAS belongs in AZURE_STORAGE_CONNECTION_STRING), like https://clinicbot.blob.core.windows.net/ (got "${raw}")`,
    );
  }
  return url.href;
}

/**
 * App Service passes a Key Vault reference through as its literal text while it cannot resolve it (the Web App's
 * identity has no access yet, the secret or the vault is missing). Used as a secret, that text would look valid and
 * fail later, or (DIRECTLINE_SECRET) be used as the key and then change under every open conversation once resolved.
 */
function refuseUnresolvedKeyVaultReferences(env: NodeJS.ProcessEnv): void {
  for (const name of ['MicrosoftAppPassword', 'DIRECTLINE_SECRET', 'STAFF_SESSION_SECRET', 'STAFF_USERS', 'AZURE_STORAGE_CONNECTION_STRING']) {
    if (/^\s*@Microsoft\.KeyVault\(/i.test(env[name] ?? '')) {
      throw new ConfigError(
        `${name} is a Key Vault reference that App Service has not resolved: give the Web App's identity the "Key Vault Secrets User" role on the vault and check the secret's name (docs/deploy-azure.md); App Service restarts the bot once it resolves`,
      );
    }
  }
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

/** A BCP 47 language tag such as en-AU (letters, digits and hyphens). */
function localeTag(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(raw)) throw new ConfigError(`${name} must be a language tag like en-AU (got "${raw}")`);
  return raw;
}

/** An absolute http(s) URL, or '' when not set. */
function webUrl(env: NodeJS.ProcessEnv, name: string): string {
  const raw = env[name]?.trim();
  if (!raw) return '';
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new ConfigError(`${name} must be a web address like https://www.clinic.example/privacy (got "${raw}")`);
  return url.href;
}

/** One line of text shown to visitors, at most `max` characters, or '' when not set. */
function shortText(env: NodeJS.ProcessEnv, name: string, max: number): string {
  const raw = (env[name] ?? '').replace(/\s+/g, ' ').trim();
  if (raw.length > max) throw new ConfigError(`${name} must be at most ${max} characters (got ${raw.length})`);
  return raw;
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

/** An absolute http(s) URL with no credentials, or '' when the setting is empty. */
function httpUrl(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const raw = env[name]?.trim();
  if (!raw) return '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL like ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`${name} must start with https:// or http:// (got "${url.protocol}")`);
  return raw;
}

function notifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  const smtpUrl = env.NOTIFY_SMTP_URL?.trim() ?? '';
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/i.test(smtpUrl))
    throw new ConfigError('NOTIFY_SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465');
  const email = /^[^\s@<>,]+@[^\s@<>,]+$/;
  const emailFrom = env.NOTIFY_EMAIL_FROM?.trim() ?? '';
  const emailTo = (env.NOTIFY_EMAIL_TO ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of [emailFrom, ...emailTo].filter(Boolean))
    if (!email.test(a)) throw new ConfigError(`NOTIFY_EMAIL_FROM / NOTIFY_EMAIL_TO: "${a}" is not an email address`);
  if (smtpUrl && (!emailFrom || !emailTo.length))
    throw new ConfigError('NOTIFY_SMTP_URL needs NOTIFY_EMAIL_FROM and NOTIFY_EMAIL_TO (who sends and who receives the notifications)');
  return {
    smtpUrl,
    emailFrom,
    emailTo,
    webhookUrl: httpUrl(env, 'NOTIFY_WEBHOOK_URL', 'https://hooks.slack.com/services/…'),
    webhookFormat: oneOf(env, 'NOTIFY_WEBHOOK_FORMAT', ['slack', 'teams'] as const, 'slack'),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  refuseUnresolvedKeyVaultReferences(env);
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
    throw new ConfigError(
      `DIRECTLINE_MAX_TEXT_CHARS (${maxTextChars}) must be at least MAX_MESSAGE_CHARS (${maxMessageChars}), so that visitors get the bot's "please ask a shorter question" answer`,
    );
  }
  const dataDir = resolve(PROJECT_ROOT, env.DATA_DIR?.trim() || 'data');
  const usersFile = env.STAFF_USERS_FILE?.trim();
  let users = parseStaffUsers(env.STAFF_USERS ?? '', 'STAFF_USERS');
  if (usersFile) {
    let text: string;
    try {
      text = readFileSync(resolve(PROJECT_ROOT, usersFile), 'utf8');
    } catch (err) {
      throw new ConfigError(`STAFF_USERS_FILE: cannot read ${usersFile} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    users = [...users, ...parseStaffUsers(text, 'STAFF_USERS_FILE')];
    const names = users.map((u) => u.name.toLowerCase());
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new ConfigError(`account "${twice}" is in both STAFF_USERS and STAFF_USERS_FILE`);
  }
  let trustProxy: string[];
  try {
    trustProxy = parseTrustProxy(env.TRUST_PROXY ?? '');
  } catch (err) {
    if (err instanceof TrustProxyError) throw new ConfigError(`TRUST_PROXY: ${err.message}`);
    throw err;
  }
  const sessionSecret = env.STAFF_SESSION_SECRET?.trim() ?? '';
  if (sessionSecret && sessionSecret.length < 32)
    throw new ConfigError('STAFF_SESSION_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)');
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
    anonymousAllowRemote: flag(env, 'ANONYMOUS_MESSAGES_ALLOW_REMOTE', false),
    maxJsonDepth: integer(env, 'MAX_JSON_DEPTH', 32, 4, 1000),
    trustProxy,
    httpTimeouts: {
      idleSeconds: integer(env, 'HTTP_IDLE_TIMEOUT_SECONDS', 5, 1, 3600),
      requestSeconds: integer(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', 20, 1, 3600),
    },
    sqliteCheckIntervalHours: integer(env, 'SQLITE_CHECK_INTERVAL_HOURS', 24, 0, 24 * 30),
    directLine: {
      secret: directLineSecret,
      // Relative paths are from the project folder; by default the data folder, next to the SQLite file.
      secretFile: env.DIRECTLINE_SECRET_FILE?.trim()
        ? resolve(PROJECT_ROOT, env.DIRECTLINE_SECRET_FILE.trim())
        : resolve(dataDir, 'directline-secret'),
      tokenTtlSeconds: integer(env, 'DIRECTLINE_TOKEN_TTL_SECONDS', 1800, 960, 7 * 24 * 3600),
      rateLimitPerMinute: integer(env, 'DIRECTLINE_RATE_LIMIT', 30, 1, 100_000),
      newConversationsPerMinute: integer(env, 'DIRECTLINE_NEW_CONVERSATIONS_PER_MINUTE', 20, 0, 100_000),
      maxBodyBytes: integer(env, 'DIRECTLINE_MAX_BODY_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
      maxTextChars,
      maxStreams: integer(env, 'DIRECTLINE_MAX_STREAMS', 2000, 1, 1_000_000),
      maxStreamsPerAddress: integer(env, 'DIRECTLINE_MAX_STREAMS_PER_ADDRESS', 20, 1, 1_000_000),
      pollMs: integer(env, 'DIRECTLINE_POLL_MS', 1000, 50, 60_000),
    },
    webChat: {
      allowedOrigins: origins(env, 'WEBCHAT_ALLOWED_ORIGINS'),
      primaryColor: colour(env, 'CLINIC_PRIMARY_COLOR', '#0b5563'),
      accentColor: colour(env, 'CLINIC_ACCENT_COLOR', '#b3471b'),
      locale: localeTag(env, 'WEBCHAT_LOCALE', 'en-AU'),
      privacyUrl: webUrl(env, 'CLINIC_PRIVACY_URL'),
      greeting: shortText(env, 'WEBCHAT_GREETING', 160),
    },
    storage: storageConfig(env),
    sqlitePath: resolve(dataDir, env.SQLITE_PATH?.trim() || 'clinic-bot.sqlite'),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    sqliteAllowNetworkFs: flag(env, 'SQLITE_ALLOW_NETWORK_FS', false),
    transcriptRetentionDays: integer(env, 'TRANSCRIPT_RETENTION_DAYS', 180, 0, 36_500),
    purgeIntervalHours: integer(env, 'PURGE_INTERVAL_HOURS', 6, 1, 24 * 7),
    teachPollSeconds: integer(env, 'TEACH_POLL_SECONDS', 20, 0, 3600),
    heldoutDir: resolve(PROJECT_ROOT, 'test', 'heldout'),
    redactContactDetails: flag(env, 'REDACT_CONTACT_DETAILS', true),
    staff: {
      users,
      sessionSecret,
      loginRateLimit: integer(env, 'STAFF_LOGIN_RATE_LIMIT', 5, 1, 1000),
      loginSlowdownAfter: integer(env, 'STAFF_LOGIN_SLOWDOWN_AFTER', 50, 1, 1_000_000),
      sessionHours: integer(env, 'STAFF_SESSION_HOURS', 8, 1, 24 * 30),
      cookieSecure: flag(env, 'STAFF_COOKIE_SECURE', false),
    },
    publicUrl: httpUrl(env, 'PUBLIC_URL', 'https://bot.clinic.example').replace(/\/+$/, ''),
    notify: notifyConfig(env),
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
 * records each lookup. Tests use it to keep .env.example, docs/settings.md and the Azure template in step with the code.
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
