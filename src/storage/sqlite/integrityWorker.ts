/**
 * Runs PRAGMA quick_check on its own read-only connection in a worker thread, so that the scheduled check of a large
 * file (about 1.2 s per 100 MB on the development VM) never holds up the bot's turns. Started by IntegrityMonitor with
 * the file's path; posts back the problems found (an empty list when the file is sound).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { quickCheck } from './integrity';

const { path } = workerData as { path: string };
let problems: string[];
try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    problems = quickCheck(db);
  } finally {
    db.close();
  }
} catch (err) {
  problems = [(err as Error)?.message ?? String(err)];
}
parentPort?.postMessage(problems);
