/**
 * The application, wired: config -> knowledge -> recognizer -> storage (SQLite or Azure Blob) -> bot -> adapter ->
 * HTTP server (/api/messages, /healthz, Direct Line under /v3/directline, the Web Chat page at /, staff review
 * at /staff) -> retention schedule. src/index.ts starts it; tests and benchmarks start it on port 0.
 */
import { randomBytes } from 'node:crypto';
import type * as restify from 'restify';
import { Storage, TurnContext } from 'botbuilder';
import { checkIntentRegistry } from '../dialogs/intents';
import { BotRuntime, createBot } from './bot/createBot';
import type { Recognizes } from './bot/turnRecognizer';
import { createAdapter } from './channels/adapter';
import { DIRECTLINE_CHANNEL_ID, DirectLine, loadOrCreateSecret, registerDirectLine } from './channels/directline';
import { createServer, listen } from './channels/server';
import { registerWebChatPage } from './channels/webchat/page';
import type { Config } from './config';
import { loadKnowledge } from './knowledge/load';
import { fillClinic } from './bot/safetyReplies';
import { placeholderDetails } from './knowledge/placeholders';
import type { Knowledge } from './knowledge/types';
import { createLogger, Logger } from './logger';
import { LiveTeaching } from './teach/live';
import { patientClinic } from './teach/placeholders';
import { loadOrTrainClinicModel } from './nlu/clinic';
import { createNotifications, NotificationDispatcher } from './notify';
import type { DispatcherOptions } from './notify/dispatcher';
import { announcingEnquiries, announcingTranscripts } from './notify/events';
import type { IntentModel } from './nlu/model';
import { registerStaffOff, registerStaffRoutes } from './staff/routes/index';
import type { EnquiryBackend, ReviewStore, StorageBackend, TranscriptBackend } from './storage/backend';
import { openBackend } from './storage/open';
import { ResilientStorage } from './storage/resilientStorage';
import { schedulePurge } from './storage/retention';
import { ProxyTrust } from './channels/clientAddress';
import { healthReport, staffBanners } from './operationsStatus';

/** Parts tests and benchmarks may supply instead of the ones built from the configuration. */
export interface AppOverrides {
  logger?: Logger;
  /** Already loaded knowledge and model (tests train once and reuse them). */
  knowledge?: Knowledge;
  model?: IntentModel;
  /** A ready recognizer, instead of loading or training the model file. */
  recognizer?: Recognizes;
  /** The bot's state storage, instead of the SQLite one (fault tests). */
  storage?: Storage;
  /** Staff notification timings (tests shorten the back-off). */
  notify?: DispatcherOptions;
  /** The mount table to check the SQLite file's folder against, instead of /proc/mounts (tests). */
  mountTable?: string;
}

export interface RunningApp {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  server: restify.Server;
  /** Where state, transcripts and enquiries are (STORAGE). */
  backend: StorageBackend;
  runtime: BotRuntime;
  /** The bot's state storage, as the bot uses it (answers while the database is down, see ResilientStorage). */
  storage: ResilientStorage;
  transcripts: TranscriptBackend;
  enquiries: EnquiryBackend;
  review: ReviewStore;
  directLine: DirectLine;
  /** Teaching the running bot (absent when a test supplied its own recognizer). */
  teaching?: LiveTeaching;
  /** Staff notifications (enabled when NOTIFY_SMTP_URL or NOTIFY_WEBHOOK_URL is set). */
  notifications: NotificationDispatcher;
  /** Drains (see listen() in channels/server.ts), stops the purge schedule, then closes the backend. */
  close(timeoutMs?: number, acceptWindowMs?: number): Promise<void>;
}

/** How often a failing state storage is tried with a small write (see ResilientStorage.probe). */
const STORAGE_PROBE_MS = 5000;

/**
 * Node's HTTP timeouts from the settings: an idle keep-alive connection is closed after idleSeconds, and a request
 * whose headers and body have not all arrived after requestSeconds is answered 408 and closed (slow senders).
 * Node checks request deadlines on an interval; once a second keeps the cut-off close to the setting.
 */
