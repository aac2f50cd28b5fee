/**
 * Evaluation reports a clinic can open: Markdown, and a self-contained HTML page (no external assets)
 * with the confusion matrix drawn as a heat map. Written to reports/ (not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scores } from '../nlu/evaluation';

export interface ReportInput {
  /** File name stem, e.g. "clinic" or "ChatbotCorpus". */
  name: string;
  title: string;
  /** Lines shown above the tables (settings, summary figures). */
  summary: string[];
  scores: Scores;
  /** Mistakes to list: expected, predicted, text. */
  errors?: Array<{ expected: string; predicted: string; text: string }>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const escapeMd = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** Labels in the order of the per-intent figures (every expected and predicted label). */
function labelsOf(s: Scores): string[] {
  return Object.keys(s.perIntent);
}

export function renderMarkdown(r: ReportInput): string {
  const s = r.scores;
  const labels = labelsOf(s);
  const lines = [`# ${r.title}`, '', ...r.summary.map((l) => `- ${l}`), ''];
  lines.push(
    `**${s.correct}/${s.total} correct: accuracy ${pct(s.accuracy)}, micro-F1 ${s.microF1.toFixed(3)}, macro-F1 ${s.macroF1.toFixed(3)}**`,
    '',
  );
  lines.push('| intent | precision | recall | F1 | support |', '|---|---|---|---|---|');
  for (const l of labels) {
    const f = s.perIntent[l];
    lines.push(`| ${escapeMd(l)} | ${pct(f.precision)} | ${pct(f.recall)} | ${f.f1.toFixed(3)} | ${f.support} |`);
  }
  lines.push('', '## Confusion matrix (rows: expected, columns: predicted)', '');
  lines.push(`| expected \\ predicted | ${labels.map(escapeMd).join(' | ')} |`, `|---|${labels.map(() => '---').join('|')}|`);
  for (const e of labels) {
    lines.push(`| ${escapeMd(e)} | ${labels.map((p) => String(s.confusion[e]?.[p] ?? 0)).join(' | ')} |`);
  }
  if (r.errors && r.errors.length > 0) {
    lines.push('', '## Mistakes', '', '| expected | predicted | message |', '|---|---|---|');
    for (const e of r.errors) lines.push(`| ${escapeMd(e.expected)} | ${escapeMd(e.predicted)} | ${escapeMd(e.text)} |`);
  }
  return lines.join('\n') + '\n';
}

/** Cell colour: white for 0, deepening with the share of the row; the diagonal green, the rest red. */
function cellColour(count: number, rowTotal: number, diagonal: boolean): string {
  if (count === 0 || rowTotal === 0) return '#ffffff';
  const share = count / rowTotal;
  const light = Math.round(95 - share * 55); // 95% (pale) .. 40% (deep)
  return diagonal ? `hsl(130, 55%, ${light}%)` : `hsl(0, 70%, ${light}%)`;
}

export function renderHtml(r: ReportInput): string {
  const s = r.scores;
  const labels = labelsOf(s);
  const rows = labels
    .map((e) => {
      const total = labels.reduce((sum, p) => sum + (s.confusion[e]?.[p] ?? 0), 0);
      const cells = labels
        .map((p) => {
          const n = s.confusion[e]?.[p] ?? 0;
          const title = `${e} → ${p}: ${n} of ${total}`;
          return `<td style="background:${cellColour(n, total, e === p)}" title="${escapeHtml(title)}">${n || ''}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(e)}</th>${cells}<td class="n">${total}</td></tr>`;
    })
    .join('\n');
  const perIntent = labels
    .map((l) => {
      const f = s.perIntent[l];
      return `<tr><th scope="row">${escapeHtml(l)}</th><td>${pct(f.precision)}</td><td>${pct(f.recall)}</td><td>${f.f1.toFixed(3)}</td><td>${f.support}</td></tr>`;
    })
    .join('\n');
  const errors = (r.errors ?? [])
    .map((e) => `<tr><td>${escapeHtml(e.expected)}</td><td>${escapeHtml(e.predicted)}</td><td>${escapeHtml(e.text)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(r.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:center}
th[scope=row]{text-align:left;white-space:nowrap}
.heat th.col{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
.heat td{min-width:2rem}
td.n{color:#666}
.legend span{display:inline-block;padding:.2rem .6rem;margin-right:.5rem}
</style></head><body>
<h1>${escapeHtml(r.title)}</h1>
<ul>${r.summary.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<p><strong>${s.correct}/${s.total} correct: accuracy ${pct(s.accuracy)}, micro-F1 ${s.microF1.toFixed(3)}, macro-F1 ${s.macroF1.toFixed(3)}</strong></p>
<h2>Where the bot gets confused</h2>
<p class="legend">Rows: what the message meant; columns: what the bot understood. <span style="background:hsl(130,55%,50%)">right</span><span style="background:hsl(0,70%,60%)">confused</span> Colour depth is the share of the row.</p>
<table class="heat"><thead><tr><th>expected \\ predicted</th>${labels.map((l) => `<th class="col" scope="col">${escapeHtml(l)}</th>`).join('')}<th>total</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Per intent</h2>
<table><thead><tr><th>intent</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr></thead><tbody>
${perIntent}
</tbody></table>
${errors ? `<h2>Mistakes</h2>\n<table><thead><tr><th>expected</th><th>predicted</th><th>message</th></tr></thead><tbody>\n${errors}\n</tbody></table>` : ''}
</body></html>
`;
}

/** Writes <dir>/<name>.md and <dir>/<name>.html and returns their paths. */
export function writeReports(dir: string, r: ReportInput): { markdown: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const safe = r.name.replace(/[^\w.-]+/g, '_');
  const markdown = join(dir, `${safe}.md`);
  const html = join(dir, `${safe}.html`);
  writeFileSync(markdown, renderMarkdown(r));
  writeFileSync(html, renderHtml(r));
  return { markdown, html };
}
