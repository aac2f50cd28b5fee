/**
 * Two-factor sign-in for staff: TOTP codes from an authenticator app (otplib; RFC 6238, 6 digits, 30 s), opt-in per
 * account on /staff/account, compulsory for accounts marked `name:hash:2fa` in STAFF_USERS.
 *
 *  - Setting up: a secret is generated and shown as a QR code drawn on the server (qrcode, inline SVG: no script, no
 *    external image) and as text; it is turned on only when the first code from the app checks out, and ten
 *    one-time recovery codes are shown once (only their SHA-256 hashes are kept).
 *  - Signing in: after the right password an account with a second factor gets no session yet, but a short-lived
 *    signed "code pending" cookie (5 minutes, 5 tries) for /staff/login/code, where a current code or a recovery code
 *    completes the sign-in. A code is accepted once (the time step is remembered), within ±1 step of clock drift;
 *    wrong codes count against the sign-in rate limit (STAFF_LOGIN_RATE_LIMIT) like wrong passwords.
 *  - Compulsory accounts that have not set one up can only reach /staff/account until they do.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toString as qrSvg } from 'qrcode';
import type { Request, Response, Server } from 'restify';
import type { StaffAccount } from '../config';
import type { SecondFactor, SecondFactorStore } from '../storage/secondFactors';
import { parseCookies } from './auth';
import { html, Html, layout } from './html';
import { PageContext, shell } from './pages';
import type { StaffToolkit } from './toolkit';

export const CODE_COOKIE = 'clinic_staff_code';
const PENDING_MS = 5 * 60_000;
const MAX_TRIES = 5;
const RECOVERY_CODES = 10;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** "abcde-fghij": 50 bits from a 32-letter alphabet without look-alikes. */
function recoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normaliseRecovery = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

export class TwoFactor {
  /** Wrong codes per pending sign-in (by its signature). */
  private readonly tries = new Map<string, number>();

  constructor(
    readonly store: SecondFactorStore,
    private readonly accounts: StaffAccount[],
    private readonly signingSecret: string,
    private readonly issuer: string,
  ) {}

  required(user: string): boolean {
    return Boolean(this.accounts.find((a) => a.name === user)?.requireTwoFactor);
  }

  async enabled(user: string): Promise<boolean> {
    return Boolean((await this.store.get(user))?.enabledAt);
  }

  /** The signed value of the code-pending cookie. */
  pending(user: string, next: string, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ u: user, n: next, e: now + PENDING_MS })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  readPending(value: string | undefined, now = Date.now()): { user: string; next: string; key: string } | undefined {
    const [body, mac] = (value ?? '').split('.');
    if (!body || !mac) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const { u, n, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { u: string; n: string; e: number };
      if (typeof u !== 'string' || typeof e !== 'number' || e < now || (this.tries.get(mac) ?? 0) >= MAX_TRIES) return undefined;
      return { user: u, next: typeof n === 'string' ? n : '', key: mac };
    } catch {
      return undefined;
    }
  }

  /** Counts a wrong code against a pending sign-in; false once it has no tries left. */
  failed(key: string): boolean {
    const n = (this.tries.get(key) ?? 0) + 1;
    this.tries.set(key, n);
    if (this.tries.size > 10_000) this.tries.clear();
    return n < MAX_TRIES;
  }

  private sign(body: string): string {
    return createHmac('sha256', `${this.signingSecret}:two-factor`).update(body).digest('base64url');
  }

  /** A current TOTP code (each accepted once) or an unused recovery code (then used up). */
  async check(user: string, code: string): Promise<'code' | 'recovery' | undefined> {
    const record = await this.store.get(user);
    if (!record?.enabledAt) return undefined;
    const digits = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(digits)) {
      const result = await this.verifyCode(record, digits);
      if (!result) return undefined;
      await this.store.put(user, { ...record, lastTimeStep: result });
      return 'code';
    }
    const hash = sha256(normaliseRecovery(code));
    if (!record.recoveryHashes.includes(hash)) return undefined;
    await this.store.put(user, { ...record, recoveryHashes: record.recoveryHashes.filter((h) => h !== hash) });
    return 'recovery';
  }

  /** The accepted time step, or undefined. */
  private async verifyCode(record: SecondFactor, token: string): Promise<number | undefined> {
    const result = (await verify({
      secret: record.secret,
      token,
      epochTolerance: 30,
      ...(record.lastTimeStep !== undefined ? { afterTimeStep: record.lastTimeStep } : {}),
    })) as {
      valid: boolean;
      timeStep?: number;
    };
    return result.valid ? (result.timeStep ?? Math.floor(Date.now() / 30_000)) : undefined;
  }

  /** A new pending secret (replacing any pending one; a second factor already on stays on until confirmed). */
  async start(user: string): Promise<{ secret: string; uri: string; qr: string }> {
    const current = await this.store.get(user);
    if (current?.enabledAt) throw new Error('two-factor sign-in is already on');
    const secret = generateSecret();
    await this.store.put(user, { secret, recoveryHashes: [] });
    const uri = generateURI({ issuer: this.issuer, label: user, secret });
    return { secret, uri, qr: await qrSvg(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) };
  }

  /** Turns the pending secret on with its first code; the recovery codes, or undefined for a wrong code. */
  async confirm(user: string, code: string): Promise<string[] | undefined> {
    const record = await this.store.get(user);
    if (!record || record.enabledAt || !/^\d{6}$/.test(code.replace(/\s/g, ''))) return undefined;
    const step = await this.verifyCode(record, code.replace(/\s/g, ''));
    if (!step) return undefined;
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    await this.store.put(user, {
      secret: record.secret,
      enabledAt: Date.now(),
      lastTimeStep: step,
      recoveryHashes: codes.map((c) => sha256(normaliseRecovery(c))),
    });
    return codes;
  }

  async turnOff(user: string, code: string): Promise<boolean> {
    if (this.required(user) || !(await this.check(user, code))) return false;
    await this.store.remove(user);
    return true;
  }
}

