/**
 * Teaching the running bot. LiveTeaching is the recognizer the bot asks (it implements Recognizes) and the owner of
 * the knowledge object the dialogs read; a taught change is checked, retrained in the background (trainer.ts), passed
 * through the regression gate (gate.ts), recorded in the teaching log (src/storage/teaching.ts) and swapped in:
 *  - the swap is one synchronous step (new recognizer, new knowledge fields), so a turn that already recognised its
 *    message finishes on the old model (the turn keeps its recognition) and the next turn uses the new one;
 *  - changes are handled one at a time per instance (a queue), and the log is the source of truth: every instance
 *    polls it and retrains when its revision moves, so with STORAGE=azure-blob all instances follow within
 *    TEACH_POLL_SECONDS.
 */
import { rename, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CONVERSATIONAL_INTENTS, intentsOf, isClinicFaqIntent, Knowledge } from '../knowledge/types';
import type { Logger } from '../logger';
import { loadOrTrainClinicModel } from '../nlu/clinic';
import { TaughtRecognizer } from './taughtRecognizer';
import type { IntentModel } from '../nlu/model';
import type { Recognition } from '../nlu/recognizer';
import { questionKey } from '../storage/review';
import { appendChange, GateFigures, NewTeachingChange, TeachingChange, TeachingLog, TeachingStore, withStatus } from '../storage/teaching';
import { compareFigures } from './gate';
import { patientClinic } from './placeholders';
import { setImmediate as nextTick } from 'node:timers/promises';
import { BackgroundTrainer, StepTime, timed, Trained } from './trainer';
import { applyTaught, handledKeys, Taught, taughtFrom, taughtOf } from './taught';
import { checkChange, TeachError, TeachInput, toChange } from './validate';

export { TeachError };
export type { TeachInput };

export interface ModelInfo {
  /** Changes whenever what the bot knows changes (every model swap included). */
  version: string;
  trainedAt: string;
  /** The teaching log's revision this instance runs on. */
  revision: number;
  /** Model swaps since start-up. */
  swaps: number;
  /** Held-out figures of the running model, once the gate has measured them. */
  figures?: GateFigures;
  /** The last retraining: worker time (training and scoring) and the whole change, in ms. */
  lastRetrainMs?: number;
  lastChangeMs?: number;
  /** The last swap's longest main-thread step (what a turn may wait): wall and CPU ms. */
  lastSwapStep?: StepTime;
}

export interface TeachResult {
  /** applied: in use now; draft: saved, not applied; refused: the gate said no (nothing saved). */
  status: 'applied' | 'draft' | 'refused';
  message: string;
  change?: TeachingChange;
  figures?: { before: GateFigures; after: GateFigures };
  problems?: string[];
  model: ModelInfo;
}

export interface Preview {
  now: Recognition;
  after: Recognition;
  figures: { before: GateFigures; after: GateFigures };
  problems: string[];
}

export interface LiveTeachingOptions {
  base: Knowledge;
  store: TeachingStore;
  knowledgeDir: string;
  heldoutDir: string;
  modelPath: string;
  maxChars: number;
  /** A model already trained from knowledge/ alone (used when nothing taught changes the model). */
  model?: IntentModel;
  pollSeconds: number;
  logger: Logger;
}

/** What about a change needs a new model (examples, aliases, declined messages, FAQ phrasings). */
const MODEL_KINDS = new Set(['example', 'alias', 'out_of_scope', 'faq', 'faq_remove']);

const modelKey = (t: Taught) => JSON.stringify([t.examples, t.aliases, t.declined, t.faqs.map((f) => [f.id, f.questions])]);

