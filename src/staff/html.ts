/**
 * HTML for the staff pages: one escaping helper used for every value that is not a literal in this
 * code, a page layout, and the stylesheet (served from /staff/style.css: no inline styles or scripts,
 * no external assets, so the Content-Security-Policy can forbid everything else).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/** A tagged template that escapes every interpolated value, except nested `Html` fragments. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(v);
}

/** Query string from parameters, skipping empty ones. */
export function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-03-04 09:05" in the server's time zone. */
export function formatTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface LayoutOptions {
  title: string;
  user?: string;
  csrf?: string;
  active?: 'dashboard' | 'conversations' | 'urgent' | 'unanswered' | 'enquiries' | 'teaching' | 'clinic' | 'notifications' | 'audit' | 'account';
  newEnquiries?: number;
  /** A problem every staff page shows at the top (e.g. notifications failing). */
  alert?: string;
  /** Warnings for every signed-in page (storage outage, damaged database): what is wrong and what to do. */
  banners?: string[];
}

export function layout(options: LayoutOptions, body: Html): string {
  const nav = options.user
    ? html`<nav>
        <a href="/staff/dashboard" class="${options.active === 'dashboard' ? 'on' : ''}">Dashboard</a>
        <a href="/staff/conversations" class="${options.active === 'conversations' ? 'on' : ''}">Conversations</a>
        <a href="/staff/urgent" class="${options.active === 'urgent' ? 'on' : ''}">Urgent</a>
        <a href="/staff/unanswered" class="${options.active === 'unanswered' ? 'on' : ''}">Unanswered questions</a>
        <a href="/staff/enquiries" class="${options.active === 'enquiries' ? 'on' : ''}">Enquiries${options.newEnquiries ? html` <span class="count">${options.newEnquiries}</span>` : ''}</a>
        <a href="/staff/teaching" class="${options.active === 'teaching' ? 'on' : ''}">Teaching</a>
        <a href="/staff/clinic" class="${options.active === 'clinic' ? 'on' : ''}">Clinic details</a>
        <a href="/staff/notifications" class="${options.active === 'notifications' ? 'on' : ''}">Notifications</a>
        <a href="/staff/audit" class="${options.active === 'audit' ? 'on' : ''}">Audit</a>
        <form method="post" action="/staff/logout" class="logout">
          <input type="hidden" name="csrf" value="${options.csrf}">
          <a class="who ${options.active === 'account' ? 'on' : ''}" href="/staff/account" title="Your account and two-factor sign-in">${options.user}</a> <button type="submit">Sign out</button>
        </form>
      </nav>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)} · Clinic bot staff review</title>
<link rel="stylesheet" href="/staff/style.css">
<link rel="icon" href="/staff/favicon.svg" type="image/svg+xml">
</head>
<body>
<header><span class="brand">Clinic bot · staff review</span>${nav}</header>
<main>
${options.alert ? `<p class="error" role="alert">${escapeHtml(options.alert)} <a href="/staff/notifications">Details</a></p>\n` : ''}${(options.banners ?? []).map((b) => `<p class="banner" role="alert">${escapeHtml(b)}</p>`).join('\n')}
<h1>${escapeHtml(options.title)}</h1>
${body}
</main>
</body>
</html>`;
}

