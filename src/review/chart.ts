/**
 * The timeline chart of the dashboard: inline SVG built on the server (no script, no library),
 * one line per percentage metric, a dashed reference at the UHC threshold.
 */
import { html, type SafeHtml } from './html.ts';

/** One dated figure of a region. */
export interface TimelinePoint {
  metric: string;
  value: number;
  /** The figure's date ("2025", "2025-12", "2025-12-31"), or the publication date when it has none. */
  date: string;
  /** True when the date is the article's publication date, not the figure's own. */
  datedByPublication: boolean;
  status: string;
  source: string | null;
}

/** The UHC threshold drawn as a reference line: the "minimal 95 persen" of the award criteria. */
export const UHC_REFERENCE_PCT = 95;

const W = 720;
const H = 260;
const PAD = { left: 44, right: 120, top: 14, bottom: 30 };

/** "2025" -> 2025.5, "2025-12" -> 2025.96, "2025-12-31" -> 2025.99: a year as a number, mid-period. */
export function decimalYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return y! + 0.5;
  if (d === undefined) return y! + (m - 0.5) / 12;
  return y! + (m - 1) / 12 + (d - 0.5) / 365;
}

/** Renders the percentage series of `points` (count metrics are left to the table). */
export function timelineChart(points: TimelinePoint[], title: string): SafeHtml {
  const pct = points.filter((p) => p.metric.endsWith('_pct'));
  if (pct.length === 0) return html`<p class="muted">No dated percentage for ${title} yet.</p>`;
  const xs = pct.map((p) => decimalYear(p.date));
  const ys = pct.map((p) => p.value);
  let x0 = Math.floor(Math.min(...xs));
  let x1 = Math.ceil(Math.max(...xs));
  if (x1 - x0 < 1) x1 = x0 + 1;
  const y0 = Math.min(80, Math.floor(Math.min(...ys) / 5) * 5);
  const y1 = Math.max(100, Math.ceil(Math.max(...ys) / 5) * 5);
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const f = (n: number) => n.toFixed(1);

  const grid = [];
  for (let y = y0; y <= y1; y += 5)
    grid.push(html`<line class="grid" x1="${f(PAD.left)}" x2="${f(W - PAD.right)}" y1="${f(sy(y))}" y2="${f(sy(y))}"/><text x="${f(PAD.left - 6)}" y="${f(sy(y) + 4)}" text-anchor="end">${y}</text>`);
  const years = [];
  for (let x = x0; x <= x1; x++) years.push(html`<text x="${f(sx(x))}" y="${f(H - 10)}" text-anchor="middle">${x}</text>`);

  const series = [...new Set(pct.map((p) => p.metric))].map((metric, i) => {
    const ps = pct.filter((p) => p.metric === metric).sort((a, b) => decimalYear(a.date) - decimalYear(b.date));
    const d = ps.map((p, j) => `${j ? 'L' : 'M'}${f(sx(decimalYear(p.date)))},${f(sy(p.value))}`).join(' ');
    const last = ps[ps.length - 1]!;
    const dots = ps.map(
      (p) =>
        html`<circle class="pt ${p.status === 'accepted' || p.status === 'corrected' ? 'reviewed' : ''}" cx="${f(sx(decimalYear(p.date)))}" cy="${f(sy(p.value))}" r="4"><title>${metric} ${p.value} (${p.date}${p.datedByPublication ? ', publication date' : ''}; ${p.status}) ${p.source ?? ''}</title></circle>`,
    );
    return html`<g class="series s${i}"><path class="line" d="${d}"${i ? html` stroke-dasharray="6 3"` : ''}/>${dots}<text x="${f(sx(decimalYear(last.date)) + 8)}" y="${f(sy(last.value) + 4)}">${metric} ${last.value}</text></g>`;
  });
  const ref = UHC_REFERENCE_PCT >= y0 && UHC_REFERENCE_PCT <= y1
    ? html`<line class="ref" x1="${f(PAD.left)}" x2="${f(W - PAD.right)}" y1="${f(sy(UHC_REFERENCE_PCT))}" y2="${f(sy(UHC_REFERENCE_PCT))}"/><text x="${f(W - PAD.right + 4)}" y="${f(sy(UHC_REFERENCE_PCT) + 4)}">UHC ${UHC_REFERENCE_PCT} %</text>`
    : '';
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${'Timeline of ' + title}"><title>${'Timeline of ' + title}</title>${grid}${years}${ref}${series}</svg>`;
}

/** A small horizontal bar for a percentage in a table cell (0–110 %). */
export function pctBar(value: number | null): SafeHtml {
  if (value === null) return html``;
  const w = Math.max(0, Math.min(110, value)) * (80 / 110);
  return html`<svg class="bar" width="80" height="10" viewBox="0 0 80 10" aria-hidden="true"><rect class="track" width="80" height="10"/><rect class="fill ${value >= UHC_REFERENCE_PCT ? 'over' : ''}" width="${w.toFixed(1)}" height="10"/></svg>`;
}
