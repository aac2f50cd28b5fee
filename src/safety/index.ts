/**
 * One trained safety triage per loaded knowledge base (the classifier trains in well under a second, but
 * tests and tools build many bots from one knowledge object).
 */
import type { Knowledge } from '../knowledge/types';
import { SafetyTriage, TriageOptions } from './triage';

const cache = new WeakMap<Knowledge, SafetyTriage>();

/** Words of the clinic's own texts: everyday words the typo corrector must leave alone. */
function commonWords(k: Knowledge): Set<string> {
  const out = new Set<string>();
  for (const t of [k.article, ...k.training.map((u) => u.text)]) {
    for (const m of t.toLowerCase().matchAll(/[\p{L}]+(?:'[\p{L}]+)*/gu)) out.add(m[0].replace(/'/g, ''));
  }
  return out;
}

export function triageFor(knowledge: Knowledge, options: Pick<TriageOptions, 'threshold'> = {}): SafetyTriage {
  let t = options.threshold === undefined ? cache.get(knowledge) : undefined;
  if (!t) {
    t = new SafetyTriage(knowledge.safety, { ...options, commonWords: commonWords(knowledge), benign: knowledge.training.map((u) => u.text) });
    if (options.threshold === undefined) cache.set(knowledge, t);
    // Trained now, at start-up (about half a second), not in a patient's first turn. WordNet's word list loads on
    // the first word the typo corrector would change (rare), so that no timer blocks the server at a random moment.
    void t.classifier;
  }
  return t;
}

export { SafetyTriage } from './triage';
export type { Tier, Triage } from './types';