function codePage(error?: string): string {
  return layout(
    { title: 'Sign in: code' },
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/staff/login/code" class="login">
        <label>Code from your authenticator app <input name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="20" autofocus></label>
        <p class="small muted">No phone? Enter one of your recovery codes instead.</p>
        <button type="submit">Sign in</button>
      </form>
      <p><a href="/staff/login">Start again</a></p>`,
  );
}

interface AccountView {
  /** The set-up steps (QR code and confirmation form). */
  setup?: Html;
  notice?: string;
  /** Shown once, right after turning two-factor sign-in on. */
  recoveryCodes?: string[];
}

function accountPage(ctx: PageContext, state: { enabled: boolean; required: boolean; recoveryLeft: number }, view: AccountView = {}): string {
  const extra = view.setup;
  return shell(
    ctx,
    'Your account',
    'account',
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
      <h2>Two-factor sign-in</h2>
      ${
        view.recoveryCodes
          ? html`<div class="box" role="status"><p><strong>Two-factor sign-in is on.</strong> Keep these recovery codes somewhere safe: each one signs you in once if you lose your phone. They are not shown again.</p>
              <ul class="recovery">${view.recoveryCodes.map((c) => html`<li><code>${c}</code></li>`)}</ul></div>`
          : ''
      }
      ${
        state.enabled
          ? html`<p>On: signing in asks for a code from your authenticator app. ${state.recoveryLeft} recovery code(s) left.</p>
            ${
              state.required
                ? html`<p class="muted">Your account must use two-factor sign-in (STAFF_USERS).</p>`
                : html`<form method="post" action="/staff/account/two-factor/off" class="filters">
                    <input type="hidden" name="csrf" value="${ctx.csrf}">
                    <label>Current code (or a recovery code) <input name="code" required maxlength="20" autocomplete="one-time-code"></label>
                    <button type="submit" class="danger">Turn off</button>
                  </form>`
            }`
          : html`<p>${state.required ? html`<strong>Your account must use two-factor sign-in: set it up to continue.</strong>` : 'Off: only your password protects your account.'}</p>
            ${extra || html`<form method="post" action="/staff/account/two-factor/start"><input type="hidden" name="csrf" value="${ctx.csrf}"><button type="submit">Set up two-factor sign-in</button></form>`}`
      }`,
  );
}

