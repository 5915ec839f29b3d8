/**
 * What `cakupan export` adds for a researcher: categories next to facts (`--kind`), a date window and each latest
 * figure's age (`--since`, `--until`, `age_days`), a clean SQLite copy of the published views (`--format sqlite`)
 * and a Frictionless Data `datapackage.json` describing the CSV's columns (`--datapackage`).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { EXPORT_COLUMNS } from './format.ts';
import type { CategoryExportRow, CoverageRow, ExportRow } from './types.ts';

/** What `export --kind` writes. @default facts */
export type ExportKind = 'facts' | 'categories' | 'all';

/** Column order of `export --kind categories` (the `categories_sourced` view). */
export const CATEGORY_COLUMNS: (keyof CategoryExportRow)[] = [
  'category_id', 'region_code', 'region_name', 'level', 'province_code', 'province_name', 'tier', 'year', 'published',
  'status', 'confidence', 'reasons', 'flags', 'evidence_text', 'evidence_start', 'evidence_end', 'extractor_version',
  'article_id', 'title', 'source_url', 'site', 'version', 'updated_at',
];

/** `--latest` adds how old each figure is. */
export const LATEST_COLUMNS = [...EXPORT_COLUMNS, 'age_days'];

/** `--kind all`: one table, a `kind` column, the union of both column sets (a fact's `tier` and a category's `value` stay empty). */
export function allColumns(latest: boolean): string[] {
  const facts = latest ? LATEST_COLUMNS : EXPORT_COLUMNS;
  return ['kind', 'id', ...[...new Set([...facts, ...CATEGORY_COLUMNS])].filter((c) => c !== 'fact_id' && c !== 'category_id')];
}

