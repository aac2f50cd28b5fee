/**
 * Handing a trained model from the training worker to the bot's thread without rebuilding it there: the worker sends
 * the scorer's ready tables (NaiveBayesModel's fields: the feature index, and Float64Arrays moved, not copied, as
 * transferables) instead of JSON for the bot's thread to parse and precompute again, which held the event loop for
 * 20–40 ms of CPU per swap. Generic over the scorer's fields (whatever NaiveBayesModel computes in its constructor),
 * except natural's classifier, which only saving needs: the revived scorer's toJSON() gives the saved JSON's.
 */
import type { IntentModel } from '../nlu/model';
import { NaiveBayesModel } from '../nlu/naiveBayes';

/** Fields of the scorer left behind: natural's classifier and its counts (used only while constructing and saving). */
const LEFT_BEHIND = new Set(['classifier', 'internals']);

export interface ModelParts {
  /** The model without its scorer. */
  meta: Omit<IntentModel, 'bayes'>;
  /** The scorer's own fields. */
  scorer: Record<string, unknown>;
}

export function modelParts(model: IntentModel): { parts: ModelParts; transfer: ArrayBuffer[] } {
  const { bayes, ...meta } = model;
  const scorer: Record<string, unknown> = {};
  const transfer: ArrayBuffer[] = [];
  const collect = (v: unknown) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && !transfer.includes(v.buffer)) transfer.push(v.buffer);
    else if (Array.isArray(v)) v.forEach(collect);
  };
  for (const [key, value] of Object.entries(bayes)) {
    if (LEFT_BEHIND.has(key)) continue;
    scorer[key] = value;
    collect(value);
  }
  return { parts: { meta, scorer }, transfer };
}

/** The model from its parts; `json` is the saved model (saveIntentModel's format), which toJSON() answers from. */
export function modelFromParts(parts: ModelParts, json: string): IntentModel {
  const bayes = Object.assign(Object.create(NaiveBayesModel.prototype) as NaiveBayesModel, parts.scorer);
  Object.defineProperty(bayes, 'toJSON', { value: () => (JSON.parse(json) as { bayes: unknown }).bayes });
  return { ...parts.meta, bayes } as IntentModel;
}
