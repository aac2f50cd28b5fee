/**
 * The notification outbox (see ../outbox.ts) in an Azure Blob container: one blob per event
 * (`outbox/<hash of the key>`) written create-only, so an event noticed by two instances is kept once; its state
 * (pending / sent / given up, next attempt) in metadata so that one listing finds what is due; the lease taken by a
 * write conditional on the eTag the claimer read, so exactly one instance wins it.
 */
import type { ContainerClient } from '@azure/storage-blob';
import { Outbox, OutboxEntry, OutboxEvent, outboxId, Settlement } from '../outbox';
import { BlobConflictError, deleteIfExists, listAll, readJsonWithEtag, writeJson } from './blobs';

const PREFIX = 'outbox/';
const blobName = (id: string) => `${PREFIX}${id}`;

function metadata(e: OutboxEntry): Record<string, string> {
  return {
    state: e.sentAt !== undefined ? 'sent' : e.gaveUpAt !== undefined ? 'failed' : 'pending',
    at: String(e.at),
    next: String(e.nextAt),
    ...(e.leaseUntil !== undefined ? { lease: String(e.leaseUntil) } : {}),
  };
}

function isDue(e: OutboxEntry, now: number): boolean {
  return e.sentAt === undefined && e.gaveUpAt === undefined && e.nextAt <= now && (e.leaseUntil === undefined || e.leaseUntil < now);
}

export class BlobOutbox implements Outbox {
  constructor(private readonly container: ContainerClient) {}

  async add(event: OutboxEvent): Promise<boolean> {
    const entry: OutboxEntry = { ...event, id: outboxId(event.key), attempts: 0, nextAt: event.at, delivered: [] };
    try {
      await writeJson(this.container, blobName(entry.id), entry, { createOnly: true }, metadata(entry));
      return true;
    } catch (err) {
      if (err instanceof BlobConflictError) return false;
      throw err;
    }
  }

  async due(now: number, limit: number): Promise<OutboxEntry[]> {
    const candidates = (await listAll(this.container, PREFIX))
      .filter((b) => b.metadata.state === 'pending' && Number(b.metadata.next) <= now && !(Number(b.metadata.lease) >= now))
      .sort((a, b) => Number(a.metadata.next) - Number(b.metadata.next))
      .slice(0, limit);
    const bodies = await Promise.all(candidates.map((b) => readJsonWithEtag<OutboxEntry>(this.container, b.name)));
    return bodies.filter((b): b is NonNullable<typeof b> => b !== undefined && isDue(b.value, now)).map((b) => b.value);
  }

  async claim(id: string, owner: string, now: number, leaseMs: number): Promise<OutboxEntry | undefined> {
    if (!/^[0-9a-f]{40}$/.test(id)) return undefined;
    const current = await readJsonWithEtag<OutboxEntry>(this.container, blobName(id));
    if (!current || !isDue(current.value, now)) return undefined;
    const leased: OutboxEntry = { ...current.value, leaseOwner: owner, leaseUntil: now + leaseMs };
    try {
      await writeJson(this.container, blobName(id), leased, { ifMatch: current.etag }, metadata(leased));
      return leased;
    } catch (err) {
      if (err instanceof BlobConflictError) return undefined; // another instance claimed it first
      throw err;
    }
  }

  async settle(id: string, owner: string, r: Settlement): Promise<boolean> {
    const current = await readJsonWithEtag<OutboxEntry>(this.container, blobName(id));
    if (!current || current.value.leaseOwner !== owner) return false;
    const { leaseOwner: _o, leaseUntil: _u, lastError: _e, sentAt: _s, gaveUpAt: _g, ...rest } = current.value;
    const next: OutboxEntry = {
      ...rest,
      attempts: r.attempts,
      delivered: r.delivered,
      nextAt: r.nextAt,
      ...(r.sentAt !== undefined ? { sentAt: r.sentAt } : {}),
      ...(r.gaveUpAt !== undefined ? { gaveUpAt: r.gaveUpAt } : {}),
      ...(r.lastError !== undefined ? { lastError: r.lastError } : {}),
    };
    try {
      await writeJson(this.container, blobName(id), next, { ifMatch: current.etag }, metadata(next));
      return true;
    } catch (err) {
      if (err instanceof BlobConflictError) return false;
      throw err;
    }
  }

  async recent(limit: number): Promise<OutboxEntry[]> {
    const newest = (await listAll(this.container, PREFIX)).sort((a, b) => Number(b.metadata.at) - Number(a.metadata.at)).slice(0, limit);
    const bodies = await Promise.all(newest.map((b) => readJsonWithEtag<OutboxEntry>(this.container, b.name)));
    return bodies.filter((b): b is NonNullable<typeof b> => b !== undefined).map((b) => b.value);
  }

  async purgeBefore(cutoff: number): Promise<number> {
    const old = (await listAll(this.container, PREFIX)).filter((b) => Number(b.metadata.at) < cutoff);
    await Promise.all(old.map((b) => deleteIfExists(this.container, b.name)));
    return old.length;
  }
}
