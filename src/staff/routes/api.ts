/**
 * The staff JSON API (/staff/api/…: conversations, one conversation, unanswered, enquiries), and a clean 404 for anything else under /staff.
 */
import type { Server } from 'restify';
import { conversationFilter, HttpError, query, sendJson } from './helpers';
import type { StaffContext } from './context';

export function registerApi(server: Server, ctx: StaffContext): void {
  const { review, enquiries, guarded, conversationOr404, unansweredRange, enquiryFilter } = ctx;
  server.get(
    '/staff/api/conversations',
    guarded('api', async (req, res) => {
      const { fromDate: _f, toDate: _t, ...filter } = conversationFilter(query(req));
      sendJson(res, 200, await review.listConversations(filter));
    }),
  );

  server.get(
    '/staff/api/conversations/:id',
    guarded('api', async (req, res) => {
      const c = await conversationOr404(req);
      sendJson(res, 200, {
        conversation: c,
        turns: await review.turns(c.id),
        enquiries: await enquiries.forConversation(c.channelId, c.conversationId),
      });
    }),
  );

  server.get(
    '/staff/api/unanswered',
    guarded('api', async (req, res) => sendJson(res, 200, { items: await review.unanswered(unansweredRange(query(req))) })),
  );

  server.get(
    '/staff/api/enquiries',
    guarded('api', async (req, res) => {
      sendJson(res, 200, await enquiries.list(enquiryFilter(query(req)).list));
    }),
  );

  // Anything else under /staff: a clean 404 (after the session check, so it reveals nothing).
  const notFound = guarded('api', () => {
    throw new HttpError(404, 'not found');
  });
  server.get('/staff/*', notFound);
  server.post('/staff/*', notFound);
}
