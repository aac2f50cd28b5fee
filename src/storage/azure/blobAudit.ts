/**
 * The staff audit log (see ../audit.ts) in an Azure Blob container: one create-only blob per entry,
 * `audit/<ms, zero-padded>-<random>`, with user, action and time in metadata so that one listing filters them.
 */
import { randomBytes } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import { AuditEntry, AuditFilter, AuditLog, AuditPage, auditLimit, parseAuditCursor } from '../audit';
import { decodeMeta, deleteIfExists, encodeMeta, listAll, readJsonWithEtag, writeJson } from './blobs';

const PREFIX = 'audit/';

interface Listed {
  name: string;
  at: number;
  id: string;
  user: string;
  action: string;
}

export class BlobAuditLog implements AuditLog {
  constructor(private readonly container: ContainerClient) {}

  async record(e: AuditEntry): Promise<void> {
    const at = e.at.getTime();
    const id = randomBytes(8).toString('hex');
    await writeJson(
      this.container,
      `${PREFIX}${String(at).padStart(15, '0')}-${id}`,
      { ...e, at },
      { createOnly: true },
      { at: String(at), id, user: encodeMeta(e.user), action: encodeMeta(e.action) },
    );
  }

  private async listed(): Promise<Listed[]> {
    return (await listAll(this.container, PREFIX)).map((b) => ({
      name: b.name,
      at: Number(b.metadata.at),
      id: b.metadata.id ?? '',
      user: decodeMeta(b.metadata.user) ?? '',
      action: decodeMeta(b.metadata.action) ?? '',
    }));
  }

  async list(filter: AuditFilter = {}): Promise<AuditPage> {
    const limit = auditLimit(filter.limit);
    const cursor = parseAuditCursor(filter.before);
    const rows = (await this.listed())
      .filter(
        (l) =>
          (!filter.user || l.user === filter.user) &&
          (!filter.action || l.action === filter.action) &&
          (filter.from === undefined || l.at >= filter.from) &&
          (filter.to === undefined || l.at < filter.to) &&
          (!cursor || l.at < cursor[0] || (l.at === cursor[0] && l.id < cursor[1])),
      )
      .sort((a, b) => b.at - a.at || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0));
    const page = rows.slice(0, limit);
    const bodies = await Promise.all(page.map((l) => readJsonWithEtag<AuditEntry & { at: number }>(this.container, l.name)));
    const last = rows.length > limit ? page[limit - 1] : undefined;
    return {
      items: bodies.filter((b): b is NonNullable<typeof b> => b !== undefined).map((b) => ({ ...b.value, at: new Date(b.value.at) })),
      next: last ? `${last.at}.${last.id}` : undefined,
    };
  }

  async purgeBefore(cutoff: number): Promise<number> {
    const old = (await this.listed()).filter((l) => l.at < cutoff);
    await Promise.all(old.map((l) => deleteIfExists(this.container, l.name)));
    return old.length;
  }
}
