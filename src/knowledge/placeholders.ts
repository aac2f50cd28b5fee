/**
 * Clinic details still holding the template's placeholder text (knowledge/clinic.json ships with them). The bot
 * warns at start-up and /healthz lists them, so a clinic finds out before a patient does; a patient asking for such
 * a detail is told it is not set and who to ask, never shown the placeholder.
 */
import type { ClinicDetails } from './types';

const PLACEHOLDER = /placeholder|\bexample\b|clinic\.example|example\.(com|org)|0000 0000/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** The names of the clinic details that are still placeholders. */
export function placeholderDetails(clinic: ClinicDetails): Array<keyof ClinicDetails> {
  return (Object.keys(clinic) as Array<keyof ClinicDetails>).filter((k) => isPlaceholder(clinic[k]));
}
