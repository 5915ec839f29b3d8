/**
 * The embedded backend: one SQLite file (better-sqlite3, WAL), one prepared statement per intent with named
 * `@params`, every write batched in `db.transaction`.
 *
 * Opening is careful because `--db` may name the wrong file: the header is read first (not SQLite -> refused;
 * another program's SQLite -> refused; a newer cakupan's -> refused), a small file is `quick_check`ed, and
 * nothing is written before all of that passed.
 *
 * `store.db` (the raw handle) is not part of `CoverageStore`: only SQLite-specific code reaches for it (the crawl
 * store's SQLite implementation, the review page's queue reads, the WARC ledger). Writes of every stage go through
 * the interfaces (`reviewItem` for reviewers); see README.md, "The store boundary".
 */
import { accessSync, chmodSync, closeSync, constants as fsConstants, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { EXTRACTOR_VERSION } from '../extract/index.ts';
import { loadGazetteer } from '../normalize/regions.ts';
import { APPLICATION_ID, BODY_GZIP_LEVEL, BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS, CONFLICT_PCT_TOLERANCE, QUICK_CHECK_MAX_BYTES } from './config.ts';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';
import { MissedFact, missedFactRow, type MissedFactArticle } from './missed.ts';
import { categoryRows, factRows, FLAGS, pageRowOf, prepareExtractions, sha256, textFingerprint, type CategoryRow, type FactRow } from './pipeline.ts';
import { nextState, stateOf } from './review-rules.ts';
import { SqliteReviewReads, type ReviewReads } from './review-reads.ts';
import { sqliteCrawlStore, type SqliteCrawlStore } from './crawl-sqlite.ts';
import { CATEGORY_SPEC, FACT_SPEC, reconcile, type DraftRow, type ReconcileSpec, type StoredRow } from './reconcile.ts';
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
  type RunCommand,
  type RunCounts,
  type RunOutcome,
  type RunRecord,
  type SaveOutcome,
  type SourceDocument,
  type StaleArticle,
  type StoreStats,
  type ReviewedArticle,
  CategoryExportRow,
  type CategoryQuery,
} from './types.ts';

/** Options of `openStore`. */
export interface OpenOptions {
  /** How long a write waits for another writer. @default BUSY_TIMEOUT_MS, or env CAKUPAN_BUSY_TIMEOUT_MS */
  busyTimeoutMs?: number;
  /** The extractor version stored articles are compared with. @default EXTRACTOR_VERSION */
  extractorVersion?: number;
  /** Refuse to create a new file (read commands). @default false */
  mustExist?: boolean;
  /**
   * Create the file's folder when it is missing. The CLI passes false except for the default database, so
   * `--db /nonexistent/dir/x.db` fails instead of creating /nonexistent. @default true
   */
  createFolder?: boolean;
  /** The command only reads: a database it cannot write is read from a private copy instead of failing. @default false */
  readOnly?: boolean;
  /** Migrations folder (tests). @default MIGRATIONS_DIR */
  migrationsDir?: string;
  /** Stop migrating at this version (tests build older databases). */
  migrateUpTo?: number;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const LIVE_SQL = LIVE_STATUSES.map((s) => `'${s}'`).join(', ');
const WHO_MACHINE = 'cakupan refresh';

/** Opens (creating if needed) the coverage database at `path`, migrated to the latest schema. */
export function openStore(path: string, opts: OpenOptions = {}): SqliteStore {
  const busyTimeoutMs = opts.busyTimeoutMs ?? (Number(process.env[BUSY_TIMEOUT_ENV]) || BUSY_TIMEOUT_MS);
  const fresh = inspectFile(path, opts.mustExist ?? false, opts.createFolder ?? true);
  // A database a reading command cannot write (read-only file or folder: a shared copy, a mounted archive) is
  // read from a private copy: SQLite cannot read a WAL database whose folder it cannot write (it needs the -shm
  // file), and an older schema is migrated in the copy only. The original is never touched.
  const snapshot = !fresh && opts.readOnly && !canWrite(path) ? snapshotCopy(path) : null;
  let db: Database.Database;
  try {
    db = new Database(snapshot ?? path, { timeout: busyTimeoutMs });
  } catch (err) {
    throw translate(err, path, busyTimeoutMs);
  }
  try {
    if (!fresh) {
      const size = statSync(path).size;
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      if (size <= QUICK_CHECK_MAX_BYTES) {
        const res = db.pragma('quick_check', { simple: true });
        if (res !== 'ok') throw new StoreError(path, 'corrupt', `the database is corrupt (quick_check: ${String(res)}); it was not modified`);
      }
      checkNotNewer(db, path, opts.migrationsDir);
    } else {
      // Written before WAL is on, so it lands in the main file at once: a crash cannot leave an unmarked file.
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, { dir: opts.migrationsDir, upTo: opts.migrateUpTo });
    const store = new SqliteStore(db, path, busyTimeoutMs, opts.extractorVersion ?? EXTRACTOR_VERSION);
    if (snapshot) {
      const close = store.close.bind(store);
      store.close = async () => {
        await close();
        rmSync(dirname(snapshot), { recursive: true, force: true });
      };
    }
    return store;
  } catch (err) {
    db.close();
    if (snapshot) rmSync(dirname(snapshot), { recursive: true, force: true });
    throw translate(err, path, busyTimeoutMs);
  }
}

/** Reads the file header before SQLite touches the file; returns true when the database is new. */
function inspectFile(path: string, mustExist: boolean, createFolder: boolean): boolean {
  if (!existsSync(path)) {
    if (mustExist) throw new StoreError(path, 'missing', 'no database here; run `cakupan ingest` or `npm start` first, or give --db');
    const folder = dirname(path);
    if (!existsSync(folder)) {
      if (!createFolder) throw new StoreError(path, 'missing', `the folder ${folder} does not exist; create it first (mkdir -p ${folder}) or give another --db`);
      mkdirSync(folder, { recursive: true });
    } else if (!statSync(folder).isDirectory()) {
      throw new StoreError(path, 'missing', `${folder} is not a folder; give another --db`);
    }
    return true;
  }
  const st = statSync(path);
  if (st.isDirectory()) throw new StoreError(path, 'not-sqlite', 'is a directory, not a database file');
  if (st.size === 0) return true;
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || !head.subarray(0, 16).equals(SQLITE_MAGIC)) {
    const start = JSON.stringify(head.subarray(0, Math.min(n, 16)).toString('latin1'));
    throw new StoreError(path, 'not-sqlite', `is not a SQLite database (it starts with ${start}); it was not modified`);
  }
  const appId = head.readUInt32BE(68);
  if (appId === APPLICATION_ID) return false;
  if (appId !== 0) throw new StoreError(path, 'foreign', `is a SQLite database of another program (application_id 0x${appId.toString(16)}); it was not modified`);
  // application_id 0: an empty SQLite file is ours to fill; one with tables belongs to someone else.
  let tables: string[];
  try {
    const ro = new Database(path, { readonly: true, fileMustExist: true });
    try {
      tables = ro.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 5").pluck().all() as string[];
    } finally {
      ro.close();
    }
  } catch (err) {
    throw new StoreError(path, 'corrupt', `cannot be read as SQLite (${(err as Error).message}); it was not modified`);
  }
  if (tables.length) throw new StoreError(path, 'foreign', `is a SQLite database of another program (tables: ${tables.join(', ')}); it was not modified`);
  return true;
}

