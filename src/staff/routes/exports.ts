/**
 * Exports of a date range of conversations, as CSV (one row per activity) or JSON, streamed.
 */
import type { Server } from 'restify';
import { formatDate } from '../html';
import { exportCsv, exportJson } from '../exports';
import { endOfDay, HttpError, parseDay, query, secure } from './helpers';
import type { StaffContext } from './context';

export function registerExports(server: Server, ctx: StaffContext): void {
  const { logger, review, guarded } = ctx;
  server.get(
    '/staff/export',
    guarded('download', async (req, res, session) => {
      const params = query(req);
      const format = params.get('format') ?? 'csv';
      if (format !== 'csv' && format !== 'json') throw new HttpError(400, 'format must be csv or json');
      const from = parseDay(params.get('from'), 'from');
      const to = endOfDay(parseDay(params.get('to'), 'to'));
      if (from !== undefined && to !== undefined && to <= from) throw new HttpError(400, '"to" must not be before "from"');
      const name = `clinic-transcripts-${params.get('from') || 'start'}-to-${params.get('to') || formatDate(new Date())}.${format}`;
      secure(res);
      res.writeHead(200, {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
      const write = (chunk: string) => (res.write(chunk) ? undefined : new Promise<void>((resolve) => res.once('drain', () => resolve())));
      const n = format === 'csv' ? await exportCsv(review, { from, to }, write) : await exportJson(review, { from, to }, write);
      res.end();
      logger.info('staff exported conversations', { user: session.user, format, conversations: n });
    }),
  );
}
