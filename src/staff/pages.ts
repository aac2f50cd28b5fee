/**
 * The staff pages, rendered on the server. Every value from the database or the request goes
 * through the `html` template (escapeHtml); nothing is inserted raw.
 */
import type { ConversationFilter, ConversationPage, ConversationSummary, Flag, TurnView, UnansweredGroup, UrgentTurn } from '../storage/review';
import { FLAGS } from '../storage/review';
import type { Enquiry, EnquiryStatus } from '../storage/enquiries';
import { OUTCOME_LABELS, UNASSIGNED } from '../storage/enquiryFollowUp';
import { formatDate, formatTime, html, Html, layout, LayoutOptions, qs } from './html';

export interface PageContext {
  user: string;
  csrf: string;
  newEnquiries: number;
  /** Shown at the top of every page (notifications failing). */
  alert?: string;
  /** See LayoutOptions.banners. */
  banners?: string[];
}

export function shell(ctx: PageContext, title: string, active: LayoutOptions['active'], body: Html): string {
  return layout({ title, user: ctx.user, csrf: ctx.csrf, active, newEnquiries: ctx.newEnquiries, alert: ctx.alert, banners: ctx.banners }, body);
}

function flagBadges(flags: Record<Flag, number>, tiers: string[] = []): Html {
  return html`${FLAGS.filter((f) => flags[f] > 0).map(
    (f) =>
      html`<span class="flag ${f}" title="${flags[f]} turn(s)">${f}</span>${f === 'urgent' ? tiers.map((t) => html` <span class="tier ${t}">${t}</span>`) : ''}`,
  )}`;
}

/** One row of the clinic's safety tier table, as staff see it (numbers filled in). */
export interface SafetyTierRow {
  id: string;
  label: string;
  guidance: string;
  reasoning: string;
}

/** Turns that got safety guidance, newest first, with the tier table the clinic signed off. */
export function urgentPage(ctx: PageContext, turns: UrgentTurn[], tiers: SafetyTierRow[], tier?: string): string {
  return shell(
    ctx,
    'Urgent',
    'urgent',
    html`<p class="muted">Messages that got safety guidance (emergency, crisis, urgent care or contact the clinic), newest first.
      “alone” means the guidance was the whole reply; “first” means the bot answered the question after it.
      A message that should be here and is not: add its wording to knowledge/safety (see docs/safety.md).</p>
      <form method="get" action="/staff/urgent" class="filters">
        <label>Tier <select name="tier"><option value="">any</option>${tiers.map((t) => html`<option value="${t.id}" ${t.id === tier ? html`selected` : ''}>${t.id}</option>`)}</select></label>
        <button type="submit">Show</button>
      </form>
      <table>
        <thead><tr><th>When</th><th>Tier</th><th>Sign</th><th>Channel</th><th>What the patient wrote</th></tr></thead>
        <tbody>${
          turns.length
            ? turns.map(
                (t) => html`<tr>
              <td class="small"><a href="/staff/conversations/${t.conversation}">${formatTime(t.at)}</a></td>
              <td><span class="tier ${t.tier}">${t.tier}</span> <span class="small muted">${t.safety ?? ''}</span></td>
              <td class="small">${t.sign ?? ''}</td>
              <td>${t.channelId}</td>
              <td class="pre">${truncate(t.text, 300)}</td>
            </tr>`,
              )
            : html`<tr><td colspan="5" class="muted">No urgent messages${tier ? html` at tier ${tier}` : ''}.</td></tr>`
        }</tbody>
      </table>
      <h2>Safety tiers</h2>
      <table class="tiers">
        <thead><tr><th>Tier</th><th>What the patient is told</th><th>Why</th></tr></thead>
        <tbody>${tiers.map((t) => html`<tr><td><span class="tier ${t.id}">${t.id}</span><div class="small">${t.label}</div></td><td class="pre small">${t.guidance}</td><td class="small">${t.reasoning}</td></tr>`)}</tbody>
      </table>`,
  );
}

