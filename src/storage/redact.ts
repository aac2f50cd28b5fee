/**
 * Contact details in free text: found for the enquiry dialog, masked in stored transcripts when
 * REDACT_CONTACT_DETAILS is on.
 */

export const EMAIL_MASK = '[email]';
export const PHONE_MASK = '[phone]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A run of digits with the separators people type in phone numbers: "+61 412 345 678", "(03) 9000-0000".
const PHONE_RUN = /\+?\(?\d[\d\s().-]{5,}\d/g;
const MIN_PHONE_DIGITS = 8;
const MAX_PHONE_DIGITS = 15;

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Masks email addresses and phone numbers (8 to 15 digits with the usual separators). */
export function redactContactDetails(text: string): string {
  return text.replace(EMAIL, EMAIL_MASK).replace(PHONE_RUN, (run) => {
    const n = digitCount(run);
    return n >= MIN_PHONE_DIGITS && n <= MAX_PHONE_DIGITS ? PHONE_MASK : run;
  });
}

export function findEmail(text: string): string | undefined {
  const match = text.match(EMAIL);
  return match?.[0] && match[0].length <= 254 ? match[0] : undefined;
}

/** The first phone number in the text, as typed (trimmed), or undefined. */
export function findPhone(text: string): string | undefined {
  for (const run of text.match(PHONE_RUN) ?? []) {
    const n = digitCount(run);
    if (n >= MIN_PHONE_DIGITS && n <= MAX_PHONE_DIGITS) return run.trim();
  }
  return undefined;
}
