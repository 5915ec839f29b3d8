import type { ExtractResult } from '../types.ts';

/** A human-readable table of one result's facts and categories. */
export function formatFactsTable(r: ExtractResult): string {
  const lines = [`# ${r.source}${r.title ? ` — ${r.title}` : ''}${r.published ? ` (${r.published})` : ''}`];
  const rows = r.facts.map((f) => [f.region.name, f.region.code, f.metric, String(f.value), f.asOf ?? '', f.confidence.toFixed(2), f.evidence.text]);
  const head = ['region', 'code', 'metric', 'value', 'as of', 'conf', 'evidence'];
  lines.push(renderTable(head, rows));
  if (r.categories.length) {
    lines.push(renderTable(['region', 'code', 'category', 'year', 'conf'], r.categories.map((c) => [c.region.name, c.region.code, c.category, c.year ? String(c.year) : '', c.confidence.toFixed(2)])));
  }
  return lines.join('\n');
}

/** Plain fixed-width columns; long cells are cut so a row fits a terminal line. */
export function renderTable(head: string[], rows: string[][], maxCell = 60): string {
  const cut = (s: string) => (s.length > maxCell ? s.slice(0, maxCell - 1) + '…' : s);
  const all = [head, ...rows].map((r) => r.map(cut));
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [fmt(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(fmt)].join('\n');
}