export class LiveTeaching {
  /** The knowledge the bot runs on (the same object for the bot's whole life; its fields are swapped). */
  readonly knowledge: Knowledge;
  private recognizer: TaughtRecognizer;
  private model: IntentModel;
  private taught: Taught;
  private revision: number;
  private figures?: GateFigures;
  private swaps = 0;
  private lastRetrainMs?: number;
  private lastChangeMs?: number;
  private lastSwapStep?: StepTime;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly trainer: BackgroundTrainer;
  private timer?: NodeJS.Timeout;
  private candidate?: { key: string; trained: Trained };

  private constructor(
    private readonly options: LiveTeachingOptions,
    log: TeachingLog,
  ) {
    this.taught = taughtOf(log);
    this.revision = log.revision;
    const applied = applyTaught(options.base, this.taught);
    this.model = options.model && applied.hash === options.base.hash ? options.model : loadOrTrainClinicModel(applied, options.modelPath).model;
    this.recognizer = new TaughtRecognizer(applied, this.model, this.taught, options.maxChars);
    this.knowledge = { ...applied, clinic: patientClinic(applied.clinic) };
    this.trainer = new BackgroundTrainer({ knowledgeDir: options.knowledgeDir, heldoutDir: options.heldoutDir });
  }

  /** Reads the teaching log and builds the bot's model from knowledge/ plus everything taught (a restart keeps it all). */
  static async start(options: LiveTeachingOptions): Promise<LiveTeaching> {
    const live = new LiveTeaching(options, await options.store.read());
    if (options.pollSeconds > 0) {
      live.timer = setInterval(
        () =>
          void live
            .enqueue(() => live.resync())
            .catch((err) => options.logger.warn('teaching: could not read the teaching log', { error: (err as Error).message })),
        options.pollSeconds * 1000,
      );
      live.timer.unref();
    }
    return live;
  }

  /** The bot's recognizer: whichever model is current when the turn asks. */
  recognize(text: string): Recognition {
    return this.recognizer.recognize(text);
  }

  info(): ModelInfo {
    return {
      version: `${this.revision}-${this.knowledge.hash.slice(0, 10)}`,
      trainedAt: this.model.trainedAt,
      revision: this.revision,
      swaps: this.swaps,
      figures: this.figures,
      lastRetrainMs: this.lastRetrainMs,
      lastChangeMs: this.lastChangeMs,
      lastSwapStep: this.lastSwapStep,
    };
  }

  /** Intents staff may teach an example for. */
  intents(): string[] {
    return intentsOf(this.options.base).filter((i) => !isClinicFaqIntent(i));
  }

  conversational(): readonly string[] {
    return CONVERSATIONAL_INTENTS;
  }

  /** The clinic's details as knowledge/clinic.json has them (placeholders included). */
  baseClinic(): Knowledge['clinic'] {
    return this.options.base.clinic;
  }

  taughtNow(): Taught {
    return this.taught;
  }

  /** Questions taught or dismissed: they leave the Unanswered list. */
  handled(): Set<string> {
    return handledKeys(this.taught);
  }

