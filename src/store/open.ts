/**
 * Picks the backend for a database location, so commands never name one: a file path opens the SQLite store;
 * a `postgres://` URL is where a PostgreSQL `CoverageStore` plugs in (not written yet).
 */
import { openStore, type OpenOptions } from './sqlite.ts';
import { StoreError, type CoverageStore } from './types.ts';

/** Opens the coverage database at `location` with the backend its form calls for. */
export function openCoverageStore(location: string, opts: OpenOptions = {}): CoverageStore {
  if (/^postgres(ql)?:\/\//i.test(location))
    throw new StoreError(location.replace(/\/\/[^@/]*@/, '//***@'), 'missing', 'the PostgreSQL backend is not available yet; give a SQLite file path');
  return openStore(location, opts);
}