export const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2530;background:#f5f7fa}
header{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;padding:.6rem 1.2rem;background:#1f4e79;color:#fff}
header a{color:#fff;text-decoration:none;padding:.2rem .5rem;border-radius:4px}
header a.on,header a:hover{background:rgba(255,255,255,.18)}
.brand{font-weight:600;margin-right:1rem}
nav{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;flex:1}
nav .logout{margin-left:auto;display:flex;gap:.5rem;align-items:center}
.count{background:#e8a33d;color:#111;border-radius:9px;padding:0 .45rem;font-size:.8rem}
main{padding:1rem 1.2rem;max-width:1400px}
h1{font-size:1.35rem;margin:.2rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #dde3ea;padding:.45rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600}
tr:hover td{background:#fafcff}
.pre{white-space:pre-wrap;word-break:break-word}
.muted{color:#667}
.small{font-size:.85rem}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin-bottom:1rem;background:#fff;padding:.7rem;border:1px solid #dde3ea}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;gap:.15rem}
input,select,button{font:inherit;padding:.3rem .45rem;border:1px solid #b7c2cf;border-radius:4px;background:#fff}
button{background:#1f4e79;color:#fff;border-color:#1f4e79;cursor:pointer}
button.danger{background:#a4262c;border-color:#a4262c}
button.plain{background:#fff;color:#1f4e79}
.flag{display:inline-block;border-radius:3px;padding:0 .35rem;margin:0 .15rem .15rem 0;font-size:.8rem;border:1px solid}
.flag.fallback{background:#fff1f0;border-color:#e0a39e;color:#8a1f17}
.flag.clarify{background:#fff8e6;border-color:#e3c47a;color:#6d4c00}
.flag.urgent{background:#a4262c;border-color:#a4262c;color:#fff}
.tier{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.85em;border:1px solid #a4262c}
.tier.emergency,.tier.crisis{background:#a4262c;color:#fff}
.tier.urgent{background:#fde7e9}
.flag.handoff{background:#eef4ff;border-color:#9db7e6;color:#1d3f7a}
.flag.enquiry{background:#eefaf0;border-color:#8cc79a;color:#1c5c2b}
.flag.answered{background:#f0f5f0;border-color:#b5cdb5;color:#2e4d2e}
.pager{display:flex;gap:1rem;margin:1rem 0}
.box{background:#fff;border:1px solid #dde3ea;padding:.8rem;margin-bottom:1rem}
.banner{background:#fff4d6;border:2px solid #c98a00;padding:.6rem .8rem;margin-bottom:1rem;font-weight:600}
.error{background:#fff1f0;border:1px solid #e0a39e;padding:.6rem .8rem;margin-bottom:1rem}
.notice{background:#eefaf0;border:1px solid #8cc79a;padding:.6rem .8rem;margin-bottom:1rem}
.buttons{color:#445;font-size:.85rem}
.login{max-width:360px;background:#fff;border:1px solid #dde3ea;padding:1.2rem}
.login label{display:block;margin-bottom:.8rem}
.login input{width:100%}
.turn-user{background:#f3f8ff}
.understood dt{float:left;clear:left;width:5.5rem;color:#556}
.understood dd{margin-left:5.7rem}
.exports{display:flex;flex-wrap:wrap;gap:1rem;align-items:end}
textarea{font:inherit;padding:.3rem .45rem;border:1px solid #b7c2cf;border-radius:4px;width:100%}
form.filters label.wide{flex:1 1 100%}
ol.history{background:#fff;border:1px solid #dde3ea;padding:.6rem 2rem}
ol.history li{margin:.25rem 0}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0;margin:0 0 1rem}
.cards li{background:#fff;border:1px solid #dde3ea;padding:.5rem .8rem}
.cards strong{font-size:1.2rem}
.chart-box{background:#fff;border:1px solid #dde3ea;margin:0 0 1rem;padding:.6rem .8rem}
.chart-box figcaption{font-weight:600;margin-bottom:.4rem}
.chart-row{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
svg.chart{max-width:100%;height:auto}
.chart-table{width:auto;font-size:.8rem;max-height:240px}
.chart-row>table{display:block;max-height:240px;overflow:auto}
.total{margin:.4rem 0}
nav.pages{display:flex;gap:.35rem;align-items:center}
nav.pages a,nav.pages .current{padding:.1rem .45rem;border:1px solid #dde3ea;border-radius:4px;background:#fff}
nav.pages .current{background:#1f4e79;color:#fff;border-color:#1f4e79}
.confidence.low{color:#8a1f17}
.confidence.medium{color:#6d4c00}
details summary{cursor:pointer;color:#1f4e79}
.qr svg{display:block;margin:.5rem 0;background:#fff}
code.secret{font-size:1.05rem;letter-spacing:.05em}
ul.recovery{columns:2;font-size:1.05rem}
.legend{display:flex;flex-wrap:wrap;gap:.8rem;list-style:none;padding:0;margin:.3rem 0;font-size:.85rem}
`;

/** A small icon, so browsers do not ask for /favicon.ico. */
export const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f4e79"/><path d="M7 3h2v4h4v2H9v4H7V9H3V7h4z" fill="#fff"/></svg>';
