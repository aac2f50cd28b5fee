/**
 * Two-factor sign-in over HTTP on the real app: setting it up with a QR code drawn on the server, signing in with a
 * code from the authenticator app (accepted once) or a recovery code (used up), wrong codes, and accounts for which
 * STAFF_USERS makes it compulsory.
 */
import { expect } from 'chai';
import { generate } from 'otplib';
import type { RunningApp } from '../src/app';
import { ConfigError, parseStaffUsers } from '../src/config';
import { hashPassword } from '../src/staff/auth';
import { startTestApp } from './helpers';
import { postSignIn, staffGet, staffPost, StaffSession } from './staffSession';

const PASSWORD = 'correct horse battery staple';

function cookieOf(res: Response, name: string): string | undefined {
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`))
    ?.split(';')[0];
}

/** A code for `secret`, `stepsAhead` time steps from now (the app accepts ±1 step of clock drift). */
const codeFor = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });

describe('two-factor sign-in (HTTP)', function () {
  this.timeout(60_000);
  let app: RunningApp;
  let base: string;
  let bobRecovery: string[] = [];

  before(async () => {
    const hash = await hashPassword(PASSWORD);
    app = await startTestApp({ STAFF_USERS: `bob:${hash},carol:${hash}:2fa`, STAFF_SESSION_SECRET: 'z'.repeat(40), STAFF_LOGIN_RATE_LIMIT: '12' });
    base = `http://127.0.0.1:${app.port}`;
  });

  after(async () => {
    await app?.close();
  });

  /** Password sign-in; the session when no code is needed. */
  async function passwordOnly(name: string): Promise<StaffSession> {
    const res = await postSignIn(base, name, PASSWORD, '/staff/account');
    const cookie = cookieOf(res, 'clinic_staff')!;
    expect(cookie, 'a session cookie').to.be.a('string');
    const page = await (await fetch(`${base}/staff/account`, { headers: { cookie } })).text();
    return { base, cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page)![1] };
  }

  /** Sets up two-factor sign-in for a signed-in account; its secret and recovery codes. */
  async function setUp(s: StaffSession): Promise<{ secret: string; recovery: string[] }> {
    const page = await (await staffPost(s, '/staff/account/two-factor/start', {})).text();
    expect(page).to.match(/<div class="qr"><svg role="img" aria-label="QR code for your authenticator app"[^>]*>.*<path/s);
    expect(page).to.not.match(/<script|<img/i);
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page)![1].replace(/ /g, '');
    expect(
      (await staffPost(s, '/staff/account/two-factor/confirm', { code: '000000' === (await codeFor(secret)) ? '111111' : '000000' })).status,
    ).to.equal(400);
    const done = await staffPost(s, '/staff/account/two-factor/confirm', { code: await codeFor(secret) });
    expect(done.status).to.equal(200);
    const text = await done.text();
    expect(text).to.include('Two-factor sign-in is on.');
    const recovery = [...text.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]);
    expect(recovery).to.have.length(10);
    return { secret, recovery };
  }

  /** Password, then the code page; the response to the code. */
  async function withCode(name: string, code: string, next = '/staff/enquiries'): Promise<Response> {
    const first = await postSignIn(base, name, PASSWORD, next);
    expect(first.status).to.equal(303);
    expect(first.headers.get('location')).to.equal('/staff/login/code');
    expect(cookieOf(first, 'clinic_staff'), 'no session before the code').to.equal(undefined);
    const pending = cookieOf(first, 'clinic_staff_code')!;
    expect((await fetch(`${base}/staff/login/code`, { headers: { cookie: pending } })).status).to.equal(200);
    return fetch(`${base}/staff/login/code`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pending, accept: 'text/html' },
      body: new URLSearchParams({ code }).toString(),
    });
  }

  it('opt-in: set up with a QR code, then sign-in needs a code from the app, accepted once', async () => {
    const bob = await passwordOnly('bob');
    expect(await (await staffGet(bob, '/staff/account')).text()).to.include('Off: only your password protects your account.');
    const { secret, recovery } = await setUp(bob);
    bobRecovery = recovery;
    const next = await codeFor(secret, 1);
    const signedIn = await withCode('bob', next);
    expect(signedIn.status).to.equal(303);
    expect(signedIn.headers.get('location')).to.equal('/staff/enquiries');
    const cookie = cookieOf(signedIn, 'clinic_staff')!;
    expect((await fetch(`${base}/staff/enquiries`, { headers: { cookie } })).status).to.equal(200);
    const replay = await withCode('bob', next);
    expect(replay.status, 'the same code twice').to.equal(401);
    expect(await replay.text()).to.include('That code is not right (or was already used)');
    expect(cookieOf(replay, 'clinic_staff')).to.equal(undefined);
  });

  it('compulsory (name:hash:2fa): only the account page opens until it is set up; recovery codes work once; wrong codes run out', async () => {
    const carol = await passwordOnly('carol');
    const blocked = await staffGet(carol, '/staff/conversations', { accept: 'text/html' });
    expect(blocked.status).to.equal(303);
    expect(blocked.headers.get('location')).to.equal('/staff/account');
    expect((await staffGet(carol, '/staff/api/conversations')).status).to.equal(403);
    expect(await (await staffGet(carol, '/staff/account')).text()).to.include('Your account must use two-factor sign-in: set it up to continue.');
    const { secret, recovery } = await setUp(carol);
    expect((await staffGet(carol, '/staff/conversations')).status).to.equal(200);
    expect((await staffPost(carol, '/staff/account/two-factor/off', { code: await codeFor(secret, 1) })).status).to.equal(403);

    // A recovery code works once.
    const withRecovery = await withCode('carol', recovery[3].toUpperCase());
    expect(withRecovery.status).to.equal(303);
    expect((await withCode('carol', recovery[3])).status).to.equal(401);
    expect((await app.backend.secondFactors.get('carol'))!.recoveryHashes).to.have.length(9);

    // Five wrong codes end the pending sign-in.
    const first = await postSignIn(base, 'carol', PASSWORD);
    const pending = cookieOf(first, 'clinic_staff_code')!;
    const attempt = (code: string) =>
      fetch(`${base}/staff/login/code`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pending },
        body: new URLSearchParams({ code }).toString(),
      });
    for (let i = 0; i < 5; i++) expect((await attempt('123456')).status).to.equal(401);
    const late = await attempt(await codeFor(secret, -1));
    expect(late.status).to.equal(401);
    expect(await late.text()).to.include('sign in again');
  });

  it('turning it off needs a code (or a recovery code), and is recorded in the audit log', async () => {
    // bob's newest codes were used above (each is accepted once): he signs in with a recovery code.
    const res = await withCode('bob', bobRecovery[0]);
    const cookie = cookieOf(res, 'clinic_staff')!;
    const page = await (await fetch(`${base}/staff/account`, { headers: { cookie } })).text();
    const bob: StaffSession = { base, cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page)![1] };
    expect((await staffPost(bob, '/staff/account/two-factor/off', { code: '000001' })).status).to.equal(400);
    expect((await staffPost(bob, '/staff/account/two-factor/off', { code: 'not-a-code' })).status).to.equal(400);
    const ok = await staffPost(bob, '/staff/account/two-factor/off', { code: bobRecovery[1] });
    expect(ok.status).to.equal(200);
    expect(await ok.text()).to.include('Two-factor sign-in is off.');
    expect(await app.backend.secondFactors.get('bob')).to.equal(undefined);
    expect((await postSignIn(base, 'bob', PASSWORD)).headers.get('location')).to.equal('/staff/dashboard');
    const log = (await app.backend.audit.list({ user: 'bob' })).items.map((e) => e.action);
    expect(log).to.include.members(['turned on two-factor sign-in', 'turned off two-factor sign-in']);
  });

  // Last: it locks this client's address out of signing in for 15 minutes.
  it('wrong codes count against the sign-in rate limit: a known password does not buy endless guesses', async () => {
    let status = 0;
    let tries = 0;
    while (status !== 429 && tries < 30) {
      const first = await postSignIn(base, 'carol', PASSWORD);
      if (first.status === 429) break;
      const pending = cookieOf(first, 'clinic_staff_code')!;
      for (let i = 0; i < 5 && status !== 429; i++, tries++) {
        const res = await fetch(`${base}/staff/login/code`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pending },
          body: 'code=000000',
        });
        status = res.status;
      }
    }
    expect(tries, 'wrong codes before the limit').to.be.at.most(12);
    const again = await postSignIn(base, 'carol', PASSWORD);
    expect(again.status, 'the right password is refused too until the window passes').to.equal(429);
    expect(again.headers.get('retry-after')).to.match(/^\d+$/);
  });
});

describe('STAFF_USERS two-factor option', () => {
  const hash = 'scrypt.16384.8.1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';

  it('"name:hash:2fa" makes two-factor sign-in compulsory; anything else after the hash is refused', () => {
    const [alice, bob] = parseStaffUsers(`alice:${hash}:2fa, bob:${hash}`, 'STAFF_USERS');
    expect(alice).to.deep.equal({ name: 'alice', passwordHash: hash, requireTwoFactor: true });
    expect(bob).to.deep.equal({ name: 'bob', passwordHash: hash });
    expect(() => parseStaffUsers(`alice:${hash}:sms`, 'STAFF_USERS')).to.throw(ConfigError, /":2fa"/);
  });
});
