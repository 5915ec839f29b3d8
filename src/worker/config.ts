/**
 * Every knob of `cakupan worker` and the pg-boss queues: name, default, one-line reason. The environment
 * variables named below override them (tests shorten the clocks; an operator may tune a fleet without a release).
 */

/** Queue of crawl work: one job = one host for at most one slice. */
export const CRAWL_QUEUE = 'cakupan-crawl-host';
/** Queue of refresh work: one job = one batch of a refresh plan. */
export const REFRESH_QUEUE = 'cakupan-refresh-batch';
/** Where a job lands after its last failed retry: kept for `cakupan stats` and a person to look at. */
export const DEAD_LETTER_QUEUE = 'cakupan-dead-letter';

/** pg-boss keeps its tables in this schema when the store is in `public`; otherwise in `<schema>_boss`. */
export const BOSS_SCHEMA = 'pgboss';

function env(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${v}: must be a positive number`);
  return n;
}

/**
 * Longest a worker works one host per job before handing it back as a new job: bounds how long a SIGTERM
 * waits and how long a dead worker's host sits in an expired job. @default 60 s (CAKUPAN_CRAWL_SLICE_MS)
 */
export const CRAWL_SLICE_MS = () => env('CAKUPAN_CRAWL_SLICE_MS', 60_000);
/**
 * A worker's hold on a host, renewed while it works it: a dead worker's host is taken after this, never
 * earlier. @default HOST_LEASE_MS = 30 s (CAKUPAN_HOST_LEASE_MS)
 */
export const WORKER_HOST_LEASE_MS = (fallback: number) => env('CAKUPAN_HOST_LEASE_MS', fallback);
/**
 * A job still active this long after it started is taken for dead (its worker killed) and retried elsewhere:
 * a slice plus the articles still being stored plus a margin. @default slice × 3 (CAKUPAN_JOB_EXPIRE_S)
 */
export const JOB_EXPIRE_S = () => env('CAKUPAN_JOB_EXPIRE_S', Math.ceil((CRAWL_SLICE_MS() * 3) / 1000));
/** Hosts one worker crawls at once: each mostly waits out its delay, so many fit in one process. @default 128 (CAKUPAN_WORKER_HOSTS) */
export const WORKER_HOSTS = () => Math.floor(env('CAKUPAN_WORKER_HOSTS', 128));
/** Retries of a failed job before it goes to the dead-letter queue. @default 3 (CAKUPAN_JOB_RETRIES) */
export const JOB_RETRIES = () => Math.floor(env('CAKUPAN_JOB_RETRIES', 3));
/** First retry delay; doubled per retry by pg-boss (retryBackoff). @default 10 s (CAKUPAN_JOB_RETRY_DELAY_S) */
export const JOB_RETRY_DELAY_S = () => Math.floor(env('CAKUPAN_JOB_RETRY_DELAY_S', 10));
/** How often an idle worker looks for jobs. @default 1 s (CAKUPAN_WORKER_POLL_MS) */
export const WORKER_POLL_MS = () => env('CAKUPAN_WORKER_POLL_MS', 1_000);
/**
 * How often pg-boss's maintenance (expiring jobs of dead workers) runs, once across all workers. pg-boss's
 * default (2 min) would leave a dead worker's host idle for as long. @default 15 s (CAKUPAN_BOSS_MAINTENANCE_S)
 */
export const BOSS_MAINTENANCE_S = () => Math.floor(env('CAKUPAN_BOSS_MAINTENANCE_S', 15));
/**
 * Fetch-log rows and host states of one host's crawl are written at least this often: on PostgreSQL each write
 * is a round trip, and the request starts themselves are already recorded one by one. @default 1 s
 */
export const WORKER_LOG_FLUSH_MS = 1_000;
/**
 * Connections of a worker's crawl-store pool: every request of every host it works waits for one (lease, clock,
 * finish), so a hundred hosts need more than the store's default. @default 16
 */
export const WORKER_CRAWL_POOL = 16;
/** Connections of a worker's coverage-store pool (storing articles, refresh batches). @default 8 */
export const WORKER_STORE_POOL = 8;
/**
 * Main-thread heap above which a worker runs a full collection (one guard for all its crawls, see
 * src/crawl/memory.ts): a worker's live heap (pg-boss, two pools, a hundred hosts' state) is about twice a
 * single crawl's. @default 160 MB
 */
export const WORKER_HEAP_SOFT_LIMIT_MB = 160;
/** Articles per refresh job (a batch of the plan). @default REFRESH_BATCH of the store */
export const REFRESH_JOB_BATCH = () => Math.floor(env('CAKUPAN_REFRESH_JOB_BATCH', 200));
