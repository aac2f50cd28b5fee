/**
 * What must not be stored in transcripts: the enquiry dialog registers the contact details a patient
 * gives (name, phone, email) for the current turn, and the transcript logger masks them in every
 * activity of that turn, incoming, outgoing and the recognition trace. Contact details then live only
 * in the enquiries table.
 */
import type { TurnContext } from 'botbuilder';

const MASKS = Symbol('clinic.transcriptMasks');
export const PRIVATE_MASK = '[enquiry details]';

/** Keeps these values (matched as whole words, any case) out of this turn's stored transcript. */
export function keepOutOfTranscript(context: TurnContext, ...values: Array<string | undefined>): void {
  const masks: string[] = context.turnState.get(MASKS) ?? [];
  for (const v of values) {
    const value = v?.trim();
    if (value && !masks.includes(value)) masks.push(value);
  }
  context.turnState.set(MASKS, masks);
}

export function transcriptMasks(context: TurnContext): readonly string[] {
  return context.turnState.get(MASKS) ?? [];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces each value, as a whole word and case-insensitively, longest first. */
export function applyMasks(text: string, masks: readonly string[]): string {
  let out = text;
  for (const m of [...masks].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(m)}(?![\\p{L}\\p{N}])`, 'giu'), PRIVATE_MASK);
  }
  return out;
}
