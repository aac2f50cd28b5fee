/**
 * Enquiries (call-back and booking requests) in an Azure Blob container: one blob per enquiry
 * (`enquiries/<id>`, the contact details in its body; status, times and conversation in its metadata, so
 * lists and counts read one listing), numeric ids from a shared counter blob, status changes with eTags.
 * Same behaviour as SqliteEnquiryStore (test/backend.test.ts).
 */
import { createHash } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { EnquiryBackend } from '../backend';
import type { Enquiry, EnquiryListOptions, EnquiryPage, EnquiryStatus, NewEnquiry } from '../enquiries';
import { changeEvents, FollowUpAction, FollowUpChange, FollowUpEvent, isOutcome, UNASSIGNED } from '../enquiryFollowUp';
import { newEnquiryReference } from '../enquiryReference';
import { BlobConflictError, decodeMeta, deleteIfExists, encodeMeta, listAll, nextNumber, readJsonWithEtag, updateJson, writeJson } from './blobs';
import type { BlobTranscriptStore } from './blobTranscriptStore';

interface StoredEnquiry extends Omit<Enquiry, 'createdAt' | 'consentAt' | 'doneAt'> {
  createdAt: number;
  consentAt: number;
  doneAt?: number;
  /** Follow-up changes and notes (enquiryFollowUp.ts), kept in the enquiry's blob so they go with it. */
  history?: Array<{ at: number; by: string; action: FollowUpAction; value: string }>;
}

interface Listed {
  id: number;
  name: string;
  createdAt: number;
  status: EnquiryStatus;
  channelId: string;
  conversationId: string;
  doneAt?: number;
  consentAt?: number;
  owner?: string;
}

const blobName = (id: number) => `enquiries/${String(id).padStart(10, '0')}`;

/**
 * The create-only marker that makes create() idempotent (see EnquiryStore.create): named by a hash of the
 * conversation and consent time (no ids in the name), holding the enquiry's id; deleted with the enquiry.
 */
const requestName = (channelId: string, conversationId: string, consentAt: number) =>
  `requests/${createHash('sha256')
    .update(JSON.stringify([channelId, conversationId, consentAt]))
    .digest('hex')}`;

function metadata(e: StoredEnquiry): Record<string, string> {
  return {
    id: String(e.id),
    consent: String(e.consentAt),
    created: String(e.createdAt),
    status: e.status,
    channel: encodeMeta(e.channelId),
    conversation: encodeMeta(e.conversationId),
    ...(e.doneAt !== undefined ? { done: String(e.doneAt) } : {}),
    ...(e.owner ? { owner: encodeMeta(e.owner) } : {}),
  };
}

function fromStored(stored: StoredEnquiry): Enquiry {
  const { history: _history, ...e } = stored;
  const out: Enquiry = {
    ...e,
    createdAt: new Date(e.createdAt),
    consentAt: new Date(e.consentAt),
    doneAt: e.doneAt === undefined ? undefined : new Date(e.doneAt),
  };
  if (!isOutcome(out.outcome)) delete out.outcome;
  for (const k of ['phone', 'email', 'reason', 'doneAt', 'doneBy', 'owner'] as const) if (out[k] === undefined || out[k] === null) delete out[k];
  return out;
}

export class BlobEnquiryStore implements EnquiryBackend {
  constructor(
    readonly container: ContainerClient,
    private readonly transcripts: BlobTranscriptStore,
  ) {}

  async create(e: NewEnquiry): Promise<{ id: number; reference: string }> {
    const id = await nextNumber(this.container, 'counters/enquiry-id');
    // The patient's reference is random (the id counts up; see enquiryReference.ts).
    const reference = newEnquiryReference();
    const marker = requestName(e.channelId, e.conversationId, e.consentAt.getTime());
    try {
      await writeJson(this.container, marker, { id, reference }, { createOnly: true });
    } catch (err) {
      // Already asked for: the other caller's id (an unused number is skipped, which is harmless).
      const first = err instanceof BlobConflictError ? await readJsonWithEtag<{ id: number; reference?: string }>(this.container, marker) : undefined;
      if (first) return { id: first.value.id, reference: first.value.reference ?? String(first.value.id) };
      throw err;
    }
    const stored: StoredEnquiry = {
      id,
      reference,
      createdAt: Date.now(),
      channelId: e.channelId,
      conversationId: e.conversationId,
      kind: e.kind,
      name: e.name,
      ...(e.phone ? { phone: e.phone } : {}),
      ...(e.email ? { email: e.email } : {}),
      preferredTime: e.preferredTime,
      ...(e.reason ? { reason: e.reason } : {}),
      consentAt: e.consentAt.getTime(),
      status: 'new',
    };
    await writeJson(this.container, blobName(id), stored, { createOnly: true }, metadata(stored));
    await this.transcripts.flagEnquiry(e.channelId, e.conversationId);
    return { id, reference };
  }

  async get(id: number): Promise<Enquiry | undefined> {
    if (!Number.isSafeInteger(id) || id < 1) return undefined;
    const blob = await readJsonWithEtag<StoredEnquiry>(this.container, blobName(id));
    return blob && fromStored(blob.value);
  }

