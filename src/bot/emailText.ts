/**
 * The patient's own words in an email: the quoted earlier thread and the signature removed (email-reply-parser,
 * a maintained port of GitHub's reply parser, handles "On … wrote:", ">" quotes, "-- " signatures, "Sent from my
 * iPhone", Outlook's "From: … Sent: …" headers in many languages), then greeting and sign-off lines dropped; when
 * what is left asks nothing ("see subject", a bare "Hi", nothing at all), the subject line is the question.
 *
 * Why: the quoted thread and the signature were read as part of the question, so a quoted old "chest tightness"
 * gave the emergency reply and the real question went unanswered; a question in the subject alone was not seen.
 */
import EmailReplyParser from 'email-reply-parser';

/** Subject prefixes added by replying and forwarding, in the common languages. */
const SUBJECT_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|tr|rv|antw|ref)\s*(\[\d+\])?\s*:\s*)+/i;
const GREETING_LINE = /^\s*(hi|hello|hey|dear|good (morning|afternoon|evening)|g'?day|greetings|to whom it may concern)\b[^\n]{0,40}$/i;
const SIGN_OFF =
  /^\s*(thanks|thank you|many thanks|thanks again|cheers|regards|kind regards|best regards|warm regards|best|best wishes|sincerely|yours sincerely|yours faithfully|yours truly|take care|ta)\b[\s,.!]*$/i;
const SEE_SUBJECT = /\b(see|as per|as in|in the|re) (the )?(subject|title)( line)?\b|^\s*(subject|title) says it all\b/i;
/** Lines that are only contact details or names after a sign-off: short, no question, at the end. */
const MAX_SIGNATURE_LINES = 6;

/** Longest body read (the parser's regular expressions run over it; a patient's own words are far shorter). */
const MAX_BODY = 20_000;

/** The reply without the quoted thread or a standard signature. */
export function visibleReply(body: string): string {
  const normalised = body.replace(/\r\n?/g, '\n');
  try {
    return new EmailReplyParser().parseReply(normalised.slice(0, MAX_BODY)).trim();
  } catch {
    return normalised.trim();
  }
}

/** A forwarded message's banner and header lines (its body is what the patient wants read). */
export function withoutForwardHeaders(text: string): string {
  return text
    .replace(/^-{2,}\s*(Forwarded message|Original Message)\s*-{2,}\s*$/gim, '')
    .replace(/^(Begin forwarded message:|From|Date|Sent|To|Cc|Subject):.*$/gim, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Drops a leading greeting line and everything from a sign-off line on (when the sign-off is near the end). */
export function withoutPleasantries(text: string): string {
  const lines = text.split('\n');
  while (lines.length && (GREETING_LINE.test(lines[0]) || !lines[0].trim())) {
    // "Hi, can dry needling help my back?" is a greeting and the question: keep the part after the greeting.
    const m = /^\s*(hi|hello|hey|dear [^,]{0,30}|good (morning|afternoon|evening))[,!.]\s+(.{3,})$/i.exec(lines[0]);
    if (m) {
      lines[0] = m[3];
      break;
    }
    lines.shift();
  }
  const signOff = lines.findIndex((l, i) => SIGN_OFF.test(l) && lines.length - i <= MAX_SIGNATURE_LINES + 1);
  const kept = signOff >= 0 ? lines.slice(0, signOff) : lines;
  return kept.join('\n').trim();
}

export function cleanSubject(subject: string | undefined): string {
  return (subject ?? '').replace(SUBJECT_PREFIX, '').trim();
}

/** A body that is only "see subject", or nothing at all. */
function empty(body: string): boolean {
  return !body || (SEE_SUBJECT.test(body) && body.split(/\s+/).length <= 8);
}

/** Longest subject-plus-body text built when the body asks no question of its own. */
const MAX_COMBINED = 600;

/**
 * What the patient asked in an email: the new text of the body; the subject when the body holds no question
 * (empty, "see subject"); and when the body asks nothing ("?") but the subject does, the two together, so that
 * neither the subject's question nor the body's details are lost to the recognizer.
 */
export function emailQuestion(body: string | undefined, subject: string | undefined): string {
  const own = withoutPleasantries(withoutForwardHeaders(visibleReply(body ?? '')));
  const topic = cleanSubject(subject);
  if (!topic) return own;
  if (empty(own)) return topic;
  if (own.includes('?')) return own;
  const combined = `${topic}\n${own}`;
  return combined.length <= MAX_COMBINED ? combined : own;
}
