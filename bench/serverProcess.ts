/**
 * Starts a server script (dist/<script>, e.g. src/index.js) in a process of its own on a free port, as the benchmarks and the
 * soak run it (with npm start's Node flags, so the heap cap measured is the one deployed), and waits for its first
 * healthy answer. stdout is drained for the whole run (info logs: one line
 * per turn, no message text) so the pipe never fills.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/config';

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  port: number;
  /** Process spawn to the first healthy /healthz answer. */
  startupMs: number;
}

/** The Node flags of package.json's start script (`node --max-old-space-size=384 dist/src/index.js` gives the flag). */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

export async function startServerProcess(name: string, script: string, env: Record<string, string>): Promise<ServerProcess> {
  const began = performance.now();
  const child = spawn(process.execPath, [...startFlags(), join(PROJECT_ROOT, 'dist', script)], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let found = false;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d) => {
      if (found) return;
      out += d;
      const m = out.match(/"port":(\d+)/);
      if (m) {
        found = true;
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { name, child, port, startupMs: performance.now() - began };
}

/** A numeric command-line option: `--seconds 5`. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A process's memory from /proc in MB: VmRSS now, or VmHWM, the peak since it started. */
export function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}
