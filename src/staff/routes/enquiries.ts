/**
 * Booking and call-back enquiries: the list by status and owner, and marking one done (or new again). One enquiry's
 * follow-up page is in ../workflow.ts.
 */
import type { Server } from 'restify';
import * as pages from '../pages';
import { form, HttpError, query, redirect, sendHtml, sendJson, wantsHtml } from './helpers';
import type { StaffContext } from './context';

export function registerEnquiries(server: Server, ctx: StaffContext): void {
  const { logger, review, enquiries, pageContext, guarded, enquiryFilter, accounts } = ctx;
  server.get(
    '/staff/enquiries',
    guarded('page', async (req, res, session) => {
      const params = query(req);
      const filter = enquiryFilter(params);
      const page = await enquiries.list(filter.list);
      const items = await Promise.all(
        page.items.map(async (e) => ({ ...e, conversationRow: (await review.findConversation(e.channelId, e.conversationId))?.id })),
      );
      const notice = params.get('updated') ? `Enquiry ${params.get('updated')} updated.` : undefined;
      sendHtml(
        res,
        200,
        pages.enquiriesPage(await pageContext(session), { items, status: filter.status, owner: filter.owner, accounts, next: page.next, notice }),
      );
    }),
  );

  server.post(
    '/staff/enquiries/:id/status',
    guarded(
      'page',
      async (req, res, session) => {
        const id = String((req.params as Record<string, string>)?.id ?? '');
        const status = form(req).get('status');
        if (!/^\d{1,15}$/.test(id)) throw new HttpError(404, 'no such enquiry');
        if (status !== 'done' && status !== 'new') throw new HttpError(400, 'status must be done or new');
        if (!(await enquiries.update(Number(id), session.user, { status }))) throw new HttpError(404, 'no such enquiry');
        logger.info('staff updated an enquiry', { user: session.user, enquiry: Number(id), status });
        if (wantsHtml(req)) return redirect(res, `/staff/enquiries?status=${status === 'done' ? 'new' : 'done'}&updated=${id}`);
        sendJson(res, 200, { id: Number(id), status });
      },
      { post: true },
    ),
  );
}
