/**
 * Staff sign-in: the stylesheet and icon, /staff, the sign-in form and its POST (nonce-checked; attempts limited per
 * address and account before the password is checked, see signinLimiter.ts), sign-out.
 */
import type { Server } from 'restify';
import { checkCredentials, cookie, parseCookies } from '../auth';
import { CODE_COOKIE } from '../totp';
import { FAVICON, STYLESHEET } from '../html';
import * as pages from '../pages';
import { form, LOGIN_COOKIE, query, redirect, safeNext, secure, sendHtml, sendJson, SESSION_COOKIE, wantsHtml } from './helpers';
import type { StaffContext } from './context';

export function registerSignIn(server: Server, ctx: StaffContext): void {
  const { config, logger, sessions, limiter, proxy, sessionCookie, loginCookie, sessionOf, guarded, twoFactor, startSession, secureFor } = ctx;
  server.get('/staff/style.css', async (_req, res) => {
    secure(res);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendRaw(200, STYLESHEET, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  server.get('/staff/favicon.svg', async (_req, res) => {
    secure(res);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendRaw(200, FAVICON, { 'Content-Type': 'image/svg+xml' });
  });

  server.get('/staff', async (req, res) => redirect(res, (await sessionOf(req)) ? '/staff/dashboard' : '/staff/login'));

  // --- sign-in ---
  server.get('/staff/login', async (req, res) => {
    if (await sessionOf(req)) return redirect(res, '/staff/dashboard');
    const nonce = sessions.loginNonce();
    res.setHeader('Set-Cookie', loginCookie(req, nonce.cookie, 3600));
    sendHtml(res, 200, pages.loginPage({ nonce: nonce.field, next: safeNext(query(req).get('next')) }));
  });

  server.post('/staff/login', async (req, res) => {
    const params = form(req);
    const name = (params.get('name') ?? '').trim().slice(0, 64);
    const password = params.get('password') ?? '';
    const next = safeNext(params.get('next'));
    const html = wantsHtml(req);
    const again = (status: number, error: string, extra: Record<string, string> = {}) => {
      const nonce = sessions.loginNonce();
      res.setHeader('Set-Cookie', loginCookie(req, nonce.cookie, 3600));
      for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
      if (html) return sendHtml(res, status, pages.loginPage({ nonce: nonce.field, next, error, name }));
      return sendJson(res, status, { error });
    };
    const ip = proxy.clientAddress(req);
    if (!sessions.checkLoginNonce(parseCookies(req.headers.cookie)[LOGIN_COOKIE], params.get('nonce'))) {
      return again(403, 'The sign-in form expired. Please sign in again.');
    }
    // Counted before the password is checked, so that a burst of concurrent attempts cannot all be checked.
    const decision = limiter.begin(ip, name);
    if (!decision.allowed) {
      const wait = decision.retryAfterSeconds;
      logger.warn('staff sign-in rate limited', { user: name || undefined, ip });
      return again(429, `Too many sign-in attempts. Please try again in ${Math.ceil(wait / 60)} minute(s).`, { 'Retry-After': String(wait) });
    }
    const { attempt } = decision;
    if (attempt.delayMs > 0) await new Promise((r) => setTimeout(r, attempt.delayMs));
    const account = name && password ? await checkCredentials(config.users, name, password.slice(0, 200)) : undefined;
    if (!account) {
      attempt.failed();
      logger.warn('staff sign-in failed', { user: name || undefined, ip });
      return again(401, 'Wrong name or password.');
    }
    if (await twoFactor.enabled(account.name)) {
      // The password was right; the session starts once a code from the authenticator app is (see ../totp.ts).
      // The attempt stays counted until a code is right too, so a known password does not buy endless code guesses.
      return redirect(res, '/staff/login/code', [
        cookie(CODE_COOKIE, twoFactor.pending(account.name, next), { maxAgeSeconds: 300, secure: secureFor(req), path: '/staff/login' }),
        loginCookie(req, '', 0),
      ]);
    }
    attempt.succeeded();
    await startSession(req, res, account.name, next, [loginCookie(req, '', 0)]);
  });

  server.post(
    '/staff/logout',
    guarded(
      'page',
      async (req, res, session) => {
        await sessions.end(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
        logger.info('staff signed out', { user: session.user });
        redirect(res, '/staff/login', [sessionCookie(req, '', 0)]);
      },
      { post: true },
    ),
  );
}
