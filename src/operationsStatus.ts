/**
 * What /healthz reports and what banner the staff pages show, from one place: the state storage (unreachable, or
 * refusing writes when the disk is full), the transcript writes, and the SQLite integrity check. /healthz says
 * "degraded" when any of them is failing; a monitor or load balancer can act on it. Neither carries the storage's
 * own error text to a page: the banner says what is wrong and what to do, the log has the details.
 */
import type { TranscriptLoggingMiddleware } from './bot/transcriptLogging';
import type { ResilientStorage } from './storage/resilientStorage';
import type { IntegrityCheck } from './storage/backend';

export interface OperationsParts {
  storage: ResilientStorage;
  transcriptLogging?: TranscriptLoggingMiddleware;
  /** With STORAGE=sqlite only. */
  integrity?: IntegrityCheck;
  modelTrainedAt?: string;
  /** Clinic details in knowledge/clinic.json still placeholders (reported, not a fault). */
  placeholders?: string[];
}

const DISK_FULL = /disk is full|ENOSPC|no space left/i;

export function healthReport(parts: OperationsParts): Record<string, unknown> {
  const { storage: state, error, ...detail } = parts.storage.health;
  const transcripts = parts.transcriptLogging?.failing ? 'failing' : 'ok';
  const database = parts.integrity ? (parts.integrity.status.ok ? 'ok' : 'damaged') : undefined;
  const ok = state === 'ok' && transcripts === 'ok' && database !== 'damaged';
  return {
    status: ok ? 'ok' : 'degraded',
    storage: state,
    ...(state === 'ok' ? {} : { storageDetail: { ...detail, ...(error && DISK_FULL.test(error) ? { cause: 'disk full' } : {}) } }),
    transcripts,
    ...(database ? { database, ...(parts.integrity?.status.checkedAt ? { databaseCheckedAt: parts.integrity.status.checkedAt } : {}) } : {}),
    ...(parts.modelTrainedAt ? { modelTrainedAt: parts.modelTrainedAt } : {}),
    transcriptWriteFailures: parts.transcriptLogging?.failures ?? 0,
    ...(parts.placeholders?.length ? { clinicDetails: 'placeholder', placeholderDetails: parts.placeholders } : { clinicDetails: 'set' }),
  };
}

export function staffBanners(parts: OperationsParts): string[] {
  const banners: string[] = [];
  if (parts.integrity && !parts.integrity.status.ok) {
    banners.push(
      `The bot’s database file is damaged (found by the integrity check at ${parts.integrity.status.checkedAt}). Some conversations or enquiries may not open. ` +
        'Ask whoever runs the bot to stop it, keep a copy of the damaged file and restore the last good backup (docs/operations.md, “Damaged database”).',
    );
  }
  const health = parts.storage.health;
  if (health.storage !== 'ok') {
    const cause = health.error && DISK_FULL.test(health.error) ? 'The disk holding the bot’s data is full' : 'The bot cannot reach its storage';
    banners.push(
      `${cause} (since ${health.since}): new conversations, enquiries and call-back requests are not being saved, and patients are told to contact the clinic directly. ` +
        'Free some disk space or check the storage account (docs/operations.md, “Storage outage”); this warning goes away by itself once saving works again.',
    );
  } else if (parts.transcriptLogging?.failing) {
    banners.push(
      'The last conversation could not be saved for review (a transcript write failed). Check the bot’s log and its storage (docs/operations.md).',
    );
  }
  return banners;
}