/** True when both the file and its folder (for the WAL and lock files) can be written. */
function canWrite(path: string): boolean {
  try {
    accessSync(path, fsConstants.W_OK);
    accessSync(dirname(path), fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Copies a database (and its -wal, which may hold the last commits) into a private temporary folder; returns the copy's path. */
function snapshotCopy(path: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cakupan-readonly-'));
  const copy = join(dir, basename(path));
  try {
    copyFileSync(path, copy);
    if (existsSync(path + '-wal')) copyFileSync(path + '-wal', copy + '-wal');
    // (the copies keep the original's mode: a read-only file would stay read-only)
    chmodSync(copy, 0o600);
    if (existsSync(copy + '-wal')) chmodSync(copy + '-wal', 0o600);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new StoreError(path, 'missing', `cannot be written here, and reading a copy failed (${(err as Error).message}); check that the file can be read`);
  }
  return copy;
}

function checkNotNewer(db: Database.Database, path: string, dir?: string): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) return;
  const known = new Set(listMigrations(dir ?? MIGRATIONS_DIR).map((m) => m.version));
  const unknown = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  const newer = unknown.filter((m) => !known.has(m.version));
  if (newer.length) {
    const names = newer.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`).join(', ');
    throw new StoreError(path, 'too-new', `was written by a newer cakupan (migrations unknown here: ${names}); update cakupan`);
  }
}

/** Turns SQLite's terse codes into errors that name the file and say what to do. */
export function translate(err: unknown, location: string, busyTimeoutMs: number): Error {
  if (err instanceof StoreError || err instanceof RowError) return err;
  if (err instanceof Database.SqliteError) {
    if (err.code.startsWith('SQLITE_BUSY') || err.code.startsWith('SQLITE_LOCKED'))
      return new StoreError(location, 'busy', `the database is locked by another writer; waited ${busyTimeoutMs} ms and gave up (set CAKUPAN_BUSY_TIMEOUT_MS to wait longer)`);
    if (err.code.startsWith('SQLITE_CORRUPT') || err.code === 'SQLITE_NOTADB')
      return new StoreError(location, 'corrupt', `the database is corrupt (${err.message})`);
    if (err.code.startsWith('SQLITE_READONLY'))
      return new StoreError(location, 'missing', 'the database is read-only (the file or its folder cannot be written) and this command writes to it; make both writable, or copy the file somewhere writable and give that --db');
    if (err.code.startsWith('SQLITE_CANTOPEN'))
      return new StoreError(location, 'missing', `cannot open or create the database file here (${err.message}); check that the folder exists and can be written, or give another --db`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

type Row = Record<string, unknown>;
type ConflictKey = { region_code: string; metric: string; as_of: string | null };

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

/** Consecutive id ranges of at most `size` ids each (the ids sorted ascending). */
export function splitIds(ids: number[], size: number): { first: number; last: number; articles: number }[] {
  const out: { first: number; last: number; articles: number }[] = [];
  for (let i = 0; i < ids.length; i += size) {
    const chunk = ids.slice(i, i + size);
    out.push({ first: chunk[0]!, last: chunk[chunk.length - 1]!, articles: chunk.length });
  }
  return out;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The SQLite implementation of `CoverageStore`. */
export class SqliteStore implements CoverageStore {
  /**
   * The raw better-sqlite3 handle: for src/store/ and tests only (test/store/boundary.test.ts keeps it so); every
   * stage reads and writes through store methods (`reviewReads()`, `crawlStore()`, `transaction`).
   */
  readonly db: Database.Database;
  readonly location: string;
  readonly extractorVersion: number;
  private readonly busyTimeoutMs: number;
  private readonly regionCodes = new Set<string>();
  private readonly populations = new Map<string, number | null>();
  private readonly s: ReturnType<SqliteStore['prepareAll']>;
  private insertDecision?: Database.Statement;

  /**
   * The audit INSERT of a reviewer's decision, prepared on first use: `reviews.undoes` comes from the review
   * stage's migration 020, which a database built from the store's own migrations alone (tests) does not have.
   */
  private decisionStatement(): Database.Statement {
    return (this.insertDecision ??= this.db.prepare(
      `INSERT INTO reviews (subject, subject_id, action, who, at, before, after, note, run_id, undoes)
       VALUES (@subject, @subject_id, @action, @who, @now, @before, @after, @note, NULL, @undoes)`,
    ));
  }

  constructor(db: Database.Database, location: string, busyTimeoutMs: number, extractorVersion: number) {
    this.db = db;
    this.location = location;
    this.busyTimeoutMs = busyTimeoutMs;
    this.extractorVersion = extractorVersion;
    this.s = this.prepareAll();
    this.guard(() => this.syncRegions());
  }

  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE: the write lock is taken first, so two writers wait
   * for each other instead of failing half-way). Lock waits and corruption come back as `StoreError`.
   */
  transaction<T>(fn: (db: Database.Database) => T): T {
    return this.guard(() => this.db.transaction(() => fn(this.db)).immediate());
  }

  private reviewReadsOf?: SqliteReviewReads;

  /** The review stage's reads (queue, fact page, dashboard, audit, gold export), prepared on first use. */
  reviewReads(): ReviewReads {
    return (this.reviewReadsOf ??= this.guard(() => new SqliteReviewReads(this.db)));
  }

  private crawlStoreOf?: SqliteCrawlStore;

  /** The crawl store (frontier, fetch log, hosts) over this database, made on first use. */
  crawlStore(): SqliteCrawlStore {
    return (this.crawlStoreOf ??= sqliteCrawlStore(this.db));
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw translate(err, this.location, this.busyTimeoutMs);
    }
  }

  private prepareAll() {
    const db = this.db;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS conflicted (id INTEGER PRIMARY KEY)');
    const factCols = ['region_code', 'metric', 'value', 'as_of', 'published', 'published_source', 'url_date', 'confidence', 'reasons', 'evidence_start', 'evidence_end', 'evidence_text', 'raw', 'extracted_value', 'extracted_as_of', 'extractor_version'];
    const catCols = ['region_code', 'category', 'year', 'published', 'confidence', 'reasons', 'evidence_start', 'evidence_end', 'evidence_text', 'extracted_category', 'extracted_year', 'extractor_version'];
    const insertSql = (table: string, cols: string[]) =>
      `INSERT INTO ${table} (article_id, match_key, ${cols.join(', ')}, status, flags, version, created_at, updated_at)
       VALUES (@article_id, @match_key, ${cols.map((c) => '@' + c).join(', ')}, 'auto', @flags, 1, @now, @now)`;
    const updateSql = (table: string, cols: string[]) =>
      `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, status = @status, retired_from = @retired_from,
         flags = @flags, version = version + 1, updated_at = @now WHERE id = @id`;
    return {
      meta: db.prepare('SELECT value FROM store_meta WHERE key = @key').pluck(),
      setMeta: db.prepare('INSERT INTO store_meta (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      upsertRegion: db.prepare(
        `INSERT INTO regions (code, name, level, province_code, population) VALUES (@code, @name, @level, @province_code, @population)
         ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, province_code = excluded.province_code, population = excluded.population`,
      ),
      regions: db.prepare('SELECT code, population FROM regions'),
      upsertSite: db.prepare(
        `INSERT INTO sites (host, name, first_seen) VALUES (@host, @name, @now)
         ON CONFLICT(host) DO UPDATE SET name = COALESCE(sites.name, excluded.name) RETURNING id`,
      ).pluck(),
      pageByUrl: db.prepare(
        `SELECT p.id, p.sha256, p.article_id AS articleId, a.page_id AS articlePageId, a.extractor_version AS extractorVersion
         FROM pages p LEFT JOIN articles a ON a.id = p.article_id WHERE p.url = @url`,
      ),
      insertPage: db.prepare(
        `INSERT INTO pages (url, canonical_url, site_id, fetched_at, status, headers, content_type, kind, sha256, size, body_encoding, title_hint, published_hint, article_id, ingest_run_id, body)
         VALUES (@url, @canonical_url, @site_id, @fetched_at, @status, @headers, @content_type, @kind, @sha256, @size, 'gzip', @title_hint, @published_hint, NULL, @run_id, @body) RETURNING id`,
      ).pluck(),
      updatePage: db.prepare(
        `UPDATE pages SET canonical_url = @canonical_url, site_id = @site_id, fetched_at = @fetched_at, status = @status, headers = @headers,
           content_type = @content_type, kind = @kind, sha256 = @sha256, size = @size, body_encoding = 'gzip', title_hint = @title_hint,
           published_hint = @published_hint, ingest_run_id = @run_id, body = @body WHERE id = @id`,
      ),
      setPageArticle: db.prepare('UPDATE pages SET article_id = @article_id WHERE id = @id'),
      setCanonical: db.prepare('UPDATE pages SET canonical_url = @canonical_url WHERE id = @id'),
      articleByFingerprint: db.prepare('SELECT id FROM articles WHERE text_fingerprint = @fingerprint ORDER BY id LIMIT 1').pluck(),
      articleByCanonical: db.prepare(
        `SELECT article_id FROM pages WHERE article_id IS NOT NULL AND id <> @page_id AND (url = @canonical OR canonical_url = @canonical) ORDER BY id LIMIT 1`,
      ).pluck(),
      insertArticle: db.prepare(
        `INSERT INTO articles (page_id, extractor_version, extracted_at, extracted_run_id, text_sha256, text_fingerprint, method, title, published, text)
         VALUES (@page_id, @extractor_version, @now, @run_id, @text_sha256, @text_fingerprint, @method, @title, @published, @text) RETURNING id`,
      ).pluck(),
      updateArticle: db.prepare(
        `UPDATE articles SET extractor_version = @extractor_version, extracted_at = @now, extracted_run_id = @run_id, text_sha256 = @text_sha256,
           text_fingerprint = @text_fingerprint, method = @method, title = @title, published = @published, text = @text WHERE id = @id`,
      ),
      factsOf: db.prepare('SELECT * FROM facts WHERE article_id = @article_id ORDER BY id'),
      stampFacts: db.prepare('UPDATE facts SET extractor_version = @extractor_version WHERE id IN (SELECT value FROM json_each(@ids))'),
      stampCategories: db.prepare('UPDATE categories SET extractor_version = @extractor_version WHERE id IN (SELECT value FROM json_each(@ids))'),
      articleHashes: db.prepare('SELECT text_sha256, text_fingerprint FROM articles WHERE id = @id'),
      stampArticle: db.prepare(
        `UPDATE articles SET extractor_version = @extractor_version, extracted_at = @now, extracted_run_id = @run_id, method = @method,
           title = @title, published = @published WHERE id = @id`,
      ),
      insertFact: db.prepare(insertSql('facts', factCols)),
      updateFact: db.prepare(updateSql('facts', factCols)),
      categoriesOf: db.prepare('SELECT * FROM categories WHERE article_id = @article_id ORDER BY id'),
      insertCategory: db.prepare(insertSql('categories', catCols)),
      updateCategory: db.prepare(updateSql('categories', catCols)),
      insertReview: db.prepare(
        `INSERT INTO reviews (subject, subject_id, action, who, at, before, after, note, run_id)
         VALUES (@subject, @subject_id, @action, @who, @now, @before, @after, @note, @run_id)`,
      ),
      runningRuns: db.prepare("SELECT id, pid, host FROM runs WHERE outcome = 'running'"),
      interruptRun: db.prepare("UPDATE runs SET outcome = 'interrupted', finished_at = COALESCE(finished_at, @now) WHERE id = @id AND outcome = 'running'"),
      insertRun: db.prepare(
        `INSERT INTO runs (command, args, started_at, extractor_version, pid, host, resumes_run_id)
         VALUES (@command, @args, @now, @extractor_version, @pid, @host, @resumes) RETURNING id`,
      ).pluck(),
      addRunCounts: db.prepare(
        `UPDATE runs SET pages_seen = pages_seen + @pages_seen, pages_unchanged = pages_unchanged + @pages_unchanged,
           articles_new = articles_new + @articles_new, articles_linked = articles_linked + @articles_linked,
           articles_extracted = articles_extracted + @articles_extracted, facts_added = facts_added + @facts_added,
           facts_updated = facts_updated + @facts_updated, facts_retired = facts_retired + @facts_retired,
           facts_revived = facts_revived + @facts_revived, errors = errors + @errors WHERE id = @id`,
      ),
      finishRun: db.prepare('UPDATE runs SET outcome = @outcome, finished_at = @now, message = @message WHERE id = @id'),
      run: db.prepare('SELECT * FROM runs WHERE id = @id'),
      interruptedFull: db.prepare(
        `SELECT id, args FROM runs r WHERE command = 'refresh' AND json_extract(args, '$.all') = 1 AND outcome = 'interrupted'
           AND NOT EXISTS (SELECT 1 FROM runs r2 WHERE r2.command = 'refresh' AND json_extract(r2.args, '$.all') = 1
                           AND r2.outcome IN ('ok', 'partial') AND r2.id > r.id)
         ORDER BY id DESC LIMIT 1`,
      ),
      stale: db.prepare(
        `SELECT a.id AS articleId, p.id AS pageId, p.url, p.kind, p.content_type AS contentType, p.title_hint AS titleHint,
                p.published_hint AS publishedHint, p.body_encoding AS bodyEncoding, p.body
         FROM articles a JOIN pages p ON p.id = a.page_id
         WHERE a.id > @after AND a.id <= @up_to AND (a.extractor_version < @version OR COALESCE(a.extracted_run_id, 0) < @cutoff)
         ORDER BY a.id LIMIT @limit`,
      ),
      staleIds: db
        .prepare('SELECT a.id FROM articles a WHERE a.extractor_version < @version OR COALESCE(a.extracted_run_id, 0) < @cutoff ORDER BY a.id')
        .pluck(),
      openPlan: db.prepare(
        `SELECT id, cutoff_run_id AS cutoffRunId, created_run_id AS createdRunId, batches, articles FROM refresh_plans
         WHERE finished_at IS NULL AND all_articles = @all AND extractor_version = @version ORDER BY id DESC LIMIT 1`,
      ),
      insertPlan: db
        .prepare(
          `INSERT INTO refresh_plans (all_articles, cutoff_run_id, extractor_version, created_run_id, created_at, batches, articles)
           VALUES (@all, @cutoff, @version, @run_id, @now, @batches, @articles) RETURNING id`,
        )
        .pluck(),
      insertBatch: db.prepare(
        'INSERT INTO refresh_batches (plan_id, first_article_id, last_article_id, articles) VALUES (@plan_id, @first, @last, @articles)',
      ),
      nextBatch: db.prepare(
        `SELECT b.id, b.first_article_id AS firstArticleId, b.last_article_id AS lastArticleId FROM refresh_batches b
         LEFT JOIN runs r ON r.id = b.lease_run_id
         WHERE b.plan_id = @plan_id AND (@batch_id IS NULL OR b.id = @batch_id) AND (b.state = 'queued' OR (b.state = 'leased' AND (b.lease_until < @now_ms OR r.outcome IS NOT 'running')))
         ORDER BY b.id LIMIT 1`,
      ),
      leaseBatch: db.prepare(
        "UPDATE refresh_batches SET state = 'leased', lease_run_id = @run_id, lease_until = @until, attempts = attempts + 1 WHERE id = @id",
      ),
      doneBatch: db.prepare(
        "UPDATE refresh_batches SET state = 'done', done_run_id = @run_id, done_at = @now WHERE id = @id AND state = 'leased' AND lease_run_id = @run_id",
      ),
      openBatches: db.prepare("SELECT count(*) FROM refresh_batches WHERE plan_id = @plan_id AND state <> 'done'").pluck(),
      finishPlan: db.prepare('UPDATE refresh_plans SET finished_at = @now WHERE id = @id AND finished_at IS NULL'),
      planCutoff: db.prepare('SELECT cutoff_run_id FROM refresh_plans WHERE id = @id').pluck(),
      openBatchList: db.prepare(
        `SELECT id, first_article_id AS firstArticleId, last_article_id AS lastArticleId, articles FROM refresh_batches
         WHERE plan_id = @plan_id AND state <> 'done' ORDER BY id`,
      ),
      countStale: db.prepare('SELECT count(*) FROM articles a WHERE a.extractor_version < @version OR COALESCE(a.extracted_run_id, 0) < @cutoff').pluck(),
      clearConflicted: db.prepare('DELETE FROM temp.conflicted'),
      findConflicted: db.prepare(
        `INSERT INTO temp.conflicted (id)
         SELECT f.id FROM facts f JOIN (
           SELECT region_code, metric, as_of FROM facts
           WHERE status IN (${LIVE_SQL}) AND as_of IS NOT NULL
           GROUP BY region_code, metric, as_of
           HAVING count(DISTINCT article_id) > 1
              AND max(value) - min(value) > CASE WHEN metric LIKE '%\\_pct' ESCAPE '\\' THEN @pct_tolerance ELSE 0 END
         ) g ON g.region_code = f.region_code AND g.metric = f.metric AND g.as_of = f.as_of
         WHERE f.status IN (${LIVE_SQL})`,
      ),
      addConflict: db.prepare(
        `UPDATE facts SET flags = json_insert(flags, '$[#]', '${FLAGS.conflict}')
         WHERE id IN (SELECT id FROM temp.conflicted) AND NOT EXISTS (SELECT 1 FROM json_each(facts.flags) WHERE value = '${FLAGS.conflict}')`,
      ),
      dropConflict: db.prepare(
        `UPDATE facts SET flags = (SELECT json_group_array(value) FROM json_each(facts.flags) WHERE value <> '${FLAGS.conflict}')
         WHERE flags LIKE '%"${FLAGS.conflict}"%' AND id NOT IN (SELECT id FROM temp.conflicted)`,
      ),
      factById: db.prepare('SELECT * FROM facts WHERE id = @id'),
      conflictGroup: db.prepare('SELECT id, article_id, value, status, flags FROM facts WHERE region_code = @region_code AND metric = @metric AND as_of = @as_of'),
      setFlags: db.prepare('UPDATE facts SET flags = @flags WHERE id = @id'),
      categoryById: db.prepare('SELECT * FROM categories WHERE id = @id'),
      reviewById: db.prepare('SELECT * FROM reviews WHERE id = @id'),
      reviewSetFact: db.prepare(
        `UPDATE facts SET status = @status, value = @value, as_of = @as_of, region_code = @region_code, metric = @metric,
           retired_from = NULL, version = version + 1, updated_at = @now WHERE id = @id AND version = @version`,
      ),
      reviewSetCategory: db.prepare(
        `UPDATE categories SET status = @status, region_code = @region_code, category = @category, year = @year,
           retired_from = NULL, version = version + 1, updated_at = @now WHERE id = @id AND version = @version`,
      ),
      exportAll: db.prepare('SELECT * FROM facts_sourced WHERE status IN (SELECT value FROM json_each(@statuses)) ORDER BY fact_id'),
      exportLatest: db.prepare(
        'SELECT fs.* FROM coverage_latest cl JOIN facts_sourced fs ON fs.fact_id = cl.fact_id ORDER BY fs.region_code, fs.metric',
      ),
      latest: db.prepare('SELECT * FROM coverage_latest ORDER BY region_code, metric'),
      timeline: db.prepare('SELECT * FROM coverage_timeline WHERE region_code = @code ORDER BY effective_date, metric'),
    };
  }

  /** Loads the gazetteer into `regions` when it changed since the last open. */
  private syncRegions(): void {
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
        // The country's population is the sum of the provinces' (Kemendagri 2025), so national ratios can be checked.
        population: r.code === '00' ? r.population ?? provincesTotal : r.population,
      }))
      .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
    const fingerprint = sha256(JSON.stringify(rows));
    // (A read-only database keeps the regions it has: the gazetteer is only refreshed where it can be written.)
    if (this.s.meta.get({ key: 'gazetteer_sha256' }) !== fingerprint && !this.db.readonly) {
      this.db.transaction(() => {
        for (const r of rows) this.s.upsertRegion.run(r);
        this.s.setMeta.run({ key: 'gazetteer_sha256', value: fingerprint });
      }).immediate();
    }
    for (const r of this.s.regions.all() as { code: string; population: number | null }[]) {
      this.regionCodes.add(r.code);
      this.populations.set(r.code, r.population);
    }
  }

  private population = (code: string): number | null => this.populations.get(code) ?? null;

  // ---- runs ---------------------------------------------------------------------------------------

  async startRun(command: RunCommand, args: Record<string, unknown>, opts: { resumes?: number | null } = {}): Promise<number> {
    return this.transaction(() => {
      const here = hostname();
      for (const r of this.s.runningRuns.all() as { id: number; pid: number | null; host: string | null }[]) {
        if (r.host === here && r.pid && r.pid !== process.pid && !isAlive(r.pid)) this.s.interruptRun.run({ id: r.id, now: now() });
      }
      return this.s.insertRun.get({
        command,
        args: JSON.stringify(args),
        now: now(),
        extractor_version: this.extractorVersion,
        pid: process.pid,
        host: here,
        resumes: opts.resumes ?? null,
      }) as number;
    });
  }

  async finishRun(runId: number, outcome: RunOutcome, message: string | null = null): Promise<RunRecord> {
    return this.transaction(() => {
      this.s.finishRun.run({ id: runId, outcome, message, now: now() });
      return this.s.run.get({ id: runId }) as RunRecord;
    });
  }

  async addRunCounts(runId: number, counts: Partial<RunCounts>): Promise<void> {
    this.transaction(() => this.s.addRunCounts.run({ ...addCounts(emptyCounts(), counts), id: runId }));
  }

  async interruptedFullRefresh(): Promise<number | null> {
    return this.guard(() => {
      const here = hostname();
      this.transaction(() => {
        for (const r of this.s.runningRuns.all() as { id: number; pid: number | null; host: string | null }[]) {
          if (r.host === here && r.pid && r.pid !== process.pid && !isAlive(r.pid)) this.s.interruptRun.run({ id: r.id, now: now() });
        }
      });
      const row = this.s.interruptedFull.get() as { id: number; args: string } | undefined;
      if (!row) return null;
      const cutoff = (JSON.parse(row.args) as { cutoff?: number }).cutoff;
      return cutoff ?? row.id;
    });
  }

  // ---- ingest -------------------------------------------------------------------------------------

  async pageState(url: string) {
    return this.guard(() => {
      const r = this.s.pageByUrl.get({ url }) as { sha256: string; articleId: number | null; extractorVersion: number | null } | undefined;
      return r ? { sha256: r.sha256, articleId: r.articleId, extractorVersion: r.extractorVersion } : null;
    });
  }

  async saveDocument(doc: SourceDocument, ex: ArticleExtraction, runId: number): Promise<SaveOutcome> {
    // Validate before the transaction: a bad row refuses the whole document and writes nothing.
    const facts = factRows(ex, doc.url, this.regionCodes, this.extractorVersion, this.population);
    const cats = categoryRows(ex, doc.url, this.regionCodes, this.extractorVersion);
    const body = gzipSync(doc.bytes, { level: BODY_GZIP_LEVEL });
    const pageSha = sha256(doc.bytes);
    const text_sha256 = sha256(ex.text);
    const text_fingerprint = textFingerprint(ex.text);
    return this.transaction(() => {
      const t = now();
      const existing = this.s.pageByUrl.get({ url: doc.url }) as { id: number; sha256: string; articleId: number | null; articlePageId: number | null; extractorVersion: number | null } | undefined;
      const site_id = this.s.upsertSite.get({ host: hostOf(doc.url), name: ex.siteName, now: t }) as number;
      const pageRow = pageRowOf(doc, ex, site_id, pageSha, runId, body);
      const counts: Partial<RunCounts> = { pages_seen: 1 };
      let pageId: number;
      if (existing) {
        pageId = existing.id;
        this.s.updatePage.run({ ...pageRow, id: pageId });
        if (existing.articleId !== null && existing.articlePageId === pageId) {
          addCounts(counts as RunCounts, this.applyExtraction(existing.articleId, ex, facts, cats, runId, { text_sha256, text_fingerprint }));
          this.s.addRunCounts.run({ ...addCounts(emptyCounts(), counts), id: runId });
          return { kind: 'updated', articleId: existing.articleId, counts };
        }
      } else {
        pageId = this.s.insertPage.get(pageRow) as number;
      }
      const dup =
        (this.s.articleByFingerprint.get({ fingerprint: text_fingerprint }) as number | undefined) ??
        (pageRow.canonical_url ? (this.s.articleByCanonical.get({ canonical: pageRow.canonical_url, page_id: pageId }) as number | undefined) : undefined);
      if (dup !== undefined) {
        this.s.setPageArticle.run({ id: pageId, article_id: dup });
        counts.articles_linked = 1;
        this.s.addRunCounts.run({ ...addCounts(emptyCounts(), counts), id: runId });
        return { kind: 'linked', articleId: dup, counts };
      }
      const articleId = this.s.insertArticle.get({
        page_id: pageId,
        extractor_version: this.extractorVersion,
        now: t,
        run_id: runId,
        text_sha256,
        text_fingerprint,
        method: ex.method,
        title: ex.title,
        published: ex.published,
        text: ex.text,
      }) as number;
      this.s.setPageArticle.run({ id: pageId, article_id: articleId });
      for (const f of facts) this.s.insertFact.run({ ...f, article_id: articleId, flags: JSON.stringify(f.flags), now: t });
      for (const c of cats) this.s.insertCategory.run({ ...c, article_id: articleId, flags: JSON.stringify(c.flags), now: t });
      Object.assign(counts, { articles_new: 1, articles_extracted: 1, facts_added: facts.length });
      this.s.addRunCounts.run({ ...addCounts(emptyCounts(), counts), id: runId });
      return { kind: 'new', articleId, counts };
    });
  }

  /** Rewrites one article from a new extraction and reconciles its facts and categories (inside a transaction). */
  private applyExtraction(
    articleId: number,
    ex: ArticleExtraction,
    facts: FactRow[],
    cats: CategoryRow[],
    runId: number,
    hashes: { text_sha256: string; text_fingerprint?: string },
  ): Partial<RunCounts> {
    const t = now();
    const stored = this.s.articleHashes.get({ id: articleId }) as { text_sha256: string } | undefined;
    const meta = { id: articleId, extractor_version: this.extractorVersion, now: t, run_id: runId, method: ex.method, title: ex.title, published: ex.published };
    // The same text again (the usual refresh): leave the text and its hashes alone.
    if (stored?.text_sha256 === hashes.text_sha256) this.s.stampArticle.run(meta);
    else this.s.updateArticle.run({ ...meta, text_sha256: hashes.text_sha256, text_fingerprint: hashes.text_fingerprint ?? textFingerprint(ex.text), text: ex.text });
    const counts: Partial<RunCounts> = { articles_extracted: 1 };
    const apply = (subject: 'fact' | 'category', spec: ReconcileSpec, existing: Row[], drafts: DraftRow[], insert: Database.Statement, update: Database.Statement, stamp: Database.Statement) => {
      const plan = reconcile(existing.map(parseFlags), drafts, spec);
      if (plan.stamped.length) stamp.run({ ids: JSON.stringify(plan.stamped), extractor_version: this.extractorVersion });
      for (const d of plan.inserts) insert.run({ ...d, article_id: articleId, flags: JSON.stringify(d.flags), now: t });
      for (const u of plan.updates) {
        update.run({ ...u.next, id: u.id, flags: JSON.stringify(u.next.flags), now: t });
        if (u.audit)
          this.s.insertReview.run({
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
    const pf = apply('fact', FACT_SPEC, this.s.factsOf.all({ article_id: articleId }) as Row[], facts as unknown as DraftRow[], this.s.insertFact, this.s.updateFact, this.s.stampFacts);
    apply('category', CATEGORY_SPEC, this.s.categoriesOf.all({ article_id: articleId }) as Row[], cats as unknown as DraftRow[], this.s.insertCategory, this.s.updateCategory, this.s.stampCategories);
    counts.facts_added = pf.inserts.length;
    counts.facts_retired = pf.retired;
    counts.facts_revived = pf.revived;
    counts.facts_updated = pf.updates.length - pf.retired - pf.revived;
    return counts;
  }

  // ---- refresh ------------------------------------------------------------------------------------

  async staleArticles(q: { afterId: number; limit: number; cutoffRunId: number; upToId?: number }): Promise<StaleArticle[]> {
    return this.guard(() =>
      (this.s.stale.all({ after: q.afterId, up_to: q.upToId ?? Number.MAX_SAFE_INTEGER, limit: q.limit, cutoff: q.cutoffRunId, version: this.extractorVersion }) as (Row & { body: Buffer; bodyEncoding: string })[]).map(
        (r) => ({
          articleId: r.articleId as number,
          pageId: r.pageId as number,
          url: r.url as string,
          kind: r.kind as 'html' | 'text',
          contentType: r.contentType as string | null,
          titleHint: r.titleHint as string | null,
          publishedHint: r.publishedHint as string | null,
          bytes: r.bodyEncoding === 'gzip' ? gunzipSync(r.body) : r.body,
        }),
      ),
    );
  }

  async countStale(q: { cutoffRunId: number }): Promise<number> {
    return this.guard(() => this.s.countStale.get({ cutoff: q.cutoffRunId, version: this.extractorVersion }) as number);
  }

  async planRefresh(q: { all: boolean; runId: number; cutoffRunId: number; batchSize: number }): Promise<RefreshPlan> {
    return this.transaction(() => {
      const open = this.s.openPlan.get({ all: q.all ? 1 : 0, version: this.extractorVersion }) as Omit<RefreshPlan, 'joined'> | undefined;
      if (open) return { ...open, joined: true };
      const ids = this.s.staleIds.all({ cutoff: q.cutoffRunId, version: this.extractorVersion }) as number[];
      const ranges = splitIds(ids, q.batchSize);
      const id = this.s.insertPlan.get({
        all: q.all ? 1 : 0,
        cutoff: q.cutoffRunId,
        version: this.extractorVersion,
        run_id: q.runId,
        now: now(),
        batches: ranges.length,
        articles: ids.length,
      }) as number;
      for (const r of ranges) this.s.insertBatch.run({ plan_id: id, ...r });
      return { id, cutoffRunId: q.cutoffRunId, createdRunId: q.runId, batches: ranges.length, articles: ids.length, joined: false };
    });
  }

  async planCutoff(planId: number): Promise<number> {
    const c = this.guard(() => this.s.planCutoff.get({ id: planId }) as number | undefined);
    if (c === undefined) throw new RowError(`refresh plan ${planId}`, 'planId', 'no such plan');
    return c;
  }

  async openRefreshBatches(planId: number) {
    return this.guard(() => this.s.openBatchList.all({ plan_id: planId }) as { id: number; firstArticleId: number; lastArticleId: number; articles: number }[]);
  }

  async leaseRefreshBatch(q: { planId: number; runId: number; leaseMs: number; batchId?: number }): Promise<RefreshBatch | null> {
    return this.transaction(() => {
      const t = Date.now();
      const b = this.s.nextBatch.get({ plan_id: q.planId, batch_id: q.batchId ?? null, now_ms: t }) as { id: number; firstArticleId: number; lastArticleId: number } | undefined;
      if (!b) return null;
      this.s.leaseBatch.run({ id: b.id, run_id: q.runId, until: t + q.leaseMs });
      return { ...b, planId: q.planId, leaseUntil: t + q.leaseMs };
    });
  }

  async finishRefreshPlan(planId: number): Promise<boolean> {
    return this.transaction(() => {
      if ((this.s.openBatches.get({ plan_id: planId }) as number) > 0) return false;
      this.s.finishPlan.run({ id: planId, now: now() });
      return true;
    });
  }

  async saveExtractions(
    results: ExtractionResult[],
    runId: number,
    opts: { batchId?: number } = {},
  ): Promise<{ counts: RunCounts; refused: { url: string; error: Error }[]; leaseLost?: boolean }> {
    // Validation first, outside the transaction; a refused article counts as an error and is left as it was.
    const { prepared, refused } = prepareExtractions(results, { regionCodes: this.regionCodes, extractorVersion: this.extractorVersion, population: this.population });
    const counts = this.transaction(() => {
      const counts = emptyCounts();
      // The batch is done in the same transaction as its writes; a lease another run took over writes nothing.
      if (opts.batchId !== undefined && this.s.doneBatch.run({ id: opts.batchId, run_id: runId, now: now() }).changes !== 1) return null;
      for (const p of prepared) {
        if ('error' in p && p.error) {
          counts.errors++;
          continue;
        }
        const ok = p as { r: ExtractionResult & { extraction: ArticleExtraction }; facts: FactRow[]; cats: CategoryRow[]; hashes: { text_sha256: string } };
        addCounts(counts, this.applyExtraction(ok.r.article.articleId, ok.r.extraction, ok.facts, ok.cats, runId, ok.hashes));
        if (ok.r.extraction.canonicalUrl) this.s.setCanonical.run({ id: ok.r.article.pageId, canonical_url: ok.r.extraction.canonicalUrl !== ok.r.article.url ? ok.r.extraction.canonicalUrl : null });
      }
      this.s.addRunCounts.run({ ...counts, id: runId });
      return counts;
    });
    if (counts === null) return { counts: emptyCounts(), refused: [], leaseLost: true };
    return { counts, refused };
  }

  async recomputeConflicts(): Promise<number> {
    return this.transaction(() => {
      this.s.clearConflicted.run();
      this.s.findConflicted.run({ pct_tolerance: CONFLICT_PCT_TOLERANCE });
      const n = this.s.addConflict.run().changes + this.s.dropConflict.run().changes;
      this.s.clearConflicted.run();
      return n;
    });
  }

  // ---- review -------------------------------------------------------------------------------------

  async reviewFact(input: FactReview): Promise<void> {
    const r = FactReview.parse(input);
    await this.reviewItem({ subject: 'fact', id: r.factId, version: r.version, who: r.who, action: r.action, changes: r.changes, note: r.note });
  }

  async reviewItem(input: ItemReview): Promise<{ reviewId: number }> {
    const review = ItemReview.parse(input);
    return this.transaction(() => {
      const row = (review.subject === 'fact' ? this.s.factById : this.s.categoryById).get({ id: review.id }) as Row | undefined;
      if (!row) throw new RowError(`${review.subject} ${review.id}`, 'id', `no such ${review.subject}`);
      if (row.version !== review.version)
        throw new StoreError(this.location, 'stale-version', `${review.subject} ${review.id} changed since version ${review.version} (now ${String(row.version)}); reload it`);
      const undone = review.action === 'undo' && review.undoes ? (this.s.reviewById.get({ id: review.undoes }) as Row | undefined) : undefined;
      const next = nextState(review, row, this.regionCodes, undone);
      const t = now();
      const set = review.subject === 'fact' ? this.s.reviewSetFact : this.s.reviewSetCategory;
      const res = set.run({ ...stateOf(review.subject, row), ...next, id: review.id, version: review.version, now: t });
      if (res.changes !== 1) throw new StoreError(this.location, 'stale-version', `${review.subject} ${review.id} changed while saving; reload it`);
      const before = stateOf(review.subject, row);
      if (review.subject === 'fact') {
        // A decision can start or end a conflict: recheck the group the fact left and the one it is in.
        this.recheckConflicts(before as unknown as ConflictKey);
        this.recheckConflicts(next as unknown as ConflictKey);
      }
      const info = this.decisionStatement().run({
        subject: review.subject,
        subject_id: review.id,
        action: review.action,
        who: review.who,
        now: t,
        before: JSON.stringify(before),
        after: JSON.stringify({ ...next, version: review.version + 1 }),
        note: review.note ?? null,
        undoes: review.action === 'undo' || review.action === 'reject' ? (review.undoes ?? null) : null,
      });
      return { reviewId: Number(info.lastInsertRowid) };
    });
  }

  async addFact(input: MissedFact): Promise<{ factId: number; reviewId: number }> {
    const m = MissedFact.parse(input);
    return this.transaction(() => {
      const a = this.db.prepare('SELECT a.id, a.text, a.published, p.url FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ?').get(m.articleId) as
        | MissedFactArticle
        | undefined;
      if (!a) throw new RowError(`article ${m.articleId}`, 'id', 'no such article');
      if (!this.regionCodes.has(m.regionCode)) throw new RowError(`article ${m.articleId}`, 'regionCode', `unknown region code "${m.regionCode}"`);
      const seq = (this.db.prepare("SELECT count(*) FROM facts WHERE match_key LIKE 'review:%'").pluck().get() as number) + 1;
      const row = this.guard(() => missedFactRow(a, m, this.extractorVersion, seq));
      const t = now();
      const factId = Number(this.s.insertFact.run({ ...row, article_id: a.id, flags: '[]', now: t }).lastInsertRowid);
      this.db.prepare("UPDATE facts SET status = 'corrected' WHERE id = ?").run(factId);
      this.recheckConflicts(row as unknown as ConflictKey);
      const state = { status: 'corrected', value: row.value, as_of: row.as_of, region_code: row.region_code, metric: row.metric, version: 1 };
      const info = this.decisionStatement().run({ subject: 'fact', subject_id: factId, action: 'add', who: m.who, now: t, before: null, after: JSON.stringify(state), note: m.note ?? null, undoes: null });
      return { factId, reviewId: Number(info.lastInsertRowid) };
    });
  }

  /** The `conflict` flag of one region/metric/as-of group, decided as `recomputeConflicts` does for all (inside a transaction). */
  private recheckConflicts(key: ConflictKey): void {
    if (key.as_of === null || key.as_of === undefined) return;
    const rows = this.s.conflictGroup.all(key) as { id: number; article_id: number; value: number; status: string; flags: string }[];
    const live = rows.filter((r) => (LIVE_STATUSES as readonly string[]).includes(r.status));
    const values = live.map((r) => r.value);
    const tolerance = key.metric.endsWith('_pct') ? CONFLICT_PCT_TOLERANCE : 0;
    const inConflict = new Set(live.map((r) => r.article_id)).size > 1 && Math.max(...values) - Math.min(...values) > tolerance;
    for (const r of rows) {
      const flags = JSON.parse(r.flags) as string[];
      const want = inConflict && (LIVE_STATUSES as readonly string[]).includes(r.status);
      const has = flags.includes(FLAGS.conflict);
      if (want && !has) this.s.setFlags.run({ id: r.id, flags: JSON.stringify([...flags, FLAGS.conflict]) });
      if (!want && has) this.s.setFlags.run({ id: r.id, flags: JSON.stringify(flags.filter((f) => f !== FLAGS.conflict)) });
    }
  }

  // ---- reading ------------------------------------------------------------------------------------

  async *exportRows(q: ExportQuery = {}): AsyncIterable<ExportRow> {
    const stmt = q.latest ? this.s.exportLatest : this.s.exportAll;
    const params = q.latest ? {} : { statuses: JSON.stringify(q.statuses ?? LIVE_STATUSES) };
    let it: IterableIterator<unknown>;
    try {
      it = stmt.iterate(params) as IterableIterator<unknown>;
    } catch (err) {
      throw translate(err, this.location, this.busyTimeoutMs);
    }
    for (const raw of it) {
      const r = raw as Row;
      const parsed = ExportRow.safeParse({ ...r, reasons: JSON.parse(String(r.reasons)), flags: JSON.parse(String(r.flags)) });
      if (!parsed.success) {
        it.return?.();
        const issue = parsed.error.issues[0]!;
        throw new RowError(`fact ${String(r.fact_id)} (${String(r.source_url)})`, issue.path.join('.'), issue.message);
      }
      yield parsed.data;
    }
  }

  async coverageLatest(): Promise<CoverageRow[]> {
    return this.guard(() => this.s.latest.all() as CoverageRow[]);
  }

  async categoryRows(q: CategoryQuery = {}): Promise<CategoryExportRow[]> {
    const rows = this.guard(
      () =>
        this.db
          .prepare(
            `SELECT * FROM categories_sourced WHERE status IN (SELECT value FROM json_each(@statuses)) AND (@region IS NULL OR region_code = @region)
             ORDER BY region_code, year, category_id`,
          )
          .all({ statuses: JSON.stringify(q.statuses ?? LIVE_STATUSES), region: q.regionCode ?? null }) as Row[],
    );
    return rows.map((r) => CategoryExportRow.parse({ ...r, reasons: JSON.parse(String(r.reasons)), flags: JSON.parse(String(r.flags)) }));
  }

  async timeline(regionCode: string): Promise<CoverageRow[]> {
    return this.guard(() => this.s.timeline.all({ code: regionCode }) as CoverageRow[]);
  }

  async stats(): Promise<StoreStats> {
    return this.guard(() => {
      const count = (sql: string) => this.db.prepare(sql).pluck().get() as number;
      const totals = {
        sites: count('SELECT count(*) FROM sites'),
        pages: count('SELECT count(*) FROM pages'),
        articles: count('SELECT count(*) FROM articles'),
        facts: count('SELECT count(*) FROM facts'),
        live_facts: count(`SELECT count(*) FROM facts WHERE status IN (${LIVE_SQL})`),
        categories: count('SELECT count(*) FROM categories'),
        reviews: count('SELECT count(*) FROM reviews'),
        runs: count('SELECT count(*) FROM runs'),
      };
      const byProvince = this.db
        .prepare(
          `SELECT COALESCE(g.province_code, g.code) AS province_code, COALESCE(p.name, g.name) AS province,
                  count(*) AS facts, count(DISTINCT f.region_code) AS regions
           FROM facts f JOIN regions g ON g.code = f.region_code LEFT JOIN regions p ON p.code = g.province_code
           WHERE f.status IN (${LIVE_SQL}) GROUP BY 1, 2 ORDER BY 1`,
        )
        .all() as StoreStats['byProvince'];
      const byMetric = this.db.prepare(`SELECT metric, count(*) AS facts FROM facts WHERE status IN (${LIVE_SQL}) GROUP BY metric ORDER BY metric`).all() as StoreStats['byMetric'];
      const byStatus = this.db.prepare('SELECT status, count(*) AS facts FROM facts GROUP BY status ORDER BY status').all() as StoreStats['byStatus'];
      const byFlag = this.db
        .prepare(`SELECT j.value AS flag, count(*) AS facts FROM facts f, json_each(f.flags) j WHERE f.status IN (${LIVE_SQL}) GROUP BY j.value ORDER BY j.value`)
        .all() as StoreStats['byFlag'];
      const bins = this.db
        .prepare(`SELECT min(CAST(confidence * 10 AS INTEGER), 9) AS bin, count(*) AS facts FROM facts WHERE status IN (${LIVE_SQL}) GROUP BY 1`)
        .all() as { bin: number; facts: number }[];
      const confidence = Array.from({ length: 10 }, (_, i) => ({
        bin: `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`,
        facts: bins.find((b) => b.bin === i)?.facts ?? 0,
      }));
      return { totals, byProvince, byMetric, byStatus, byFlag, confidence };
    });
  }

  async reviewedArticles(): Promise<ReviewedArticle[]> {
    return this.guard(() => {
      // The extracted region and metric: the first review's "before" when there is one (a correction may change them).
      const rows = this.db
        .prepare(
          `SELECT f.article_id, p.url, a.text, f.status, f.region_code, f.metric, f.value, f.as_of, f.extracted_value, f.extracted_as_of,
                  f.reasons, f.evidence_start, f.evidence_end, f.evidence_text, f.raw,
                  (SELECT r.before FROM reviews r WHERE r.subject = 'fact' AND r.subject_id = f.id ORDER BY r.id LIMIT 1) AS first_before
           FROM facts f JOIN articles a ON a.id = f.article_id JOIN pages p ON p.id = a.page_id
           WHERE f.status <> 'retired'
             AND f.article_id IN (SELECT article_id FROM facts WHERE status IN ('accepted', 'corrected', 'rejected'))
           ORDER BY f.article_id, f.evidence_start, f.id`,
        )
        .all() as Record<string, unknown>[];
      const out = new Map<number, ReviewedArticle>();
      for (const r of rows) {
        const id = r.article_id as number;
        let a = out.get(id);
        if (!a) out.set(id, (a = { url: String(r.url), text: String(r.text), facts: [] }));
        const before = r.first_before ? (JSON.parse(String(r.first_before)) as { region_code?: string; metric?: string }) : {};
        a.facts.push({
          status: r.status as ReviewedArticle['facts'][number]['status'],
          extracted: {
            regionCode: before.region_code ?? String(r.region_code),
            metric: (before.metric ?? r.metric) as ReviewedArticle['facts'][number]['extracted']['metric'],
            value: r.extracted_value as number,
            asOf: (r.extracted_as_of as string | null) ?? null,
          },
          current: { regionCode: String(r.region_code), metric: r.metric as ReviewedArticle['facts'][number]['current']['metric'], value: r.value as number, asOf: (r.as_of as string | null) ?? null },
          reasons: JSON.parse(String(r.reasons ?? '[]')) as string[],
          evidence: { start: r.evidence_start as number, end: r.evidence_end as number, text: String(r.evidence_text) },
          raw: (r.raw as string | null) ?? null,
        });
      }
      return [...out.values()];
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
