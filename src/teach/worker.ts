/**
 * The retraining worker thread: trains the clinic model from knowledge/ plus what was taught and runs the regression
 * gate's evaluations, off the bot's event loop, so that turns keep being answered while it works (src/teach/trainer.ts
 * starts it). It loads knowledge/ and the held-out files once and answers one request at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledge } from '../knowledge/load';
import type { Knowledge } from '../knowledge/types';
import { trainClinicModel } from '../nlu/clinic';
import { TaughtRecognizer } from './taughtRecognizer';
import { gateFigures, GateSet, readGateSet } from './gate';
import { modelParts } from './modelTransfer';
import { applyTaught, Taught } from './taught';
import type { TrainReply, TrainRequest, WorkerSetup } from './trainer';

const setup = workerData as WorkerSetup;
let base: Knowledge | undefined;
let gate: GateSet | undefined;

function train(taught: Taught, withFigures: boolean) {
  base ??= loadKnowledge(setup.knowledgeDir);
  const knowledge = applyTaught(base, taught);
  const model = trainClinicModel(knowledge);
  let figures;
  if (withFigures) {
    gate ??= readGateSet(setup.heldoutDir);
    figures = gateFigures(new TaughtRecognizer(knowledge, model, taught), gate);
  }
  return { json: JSON.stringify({ ...model, bayes: model.bayes.toJSON() }), model, figures };
}

parentPort!.on('message', (req: TrainRequest) => {
  let reply: TrainReply;
  try {
    const started = Date.now();
    const candidate = train(req.taught, req.gate);
    const baseline = req.baseline ? train(req.baseline, true).figures : undefined;
    const { parts, transfer } = modelParts(candidate.model);
    reply = { id: req.id, model: candidate.json, parts, figures: candidate.figures, baselineFigures: baseline, ms: Date.now() - started };
    // The scorer's tables move to the bot's thread (transferables), so it need not rebuild them there.
    parentPort!.postMessage(reply, transfer);
    return;
  } catch (err) {
    reply = { id: req.id, error: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
