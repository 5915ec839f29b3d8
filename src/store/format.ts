/**
 * What the store's commands print: the coverage table, a region's timeline, stats, and the streamed export
 * (CSV, JSON, NDJSON) with backpressure, so the whole table never sits in memory.
 */
import type { Writable } from 'node:stream';
import { renderTable } from '../extract/table.ts';
import type { CoverageRow, ExportRow, StoreStats } from './types.ts';
import { stripControls } from '../text/input.ts';

const PCT = new Set(['coverage_pct', 'active_pct']);

/** A figure as a reader expects it: "98.77%" or "1,138,714". */
export function formatValue(metric: string, value: number): string {
  return PCT.has(metric) ? `${value.toFixed(2)}%` : Math.round(value).toLocaleString('en-US');
}

function flagsOf(json: string): string {
  try {
    return (JSON.parse(json) as string[]).join(' ');
  } catch {
    return '';
  }
}

/** A region's UHC award tier for the table: the newest award year's (categories_sourced). */
export interface TierCell {
  region_code: string;
  region_name: string;
  tier: string;
  year: number | null;
}

/** The newest tier per region, from category rows (region, year order). */
export function latestTiers(rows: TierCell[]): Map<string, TierCell> {
  const out = new Map<string, TierCell>();
  for (const r of rows) {
    const cur = out.get(r.region_code);
    if (!cur || (r.year ?? 0) >= (cur.year ?? 0)) out.set(r.region_code, r);
  }
  return out;
}

const yearOf = (d: string | null | undefined) => (d ? Number(d.slice(0, 4)) : null);

/**
 * The coverage table `npm start` prints: one row per region, the latest figure of each metric (from
 * `coverage_latest`), the date of the main figure and where it comes from (as_of, published, dateline, url), the
 * region's newest UHC award tier, and flags. A figure from an older year than the newest of its metric in the
 * table carries its year ("96.10% (2023)"), and an undated one "(n.d.)": a table never mixes years silently.
 */
export function formatCoverageTable(rows: CoverageRow[], tiers: Map<string, TierCell> = new Map()): string {
  const byRegion = new Map<string, CoverageRow[]>();
  for (const r of rows) byRegion.set(r.region_code, [...(byRegion.get(r.region_code) ?? []), r]);
  const newest = new Map<string, number>();
  for (const r of rows) {
    const y = yearOf(r.effective_date);
    if (y !== null && y > (newest.get(r.metric) ?? 0)) newest.set(r.metric, y);
  }
  const cell = (list: CoverageRow[], metric: string) => {
    const r = list.find((x) => x.metric === metric);
    if (!r) return '';
    const y = yearOf(r.effective_date);
    const age = y === null ? ' (n.d.)' : y < (newest.get(metric) ?? y) ? ` (${y})` : '';
    return `${formatValue(metric, r.value)}${r.status === 'corrected' || r.status === 'accepted' ? '*' : ''}${age}`;
  };
  const codes = new Set([...byRegion.keys(), ...tiers.keys()]);
  const body = [...codes]
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((code) => {
      const list = byRegion.get(code) ?? [];
      const tier = tiers.get(code);
      const main = list.find((x) => x.metric === 'coverage_pct') ?? list[0];
      const flags = [...new Set(list.flatMap((x) => flagsOf(x.flags).split(' ').filter(Boolean)))].join(' ');
      return [
        main?.region_name ?? tier!.region_name,
        code,
        cell(list, 'coverage_pct'),
        cell(list, 'active_pct'),
        cell(list, 'enrolled_count'),
        cell(list, 'active_count'),
        cell(list, 'population'),
        main?.effective_date ?? '',
        main?.effective_date ? (main.date_source ?? '') : '',
        tier ? `${tier.tier}${tier.year ? ` ${tier.year}` : ''}` : '',
        String(new Set(list.map((x) => x.article_id)).size),
        flags,
      ];
    });
  return renderTable(['region', 'code', 'coverage', 'active', 'enrolled', 'active n', 'population', 'date', 'from', 'UHC tier', 'src', 'flags'], body, 40);
}

/** `cakupan show`: a region's figures over time (`coverage_timeline`), each with its date and where the date comes from. */
export function formatTimeline(rows: CoverageRow[]): string {
  return renderTable(
    ['date', 'from', 'metric', 'value', 'range', 'facts', 'status', 'conf', 'flags', 'source'],
    rows.map((r) => [
      r.effective_date ?? '(undated)',
      r.date_source ?? '',
      r.metric,
      formatValue(r.metric, r.value),
      r.min_value !== undefined && r.max_value !== undefined && r.min_value !== r.max_value ? `${formatValue(r.metric, r.min_value)}–${formatValue(r.metric, r.max_value)}` : '',
      String(r.n_facts),
      r.status,
      r.confidence.toFixed(2),
      flagsOf(r.flags),
      r.source_url,
    ]),
    70,
  );
}

