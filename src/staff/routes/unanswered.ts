/**
 * Unanswered questions: the grouped list, and its download as candidate training lines or JSON.
 */
import type { Server } from 'restify';
import { trainingCandidates } from '../../storage/review';
import * as pages from '../pages';
import { HttpError, query, secure, sendHtml } from './helpers';
import type { StaffContext } from './context';

export function registerUnanswered(server: Server, ctx: StaffContext): void {
  const { review, pageContext, guarded, unansweredRange } = ctx;
  server.get(
    '/staff/unanswered',
    guarded('page', async (req, res, session) => {
      const range = unansweredRange(query(req));
      const handled = ctx.teaching?.handled();
      const groups = (await review.unanswered(range)).filter((g) => !handled?.has(g.key));
      sendHtml(res, 200, pages.unansweredPage(await pageContext(session), groups, range, undefined, Boolean(ctx.teaching)));
    }),
  );

  server.get(
    '/staff/unanswered/export',
    guarded('download', async (req, res) => {
      const params = query(req);
      const range = unansweredRange(params);
      const format = params.get('format') ?? 'txt';
      const groups = await review.unanswered(range, 5000);
      const base = `unanswered-${range.fromDate}-to-${range.toDate}`;
      secure(res);
      if (format === 'json') {
        return res.sendRaw(200, JSON.stringify(groups, null, 2), {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="${base}.json"`,
        });
      }
      if (format !== 'txt') throw new HttpError(400, 'format must be txt or json');
      res.sendRaw(200, trainingCandidates(groups, `${range.fromDate} to ${range.toDate}`), {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': `attachment; filename="${base}.txt"`,
      });
    }),
  );
}
