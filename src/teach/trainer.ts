/**
 * Retraining in the background: a worker thread (worker.ts) trains and scores, and this side turns its answer back
 * into a model in a few short steps with setImmediate between them (parse, then build the scorer), so that no step
 * holds the event loop long and turns in flight keep going. Requests are answered in order, one at a time.
 */
import { join } from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { IntentModel } from '../nlu/model';
import { ModelParts, modelFromParts } from './modelTransfer';
import type { GateFigures } from '../storage/teaching';
import type { Taught } from './taught';

export interface WorkerSetup {
  knowledgeDir: string;
  heldoutDir: string;
}

export interface TrainRequest {
  id: number;
  taught: Taught;
  /** Score the trained model on the held-out sets. */
  gate: boolean;
  /** Also train and score this (the current state), when its figures are not known yet. */
  baseline?: Taught;
}

export type TrainReply =
  | { id: number; model: string; parts: ModelParts; figures?: GateFigures; baselineFigures?: GateFigures; ms: number; error?: undefined }
  | { id: number; error: string };

export interface Trained {
  model: IntentModel;
  /** The model as saved to MODEL_PATH (saveIntentModel's format). */
  json: string;
  figures?: GateFigures;
  baselineFigures?: GateFigures;
  /** Time the worker took (training and scoring). */
  workerMs: number;
  /** The longest main-thread step of turning the answer into a model (the swap adds one more). */
  longestStep: StepTime;
}

/** The longest main-thread step so far of a swap: wall time, and CPU time (wall includes waiting for a busy CPU). */
export interface StepTime {
  wallMs: number;
  cpuMs: number;
}

/** Runs one synchronous step, keeping the longest (steps: parse, build the scorer, swap). */
export function timed<T>(longest: StepTime, step: () => T): T {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = step();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (wallMs > longest.wallMs) Object.assign(longest, { wallMs, cpuMs: (used.user + used.system) / 1000 });
  return result;
}

export class BackgroundTrainer {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: TrainReply) => void; reject: (e: Error) => void }>();

  constructor(private readonly setup: WorkerSetup) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(join(__dirname, 'worker.js'), { workerData: this.setup });
    worker.unref();
    worker.on('message', (reply: TrainReply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      p?.resolve(reply);
    });
    const fail = (err: Error) => {
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the training worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  async train(taught: Taught, options: { gate: boolean; baseline?: Taught }): Promise<Trained> {
    const id = this.nextId++;
    const worker = this.start();
    const reply = await new Promise<TrainReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, taught, gate: options.gate, baseline: options.baseline } satisfies TrainRequest);
    });
    if (reply.error !== undefined) throw new Error(`retraining failed: ${reply.error}`);
    const longestStep = { wallMs: 0, cpuMs: 0 };
    return {
      model: await nextTick().then(() => timed(longestStep, () => modelFromParts(reply.parts, reply.model))),
      longestStep,
      json: reply.model,
      figures: reply.figures,
      baselineFigures: reply.baselineFigures,
      workerMs: reply.ms,
    };
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
