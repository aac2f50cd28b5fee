/**
 * Pages of the staff workflow routes (workflow.ts): the notifications log and one enquiry's follow-up. As every
 * staff page, rendered on the server through the escaping `html` template, no scripts.
 */
import type { NotifyHealth } from '../notify/dispatcher';
import { title as notificationTitle } from '../notify/message';
import type { Enquiry } from '../storage/enquiries';
import { FollowUpEvent, MAX_NOTE_CHARS, OUTCOME_LABELS, OUTCOMES } from '../storage/enquiryFollowUp';
import type { OutboxEntry } from '../storage/outbox';
import { formatTime, html, Html } from './html';
import { PageContext, shell } from './pages';

function entryState(e: OutboxEntry): Html {
  if (e.sentAt !== undefined) return html`<span class="flag answered">sent</span> <span class="small muted">${formatTime(new Date(e.sentAt))}</span>`;
  if (e.gaveUpAt !== undefined) return html`<span class="flag fallback">given up</span>`;
  return html`<span class="flag clarify">waiting</span> <span class="small muted">next try ${formatTime(new Date(e.nextAt))}</span>`;
}

function healthSummary(health: NotifyHealth | undefined): Html {
  if (!health || health.status === 'off') {
    return html`<p class="box">Notifications are off: set <code>NOTIFY_SMTP_URL</code> (with <code>NOTIFY_EMAIL_FROM</code> and <code>NOTIFY_EMAIL_TO</code>) or <code>NOTIFY_WEBHOOK_URL</code>.</p>`;
  }
  const rows = Object.entries(health.targets).map(
    ([target, t]) =>
      html`<tr><td>${target}</td><td>${t.lastSentAt ? formatTime(new Date(t.lastSentAt)) : '–'}</td><td>${t.lastErrorAt ? formatTime(new Date(t.lastErrorAt)) : '–'}</td><td class="pre">${t.lastError ?? ''}</td></tr>`,
  );
  return html`<p class="${health.status === 'ok' ? 'notice' : 'error'}" role="status">${health.status === 'ok' ? 'Notifications are working.' : 'Notifications are failing: they are retried until the mail server or webhook answers again.'}
      ${health.outboxError ? html` The outbox could not be read: ${health.outboxError}.` : ''}</p>
    ${rows.length ? html`<table><thead><tr><th>Sent by</th><th>Last sent</th><th>Last failure</th><th>Error</th></tr></thead><tbody>${rows}</tbody></table>` : ''}`;
}

export function notificationsPage(ctx: PageContext, entries: OutboxEntry[], health: NotifyHealth | undefined): string {
  return shell(
    ctx,
    'Notifications',
    'notifications',
    html`${healthSummary(health)}
      <h2>Recent notifications</h2>
      <p class="muted small">Staff are told about call-back and booking requests, urgent conversations and requests for a person. The messages carry no patient details, only a link here.</p>
      <table>
        <thead><tr><th>When</th><th>What</th><th>State</th><th>Attempts</th><th>Delivered to</th><th>Last error</th></tr></thead>
        <tbody>${
          entries.length
            ? entries.map(
                (e) => html`<tr>
              <td class="small">${formatTime(new Date(e.at))}</td>
              <td>${e.enquiryId !== undefined ? html`<a href="/staff/enquiries/${e.enquiryId}">${notificationTitle(e.kind)}</a>` : notificationTitle(e.kind)}</td>
              <td>${entryState(e)}</td>
              <td>${e.attempts}</td>
              <td>${e.delivered.join(', ')}</td>
              <td class="small pre">${e.lastError ?? ''}</td>
            </tr>`,
              )
            : html`<tr><td colspan="6" class="muted">No notifications yet.</td></tr>`
        }</tbody>
      </table>`,
  );
}

function historyLine(e: FollowUpEvent): Html {
  switch (e.action) {
    case 'status':
      return e.value === 'done' ? html`marked it done` : html`reopened it`;
    case 'owner':
      return e.value === e.by ? html`took it on` : e.value ? html`gave it to <strong>${e.value}</strong>` : html`removed the owner`;
    case 'outcome':
      return e.value
        ? html`set the outcome to <strong>${OUTCOME_LABELS[e.value as keyof typeof OUTCOME_LABELS] ?? e.value}</strong>`
        : html`cleared the outcome`;
    case 'note':
      return html`added a note: <span class="pre">${e.value}</span>`;
  }
}

export interface EnquiryView {
  enquiry: Enquiry;
  history: FollowUpEvent[];
  conversationRow?: number;
  accounts: string[];
  notice?: string;
}

export function enquiryPage(ctx: PageContext, view: EnquiryView): string {
  const e = view.enquiry;
  return shell(
    ctx,
    `Enquiry ${e.id}: ${e.kind === 'booking' ? 'booking request' : 'call-back request'}`,
    'enquiries',
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
      <div class="box">
        <dl class="understood">
          <dt>Received</dt><dd>${formatTime(e.createdAt)}</dd>
          <dt>Name</dt><dd>${e.name}</dd>
          <dt>Phone</dt><dd>${e.phone ?? html`<span class="muted">–</span>`}</dd>
          <dt>Email</dt><dd>${e.email ?? html`<span class="muted">–</span>`}</dd>
          <dt>When suits</dt><dd class="pre">${e.preferredTime}</dd>
          <dt>About</dt><dd class="pre">${e.reason ?? ''}</dd>
          <dt>Status</dt><dd>${e.status}${e.doneBy ? html` <span class="small muted">(by ${e.doneBy}${e.doneAt ? html`, ${formatTime(e.doneAt)}` : ''})</span>` : ''}</dd>
          <dt>Chat</dt><dd>${view.conversationRow ? html`<a href="/staff/conversations/${view.conversationRow}">Open the conversation</a>` : html`<span class="muted">deleted</span>`}</dd>
        </dl>
      </div>
      <h2>Follow-up</h2>
      <form method="post" action="/staff/enquiries/${e.id}" class="filters followup">
        <input type="hidden" name="csrf" value="${ctx.csrf}">
        <label>Owner <select name="owner">
          <option value="">nobody</option>
          ${view.accounts.map((a) => html`<option value="${a}" ${a === e.owner ? html`selected` : ''}>${a === ctx.user ? html`${a} (me)` : a}</option>`)}
        </select></label>
        <label>Outcome <select name="outcome">
          <option value="">not yet</option>
          ${OUTCOMES.map((o) => html`<option value="${o}" ${o === e.outcome ? html`selected` : ''}>${OUTCOME_LABELS[o]}</option>`)}
        </select></label>
        <label>Status <select name="status">
          <option value="new" ${e.status === 'new' ? html`selected` : ''}>new (to do)</option>
          <option value="done" ${e.status === 'done' ? html`selected` : ''}>done</option>
        </select></label>
        <label class="wide">Add a note <textarea name="note" rows="3" maxlength="${MAX_NOTE_CHARS}"></textarea></label>
        <button type="submit">Save</button>
      </form>
      <h2>History</h2>
      ${
        view.history.length
          ? html`<ol class="history">${view.history.map((h) => html`<li><span class="small muted">${formatTime(h.at)}</span> <strong>${h.by}</strong> ${historyLine(h)}</li>`)}</ol>`
          : html`<p class="muted">No follow-up yet.</p>`
      }
      <p><a href="/staff/enquiries">Back to the enquiries</a></p>`,
  );
}
