/**
 * The staff audit trail: every signed-in request that views, exports, deletes or changes patient data is recorded
 * once it has succeeded (status below 400) with the account, the action and its target by id (AuditTrail.track is
 * called by the session guard, so a new route is audited by adding one line to AUDITED). /staff/audit shows the log
 * with filters; /staff/audit/export downloads it (CSV or JSON), which is itself audited. Entries are purged with
 * the conversations' retention period.
 */
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';
import type { AuditEntry, AuditFilter, AuditLog } from '../storage/audit';
import { csvRow } from './exports';
import { formatDate, formatTime, html, qs } from './html';
import { PageContext, shell } from './pages';
import type { StaffToolkit } from './toolkit';

type Describe = (params: Record<string, string>, query: URLSearchParams, form: URLSearchParams) => { target?: string; detail?: string };

const range = (q: URLSearchParams) => `${q.get('from') || 'start'} to ${q.get('to') || 'today'}`;

/** Audited routes (method and path as registered) and how each is described. */
export const AUDITED: Record<string, { action: string; describe: Describe }> = {
  'GET /staff/conversations/:id': { action: 'viewed conversation', describe: (p) => ({ target: `conversation ${p.id}` }) },
  'GET /staff/api/conversations/:id': { action: 'viewed conversation', describe: (p) => ({ target: `conversation ${p.id}`, detail: 'API' }) },
  'GET /staff/conversations/:id/transcript': { action: 'exported transcript', describe: (p) => ({ target: `conversation ${p.id}` }) },
  'POST /staff/conversations/:id/delete': { action: 'deleted conversation', describe: (p) => ({ target: `conversation ${p.id}` }) },
  'GET /staff/export': { action: 'exported conversations', describe: (_p, q) => ({ target: range(q), detail: q.get('format') ?? 'csv' }) },
  'GET /staff/unanswered/export': {
    action: 'exported unanswered questions',
    describe: (_p, q) => ({ target: range(q), detail: q.get('format') ?? 'txt' }),
  },
  'GET /staff/enquiries': {
    action: 'viewed enquiry list',
    describe: (_p, q) => ({ detail: [q.get('status') || 'new', q.get('owner')].filter(Boolean).join(', ') }),
  },
  'GET /staff/api/enquiries': {
    action: 'viewed enquiry list',
    describe: (_p, q) => ({ detail: ['API', q.get('status') || 'new', q.get('owner')].filter(Boolean).join(', ') }),
  },
  'GET /staff/enquiries/:id': { action: 'viewed enquiry', describe: (p) => ({ target: `enquiry ${p.id}` }) },
  'GET /staff/api/enquiries/:id': { action: 'viewed enquiry', describe: (p) => ({ target: `enquiry ${p.id}`, detail: 'API' }) },
  'POST /staff/enquiries/:id': {
    action: 'changed enquiry',
    describe: (p, _q, f) => ({
      target: `enquiry ${p.id}`,
      detail: ['status', 'owner', 'outcome', 'note'].filter((k) => f.has(k) && (k !== 'note' || f.get(k)!.trim())).join(', '),
    }),
  },
  'POST /staff/enquiries/:id/status': {
    action: 'changed enquiry',
    describe: (p, _q, f) => ({ target: `enquiry ${p.id}`, detail: `status ${f.get('status') ?? ''}` }),
  },
  'GET /staff/audit/export': { action: 'exported audit log', describe: (_p, q) => ({ target: range(q), detail: q.get('format') ?? 'csv' }) },
};

export const AUDIT_ACTIONS = [
  ...new Set([...Object.values(AUDITED).map((a) => a.action), 'turned on two-factor sign-in', 'turned off two-factor sign-in']),
].sort();

export class AuditTrail {
  /** Entries that could not be written since start-up (the request itself still succeeded). */
  failures = 0;

  constructor(
    readonly log: AuditLog,
    private readonly logger: Logger,
    private readonly form: (req: Request) => URLSearchParams,
  ) {}

  /** Records the request once its response is sent, when its route is audited and it succeeded. */
  track(req: Request, res: Response, user: string): void {
    const route = (req as { route?: { method?: string; path?: string | RegExp } }).route;
    const rule = route && AUDITED[`${String(route.method).toUpperCase()} ${String(route.path)}`];
    if (!rule) return;
    res.once('finish', () => {
      if (res.statusCode >= 400) return;
      const query = new URL(req.url ?? '/', 'http://staff.invalid').searchParams;
      const described = rule.describe(
        (req.params ?? {}) as Record<string, string>,
        query,
        req.method === 'POST' ? this.form(req) : new URLSearchParams(),
      );
      void this.write({
        at: new Date(),
        user,
        action: rule.action,
        ...(described.target ? { target: described.target } : {}),
        ...(described.detail ? { detail: described.detail } : {}),
      });
    });
  }

  async write(entry: AuditEntry): Promise<void> {
    try {
      await this.log.record(entry);
    } catch (err) {
      this.failures++;
      this.logger.error('could not write the staff audit log', { action: entry.action, error: (err as Error).message });
    }
  }
}

