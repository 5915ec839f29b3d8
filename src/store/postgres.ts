/**
 * The networked backend: the same `CoverageStore` on PostgreSQL (`--db postgres://user@host/db[?schema=name]`),
 * for many machines sharing one database. `pg` with a pool (src/store/pg.ts); every value a parameter, never
 * spliced into SQL; the schema from the same migrations as SQLite (`migratePg`).
 *
 * Where SQLite serialises writers with one file lock, PostgreSQL runs them side by side, so each write says
 * what it must lock: a re-extraction locks its article's rows (`FOR UPDATE`) before reconciling them, so a
 * reviewer's decision is never overwritten by a refresh that read the row before it; a reviewer's write checks
 * the row `version`; plan creation and the conflict recomputation take an advisory lock; a transaction that
 * loses a deadlock or a serialization race is retried whole.
 */
import { hostname } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import { EXTRACTOR_VERSION } from '../extract/index.ts';
import { loadGazetteer } from '../normalize/regions.ts';
import { BODY_GZIP_LEVEL, CONFLICT_PCT_TOLERANCE, PG_TX_RETRIES } from './config.ts';
import { listMigrations, migratePg, MIGRATIONS_DIR } from './migrate.ts';
import { createPgPool, type PgHandle } from './pg.ts';
import { categoryRows, factRows, FLAGS, pageRowOf, prepareExtractions, sha256, textFingerprint, type CategoryRow, type FactRow } from './pipeline.ts';
import { nextState, stateOf } from './review-rules.ts';
import { PgReviewReads } from './review-reads-pg.ts';
import type { ReviewReads } from './review-reads.ts';
import { CATEGORY_SPEC, FACT_SPEC, reconcile, type DraftRow, type ReconcileSpec, type StoredRow } from './reconcile.ts';
import { splitIds } from './sqlite.ts';
import { MissedFact, missedFactRow, type MissedFactArticle } from './missed.ts';
import {
  addCounts,
  emptyCounts,
  ExportRow,
  FactReview,
  ItemReview,
  LIVE_STATUSES,
  RowError,
  StoreError,
  type ArticleExtraction,
  type CoverageRow,
  type CoverageStore,
  type ExportQuery,
  type ExtractionResult,
  type RefreshBatch,
  type RefreshPlan,
  type ReviewedArticle,
  type RunCommand,
  type RunCounts,
  type RunOutcome,
  type RunRecord,
  type SaveOutcome,
  type SourceDocument,
  type StaleArticle,
  type StoreStats,
  CategoryExportRow,
  type CategoryQuery,
} from './types.ts';

/** Options of `openPgStore`. */
export interface PgOpenOptions {
  /** The extractor version stored articles are compared with. @default EXTRACTOR_VERSION */
  extractorVersion?: number;
  /** Refuse a database without the cakupan schema (read commands). @default false */
  mustExist?: boolean;
  /** The schema to work in; overrides the URL's `?schema=`. */
  schema?: string;
  /** Migrations folder (tests). @default MIGRATIONS_DIR */
  migrationsDir?: string;
  /** Stop migrating at this version (tests). */
  migrateUpTo?: number;
  /** Connections in the pool. @default PG_POOL_MAX */
  poolSize?: number;
}

type Row = Record<string, unknown>;
type Db = pg.Pool | pg.PoolClient;
type ConflictKey = { region_code: string; metric: string; as_of: string | null };
/** One validated re-extraction of a batch. */
type BatchItem = { article: StaleArticle; ex: ArticleExtraction; facts: FactRow[]; cats: CategoryRow[]; text_sha256: string };

const WHO_MACHINE = 'cakupan refresh';
const LIVE = [...LIVE_STATUSES];
/** Rows per round trip when `export` walks the facts (keyset pages, so memory stays flat). */
const EXPORT_PAGE = 2_000;
/** Error codes after which a whole transaction is simply run again: deadlock, serialization, a unique race. */
const RETRY_CODES = new Set(['40P01', '40001', '23505']);

