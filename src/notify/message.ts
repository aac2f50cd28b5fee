/**
 * What a staff notification says: the kind of event, when, and a link to the staff page. Deliberately nothing
 * else: no patient name, contact details or message text (email and chat tools are not a safe place for them;
 * staff sign in to see them). The webhook body is one a Slack or Teams incoming webhook accepts.
 */
import type { NotifyKind } from '../storage/outbox';

export interface Notification {
  kind: NotifyKind;
  at: Date;
  /** Absolute when PUBLIC_URL is set, otherwise a path under the bot's address. */
  link: string;
}

const TITLES: Record<NotifyKind, string> = {
  callback: 'New call-back request',
  booking: 'New booking request',
  urgent: 'Urgent conversation',
  handoff: 'A patient asked for a person',
};

const WHAT: Record<NotifyKind, string> = {
  callback: 'A patient asked the clinic to call them back.',
  booking: 'A patient asked to book an appointment.',
  urgent: 'A conversation was flagged as possibly urgent; the bot gave emergency guidance.',
  handoff: 'A patient asked to speak to a person.',
};

export function title(kind: NotifyKind): string {
  return TITLES[kind];
}

/** "2026-11-30 09:05 UTC": the same for every reader whatever their time zone. */
export function utcTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function emailContent(n: Notification): { subject: string; text: string } {
  return {
    subject: `Clinic bot: ${TITLES[n.kind].toLowerCase()} (${utcTime(n.at)})`,
    text: [
      `${WHAT[n.kind]}`,
      `When: ${utcTime(n.at)}`,
      '',
      `Open it on the staff pages: ${n.link}`,
      '',
      'This message carries no patient details on purpose: sign in to the staff pages to see them.',
    ].join('\n'),
  };
}

/** `slack`: {"text"} (Slack; Teams Office 365 connectors). `teams`: an Adaptive Card message (Teams Workflows). */
export function webhookBody(n: Notification, format: 'slack' | 'teams'): unknown {
  const text = `${TITLES[n.kind]} at ${utcTime(n.at)}. ${WHAT[n.kind]} Open it on the staff pages: ${n.link}`;
  if (format === 'slack') return { text };
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: TITLES[n.kind], weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: `${WHAT[n.kind]} ${utcTime(n.at)}`, wrap: true },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open the staff page', url: n.link }],
        },
      },
    ],
  };
}
