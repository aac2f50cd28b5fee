/**
 * Small helpers over @azure/storage-blob shared by the blob state storage, transcript store and enquiry
 * store: clients with short retries (a turn must not hang for a minute when storage is down: the bot
 * answers without memory instead), JSON bodies, conditional writes and listings with metadata.
 */
import { BlobServiceClient, ContainerClient, RestError, StoragePipelineOptions } from '@azure/storage-blob';

/**
 * Two tries, 5 s each, 100 ms apart. The SDK default (4 tries, exponential back-off from 4 s) would keep a
 * patient waiting for over 30 s before ResilientStorage could answer without memory.
 */
export const PIPELINE_OPTIONS: StoragePipelineOptions = {
  retryOptions: { maxTries: 2, tryTimeoutInMs: 5000, retryDelayInMs: 100, maxRetryDelayInMs: 500 },
  keepAliveOptions: { enable: true },
};

/** How to reach the account: a connection string (key or SAS; Azurite), or its blob URL with a Microsoft Entra identity. */
export type AccountAccess = { connectionString: string; accountUrl?: undefined } | { accountUrl: string; connectionString?: undefined };

/**
 * A client for the account. With an account URL the token comes from DefaultAzureCredential: on Azure App Service the
 * Web App's system-assigned managed identity (the template gives it "Storage Blob Data Contributor" on the account),
 * on a developer's machine their `az login`. No key is involved, so none can leak or needs rotating. A string is a
 * connection string.
 */
export function serviceClient(access: AccountAccess | string): BlobServiceClient {
  if (typeof access === 'string') return BlobServiceClient.fromConnectionString(access, PIPELINE_OPTIONS);
  if (access.accountUrl) {
    // Loaded only here: identity is needed only without a connection string.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
    return new BlobServiceClient(access.accountUrl, new DefaultAzureCredential(), PIPELINE_OPTIONS);
  }
  return BlobServiceClient.fromConnectionString(access.connectionString as string, PIPELINE_OPTIONS);
}

export function statusOf(err: unknown): number | undefined {
  return (err as RestError)?.statusCode;
}

/** 412 (If-Match failed) or 409 (If-None-Match: * on an existing blob). */
export function isPreconditionFailure(err: unknown): boolean {
  const s = statusOf(err);
  return s === 412 || s === 409;
}

export class BlobConflictError extends Error {
  readonly statusCode = 412;
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

export interface JsonBlob<T> {
  value: T;
  etag: string;
  metadata: Record<string, string>;
}

/** A blob's JSON with its eTag and metadata (one request), or undefined when it does not exist. */
export async function readJsonWithEtag<T>(container: ContainerClient, name: string): Promise<JsonBlob<T> | undefined> {
  try {
    const res = await container.getBlobClient(name).download();
    const body = await streamText(res.readableStreamBody);
    return { value: JSON.parse(body) as T, etag: res.etag ?? '', metadata: res.metadata ?? {} };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

async function streamText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export interface WriteCondition {
  /** Only if the blob still has this eTag. */
  ifMatch?: string;
  /** Only if the blob does not exist yet. */
  createOnly?: boolean;
}

/** Writes JSON; throws BlobConflictError when the condition fails. Returns the new eTag. */
export async function writeJson(
  container: ContainerClient,
  name: string,
  value: unknown,
  condition: WriteCondition = {},
  metadata?: Record<string, string>,
): Promise<string> {
  const body = JSON.stringify(value);
  try {
    const res = await container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
      conditions: condition.createOnly ? { ifNoneMatch: '*' } : condition.ifMatch ? { ifMatch: condition.ifMatch } : {},
      blobHTTPHeaders: { blobContentType: 'application/json' },
      metadata,
    });
    return res.etag ?? '';
  } catch (err) {
    if ((condition.createOnly || condition.ifMatch) && isPreconditionFailure(err)) throw new BlobConflictError(name);
    throw err;
  }
}

export async function deleteIfExists(container: ContainerClient, name: string): Promise<boolean> {
  try {
    await container.deleteBlob(name);
    return true;
  } catch (err) {
    if (statusOf(err) === 404) return false;
    throw err;
  }
}

export interface ListedBlob {
  name: string;
  metadata: Record<string, string>;
  lastModified: Date;
  etag: string;
}

/** eTags compare without their quotes (listings and responses may differ in quoting). */
export function sameEtag(a: string | undefined, b: string | undefined): boolean {
  return Boolean(a && b) && a!.replace(/"/g, '') === b!.replace(/"/g, '');
}

/** Every blob under a prefix, with metadata (pages of up to 5,000 from the service). */
export async function listAll(container: ContainerClient, prefix: string, withMetadata = true): Promise<ListedBlob[]> {
  const out: ListedBlob[] = [];
  for await (const item of container.listBlobsFlat({ prefix, includeMetadata: withMetadata })) {
    out.push({ name: item.name, metadata: item.metadata ?? {}, lastModified: item.properties.lastModified, etag: item.properties.etag ?? '' });
  }
  return out;
}

/** Read-modify-write of one JSON blob with its eTag, retried on conflicts (another instance wrote in between). */
export async function updateJson<T>(
  container: ContainerClient,
  name: string,
  change: (current: T | undefined) => { value: T; metadata?: Record<string, string> } | undefined,
  attempts = 20,
): Promise<T | undefined> {
  for (let i = 0; ; i++) {
    const current = await readJsonWithEtag<T>(container, name);
    const next = change(current?.value);
    if (!next) return current?.value;
    try {
      await writeJson(container, name, next.value, current ? { ifMatch: current.etag } : { createOnly: true }, next.metadata);
      return next.value;
    } catch (err) {
      if (!(err instanceof BlobConflictError) || i + 1 >= attempts) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (i + 1)));
    }
  }
}

/** The next number of a counter blob (numeric ids shared by every instance). */
export async function nextNumber(container: ContainerClient, name: string): Promise<number> {
  const value = await updateJson<{ next: number }>(container, name, (c) => ({ value: { next: (c?.next ?? 0) + 1 } }), 50);
  return value!.next;
}

/** Metadata values must be ASCII header values: text is stored percent-encoded. */
export function encodeMeta(s: string): string {
  return encodeURIComponent(s);
}

export function decodeMeta(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A blob name part from any string (channel or conversation ids): percent-encoded, so '/' cannot nest. */
export function namePart(s: string): string {
  return encodeURIComponent(s);
}
