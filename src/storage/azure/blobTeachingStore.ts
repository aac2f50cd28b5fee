/**
 * The teaching log (src/storage/teaching.ts) as one JSON blob, `teaching/log.json` in the enquiries container,
 * written with its eTag (updateJson retries when another instance wrote in between), so every instance sees every
 * change and none is lost. Instances poll it (src/teach/live.ts) and retrain when its revision moves.
 */
import type { ContainerClient } from '@azure/storage-blob';
import { EMPTY_LOG, TeachingLog, TeachingStore } from '../teaching';
import { readJsonWithEtag, updateJson } from './blobs';

export const TEACHING_BLOB = 'teaching/log.json';

export class BlobTeachingStore implements TeachingStore {
  constructor(private readonly container: ContainerClient) {}

  async read(): Promise<TeachingLog> {
    return (await readJsonWithEtag<TeachingLog>(this.container, TEACHING_BLOB))?.value ?? EMPTY_LOG;
  }

  async update(change: (log: TeachingLog) => TeachingLog | undefined): Promise<TeachingLog> {
    let result: TeachingLog = EMPTY_LOG;
    await updateJson<TeachingLog>(this.container, TEACHING_BLOB, (current) => {
      const next = change(current ?? EMPTY_LOG);
      result = next ?? current ?? EMPTY_LOG;
      return next ? { value: next } : undefined;
    });
    return result;
  }
}
