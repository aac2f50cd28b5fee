/**
 * Where notification events come from, without touching the bot's dialogs: the enquiry store given to the bot is
 * wrapped so that a stored call-back or booking request is announced, and the transcript writer is wrapped so that
 * a logged recognition trace whose outcome is `urgent` or `handoff` (a request for a person; not a booking, which is
 * announced as an enquiry) is announced, once per conversation. The announcement is fire-and-forget (NotificationDispatcher.notify): the turn never waits for it.
 */
import type { Activity } from 'botbuilder';
import { TRACE_NAME, TRACE_VALUE_TYPE } from '../turn/trace';
import type { TranscriptWriter } from '../storage/backend';
import type { EnquiryStore } from '../storage/enquiries';
import type { OutboxEvent } from '../storage/outbox';

export type Announce = (event: OutboxEvent) => void;

/** Intents whose handoff is the enquiry dialog's (see dialogs/enquiryDialog.ts): announced as enquiries instead. */
const ENQUIRY_INTENTS = new Set(['booking']);

/** The enquiry store, announcing each request once it is stored (the id makes a repeated confirmation one event). */
export function announcingEnquiries(store: EnquiryStore, announce: Announce): EnquiryStore {
  return {
    create: async (e) => {
      const stored = await store.create(e);
      announce({
        key: `enquiry:${stored.id}`,
        kind: e.kind,
        at: Date.now(),
        channelId: e.channelId,
        conversationId: e.conversationId,
        enquiryId: stored.id,
      });
      return stored;
    },
  };
}

/** An urgent or handoff outcome in a logged activity: the event to announce (one per conversation and kind). */
export function traceEvent(a: Activity): OutboxEvent | undefined {
  if (a.type !== 'trace' || a.name !== TRACE_NAME || a.valueType !== TRACE_VALUE_TYPE) return undefined;
  const { outcome, intent } = (a.value as { outcome?: string; intent?: string } | undefined) ?? {};
  if (outcome !== 'urgent' && outcome !== 'handoff') return undefined;
  // A booking or call-back request is also a handoff (the bot hands over to staff), but staff are told about it once
  // the request is stored with the patient's consent (announcingEnquiries); without consent there is nobody to call.
  if (outcome === 'handoff' && intent && ENQUIRY_INTENTS.has(intent)) return undefined;
  const channelId = a.channelId ?? '';
  const conversationId = a.conversation?.id ?? '';
  const at = a.timestamp ? new Date(a.timestamp).getTime() : Date.now();
  return { key: `${outcome}:${channelId}/${conversationId}`, kind: outcome, at: Number.isFinite(at) ? at : Date.now(), channelId, conversationId };
}

/** The transcript writer (any object with logActivities), announcing urgent and handoff turns after they are stored. */
export function announcingTranscripts<T extends TranscriptWriter>(writer: T, announce: Announce): T {
  const logActivities: TranscriptWriter['logActivities'] = async (activities, replace) => {
    const refs = await writer.logActivities(activities, replace);
    for (const a of activities) {
      const event = traceEvent(a);
      if (event) announce(event);
    }
    return refs;
  };
  return new Proxy(writer, {
    get: (target, prop, receiver) => (prop === 'logActivities' ? logActivities : Reflect.get(target, prop, receiver)),
  });
}
