/**
 * botbuilder `Storage` over an Azure Blob container: conversation and user state shared by every
 * instance of the bot. Blob names and bodies are those of botbuilder-azure-blobs' BlobsStorage
 * (`encodeURIComponent(key)`, the item as JSON without its eTag), so data written by either can be
 * read by the other. Why not BlobsStorage itself:
 *  - it has no create-only write: when two instances start the same conversation at once, the second
 *    write silently replaces the first (here an item the turn found missing is written with
 *    If-None-Match: *, see CREATE_ONLY in src/storage/backend.ts);
 *  - it remembers a failed container creation for ever (one failed first request while storage is
 *    down and the instance never stores state again); here the container is created at start-up and
 *    re-created if it disappears;
 *  - its client retries for about half a minute before failing; here two short tries (blobs.ts), so
 *    the turn is answered without memory instead of hanging.
 * eTags: read returns the blob's eTag; write with `*` or no eTag is unconditional, with CREATE_ONLY only
 * if the blob does not exist, with any other eTag only if it is still the blob's (If-Match). A failed
 * condition throws a 412 error `Storage: error writing "<key>" due to eTag conflict.`
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { ContainerClient } from '@azure/storage-blob';
import { CREATE_ONLY } from '../backend';
import { deleteIfExists, readJsonWithEtag, statusOf, writeJson } from './blobs';

/** BlobsStorage's key sanitising: empty path segments dropped, at most 254 '/', URI-encoded, 1,024 characters. */
export function stateBlobName(key: string): string {
  if (!key) throw new Error('Please provide a non-empty key');
  const sanitized = key.split('/').reduce((acc, part, idx) => (part ? [acc, part].join(idx < 255 ? '/' : '') : acc));
  return encodeURIComponent(sanitized).substring(0, 1024);
}

export class BlobStateStorage implements Storage {
  constructor(private readonly container: ContainerClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const blob = await this.retryMissingContainer(() => readJsonWithEtag<Record<string, unknown>>(this.container, stateBlobName(key)));
        if (blob) items[key] = { ...blob.value, eTag: blob.etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...data } = (item ?? {}) as { eTag?: string };
        const condition = eTag === CREATE_ONLY ? { createOnly: true } : eTag && eTag !== '*' ? { ifMatch: eTag } : {};
        await this.retryMissingContainer(() => writeJson(this.container, stateBlobName(key), data, condition));
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await Promise.all(keys.map((key) => this.retryMissingContainer(() => deleteIfExists(this.container, stateBlobName(key)))));
  }

  /** The container was deleted (or storage was reset): create it again once and retry. */
  private async retryMissingContainer<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (statusOf(err) !== 404 || (err as { code?: string }).code !== 'ContainerNotFound') throw err;
      await this.container.createIfNotExists();
      return op();
    }
  }
}
