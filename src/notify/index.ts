/**
 * Staff notifications, wired: the senders the settings ask for, a dispatcher over the backend's outbox, and the
 * link each notification carries (PUBLIC_URL + the staff page of the enquiry or conversation).
 */
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { ReviewStore } from '../storage/backend';
import type { Outbox, OutboxEntry } from '../storage/outbox';
import { DispatcherOptions, NotificationDispatcher } from './dispatcher';
import { Sender, sendersFor } from './senders';

export { NotificationDispatcher } from './dispatcher';
export type { NotifyHealth } from './dispatcher';

/** The staff page of an event: the enquiry, or the conversation (its list filtered by kind until it is logged). */
export function staffLink(publicUrl: string, review: ReviewStore): (e: OutboxEntry) => Promise<string> {
  return async (e) => {
    if (e.enquiryId !== undefined) return `${publicUrl}/staff/enquiries/${e.enquiryId}`;
    const c = await review.findConversation(e.channelId, e.conversationId);
    return `${publicUrl}${c ? `/staff/conversations/${c.id}` : `/staff/conversations?flag=${e.kind}`}`;
  };
}

export function createNotifications(
  config: Pick<Config, 'publicUrl' | 'notify'>,
  storage: { outbox: Outbox; review: ReviewStore },
  logger: Logger,
  options: DispatcherOptions & { senders?: Sender[] } = {},
): NotificationDispatcher {
  const senders = options.senders ?? sendersFor(config.notify);
  return new NotificationDispatcher(storage.outbox, senders, staffLink(config.publicUrl, storage.review), logger, options);
}
