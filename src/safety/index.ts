/**
 * One trained safety triage per loaded knowledge base (the classifier trains in well under a second, but
 * tests and tools build many bots from one knowledge object).
 */
import type { Knowledge } from '../knowledge/types';
import { everydayComplaints } from './everyday';
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

/** What an everyday complaint names: any body part of conditions.json or the lexicon's everyday areas, except the alarm areas, and its symptom words. */
function everydayWords(k: Knowledge): TriageOptions['complaints'] {
  // Alarm areas (lexicon.json "alarmarea": chest, throat, eyes…): a complaint there stays in doubt.
  const alarm = k.safety.lexicon.concepts.get('alarmarea') ?? [];
  const alarming = (p: string) => alarm.includes(p);
  const everyday = k.safety.lexicon.concepts.get('everydayarea') ?? [];
  const parts = [...k.conditions.flatMap((c) => c.bodyParts), ...k.descriptions.unlistedBodyParts, ...everyday].filter((p) => !alarming(p));
  const symptoms = [...k.descriptions.symptoms, ...(k.safety.lexicon.concepts.get('everydaysymptom') ?? [])];
  // The article's acupuncture ailments (digestive issues, insomnia, stress…) in patients' words, but chronic pain; and
  // the phrases that describe them ("on edge", "wound up", "lie awake"), but never the means or the end of a crisis
  // ("sleeping pills", "at my wits end") nor one worried word ("worrying" is also "should I be worried?").
  const describing = (cue: string) => cue.includes(' ') && !/\b(pills?|tablets?|aid|end|temazepam|stilnox)\b/.test(cue);
  const ailments = k.conditions
    .filter((c) => c.list === 'acupuncture' && !c.alsoDryNeedling)
    .flatMap((c) => [...c.aliases, ...c.narrower, ...c.cues.filter(describing)]);
  return { parts, symptoms, otherParts: alarm, ailments };
}

export function triageFor(knowledge: Knowledge, options: Pick<TriageOptions, 'threshold'> = {}): SafetyTriage {
  let t = options.threshold === undefined ? cache.get(knowledge) : undefined;
  if (!t) {
    t = new SafetyTriage(knowledge.safety, {
      ...options,
      commonWords: commonWords(knowledge),
      complaints: everydayWords(knowledge),
      benign: [...knowledge.training.map((u) => u.text), ...everydayComplaints(knowledge.conditions, knowledge.descriptions)],
    });
    if (options.threshold === undefined) cache.set(knowledge, t);
    // Trained now, at start-up (about half a second), not in a patient's first turn. WordNet's word list loads on
    // the first word the typo corrector would change (rare), so that no timer blocks the server at a random moment.
    void t.classifier;
  }
  return t;
}

export { SafetyTriage } from './triage';
export type { Tier, Triage } from './types';
