/**
 * The WARC side of the store boundary: what `cakupan ingest` has read of each WARC file (`warc_files`,
 * migration 040) and which WARC record each stored page came from (`warc_sources`). src/warc/ asks only the
 * `WarcLedger` interface; `SqliteWarcLedger` and `PgWarcLedger` implement it on the coverage store's own
 * connection (the SQLite handle, the PostgreSQL pool), so the ledger lives next to the data it describes.
 *
 * The offset is written after the pages before it are stored, and together with those pages' sources in one
 * transaction, so a run killed at any point resumes at a record whose pages are either all stored or re-read
 * (and then found stored: nothing twice).
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { CoverageStore } from './types.ts';

/** One WARC file's row as read back. */
export interface WarcFileRow {
  source: string;
  next_offset: number;
  records: number;
  kept: number;
  facts: number;
  bad: number;
  /** 1 once read to the end. */
  done: number;
  size: number | null;
}

/** How far a file's reading moved, and what it counted on the way. Counters are added to the row's. */
export interface WarcAdvance {
  /** The offset reading continues at; never moves back. */
  offset: number;
  records?: number;
  kept?: number;
  facts?: number;
  bad?: number;
  /** Read to the end. @default false */
  done?: boolean;
  /** Bytes of the file, when known. */
  size?: number | null;
}

/** A stored page's WARC record. */
export interface WarcPageSource {
  offset: number;
  url: string;
  warcDate: string | null;
  recordId: string | null;
  articleId: number | null;
}

export interface WarcLedger {
  readonly dialect: 'sqlite' | 'postgres';
  get(source: string): Promise<WarcFileRow | null>;
  /** The row of a file, created at offset 0 when new. */
  open(source: string, runId: number): Promise<WarcFileRow>;
  /** Moves a file's offset on (never back) and adds to its counters, in one transaction with the page sources given. */
  advance(source: string, runId: number, f: WarcAdvance, pages?: WarcPageSource[]): Promise<void>;
}

const COLUMNS = 'source, next_offset, records, kept, facts, bad, done, size';

/** The ledger in the SQLite file: one prepared statement per intent. */
export class SqliteWarcLedger implements WarcLedger {
  readonly dialect = 'sqlite' as const;
  private readonly s;
  private readonly write: (source: string, runId: number, f: WarcAdvance, pages: WarcPageSource[]) => void;

  constructor(readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      get: p(`SELECT ${COLUMNS} FROM warc_files WHERE source = ?`),
      start: p(`INSERT INTO warc_files (source, next_offset, updated_run_id, updated_at) VALUES (@source, 0, @runId, @now) ON CONFLICT(source) DO NOTHING`),
      advance: p(`UPDATE warc_files SET next_offset = max(next_offset, @offset), records = records + @records, kept = kept + @kept, facts = facts + @facts, bad = bad + @bad,
                    done = @done, size = coalesce(@size, size), updated_run_id = @runId, updated_at = @now WHERE source = @source`),
      addSource: p(`INSERT INTO warc_sources (source, record_offset, url, warc_date, record_id, article_id, run_id)
                    VALUES (@source, @offset, @url, @warcDate, @recordId, @articleId, @runId) ON CONFLICT (source, record_offset, url) DO NOTHING`),
    };
    this.write = db.transaction((source: string, runId: number, f: WarcAdvance, pages: WarcPageSource[]) => {
      for (const page of pages) this.s.addSource.run({ source, runId, offset: page.offset, url: page.url, warcDate: page.warcDate, recordId: page.recordId, articleId: page.articleId });
      this.s.advance.run({ source, runId, ...advanceParams(f), now: new Date().toISOString() });
    });
  }

  async get(source: string): Promise<WarcFileRow | null> {
    return (this.s.get.get(source) as WarcFileRow | undefined) ?? null;
  }

  async open(source: string, runId: number): Promise<WarcFileRow> {
    this.s.start.run({ source, runId, now: new Date().toISOString() });
    return (await this.get(source))!;
  }

  async advance(source: string, runId: number, f: WarcAdvance, pages: WarcPageSource[] = []): Promise<void> {
    this.write(source, runId, f, pages);
  }
}

const PG = {
  get: `SELECT ${COLUMNS} FROM warc_files WHERE source = $1`,
  start: `INSERT INTO warc_files (source, next_offset, updated_run_id, updated_at) VALUES ($1, 0, $2, $3) ON CONFLICT (source) DO NOTHING`,
  // One statement, so one transaction and one round trip: the page sources (a data-modifying WITH runs whether
  // or not it is referenced) and the offset after them commit together or not at all.
  advance: `WITH added AS (
              INSERT INTO warc_sources (source, record_offset, url, warc_date, record_id, article_id, run_id)
              SELECT $1, s.o, s.u, s.d, s.r, s.a, $9 FROM unnest($11::bigint[], $12::text[], $13::text[], $14::text[], $15::bigint[]) AS s(o, u, d, r, a)
              ON CONFLICT (source, record_offset, url) DO NOTHING)
            UPDATE warc_files SET next_offset = GREATEST(next_offset, $2::bigint), records = records + $3, kept = kept + $4, facts = facts + $5, bad = bad + $6,
              done = $7, size = coalesce($8::bigint, size), updated_run_id = $9, updated_at = $10 WHERE source = $1`,
};

/** The ledger in the PostgreSQL schema of the coverage store, on its pool. */
export class PgWarcLedger implements WarcLedger {
  readonly dialect = 'postgres' as const;

  constructor(private readonly pool: Pick<pg.Pool, 'query'>) {}

  async get(source: string): Promise<WarcFileRow | null> {
    return ((await this.pool.query(PG.get, [source])).rows[0] as WarcFileRow | undefined) ?? null;
  }

  async open(source: string, runId: number): Promise<WarcFileRow> {
    await this.pool.query(PG.start, [source, runId, new Date().toISOString()]);
    return (await this.get(source))!;
  }

  async advance(source: string, runId: number, f: WarcAdvance, pages: WarcPageSource[] = []): Promise<void> {
    const a = advanceParams(f);
    await this.pool.query(PG.advance, [
      source, a.offset, a.records, a.kept, a.facts, a.bad, a.done, a.size, runId, new Date().toISOString(),
      pages.map((p) => p.offset), pages.map((p) => p.url), pages.map((p) => p.warcDate), pages.map((p) => p.recordId), pages.map((p) => p.articleId),
    ]);
  }
}

function advanceParams(f: WarcAdvance) {
  return { offset: f.offset, records: f.records ?? 0, kept: f.kept ?? 0, facts: f.facts ?? 0, bad: f.bad ?? 0, done: f.done ? 1 : 0, size: f.size ?? null };
}

/** The WARC ledger of a coverage store, on the store's own connection: SQLite or PostgreSQL. */
export async function warcLedgerOf(store: CoverageStore): Promise<WarcLedger> {
  const { SqliteStore } = await import('./sqlite.ts');
  if (store instanceof SqliteStore) return new SqliteWarcLedger(store.db);
  const { PgStore } = await import('./postgres.ts');
  if (store instanceof PgStore) return new PgWarcLedger(store.pool);
  throw new Error(`${store.location}: this store keeps no WARC resume offsets; give a SQLite file path or a postgres:// URL for --db`);
}
