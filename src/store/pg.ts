/**
 * The PostgreSQL connection: one `pg` Pool per store, built from a `postgres://` URL. Shared by the coverage store
 * (src/store/postgres.ts) and the crawl store and workers, so every part connects the same way.
 *
 * The schema (PostgreSQL namespace) the tables live in is chosen by the URL's `?schema=name` parameter or the
 * `schema` option (the option wins); it defaults to `public`. It is set as the `search_path` of every connection
 * the pool opens, so SQL never names it. Tests give each run its own schema and drop it afterwards.
 */
import pg from 'pg';
import { PG_POOL_MAX, PG_STATEMENT_TIMEOUT_MS } from './config.ts';

/** Options of `createPgPool`. */
export interface PgPoolOptions {
  /** The schema to work in; overrides the URL's `?schema=`. @default the URL's, else "public" */
  schema?: string;
  /** Connections in the pool. @default PG_POOL_MAX */
  max?: number;
  /** Create the schema when it does not exist yet. @default true */
  createSchema?: boolean;
  /** Name shown in `pg_stat_activity` (who is connected). @default "cakupan" */
  applicationName?: string;
}

/** A pool bound to one schema. */
export interface PgHandle {
  pool: pg.Pool;
  /** The schema every connection of the pool uses. */
  schema: string;
  /** The URL without its password, for messages. */
  location: string;
  close(): Promise<void>;
}

/** True for a location that names a PostgreSQL database (`postgres://` or `postgresql://`). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL with any password replaced by `***`, safe to print. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

/**
 * Type parsers of our pools: BIGINT (ids, counts) and NUMERIC (sums) come back as numbers, as SQLite gives them;
 * `pg`'s default strings would leak into every row. Ids stay far below 2^53. Only this pool is affected.
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Splits `?schema=` off a URL (pg would pass it to the server as an unknown option). */
export function parsePgUrl(url: string): { connectionString: string; schema: string | null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${redactUrl(url)}: not a valid PostgreSQL URL; write it as postgres://user@host:5432/database`);
  }
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema };
}

/** Quotes an identifier for SQL (schema names are checked first; this is for the few DDL statements that need one). */
export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * Opens a pool for `url` working in one schema (created when missing). Fails fast, with a message naming the URL,
 * when the server cannot be reached.
 */
export async function createPgPool(url: string, opts: PgPoolOptions = {}): Promise<PgHandle> {
  const { connectionString, schema: fromUrl } = parsePgUrl(url);
  const schema = opts.schema ?? fromUrl ?? 'public';
  const location = redactUrl(url);
  if (!SCHEMA_NAME.test(schema)) throw new Error(`${location}: schema "${schema}" is not a plain identifier (letters, digits, _; at most 63)`);
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? PG_POOL_MAX,
    application_name: opts.applicationName ?? 'cakupan',
    types: TYPES,
    // Every connection starts in the schema: no statement ever needs to name it.
    options: `-c search_path=${schema} -c statement_timeout=${PG_STATEMENT_TIMEOUT_MS}`,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    if (opts.createSchema ?? true) {
      // Many workers starting at once race on IF NOT EXISTS: the loser's unique violation means it exists now.
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`).catch((err: Error & { code?: string }) => {
        if (err.code !== '23505' && err.code !== '42P06') throw err;
      });
    } else await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    const e = err as Error & { code?: string };
    throw new Error(`${location}: cannot use the PostgreSQL database (${e.code ? e.code + ': ' : ''}${e.message}); is the server running and the URL right?`);
  }
  let closed = false;
  return {
    pool,
    schema,
    location,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Drops a schema and everything in it (tests). */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const { connectionString } = parsePgUrl(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