function applyTimeouts(server: restify.Server, timeouts: Config['httpTimeouts']): void {
  const http = server.server;
  http.keepAliveTimeout = timeouts.idleSeconds * 1000;
  http.requestTimeout = timeouts.requestSeconds * 1000;
  http.headersTimeout = Math.min(timeouts.requestSeconds, 60) * 1000;
  (http as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = 1000;
}

/** The bot's account in Direct Line conversations when it runs without a MicrosoftAppId. */
export const ANONYMOUS_BOT_ID = 'clinic-bot';

export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const knowledge = overrides.knowledge ?? loadKnowledge(config.knowledgeDir);
  // Before any training: an intent file without a route (or a route without a file) stops the start here.
  checkIntentRegistry(knowledge);
  let model = overrides.model;
  if (!overrides.recognizer && !model) {
    const loaded = loadOrTrainClinicModel(knowledge, config.modelPath);
    if (loaded.retrained) logger.info('intent model retrained because the knowledge files changed', { modelPath: config.modelPath });
    model = loaded.model;
  }

  const backend = await openBackend(config, logger, { mountTable: overrides.mountTable });
  let teaching: LiveTeaching | undefined;
  try {
    // What staff taught (the teaching log in the backend) on top of knowledge/, swapped in live (src/teach).
    teaching = overrides.recognizer
      ? undefined
      : await LiveTeaching.start({
          base: knowledge,
          store: backend.teaching,
          knowledgeDir: config.knowledgeDir,
          heldoutDir: config.heldoutDir,
          modelPath: config.modelPath,
          maxChars: config.maxMessageChars,
          model,
          pollSeconds: config.teachPollSeconds,
          logger,
        });
    const recognizer: Recognizes = overrides.recognizer ?? teaching!;
    const modelTrainedAt = () => teaching?.info().trainedAt ?? overrides.model?.trainedAt;
    // The bot keeps answering if its state storage fails; /healthz then says "degraded".
    const storage = new ResilientStorage(overrides.storage ?? backend.state, logger);
    const { transcripts, enquiries, review } = backend;
    const notifications = createNotifications(config, backend, logger, overrides.notify);
    const announce = notifications.enabled ? notifications.notify.bind(notifications) : undefined;
    // Damage inside the SQLite file is found now and every SQLITE_CHECK_INTERVAL_HOURS, not when a staff page trips on it.
    const integrity = backend.integrity;
    integrity?.start(config.sqliteCheckIntervalHours);
    const proxy = new ProxyTrust(config.trustProxy);

    const runtime = createBot({
      knowledge: teaching?.knowledge ?? knowledge,
      recognizer,
      storage,
      logger,
      maxMessageChars: config.maxMessageChars,
      enquiries: announce ? announcingEnquiries(enquiries, announce) : enquiries,
      transcripts: announce ? announcingTranscripts(transcripts, announce) : transcripts,
      redactContactDetails: config.redactContactDetails,
      // Several instances may share the storage (and one instance may run two turns of a conversation at once).
      optimisticConcurrency: true,
    });
    const placeholders = placeholderDetails(knowledge.clinic);
    if (placeholders.length) {
      logger.warn('clinic details in knowledge/clinic.json are still placeholders: patients asking for them are told they are not set', {
        details: placeholders,
      });
    }
    const adapter = createAdapter(config, runtime.middleware, logger);
    const server = createServer({
      adapter,
      bot: runtime.bot,
      logger,
      maxBodyBytes: config.maxBodyBytes,
      rateLimits: config.botAuth.MicrosoftAppId ? undefined : config.rateLimits,
      health: () => ({
        ...healthReport({ ...operations, modelTrainedAt: modelTrainedAt() }),
        ...(notifications.enabled ? { notifications: notifications.health() } : {}),
      }),
      maxJsonDepth: config.maxJsonDepth,
      proxy,
      anonymous: config.botAuth.MicrosoftAppId ? undefined : { allowRemote: config.anonymousAllowRemote },
    });
    const operations = { storage, transcriptLogging: runtime.transcriptLogging, integrity, modelTrainedAt, placeholders };
    applyTimeouts(server, config.httpTimeouts);
    if (!config.botAuth.MicrosoftAppId) {
      if (config.anonymousAllowRemote) {
        logger.warn(
          'ANONYMOUS_MESSAGES_ALLOW_REMOTE=true and no MicrosoftAppId: /api/messages accepts unauthenticated requests from anywhere and posts replies to any serviceUrl. Never expose it like this; set MicrosoftAppId',
        );
      } else {
        logger.info(
          'no MicrosoftAppId: /api/messages accepts only requests from this machine with a local serviceUrl (development); the website chat uses Direct Line',
        );
      }
    }
    // While saves fail (a full disk), a small write every few seconds notices when space is back.
    const probe = setInterval(() => {
      if (storage.writesFailing) void storage.probe();
    }, STORAGE_PROBE_MS);
    probe.unref();

    let secret = config.directLine.secret;
    if (!secret) {
      const kept = loadOrCreateSecret(config.directLine.secretFile);
      if (kept.created) logger.info('generated the Direct Line signing secret', { file: config.directLine.secretFile });
      if (config.storage.kind === 'azure-blob') {
        // Any instance serves any website conversation, if every instance accepts the same visitors' tokens.
        logger.info(
          'website chat tokens are signed with the generated secret file: every instance must share it (App Service /home) or set DIRECTLINE_SECRET',
          {
            file: config.directLine.secretFile,
          },
        );
      }
      secret = kept.secret;
    }
    const appId = config.botAuth.MicrosoftAppId;
    const directLine = registerDirectLine(server, {
      adapter,
      bot: runtime.bot,
      logger,
      settings: config.directLine,
      secret,
      store: backend.directLine,
      allowedOrigins: config.webChat.allowedOrigins,
      botAccount: { id: appId || ANONYMOUS_BOT_ID, name: knowledge.clinic.name },
      appId,
      maxJsonDepth: config.maxJsonDepth,
      proxy,
      // A website page view nobody wrote in, no longer reachable: the bot's state from its welcome goes too.
      onForget: async (conversationId, userId) => {
        const context = {
          activity: { channelId: DIRECTLINE_CHANNEL_ID, conversation: { id: conversationId }, from: { id: userId } },
        } as unknown as TurnContext;
        const keys = [runtime.conversationState.getStorageKey(context), runtime.userState.getStorageKey(context)].filter((k): k is string =>
          Boolean(k),
        );
        await storage.delete(keys);
      },
    });
    registerWebChatPage(server, {
      // What patients see: taught details over clinic.json's, placeholders removed (as at start-up; the replies follow changes live).
      clinic: teaching?.knowledge.clinic ?? patientClinic(knowledge.clinic),
      primaryColor: config.webChat.primaryColor,
      accentColor: config.webChat.accentColor,
      allowedOrigins: config.webChat.allowedOrigins,
      locale: config.webChat.locale,
      privacy: {
        retentionDays: config.transcriptRetentionDays,
        redactContactDetails: config.redactContactDetails,
        policyUrl: config.webChat.privacyUrl,
      },
      greeting: config.webChat.greeting,
      logger,
    });

    if (config.staff.users.length) {
      let staffSecret = config.staff.sessionSecret;
      if (!staffSecret) {
        staffSecret = randomBytes(32).toString('hex');
        logger.warn('STAFF_SESSION_SECRET is not set: using a random one, so staff sign-ins end when the bot restarts');
      }
      const safetyTiers = Object.values(knowledge.safety.tiers).map((t) => ({
        id: t.id,
        label: fillClinic(t.label, knowledge.clinic),
        guidance: fillClinic(t.guidance, knowledge.clinic),
        reasoning: t.reasoning,
      }));
      registerStaffRoutes(server, {
        storage: backend,
        config: config.staff,
        secret: staffSecret,
        logger,
        safetyTiers,
        teaching,
        notifications,
        proxy,
        banners: () => staffBanners({ ...operations, modelTrainedAt: modelTrainedAt() }),
      });
      logger.info('staff review on at /staff', { accounts: config.staff.users.length });
    } else {
      registerStaffOff(server);
      logger.info('staff review is off: no staff accounts are set (STAFF_USERS or STAFF_USERS_FILE); /staff answers 404');
    }

    const running = await listen(server, config.port, config.host);
    notifications.start();
    if (notifications.enabled)
      logger.info('staff notifications on', {
        email: Boolean(config.notify.smtpUrl),
        webhook: Boolean(config.notify.webhookUrl),
        links: config.publicUrl || '(paths only: set PUBLIC_URL)',
      });
    const stopPurge = schedulePurge(backend, config.transcriptRetentionDays, config.purgeIntervalHours, logger);
    return {
      port: running.port,
      url: `http://127.0.0.1:${running.port}`,
      server,
      backend,
      runtime,
      storage,
      transcripts,
      enquiries,
      review,
      directLine,
      teaching,
      notifications,
      close: async (timeoutMs?: number, acceptWindowMs?: number) => {
        stopPurge();
        clearInterval(probe);
        // Turns in flight finish first; their transcript writes are awaited inside the turn, so once they are
        // answered everything acknowledged is in the database, and only then is it closed.
        await running.close(timeoutMs, acceptWindowMs);
        await notifications.stop();
        directLine.close();
        await teaching?.close();
        await backend.close();
      },
    };
  } catch (err) {
    await teaching?.close();
    await backend.close();
    throw err;
  }
}
