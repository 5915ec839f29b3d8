/**
 * The job queues of `cakupan worker`, on the store's PostgreSQL (pg-boss 10; the only module that touches it): the queues (crawl hosts, refresh batches, dead letters), the job shapes,
 * and the enqueue functions `cakupan crawl --db postgres://…` and `cakupan refresh --db postgres://…` call.
 *
 * pg-boss keeps its own tables in a schema of its own next to the store's: `pgboss` when the store is in
 * `public`, `<schema>_boss` otherwise (so each test schema gets its own queues).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { parsePgUrl, quoteIdent, redactUrl } from './pg.ts';
import { SitesConfig, type Site } from '../crawl/sites.ts';
import { hostKey } from '../crawl/url.ts';
import {
  BOSS_MAINTENANCE_S,
  BOSS_SCHEMA,
  CRAWL_QUEUE,
  DEAD_LETTER_QUEUE,
  JOB_EXPIRE_S,
  JOB_RETRIES,
  JOB_RETRY_DELAY_S,
  REFRESH_QUEUE,
} from '../worker/config.ts';

/** One crawl job: work one host (all its configured sites) for one slice. */
export const CrawlJob = z.object({
  /** The `crawl` run that enqueued it (for the log line; workers record their own runs). */
  enqueuedBy: z.number().int(),
  host: z.string().min(1),
  /** The sites config with only this host's sites. */
  config: SitesConfig,
  since: z.string().nullable(),
  userAgent: z.string().optional(),
  maxPagesPerHost: z.number().int().positive().optional(),
  /** Requests this host's earlier slices of the same enqueued crawl made: the per-host budget spans slices. */
  pagesDone: z.number().int().nonnegative().optional(),
});
export type CrawlJob = z.infer<typeof CrawlJob>;

/** One refresh job: one batch of a refresh plan (src/store/refresh.ts `refreshBatch`). */
export const RefreshJob = z.object({ planId: z.number().int(), batchId: z.number().int() });
export type RefreshJob = z.infer<typeof RefreshJob>;

/** The pg-boss schema that goes with a store URL. */
export function bossSchemaFor(url: string, schema?: string): string {
  const s = schema ?? parsePgUrl(url).schema ?? 'public';
  return s === 'public' ? BOSS_SCHEMA : `${s}_boss`;
}

/** Starts pg-boss on the store's database (creating its schema and the queues when missing). */
export async function openBoss(url: string, opts: { schema?: string; supervise?: boolean } = {}): Promise<PgBoss> {
  const { connectionString } = parsePgUrl(url);
  const boss = new PgBoss({
    connectionString,
    schema: bossSchemaFor(url, opts.schema),
    max: 3,
    application_name: 'cakupan worker',
    // Only workers supervise (expire the jobs of dead workers); an enqueueing command just sends.
    supervise: opts.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: BOSS_MAINTENANCE_S(),
  });
  boss.on('error', () => undefined); // maintenance errors are retried on the next interval
  try {
    // Workers starting together race to install pg-boss and create the queues (deadlocks, duplicate keys):
    // the loser tries again.
    await retryRace(() => boss.start());
    await retryRace(() => ensureQueues(boss));
  } catch (err) {
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
    throw new Error(`${redactUrl(url)}: cannot start the job queue (pg-boss): ${(err as Error).message}`);
  }
  return boss;
}

/** PostgreSQL errors of two sessions doing the same setup at once: deadlock, unique violation, serialization. */
const RACE_CODES = new Set(['40P01', '23505', '40001', '42P07', '42710']);

/** Runs `fn`, again after a short random pause when it lost a setup race to another worker (at most 5 tries). */
export async function retryRace<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: string }).code ?? /\b(40P01|23505)\b/.exec((err as Error).message)?.[1];
      const race = (code && RACE_CODES.has(code)) || /deadlock detected|duplicate key/.test((err as Error).message);
      if (!race || i >= tries) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400 * i));
    }
  }
}

