/**
 * Callback and booking enquiries collected by the enquiry dialog, with the patient's consent. The
 * contact details live here only (the transcript logger masks them), with a status staff move from
 * "new" to "done".
 */
import type { EnquiryOutcome } from './enquiryFollowUp';

export type EnquiryKind = 'booking' | 'callback';
export type EnquiryStatus = 'new' | 'done';

export interface NewEnquiry {
  channelId: string;
  conversationId: string;
  kind: EnquiryKind;
  name: string;
  phone?: string;
  email?: string;
  preferredTime: string;
  reason?: string;
  consentAt: Date;
}

export interface Enquiry extends NewEnquiry {
  id: number;
  /** What the patient was told (random, see enquiryReference.ts); absent on enquiries stored before it existed. */
  reference?: string;
  createdAt: Date;
  status: EnquiryStatus;
  doneAt?: Date;
  doneBy?: string;
  /** The staff member following it up (enquiryFollowUp.ts). */
  owner?: string;
  outcome?: EnquiryOutcome;
}

/** Filters of an enquiry list; `owner` is a staff name or UNASSIGNED ('-'). */
export interface EnquiryListOptions {
  status?: EnquiryStatus;
  owner?: string;
  before?: string;
  limit?: number;
}

/** What the enquiry dialog needs: injected, so dialog tests can pass a fake. */
export interface EnquiryStore {
  /**
   * Stores a request. Idempotent per conversation and consent time: the same request confirmed twice at once (a
   * double-click, or two instances running one confirmation, one of which is then re-run) is stored once, and both
   * callers get its id.
   */
  create(enquiry: NewEnquiry): Promise<{ id: number; reference: string }>;
}

export interface EnquiryPage {
  items: Enquiry[];
  /** Cursor for the next (older) page. */
  next?: string;
}