function truncate(text: string | undefined, max: number): string {
  if (!text) return '';
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export function loginPage(options: { nonce: string; next?: string; error?: string; name?: string }): string {
  return layout(
    { title: 'Sign in' },
    html`${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
      <form method="post" action="/staff/login" class="login">
        <input type="hidden" name="nonce" value="${options.nonce}">
        <input type="hidden" name="next" value="${options.next ?? ''}">
        <label>Name <input name="name" autocomplete="username" required maxlength="64" value="${options.name ?? ''}" autofocus></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
        <button type="submit">Sign in</button>
      </form>`,
  );
}

export function messagePage(title: string, message: string, ctx?: PageContext): string {
  const body = html`<p class="error" role="alert">${message}</p><p><a href="/staff/conversations">Back to the conversations</a></p>`;
  return ctx ? shell(ctx, title, undefined, body) : layout({ title }, body);
}

export interface ListView {
  filter: ConversationFilter & { fromDate?: string; toDate?: string };
  page: ConversationPage;
  channels: string[];
  error?: string;
  notice?: string;
}

/** The row link of a conversation: its first message, "[photo]" when it began with no text, never blank. */
export function firstMessage(c: ConversationSummary): string {
  if (c.firstText?.trim()) return truncate(c.firstText, 140);
  return c.turns > 0 ? '[photo]' : '(opened the chat, wrote nothing)';
}

/** Page links around the current page: 1 … 4 5 [6] 7 8 … 20. */
function pageNumbers(current: number, last: number, href: (page: number) => string): Html {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])]
    .filter((p) => p >= 1 && p <= last)
    .sort((a, b) => a - b);
  return html`<nav class="pages" aria-label="Pages">${shown.map(
    (p, i) =>
      html`${i > 0 && p - shown[i - 1] > 1 ? html`<span class="muted">…</span>` : ''}${
        p === current ? html`<span aria-current="page" class="current">${p}</span>` : html`<a href="${href(p)}">${p}</a>`
      }`,
  )}</nav>`;
}

export function conversationsPage(ctx: PageContext, view: ListView): string {
  const f = view.filter;
  const keep = { channel: f.channel, flag: f.flag, q: f.q, from: f.fromDate, to: f.toDate, limit: f.limit };
  const perPage = f.limit ?? 50;
  const total = view.page.total;
  const current = f.before || f.after ? undefined : (f.page ?? 1);
  const lastPage = total !== undefined ? Math.max(1, Math.ceil(total / perPage)) : undefined;
  const rows = view.page.items.map(
    (c: ConversationSummary) => html`<tr>
      <td class="pre"><a href="/staff/conversations/${c.id}">${firstMessage(c)}</a></td>
      <td class="small">${formatTime(c.startedAt)}</td>
      <td class="small muted">${formatTime(c.lastAt)}</td>
      <td>${c.channelId}</td>
      <td>${c.turns}</td>
      <td>${flagBadges(c.flags, c.tiers)}</td>
    </tr>`,
  );
  return shell(
    ctx,
    'Conversations',
    'conversations',
    html`${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
      ${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
      <form method="get" action="/staff/conversations" class="filters" role="search">
        <label>Search what patients wrote <input type="search" name="q" value="${f.q ?? ''}" maxlength="200"></label>
        <label>Channel <select name="channel"><option value="">all</option>${view.channels.map(
          (c) => html`<option value="${c}" ${c === f.channel ? html`selected` : ''}>${c}</option>`,
        )}</select></label>
        <label>Outcome <select name="flag"><option value="">any</option>${FLAGS.map(
          (fl) => html`<option value="${fl}" ${fl === f.flag ? html`selected` : ''}>${fl}</option>`,
        )}</select></label>
        <label>Started from <input type="date" name="from" value="${f.fromDate ?? ''}"></label>
        <label>to <input type="date" name="to" value="${f.toDate ?? ''}"></label>
        <label>Per page <select name="limit">${[25, 50, 100, 200].map((n) => html`<option value="${n}" ${n === perPage ? html`selected` : ''}>${n}</option>`)}</select></label>
        <button type="submit">Filter</button>
        <a href="/staff/conversations">Clear</a>
      </form>
      ${
        total !== undefined
          ? html`<p class="total" role="status"><strong>${total}</strong> conversation${total === 1 ? '' : 's'}${current && lastPage ? html` · page ${current} of ${lastPage}` : ''}</p>`
          : ''
      }
      <table>
        <thead><tr><th>First message</th><th>Started</th><th>Last activity</th><th>Channel</th><th>Turns</th><th>Outcomes</th></tr></thead>
        <tbody>${rows.length ? rows : html`<tr><td colspan="6" class="muted">No conversations match.</td></tr>`}</tbody>
      </table>
      <div class="pager">
        ${view.page.newer ? html`<a href="/staff/conversations${qs({ ...keep, ...(current ? { page: current - 1 } : { after: view.page.newer }) })}" rel="prev">← Newer</a>` : ''}
        ${current && lastPage && lastPage > 1 ? pageNumbers(current, lastPage, (p) => `/staff/conversations${qs({ ...keep, page: p })}`) : ''}
        ${view.page.older ? html`<a href="/staff/conversations${qs({ ...keep, ...(current ? { page: current + 1 } : { before: view.page.older }) })}" rel="next">Older →</a>` : ''}
      </div>
      <h2>Export</h2>
      <form method="get" action="/staff/export" class="filters exports">
        <label>Conversations started from <input type="date" name="from" value="${f.fromDate ?? ''}" required></label>
        <label>to (inclusive) <input type="date" name="to" value="${f.toDate ?? ''}" required></label>
        <button type="submit" name="format" value="csv">Download CSV</button>
        <button type="submit" name="format" value="json">Download JSON</button>
      </form>`,
  );
}