/** Creates the queues (idempotent; many workers may start at once) and applies the current retry knobs. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const retry = { retryLimit: JOB_RETRIES(), retryDelay: JOB_RETRY_DELAY_S(), retryBackoff: true, expireInSeconds: JOB_EXPIRE_S(), deadLetter: DEAD_LETTER_QUEUE };
  await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, policy: 'standard' });
  // `short`: at most one queued job per host (singletonKey), so continuations and re-enqueues never pile up.
  await boss.createQueue(CRAWL_QUEUE, { name: CRAWL_QUEUE, policy: 'short', ...retry });
  await boss.updateQueue(CRAWL_QUEUE, { name: CRAWL_QUEUE, policy: 'short', ...retry });
  await boss.createQueue(REFRESH_QUEUE, { name: REFRESH_QUEUE, policy: 'standard', ...retry });
  await boss.updateQueue(REFRESH_QUEUE, { name: REFRESH_QUEUE, policy: 'standard', ...retry });
}

/** Sends one host's crawl job; false when one is already queued for that host. `startAfter` in seconds. */
export async function sendCrawlJob(boss: PgBoss, job: CrawlJob, startAfter = 0): Promise<boolean> {
  const id = await boss.send(CRAWL_QUEUE, job, { singletonKey: job.host, ...(startAfter > 0 ? { startAfter: Math.ceil(startAfter) } : {}) });
  return id !== null;
}

/**
 * The channel on which new jobs are announced to the idle workers of one pg-boss schema (pg-boss 10 only polls:
 * without it, work enqueued waits up to a poll interval before any worker looks).
 */
function jobsChannel(bossSchema: string): string {
  return `cakupan_jobs:${bossSchema}`.slice(0, 63);
}

/** Tells every worker listening on this schema's queues that jobs were just sent (NOTIFY; nothing is lost if none listens). */
export async function announceJobs(boss: PgBoss, bossSchema: string): Promise<void> {
  await boss.getDb().executeSql('SELECT pg_notify($1, $2)', [jobsChannel(bossSchema), 'jobs']);
}

/**
 * Calls `onJobs` whenever jobs are announced on the schema's queues (LISTEN on a connection of its own). The
 * worker still polls: a lost connection only slows it to its poll interval. Returns the function that stops it.
 */
export async function listenForJobs(url: string, onJobs: () => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: parsePgUrl(url).connectionString, application_name: 'cakupan worker (listen)' });
  client.on('error', () => undefined);
  client.on('notification', () => onJobs());
  await client.connect();
  await client.query(`LISTEN ${quoteIdent(jobsChannel(bossSchemaFor(url)))}`);
  return () => client.end().catch(() => undefined);
}

/**
 * Splits the sites by host and sends a job per host, all in one statement (pg-boss `insert`: the jobs exist at
 * once, so the workers' first fetch finds them all instead of the first few of 200 sends); returns the hosts
 * enqueued and those already queued (the `short` policy keeps one queued job per host).
 */
export async function enqueueCrawl(boss: PgBoss, o: { bossSchema: string; config: SitesConfig; sites: Site[]; runId: number; since: string | null; userAgent?: string; maxPagesPerHost?: number }): Promise<{ queued: string[]; alreadyQueued: string[] }> {
  const byHost = new Map<string, Site[]>();
  for (const s of o.sites) byHost.set(hostKey(s.url), [...(byHost.get(hostKey(s.url)) ?? []), s]);
  const jobs = [...byHost].map(([host, sites]) => {
    const data: CrawlJob = { enqueuedBy: o.runId, host, config: { ...o.config, sites }, since: o.since, userAgent: o.userAgent, maxPagesPerHost: o.maxPagesPerHost };
    return { id: randomUUID(), name: CRAWL_QUEUE, data, singletonKey: host };
  });
  const inserted = new Set<string>();
  if (jobs.length) {
    await boss.insert(jobs);
    // pg-boss 10's insert skips a conflicting job silently (and answers nothing): a host whose job id is not in
    // the table had one queued already.
    const ids = jobs.map((j) => j.id);
    const r = (await boss.getDb().executeSql(`SELECT id::text AS id FROM "${o.bossSchema.replace(/"/g, '""')}".job WHERE name = $1 AND id = ANY($2::uuid[])`, [CRAWL_QUEUE, ids])) as { rows: { id: string }[] };
    for (const row of r.rows) inserted.add(row.id);
    if (inserted.size) await announceJobs(boss, o.bossSchema);
  }
  const queued: string[] = [];
  const alreadyQueued: string[] = [];
  for (const j of jobs) (inserted.has(j.id) ? queued : alreadyQueued).push(j.data.host);
  return { queued, alreadyQueued };
}

