/**
 * The reference a patient is given for an enquiry: eight random characters (as K7QW-3MXD) from an alphabet without
 * look-alikes (no 0/O, 1/I/L), about 8.5 x 10^11 possibilities. Random, not the enquiry's number: a counter
 * ("reference 2") tells anyone how many requests the clinic gets. Staff pages show it beside the enquiry.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnquiryReference(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += (i === 4 ? '-' : '') + ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export const ENQUIRY_REFERENCE = /^[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/;