/** `@name` parameters (as the SQLite statements are written) to `$n` with their values in order. */
function bind(sql: string, params: Record<string, unknown> = {}): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/@([a-z_][a-z0-9_]*)/gi, (_m, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter @${name} not given`);
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text, values: names.map((n) => params[n]) };
}

async function q<T = Row>(db: Db, sql: string, params?: Record<string, unknown>): Promise<T[]> {
  const { text, values } = bind(sql, params);
  return (await db.query(text, values)).rows as T[];
}

async function one<T = Row>(db: Db, sql: string, params?: Record<string, unknown>): Promise<T | undefined> {
  return (await q<T>(db, sql, params))[0];
}

async function exec(db: Db, sql: string, params?: Record<string, unknown>): Promise<number> {
  const { text, values } = bind(sql, params);
  return (await db.query(text, values)).rowCount ?? 0;
}

function parseFlags(row: Row): StoredRow {
  return { ...(row as StoredRow), flags: JSON.parse(String(row.flags ?? '[]')) as string[] };
}

function now(): string {
  return new Date().toISOString();
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : 'local';
  } catch {
    return 'local';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const FACT_COLS = ['region_code', 'metric', 'value', 'as_of', 'published', 'published_source', 'url_date', 'confidence', 'reasons', 'evidence_start', 'evidence_end', 'evidence_text', 'raw', 'extracted_value', 'extracted_as_of', 'extractor_version'];
const CAT_COLS = ['region_code', 'category', 'year', 'published', 'confidence', 'reasons', 'evidence_start', 'evidence_end', 'evidence_text', 'extracted_category', 'extracted_year', 'extractor_version'];
const insertSql = (table: string, cols: string[]) =>
  `INSERT INTO ${table} (article_id, match_key, ${cols.join(', ')}, status, flags, version, created_at, updated_at)
   VALUES (@article_id, @match_key, ${cols.map((c) => '@' + c).join(', ')}, 'auto', @flags, 1, @now, @now)`;
const updateSql = (table: string, cols: string[]) =>
  `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, status = @status, retired_from = @retired_from,
     flags = @flags, version = version + 1, updated_at = @now WHERE id = @id`;
const pick = (row: Record<string, unknown>, cols: string[], extra: Record<string, unknown>) => {
  const out: Record<string, unknown> = { ...extra };
  for (const c of cols) out[c] = row[c] ?? null;
  return out;
};

const SQL = {
  insertFact: insertSql('facts', FACT_COLS),
  updateFact: updateSql('facts', FACT_COLS),
  insertCategory: insertSql('categories', CAT_COLS),
  updateCategory: updateSql('categories', CAT_COLS),
  insertReview: `INSERT INTO reviews (subject, subject_id, action, who, at, before, after, note, run_id)
     VALUES (@subject, @subject_id, @action, @who, @now, @before, @after, @note, @run_id)`,
  addRunCounts: `UPDATE runs SET pages_seen = pages_seen + @pages_seen, pages_unchanged = pages_unchanged + @pages_unchanged,
     articles_new = articles_new + @articles_new, articles_linked = articles_linked + @articles_linked,
     articles_extracted = articles_extracted + @articles_extracted, facts_added = facts_added + @facts_added,
     facts_updated = facts_updated + @facts_updated, facts_retired = facts_retired + @facts_retired,
     facts_revived = facts_revived + @facts_revived, errors = errors + @errors WHERE id = @id`,
  stale: `SELECT a.id AS "articleId", p.id AS "pageId", p.url, p.kind, p.content_type AS "contentType", p.title_hint AS "titleHint",
            p.published_hint AS "publishedHint", p.body_encoding AS "bodyEncoding", p.body
     FROM articles a JOIN pages p ON p.id = a.page_id
     WHERE a.id > @after AND a.id <= @up_to AND (a.extractor_version < @version OR COALESCE(a.extracted_run_id, 0) < @cutoff)
     ORDER BY a.id LIMIT @limit`,
  // Flags are JSON text written as JSON.stringify writes it (no spaces), the same bytes SQLite's json functions give.
  addFlag: (flag: string) =>
    `CASE WHEN flags = '[]' THEN '[' || to_json('${flag}'::text)::text || ']' ELSE left(flags, length(flags) - 1) || ',' || to_json('${flag}'::text)::text || ']' END`,
  dropFlag: (flag: string) =>
    `(SELECT '[' || COALESCE(string_agg(to_json(e.v)::text, ',' ORDER BY e.n), '') || ']'
      FROM jsonb_array_elements_text(flags::jsonb) WITH ORDINALITY e(v, n) WHERE e.v <> '${flag}')`,
};

/**
 * PostgreSQL types of the columns written in bulk (`unnest` needs them spelled out), read from the schema at open,
 * so a column another migration adds is written with its own type.
 */
type ColumnTypes = Map<string, string>;

/** `unnest(@c1::type[], …) AS u(c1, …)` and its parameters, for rows given as objects with these columns. */
function unnestOf(types: ColumnTypes, table: string, cols: string[], rows: Record<string, unknown>[]): { from: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  for (const c of cols) params[`u_${c}`] = rows.map((r) => r[c] ?? null);
  const type = (c: string) => {
    const t = types.get(`${table}.${c}`);
    if (!t) throw new Error(`${table}.${c}: no such column in the PostgreSQL schema`);
    return t;
  };
  return { from: `unnest(${cols.map((c) => `@u_${c}::${type(c)}[]`).join(', ')}) AS u(${cols.join(', ')})`, params };
}

/** Inserts (`insert`) or updates by id (`update`) many fact or category rows in one statement. */
async function bulkWrite(db: Db, types: ColumnTypes, table: 'facts' | 'categories', cols: string[], mode: 'insert' | 'update', rows: Record<string, unknown>[], t: string): Promise<void> {
  if (!rows.length) return;
  if (mode === 'insert') {
    const all = ['article_id', 'match_key', ...cols, 'flags'];
    const u = unnestOf(types, table, all, rows);
    await exec(
      db,
      `INSERT INTO ${table} (${all.join(', ')}, status, version, created_at, updated_at) SELECT ${all.map((c) => 'u.' + c).join(', ')}, 'auto', 1, @now, @now FROM ${u.from}`,
      { ...u.params, now: t },
    );
  } else {
    const all = [...cols, 'status', 'retired_from', 'flags', 'id'];
    const u = unnestOf(types, table, all, rows);
    await exec(
      db,
      `UPDATE ${table} x SET ${[...cols, 'status', 'retired_from', 'flags'].map((c) => `${c} = u.${c}`).join(', ')}, version = x.version + 1, updated_at = @now
       FROM ${u.from} WHERE x.id = u.id`,
      { ...u.params, now: t },
    );
  }
}

/** Opens (creating the schema if needed) the coverage database at a `postgres://` URL, migrated to the latest schema. */
export async function openPgStore(url: string, opts: PgOpenOptions = {}): Promise<PgStore> {
  const handle = await createPgPool(url, { schema: opts.schema, max: opts.poolSize, createSchema: !opts.mustExist });
  try {
    const has = await one(handle.pool, "SELECT 1 AS ok FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'");
    if (!has && opts.mustExist)
      throw new StoreError(handle.location, 'missing', `no cakupan database in schema "${handle.schema}"; run \`cakupan ingest --db ${handle.location}\` first`);
    if (has) {
      const known = new Set(listMigrations(opts.migrationsDir ?? MIGRATIONS_DIR).map((m) => m.version));
      const applied = await q<{ version: number; name: string }>(handle.pool, 'SELECT version, name FROM schema_migrations ORDER BY version');
      const newer = applied.filter((m) => !known.has(m.version));
      if (newer.length) {
        const names = newer.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`).join(', ');
        throw new StoreError(handle.location, 'too-new', `was written by a newer cakupan (migrations unknown here: ${names}); update cakupan`);
      }
    }
    await migratePg(handle.pool, { dir: opts.migrationsDir, upTo: opts.migrateUpTo });
    const store = new PgStore(handle, opts.extractorVersion ?? EXTRACTOR_VERSION);
    for (const c of await q<{ t: string; c: string; type: string }>(
      handle.pool,
      `SELECT table_name AS t, column_name AS c, format_type(a.atttypid, a.atttypmod) AS type
       FROM information_schema.columns ic JOIN pg_attribute a ON a.attname = ic.column_name
         AND a.attrelid = (quote_ident(ic.table_schema) || '.' || quote_ident(ic.table_name))::regclass
       WHERE ic.table_schema = current_schema() AND ic.table_name IN ('facts', 'categories')`,
    ))
      store.columnTypes.set(`${c.t}.${c.c}`, c.type);
    await store.syncRegions();
    return store;
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

/** The PostgreSQL implementation of `CoverageStore`. */
export class PgStore implements CoverageStore {
  readonly location: string;
  readonly extractorVersion: number;
  /** The schema the tables live in. */
  readonly schema: string;
  private readonly handle: PgHandle;
  private readonly regionCodes = new Set<string>();
  private readonly populations = new Map<string, number | null>();
  /** `table.column` → PostgreSQL type, for bulk writes. */
  readonly columnTypes: ColumnTypes = new Map();

  constructor(handle: PgHandle, extractorVersion: number) {
    this.handle = handle;
    this.location = handle.location;
    this.schema = handle.schema;
    this.extractorVersion = extractorVersion;
  }

  /** The store's pool, for the other store-side tables on the same connection (the WARC ledger, src/store/warc-store.ts). */
  get pool(): pg.Pool {
    return this.handle.pool;
  }

  /**
   * Runs `fn` in one transaction on one pooled connection; a deadlock, serialization failure or unique race
   * rolls back and runs it again (up to PG_TX_RETRIES times), so `fn` must compute everything it returns inside.
   */
  async transaction<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const client = await this.handle.pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (err as { code?: string }).code;
        if (code && RETRY_CODES.has(code) && attempt < PG_TX_RETRIES) {
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
          continue;
        }
        throw err;
      } finally {
        client.release();
      }
    }
  }

  /** Loads the gazetteer into `regions` when it changed since the last open. */
  async syncRegions(): Promise<void> {
    const g = loadGazetteer();
    const entries = [...g.regions];
    if (!entries.some((r) => r.code === '00')) entries.unshift({ code: '00', name: 'Indonesia', level: 'nasional', bare: 'Indonesia', provinceCode: null, population: null });
    const provincesTotal = entries.filter((r) => r.level === 'provinsi').reduce((sum, r) => sum + (r.population ?? 0), 0);
    const rows = entries
      .map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        province_code: r.level === 'nasional' ? null : r.provinceCode,
        population: r.code === '00' ? r.population ?? provincesTotal : r.population,
      }))
      .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
    const fingerprint = sha256(JSON.stringify(rows));
    const stored = await one<{ value: string }>(this.handle.pool, "SELECT value FROM store_meta WHERE key = 'gazetteer_sha256'");
    if (stored?.value !== fingerprint) {
      await this.transaction(async (db) => {
        await db.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':cakupan-regions'))");
        // Provinces before kabupaten (sorted by code length): a region's province row exists when it is written.
        await q(
          db,
          `INSERT INTO regions (code, name, level, province_code, population)
           SELECT code, name, level, province_code, population
           FROM unnest(@codes::text[], @names::text[], @levels::text[], @provinces::text[], @populations::bigint[]) WITH ORDINALITY AS r(code, name, level, province_code, population, n)
           ORDER BY n
           ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, province_code = excluded.province_code, population = excluded.population`,
          {
            codes: rows.map((r) => r.code),
            names: rows.map((r) => r.name),
            levels: rows.map((r) => r.level),
            provinces: rows.map((r) => r.province_code),
            populations: rows.map((r) => r.population),
          },
        );
        await exec(db, 'INSERT INTO store_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value', {
          key: 'gazetteer_sha256',
          value: fingerprint,
        });
      });
    }
    for (const r of await q<{ code: string; population: number | null }>(this.handle.pool, 'SELECT code, population FROM regions')) {
      this.regionCodes.add(r.code);
      this.populations.set(r.code, r.population);
    }
  }

  private population = (code: string): number | null => this.populations.get(code) ?? null;

  // ---- runs ---------------------------------------------------------------------------------------

  /** Marks runs of this host whose process is gone as interrupted (a SIGKILLed refresh, a crashed worker). */
  private async interruptDead(db: Db): Promise<void> {
    const here = hostname();
    for (const r of await q<{ id: number; pid: number | null; host: string | null }>(db, "SELECT id, pid, host FROM runs WHERE outcome = 'running'")) {
      if (r.host === here && r.pid && r.pid !== process.pid && !isAlive(r.pid))
        await exec(db, "UPDATE runs SET outcome = 'interrupted', finished_at = COALESCE(finished_at, @now) WHERE id = @id AND outcome = 'running'", { id: r.id, now: now() });
    }
  }

  async startRun(command: RunCommand, args: Record<string, unknown>, opts: { resumes?: number | null } = {}): Promise<number> {
    return this.transaction(async (db) => {
      await this.interruptDead(db);
      const r = await one<{ id: number }>(
        db,
        `INSERT INTO runs (command, args, started_at, extractor_version, pid, host, resumes_run_id)
         VALUES (@command, @args, @now, @extractor_version, @pid, @host, @resumes) RETURNING id`,
        { command, args: JSON.stringify(args), now: now(), extractor_version: this.extractorVersion, pid: process.pid, host: hostname(), resumes: opts.resumes ?? null },
      );
      return r!.id;
    });
  }

  async finishRun(runId: number, outcome: RunOutcome, message: string | null = null): Promise<RunRecord> {
    return this.transaction(async (db) => {
      await exec(db, 'UPDATE runs SET outcome = @outcome, finished_at = @now, message = @message WHERE id = @id', { id: runId, outcome, message, now: now() });
      return (await one<RunRecord>(db, 'SELECT * FROM runs WHERE id = @id', { id: runId }))!;
    });
  }

  async addRunCounts(runId: number, counts: Partial<RunCounts>): Promise<void> {
    await exec(this.handle.pool, SQL.addRunCounts, { ...addCounts(emptyCounts(), counts), id: runId });
  }

  async interruptedFullRefresh(): Promise<number | null> {
    await this.transaction((db) => this.interruptDead(db));
    const row = await one<{ id: number; args: string }>(
      this.handle.pool,
      `SELECT id, args FROM runs r WHERE command = 'refresh' AND (args::jsonb ->> 'all') = 'true' AND outcome = 'interrupted'
         AND NOT EXISTS (SELECT 1 FROM runs r2 WHERE r2.command = 'refresh' AND (r2.args::jsonb ->> 'all') = 'true'
                         AND r2.outcome IN ('ok', 'partial') AND r2.id > r.id)
       ORDER BY id DESC LIMIT 1`,
    );
    if (!row) return null;
    const cutoff = (JSON.parse(row.args) as { cutoff?: number | null }).cutoff;
    return cutoff ?? row.id;
  }

  // ---- ingest -------------------------------------------------------------------------------------

  async pageState(url: string) {
    const r = await one<{ sha256: string; articleId: number | null; extractorVersion: number | null }>(
      this.handle.pool,
      `SELECT p.sha256, p.article_id AS "articleId", a.extractor_version AS "extractorVersion"
       FROM pages p LEFT JOIN articles a ON a.id = p.article_id WHERE p.url = @url`,
      { url },
    );
    return r ? { sha256: r.sha256, articleId: r.articleId, extractorVersion: r.extractorVersion } : null;
  }

  async saveDocument(doc: SourceDocument, ex: ArticleExtraction, runId: number): Promise<SaveOutcome> {
    const facts = factRows(ex, doc.url, this.regionCodes, this.extractorVersion, this.population);
    const cats = categoryRows(ex, doc.url, this.regionCodes, this.extractorVersion);
    const body = gzipSync(doc.bytes, { level: BODY_GZIP_LEVEL });
    const pageSha = sha256(doc.bytes);
    const text_sha256 = sha256(ex.text);
    const text_fingerprint = textFingerprint(ex.text);
    return this.transaction(async (db) => {
      const t = now();
      const existing = await one<{ id: number; sha256: string; articleId: number | null; articlePageId: number | null }>(
        db,
        `SELECT p.id, p.sha256, p.article_id AS "articleId", a.page_id AS "articlePageId"
         FROM pages p LEFT JOIN articles a ON a.id = p.article_id WHERE p.url = @url FOR UPDATE OF p`,
        { url: doc.url },
      );
      const site = await one<{ id: number }>(
        db,
        `INSERT INTO sites (host, name, first_seen) VALUES (@host, @name, @now)
         ON CONFLICT (host) DO UPDATE SET name = COALESCE(sites.name, excluded.name) RETURNING id`,
        { host: hostOf(doc.url), name: ex.siteName, now: t },
      );
      const pageRow = pageRowOf(doc, ex, site!.id, pageSha, runId, body);
      const counts: Partial<RunCounts> = { pages_seen: 1 };
      let pageId: number;
      if (existing) {
        pageId = existing.id;
        await exec(
          db,
          `UPDATE pages SET canonical_url = @canonical_url, site_id = @site_id, fetched_at = @fetched_at, status = @status, headers = @headers,
             content_type = @content_type, kind = @kind, sha256 = @sha256, size = @size, body_encoding = 'gzip', title_hint = @title_hint,
             published_hint = @published_hint, ingest_run_id = @run_id, body = @body WHERE id = @id`,
          { ...pageRow, id: pageId },
        );
        if (existing.articleId !== null && existing.articlePageId === pageId) {
          addCounts(counts as RunCounts, await this.applyExtraction(db, existing.articleId, ex, facts, cats, runId, { text_sha256, text_fingerprint }));
          await exec(db, SQL.addRunCounts, { ...addCounts(emptyCounts(), counts), id: runId });
          return { kind: 'updated', articleId: existing.articleId, counts };
        }
      } else {
        pageId = (await one<{ id: number }>(
          db,
          `INSERT INTO pages (url, canonical_url, site_id, fetched_at, status, headers, content_type, kind, sha256, size, body_encoding, title_hint, published_hint, article_id, ingest_run_id, body)
           VALUES (@url, @canonical_url, @site_id, @fetched_at, @status, @headers, @content_type, @kind, @sha256, @size, 'gzip', @title_hint, @published_hint, NULL, @run_id, @body) RETURNING id`,
          pageRow,
        ))!.id;
      }
      const dup =
        (await one<{ id: number }>(db, 'SELECT id FROM articles WHERE text_fingerprint = @fingerprint ORDER BY id LIMIT 1', { fingerprint: text_fingerprint }))?.id ??
        (pageRow.canonical_url
          ? (await one<{ article_id: number }>(
              db,
              'SELECT article_id FROM pages WHERE article_id IS NOT NULL AND id <> @page_id AND (url = @canonical OR canonical_url = @canonical) ORDER BY id LIMIT 1',
              { canonical: pageRow.canonical_url, page_id: pageId },
            ))?.article_id
          : undefined);
      if (dup !== undefined) {
        await exec(db, 'UPDATE pages SET article_id = @article_id WHERE id = @id', { id: pageId, article_id: dup });
        counts.articles_linked = 1;
        await exec(db, SQL.addRunCounts, { ...addCounts(emptyCounts(), counts), id: runId });
        return { kind: 'linked', articleId: dup, counts };
      }
      const articleId = (await one<{ id: number }>(
        db,
        `INSERT INTO articles (page_id, extractor_version, extracted_at, extracted_run_id, text_sha256, text_fingerprint, method, title, published, text)
         VALUES (@page_id, @extractor_version, @now, @run_id, @text_sha256, @text_fingerprint, @method, @title, @published, @text) RETURNING id`,
        { page_id: pageId, extractor_version: this.extractorVersion, now: t, run_id: runId, text_sha256, text_fingerprint, method: ex.method, title: ex.title, published: ex.published, text: ex.text },
      ))!.id;
      await exec(db, 'UPDATE pages SET article_id = @article_id WHERE id = @id', { id: pageId, article_id: articleId });
      for (const f of facts) await exec(db, SQL.insertFact, pick(f as unknown as Row, FACT_COLS, { match_key: f.match_key, article_id: articleId, flags: JSON.stringify(f.flags), now: t }));
      for (const c of cats) await exec(db, SQL.insertCategory, pick(c as unknown as Row, CAT_COLS, { match_key: c.match_key, article_id: articleId, flags: JSON.stringify(c.flags), now: t }));
      Object.assign(counts, { articles_new: 1, articles_extracted: 1, facts_added: facts.length });
      await exec(db, SQL.addRunCounts, { ...addCounts(emptyCounts(), counts), id: runId });
      return { kind: 'new', articleId, counts };
    });
  }

  /** Rewrites one article from a new extraction and reconciles its facts and categories (inside a transaction). */
  private async applyExtraction(
    db: pg.PoolClient,
    articleId: number,
    ex: ArticleExtraction,
    facts: FactRow[],
    cats: CategoryRow[],
    runId: number,
    hashes: { text_sha256: string; text_fingerprint?: string },
  ): Promise<Partial<RunCounts>> {
    const t = now();
    // The article row is the lock of its facts: a reviewer's write of one of them waits for this re-extraction.
    const stored = await one<{ text_sha256: string }>(db, 'SELECT text_sha256 FROM articles WHERE id = @id FOR UPDATE', { id: articleId });
    const meta = { id: articleId, extractor_version: this.extractorVersion, now: t, run_id: runId, method: ex.method, title: ex.title, published: ex.published };
    if (stored?.text_sha256 === hashes.text_sha256)
      await exec(
        db,
        `UPDATE articles SET extractor_version = @extractor_version, extracted_at = @now, extracted_run_id = @run_id, method = @method,
           title = @title, published = @published WHERE id = @id`,
        meta,
      );
    else
      await exec(
        db,
        `UPDATE articles SET extractor_version = @extractor_version, extracted_at = @now, extracted_run_id = @run_id, text_sha256 = @text_sha256,
           text_fingerprint = @text_fingerprint, method = @method, title = @title, published = @published, text = @text WHERE id = @id`,
        { ...meta, text_sha256: hashes.text_sha256, text_fingerprint: hashes.text_fingerprint ?? textFingerprint(ex.text), text: ex.text },
      );
    const counts: Partial<RunCounts> = { articles_extracted: 1 };
    const apply = async (subject: 'fact' | 'category', table: 'facts' | 'categories', spec: ReconcileSpec, drafts: DraftRow[], cols: string[]) => {
      const existing = await q(db, `SELECT * FROM ${table} WHERE article_id = @article_id ORDER BY id FOR UPDATE`, { article_id: articleId });
      const plan = reconcile(existing.map(parseFlags), drafts, spec);
      if (plan.stamped.length) await exec(db, `UPDATE ${table} SET extractor_version = @v WHERE id = ANY(@ids::bigint[])`, { ids: plan.stamped, v: this.extractorVersion });
      const ins = subject === 'fact' ? SQL.insertFact : SQL.insertCategory;
      const upd = subject === 'fact' ? SQL.updateFact : SQL.updateCategory;
      for (const d of plan.inserts) await exec(db, ins, pick(d as unknown as Row, cols, { match_key: d.match_key, article_id: articleId, flags: JSON.stringify(d.flags), now: t }));
      for (const u of plan.updates) {
        const next = u.next as unknown as Row;
        await exec(db, upd, pick(next, cols, { id: u.id, status: next.status, retired_from: next.retired_from ?? null, flags: JSON.stringify(u.next.flags), now: t }));
        if (u.audit)
          await exec(db, SQL.insertReview, {
            subject,
            subject_id: u.id,
            action: u.audit.action,
            who: WHO_MACHINE,
            now: t,
            before: JSON.stringify(u.audit.before),
            after: JSON.stringify(u.audit.after),
            note: null,
            run_id: runId,
          });
      }
      return plan;
    };
    const pf = await apply('fact', 'facts', FACT_SPEC, facts as unknown as DraftRow[], FACT_COLS);
    await apply('category', 'categories', CATEGORY_SPEC, cats as unknown as DraftRow[], CAT_COLS);
    counts.facts_added = pf.inserts.length;
    counts.facts_retired = pf.retired;
    counts.facts_revived = pf.revived;
    counts.facts_updated = pf.updates.length - pf.retired - pf.revived;
    return counts;
  }

  /**
   * `applyExtraction` for a whole batch in a few round trips: the batch's articles, facts and categories are read
   * (and locked, in id order) with one query each, the usual case — the same text, the same facts — is written
   * with one UPDATE per table, and only rows that really change are written one by one.
   */
  private async applyBatch(db: pg.PoolClient, items: BatchItem[], runId: number): Promise<RunCounts> {
    const counts = emptyCounts();
    if (!items.length) return counts;
    const t = now();
    const ids = items.map((i) => i.article.articleId);
    const stored = new Map((await q<{ id: number; text_sha256: string }>(db, 'SELECT id, text_sha256 FROM articles WHERE id = ANY(@ids::bigint[]) ORDER BY id FOR UPDATE', { ids })).map((r) => [r.id, r.text_sha256]));
    const group = (rows: Row[]) => {
      const m = new Map<number, Row[]>();
      for (const r of rows) {
        const list = m.get(r.article_id as number) ?? [];
        list.push(r);
        m.set(r.article_id as number, list);
      }
      return m;
    };
    const factsBy = group(await q(db, 'SELECT * FROM facts WHERE article_id = ANY(@ids::bigint[]) ORDER BY id FOR UPDATE', { ids }));
    const catsBy = group(await q(db, 'SELECT * FROM categories WHERE article_id = ANY(@ids::bigint[]) ORDER BY id FOR UPDATE', { ids }));
    const same = items.filter((i) => stored.get(i.article.articleId) === i.text_sha256);
    if (same.length)
      await exec(
        db,
        `UPDATE articles a SET extractor_version = @v, extracted_at = @now, extracted_run_id = @run_id, method = u.method, title = u.title, published = u.published
         FROM unnest(@ids::bigint[], @methods::text[], @titles::text[], @published::text[]) AS u(id, method, title, published) WHERE a.id = u.id`,
        {
          v: this.extractorVersion,
          now: t,
          run_id: runId,
          ids: same.map((i) => i.article.articleId),
          methods: same.map((i) => i.ex.method),
          titles: same.map((i) => i.ex.title),
          published: same.map((i) => i.ex.published),
        },
      );
    for (const i of items.filter((x) => stored.get(x.article.articleId) !== x.text_sha256))
      await exec(
        db,
        `UPDATE articles SET extractor_version = @extractor_version, extracted_at = @now, extracted_run_id = @run_id, text_sha256 = @text_sha256,
           text_fingerprint = @text_fingerprint, method = @method, title = @title, published = @published, text = @text WHERE id = @id`,
        {
          id: i.article.articleId,
          extractor_version: this.extractorVersion,
          now: t,
          run_id: runId,
          method: i.ex.method,
          title: i.ex.title,
          published: i.ex.published,
          text_sha256: i.text_sha256,
          text_fingerprint: textFingerprint(i.ex.text),
          text: i.ex.text,
        },
      );
    const stampedFacts: number[] = [];
    const stampedCats: number[] = [];
    const writes = { fact: { inserts: [] as Row[], updates: [] as Row[] }, category: { inserts: [] as Row[], updates: [] as Row[] } };
    const audits: Row[] = [];
    for (const i of items) {
      counts.articles_extracted++;
      const articleId = i.article.articleId;
      const plan = (subject: 'fact' | 'category', spec: ReconcileSpec, existing: Row[], drafts: DraftRow[], cols: string[], stamped: number[]) => {
        const plan = reconcile(existing.map(parseFlags), drafts, spec);
        stamped.push(...plan.stamped);
        for (const d of plan.inserts) writes[subject].inserts.push(pick(d as unknown as Row, cols, { match_key: d.match_key, article_id: articleId, flags: JSON.stringify(d.flags) }));
        for (const u of plan.updates) {
          const next = u.next as unknown as Row;
          writes[subject].updates.push(pick(next, cols, { id: u.id, status: next.status, retired_from: next.retired_from ?? null, flags: JSON.stringify(u.next.flags) }));
          if (u.audit) audits.push({ subject, subject_id: u.id, action: u.audit.action, before: JSON.stringify(u.audit.before), after: JSON.stringify(u.audit.after) });
        }
        return plan;
      };
      const pf = plan('fact', FACT_SPEC, factsBy.get(articleId) ?? [], i.facts as unknown as DraftRow[], FACT_COLS, stampedFacts);
      plan('category', CATEGORY_SPEC, catsBy.get(articleId) ?? [], i.cats as unknown as DraftRow[], CAT_COLS, stampedCats);
      counts.facts_added += pf.inserts.length;
      counts.facts_retired += pf.retired;
      counts.facts_revived += pf.revived;
      counts.facts_updated += pf.updates.length - pf.retired - pf.revived;
      if (i.ex.canonicalUrl)
        await exec(db, 'UPDATE pages SET canonical_url = @canonical_url WHERE id = @id', {
          id: i.article.pageId,
          canonical_url: i.ex.canonicalUrl !== i.article.url ? i.ex.canonicalUrl : null,
        });
    }
    // One statement per table and kind of write, whatever the batch holds.
    await bulkWrite(db, this.columnTypes, 'facts', FACT_COLS, 'update', writes.fact.updates, t);
    await bulkWrite(db, this.columnTypes, 'categories', CAT_COLS, 'update', writes.category.updates, t);
    await bulkWrite(db, this.columnTypes, 'facts', FACT_COLS, 'insert', writes.fact.inserts, t);
    await bulkWrite(db, this.columnTypes, 'categories', CAT_COLS, 'insert', writes.category.inserts, t);
    if (audits.length)
      await exec(
        db,
        `INSERT INTO reviews (subject, subject_id, action, who, at, before, after, note, run_id)
         SELECT u.subject, u.subject_id, u.action, @who, @now, u.before, u.after, NULL, @run_id
         FROM unnest(@subjects::text[], @ids::bigint[], @actions::text[], @befores::text[], @afters::text[]) WITH ORDINALITY AS u(subject, subject_id, action, before, after, n) ORDER BY u.n`,
        {
          subjects: audits.map((a) => a.subject),
          ids: audits.map((a) => a.subject_id),
          actions: audits.map((a) => a.action),
          befores: audits.map((a) => a.before),
          afters: audits.map((a) => a.after),
          who: WHO_MACHINE,
          now: t,
          run_id: runId,
        },
      );
    if (stampedFacts.length) await exec(db, 'UPDATE facts SET extractor_version = @v WHERE id = ANY(@ids::bigint[])', { ids: stampedFacts, v: this.extractorVersion });
    if (stampedCats.length) await exec(db, 'UPDATE categories SET extractor_version = @v WHERE id = ANY(@ids::bigint[])', { ids: stampedCats, v: this.extractorVersion });
    return counts;
  }

  // ---- refresh ------------------------------------------------------------------------------------

  async staleArticles(q_: { afterId: number; limit: number; cutoffRunId: number; upToId?: number }): Promise<StaleArticle[]> {
    const rows = await q<Row & { body: Buffer; bodyEncoding: string }>(this.handle.pool, SQL.stale, {
      after: q_.afterId,
      up_to: q_.upToId ?? Number.MAX_SAFE_INTEGER,
      limit: Math.min(q_.limit, Number.MAX_SAFE_INTEGER),
      cutoff: q_.cutoffRunId,
      version: this.extractorVersion,
    });
    return rows.map((r) => ({
      articleId: r.articleId as number,
      pageId: r.pageId as number,
      url: r.url as string,
      kind: r.kind as 'html' | 'text',
      contentType: r.contentType as string | null,
      titleHint: r.titleHint as string | null,
      publishedHint: r.publishedHint as string | null,
      bytes: r.bodyEncoding === 'gzip' ? gunzipSync(r.body) : r.body,
    }));
  }

  async countStale(q_: { cutoffRunId: number }): Promise<number> {
    const r = await one<{ n: number }>(
      this.handle.pool,
      'SELECT count(*) AS n FROM articles a WHERE a.extractor_version < @version OR COALESCE(a.extracted_run_id, 0) < @cutoff',
      { cutoff: q_.cutoffRunId, version: this.extractorVersion },
    );
    return r!.n;
  }

  async planRefresh(p: { all: boolean; runId: number; cutoffRunId: number; batchSize: number }): Promise<RefreshPlan> {
    return this.transaction(async (db) => {
      // One plan however many runs start together: the second waits here and then joins the first's.
      await db.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':cakupan-refresh-plan'))");
      const open = await one<Omit<RefreshPlan, 'joined'>>(
        db,
        `SELECT id, cutoff_run_id AS "cutoffRunId", created_run_id AS "createdRunId", batches, articles FROM refresh_plans
         WHERE finished_at IS NULL AND all_articles = @all AND extractor_version = @version ORDER BY id DESC LIMIT 1`,
        { all: p.all ? 1 : 0, version: this.extractorVersion },
      );
      if (open) return { ...open, joined: true };
      const ids = (
        await q<{ id: number }>(db, 'SELECT a.id FROM articles a WHERE a.extractor_version < @version OR COALESCE(a.extracted_run_id, 0) < @cutoff ORDER BY a.id', {
          cutoff: p.cutoffRunId,
          version: this.extractorVersion,
        })
      ).map((r) => r.id);
      const ranges = splitIds(ids, p.batchSize);
      const id = (await one<{ id: number }>(
        db,
        `INSERT INTO refresh_plans (all_articles, cutoff_run_id, extractor_version, created_run_id, created_at, batches, articles)
         VALUES (@all, @cutoff, @version, @run_id, @now, @batches, @articles) RETURNING id`,
        { all: p.all ? 1 : 0, cutoff: p.cutoffRunId, version: this.extractorVersion, run_id: p.runId, now: now(), batches: ranges.length, articles: ids.length },
      ))!.id;
      if (ranges.length)
        await exec(
          db,
          `INSERT INTO refresh_batches (plan_id, first_article_id, last_article_id, articles)
           SELECT @plan_id, f, l, n FROM unnest(@firsts::bigint[], @lasts::bigint[], @ns::bigint[]) AS b(f, l, n)`,
          { plan_id: id, firsts: ranges.map((r) => r.first), lasts: ranges.map((r) => r.last), ns: ranges.map((r) => r.articles) },
        );
      return { id, cutoffRunId: p.cutoffRunId, createdRunId: p.runId, batches: ranges.length, articles: ids.length, joined: false };
    });
  }

  async leaseRefreshBatch(p: { planId: number; runId: number; leaseMs: number; batchId?: number }): Promise<RefreshBatch | null> {
    return this.transaction(async (db) => {
      const t = Date.now();
      // SKIP LOCKED: two runs asking at once get two different batches, neither waits for the other.
      const b = await one<{ id: number; firstArticleId: number; lastArticleId: number }>(
        db,
        `SELECT b.id, b.first_article_id AS "firstArticleId", b.last_article_id AS "lastArticleId" FROM refresh_batches b
         WHERE b.plan_id = @plan_id AND (@batch_id::bigint IS NULL OR b.id = @batch_id::bigint)
           AND (b.state = 'queued' OR (b.state = 'leased' AND (b.lease_until < @now_ms
                OR NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = b.lease_run_id AND r.outcome = 'running'))))
         ORDER BY b.id LIMIT 1 FOR UPDATE OF b SKIP LOCKED`,
        { plan_id: p.planId, batch_id: p.batchId ?? null, now_ms: t },
      );
      if (!b) return null;
      await exec(db, "UPDATE refresh_batches SET state = 'leased', lease_run_id = @run_id, lease_until = @until, attempts = attempts + 1 WHERE id = @id", {
        id: b.id,
        run_id: p.runId,
        until: t + p.leaseMs,
      });
      return { ...b, planId: p.planId, leaseUntil: t + p.leaseMs };
    });
  }

  async planCutoff(planId: number): Promise<number> {
    const r = await one<{ c: number }>(this.handle.pool, 'SELECT cutoff_run_id AS c FROM refresh_plans WHERE id = @id', { id: planId });
    if (!r) throw new RowError(`refresh plan ${planId}`, 'planId', 'no such plan');
    return r.c;
  }

  async openRefreshBatches(planId: number) {
    return q<{ id: number; firstArticleId: number; lastArticleId: number; articles: number }>(
      this.handle.pool,
      `SELECT id, first_article_id AS "firstArticleId", last_article_id AS "lastArticleId", articles FROM refresh_batches
       WHERE plan_id = @plan_id AND state <> 'done' ORDER BY id`,
      { plan_id: planId },
    );
  }

  async finishRefreshPlan(planId: number): Promise<boolean> {
    return this.transaction(async (db) => {
      const open = await one<{ n: number }>(db, "SELECT count(*) AS n FROM refresh_batches WHERE plan_id = @plan_id AND state <> 'done'", { plan_id: planId });
      if (open!.n > 0) return false;
      await exec(db, 'UPDATE refresh_plans SET finished_at = @now WHERE id = @id AND finished_at IS NULL', { id: planId, now: now() });
      return true;
    });
  }

  async saveExtractions(
    results: ExtractionResult[],
    runId: number,
    opts: { batchId?: number } = {},
  ): Promise<{ counts: RunCounts; refused: { url: string; error: Error }[]; leaseLost?: boolean }> {
    const { prepared, refused } = prepareExtractions(results, { regionCodes: this.regionCodes, extractorVersion: this.extractorVersion, population: this.population });
    const counts = await this.transaction(async (db) => {
      const counts = emptyCounts();
      if (opts.batchId !== undefined) {
        const n = await exec(
          db,
          "UPDATE refresh_batches SET state = 'done', done_run_id = @run_id, done_at = @now WHERE id = @id AND state = 'leased' AND lease_run_id = @run_id",
          { id: opts.batchId, run_id: runId, now: now() },
        );
        if (n !== 1) return null;
      }
      const good: BatchItem[] = [];
      for (const p of prepared) {
        if ('error' in p && p.error) {
          counts.errors++;
          continue;
        }
        const ok = p as { r: ExtractionResult & { extraction: ArticleExtraction }; facts: FactRow[]; cats: CategoryRow[]; hashes: { text_sha256: string } };
        good.push({ article: ok.r.article, ex: ok.r.extraction, facts: ok.facts, cats: ok.cats, text_sha256: ok.hashes.text_sha256 });
      }
      addCounts(counts, await this.applyBatch(db, good, runId));
      await exec(db, SQL.addRunCounts, { ...counts, id: runId });
      return counts;
    });
    if (counts === null) return { counts: emptyCounts(), refused: [], leaseLost: true };
    return { counts, refused };
  }

  async recomputeConflicts(): Promise<number> {
    return this.transaction(async (db) => {
      await db.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':cakupan-conflicts'))");
      const conflicted = `SELECT f.id FROM facts f JOIN (
           SELECT region_code, metric, as_of FROM facts
           WHERE status = ANY(@live::text[]) AND as_of IS NOT NULL
           GROUP BY region_code, metric, as_of
           HAVING count(DISTINCT article_id) > 1
              AND max(value) - min(value) > CASE WHEN right(metric, 4) = '_pct' THEN @pct_tolerance::double precision ELSE 0 END
         ) g ON g.region_code = f.region_code AND g.metric = f.metric AND g.as_of = f.as_of
         WHERE f.status = ANY(@live::text[])`;
      const params = { live: LIVE, pct_tolerance: CONFLICT_PCT_TOLERANCE };
      const added = await exec(
        db,
        `UPDATE facts SET flags = ${SQL.addFlag(FLAGS.conflict)}
         WHERE id IN (${conflicted}) AND NOT (flags::jsonb ? '${FLAGS.conflict}')`,
        params,
      );
      const dropped = await exec(
        db,
        `UPDATE facts SET flags = ${SQL.dropFlag(FLAGS.conflict)}
         WHERE flags LIKE '%"${FLAGS.conflict}"%' AND id NOT IN (${conflicted})`,
        params,
      );
      return added + dropped;
    });
  }

  // ---- review -------------------------------------------------------------------------------------

  private reviewReadsOf?: PgReviewReads;

  /** The review stage's reads (queue, fact page, dashboard, audit, gold export) over the store's pool. */
  reviewReads(): ReviewReads {
    return (this.reviewReadsOf ??= new PgReviewReads(this.handle.pool));
  }

  async reviewFact(input: FactReview): Promise<void> {
    const r = FactReview.parse(input);
    await this.reviewItem({ subject: 'fact', id: r.factId, version: r.version, who: r.who, action: r.action, changes: r.changes, note: r.note });
  }

  async addFact(input: MissedFact): Promise<{ factId: number; reviewId: number }> {
    const m = MissedFact.parse(input);
    return this.transaction(async (db) => {
      const a = await one<MissedFactArticle>(db, 'SELECT a.id, a.text, a.published, p.url FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = @id FOR UPDATE OF a', { id: m.articleId });
      if (!a) throw new RowError(`article ${m.articleId}`, 'id', 'no such article');
      if (!this.regionCodes.has(m.regionCode)) throw new RowError(`article ${m.articleId}`, 'regionCode', `unknown region code "${m.regionCode}"`);
      const seq = Number((await one<{ n: number }>(db, "SELECT count(*) AS n FROM facts WHERE match_key LIKE 'review:%'"))?.n ?? 0) + 1;
      const row = missedFactRow(a, m, this.extractorVersion, seq);
      const t = now();
      await exec(db, SQL.insertFact, pick(row as unknown as Row, FACT_COLS, { match_key: row.match_key, article_id: a.id, flags: '[]', now: t }));
      const f = await one<{ id: number }>(db, 'SELECT id FROM facts WHERE article_id = @article_id AND match_key = @match_key', { article_id: a.id, match_key: row.match_key });
      const factId = Number(f!.id);
      await exec(db, "UPDATE facts SET status = 'corrected' WHERE id = @id", { id: factId });
      await this.recheckConflicts(db, row as unknown as ConflictKey);
      const state = { status: 'corrected', value: row.value, as_of: row.as_of, region_code: row.region_code, metric: row.metric, version: 1 };
      const r = await one<{ id: number }>(
        db,
        `INSERT INTO reviews (subject, subject_id, action, who, at, before, after, note, run_id, undoes)
         VALUES ('fact', @subject_id, 'add', @who, @now, NULL, @after, @note, NULL, NULL) RETURNING id`,
        { subject_id: factId, who: m.who, now: t, after: JSON.stringify(state), note: m.note ?? null },
      );
      return { factId, reviewId: Number(r!.id) };
    });
  }

  async reviewItem(input: ItemReview): Promise<{ reviewId: number }> {
    const review = ItemReview.parse(input);
    const table = review.subject === 'fact' ? 'facts' : 'categories';
    return this.transaction(async (db) => {
      // The row lock orders this decision with a refresh of the same article and with a second reviewer.
      const row = await one(db, `SELECT * FROM ${table} WHERE id = @id FOR UPDATE`, { id: review.id });
      if (!row) throw new RowError(`${review.subject} ${review.id}`, 'id', `no such ${review.subject}`);
      if (row.version !== review.version)
        throw new StoreError(this.location, 'stale-version', `${review.subject} ${review.id} changed since version ${review.version} (now ${String(row.version)}); reload it`);
      const undone = review.action === 'undo' && review.undoes ? await one(db, 'SELECT * FROM reviews WHERE id = @id', { id: review.undoes }) : undefined;
      const next = nextState(review, row, this.regionCodes, undone);
      const t = now();
      const before = stateOf(review.subject, row);
      const params = { ...before, ...next, id: review.id, version: review.version, now: t };
      const n =
        review.subject === 'fact'
          ? await exec(
              db,
              `UPDATE facts SET status = @status, value = @value, as_of = @as_of, region_code = @region_code, metric = @metric,
                 retired_from = NULL, version = version + 1, updated_at = @now WHERE id = @id AND version = @version`,
              params,
            )
          : await exec(
              db,
              `UPDATE categories SET status = @status, region_code = @region_code, category = @category, year = @year,
                 retired_from = NULL, version = version + 1, updated_at = @now WHERE id = @id AND version = @version`,
              params,
            );
      if (n !== 1) throw new StoreError(this.location, 'stale-version', `${review.subject} ${review.id} changed while saving; reload it`);
      if (review.subject === 'fact') {
        await this.recheckConflicts(db, before as unknown as ConflictKey);
        await this.recheckConflicts(db, next as unknown as ConflictKey);
      }
      const r = await one<{ id: number }>(
        db,
        `INSERT INTO reviews (subject, subject_id, action, who, at, before, after, note, run_id, undoes)
         VALUES (@subject, @subject_id, @action, @who, @now, @before, @after, @note, NULL, @undoes) RETURNING id`,
        {
          subject: review.subject,
          subject_id: review.id,
          action: review.action,
          who: review.who,
          now: t,
          before: JSON.stringify(before),
          after: JSON.stringify({ ...next, version: review.version + 1 }),
          note: review.note ?? null,
          undoes: review.action === 'undo' || review.action === 'reject' ? (review.undoes ?? null) : null,
        },
      );
      return { reviewId: r!.id };
    });
  }

  /** The `conflict` flag of one region/metric/as-of group, decided as `recomputeConflicts` does for all (inside a transaction). */
  private async recheckConflicts(db: pg.PoolClient, key: ConflictKey): Promise<void> {
    if (key.as_of === null || key.as_of === undefined) return;
    const rows = await q<{ id: number; article_id: number; value: number; status: string; flags: string }>(
      db,
      'SELECT id, article_id, value, status, flags FROM facts WHERE region_code = @region_code AND metric = @metric AND as_of = @as_of ORDER BY id FOR UPDATE',
      key,
    );
    const live = rows.filter((r) => (LIVE_STATUSES as readonly string[]).includes(r.status));
    const values = live.map((r) => r.value);
    const tolerance = key.metric.endsWith('_pct') ? CONFLICT_PCT_TOLERANCE : 0;
    const inConflict = new Set(live.map((r) => r.article_id)).size > 1 && Math.max(...values) - Math.min(...values) > tolerance;
    for (const r of rows) {
      const flags = JSON.parse(r.flags) as string[];
      const want = inConflict && (LIVE_STATUSES as readonly string[]).includes(r.status);
      const has = flags.includes(FLAGS.conflict);
      if (want && !has) await exec(db, 'UPDATE facts SET flags = @flags WHERE id = @id', { id: r.id, flags: JSON.stringify([...flags, FLAGS.conflict]) });
      if (!want && has) await exec(db, 'UPDATE facts SET flags = @flags WHERE id = @id', { id: r.id, flags: JSON.stringify(flags.filter((f) => f !== FLAGS.conflict)) });
    }
  }

  // ---- reading ------------------------------------------------------------------------------------

  async categoryRows(q_: CategoryQuery = {}): Promise<CategoryExportRow[]> {
    const rows = await q(
      this.handle.pool,
      `SELECT * FROM categories_sourced WHERE status = ANY(@statuses::text[]) AND (@region::text IS NULL OR region_code = @region::text) ORDER BY region_code, year, category_id`,
      { statuses: q_.statuses ?? [...LIVE_STATUSES], region: q_.regionCode ?? null },
    );
    return rows.map((r) => CategoryExportRow.parse({ ...r, reasons: JSON.parse(String(r.reasons)), flags: JSON.parse(String(r.flags)) }));
  }

  async *exportRows(q_: ExportQuery = {}): AsyncIterable<ExportRow> {
    const check = (r: Row): ExportRow => {
      const parsed = ExportRow.safeParse({ ...r, reasons: JSON.parse(String(r.reasons)), flags: JSON.parse(String(r.flags)) });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new RowError(`fact ${String(r.fact_id)} (${String(r.source_url)})`, issue.path.join('.'), issue.message);
      }
      return parsed.data;
    };
    if (q_.latest) {
      for (const r of await q(this.handle.pool, 'SELECT fs.* FROM coverage_latest cl JOIN facts_sourced fs ON fs.fact_id = cl.fact_id ORDER BY fs.region_code, fs.metric'))
        yield check(r);
      return;
    }
    const statuses = q_.statuses ?? [...LIVE_STATUSES];
    let after = 0;
    for (;;) {
      const page = await q(this.handle.pool, 'SELECT * FROM facts_sourced WHERE status = ANY(@statuses::text[]) AND fact_id > @after ORDER BY fact_id LIMIT @limit', {
        statuses,
        after,
        limit: EXPORT_PAGE,
      });
      for (const r of page) yield check(r);
      if (page.length < EXPORT_PAGE) return;
      after = page[page.length - 1]!.fact_id as number;
    }
  }

  async coverageLatest(): Promise<CoverageRow[]> {
    return q<CoverageRow>(this.handle.pool, 'SELECT * FROM coverage_latest ORDER BY region_code, metric');
  }

  async timeline(regionCode: string): Promise<CoverageRow[]> {
    // NULLS FIRST: SQLite sorts undated figures first, PostgreSQL last unless told.
    return q<CoverageRow>(this.handle.pool, 'SELECT * FROM coverage_timeline WHERE region_code = @code ORDER BY effective_date NULLS FIRST, metric', { code: regionCode });
  }

  async stats(): Promise<StoreStats> {
    const db = this.handle.pool;
    const live = { live: LIVE };
    const count = async (sql: string, p?: Record<string, unknown>) => (await one<{ n: number }>(db, sql, p))!.n;
    const totals = {
      sites: await count('SELECT count(*) AS n FROM sites'),
      pages: await count('SELECT count(*) AS n FROM pages'),
      articles: await count('SELECT count(*) AS n FROM articles'),
      facts: await count('SELECT count(*) AS n FROM facts'),
      live_facts: await count('SELECT count(*) AS n FROM facts WHERE status = ANY(@live::text[])', live),
      categories: await count('SELECT count(*) AS n FROM categories'),
      reviews: await count('SELECT count(*) AS n FROM reviews'),
      runs: await count('SELECT count(*) AS n FROM runs'),
    };
    const byProvince = await q<StoreStats['byProvince'][number]>(
      db,
      `SELECT COALESCE(g.province_code, g.code) AS province_code, COALESCE(p.name, g.name) AS province,
              count(*) AS facts, count(DISTINCT f.region_code) AS regions
       FROM facts f JOIN regions g ON g.code = f.region_code LEFT JOIN regions p ON p.code = g.province_code
       WHERE f.status = ANY(@live::text[]) GROUP BY 1, 2 ORDER BY 1`,
      live,
    );
    const byMetric = await q<StoreStats['byMetric'][number]>(db, 'SELECT metric, count(*) AS facts FROM facts WHERE status = ANY(@live::text[]) GROUP BY metric ORDER BY metric', live);
    const byStatus = await q<StoreStats['byStatus'][number]>(db, 'SELECT status, count(*) AS facts FROM facts GROUP BY status ORDER BY status');
    const byFlag = await q<StoreStats['byFlag'][number]>(
      db,
      `SELECT j.value AS flag, count(*) AS facts FROM facts f, jsonb_array_elements_text(f.flags::jsonb) AS j(value)
       WHERE f.status = ANY(@live::text[]) GROUP BY j.value ORDER BY j.value`,
      live,
    );
    const bins = await q<{ bin: number; facts: number }>(
      db,
      'SELECT LEAST(CAST(floor(confidence * 10) AS integer), 9) AS bin, count(*) AS facts FROM facts WHERE status = ANY(@live::text[]) GROUP BY 1',
      live,
    );
    const confidence = Array.from({ length: 10 }, (_, i) => ({
      bin: `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`,
      facts: bins.find((b) => b.bin === i)?.facts ?? 0,
    }));
    return { totals, byProvince, byMetric, byStatus, byFlag, confidence };
  }

  async reviewedArticles(): Promise<ReviewedArticle[]> {
    const rows = await q(
      this.handle.pool,
      `SELECT f.article_id, p.url, a.text, f.status, f.region_code, f.metric, f.value, f.as_of, f.extracted_value, f.extracted_as_of,
              f.reasons, f.evidence_start, f.evidence_end, f.evidence_text, f.raw,
              (SELECT r.before FROM reviews r WHERE r.subject = 'fact' AND r.subject_id = f.id ORDER BY r.id LIMIT 1) AS first_before
       FROM facts f JOIN articles a ON a.id = f.article_id JOIN pages p ON p.id = a.page_id
       WHERE f.status <> 'retired'
         AND f.article_id IN (SELECT article_id FROM facts WHERE status IN ('accepted', 'corrected', 'rejected'))
       ORDER BY f.article_id, f.evidence_start, f.id`,
    );
    type F = ReviewedArticle['facts'][number];
    const out = new Map<number, ReviewedArticle>();
    for (const r of rows) {
      const id = r.article_id as number;
      let a = out.get(id);
      if (!a) out.set(id, (a = { url: String(r.url), text: String(r.text), facts: [] }));
      const before = r.first_before ? (JSON.parse(String(r.first_before)) as { region_code?: string; metric?: string }) : {};
      a.facts.push({
        status: r.status as F['status'],
        extracted: {
          regionCode: before.region_code ?? String(r.region_code),
          metric: (before.metric ?? r.metric) as F['extracted']['metric'],
          value: r.extracted_value as number,
          asOf: (r.extracted_as_of as string | null) ?? null,
        },
        current: { regionCode: String(r.region_code), metric: r.metric as F['current']['metric'], value: r.value as number, asOf: (r.as_of as string | null) ?? null },
        reasons: JSON.parse(String(r.reasons ?? '[]')) as string[],
        evidence: { start: r.evidence_start as number, end: r.evidence_end as number, text: String(r.evidence_text) },
        raw: (r.raw as string | null) ?? null,
      });
    }
    return [...out.values()];
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
