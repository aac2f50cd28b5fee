/**
 * The retention schedule (TRANSCRIPT_RETENTION_DAYS, every PURGE_INTERVAL_HOURS), one for every backend: it calls
 * the backend's one purge, which removes what is older than the retention period and expired staff sessions.
 */
import type { Logger } from '../logger';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeResult {
  conversations: number;
  states: number;
  enquiries: number;
  sessions: number;
  /** Staff audit log entries older than the cutoff (they are kept as long as conversations). */
  audit?: number;
  /** The website chat's stored Direct Line conversations with no activity since the cutoff. */
  directLine?: number;
}

export interface DeletedConversation {
  channelId: string;
  conversationId: string;
  activities: number;
  enquiries: number;
  states: number;
}

/** What the schedule needs of a backend (see StorageBackend.purgeOlderThan). */
export interface Purges {
  purgeOlderThan(cutoff: number, now?: number): Promise<PurgeResult>;
}

/** The cutoff for a retention period: nothing is old enough when retention is off (0 days). */
export function retentionCutoff(retentionDays: number, now: number): number {
  return retentionDays > 0 ? now - retentionDays * DAY_MS : 0;
}

/** Runs the purge now and then every `intervalHours` (one run at a time); returns a stop function. */
export function schedulePurge(backend: Purges, retentionDays: number, intervalHours: number, logger: Logger): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const started = Date.now();
      const result = await backend.purgeOlderThan(retentionCutoff(retentionDays, started), started);
      if (result.conversations || result.states || result.enquiries || result.audit || result.directLine)
        logger.info('retention purge', { retentionDays, ...result, ms: Date.now() - started });
    } catch (err) {
      logger.error('retention purge failed', { error: (err as Error).message });
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalHours * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