  async log(): Promise<TeachingLog> {
    return this.options.store.read();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** What the bot understands now, and would understand after the change, with the gate's figures. Changes nothing. */
  async preview(input: TeachInput, text: string): Promise<Preview> {
    return this.enqueue(async () => {
      const change = toChange(input, 'preview', 'applied');
      checkChange(change, this.options.base, this.taught);
      await this.resync();
      const taught = taughtFrom([...(await this.options.store.read()).changes, { ...change, id: 0, at: '' }]);
      const trained = await this.trainCandidate(taught);
      const after = new TaughtRecognizer(applyTaught(this.options.base, taught), trained.model, taught, this.options.maxChars);
      const verdict = compareFigures(this.figures!, trained.figures!);
      return {
        now: this.recognize(text),
        after: after.recognize(text),
        figures: { before: this.figures!, after: trained.figures! },
        problems: verdict.problems,
      };
    });
  }

  /** Checks, retrains, gates, records and swaps in one change; or saves it as a draft. */
  async teach(input: TeachInput, by: string, mode: 'apply' | 'draft' = 'apply'): Promise<TeachResult> {
    const change = toChange(input, by, mode === 'draft' ? 'draft' : 'applied');
    checkChange(change, this.options.base, this.taught);
    if (mode === 'draft') {
      const { added } = await this.append(change);
      return { status: 'draft', message: 'Saved as a draft: the bot does not use it until it is applied.', change: added, model: this.info() };
    }
    return this.enqueue(() => this.applyNew(change, async (c) => (await this.append(c)).added));
  }

  /** Applies a saved draft (through the gate, like a new change). */
  async applyDraft(id: number, by: string): Promise<TeachResult> {
    return this.enqueue(async () => {
      const draft = (await this.options.store.read()).changes.find((c) => c.id === id && c.status === 'draft');
      if (!draft) throw new TeachError(404, 'No such draft (it may have been applied already).');
      return this.applyNew({ ...draft, status: 'applied' }, async (c) => {
        const log = await this.options.store.update((l) => withStatus(l, id, 'applied', by, { figures: c.figures, refused: undefined }));
        return log.changes.find((x) => x.id === id)!;
      });
    });
  }

  /** Marks a change reverted (an undo of a dismissal included) and retrains without it. */
  async revert(id: number, by: string): Promise<TeachResult> {
    return this.enqueue(async () => {
      const started = Date.now();
      let found: TeachingChange | undefined;
      await this.options.store.update((log) => {
        found = log.changes.find((c) => c.id === id);
        return found && found.status !== 'reverted' ? withStatus(log, id, 'reverted', by) : undefined;
      });
      if (!found) throw new TeachError(404, 'No such change.');
      await this.resync();
      this.lastChangeMs = Date.now() - started;
      return { status: 'applied', message: `Change ${id} reverted.`, change: found, model: this.info() };
    });
  }

  private async append(change: NewTeachingChange): Promise<{ log: TeachingLog; added: TeachingChange }> {
    let added: TeachingChange | undefined;
    const log = await this.options.store.update((current) => {
      const next = appendChange(current, change);
      added = next.added;
      return next.log;
    });
    return { log, added: added! };
  }

  private async applyNew(change: NewTeachingChange, record: (c: NewTeachingChange) => Promise<TeachingChange>): Promise<TeachResult> {
    const started = Date.now();
    await this.resync();
    const log = await this.options.store.read();
    const taught = taughtFrom([...log.changes, { ...change, id: 0, at: '' }]);
    if (!MODEL_KINDS.has(change.kind)) {
      const saved = await record(change);
      await this.resync();
      this.lastChangeMs = Date.now() - started;
      return { status: 'applied', message: messageFor(saved), change: saved, model: this.info() };
    }
    const trained = await this.trainCandidate(taught);
    const figures = { before: this.figures!, after: trained.figures! };
    const verdict = compareFigures(figures.before, figures.after);
    const conflict = conflictOf(change, this.options.base, this.taught);
    const problems = [...(conflict ? [conflict] : []), ...verdict.problems];
    if (problems.length) {
      return {
        status: 'refused',
        message: `Not applied: it would make the bot worse (${problems.join('; ')}). You can save it as a draft.`,
        figures,
        problems,
        model: this.info(),
      };
    }
    const saved = await record({ ...change, figures });
    const latest = await this.options.store.read();
    // Another instance may have written in between: then train from the log as it is now.
    if (modelKey(taughtOf(latest)) === modelKey(taught)) await this.swap(trained, taughtOf(latest), latest.revision);
    else await this.resync();
    this.lastChangeMs = Date.now() - started;
    return { status: 'applied', message: messageFor(saved), change: saved, figures, model: this.info() };
  }

  /** Trains a candidate (reusing the last one for the same taught data, e.g. a preview then its apply). */
  private async trainCandidate(taught: Taught): Promise<Trained> {
    const key = `${modelKey(taught)}|${this.options.base.hash}`;
    if (this.candidate?.key === key && this.figures) return this.candidate.trained;
    const trained = await this.trainer.train(taught, { gate: true, baseline: this.figures ? undefined : this.taught });
    this.figures ??= trained.baselineFigures;
    this.lastRetrainMs = trained.workerMs;
    this.candidate = { key, trained };
    return trained;
  }

  /** Brings this instance up to the log: retrains (no gate: the change passed it where it was made) when needed. */
  private async resync(): Promise<void> {
    const log = await this.options.store.read();
    if (log.revision === this.revision) return;
    const taught = taughtOf(log);
    if (modelKey(taught) === modelKey(this.taught)) {
      this.swapKnowledge(taught, log.revision);
      return;
    }
    const trained = await this.trainCandidate(taught);
    await this.swap(trained, taught, log.revision);
    this.options.logger.info('teaching: model retrained from the teaching log', { revision: log.revision });
  }

  /** The swap: one synchronous step, so no turn sees half of it. */
  private async swap(trained: Trained, taught: Taught, revision: number): Promise<void> {
    const longest = { ...trained.longestStep };
    await nextTick();
    timed(longest, () => this.swapNow(trained, taught, revision));
    this.lastSwapStep = longest;
    void this.saveModel(trained.json);
  }

  private swapNow(trained: Trained, taught: Taught, revision: number): void {
    const applied = applyTaught(this.options.base, taught);
    const recognizer = new TaughtRecognizer(applied, trained.model, taught, this.options.maxChars);
    this.recognizer = recognizer;
    this.model = trained.model;
    this.figures = trained.figures ?? this.figures;
    this.swapKnowledge(taught, revision);
    this.swaps++;
  }

  private swapKnowledge(taught: Taught, revision: number): void {
    const applied = applyTaught(this.options.base, taught);
    Object.assign(this.knowledge, { ...applied, clinic: patientClinic(applied.clinic) });
    this.taught = taught;
    this.revision = revision;
  }

  /** MODEL_PATH, written aside and renamed (a restart loads it instead of retraining). */
  private async saveModel(json: string): Promise<void> {
    const path = this.options.modelPath;
    const tmp = `${path}.${process.pid}.teach.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, json);
      await rename(tmp, path);
    } catch (err) {
      this.options.logger.warn('teaching: could not save the model file', { error: (err as Error).message });
    }
  }

  /** Picks up changes made on other instances now (tests; the poll does it every TEACH_POLL_SECONDS). */
  async refresh(): Promise<ModelInfo> {
    await this.enqueue(() => this.resync());
    return this.info();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue;
    await this.trainer.close();
  }
}

/** The text is already an example of another intent (taught or in knowledge/). */
function conflictOf(change: NewTeachingChange, base: Knowledge, taught: Taught): string | undefined {
  if (change.kind !== 'example' && change.kind !== 'out_of_scope') return undefined;
  const key = questionKey(change.text ?? '');
  const intent = change.kind === 'example' ? change.intent : 'out_of_scope';
  const other = [...base.training, ...taught.examples, ...taught.declined.map((text) => ({ text, intent: 'out_of_scope' }))].find(
    (e) => e.intent !== intent && questionKey(e.text) === key,
  );
  return other ? `“${change.text}” is already an example of ${other.intent}` : undefined;
}

function messageFor(c: TeachingChange): string {
  switch (c.kind) {
    case 'example':
      return `The bot now answers “${c.text}” as ${c.intent}.`;
    case 'alias':
      return `The bot now takes “${c.alias}” to mean ${c.condition}.`;
    case 'out_of_scope':
      return `The bot now declines “${c.text}”.`;
    case 'dismiss':
      return `Dismissed “${c.text}”.`;
    case 'clinic':
      return 'The clinic’s details are updated.';
    case 'faq':
      return `The bot now answers “${c.faq?.title}” with your answer.`;
    default:
      return 'Done.';
  }
}
