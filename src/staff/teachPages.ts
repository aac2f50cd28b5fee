/**
 * Staff pages for teaching the bot (src/teach): teach one patient message (choose what it should have been, see what
 * the bot understands now and after the change), the result (applied, or refused by the gate with its figures, with
 * "save as draft"), the change log (revert, apply drafts), and the clinic's own details and FAQ entries. Server-
 * rendered forms only: the staff CSP forbids every script.
 */
import type { ClinicDetails, ClinicFaq, Condition } from '../knowledge/types';
import type { Recognition } from '../nlu/recognizer';
import type { GateFigures, TeachingChange } from '../storage/teaching';
import { labelOf } from '../teach/gate';
import type { ModelInfo, Preview, TeachResult } from '../teach/live';
import { isPlaceholder } from '../teach/placeholders';
import { CLINIC_FIELDS } from '../teach/taught';
import type { TeachInput } from '../teach/validate';
import { html, Html, layout } from './html';
import type { PageContext } from './pages';

function shell(ctx: PageContext, title: string, active: 'teaching' | 'clinic' | 'unanswered', body: Html): string {
  return layout({ title, user: ctx.user, csrf: ctx.csrf, active, newEnquiries: ctx.newEnquiries }, body);
}

const pct = (x: number | undefined) => `${((x ?? 0) * 100).toFixed(1)}%`;

export function understanding(r: Recognition): Html {
  const conditions = r.conditions.map((c) => c.value.name).join(', ');
  return html`<strong>${r.intent}</strong>
    <span class="small muted">${r.score.toFixed(2)} · ${r.reason}${conditions ? ` · condition: ${conditions}` : ''}</span>`;
}

function hidden(input: TeachInput, csrf: string, back: string): Html {
  const fields: Array<[string, string]> = [
    ['csrf', csrf],
    ['kind', input.kind],
    ['back', back],
  ];
  if ('text' in input) fields.push(['text', input.text]);
  if ('intent' in input) fields.push(['intent', input.intent]);
  if ('alias' in input) fields.push(['alias', input.alias], ['condition', input.condition]);
  return html`${fields.map(([n, v]) => html`<input type="hidden" name="${n}" value="${v}" />`)}`;
}

export interface TeachFormView {
  text: string;
  now: Recognition;
  intents: string[];
  conditions: Condition[];
  back: string;
  error?: string;
}

/** One patient message: what the bot understood, and the four ways to teach it. */
export function teachPage(ctx: PageContext, v: TeachFormView): string {
  const common = html`<input type="hidden" name="csrf" value="${ctx.csrf}" /><input type="hidden" name="text" value="${v.text}" /><input
      type="hidden"
      name="back"
      value="${v.back}"
    />`;
  return shell(
    ctx,
    'Teach the bot',
    'unanswered',
    html`${v.error ? html`<p class="error" role="alert">${v.error}</p>` : ''}
      <div class="box">
        <div class="pre">“${v.text}”</div>
        <div>The bot understands now: ${understanding(v.now)}</div>
      </div>
      <form method="post" action="/staff/teach/preview" class="filters">
        ${common}<input type="hidden" name="kind" value="example" />
        <label
          >It is a question about
          <select name="intent">
            ${v.intents.map((i) => html`<option value="${i}" ${i === v.now.intent ? html`selected` : ''}>${i}</option>`)}
          </select></label
        >
        <button type="submit">Preview</button>
      </form>
      <form method="post" action="/staff/teach/preview" class="filters">
        ${common}<input type="hidden" name="kind" value="alias" />
        <label
          >It describes the listed condition
          <select name="condition">
            ${v.conditions.map((c) => html`<option value="${c.name}">${c.name}</option>`)}
          </select></label
        >
        <label>Words that mean it <input name="alias" value="${v.text}" maxlength="100" required /></label>
        <button type="submit">Preview</button>
      </form>
      <form method="post" action="/staff/teach/preview" class="filters">
        ${common}<input type="hidden" name="kind" value="out_of_scope" />
        <span>Decline: not something we answer (the bot says so and gives the clinic’s details)</span> <button type="submit">Preview</button>
      </form>
      <form method="post" action="/staff/teach/apply" class="filters">
        ${common}<input type="hidden" name="kind" value="dismiss" />
        <span>Dismiss: nothing to teach (removes it from the Unanswered list; can be undone)</span>
        <button type="submit" class="plain">Dismiss</button>
      </form>`,
  );
}

