/**
 * Direct Line conversations in Azure Blob Storage (see ../directLine.ts): one blob per conversation,
 * `directline/<conversation>` in the transcript container, holding its owner, watermark and kept activities, with
 * the owner, watermark and last activity also in the blob's metadata (the streams' poll reads the watermark with one
 * HEAD request; the retention purge reads the last activity from the listing).
 *
 * An append is a read-modify-write with the blob's eTag (If-Match; create-only when the conversation is new): when
 * another instance appended in between, the write fails with 412 and is redone on what that instance wrote. So two
 * instances appending at once get consecutive numbers, and none is lost or given twice.
 */
import type { ContainerClient } from '@azure/storage-blob';
import {
  AppendedSet,
  AppendOptions,
  DirectLineOwnerError,
  DirectLineStore,
  firstNumber,
  NumberedActivity,
  overCap,
  StoredDirectLineSet,
} from '../directLine';
import { BlobConflictError, deleteIfExists, listAll, ListedBlob, namePart, readJsonWithEtag, statusOf, writeJson } from './blobs';

interface ConversationBlob {
  userId: string;
  watermark: number;
  createdAt: number;
  lastAt: number;
  activities: NumberedActivity[];
}

const PREFIX = 'directline/';
/** Conflicting appends are redone; with jitter, 30 tries cover far more instances than a clinic runs. */
const ATTEMPTS = 30;

export class BlobDirectLineStore implements DirectLineStore {
  constructor(private readonly container: ContainerClient) {}

  private name(conversationId: string): string {
    return PREFIX + namePart(conversationId);
  }

  async append(
    conversationId: string,
    userId: string,
    activities: Array<Record<string, unknown>>,
    options: AppendOptions,
  ): Promise<AppendedSet | undefined> {
    const name = this.name(conversationId);
    for (let attempt = 1; ; attempt++) {
      const current = await readJsonWithEtag<ConversationBlob>(this.container, name);
      if (current && options.onlyIfNew) return undefined;
      if (current && current.value.userId !== userId) throw new DirectLineOwnerError(conversationId);
      const now = options.now ?? Date.now();
      const blob: ConversationBlob = current?.value ?? { userId, watermark: 0, createdAt: now, lastAt: now, activities: [] };
      const first = firstNumber(current?.value.watermark, options);
      const added = activities.map((activity, i) => ({ seq: first + i, activity }));
      const kept = [...blob.activities, ...added];
      const next: ConversationBlob = { ...blob, watermark: first + added.length - 1, lastAt: now, activities: kept.slice(overCap(kept.length)) };
      try {
        await writeJson(this.container, name, next, current ? { ifMatch: current.etag } : { createOnly: true }, {
          user: userId,
          watermark: String(next.watermark),
          last: String(now),
        });
        return { activities: added, watermark: next.watermark, previous: current?.value.watermark ?? 0 };
      } catch (err) {
        if (!(err instanceof BlobConflictError) || attempt >= ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }

  async since(conversationId: string, watermark: number | undefined): Promise<StoredDirectLineSet | undefined> {
    const blob = await readJsonWithEtag<ConversationBlob>(this.container, this.name(conversationId));
    if (!blob) return undefined;
    const from = watermark ?? 0;
    return { userId: blob.value.userId, activities: blob.value.activities.filter((a) => a.seq > from), watermark: blob.value.watermark };
  }

  async watermarks(conversationIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    await Promise.all(
      conversationIds.map(async (id) => {
        try {
          const props = await this.container.getBlobClient(this.name(id)).getProperties();
          const watermark = Number(props.metadata?.watermark);
          if (Number.isSafeInteger(watermark)) out.set(id, watermark);
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
        }
      }),
    );
    return out;
  }

  async delete(conversationId: string): Promise<boolean> {
    return deleteIfExists(this.container, this.name(conversationId));
  }

  async purgeOlderThan(cutoff: number): Promise<number> {
    const lastAt = (b: ListedBlob) => Number(b.metadata.last) || b.lastModified.getTime();
    const old = (await listAll(this.container, PREFIX)).filter((b) => lastAt(b) < cutoff);
    await Promise.all(old.map((b) => deleteIfExists(this.container, b.name)));
    return old.length;
  }
}
