/**
 * The application, wired: config -> knowledge -> recognizer -> storage (SQLite) -> bot -> adapter ->
 * HTTP server (bot endpoint, health, staff review) -> retention schedule. src/index.ts starts it; the
 * HTTP tests start it on port 0 with their own config and a ready recognizer.
 */
import { randomBytes } from 'node:crypto';
import { BotRuntime, createBot } from './bot/createBot';
import type { Recognizes } from './bot/turnRecognizer';
import { createAdapter } from './channels/adapter';
import { createServer, listen } from './channels/server';
import type { Config } from './config';
import { loadKnowledge } from './knowledge/load';
import type { Knowledge } from './knowledge/types';
import { createLogger, Logger } from './logger';
import { createClinicRecognizer, loadOrTrainClinicModel } from './nlu/clinic';
import { registerStaffOff, registerStaffRoutes } from './staff/routes';
import { SqliteEnquiryStore } from './storage/enquiries';
import { schedulePurge } from './storage/retention';
import { ReviewQueries } from './storage/review';
import { Db, openDatabase } from './storage/sqlite';
import { SqliteStorage } from './storage/sqliteStorage';
import { SqliteTranscriptStore } from './storage/sqliteTranscriptStore';

export interface AppOverrides {
  logger?: Logger;
  knowledge?: Knowledge;
  /** A ready recognizer (tests), instead of loading or training the model file. */
  recognizer?: Recognizes;
}

export interface RunningApp {
  port: number;
  db: Db;
  runtime: BotRuntime;
  storage: SqliteStorage;
  transcripts: SqliteTranscriptStore;
  enquiries: SqliteEnquiryStore;
  review: ReviewQueries;
  /** Stops the server (waiting for requests in flight), the purge schedule, and closes the database. */
  close(): Promise<void>;
}

export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const knowledge = overrides.knowledge ?? loadKnowledge(config.knowledgeDir);
  let recognizer = overrides.recognizer;
  let modelTrainedAt: string | undefined;
  if (!recognizer) {
    const { model, retrained } = loadOrTrainClinicModel(knowledge, config.modelPath);
    if (retrained) logger.info('intent model retrained because the knowledge files changed', { modelPath: config.modelPath });
    recognizer = createClinicRecognizer(knowledge, model, config.maxMessageChars);
    modelTrainedAt = model.trainedAt;
  }

  const db = openDatabase(config.sqlitePath, { synchronous: config.sqliteSynchronous });
  try {
    const storage = new SqliteStorage(db);
    const transcripts = new SqliteTranscriptStore(db);
    const enquiries = new SqliteEnquiryStore(db);
    const review = new ReviewQueries(db);
    logger.info('database open', { path: config.sqlitePath, journal: 'wal', synchronous: config.sqliteSynchronous });

    const runtime = createBot({
      knowledge,
      recognizer,
      storage,
      logger,
      maxMessageChars: config.maxMessageChars,
      enquiries,
      transcripts,
      redactContactDetails: config.redactContactDetails,
    });
    const adapter = createAdapter(config, runtime.middleware, logger);
    const server = createServer({
      adapter,
      bot: runtime.bot,
      logger,
      maxBodyBytes: config.maxBodyBytes,
      health: () => ({ ...(modelTrainedAt ? { modelTrainedAt } : {}), transcriptWriteFailures: runtime.transcriptLogging?.failures ?? 0 }),
    });

    if (config.staff.users.length) {
      let secret = config.staff.sessionSecret;
      if (!secret) {
        secret = randomBytes(32).toString('hex');
        logger.warn('STAFF_SESSION_SECRET is not set: using a random one, so staff sign-ins end when the bot restarts');
      }
      registerStaffRoutes(server, { db, review, enquiries, config: config.staff, secret, logger });
      logger.info('staff review on at /staff', { accounts: config.staff.users.length });
    } else {
      registerStaffOff(server);
      logger.info('staff review is off: no staff accounts are set (STAFF_USERS or STAFF_USERS_FILE); /staff answers 404');
    }

    const running = await listen(server, config.port, config.host);
    const stopPurge = schedulePurge(db, config.transcriptRetentionDays, config.purgeIntervalHours, logger);
    return {
      port: running.port,
      db,
      runtime,
      storage,
      transcripts,
      enquiries,
      review,
      close: async () => {
        stopPurge();
        await running.close();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
