/**
 * What the bot says for safety: the tier's guidance from knowledge/safety/tiers.json with the clinic's
 * numbers filled in, a sign's extra line, the short caution notes, and the follow-up after an emergency.
 */
import type { ClinicDetails, Knowledge } from '../knowledge/types';
import type { Tier, Triage } from '../safety/types';

export function fillClinic(text: string, c: ClinicDetails): string {
  const values: Record<string, string> = {
    emergencyNumber: c.emergencyNumber,
    crisisLine: c.crisisLine,
    phone: c.phone,
    email: c.email,
    name: c.name,
  };
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The guidance for a tier, with the sign's extra line (a poisons line) when it has one. */
export function tierGuidance(k: Knowledge, tier: Tier, signId?: string): string {
  const extra = k.safety.signs.find((s) => s.id === signId)?.extra;
  return fillClinic([k.safety.tiers[tier].guidance, extra].filter(Boolean).join('\n\n'), k.clinic);
}

/**
 * The guidance message of a turn. When it has to go alone (an emergency now), it says what happened to the
 * rest: a dialog that was under way is stopped, and a question is kept for when the patient is safe.
 */
export function guidanceText(k: Knowledge, triage: Triage, opts: { stoppedDialog?: boolean; keptQuestion?: boolean } = {}): string {
  // "took a heap of panadol on purpose last night": a crisis and an emergency at once; the emergency guidance (with the
  // poisons line) comes first, then the crisis words and line.
  const emergency =
    triage.tier === 'crisis' ? triage.mentions.find((m) => m.tier === 'emergency' && (m.context === 'current' || m.context === 'past')) : undefined;
  const parts = emergency
    ? [tierGuidance(k, 'emergency', emergency.sign), tierGuidance(k, 'crisis', triage.sign)]
    : [tierGuidance(k, triage.tier!, triage.sign)];
  if (opts.stoppedDialog) parts.push('I’ve stopped what we were in the middle of: nothing was sent to the clinic, and you can start it again later.');
  if (opts.keptQuestion) parts.push('I haven’t forgotten your question. When you’re safe, reply “I’m safe” and I’ll answer it.');
  return parts.join('\n\n');
}

export function noteText(k: Knowledge, note: string): string {
  return fillClinic(note, k.clinic);
}

export function safeAgainText(question: string): string {
  return `I’m glad to hear it. Earlier you asked: “${question.length > 300 ? question.slice(0, 299) + '…' : question}”. Here is my answer:`;
}

export function stillSafeText(k: Knowledge, keptQuestion: boolean): string {
  return (
    `I hope you’re safe now. If you or anyone with you is still unwell, please call ${k.clinic.emergencyNumber} now.` +
    (keptQuestion ? ' When you’re ready, reply “I’m safe” and I’ll answer the question you asked earlier.' : '')
  );
}
