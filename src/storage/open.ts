/**
 * Opens the backend STORAGE names, so that the app never branches on the kind: SQLite (the file at SQLITE_PATH,
 * refused on a network filesystem unless SQLITE_ALLOW_NETWORK_FS) or Azure Blob (the account in
 * AZURE_STORAGE_CONNECTION_STRING, or at AZURE_STORAGE_ACCOUNT_URL with a managed identity).
 */
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { StorageBackend } from './backend';
import { checkSqliteLocation } from './networkFilesystem';
import { SqliteBackend } from './sqlite/index';

export async function openBackend(
  config: Pick<Config, 'storage' | 'sqlitePath' | 'sqliteSynchronous' | 'sqliteAllowNetworkFs'>,
  logger: Logger,
  options: { mountTable?: string } = {},
): Promise<StorageBackend> {
  if (config.storage.kind === 'azure-blob' && config.storage.azure) {
    const { connectionString: _secret, ...containers } = config.storage.azure;
    // Loaded only here: @azure/storage-blob adds about 165 ms to start-up and 8 MB of memory, for nothing with sqlite.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AzureBlobBackend } = require('./azure') as typeof import('./azure');
    const backend = await AzureBlobBackend.open(config.storage.azure);
    logger.info('storage: azure-blob', containers);
    return backend;
  }
  // SQLite's WAL journal needs a local disk: a file on a network share is refused (or, when allowed, warned about).
  const warning = checkSqliteLocation(config.sqlitePath, config.sqliteAllowNetworkFs, options.mountTable);
  if (warning) logger.warn(warning);
  return SqliteBackend.open(config.sqlitePath, { synchronous: config.sqliteSynchronous }, logger);
}
