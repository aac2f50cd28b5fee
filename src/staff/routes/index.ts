/**
 * Staff review at /staff, on the bot's restify server, one module per concern: sign-in, conversations, exports,
 * unanswered questions, enquiries and the JSON API, sharing one context (context.ts) and the HTTP helpers.
 *
 * Pages (HTML) redirect to the sign-in page without a session; the JSON API (/staff/api/…) and the
 * exports answer 401. Only the session cookie authenticates: an Authorization header (a Direct Line
 * or channel token) is ignored. Every POST needs the session's CSRF token. With no staff accounts
 * configured, every /staff URL answers 404 and start-up logs that the staff pages are off.
 */
import type { Request, Response, Server } from 'restify';
import { registerApi } from './api';
import { createStaffContext, StaffDeps } from './context';
import { registerConversations } from './conversations';
import { registerEnquiries } from './enquiries';
import { registerExports } from './exports';
import { sendJson } from './helpers';
import { registerSignIn } from './signIn';
import { registerUnanswered } from './unanswered';
import { registerUrgent } from './urgent';
import { registerTeach } from './teach';
import { registerClinic } from './clinic';
import { staffToolkit } from '../toolkit';
import { registerTwoFactorRoutes } from '../totp';
import { registerWorkflowRoutes } from '../workflow';

export type { StaffDeps } from './context';
export { LOGIN_COOKIE, parseDay, SESSION_COOKIE } from './helpers';

export function registerStaffRoutes(server: Server, deps: StaffDeps): void {
  const ctx = createStaffContext(deps);
  registerSignIn(server, ctx);
  registerConversations(server, ctx);
  registerExports(server, ctx);
  registerUrgent(server, ctx, deps.safetyTiers ?? []);
  registerUnanswered(server, ctx);
  registerEnquiries(server, ctx);
  registerTeach(server, ctx);
  registerClinic(server, ctx);
  // Dashboard, notifications, enquiry follow-up, audit log, two-factor sign-in (../workflow.ts, ../totp.ts).
  const toolkit = staffToolkit(ctx);
  registerWorkflowRoutes(server, toolkit);
  registerTwoFactorRoutes(server, toolkit, ctx.twoFactor);
  // Last: its catch-all 404 must come after every other /staff route.
  registerApi(server, ctx);
}

/** With no staff accounts, /staff answers 404 with the reason (and start-up logs it). */
export function registerStaffOff(server: Server): void {
  const off = async (_req: Request, res: Response) =>
    sendJson(res, 404, { error: 'staff review is off: no staff accounts are configured (STAFF_USERS)' });
  server.get('/staff', off);
  server.get('/staff/*', off);
  server.post('/staff/*', off);
}
