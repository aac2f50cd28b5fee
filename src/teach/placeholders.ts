/**
 * Placeholders are never shown to patients. knowledge/clinic.json ships with example values marked "(placeholder…)";
 * patients see each value with such a note removed, and nothing where the whole value is a placeholder
 * ("Placeholder hours: please set…"). The staff clinic page shows the raw values and says which are placeholders.
 */
import type { ClinicDetails } from '../knowledge/types';

const NOTE = /\s*\((?:[^()]*\bplaceholder\b[^()]*)\)/gi;

export function isPlaceholder(value: string): boolean {
  return /\bplaceholder\b/i.test(value);
}

/** The value without its placeholder note; empty when nothing real is left. */
export function withoutPlaceholder(value: string): string {
  const cleaned = value.replace(NOTE, '').trim();
  return isPlaceholder(cleaned) ? '' : cleaned;
}

export function patientClinic(c: ClinicDetails): ClinicDetails {
  const out = { ...c };
  for (const key of Object.keys(out) as Array<keyof ClinicDetails>) out[key] = withoutPlaceholder(out[key]);
  return out;
}
