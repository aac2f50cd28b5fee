/**
 * The two ways a notification leaves the bot: email over SMTP (nodemailer, NOTIFY_SMTP_URL) and a JSON POST to an
 * incoming webhook (NOTIFY_WEBHOOK_URL). Each has short time-outs: the dispatcher retries with back-off, so a
 * mail server that hangs costs one attempt, never a patient's turn (sending happens in the background).
 */
import { createTransport, Transporter } from 'nodemailer';
import type { NotifyConfig } from '../config';
import type { NotifyTarget } from '../storage/outbox';
import { emailContent, Notification, webhookBody } from './message';

export interface Sender {
  target: NotifyTarget;
  send(n: Notification): Promise<void>;
  close?(): void;
}

const TIMEOUT_MS = 15_000;

export function emailSender(config: NotifyConfig): Sender {
  const transport: Transporter = createTransport(config.smtpUrl, {
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  } as object);
  return {
    target: 'email',
    send: async (n) => {
      const { subject, text } = emailContent(n);
      await transport.sendMail({ from: config.emailFrom, to: config.emailTo, subject, text });
    },
    close: () => transport.close(),
  };
}

export class WebhookError extends Error {}

export function webhookSender(config: NotifyConfig): Sender {
  return {
    target: 'webhook',
    send: async (n) => {
      const res = await fetch(config.webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(webhookBody(n, config.webhookFormat)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new WebhookError(`webhook answered HTTP ${res.status}`);
    },
  };
}

/** The senders the settings ask for (none: notifications are off). */
export function sendersFor(config: NotifyConfig): Sender[] {
  return [...(config.smtpUrl ? [emailSender(config)] : []), ...(config.webhookUrl ? [webhookSender(config)] : [])];
}