/** "low", "medium" or "high" confidence, from how the recognizer decided and its score. */
export function confidence(r: { score: number; reason?: string; outcome?: string }): 'low' | 'medium' | 'high' {
  if (r.reason === 'low_confidence' || r.reason === 'ambiguous' || r.score < 0.35) return 'low';
  return r.score < 0.6 ? 'medium' : 'high';
}

const OUTCOME_WORDS: Record<string, string> = {
  answered: 'answered',
  clarify: 'asked the patient to clarify',
  fallback: 'could not answer (gave the clinic’s details)',
  handoff: 'handed to staff',
  urgent: 'urgent: gave emergency guidance first',
};

/** What the bot understood in words ("understood as: booking (low confidence)"), the raw figures on demand. */
function understood(turn: TurnView): Html {
  const r = turn.recognition;
  if (!r) return html`<span class="muted">–</span>`;
  const intent = r.intent.replace(/_/g, ' ');
  const conditions = (r.entities ?? []).map(
    (e) => html`<div>${e.value}${e.text && e.text !== e.value ? html` <span class="muted">(“${e.text}”)</span>` : ''}</div>`,
  );
  const alternatives = (r.alternatives ?? [])
    .slice(0, 3)
    .map((a) => `${a.intent} ${a.score.toFixed(2)}`)
    .join(', ');
  const level = r.outcome === 'urgent' ? undefined : confidence(r);
  return html`<div class="readable">Understood as: <strong>${intent}</strong>${level ? html` <span class="confidence ${level}">(${level} confidence)</span>` : ''}
      ${conditions.length ? html`<div class="small">About: ${(r.entities ?? []).map((e) => e.value).join(', ')}</div>` : ''}
      <div class="small"><span class="flag ${r.outcome}">${OUTCOME_WORDS[r.outcome] ?? r.outcome}</span>${r.redFlag ? html` <span class="small">(${r.redFlag})</span>` : ''}</div></div>
    <details class="small"><summary>Figures</summary><dl class="understood">
    <dt>Intent</dt><dd>${r.intent}</dd>
    <dt>Score</dt><dd>${typeof r.score === 'number' ? r.score.toFixed(2) : ''}</dd>
    <dt>Condition</dt><dd>${conditions.length ? conditions : html`<span class="muted">none</span>`}</dd>
    <dt>Outcome</dt><dd>${r.outcome} <span class="muted">${r.reason}</span>${r.tier ? html` <span class="tier ${r.tier}">${r.tier}</span>` : ''}${r.redFlag ? html` <span class="small">(${r.redFlag}${r.safety ? html`, ${r.safety}` : ''})</span>` : ''}</dd>
    ${alternatives ? html`<dt>Also</dt><dd class="muted">${alternatives}</dd>` : ''}
  </dl></details>`;
}

function replies(turn: TurnView): Html {
  return html`${turn.replies
    .filter((r) => r.type !== 'typing')
    .map((r) =>
      r.type === 'message'
        ? html`<div class="pre">${r.text ?? ''}</div>${r.buttons.length ? html`<div class="buttons">Buttons: ${r.buttons.map((b) => html`[${b}] `)}</div>` : ''}`
        : html`<div class="small muted">${r.type}${r.name ? html`: ${r.name}` : ''}</div>`,
    )}`;
}

