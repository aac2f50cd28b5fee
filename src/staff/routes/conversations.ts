/**
 * Conversations: the filtered list, one transcript by turns, its .transcript download, and deleting it.
 */
import type { Server } from 'restify';
import * as pages from '../pages';
import { withTiers } from './urgent';
import { safeFilePart } from '../exports';
import { conversationFilter, HttpError, query, redirect, rowId, secure, sendHtml, sendJson, wantsHtml } from './helpers';
import type { StaffContext } from './context';

export function registerConversations(server: Server, ctx: StaffContext): void {
  const { logger, storage, review, enquiries, pageContext, guarded, conversationOr404 } = ctx;
  server.get(
    '/staff/conversations',
    guarded('page', async (req, res, session) => {
      const params = query(req);
      let filter: ReturnType<typeof conversationFilter> = {};
      let error: string | undefined;
      let status = 200;
      try {
        filter = conversationFilter(params);
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        error = err.message;
        status = err.status;
      }
      const page = error ? { items: [] } : await review.listConversations(filter);
      await withTiers(review, page.items);
      const notice = params.get('deleted') === '1' ? 'The conversation was deleted.' : undefined;
      sendHtml(res, status, pages.conversationsPage(await pageContext(session), { filter, page, channels: await review.channels(), error, notice }));
    }),
  );

  server.get(
    '/staff/conversations/:id',
    guarded('page', async (req, res, session) => {
      const c = await conversationOr404(req);
      await withTiers(review, [c]);
      sendHtml(
        res,
        200,
        pages.transcriptPage(await pageContext(session), c, await review.turns(c.id), await enquiries.forConversation(c.channelId, c.conversationId)),
      );
    }),
  );

  server.get(
    '/staff/conversations/:id/transcript',
    guarded('download', async (req, res, session) => {
      const c = await conversationOr404(req);
      const file = await review.transcriptFile(c.id);
      logger.info('staff exported a transcript', { user: session.user, conversation: c.id });
      secure(res);
      res.sendRaw(200, JSON.stringify(file, null, 2), {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${safeFilePart(c.channelId)}-${safeFilePart(c.conversationId)}.transcript"`,
      });
    }),
  );

  server.get(
    '/staff/conversations/:id/delete',
    guarded('page', async (req, res, session) =>
      sendHtml(res, 200, pages.deleteConfirmPage(await pageContext(session), await conversationOr404(req))),
    ),
  );

  server.post(
    '/staff/conversations/:id/delete',
    guarded(
      'page',
      async (req, res, session) => {
        const deleted = await storage.deleteConversation(rowId(req));
        if (!deleted) throw new HttpError(404, 'No such conversation (it may have been deleted already).');
        logger.info('staff deleted a conversation', {
          user: session.user,
          conversation: rowId(req),
          activities: deleted.activities,
          enquiries: deleted.enquiries,
        });
        if (wantsHtml(req)) return redirect(res, '/staff/conversations?deleted=1');
        sendJson(res, 200, { deleted });
      },
      { post: true },
    ),
  );
}
