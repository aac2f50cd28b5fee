/**
 * Passages found by the job they do (knowledge/answers.json `roles`), not by their ids: the dialogs ask for "the
 * passage that gives acupuncture's age" and the clinic decides in the data which passage that is.
 */
import type { TreatmentId } from '../nlu/analyse';
import type { Knowledge, Passage, PassageRole } from './types';

/** The passage with this role for one treatment (or for both treatments), if the knowledge has one. */
export function passageWithRole(k: Knowledge, role: PassageRole, treatment?: TreatmentId | 'both'): Passage | undefined {
  return k.passages.find((p) => p.roles?.includes(role) && (treatment === undefined || p.treatment === treatment));
}

/** Every passage with this role, acupuncture's first, in the file's order otherwise. */
export function passagesWithRole(k: Knowledge, role: PassageRole): Passage[] {
  const order = (p: Passage): number => (p.treatment === 'acupuncture' ? 0 : p.treatment === 'dryNeedling' ? 1 : 2);
  return k.passages.filter((p) => p.roles?.includes(role)).sort((a, b) => order(a) - order(b));
}

/** Whether a passage does this job. */
export function hasRole(p: Passage | undefined, role: PassageRole): boolean {
  return p?.roles?.includes(role) ?? false;
}
