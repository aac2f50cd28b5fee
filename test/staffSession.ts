/**
 * Signing in to the staff pages from a test, as a browser does (the sign-in form's nonce cookie, then the form
 * post), and requests with the session cookie and CSRF token.
 */
export interface StaffSession {
  base: string;
  cookie: string;
  csrf: string;
}

function cookieOf(res: Response, name: string): string | undefined {
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
}

/** Posts the sign-in form; the raw response (303 to `next` on success). */
export async function postSignIn(base: string, name: string, password: string, next = ''): Promise<Response> {
  const form = await fetch(`${base}/staff/login`);
  const nonceCookie = cookieOf(form, 'clinic_staff_login')!;
  const nonce = /name="nonce" value="([^"]+)"/.exec(await form.text())![1];
  return fetch(`${base}/staff/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonceCookie, accept: 'text/html' },
    body: new URLSearchParams({ name, password, nonce, next }).toString(),
  });
}

export async function staffSignIn(base: string, name: string, password: string): Promise<StaffSession> {
  const res = await postSignIn(base, name, password);
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  const cookie = cookieOf(res, 'clinic_staff')!;
  const page = await (await fetch(`${base}/staff/conversations`, { headers: { cookie } })).text();
  return { base, cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page)![1] };
}

export function staffGet(s: StaffSession, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${s.base}${path}`, { redirect: 'manual', headers: { cookie: s.cookie, ...headers } });
}

/** A form post with the session's CSRF token (unless `fields` sets its own). */
export function staffPost(
  s: StaffSession,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { accept: 'text/html' },
): Promise<Response> {
  return fetch(`${s.base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie, ...headers },
    body: new URLSearchParams({ csrf: s.csrf, ...fields }).toString(),
  });
}
