/**
 * Azurite's blob service (npm devDependency azurite, the real Azure Storage REST API) for tests and
 * `npm run bench:storage`: started in a
 * process of its own on a free port, stopped afterwards; stop() and start() again on the same port simulate a
 * storage outage. With `location` it keeps its data on disk across such a restart (as Azure Storage would);
 * without, in memory.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config';

/** Azurite's well-known development account and key (public, documented by Microsoft; not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteBinary(): string {
  const local = join(PROJECT_ROOT, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
  if (existsSync(local)) return local;
  return require.resolve('azurite/dist/src/blob/main.js');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface Azurite {
  port: number;
  /** The running process (undefined while stopped). */
  readonly process: ChildProcess | undefined;
  connectionString: string;
  /** Stops the process (a storage outage). */
  stop(): Promise<void>;
  /** Starts it again on the same port (with the same data when started with `persistent`). */
  start(): Promise<void>;
  /** Stops it and removes its data folder. */
  dispose(): Promise<void>;
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/${DEV_ACCOUNT}?comp=list`, { signal: AbortSignal.timeout(1000) });
    return true; // any HTTP answer (403 without a signature) means it is listening
  } catch {
    return false;
  }
}

export async function startAzurite(options: { persistent?: boolean } = {}): Promise<Azurite> {
  const port = await freePort();
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = [
      azuriteBinary(),
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
      '--loose',
    ];
    args.push(...(options.persistent ? ['--location', location] : ['--inMemoryPersistence']));
    child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const began = Date.now();
    while (!(await answers(port))) {
      if (child.exitCode !== null) throw new Error(`azurite exited (${child.exitCode}): ${stderr}`);
      if (Date.now() - began > 30_000) throw new Error(`azurite did not answer on port ${port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    // SIGTERM: Azurite saves its metadata database on the way out (a SIGKILL could lose the last writes).
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return {
    port,
    get process() {
      return child;
    },
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(location, { recursive: true, force: true });
    },
  };
}
