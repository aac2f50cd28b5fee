/**
 * Staff routes for working from the pages, registered by registerStaffRoutes through a StaffToolkit:
 *  - /staff/notifications: recent staff notifications and whether sending works;
 *  - /staff/enquiries/:id: one enquiry's follow-up (owner, outcome, status, notes) and its history;
 *  - /staff/dashboard (dashboard.ts), /staff/audit (audit.ts).
 */
import type { Request, Server } from 'restify';
import { FollowUpChange, isOutcome, MAX_NOTE_CHARS } from '../storage/enquiryFollowUp';
import { registerAuditRoutes } from './audit';
import { registerDashboardRoutes } from './dashboard';
import type { StaffToolkit } from './toolkit';
import { enquiryPage, notificationsPage } from './workflowPages';

function numericId(req: Request, t: StaffToolkit, what: string): number {
  const raw = String((req.params as Record<string, string>)?.id ?? '');
  if (!/^\d{1,15}$/.test(raw)) t.fail(404, `No such ${what}.`);
  return Number(raw);
}

/** The follow-up form as a change; only fields present in the form change. */
function followUpChange(params: URLSearchParams, t: StaffToolkit): FollowUpChange {
  const change: FollowUpChange = {};
  const status = params.get('status');
  if (status !== null) {
    if (status !== 'new' && status !== 'done') t.fail(400, 'Status must be new or done.');
    change.status = status;
  }
  const owner = params.get('owner');
  if (owner !== null) {
    if (owner && !t.accounts.includes(owner)) t.fail(400, 'The owner must be one of the staff accounts.');
    change.owner = owner || null;
  }
  const outcome = params.get('outcome');
  if (outcome !== null) {
    if (outcome && !isOutcome(outcome)) t.fail(400, 'Unknown outcome.');
    change.outcome = outcome ? (outcome as FollowUpChange['outcome']) : null;
  }
  const note = params.get('note');
  if (note !== null && note.trim()) {
    if (note.length > MAX_NOTE_CHARS) t.fail(400, `The note is too long (at most ${MAX_NOTE_CHARS} characters).`);
    change.note = note;
  }
  return change;
}

export function registerWorkflowRoutes(server: Server, t: StaffToolkit): void {
  const { enquiries, review, outbox } = t.storage;
  registerDashboardRoutes(server, t);
  registerAuditRoutes(server, t);

  server.get(
    '/staff/notifications',
    t.guarded('page', async (_req, res, session) => {
      t.sendHtml(res, 200, notificationsPage(await t.pageContext(session), await outbox.recent(100), t.notifications?.health()));
    }),
  );

  server.get(
    '/staff/api/notifications',
    t.guarded('api', async (_req, res) =>
      t.sendJson(res, 200, { health: t.notifications?.health() ?? { status: 'off' }, items: await outbox.recent(100) }),
    ),
  );

  server.get(
    '/staff/enquiries/:id',
    t.guarded('page', async (req, res, session) => {
      const id = numericId(req, t, 'enquiry');
      const enquiry = await enquiries.get(id);
      if (!enquiry) t.fail(404, 'No such enquiry (it may have been deleted).');
      const conversation = await review.findConversation(enquiry.channelId, enquiry.conversationId);
      const notice = t.query(req).get('updated') ? 'Saved.' : undefined;
      t.sendHtml(
        res,
        200,
        enquiryPage(await t.pageContext(session), {
          enquiry,
          history: await enquiries.history(id),
          conversationRow: conversation?.id,
          accounts: t.accounts,
          notice,
        }),
      );
    }),
  );

  server.get(
    '/staff/api/enquiries/:id',
    t.guarded('api', async (req, res) => {
      const id = numericId(req, t, 'enquiry');
      const enquiry = await enquiries.get(id);
      if (!enquiry) t.fail(404, 'no such enquiry');
      t.sendJson(res, 200, { enquiry, history: await enquiries.history(id) });
    }),
  );

  server.post(
    '/staff/enquiries/:id',
    t.guarded(
      'page',
      async (req, res, session) => {
        const id = numericId(req, t, 'enquiry');
        const change = followUpChange(t.form(req), t);
        if (!(await enquiries.update(id, session.user, change))) t.fail(404, 'No such enquiry (it may have been deleted).');
        t.logger.info('staff followed up an enquiry', { user: session.user, enquiry: id, fields: Object.keys(change) });
        if (t.wantsHtml(req)) return t.redirect(res, `/staff/enquiries/${id}?updated=1`);
        t.sendJson(res, 200, { enquiry: await enquiries.get(id), history: await enquiries.history(id) });
      },
      { post: true },
    ),
  );
}
