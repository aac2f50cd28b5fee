/**
 * Teaching the running bot from the staff pages and the JSON API (src/teach): teach one message (from the Unanswered
 * list or a transcript turn), preview, apply or save as draft, the change log with revert, and the model's version.
 * Every change needs the session's CSRF token (the form field, or the x-csrf-token header for the API).
 */
import type { Request, Response, Server } from 'restify';
import type { LiveTeaching, TeachInput, TeachResult } from '../../teach/live';
import { TeachError } from '../../teach/live';
import * as teachPages from '../teachPages';
import type { StaffContext } from './context';
import { form, HttpError, query, redirect, sendHtml, sendJson } from './helpers';

/** The request's JSON object (the API), or its form fields (the pages). */
export function bodyOf(req: Request): Record<string, unknown> {
  const body = (req as { body?: unknown }).body;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body) && !Array.isArray(body)) return body as Record<string, unknown>;
  return Object.fromEntries(form(req).entries());
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Only same-site staff pages as the "back" link. */
const backOf = (v: unknown) => (typeof v === 'string' && /^\/staff\/[\w/?=&%.-]*$/.test(v) ? v : '/staff/unanswered');

export function inputOf(kind: string, b: Record<string, unknown>): TeachInput {
  switch (kind) {
    case 'example':
      return { kind, text: str(b.text), intent: str(b.intent) };
    case 'alias':
      return { kind, alias: str(b.alias), condition: str(b.condition) };
    case 'out_of_scope':
    case 'dismiss':
      return { kind, text: str(b.text) };
    default:
      throw new HttpError(400, 'kind must be example, alias, out_of_scope or dismiss');
  }
}

export function teachingOr503(ctx: StaffContext): LiveTeaching {
  if (!ctx.teaching) throw new HttpError(503, 'teaching is not available on this instance');
  return ctx.teaching;
}

/** TeachErrors as HTTP errors (400 with the message). */
export async function teachCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof TeachError) throw new HttpError(err.status, err.message);
    throw err;
  }
}

const STATUS: Record<TeachResult['status'], number> = { applied: 200, draft: 200, refused: 409 };

function sendResult(res: Response, r: TeachResult): void {
  sendJson(res, STATUS[r.status], { ...r, ...(r.status === 'refused' ? { error: r.message } : {}) });
}

export function registerTeach(server: Server, ctx: StaffContext): void {
  const { guarded, pageContext } = ctx;

  server.get(
    '/staff/api/session',
    guarded('api', (_req, res, session) => sendJson(res, 200, { user: session.user, csrf: session.csrf })),
  );
  server.get(
    '/staff/api/model',
    guarded('api', (_req, res) => sendJson(res, 200, teachingOr503(ctx).info())),
  );
  server.get(
    '/staff/api/training/changes',
    guarded('api', async (_req, res) => sendJson(res, 200, await teachingOr503(ctx).log())),
  );

  const apiTeach = (kind: string) =>
    guarded(
      'api',
      async (req, res, session) => {
        const body = bodyOf(req);
        const mode = body.draft === true || body.draft === 'true' ? 'draft' : 'apply';
        sendResult(res, await teachCall(() => teachingOr503(ctx).teach(inputOf(kind, body), session.user, mode)));
      },
      { post: true },
    );
  server.post('/staff/api/training/examples', apiTeach('example'));
  server.post('/staff/api/training/aliases', apiTeach('alias'));
  server.post('/staff/api/training/out-of-scope', apiTeach('out_of_scope'));
  server.post('/staff/api/training/dismissals', apiTeach('dismiss'));
  server.post(
    '/staff/api/training/changes/:id/revert',
    guarded('api', async (req, res, session) => sendResult(res, await teachCall(() => teachingOr503(ctx).revert(changeId(req), session.user))), {
      post: true,
    }),
  );
  server.post(
    '/staff/api/training/changes/:id/apply',
    guarded('api', async (req, res, session) => sendResult(res, await teachCall(() => teachingOr503(ctx).applyDraft(changeId(req), session.user))), {
      post: true,
    }),
  );

  // Pages.
  server.get(
    '/staff/teach',
    guarded('page', async (req, res, session) => {
      const teaching = teachingOr503(ctx);
      const params = query(req);
      const text = (params.get('text') ?? '').trim();
      if (!text) throw new HttpError(400, 'Choose a message to teach from the Unanswered list or a conversation.');
      sendHtml(
        res,
        200,
        teachPages.teachPage(await pageContext(session), {
          text,
          now: teaching.recognize(text),
          intents: teaching.intents(),
          conditions: teaching.knowledge.conditions,
          back: backOf(params.get('back')),
        }),
      );
    }),
  );
  server.post(
    '/staff/teach/preview',
    guarded(
      'page',
      async (req, res, session) => {
        const b = bodyOf(req);
        const input = inputOf(str(b.kind), b);
        const preview = await teachCall(() => teachingOr503(ctx).preview(input, str(b.text) || str(b.alias)));
        sendHtml(res, 200, teachPages.previewPage(await pageContext(session), input, str(b.text) || str(b.alias), preview, backOf(b.back)));
      },
      { post: true },
    ),
  );
  server.post(
    '/staff/teach/apply',
    guarded(
      'page',
      async (req, res, session) => {
        const b = bodyOf(req);
        const input = inputOf(str(b.kind), b);
        const result = await teachCall(() => teachingOr503(ctx).teach(input, session.user, b.mode === 'draft' ? 'draft' : 'apply'));
        sendHtml(res, result.status === 'refused' ? 409 : 200, teachPages.resultPage(await pageContext(session), input, result, backOf(b.back)));
      },
      { post: true },
    ),
  );
  server.get(
    '/staff/teaching',
    guarded('page', async (_req, res, session) => {
      const teaching = teachingOr503(ctx);
      sendHtml(res, 200, teachPages.changesPage(await pageContext(session), (await teaching.log()).changes, teaching.info()));
    }),
  );
  const pageAction = (action: 'revert' | 'apply') =>
    guarded(
      'page',
      async (req, res, session) => {
        const teaching = teachingOr503(ctx);
        const id = changeId(req);
        const r = await teachCall(() => (action === 'revert' ? teaching.revert(id, session.user) : teaching.applyDraft(id, session.user)));
        if (r.status === 'refused')
          return sendHtml(res, 409, teachPages.changesPage(await pageContext(session), (await teaching.log()).changes, teaching.info(), r.message));
        redirect(res, '/staff/teaching');
      },
      { post: true },
    );
  server.post('/staff/teaching/:id/revert', pageAction('revert'));
  server.post('/staff/teaching/:id/apply', pageAction('apply'));
}

function changeId(req: Request): number {
  const raw = String((req.params as Record<string, string>)?.id ?? '');
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(404, 'no such change');
  return Number(raw);
}

export type { Request, Response };