export function registerTwoFactorRoutes(server: Server, t: StaffToolkit, twoFactor: TwoFactor): void {
  const state = async (user: string) => {
    const record = await twoFactor.store.get(user);
    return { enabled: Boolean(record?.enabledAt), required: twoFactor.required(user), recoveryLeft: record?.recoveryHashes.length ?? 0 };
  };

  server.get('/staff/login/code', async (req: Request, res: Response) => {
    if (!twoFactor.readPending(parseCookies(req.headers.cookie)[CODE_COOKIE])) return t.redirect(res, '/staff/login');
    t.sendHtml(res, 200, codePage());
  });

  server.post('/staff/login/code', async (req: Request, res: Response) => {
    const pending = twoFactor.readPending(parseCookies(req.headers.cookie)[CODE_COOKIE]);
    if (!pending)
      return t.sendHtml(
        res,
        401,
        layout({ title: 'Sign in' }, html`<p class="error" role="alert">The sign-in expired. Please <a href="/staff/login">sign in again</a>.</p>`),
      );
    // Wrong codes count against the account's sign-in rate limit too, so a known password cannot buy endless guesses.
    const decision = t.loginLimiter.begin(t.clientAddress(req), pending.user);
    if (!decision.allowed) {
      const wait = decision.retryAfterSeconds;
      res.setHeader('Retry-After', String(wait));
      return t.sendHtml(res, 429, codePage(`Too many failed sign-ins. Please try again in ${Math.ceil(wait / 60)} minute(s).`));
    }
    const code = (t.form(req).get('code') ?? '').slice(0, 40);
    const used = code ? await twoFactor.check(pending.user, code) : undefined;
    if (!used) {
      decision.attempt.failed();
      const more = twoFactor.failed(pending.key);
      t.logger.warn('staff sign-in code wrong', { user: pending.user });
      return t.sendHtml(
        res,
        401,
        more
          ? codePage('That code is not right (or was already used). Try the newest code.')
          : layout(
              { title: 'Sign in' },
              html`<p class="error" role="alert">Too many wrong codes. Please <a href="/staff/login">sign in again</a>.</p>`,
            ),
      );
    }
    decision.attempt.succeeded();
    if (used === 'recovery') t.logger.warn('staff signed in with a recovery code', { user: pending.user });
    await t.startSession(req, res, pending.user, pending.next, [t.cookie(req, CODE_COOKIE, '', 0, '/staff/login')]);
  });

  server.get(
    '/staff/account',
    t.guarded('page', async (_req, res, session) => t.sendHtml(res, 200, accountPage(await t.pageContext(session), await state(session.user)))),
  );

  server.post(
    '/staff/account/two-factor/start',
    t.guarded(
      'page',
      async (_req, res, session) => {
        if (await twoFactor.enabled(session.user)) return t.redirect(res, '/staff/account');
        const setup = await twoFactor.start(session.user);
        const ctx = await t.pageContext(session);
        t.sendHtml(
          res,
          200,
          accountPage(ctx, await state(session.user), {
            setup: html`<ol>
              <li>Open your authenticator app (Microsoft Authenticator, Google Authenticator, 1Password, …) and scan this code:
                <div class="qr">${new Html(setup.qr.replace('<svg ', '<svg role="img" aria-label="QR code for your authenticator app" width="200" height="200" '))}</div>
                or type this key: <code class="secret">${setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code></li>
              <li>Enter the 6-digit code the app shows:
                <form method="post" action="/staff/account/two-factor/confirm" class="filters">
                  <input type="hidden" name="csrf" value="${ctx.csrf}">
                  <label>Code <input name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="10"></label>
                  <button type="submit">Turn on</button>
                </form></li>
            </ol>`,
          }),
        );
      },
      { post: true },
    ),
  );

  server.post(
    '/staff/account/two-factor/confirm',
    t.guarded(
      'page',
      async (req, res, session) => {
        const codes = await twoFactor.confirm(session.user, t.form(req).get('code') ?? '');
        if (!codes) t.fail(400, 'That code is not right. Set up again and enter the newest code from the app.');
        await t.audit.write({ at: new Date(), user: session.user, action: 'turned on two-factor sign-in' });
        t.sendHtml(res, 200, accountPage(await t.pageContext(session), await state(session.user), { recoveryCodes: codes }));
      },
      { post: true },
    ),
  );

  server.post(
    '/staff/account/two-factor/off',
    t.guarded(
      'page',
      async (req, res, session) => {
        if (twoFactor.required(session.user)) t.fail(403, 'Your account must use two-factor sign-in (STAFF_USERS), so it cannot be turned off here.');
        if (!(await twoFactor.turnOff(session.user, t.form(req).get('code') ?? ''))) t.fail(400, 'That code is not right.');
        await t.audit.write({ at: new Date(), user: session.user, action: 'turned off two-factor sign-in' });
        t.sendHtml(res, 200, accountPage(await t.pageContext(session), await state(session.user), { notice: 'Two-factor sign-in is off.' }));
      },
      { post: true },
    ),
  );
}