function patient(turn: TurnView, conversation: number): Html {
  const u = turn.user;
  if (!u) return html`<span class="muted">(bot started)</span>`;
  if (u.type !== 'message') return html`<span class="small muted">${u.type}</span>`;
  const teach = u.text.trim()
    ? html`<a href="/staff/teach${qs({ text: u.text, back: `/staff/conversations/${conversation}` })}" class="small teach">Teach…</a>`
    : '';
  return html`<div class="pre">${u.text || (u.attachments ? '[photo]' : '')}</div>${u.attachments ? html`<div class="small muted">${u.attachments} attachment(s)</div>` : ''}${teach}`;
}

export function transcriptPage(ctx: PageContext, c: ConversationSummary, turns: TurnView[], enquiries: Enquiry[]): string {
  return shell(
    ctx,
    `Conversation ${formatTime(c.startedAt)}`,
    'conversations',
    html`<div class="box">
        <div>Channel <strong>${c.channelId}</strong> · conversation id <code>${c.conversationId}</code></div>
        <div>Started ${formatTime(c.startedAt)} · last activity ${formatTime(c.lastAt)} · ${c.turns} turn(s) · ${flagBadges(c.flags, c.tiers)}</div>
        ${enquiries.length ? html`<div>Enquiries: ${enquiries.map((e) => html`<a href="/staff/enquiries?status=${e.status}">#${e.id} (${e.status})</a> `)}</div>` : ''}
        <p>
          <a href="/staff/conversations/${c.id}/transcript" download>Download .transcript</a> (opens in the Bot Framework Emulator) ·
          <a href="/staff/conversations/${c.id}/delete">Delete this conversation…</a>
        </p>
      </div>
      <table class="transcript">
        <thead><tr><th>Time</th><th>Patient</th><th>What the bot understood</th><th>Bot reply</th></tr></thead>
        <tbody>${turns.map(
          (t) => html`<tr class="turn ${t.user?.type === 'message' ? 'turn-user' : ''}">
            <td class="small">${formatTime(t.at)}</td>
            <td>${patient(t, c.id)}</td>
            <td>${understood(t)}</td>
            <td>${replies(t)}</td>
          </tr>`,
        )}</tbody>
      </table>`,
  );
}

export function deleteConfirmPage(ctx: PageContext, c: ConversationSummary): string {
  return shell(
    ctx,
    'Delete conversation',
    'conversations',
    html`<div class="box">
      <p>This permanently deletes the conversation started ${formatTime(c.startedAt)} on ${c.channelId} (${c.turns} turn(s)):
      its transcript, what the bot understood, its enquiries with their contact details, and the bot's memory of it.</p>
      <form method="post" action="/staff/conversations/${c.id}/delete">
        <input type="hidden" name="csrf" value="${ctx.csrf}">
        <button type="submit" class="danger">Delete permanently</button>
        <a href="/staff/conversations/${c.id}">Cancel</a>
      </form>
    </div>`,
  );
}

