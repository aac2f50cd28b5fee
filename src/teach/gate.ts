/**
 * The regression gate a taught change passes before the bot uses it: the model trained with the change is scored on
 * the held-out evaluations that ship with the project, never trained on, and compared with the current model:
 *  - test/heldout/clinic-paraphrases.tsv: the clinic's held-out questions (accuracy, and the in-scope questions the
 *    bot wrongly declines), scored as `npm run evaluate` scores them (scorePredictions, src/nlu/evaluation.ts);
 *  - test/heldout/clinc-oos-val.json: CLINC150's oos_val, 100 questions from other domains (CC BY 3.0, attribution
 *    in the file and test/heldout/README.md): the share the bot declines;
 *  - held-out recall per intent, so that a change cannot quietly break one intent ("hello" taught as booking).
 * A change is refused when any figure falls by more than its margin; figures are fractions (0..1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntentRecognizer } from '../nlu/recognizer';
import { NONE_INTENT } from '../nlu/recognizer';
import { scorePredictions } from '../nlu/evaluation';
import type { GateFigures } from '../storage/teaching';

const OOS = 'out_of_scope';

export interface GateSet {
  heldout: Array<{ text: string; intent: string }>;
  outOfScope: string[];
}

/** A held-out TSV (a header line, then intent TAB text per line). */
export function readIntentTsv(path: string): Array<{ intent: string; text: string }> {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [intent, text] = line.split('\t');
      return { intent: intent.trim(), text: (text ?? '').trim() };
    });
}

/** The held-out files: the clinic's paraphrases (TSV: intent, text) and CLINC150 oos_val. */
export function readGateSet(heldoutDir: string): GateSet {
  const heldout = readIntentTsv(join(heldoutDir, 'clinic-paraphrases.tsv'));
  const clinc = JSON.parse(readFileSync(join(heldoutDir, 'clinc-oos-val.json'), 'utf8')) as { oos_val: string[] };
  return { heldout, outOfScope: clinc.oos_val };
}

/** How far each kind of figure may fall before a change is refused (fractions). */
export const GATE_MARGINS = { heldoutAccuracy: 0.01, oosDeclined: 0.02, inScopeDeclined: 0.01, intentRecall: 0.1 };

const declined = (intent: string) => intent === NONE_INTENT || intent === OOS;

export function gateFigures(recognizer: Pick<IntentRecognizer, 'recognize'>, set: GateSet): GateFigures {
  const predictions = set.heldout.map((h) => {
    const r = recognizer.recognize(h.text);
    return { expected: h.intent, predicted: declined(r.intent) ? OOS : r.intent };
  });
  const scores = scorePredictions(predictions);
  const inScope = predictions.filter((p) => p.expected !== OOS);
  const figures: GateFigures = {
    heldoutAccuracy: scores.accuracy,
    inScopeDeclined: inScope.filter((p) => p.predicted === OOS).length / Math.max(1, inScope.length),
    oosDeclined: set.outOfScope.filter((t) => declined(recognizer.recognize(t).intent)).length / Math.max(1, set.outOfScope.length),
  };
  for (const [intent, f] of Object.entries(scores.perIntent)) if (f.support > 0) figures[`recall:${intent}`] = f.recall;
  return figures;
}

export interface GateVerdict {
  passed: boolean;
  /** One line per figure that fell too far, e.g. "held-out accuracy 84.5% -> 82.3%". */
  problems: string[];
}

const pct = (x: number | undefined) => `${((x ?? 0) * 100).toFixed(1)}%`;

const LABELS: Record<string, string> = {
  heldoutAccuracy: 'held-out accuracy',
  oosDeclined: 'other-domain questions declined (CLINC150 oos_val)',
  inScopeDeclined: 'clinic questions wrongly declined',
};

export function labelOf(figure: string): string {
  return LABELS[figure] ?? (figure.startsWith('recall:') ? `held-out recall of ${figure.slice(7)}` : figure);
}

export function compareFigures(before: GateFigures, after: GateFigures): GateVerdict {
  const problems: string[] = [];
  const fell = (key: string, margin: number) => {
    if ((before[key] ?? 0) - (after[key] ?? 0) > margin + 1e-9) problems.push(`${labelOf(key)} ${pct(before[key])} → ${pct(after[key])}`);
  };
  fell('heldoutAccuracy', GATE_MARGINS.heldoutAccuracy);
  fell('oosDeclined', GATE_MARGINS.oosDeclined);
  if ((after.inScopeDeclined ?? 0) - (before.inScopeDeclined ?? 0) > GATE_MARGINS.inScopeDeclined + 1e-9) {
    problems.push(`${labelOf('inScopeDeclined')} ${pct(before.inScopeDeclined)} → ${pct(after.inScopeDeclined)}`);
  }
  for (const key of Object.keys(before).filter((k) => k.startsWith('recall:'))) fell(key, GATE_MARGINS.intentRecall);
  return { passed: problems.length === 0, problems };
}