/** Sends one job per open batch of a refresh plan. */
export async function enqueueRefresh(boss: PgBoss, bossSchema: string, planId: number, batches: { id: number }[]): Promise<number> {
  let n = 0;
  for (const b of batches) if (await boss.send(REFRESH_QUEUE, { planId, batchId: b.id } satisfies RefreshJob)) n++;
  if (n) await announceJobs(boss, bossSchema);
  return n;
}

/** Jobs by queue and state, straight from pg-boss's tables. */
export interface QueueStats {
  queue: string;
  queued: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
}

/** Per-queue job counts (dead letters are the jobs of DEAD_LETTER_QUEUE). */
export async function queueStats(boss: PgBoss, schema: string): Promise<QueueStats[]> {
  const db = boss.getDb();
  const q = '"' + schema.replace(/"/g, '""') + '"';
  const r = (await db.executeSql(`SELECT name, state, count(*)::int AS n FROM ${q}.job GROUP BY name, state`, [])) as { rows: { name: string; state: string; n: number }[] };
  const out = new Map<string, QueueStats>();
  for (const name of [CRAWL_QUEUE, REFRESH_QUEUE, DEAD_LETTER_QUEUE]) out.set(name, { queue: name, queued: 0, retry: 0, active: 0, completed: 0, failed: 0 });
  for (const row of r.rows) {
    const s = out.get(row.name) ?? { queue: row.name, queued: 0, retry: 0, active: 0, completed: 0, failed: 0 };
    if (row.state === 'created') s.queued += row.n;
    else if (row.state === 'retry') s.retry += row.n;
    else if (row.state === 'active') s.active += row.n;
    else if (row.state === 'completed') s.completed += row.n;
    else if (row.state === 'failed') s.failed += row.n;
    out.set(row.name, s);
  }
  return [...out.values()];
}

/** A started pg-boss and one of its jobs, as the worker handles them. */
export type Boss = PgBoss;
export type Job = PgBoss.Job<unknown>;

/** The jobs of the dead-letter queue, newest first, with the queue and last error of the job they came from. */
export async function deadLetters(boss: PgBoss, schema: string, limit = 20): Promise<{ id: string; data: { host?: string; planId?: number; batchId?: number } | null; at: Date; queue: string | null; output: { message?: string } | null }[]> {
  const q = '"' + schema.replace(/"/g, '""') + '"';
  const r = (await boss.getDb().executeSql(
    `SELECT d.id, d.data, d.created_on AS at, src.name AS queue, src.output
     FROM ${q}.job d LEFT JOIN ${q}.job src ON src.dead_letter = d.name AND src.state = 'failed' AND src.data::text = d.data::text
     WHERE d.name = $1 ORDER BY d.created_on DESC LIMIT $2`,
    [DEAD_LETTER_QUEUE, limit],
  )) as { rows: { id: string; data: { host?: string; planId?: number; batchId?: number } | null; at: Date; queue: string | null; output: { message?: string } | null }[] };
  return r.rows;
}

/** Jobs still to do (queued, waiting to retry, or running) in the work queues. */
export async function pendingJobs(boss: PgBoss): Promise<number> {
  const [a, b] = await Promise.all([boss.getQueueSize(CRAWL_QUEUE, { before: 'completed' }), boss.getQueueSize(REFRESH_QUEUE, { before: 'completed' })]);
  return a + b;
}
