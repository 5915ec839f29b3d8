/**
 * The store contract runs on both backends: a fresh SQLite file, and a fresh PostgreSQL schema on the machine's
 * server (created per backend instance, dropped after the test, named uniquely so parallel test files never meet).
 * `all` reads rows with plain SQL on either (`?` placeholders), for checks the store interface does not offer.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach } from 'vitest';
import { openCoverageStore, type CoverageOpenOptions } from '../../src/store/open.ts';
import { dropPgSchema } from '../../src/store/pg.ts';
import type { CoverageStore } from '../../src/store/types.ts';
import { tempDir } from './helpers.ts';

/** The PostgreSQL the machine runs (trust auth, database `test`); override with CAKUPAN_TEST_PG. */
export const TEST_PG_URL = process.env.CAKUPAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type BackendKind = (typeof BACKENDS)[number];

type Row = Record<string, unknown>;

/** One database of one backend. */
export interface Backend {
  kind: BackendKind;
  /** What `--db` / `openCoverageStore` take: a file path or a URL with `?schema=`. */
  location: string;
  open(opts?: CoverageOpenOptions): Promise<CoverageStore>;
  /** Rows of a query (`?` placeholders); numbers come back as numbers on both. */
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A statement that changes rows; returns how many. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

let counter = 0;

/** A fresh database of `kind`, removed after the test. */
export async function backend(kind: BackendKind): Promise<Backend> {
  if (kind === 'sqlite') {
    const path = join(tempDir(), 'c.db');
    const withDb = <T>(fn: (db: Database.Database) => T): T => {
      const db = new Database(path);
      try {
        db.pragma('busy_timeout = 5000');
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      kind,
      location: path,
      open: (opts) => openCoverageStore(path, opts),
      all: async (sql, params = []) => withDb((db) => db.prepare(sql).all(...params) as never[]),
      run: async (sql, params = []) => withDb((db) => db.prepare(sql).run(...params).changes),
    };
  }
  const schema = `t_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  const location = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const client = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}`, types: pgTypes });
  await client.connect();
  cleanups.push(async () => {
    await client.end().catch(() => undefined);
    await dropPgSchema(TEST_PG_URL, schema);
    // The queues' schema next to it, when a command touched pg-boss (`cakupan stats` reads the queues).
    await dropPgSchema(TEST_PG_URL, `${schema}_boss`);
  });
  const toPg = (sql: string) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  };
  return {
    kind,
    location,
    open: (opts) => openCoverageStore(location, opts),
    all: async (sql, params = []) => (await client.query(toPg(sql), params)).rows as never[],
    run: async (sql, params = []) => (await client.query(toPg(sql), params)).rowCount ?? 0,
  };
}
