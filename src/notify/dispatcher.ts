/**
 * Sends staff notifications from the outbox (src/storage/outbox.ts) in the background.
 *
 * The turn only calls notify(), which writes the event to the outbox without being awaited by the turn (a failed
 * write is logged and counted, never thrown), then wakes the dispatcher, so a notification usually leaves within a
 * second; a timer also looks every few seconds, for events noticed by other instances and for retries. Each entry is
 * claimed with a lease before sending (one instance sends it), each target (email, webhook) is delivered once, and a
 * failed target is retried with exponential back-off (5 s, 10 s, 20 s … up to 5 minutes) for a day, then given up.
 * The outcome of every attempt is kept in the outbox (the staff notifications page) and summarised by health()
 * (/healthz and the staff pages' banner).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { NotifyTarget, Outbox, OutboxEntry, OutboxEvent, shortError } from '../storage/outbox';
import type { Notification } from './message';
import type { Sender } from './senders';

export interface DispatcherOptions {
  /** How often to look for due entries (ms). */
  pollMs?: number;
  /** How long a claim lasts; longer than the slowest send (ms). */
  leaseMs?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** Stop retrying an event this long after it happened (ms). */
  giveUpAfterMs?: number;
  /** Delete outbox entries this old (ms). */
  keepMs?: number;
}

export interface TargetHealth {
  lastSentAt?: string;
  lastErrorAt?: string;
  lastError?: string;
}

export interface NotifyHealth {
  /** off: no email or webhook configured; failing: the latest attempt of a target (or of the outbox) failed. */
  status: 'off' | 'ok' | 'failing';
  targets: Partial<Record<NotifyTarget, TargetHealth>>;
  /** Events that could not even be written to the outbox since start-up. */
  enqueueFailures: number;
  /** Events given up (retried for a day) by this instance since start-up. */
  gaveUp: number;
  outboxError?: string;
}

const DEFAULTS: Required<DispatcherOptions> = {
  pollMs: 5000,
  leaseMs: 120_000,
  firstRetryMs: 5000,
  maxRetryMs: 5 * 60_000,
  giveUpAfterMs: 24 * 3600_000,
  keepMs: 30 * 24 * 3600_000,
};

export type LinkFor = (entry: OutboxEntry) => Promise<string>;

export class NotificationDispatcher {
  readonly instance = randomUUID();
  private readonly options: Required<DispatcherOptions>;
  private readonly targets: Partial<Record<NotifyTarget, TargetHealth>> = {};
  private enqueueFailures = 0;
  private gaveUp = 0;
  private outboxError?: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private lastPurge = 0;
  private readonly pendingAdds = new Set<Promise<unknown>>();

  constructor(
    private readonly outbox: Outbox,
    private readonly senders: Sender[],
    private readonly linkFor: LinkFor,
    private readonly logger: Logger,
    options: DispatcherOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  get enabled(): boolean {
    return this.senders.length > 0;
  }

  /** Records an event for sending. Never throws and never makes the caller wait for storage or a mail server. */
  notify(event: OutboxEvent): void {
    if (!this.enabled || this.stopped) return;
    const add = this.outbox
      .add(event)
      .then((added) => {
        if (added) this.wake();
      })
      .catch((err) => {
        this.enqueueFailures++;
        this.logger.error('could not queue a staff notification', { kind: event.kind, error: shortError(err) });
      });
    this.pendingAdds.add(add);
    void add.finally(() => this.pendingAdds.delete(add));
  }

  start(): void {
    if (!this.enabled || this.timer) return;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /**
   * Stops the timer and waits for queued writes, and for a send in progress up to `waitMs` (a mail server that hangs
   * must not hold up a shutdown: an entry left leased is sent by the next instance once its lease runs out).
   */
  async stop(waitMs = 2000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.pendingAdds]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    for (const s of this.senders) s.close?.();
  }

  /** Runs a pass now (or right after the one in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** One pass: every due entry this instance can claim, one at a time. Resolves when done (tests await it). */
  async pass(now = Date.now()): Promise<void> {
    try {
      for (const entry of await this.outbox.due(now, 50)) {
        if (this.stopped) break;
        const claimed = await this.outbox.claim(entry.id, this.instance, now, this.options.leaseMs);
        if (claimed) await this.deliver(claimed);
      }
      if (now - this.lastPurge > 3600_000) {
        this.lastPurge = now;
        await this.outbox.purgeBefore(now - this.options.keepMs);
      }
      this.outboxError = undefined;
    } catch (err) {
      this.outboxError = shortError(err);
      this.logger.error('staff notification outbox unavailable', { error: this.outboxError });
    }
  }

  /** Waits until the current pass (if any) has finished. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.pendingAdds]);
    while (this.running) await this.running;
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const delivered = new Set(entry.delivered);
    const errors: string[] = [];
    const notification: Notification = {
      kind: entry.kind,
      at: new Date(entry.at),
      link: await this.linkFor(entry).catch(() => this.fallbackLink(entry)),
    };
    for (const sender of this.senders) {
      if (delivered.has(sender.target)) continue;
      const health = (this.targets[sender.target] ??= {});
      try {
        await sender.send(notification);
        delivered.add(sender.target);
        health.lastSentAt = new Date().toISOString();
        this.logger.info('staff notification sent', { kind: entry.kind, target: sender.target });
      } catch (err) {
        const error = shortError(err);
        errors.push(`${sender.target}: ${error}`);
        Object.assign(health, { lastErrorAt: new Date().toISOString(), lastError: error });
        this.logger.warn('staff notification failed; will retry', { kind: entry.kind, target: sender.target, attempt: entry.attempts + 1, error });
      }
    }
    const now = Date.now();
    const attempts = entry.attempts + 1;
    const done = this.senders.every((s) => delivered.has(s.target));
    const giveUp = !done && now - entry.at > this.options.giveUpAfterMs;
    if (giveUp) {
      this.gaveUp++;
      this.logger.error('staff notification given up after retrying', { kind: entry.kind, attempts });
    }
    const settled = await this.outbox.settle(entry.id, this.instance, {
      attempts,
      delivered: [...delivered],
      nextAt: done || giveUp ? now : now + this.retryDelay(attempts),
      ...(done ? { sentAt: now } : {}),
      ...(giveUp ? { gaveUpAt: now } : {}),
      ...(errors.length ? { lastError: errors.join('; ') } : {}),
    });
    if (!settled) this.logger.warn('staff notification lease expired while sending (it may be sent twice)', { kind: entry.kind });
  }

  private fallbackLink(entry: OutboxEntry): string {
    return entry.enquiryId ? '/staff/enquiries' : '/staff/conversations';
  }

  /** Exponential back-off with ±20 % jitter, so instances do not retry in step. */
  retryDelay(attempts: number): number {
    const base = Math.min(this.options.firstRetryMs * 2 ** Math.min(attempts - 1, 20), this.options.maxRetryMs);
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  health(): NotifyHealth {
    const failing =
      Boolean(this.outboxError) || Object.values(this.targets).some((t) => t.lastErrorAt && (!t.lastSentAt || t.lastErrorAt > t.lastSentAt));
    return {
      status: !this.enabled ? 'off' : failing ? 'failing' : 'ok',
      targets: this.targets,
      enqueueFailures: this.enqueueFailures,
      gaveUp: this.gaveUp,
      ...(this.outboxError ? { outboxError: this.outboxError } : {}),
    };
  }
}