  private async listed(): Promise<Listed[]> {
    return (await listAll(this.container, 'enquiries/')).map((b) => ({
      id: Number(b.metadata.id),
      name: b.name,
      createdAt: Number(b.metadata.created),
      status: b.metadata.status === 'done' ? 'done' : 'new',
      channelId: decodeMeta(b.metadata.channel) ?? '',
      conversationId: decodeMeta(b.metadata.conversation) ?? '',
      doneAt: b.metadata.done ? Number(b.metadata.done) : undefined,
      consentAt: b.metadata.consent ? Number(b.metadata.consent) : undefined,
      owner: decodeMeta(b.metadata.owner),
    }));
  }

  /** Deletes enquiries and their create() markers. */
  private async remove(items: Listed[]): Promise<void> {
    await Promise.all(
      items.flatMap((l) => [
        deleteIfExists(this.container, l.name),
        ...(l.consentAt !== undefined ? [deleteIfExists(this.container, requestName(l.channelId, l.conversationId, l.consentAt))] : []),
      ]),
    );
  }

  private async bodies(items: Listed[]): Promise<Enquiry[]> {
    const out = await Promise.all(items.map((l) => readJsonWithEtag<StoredEnquiry>(this.container, l.name)));
    return out.filter((b): b is NonNullable<typeof b> => b !== undefined).map((b) => fromStored(b.value));
  }

  /** Newest first; `status` filters; paging by (createdAt, id) as SqliteEnquiryStore. */
  async list(options: EnquiryListOptions = {}): Promise<EnquiryPage> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const cursor = options.before ? /^(\d+)\.(\d+)$/.exec(options.before) : null;
    const all = (await this.listed())
      .filter((l) => !options.status || l.status === options.status)
      .filter((l) => !options.owner || (options.owner === UNASSIGNED ? !l.owner : l.owner === options.owner))
      .filter((l) => !cursor || l.createdAt < Number(cursor[1]) || (l.createdAt === Number(cursor[1]) && l.id < Number(cursor[2])))
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    const page = all.slice(0, limit);
    const last = all.length > limit ? page[limit - 1] : undefined;
    return { items: await this.bodies(page), next: last ? `${last.createdAt}.${last.id}` : undefined };
  }

  async setStatus(id: number, status: EnquiryStatus, by: string): Promise<boolean> {
    if (!Number.isSafeInteger(id) || id < 1) return false;
    let found = false;
    await updateJson<StoredEnquiry>(this.container, blobName(id), (current) => {
      if (!current) return undefined;
      found = true;
      const next: StoredEnquiry = { ...current, status };
      if (status === 'done') Object.assign(next, { doneAt: Date.now(), doneBy: by });
      else {
        delete next.doneAt;
        delete next.doneBy;
      }
      return { value: next, metadata: metadata(next) };
    });
    return found;
  }

  async update(id: number, by: string, change: FollowUpChange): Promise<boolean> {
    if (!Number.isSafeInteger(id) || id < 1) return false;
    let found = false;
    await updateJson<StoredEnquiry>(this.container, blobName(id), (current) => {
      found = Boolean(current);
      if (!current) return undefined;
      const now = Date.now();
      const events = changeEvents(current, change, by, new Date(now));
      if (!events.length) return undefined;
      const next: StoredEnquiry = { ...current, history: [...(current.history ?? []), ...events.map((e) => ({ ...e, at: now }))] };
      for (const e of events) {
        if (e.action === 'status' && e.value === 'done') Object.assign(next, { status: 'done', doneAt: now, doneBy: by });
        if (e.action === 'status' && e.value === 'new') {
          next.status = 'new';
          delete next.doneAt;
          delete next.doneBy;
        }
        if (e.action === 'owner') {
          if (e.value) next.owner = e.value;
          else delete next.owner;
        }
        if (e.action === 'outcome') {
          if (isOutcome(e.value)) next.outcome = e.value;
          else delete next.outcome;
        }
      }
      return { value: next, metadata: metadata(next) };
    });
    return found;
  }

  async history(id: number): Promise<FollowUpEvent[]> {
    if (!Number.isSafeInteger(id) || id < 1) return [];
    const blob = await readJsonWithEtag<StoredEnquiry>(this.container, blobName(id));
    return (blob?.value.history ?? []).map((h) => ({ ...h, at: new Date(h.at) }));
  }

  async forConversation(channelId: string, conversationId: string): Promise<Enquiry[]> {
    const mine = (await this.listed()).filter((l) => l.channelId === channelId && l.conversationId === conversationId).sort((a, b) => a.id - b.id);
    return this.bodies(mine);
  }

  async countNew(): Promise<number> {
    return (await this.listed()).filter((l) => l.status === 'new').length;
  }

  /** Deletes a conversation's enquiries (a deletion request); returns how many. */
  async deleteForConversation(channelId: string, conversationId: string): Promise<number> {
    const mine = (await this.listed()).filter((l) => l.channelId === channelId && l.conversationId === conversationId);
    await this.remove(mine);
    return mine.length;
  }

  /** Deletes enquiries marked done before `cutoff` (retention); new ones are kept: someone is waiting for a call. */
  async purgeDoneBefore(cutoff: number): Promise<number> {
    const old = (await this.listed()).filter((l) => l.status === 'done' && l.doneAt !== undefined && l.doneAt < cutoff);
    await this.remove(old);
    return old.length;
  }
}
