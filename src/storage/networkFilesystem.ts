/**
 * Is a folder on a network filesystem? SQLite's WAL journal (which the bot uses) keeps its lock and index in shared
 * memory next to the database, which only works when every process using the file runs on one host with a local
 * disk: on a network share (App Service's /home is an SMB share, Azure Files, NFS, a FUSE mount of cloud storage)
 * locks may silently not hold and the database can be corrupted. The bot checks the SQLite file's folder at
 * start-up against the mount table (/proc/mounts on Linux) and refuses, unless told to run anyway.
 *
 * The mount table is passed in, so tests give it fixed text; on a system without /proc/mounts the check finds nothing.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

export interface Mount {
  mountPoint: string;
  type: string;
  source: string;
}

/** Filesystem types that live on another machine (or behind FUSE, which SQLite cannot trust for locking either). */
const NETWORK_TYPES = new Set([
  'cifs',
  'smb',
  'smb2',
  'smb3',
  'smbfs',
  'nfs',
  'nfs4',
  'afs',
  'ceph',
  'glusterfs',
  'lustre',
  'gpfs',
  '9p',
  'davfs',
  'fuse',
  'fuseblk',
  'ncpfs',
  'coda',
  'ocfs2',
  'gfs2',
  'beegfs',
]);

export function isNetworkType(type: string): boolean {
  const t = type.toLowerCase();
  return NETWORK_TYPES.has(t) || t.startsWith('fuse.') || t.startsWith('nfs');
}

/** /proc/mounts escapes spaces, tabs, new lines and backslashes in paths as octal (\040). */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/** Parses /proc/mounts (or /etc/mtab) text: "source mountpoint type options dump pass" per line. */
export function parseMounts(text: string): Mount[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 3 && f[0] !== '' && !f[0].startsWith('#'))
    .map(([source, mountPoint, type]) => ({ source: unescapeMountField(source), mountPoint: unescapeMountField(mountPoint), type }));
}

/** The mount a path lives on: the longest mount point that is the path or one of its parents (the last one mounted wins a tie). */
export function mountOf(path: string, mounts: Mount[]): Mount | undefined {
  let best: Mount | undefined;
  for (const m of mounts) {
    const point = m.mountPoint === '/' ? '/' : m.mountPoint.replace(/\/+$/, '');
    const inside = point === '/' || path === point || path.startsWith(point + sep);
    if (inside && (!best || point.length >= best.mountPoint.replace(/\/+$/, '').length)) best = m;
  }
  return best;
}

/** The nearest existing folder of a path, with symbolic links resolved (the SQLite file and its folder may not exist yet). */
function realFolder(file: string): string {
  let dir = dirname(resolve(file));
  for (;;) {
    try {
      return realpathSync(dir);
    } catch {
      const parent = dirname(dir);
      if (parent === dir) return dir;
      dir = parent;
    }
  }
}

/** The system's mount table, or '' where there is none to read (not Linux). */
export function systemMountTable(): string {
  try {
    return readFileSync('/proc/mounts', 'utf8');
  } catch {
    return '';
  }
}

/** The network mount the SQLite file would live on, or undefined for a local disk (or an in-memory database). */
export function networkMountOf(sqlitePath: string, mountTable: string = systemMountTable()): Mount | undefined {
  if (sqlitePath === ':memory:' || sqlitePath === '') return undefined;
  const mount = mountOf(realFolder(sqlitePath), parseMounts(mountTable));
  return mount && isNetworkType(mount.type) ? mount : undefined;
}

export class NetworkFilesystemError extends Error {}

/**
 * Refuses a SQLite file on a network filesystem, or only warns when allowed (SQLITE_ALLOW_NETWORK_FS=true).
 * Returns the warning to log, if any.
 */
export function checkSqliteLocation(sqlitePath: string, allowNetwork: boolean, mountTable?: string): string | undefined {
  const mount = networkMountOf(sqlitePath, mountTable);
  if (!mount) return undefined;
  const where = `${sqlitePath} is on a network filesystem (${mount.type} ${mount.source}, mounted at ${mount.mountPoint})`;
  if (!allowNetwork) {
    throw new NetworkFilesystemError(
      `${where}. SQLite's WAL journal needs a local disk: on a network share its locks may not hold and the database can be corrupted. ` +
        'Put DATA_DIR on a local disk, or use STORAGE=azure-blob (on Azure App Service /home is a network share: the template uses azure-blob). ' +
        'To run anyway, one instance only, set SQLITE_ALLOW_NETWORK_FS=true.',
    );
  }
  return `${where}; running anyway because SQLITE_ALLOW_NETWORK_FS=true. Run ONE instance only, and expect SQLite to be slower and less safe than on a local disk.`;
}
