/**
 * The clinic's own details and FAQ entries (src/teach): the page, and the same as JSON under /staff/api/clinic.
 * Saving details changes what the bot says at once (no retraining); an FAQ entry is trained as its own intent and
 * goes through the regression gate like any taught change.
 */
import type { Server } from 'restify';
import type { ClinicDetails } from '../../knowledge/types';
import { CLINIC_FIELDS } from '../../teach/taught';
import * as teachPages from '../teachPages';
import type { StaffContext } from './context';
import { HttpError, redirect, sendHtml, sendJson, wantsHtml } from './helpers';
import { bodyOf, teachCall, teachingOr503 } from './teach';

export function registerClinic(server: Server, ctx: StaffContext): void {
  const { guarded, pageContext } = ctx;

  /** The clinic's details as staff set them (placeholders included: the page marks them). */
  const rawClinic = (): ClinicDetails => {
    const teaching = teachingOr503(ctx);
    return { ...teaching.baseClinic(), ...teaching.taughtNow().clinic };
  };

  server.get(
    '/staff/clinic',
    guarded('page', async (_req, res, session) =>
      sendHtml(res, 200, teachPages.clinicPage(await pageContext(session), rawClinic(), teachingOr503(ctx).taughtNow().faqs)),
    ),
  );
  server.get(
    '/staff/api/clinic',
    guarded('api', (_req, res) => sendJson(res, 200, { clinic: rawClinic(), faqs: teachingOr503(ctx).taughtNow().faqs })),
  );

  const saveDetails = guarded(
    'page',
    async (req, res, session) => {
      const b = bodyOf(req);
      const current = rawClinic();
      const changed: Record<string, string> = {};
      const previous: Record<string, string> = {};
      for (const f of CLINIC_FIELDS) {
        if (typeof b[f] === 'string' && (b[f] as string).trim() !== current[f]) {
          changed[f] = b[f] as string;
          previous[f] = current[f];
        }
      }
      const html = wantsHtml(req);
      if (!Object.keys(changed).length) {
        if (html) return redirect(res, '/staff/clinic');
        throw new HttpError(400, 'nothing to change');
      }
      const r = await teachCall(() => teachingOr503(ctx).teach({ kind: 'clinic', clinic: changed, previous }, session.user));
      if (html)
        return sendHtml(res, 200, teachPages.clinicPage(await pageContext(session), rawClinic(), teachingOr503(ctx).taughtNow().faqs, r.message));
      sendJson(res, 200, r);
    },
    { post: true },
  );
  server.post('/staff/clinic', saveDetails);
  server.post('/staff/api/clinic', saveDetails);

  const addFaq = guarded(
    'page',
    async (req, res, session) => {
      const b = bodyOf(req);
      const questions = Array.isArray(b.questions) ? (b.questions as string[]) : String(b.questions ?? '').split(/\r?\n/);
      const r = await teachCall(() =>
        teachingOr503(ctx).teach({ kind: 'faq', faq: { title: String(b.title ?? ''), questions, answer: String(b.answer ?? '') } }, session.user),
      );
      if (wantsHtml(req)) {
        const page = teachPages.clinicPage(
          await pageContext(session),
          rawClinic(),
          teachingOr503(ctx).taughtNow().faqs,
          r.status === 'applied' ? r.message : undefined,
          r.status === 'refused' ? r.message : undefined,
        );
        return sendHtml(res, r.status === 'refused' ? 409 : 200, page);
      }
      sendJson(res, r.status === 'refused' ? 409 : 200, r);
    },
    { post: true },
  );
  server.post('/staff/clinic/faq', addFaq);
  server.post('/staff/api/clinic/faq', addFaq);
  server.post(
    '/staff/clinic/faq/:id/remove',
    guarded(
      'page',
      async (req, res, session) => {
        const id = String((req.params as Record<string, string>)?.id ?? '');
        await teachCall(() => teachingOr503(ctx).teach({ kind: 'faq_remove', faqId: id }, session.user));
        redirect(res, '/staff/clinic');
      },
      { post: true },
    ),
  );
}
