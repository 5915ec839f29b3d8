/**
 * Picks the backend for a database location, so commands never name one: a `postgres://` (or `postgresql://`)
 * URL opens the PostgreSQL store (src/store/postgres.ts); anything else is a SQLite file path (the default).
 */
import { isPostgresUrl } from './pg.ts';
import { openStore, type OpenOptions } from './sqlite.ts';
import type { CoverageStore } from './types.ts';

/** Options of `openCoverageStore`: those of both backends (each ignores what it has no use for). */
export interface CoverageOpenOptions extends OpenOptions {
  /** PostgreSQL: the schema to work in; overrides the URL's `?schema=`. */
  schema?: string;
  /** PostgreSQL: connections in the pool. @default PG_POOL_MAX */
  poolSize?: number;
}

/** Opens the coverage database at `location` with the backend its form calls for. */
export async function openCoverageStore(location: string, opts: CoverageOpenOptions = {}): Promise<CoverageStore> {
  if (isPostgresUrl(location)) {
    const { openPgStore } = await import('./postgres.ts');
    return openPgStore(location, opts);
  }
  return openStore(location, opts);
}
