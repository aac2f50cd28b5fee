/**
 * Charts for the staff dashboard as inline SVG drawn on the server: no script, no inline style (presentation
 * attributes only), so the staff pages keep their strict Content-Security-Policy. Each chart is a <figure> with a
 * title and a one-line summary for assistive technology (role="img"), and the same figures as a table beside it.
 */
import { html, Html } from './html';

export interface Series {
  label: string;
  values: number[];
  /** A fill colour (a literal from this code, never user input). */
  color: string;
}

const W = 640;
const H = 220;
const PAD = { left: 40, right: 10, top: 12, bottom: 30 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

/** A round maximum for the y axis at or above the largest count, whose quarters (the grid lines) are whole numbers. */
export function niceMax(max: number): number {
  if (max <= 4) return 4;
  const p = 10 ** Math.floor(Math.log10(max / 4));
  return [4, 8, 12, 16, 20, 40].map((m) => m * p).find((v) => v >= max)!;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
/** "2025-03-04" -> "4 Mar". */
function shortDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

function axes(max: number, unit: string, labels: string[]): Html {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = PAD.top + PLOT_H * (1 - f);
    return html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#dde3ea"/><text x="${PAD.left - 4}" y="${y + 4}" font-size="10" text-anchor="end" fill="#556">${fmt(max * f)}${unit}</text>`;
  });
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const step = PLOT_W / Math.max(labels.length, 1);
  const xs = labels.map((l, i) =>
    i % every === 0
      ? html`<text x="${PAD.left + step * (i + 0.5)}" y="${H - PAD.bottom + 14}" font-size="10" text-anchor="middle" fill="#556">${shortDay(l)}</text>`
      : '',
  );
  return html`${ticks}${xs}<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${PAD.top + PLOT_H}" y2="${PAD.top + PLOT_H}" stroke="#8a96a3"/>`;
}

function svg(id: string, title: string, summary: string, body: Html): Html {
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">
    <title id="${id}-t">${title}</title><desc id="${id}-d">${summary}</desc>${body}</svg>`;
}

function legend(series: Series[]): Html {
  return html`<ul class="legend">${series.map((s) => html`<li><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${s.color}"/></svg> ${s.label}</li>`)}</ul>`;
}

function figure(title: string, chart: Html, table: Html, extra: Html | string = ''): Html {
  return html`<figure class="chart-box"><figcaption>${title}</figcaption><div class="chart-row"><div>${chart}${extra}</div>${table}</div></figure>`;
}

function dayTable(caption: string, days: string[], series: Array<{ label: string; values: Array<number | string> }>): Html {
  return html`<table class="chart-table"><caption class="small muted">${caption}</caption>
    <thead><tr><th scope="col">Day</th>${series.map((s) => html`<th scope="col">${s.label}</th>`)}</tr></thead>
    <tbody>${days.map((d, i) => html`<tr><th scope="row">${d}</th>${series.map((s) => html`<td>${s.values[i]}</td>`)}</tr>`)}</tbody></table>`;
}

/** Columns per day; several series are stacked. With `share`, each day's column is 100 % split by series. */
export function columnChart(options: { title: string; days: string[]; series: Series[]; share?: boolean; summary: string }): Html {
  const { days, series, share } = options;
  const id = nextId('chart');
  const totals = days.map((_, i) => series.reduce((n, s) => n + s.values[i], 0));
  const max = share ? 100 : niceMax(Math.max(0, ...totals));
  const step = PLOT_W / Math.max(days.length, 1);
  const width = Math.max(1, step * 0.7);
  const columns = days.map((day, i) => {
    let y = PAD.top + PLOT_H;
    return series.map((s) => {
      const value = share ? (totals[i] ? (100 * s.values[i]) / totals[i] : 0) : s.values[i];
      const h = (PLOT_H * value) / max;
      y -= h;
      return h > 0
        ? html`<rect x="${(PAD.left + step * i + (step - width) / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${day}: ${s.label} ${share ? `${fmt(value)} % (${s.values[i]})` : s.values[i]}</title></rect>`
        : '';
    });
  });
  const chart = svg(id, options.title, options.summary, html`${axes(max, share ? '%' : '', days)}${columns}`);
  const table = dayTable(
    options.title,
    days,
    series.map((s) => ({
      label: s.label,
      values: s.values.map((v, i) => (share && totals[i] ? `${v} (${Math.round((100 * v) / totals[i])} %)` : String(v))),
    })),
  );
  return figure(options.title, chart, table, series.length > 1 ? legend(series) : '');
}

/** A line per day (a trend), with a dot on each day. */
export function lineChart(options: { title: string; days: string[]; values: number[]; color: string; summary: string }): Html {
  const { days, values } = options;
  const id = nextId('chart');
  const max = niceMax(Math.max(0, ...values));
  const step = PLOT_W / Math.max(days.length, 1);
  const points = values.map((v, i) => [PAD.left + step * (i + 0.5), PAD.top + PLOT_H * (1 - v / max)] as const);
  const body = html`${axes(max, '', days)}
    <polyline points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}" fill="none" stroke="${options.color}" stroke-width="2"/>
    ${points.map(([x, y], i) => html`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${options.color}"><title>${days[i]}: ${values[i]}</title></circle>`)}`;
  return figure(options.title, svg(id, options.title, options.summary, body), dayTable(options.title, days, [{ label: 'Count', values }]));
}

/** Horizontal bars for a ranking (top intents, top conditions). */
export function rankingChart(options: { title: string; items: Array<{ name: string; count: number }>; color: string; empty: string }): Html {
  const { items } = options;
  const id = nextId('chart');
  if (!items.length) return html`<figure class="chart-box"><figcaption>${options.title}</figcaption><p class="muted">${options.empty}</p></figure>`;
  const rowH = 22;
  const height = items.length * rowH + 10;
  const labelW = 170;
  const max = Math.max(...items.map((i) => i.count));
  const bars = items.map((item, i) => {
    const w = ((W - labelW - 50) * item.count) / max;
    const y = 5 + i * rowH;
    return html`<text x="${labelW - 6}" y="${y + 15}" font-size="12" text-anchor="end" fill="#1d2530">${item.name}</text>
      <rect x="${labelW}" y="${y + 3}" width="${Math.max(1, w).toFixed(1)}" height="${rowH - 7}" fill="${options.color}"/>
      <text x="${(labelW + w + 4).toFixed(1)}" y="${y + 15}" font-size="11" fill="#556">${item.count}</text>`;
  });
  const summary = `Most frequent: ${items
    .slice(0, 3)
    .map((i) => `${i.name} (${i.count})`)
    .join(', ')}.`;
  const chart = html`<svg class="chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${options.title}</title><desc id="${id}-d">${summary}</desc>${bars}</svg>`;
  const table = html`<table class="chart-table"><caption class="small muted">${options.title}</caption><thead><tr><th scope="col">Name</th><th scope="col">Count</th></tr></thead>
    <tbody>${items.map((i) => html`<tr><th scope="row">${i.name}</th><td>${i.count}</td></tr>`)}</tbody></table>`;
  return figure(options.title, chart, table);
}
