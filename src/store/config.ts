/**
 * Every knob of the store: name, default, one-line reason. CLI flags and environment variables override
 * them for one run.
 */

/** Where the database lives when neither `--db` nor `CAKUPAN_DB` says otherwise. @default "data/cakupan.db" */
export const DEFAULT_DB_PATH = 'data/cakupan.db';
/** Environment variable that names the database file (for batch jobs that cannot pass flags). */
export const DB_ENV = 'CAKUPAN_DB';

/** How long a write waits for another writer's lock before giving up with a clear error. @default 5 s */
export const BUSY_TIMEOUT_MS = 5_000;
/** Environment variable overriding BUSY_TIMEOUT_MS (milliseconds). */
export const BUSY_TIMEOUT_ENV = 'CAKUPAN_BUSY_TIMEOUT_MS';

/**
 * Articles re-extracted per refresh transaction: large enough that commits do not dominate, small enough that
 * a crash loses little work and readers never wait long. @default 200
 */
export const REFRESH_BATCH = 200;

/**
 * `PRAGMA quick_check` on open only for files up to this size: it reads every page, which costs seconds on a
 * large database, while a small corrupt file is the common case ("the wrong file given as --db"). @default 64 MiB
 */
export const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** gzip level for stored page bytes: level 6 is zlib's own balance of speed and size. @default 6 */
export const BODY_GZIP_LEVEL = 6;

/**
 * Two percentages closer than this are "the same figure" for the conflict check ("98,77" and "98.77" as
 * re-typed by two newsrooms). Counts must agree exactly. @default 0.01 points
 */
export const CONFLICT_PCT_TOLERANCE = 0.01;

/** Enrolled ÷ population may differ from the stated percentage by this many points before it is flagged (the rule). @default 1 */
export const RATIO_TOLERANCE_POINTS = 1;

/** `SQLite` `application_id` marking a cakupan database ("cakp"), so a foreign SQLite file is refused. */
export const APPLICATION_ID = 0x63616b70;

/** Worker threads used by `refresh` for text and fact extraction; 0 extracts on the main thread. @default 0 */
export const REFRESH_WORKERS = 0;

/**
 * Old-generation heap of one extraction worker: extracting one batch needs a few MiB; a cap makes V8 collect
 * instead of letting each worker's heap grow for the whole refresh. @default 256 MiB
 */
export const WORKER_HEAP_MB = 256;

/** Connections per PostgreSQL pool: one refresh or worker writes one batch at a time and reads the next. @default 4 */
export const PG_POOL_MAX = 4;

/** A statement running longer than this on PostgreSQL is cancelled ("a stuck lock wait must not hang a batch job"). @default 120 s */
export const PG_STATEMENT_TIMEOUT_MS = 120_000;

/**
 * How long a refresh run holds a batch before another run may take it over: far longer than one batch takes
 * (200 articles in a few seconds), short enough that a machine that died mid-batch delays its batch only this
 * long. A run that died on the same host, or was marked interrupted, loses its leases at once. @default 10 min
 */
export const REFRESH_LEASE_MS = 10 * 60_000;

/** A PostgreSQL transaction that lost a deadlock or a unique race (two workers, one new site) is run again up to this many times. @default 5 */
export const PG_TX_RETRIES = 5;
