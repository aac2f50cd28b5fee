/**
 * Opens the backend STORAGE names, so that the app never branches on the kind: SQLite (the file at SQLITE_PATH)
 * or Azure Blob (the account in AZURE_STORAGE_CONNECTION_STRING).
 */
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { StorageBackend } from './backend';
import { SqliteBackend } from './sqlite/index';

export async function openBackend(config: Pick<Config, 'storage' | 'sqlitePath' | 'sqliteSynchronous'>, logger: Logger): Promise<StorageBackend> {
  if (config.storage.kind === 'azure-blob' && config.storage.azure) {
    const { connectionString: _secret, ...containers } = config.storage.azure;
    // Loaded only here: @azure/storage-blob adds about 165 ms to start-up and 8 MB of memory, for nothing with sqlite.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AzureBlobBackend } = require('./azure') as typeof import('./azure');
    const backend = await AzureBlobBackend.open(config.storage.azure);
    logger.info('storage: azure-blob', containers);
    return backend;
  }
  return SqliteBackend.open(config.sqlitePath, { synchronous: config.sqliteSynchronous }, logger);
}