/** First and last day of a partial date: "2024" -> 2024-01-01..2024-12-31, "2024-02" -> 2024-02-01..2024-02-29. */
export function period(date: string): { start: string; end: string } {
  const [y, m, d] = date.split('-');
  if (d) return { start: date, end: date };
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { start: `${y}-${m}-01`, end: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/**
 * Days from the end of the figure's period to `today` ("2024" counts from 31 December 2024: the figure is at least
 * that old); null when undated.
 */
export function ageDays(effective: string | null, today = new Date()): number | null {
  if (!effective) return null;
  const end = Date.parse(period(effective).end + 'T00:00:00Z');
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.max(0, Math.round((now - end) / 86_400_000));
}

/**
 * True when a figure's period overlaps `since..until` (both YYYY-MM-DD, either open). An undated figure is
 * outside any window: a window asks for dated figures.
 */
export function inWindow(effective: string | null, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  if (!effective) return false;
  const p = period(effective);
  return (!since || p.end >= since) && (!until || p.start <= until);
}

/** A category's period is its award year. */
export function categoryDate(c: Pick<CategoryExportRow, 'year' | 'published'>): string | null {
  return c.year !== null ? String(c.year) : c.published;
}

/** The rows of `--kind all`: facts then categories, each with its kind and id. */
export async function* allRows(facts: AsyncIterable<object>, categories: CategoryExportRow[]): AsyncIterable<Record<string, unknown>> {
  for await (const f of facts) {
    const { fact_id, ...rest } = f as ExportRow;
    yield { kind: 'fact', id: fact_id, ...rest };
  }
  for (const c of categories) {
    const { category_id, ...rest } = c;
    yield { kind: 'category', id: category_id, ...rest };
  }
}

function sqlType(values: unknown[]): string {
  const seen = values.filter((v) => v !== null && v !== undefined);
  if (seen.length && seen.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'INTEGER';
  if (seen.length && seen.every((v) => typeof v === 'number')) return 'REAL';
  return 'TEXT';
}

function cell(v: unknown): unknown {
  if (v === undefined) return null;
  if (Array.isArray(v) || (v !== null && typeof v === 'object')) return JSON.stringify(v);
  return v;
}

/** The tables of `--format sqlite`, each with its rows and column order. */
export interface SqliteCopyTables {
  facts: { columns: readonly string[]; rows: object[] };
  coverage_latest: { columns: readonly string[]; rows: CoverageRow[] };
  categories: { columns: readonly string[]; rows: CategoryExportRow[] };
}

/**
 * Writes a new SQLite file holding only the published views, as plain tables (codes as TEXT, lists as JSON text)
 * plus `about` (what, when, from where). Refuses an existing file: a copy never overwrites.
 */
export function writeSqliteCopy(path: string, tables: SqliteCopyTables, about: Record<string, string>): Record<string, number> {
  if (existsSync(path)) throw new Error(`${path}: already exists; remove it or choose another --out (a copy never overwrites a file)`);
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new Error(`${path}: the folder ${folder} does not exist; create it first (mkdir -p ${folder}) or choose another --out`);
  const db = new Database(path);
  const counts: Record<string, number> = {};
  try {
    db.pragma('journal_mode = DELETE');
    db.transaction(() => {
      db.exec('CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      const put = db.prepare('INSERT INTO about (key, value) VALUES (?, ?)');
      for (const [k, v] of Object.entries(about)) put.run(k, v);
      for (const [name, t] of Object.entries(tables) as [string, { columns: readonly string[]; rows: object[] }][]) {
        const rows = t.rows as Record<string, unknown>[];
        const defs = t.columns.map((c) => `"${c}" ${c.endsWith('_code') ? 'TEXT' : sqlType(rows.map((r) => r[c]))}`);
        db.exec(`CREATE TABLE "${name}" (${defs.join(', ')})`);
        const ins = db.prepare(`INSERT INTO "${name}" VALUES (${t.columns.map(() => '?').join(', ')})`);
        for (const r of rows) ins.run(...t.columns.map((c) => cell(r[c])));
        if (t.columns.includes('region_code')) db.exec(`CREATE INDEX "${name}_region" ON "${name}" (region_code)`);
        counts[name] = rows.length;
      }
    })();
  } finally {
    db.close();
  }
  return counts;
}

type FieldType = 'string' | 'integer' | 'number';

/** Every exported column: its Frictionless type and what it means. */
const FIELDS: Record<string, [FieldType, string]> = {
  kind: ['string', '"fact" or "category" (--kind all)'],
  id: ['integer', 'fact_id or category_id (--kind all)'],
  fact_id: ['integer', 'id of the fact in the database (cakupan review accept <id>)'],
  category_id: ['integer', 'id of the category in the database (cakupan review accept category:<id>)'],
  region_code: ['string', 'Kemendagri region code: "63" a province, "63.03" a kabupaten/kota, "00" Indonesia. Text, not a number'],
  region_name: ['string', 'region name, e.g. "Kabupaten Banjar"'],
  level: ['string', 'nasional, provinsi, kabupaten or kota'],
  province_code: ['string', 'code of the province the region lies in (its own code for a province; empty for Indonesia). Text'],
  province_name: ['string', 'name of that province'],
  metric: ['string', 'coverage_pct, active_pct, enrolled_count, active_count or population'],
  value: ['number', 'the figure: a percentage (98.77) or a count of people'],
  as_of: ['string', 'the date the article gives the figure (YYYY, YYYY-MM or YYYY-MM-DD), empty when it gives none'],
  published: ['string', "the article's publication date (YYYY-MM-DD), from the page or the article's dateline"],
  effective_date: ['string', 'the date the figure stands for: as_of, else published, else the date in the page URL'],
  date_source: ['string', 'where effective_date comes from: as_of, published, dateline, url or none'],
  age_days: ['integer', 'days from the end of effective_date\'s period to the day of the export (--latest)'],
  status: ['string', 'auto (as extracted), accepted or corrected (by a reviewer), rejected, retired'],
  confidence: ['number', 'calibrated probability that the row is right (0..1)'],
  reasons: ['string', 'JSON list of the rules that produced the row'],
  flags: ['string', 'JSON list of warnings: conflict (another source disagrees), ratio (enrolled/population disagrees), …'],
  evidence_text: ['string', 'the words of the article the row was read from'],
  evidence_start: ['integer', 'start of evidence_text in the article text, in code points'],
  evidence_end: ['integer', 'end of evidence_text in the article text, in code points'],
  raw: ['string', 'the figure as printed ("98,77 persen")'],
  extracted_value: ['number', 'the value as extracted, before any correction'],
  extractor_version: ['integer', 'version of the extraction rules that produced the row'],
  article_id: ['integer', 'id of the article in the database'],
  title: ['string', "the article's headline"],
  source_url: ['string', 'the page the article was read from'],
  canonical_url: ['string', "the page's canonical URL when it names another"],
  site: ['string', 'host name of the news site'],
  tier: ['string', 'UHC award category: Pratama, Madya, Utama or Paripurna'],
  year: ['integer', 'year of the award'],
  version: ['integer', 'row version (raised by every review)'],
  updated_at: ['string', 'when the row last changed (ISO 8601)'],
};

/** A Frictionless Data package (https://specs.frictionlessdata.io/data-package/) describing one exported CSV. */
export function dataPackage(csvName: string, columns: readonly string[], description: string): object {
  return {
    profile: 'tabular-data-package',
    name: 'cakupan',
    title: 'JKN coverage figures from Indonesian regional news (cakupan)',
    description,
    created: new Date().toISOString(),
    // No licence is claimed: the figures are the cited news sites' (source_url on every row).
    sources: [{ title: 'Indonesian regional news articles, one per row (source_url)' }],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: csvName.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
        path: csvName,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: columns.map((c) => {
            const [type, desc] = FIELDS[c] ?? ['string', c];
            return { name: c, type, description: desc };
          }),
          missingValues: [''],
        },
      },
    ],
  };
}