function figuresTable(f: { before: GateFigures; after: GateFigures }): Html {
  const keys = ['heldoutAccuracy', 'inScopeDeclined', 'oosDeclined', ...Object.keys(f.before).filter((k) => k.startsWith('recall:'))];
  const changed = keys.filter((k, i) => i < 3 || Math.abs((f.before[k] ?? 0) - (f.after[k] ?? 0)) > 1e-9);
  return html`<table class="figures">
    <thead>
      <tr>
        <th>Held-out figure</th>
        <th>Before</th>
        <th>After</th>
      </tr>
    </thead>
    <tbody>
      ${changed.map(
        (k) =>
          html`<tr>
            <td>${labelOf(k)}</td>
            <td>${pct(f.before[k])}</td>
            <td>${pct(f.after[k])}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function previewPage(ctx: PageContext, input: TeachInput, text: string, p: Preview, back: string): string {
  return shell(
    ctx,
    'Check the change',
    'unanswered',
    html`<div class="box">
        <div class="pre">“${text}”</div>
        <div>Now: ${understanding(p.now)}</div>
        <div>After the change: ${understanding(p.after)}</div>
      </div>
      ${p.problems.length ? html`<p class="error" role="alert">The regression gate would refuse this: ${p.problems.join('; ')}.</p>` : html`<p class="notice">The held-out evaluations pass.</p>`}
      ${figuresTable(p.figures)}
      <form method="post" action="/staff/teach/apply" class="filters">
        ${hidden(input, ctx.csrf, back)}
        <button type="submit" name="mode" value="apply">Apply now</button>
        <button type="submit" name="mode" value="draft" class="plain">Save as draft</button>
      </form>`,
  );
}

export function resultPage(ctx: PageContext, input: TeachInput, r: TeachResult, back: string): string {
  const ok = r.status !== 'refused';
  return shell(
    ctx,
    r.status === 'refused' ? 'Not applied' : 'Done',
    'unanswered',
    html`<p class="${ok ? 'notice' : 'error'}" role="${ok ? 'status' : 'alert'}">${r.message}</p>
      ${r.figures ? figuresTable(r.figures) : ''}
      ${
        r.status === 'refused'
          ? html`<form method="post" action="/staff/teach/apply" class="filters">
              ${hidden(input, ctx.csrf, back)}<button type="submit" name="mode" value="draft">Save as draft</button>
            </form>`
          : ''
      }
      ${r.change && r.status === 'applied' ? html`<form method="post" action="/staff/teaching/${r.change.id}/revert" class="filters"><input type="hidden" name="csrf" value="${ctx.csrf}" /><button type="submit" class="plain">Undo</button></form>` : ''}
      <p><a href="${back}">Back</a> · <a href="/staff/teaching">All changes</a></p>`,
  );
}

function describe(c: TeachingChange): string {
  switch (c.kind) {
    case 'example':
      return `“${c.text}” → ${c.intent}`;
    case 'alias':
      return `“${c.alias}” means ${c.condition}`;
    case 'out_of_scope':
      return `decline “${c.text}”`;
    case 'dismiss':
      return `dismissed “${c.text}”`;
    case 'clinic':
      return `clinic details: ${Object.entries(c.clinic ?? {})
        .map(([k, v]) => `${k} “${c.previous?.[k] ?? ''}” → “${v}”`)
        .join(', ')}`;
    case 'faq':
      return `FAQ “${c.faq?.title}”: ${c.faq?.questions.length} phrasings`;
    case 'faq_remove':
      return `FAQ removed: ${c.faqId}`;
  }
}

export function changesPage(ctx: PageContext, changes: TeachingChange[], model: ModelInfo, notice?: string): string {
  return shell(
    ctx,
    'Teaching changes',
    'teaching',
    html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
      <div class="box">
        Model version <strong>${model.version}</strong>, trained
        ${model.trainedAt}${
          model.figures
            ? html` · held-out accuracy ${pct(model.figures.heldoutAccuracy)} · other-domain questions declined ${pct(model.figures.oosDeclined)}`
            : ''
        }
      </div>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>When</th>
            <th>Who</th>
            <th>Change</th>
            <th>Held-out accuracy before → after</th>
            <th>Status</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${[...changes].reverse().map(
            (c) =>
              html`<tr>
                <td>${c.id}</td>
                <td class="small">${c.at.slice(0, 16).replace('T', ' ')}</td>
                <td>${c.by}</td>
                <td class="pre">${describe(c)}</td>
                <td class="small">${c.figures ? `${pct(c.figures.before.heldoutAccuracy)} → ${pct(c.figures.after.heldoutAccuracy)}` : ''}</td>
                <td>${c.status}${c.revertedBy ? html` <span class="small muted">by ${c.revertedBy}</span>` : ''}</td>
                <td>
                  ${
                    c.status === 'applied'
                      ? html`<form method="post" action="/staff/teaching/${c.id}/revert">
                          <input type="hidden" name="csrf" value="${ctx.csrf}" /><button type="submit" class="plain">Revert</button>
                        </form>`
                      : c.status === 'draft'
                        ? html`<form method="post" action="/staff/teaching/${c.id}/apply">
                            <input type="hidden" name="csrf" value="${ctx.csrf}" /><button type="submit">Apply</button>
                          </form>`
                        : ''
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}

const FIELD_LABELS: Record<keyof ClinicDetails, string> = {
  name: 'Clinic name',
  phone: 'Phone',
  email: 'Email',
  bookingUrl: 'Online booking address',
  address: 'Address',
  openingHours: 'Opening hours',
  emergencyNumber: 'Emergency number',
  crisisLine: 'Crisis line',
};

export function clinicPage(ctx: PageContext, clinic: ClinicDetails, faqs: ClinicFaq[], notice?: string, error?: string): string {
  return shell(
    ctx,
    'Clinic details and FAQ',
    'clinic',
    html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <p class="box">
        The bot answers medical questions only from the clinic’s article. What you write here is the clinic’s own information (hours, address, prices,
        parking, rebates, what to bring): it is given word for word, on its own, never mixed into a medical answer. Do not put medical advice here.
        Values marked as placeholders are never shown to patients.
      </p>
      <h2>Clinic details</h2>
      <form method="post" action="/staff/clinic" class="filters">
        <input type="hidden" name="csrf" value="${ctx.csrf}" />
        ${CLINIC_FIELDS.map(
          (f) =>
            html`<label
              >${FIELD_LABELS[f]}${isPlaceholder(clinic[f]) ? html` <span class="flag fallback">placeholder: not shown to patients</span>` : ''}
              <input name="${f}" value="${clinic[f]}" maxlength="500" required
            /></label>`,
        )}
        <button type="submit">Save details</button>
      </form>
      <h2>The clinic’s own questions and answers</h2>
      <table>
        <thead>
          <tr>
            <th>Title</th>
            <th>Patients ask it like</th>
            <th>Answer</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${
            faqs.length
              ? faqs.map(
                  (f) =>
                    html`<tr>
                      <td>${f.title}</td>
                      <td class="pre">${f.questions.join('\n')}</td>
                      <td class="pre">${f.answer}</td>
                      <td>
                        <form method="post" action="/staff/clinic/faq/${f.id}/remove">
                          <input type="hidden" name="csrf" value="${ctx.csrf}" /><button type="submit" class="plain">Remove</button>
                        </form>
                      </td>
                    </tr>`,
                )
              : html`<tr>
                  <td colspan="4" class="muted">None yet.</td>
                </tr>`
          }
        </tbody>
      </table>
      <h2>Add a question and answer</h2>
      <form method="post" action="/staff/clinic/faq" class="filters">
        <input type="hidden" name="csrf" value="${ctx.csrf}" />
        <label>Title <input name="title" maxlength="80" required /></label>
        <label>A few ways patients ask it (one per line) <textarea name="questions" rows="4" cols="40" required></textarea></label>
        <label>The answer <textarea name="answer" rows="4" cols="40" maxlength="2000" required></textarea></label>
        <button type="submit">Add</button>
      </form>`,
  );
}
