/**
 * The staff dashboard at /staff/dashboard (the page staff land on after signing in): what happened over a date
 * range (the last 30 days by default) as server-drawn SVG charts with a table beside each (charts.ts), from the
 * backend's figures (src/storage/stats.ts). /staff/api/dashboard gives the same figures as JSON.
 */
import type { Server } from 'restify';
import type { DashboardStats, OutcomeKey } from '../storage/stats';
import { columnChart, lineChart, rankingChart, Series } from './charts';
import { formatDate, html, qs } from './html';
import { PageContext, shell } from './pages';
import type { StaffToolkit } from './toolkit';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

export const OUTCOME_SERIES: Array<{ key: OutcomeKey; label: string; color: string }> = [
  { key: 'answered', label: 'answered', color: '#2e7d32' },
  { key: 'clarify', label: 'clarified', color: '#e0a100' },
  { key: 'fallback', label: 'declined', color: '#d9731f' },
  { key: 'handoff', label: 'handed to staff', color: '#1f4e79' },
  { key: 'urgent', label: 'urgent', color: '#a4262c' },
];

export interface DashboardRange {
  fromDate: string;
  toDate: string;
  from: number;
  to: number;
}

/** from/to (YYYY-MM-DD, inclusive) or the last 30 days; a 400 for bad or reversed dates or more than a year. */
export function dashboardRange(params: URLSearchParams, t: Pick<StaffToolkit, 'parseDay' | 'fail'>): DashboardRange {
  const toDate = params.get('to') || formatDate(new Date());
  const fromDate = params.get('from') || formatDate(new Date(Date.now() - 29 * DAY_MS));
  const from = t.parseDay(fromDate, 'from')!;
  const toStart = t.parseDay(toDate, 'to')!;
  const end = new Date(toStart);
  const to = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1).getTime();
  if (to <= from) t.fail(400, '"to" must not be before "from".');
  if (to - from > MAX_DAYS * DAY_MS + 2 * 3600_000) t.fail(400, `The range can be at most ${MAX_DAYS} days.`);
  return { fromDate, toDate, from, to };
}

const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)} %` : '–');

export function dashboardPage(ctx: PageContext, stats: DashboardStats, range: DashboardRange): string {
  const days = stats.days.map((d) => d.day);
  const t = stats.totals;
  const outcomeSeries: Series[] = OUTCOME_SERIES.map((o) => ({ label: o.label, color: o.color, values: stats.days.map((d) => d.outcomes[o.key]) }));
  const quick = (n: number) => qs({ from: formatDate(new Date(Date.now() - (n - 1) * DAY_MS)), to: formatDate(new Date()) });
  const busiest = stats.days.reduce((a, b) => (b.conversations > a.conversations ? b : a), stats.days[0]);
  return shell(
    ctx,
    'Dashboard',
    'dashboard',
    html`<form method="get" action="/staff/dashboard" class="filters">
        <label>From <input type="date" name="from" value="${range.fromDate}"></label>
        <label>to <input type="date" name="to" value="${range.toDate}"></label>
        <button type="submit">Show</button>
        <a href="/staff/dashboard${quick(7)}">Last 7 days</a>
        <a href="/staff/dashboard${quick(30)}">Last 30 days</a>
        <a href="/staff/dashboard${quick(90)}">Last 90 days</a>
      </form>
      <ul class="cards">
        <li><strong>${t.conversations}</strong> conversations</li>
        <li><strong>${t.turns}</strong> patient messages</li>
        <li><strong>${percent(t.outcomes.answered, t.turns)}</strong> answered</li>
        <li><strong><a href="/staff/unanswered${qs({ from: range.fromDate, to: range.toDate })}">${t.unanswered}</a></strong> unanswered</li>
        <li><strong>${t.outcomes.urgent}</strong> urgent</li>
        <li><strong><a href="/staff/enquiries?status=new">${stats.enquiriesNow.open}</a></strong> enquiries open · <strong>${stats.enquiriesNow.done}</strong> done</li>
      </ul>
      ${columnChart({
        title: 'Conversations per day',
        days,
        series: [{ label: 'Conversations', values: stats.days.map((d) => d.conversations), color: '#1f4e79' }],
        summary: `${t.conversations} conversations from ${range.fromDate} to ${range.toDate}${busiest && busiest.conversations ? `; the busiest day was ${busiest.day} with ${busiest.conversations}` : ''}.`,
      })}
      ${columnChart({
        title: 'How patient messages ended, share per day',
        days,
        series: outcomeSeries,
        share: true,
        summary: `Of ${t.turns} messages: ${OUTCOME_SERIES.map((o) => `${o.label} ${percent(t.outcomes[o.key], t.turns)}`).join(', ')}.`,
      })}
      ${lineChart({
        title: 'Unanswered questions per day',
        days,
        values: stats.days.map((d) => d.unanswered),
        color: '#d9731f',
        summary: `${t.unanswered} unanswered questions in the range (declined, or understood too weakly).`,
      })}
      ${columnChart({
        title: 'Enquiries received per day',
        days,
        series: [{ label: 'Enquiries', values: stats.days.map((d) => d.enquiries), color: '#2e7d32' }],
        summary: `${t.enquiries} call-back and booking requests received; ${stats.enquiriesNow.open} open and ${stats.enquiriesNow.done} done now.`,
      })}
      ${rankingChart({ title: 'What patients asked about most (intents)', items: stats.intents.map((i) => ({ ...i, name: i.name.replace(/_/g, ' ') })), color: '#1f4e79', empty: 'No questions in this range.' })}
      ${rankingChart({ title: 'Conditions asked about most', items: stats.conditions, color: '#6a4c93', empty: 'No conditions mentioned in this range.' })}`,
  );
}

export function registerDashboardRoutes(server: Server, t: StaffToolkit): void {
  server.get(
    '/staff/dashboard',
    t.guarded('page', async (req, res, session) => {
      const range = dashboardRange(t.query(req), t);
      t.sendHtml(res, 200, dashboardPage(await t.pageContext(session), await t.storage.stats(range), range));
    }),
  );

  server.get(
    '/staff/api/dashboard',
    t.guarded('api', async (req, res) => {
      const range = dashboardRange(t.query(req), t);
      t.sendJson(res, 200, { from: range.fromDate, to: range.toDate, ...(await t.storage.stats(range)) });
    }),
  );
}