/** `cakupan show`: a region's UHC award tiers by year, with their sources. */
export function formatTiers(rows: { tier: string; year: number | null; status: string; confidence: number; source_url: string }[]): string {
  return renderTable(
    ['year', 'UHC tier', 'status', 'conf', 'source'],
    rows.map((c) => [c.year === null ? '(no year)' : String(c.year), c.tier, c.status, c.confidence.toFixed(2), c.source_url]),
    70,
  );
}

/** `cakupan stats` as text. */
export function formatStats(s: StoreStats): string {
  const t = s.totals;
  const parts = [
    `${t.sites} sites, ${t.pages} pages, ${t.articles} articles, ${t.facts} facts (${t.live_facts} live), ${t.categories} categories, ${t.reviews} review entries, ${t.runs} runs`,
    '',
    renderTable(['status', 'facts'], s.byStatus.map((r) => [r.status, String(r.facts)])),
    '',
    renderTable(['metric', 'facts'], s.byMetric.map((r) => [r.metric, String(r.facts)])),
    '',
    renderTable(['code', 'province', 'facts', 'regions'], s.byProvince.map((r) => [r.province_code, r.province, String(r.facts), String(r.regions)])),
    '',
    renderTable(['flag', 'facts'], s.byFlag.map((r) => [r.flag, String(r.facts)])),
    '',
    renderTable(
      ['confidence', 'facts', ''],
      (() => {
        const max = Math.max(1, ...s.confidence.map((b) => b.facts));
        return s.confidence.map((b) => [b.bin, String(b.facts), '#'.repeat(Math.round((b.facts / max) * 40))]);
      })(),
    ),
  ];
  return parts.join('\n');
}

/** Column order of the CSV export (the `facts_sourced` view). */
export const EXPORT_COLUMNS: (keyof ExportRow)[] = [
  'fact_id', 'region_code', 'region_name', 'level', 'province_code', 'province_name', 'metric', 'value', 'as_of', 'published', 'effective_date', 'date_source',
  'status', 'confidence', 'reasons', 'flags', 'evidence_text', 'evidence_start', 'evidence_end', 'raw', 'extracted_value',
  'extractor_version', 'article_id', 'title', 'source_url', 'canonical_url', 'site', 'version', 'updated_at',
];

/** Columns holding region codes ("63.03", "63"): written so spreadsheet tools keep them as text. */
export const CODE_COLUMNS = new Set(['region_code', 'province_code']);

/**
 * How code columns are written in CSV: `quoted` ("63.03", always quoted: pandas/R read them as text given the
 * column type; LibreOffice keeps quoted fields as text) or `formula` (="63.03", which Excel and Google Sheets
 * show as text). @default quoted
 */
export type CodeStyle = 'quoted' | 'formula';

function codeCell(v: unknown, style: CodeStyle): string {
  if (v === null || v === undefined || v === '') return '';
  const s = String(v).replace(/"/g, '');
  return style === 'formula' ? `"=""${s}"""` : `"${s}"`;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // Never a raw NUL or other control character in a CSV cell (rows stored before input hygiene may hold them).
  const s = stripControls(Array.isArray(v) ? JSON.stringify(v) : String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed || out.write(chunk)) return;
  // Wait for room, or for the reader to go away; the listeners go with the wait.
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

export type ExportFormat = 'csv' | 'json' | 'ndjson';

/** Options of `writeExport`. */
export interface WriteExportOptions {
  /** CSV columns, in order. @default EXPORT_COLUMNS */
  columns?: readonly string[];
  /** @default 'quoted' */
  codes?: CodeStyle;
}

/** Streams rows to `out` in the format asked; returns the number of rows written. */
export async function writeExport(
  rows: AsyncIterable<object> | Iterable<object>,
  format: ExportFormat,
  out: Writable,
  opts: WriteExportOptions = {},
): Promise<number> {
  const columns = opts.columns ?? EXPORT_COLUMNS;
  const codes = opts.codes ?? 'quoted';
  let n = 0;
  if (format === 'csv') await write(out, columns.join(',') + '\n');
  if (format === 'json') await write(out, '[');
  for await (const row of rows) {
    const r = row as Record<string, unknown>;
    if (out.destroyed) break; // the reader went away ("| head")
    if (format === 'csv') await write(out, columns.map((c) => (CODE_COLUMNS.has(c) ? codeCell(r[c], codes) : csvCell(r[c]))).join(',') + '\n');
    else if (format === 'ndjson') await write(out, JSON.stringify(r) + '\n');
    else await write(out, (n ? ',\n' : '\n') + JSON.stringify(r));
    n++;
  }
  if (format === 'json') await write(out, n ? '\n]\n' : ']\n');
  return n;
}