export function unansweredPage(
  ctx: PageContext,
  groups: UnansweredGroup[],
  range: { fromDate: string; toDate: string },
  error?: string,
  canTeach = false,
): string {
  const keep = { from: range.fromDate, to: range.toDate };
  return shell(
    ctx,
    'Unanswered questions',
    'unanswered',
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <p class="muted">Messages the bot could not answer (fallback) or understood too weakly (low confidence, ambiguous), grouped by wording.
      Choose <em>Teach…</em> to tell the bot what each one means (it learns at once, no restart), or dismiss it.</p>
      <form method="get" action="/staff/unanswered" class="filters">
        <label>From <input type="date" name="from" value="${range.fromDate}"></label>
        <label>to <input type="date" name="to" value="${range.toDate}"></label>
        <button type="submit">Show</button>
        <a href="/staff/unanswered/export${qs({ ...keep, format: 'txt' })}">Download as training candidates (.txt)</a>
        <a href="/staff/unanswered/export${qs({ ...keep, format: 'json' })}">Download JSON</a>
      </form>
      <table>
        <thead><tr><th>Asked</th><th>Question (latest wording)</th><th>Best guess</th><th>Outcome</th><th>Last asked</th></tr></thead>
        <tbody>${
          groups.length
            ? groups.map(
                (g) => html`<tr>
              <td>${g.count}× <span class="small muted">in ${g.conversations} conversation(s)</span></td>
              <td class="pre"><a href="/staff/conversations/${g.conversation}">${g.text}</a>${canTeach ? html` <a href="/staff/teach${qs({ text: g.text, back: '/staff/unanswered' })}" class="teach">Teach…</a>` : ''}</td>
              <td>${g.bestGuess ?? ''} <span class="small muted">${g.score.toFixed(2)}</span></td>
              <td><span class="flag ${g.outcome}">${g.outcome}</span> <span class="small muted">${g.reason}</span></td>
              <td class="small">${formatTime(g.lastAt)}</td>
            </tr>`,
              )
            : html`<tr><td colspan="5" class="muted">Nothing unanswered in this period.</td></tr>`
        }</tbody>
      </table>`,
  );
}

export interface EnquiryListView {
  items: Array<Enquiry & { conversationRow?: number }>;
  status: EnquiryStatus | 'all';
  /** '' anyone, UNASSIGNED nobody, or a staff name. */
  owner: string;
  accounts: string[];
  next?: string;
  notice?: string;
}

export function enquiriesPage(ctx: PageContext, view: EnquiryListView): string {
  const { items, status, owner } = view;
  return shell(
    ctx,
    'Enquiries',
    'enquiries',
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
      <form method="get" action="/staff/enquiries" class="filters">
        <label>Status <select name="status">${(['new', 'done', 'all'] as const).map((s) => html`<option value="${s}" ${s === status ? html`selected` : ''}>${s}</option>`)}</select></label>
        <label>Owner <select name="owner">
          <option value="">anyone</option>
          <option value="${UNASSIGNED}" ${owner === UNASSIGNED ? html`selected` : ''}>nobody yet</option>
          ${view.accounts.map((a) => html`<option value="${a}" ${a === owner ? html`selected` : ''}>${a === ctx.user ? html`${a} (me)` : a}</option>`)}
        </select></label>
        <button type="submit">Show</button>
      </form>
      <table>
        <thead><tr><th>#</th><th>Received</th><th>Kind</th><th>Name</th><th>Phone</th><th>Email</th><th>When suits</th><th>About</th><th>Conversation</th><th>Owner</th><th>Outcome</th><th>Status</th></tr></thead>
        <tbody>${
          items.length
            ? items.map(
                (e) => html`<tr>
              <td><a href="/staff/enquiries/${e.id}" title="Follow up enquiry ${e.id}">${e.id}</a>${e.reference ? html`<br><span class="small muted">ref ${e.reference}</span>` : ''}</td>
              <td class="small">${formatTime(e.createdAt)}</td>
              <td>${e.kind}</td>
              <td><a href="/staff/enquiries/${e.id}">${e.name}</a></td>
              <td>${e.phone ?? ''}</td>
              <td>${e.email ?? ''}</td>
              <td class="pre">${e.preferredTime}</td>
              <td class="pre">${e.reason ?? ''}</td>
              <td class="small">${e.conversationRow ? html`<a href="/staff/conversations/${e.conversationRow}">${e.channelId}</a>` : html`${e.channelId} <span class="muted">(deleted)</span>`}</td>
              <td>${e.owner ?? html`<span class="muted">nobody</span>`}</td>
              <td>${e.outcome ? OUTCOME_LABELS[e.outcome] : ''}</td>
              <td>
                <form method="post" action="/staff/enquiries/${e.id}/status">
                  <input type="hidden" name="csrf" value="${ctx.csrf}">
                  ${
                    e.status === 'new'
                      ? html`<input type="hidden" name="status" value="done"><button type="submit">Mark done</button>`
                      : html`<span class="small">done ${e.doneAt ? formatDate(e.doneAt) : ''} ${e.doneBy ? html`by ${e.doneBy}` : ''}</span>
                         <input type="hidden" name="status" value="new"><button type="submit" class="plain">Reopen</button>`
                  }
                </form>
              </td>
            </tr>`,
              )
            : html`<tr><td colspan="12" class="muted">No enquiries.</td></tr>`
        }</tbody>
      </table>
      <div class="pager">${view.next ? html`<a href="/staff/enquiries${qs({ status, owner, before: view.next })}" rel="next">Older →</a>` : ''}</div>`,
  );
}