function auditFilter(q: URLSearchParams, t: StaffToolkit): AuditFilter & { fromDate?: string; toDate?: string } {
  const fromDate = q.get('from') || undefined;
  const toDate = q.get('to') || undefined;
  const from = t.parseDay(fromDate, 'from');
  const toStart = t.parseDay(toDate, 'to');
  const to =
    toStart === undefined
      ? undefined
      : new Date(new Date(toStart).getFullYear(), new Date(toStart).getMonth(), new Date(toStart).getDate() + 1).getTime();
  const user = q.get('user') || undefined;
  if (user && !t.accounts.includes(user)) t.fail(400, 'user must be one of the staff accounts');
  const action = q.get('action') || undefined;
  if (action && !AUDIT_ACTIONS.includes(action)) t.fail(400, 'unknown action');
  const before = q.get('before') || undefined;
  if (before && !/^\d{1,15}\.[0-9a-z-]{1,60}$/.test(before)) t.fail(400, 'invalid page cursor');
  return { user, action, from, to, before, fromDate, toDate };
}

function auditPage(ctx: PageContext, items: AuditEntry[], filter: ReturnType<typeof auditFilter>, accounts: string[], next?: string): string {
  const keep = { user: filter.user, action: filter.action, from: filter.fromDate, to: filter.toDate };
  return shell(
    ctx,
    'Audit log',
    'audit',
    html`<p class="muted">Who viewed, exported, deleted or changed conversations and enquiries, and when. Kept as long as the conversations.</p>
      <form method="get" action="/staff/audit" class="filters">
        <label>Who <select name="user"><option value="">anyone</option>${accounts.map((a) => html`<option value="${a}" ${a === filter.user ? html`selected` : ''}>${a}</option>`)}</select></label>
        <label>Action <select name="action"><option value="">any</option>${AUDIT_ACTIONS.map((a) => html`<option value="${a}" ${a === filter.action ? html`selected` : ''}>${a}</option>`)}</select></label>
        <label>From <input type="date" name="from" value="${filter.fromDate ?? ''}"></label>
        <label>to <input type="date" name="to" value="${filter.toDate ?? ''}"></label>
        <button type="submit">Show</button>
        <a href="/staff/audit/export${qs({ ...keep, format: 'csv' })}">Download CSV</a>
        <a href="/staff/audit/export${qs({ ...keep, format: 'json' })}">Download JSON</a>
      </form>
      <table>
        <thead><tr><th>When</th><th>Who</th><th>Action</th><th>What</th><th>Detail</th></tr></thead>
        <tbody>${
          items.length
            ? items.map(
                (e) =>
                  html`<tr><td class="small">${formatTime(e.at)}</td><td>${e.user}</td><td>${e.action}</td><td>${auditTarget(e.target)}</td><td class="small muted">${e.detail ?? ''}</td></tr>`,
              )
            : html`<tr><td colspan="5" class="muted">Nothing recorded.</td></tr>`
        }</tbody>
      </table>
      <div class="pager">${next ? html`<a href="/staff/audit${qs({ ...keep, before: next })}" rel="next">Older →</a>` : ''}</div>`,
  );
}

/** A target that still exists is a link ("conversation 12" -> its page). */
function auditTarget(target: string | undefined) {
  const m = target ? /^(conversation|enquiry) (\d+)$/.exec(target) : null;
  if (!m) return target ?? '';
  return html`<a href="/staff/${m[1] === 'conversation' ? 'conversations' : 'enquiries'}/${m[2]}">${target}</a>`;
}

export function registerAuditRoutes(server: Server, t: StaffToolkit): void {
  const log = t.storage.audit;

  server.get(
    '/staff/audit',
    t.guarded('page', async (req, res, session) => {
      const filter = auditFilter(t.query(req), t);
      const page = await log.list({ ...filter, limit: 100 });
      t.sendHtml(res, 200, auditPage(await t.pageContext(session), page.items, filter, t.accounts, page.next));
    }),
  );

  server.get(
    '/staff/audit/export',
    t.guarded('download', async (req, res) => {
      const q = t.query(req);
      const format = q.get('format') ?? 'csv';
      if (format !== 'csv' && format !== 'json') t.fail(400, 'format must be csv or json');
      const filter = auditFilter(q, t);
      const items: AuditEntry[] = [];
      for (let page = await log.list({ ...filter, limit: 5000 }); ; page = await log.list({ ...filter, limit: 5000, before: page.next })) {
        items.push(...page.items);
        if (!page.next || items.length >= 100_000) break;
      }
      const name = `staff-audit-${filter.fromDate ?? 'start'}-to-${filter.toDate ?? formatDate(new Date())}.${format}`;
      const body =
        format === 'json'
          ? JSON.stringify(items, null, 2)
          : '\uFEFF' +
            csvRow(['at', 'user', 'action', 'target', 'detail']) +
            items.map((e) => csvRow([e.at.toISOString(), e.user, e.action, e.target ?? '', e.detail ?? ''])).join('');
      t.download(res, name, format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8', body);
    }),
  );
}
