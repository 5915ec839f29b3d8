/** Shared setup of the worker tests: a fresh PostgreSQL schema (and its pg-boss schema), CLI processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { dropPgSchema } from '../../src/store/pg.ts';
import { bossSchemaFor } from '../../src/store/queues.ts';

export const TEST_PG_URL = process.env.CAKUPAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIN = join(process.cwd(), 'src/bin.js');

/** Short clocks so a crawl with a dead worker takes seconds: slice 2 s, lease 3 s, expiry 6 s, maintenance 1 s. */
export const FAST_CLOCKS: Record<string, string> = {
  CAKUPAN_CRAWL_SLICE_MS: '2000',
  CAKUPAN_HOST_LEASE_MS: '3000',
  CAKUPAN_JOB_EXPIRE_S: '6',
  CAKUPAN_BOSS_MAINTENANCE_S: '1',
  CAKUPAN_JOB_RETRY_DELAY_S: '1',
  CAKUPAN_WORKER_POLL_MS: '200',
};

export interface TestDb {
  url: string;
  schema: string;
  query<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A schema of its own for one test file; `drop` removes it and the queues' schema. */
export async function freshSchema(prefix: string): Promise<TestDb> {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const url = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  // BIGINT (20) and NUMERIC (1700) read as numbers, as the store's own pools read them.
  const types = { getTypeParser: ((oid: number, format?: string) => (oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser };
  const client = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}`, types });
  await client.connect();
  return {
    url,
    schema,
    query: async (sql, params = []) => (await client.query(sql, params)).rows,
    drop: async () => {
      await client.end();
      await dropPgSchema(TEST_PG_URL, schema);
      await dropPgSchema(TEST_PG_URL, bossSchemaFor(url));
    },
  };
}

export interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `cakupan …` as its own process. */
export function cli(args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, done };
}

/** Waits until `check` is true (polling), or fails after `ms`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
