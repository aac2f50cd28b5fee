/**
 * The bot refuses to keep its SQLite database on a network filesystem (SQLite's WAL journal needs a local disk), or
 * runs with a loud warning when SQLITE_ALLOW_NETWORK_FS=true. The mount table is injected: the same text
 * /proc/mounts would show on App Service (/home on SMB), on an NFS server share, or under FUSE.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { checkSqliteLocation, isNetworkType, mountOf, networkMountOf, NetworkFilesystemError, parseMounts } from '../src/storage/networkFilesystem';
import { ask, replyText, startTestApp } from './helpers';

/** A /proc/mounts like a Linux App Service container's: the root on overlay, /home on an SMB share. */
function mountTable(extra: string): string {
  return [
    'overlay / overlay rw,relatime,lowerdir=/var/lib/docker/l1 0 0',
    'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
    'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0',
    '/dev/sda1 /etc/hosts ext4 rw,relatime 0 0',
    extra,
  ].join('\n');
}

describe('SQLite on a network filesystem', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-netfs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads mount tables, octal escapes in paths included, and knows network and FUSE filesystems from local ones', () => {
    const mounts = parseMounts('//clinicfiles.file.core.windows.net/share /home/site\\040data cifs rw,vers=3.1.1 0 0\n/dev/vda / ext4 rw 0 0\n');
    expect(mounts).to.deep.equal([
      { source: '//clinicfiles.file.core.windows.net/share', mountPoint: '/home/site data', type: 'cifs' },
      { source: '/dev/vda', mountPoint: '/', type: 'ext4' },
    ]);
    for (const t of ['cifs', 'smb3', 'nfs', 'nfs4', 'fuse', 'fuse.sshfs', 'fuse.blobfuse2', 'glusterfs', '9p', 'ceph'])
      expect(isNetworkType(t), t).to.equal(true);
    for (const t of ['ext4', 'xfs', 'btrfs', 'overlay', 'tmpfs', 'zfs', 'apfs']) expect(isNetworkType(t), t).to.equal(false);
  });

  it('finds the mount a path is on: the longest mount point that contains it, not one that only shares a prefix', () => {
    const mounts = parseMounts('/dev/vda / ext4 rw 0 0\nserver:/export /home nfs4 rw 0 0\n/dev/vdb /home/local ext4 rw 0 0\n');
    expect(mountOf('/home/data/x', mounts)?.type).to.equal('nfs4');
    expect(mountOf('/home/local/x', mounts)?.type).to.equal('ext4');
    expect(mountOf('/homework/x', mounts)?.type, '/homework is not under /home').to.equal('ext4');
    expect(mountOf('/home', mounts)?.type).to.equal('nfs4');
  });

  it('sees a SQLite file on a share, through a symbolic link and before its folder exists; a local disk and an in-memory database are fine', () => {
    const share = join(dir, 'share');
    mkdirSync(share);
    const table = mountTable(`//files.example/clinic ${share} cifs rw,vers=3.0 0 0`);
    expect(networkMountOf(join(share, 'data', 'not-yet', 'clinic-bot.sqlite'), table)?.type).to.equal('cifs');
    symlinkSync(share, join(dir, 'link'));
    expect(networkMountOf(join(dir, 'link', 'clinic-bot.sqlite'), table)?.mountPoint, 'the link is followed').to.equal(share);
    expect(networkMountOf(join(dir, 'local', 'clinic-bot.sqlite'), table)).to.equal(undefined);
    expect(networkMountOf(':memory:', table)).to.equal(undefined);
    expect(networkMountOf(join(share, 'x.sqlite'), ''), 'no mount table (not Linux): nothing found').to.equal(undefined);
  });

  it('refuses with what to do instead, or, when allowed, returns a warning that says one instance only', () => {
    const share = join(dir, 'home');
    mkdirSync(share);
    const table = mountTable(`//waws-prod.file.core.windows.net/site ${share} cifs rw 0 0`);
    const file = join(share, 'data', 'clinic-bot.sqlite');
    expect(() => checkSqliteLocation(file, false, table)).to.throw(
      NetworkFilesystemError,
      /is on a network filesystem \(cifs .*WAL journal needs a local disk.*STORAGE=azure-blob.*SQLITE_ALLOW_NETWORK_FS=true/,
    );
    expect(checkSqliteLocation(file, true, table)).to.match(/running anyway because SQLITE_ALLOW_NETWORK_FS=true. Run ONE instance only/);
    expect(checkSqliteLocation(join(dir, 'disk', 'clinic-bot.sqlite'), false, table)).to.equal(undefined);
    expect(loadConfig({}).sqliteAllowNetworkFs, 'refusing is the default').to.equal(false);
  });

  it('the bot does not start with its SQLite file on an SMB share, and creates no file there', async () => {
    const share = join(dir, 'home');
    mkdirSync(share);
    const table = mountTable(`//files.example/site ${share} cifs rw 0 0`);
    let error: unknown;
    try {
      const app = await startTestApp({ DATA_DIR: join(share, 'data') }, { mountTable: table });
      await app.close();
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(NetworkFilesystemError);
    expect((error as Error).message).to.include(join(share, 'data', 'clinic-bot.sqlite'));
    expect(existsSync(join(share, 'data', 'clinic-bot.sqlite')), 'no database file was created on the share').to.equal(false);
  });

  it('with SQLITE_ALLOW_NETWORK_FS=true the bot starts, answers, and logs the warning', async () => {
    const share = join(dir, 'home');
    mkdirSync(share);
    const lines: string[] = [];
    const logger = createLogger('info', {}, { write: (line: string) => void lines.push(line) });
    const app = await startTestApp(
      { DATA_DIR: join(share, 'data'), SQLITE_ALLOW_NETWORK_FS: 'true' },
      { mountTable: mountTable(`server:/export ${share} nfs4 rw 0 0`), logger },
    );
    try {
      expect(replyText(await ask(app.port, 'netfs', 'what is dry needling?'))).to.match(/needl/i);
      const warning = lines.map((l) => JSON.parse(l) as { level: string; msg: string }).find((l) => /network filesystem/.test(l.msg));
      expect(warning?.level).to.equal('warn');
      expect(warning?.msg).to.match(/nfs4 server:\/export.*ONE instance only/);
    } finally {
      await app.close();
    }
  });
});
