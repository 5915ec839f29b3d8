/**
 * The crawl store on PostgreSQL: the same tables as SQLite (migrations 010 and 050, translated by
 * `toPostgres`), shared by every `cakupan worker` on every machine. Parameters are always bound ($1 …).
 *
 * What keeps many workers polite together lives in `crawl_hosts`:
 *  - the host lease (`lease_owner`, `lease_until`): one worker per host; taken only when free or expired
 *    (`SELECT … FOR UPDATE` on the host row, so two workers racing for a host serialize on it);
 *  - the politeness clocks (`last_start_at`, `backoff_until`): `startRequest` writes the start of each request
 *    before it goes out, so a worker taking over a host waits out the dead worker's last delay.
 * Within a host only its lease holder leases URLs; URLs left leased by a lost holder are queued again when
 * the host is taken.
 */
import type pg from 'pg';
import { createPgPool, type PgHandle } from './pg.ts';
import { migratePg } from './migrate.ts';
import {
  FrontierRow,
  PRIORITY,
  type AcquireResult,
  type CrawlStore,
  type FinishFields,
  type HostLease,
  type HostSave,
  type HostState,
  type Kind,
  type LinkOp,
  type LinksFinish,
  type LogEntry,
  type NewUrl,
  type ReportData,
  type ReportLogRow,
  type State,
  type StoredRobots,
  type Stoppable,
} from './crawl-store.ts';

const COLUMNS = 'url, host, site, kind, depth, redirects, state, attempts, next_run_at, priority, title, summary, hint_date, etag, last_modified, content_hash, outcome, fetched_at';

type Q = Pick<pg.Pool, 'query'> | pg.PoolClient;

const SQL = {
  add: `INSERT INTO crawl_frontier (url, host, site, kind, depth, redirects, priority, title, summary, hint_date, discovered_from, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) ON CONFLICT (url) DO NOTHING`,
  // A queued link seen again with a better rank ("UHC" in a listing's anchor) moves up.
  promote: `UPDATE crawl_frontier SET priority = $2, updated_at = $3 WHERE url = $1 AND state = 'queued' AND priority > $2`,
  refreshSeed: `UPDATE crawl_frontier SET state = 'queued', attempts = 0, next_run_at = 0, updated_at = $3
                WHERE url = $1 AND kind != 'article' AND state IN ('done', 'failed', 'skipped') AND coalesce(fetched_at, 0) < $2`,
  finish: `UPDATE crawl_frontier SET state = $2, outcome = $3, last_status = $4, fetched_at = $5,
             etag = coalesce($6, etag), last_modified = coalesce($7, last_modified),
             content_hash = coalesce($8, content_hash), attempts = attempts + $9,
             lease_run_id = NULL, lease_until = NULL, updated_at = $10 WHERE url = $1`,
  hostPut: `INSERT INTO crawl_hosts (host, last_start_at, backoff_until, failures, delay_ms, deferred_until, deferred_reason, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (host) DO UPDATE SET last_start_at = GREATEST(crawl_hosts.last_start_at, excluded.last_start_at),
              backoff_until = GREATEST(crawl_hosts.backoff_until, excluded.backoff_until), failures = excluded.failures,
              delay_ms = coalesce(excluded.delay_ms, crawl_hosts.delay_ms),
              deferred_until = excluded.deferred_until, deferred_reason = excluded.deferred_reason, updated_at = excluded.updated_at`,
};

const LOG_COLUMNS = ['run_id', 'host', 'url', 'kind', 'requested', 'started_at', 'finished_at', 'status', 'bytes', 'delay_ms', 'waited_ms', 'robots', 'robots_id', 'error', 'outcome'] as const;

export class PgCrawlStore implements CrawlStore {
  readonly dialect = 'postgres' as const;

  /** `owns`: close the pool with the store. */
  constructor(
    readonly pool: pg.Pool,
    private readonly owns: PgHandle | null = null,
  ) {}

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  private async addOn(q: Q, u: NewUrl, now: number): Promise<boolean> {
    const r = await q.query(SQL.add, [u.url, u.host, u.site, u.kind, u.depth ?? 0, u.redirects ?? 0, u.priority ?? PRIORITY[u.kind], u.title ?? null, u.summary ?? null, u.hintDate ?? null, u.discoveredFrom ?? null, now]);
    if ((r.rowCount ?? 0) > 0) return true;
    if (u.priority !== undefined) await q.query(SQL.promote, [u.url, u.priority, now]);
    return false;
  }

  private async seedOn(q: Q, u: NewUrl, staleBefore: number, now: number): Promise<boolean> {
    if (await this.addOn(q, u, now)) return true;
    return ((await q.query(SQL.refreshSeed, [u.url, Math.round(staleBefore), now])).rowCount ?? 0) > 0;
  }

  private async finishOn(q: Q, url: string, state: string, f: FinishFields, now: number): Promise<void> {
    await q.query(SQL.finish, [url, state, f.outcome, f.status ?? null, f.fetchedAt ?? null, f.etag ?? null, f.lastModified ?? null, f.contentHash ?? null, f.attempt === false ? 0 : 1, now]);
  }

  private async saveHostOn(q: Q, h: HostSave, now: number): Promise<void> {
    const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n));
    await q.query(SQL.hostPut, [h.host, round(h.lastStartAt), round(h.backoffUntil), h.failures, h.delayMs ?? null, round(h.deferredUntil), h.deferredReason ?? null, now]);
  }

  async add(u: NewUrl, now = Date.now()): Promise<boolean> {
    return this.addOn(this.pool, u, now);
  }

  async get(url: string): Promise<FrontierRow | null> {
    const r = await this.pool.query(`SELECT ${COLUMNS} FROM crawl_frontier WHERE url = $1`, [url]);
    return r.rows[0] ? FrontierRow.parse(r.rows[0]) : null;
  }

  async seed(u: NewUrl, staleBefore: number, now = Date.now()): Promise<boolean> {
    return this.seedOn(this.pool, u, staleBefore, now);
  }

  async refreshArticles(site: string, now = Date.now()): Promise<number> {
    const r = await this.pool.query(
      `UPDATE crawl_frontier SET state = 'queued', attempts = 0, next_run_at = 0, updated_at = $2
       WHERE site = $1 AND kind = 'article' AND state = 'done' AND outcome IN ('ingested', 'not-modified', 'unchanged')`,
      [site, now],
    );
    return r.rowCount ?? 0;
  }

  /** Only the host's lease holder calls this; an expired URL lease (its holder gone) is taken back. */
  async lease(host: string, runId: number, leaseMs: number, now = Date.now()): Promise<FrontierRow | null> {
    const r = await this.pool.query(
      `UPDATE crawl_frontier SET state = 'leased', lease_run_id = $2, lease_until = $3, updated_at = $4
       WHERE url = (SELECT url FROM crawl_frontier
         WHERE host = $1 AND next_run_at <= $4 AND (state = 'queued' OR (state = 'leased' AND lease_until < $4))
         ORDER BY priority, hint_date DESC NULLS LAST, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [host, runId, now + leaseMs, now],
    );
    return r.rows[0] ? FrontierRow.parse(r.rows[0]) : null;
  }

  /** Workers write each request start before it goes out: there is no unflushed clock to make up for. */
  async previousRunCrashed(_runId: number): Promise<boolean> {
    return false;
  }

  /** Many workers crawl together here, held apart by host leases: no other run is in the way. */
  async otherRunningCrawl(_runId: number): Promise<{ id: number; pid: number | null; host: string | null } | null> {
    return null;
  }

  async nextRunAt(host: string): Promise<number | null> {
    const r = await this.pool.query(`SELECT min(next_run_at) AS t FROM crawl_frontier WHERE host = $1 AND state = 'queued'`, [host]);
    const t = r.rows[0]?.t;
    return t === null || t === undefined ? null : Number(t);
  }

  async finish(url: string, state: Exclude<State, 'queued' | 'leased'>, f: FinishFields, now = Date.now()): Promise<void> {
    await this.finishOn(this.pool, url, state, f, now);
  }

  async retry(url: string, nextRunAt: number, status: number | null, outcome: string, now = Date.now()): Promise<void> {
    await this.pool.query(
      `UPDATE crawl_frontier SET state = 'queued', attempts = attempts + 1, next_run_at = $2, last_status = $3,
         outcome = $4, lease_run_id = NULL, lease_until = NULL, updated_at = $5 WHERE url = $1`,
      [url, Math.round(nextRunAt), status, outcome, now],
    );
  }

  async release(url: string, now = Date.now()): Promise<void> {
    await this.pool.query(`UPDATE crawl_frontier SET state = 'queued', lease_run_id = NULL, lease_until = NULL, updated_at = $2 WHERE url = $1 AND state = 'leased'`, [url, now]);
  }

  async duplicateOf(hash: string, url: string): Promise<string | null> {
    const r = await this.pool.query(`SELECT url FROM crawl_frontier WHERE content_hash = $1 AND url != $2 AND outcome IN ('ingested', 'unchanged', 'not-modified') LIMIT 1`, [hash, url]);
    return r.rows[0]?.url ?? null;
  }

  async counts(site: string): Promise<{ state: State; kind: Kind; n: number }[]> {
    const r = await this.pool.query(`SELECT state, kind, count(*)::int AS n FROM crawl_frontier WHERE site = $1 GROUP BY state, kind`, [site]);
    return r.rows as { state: State; kind: Kind; n: number }[];
  }

  async applyLinks(ops: LinkOp[], limits: Record<string, number>, finish: LinksFinish, now = Date.now()): Promise<boolean[]> {
    return this.tx(async (c) => {
      const left = { ...limits };
      const out: boolean[] = [];
      for (const op of ops) {
        if (op.limit !== undefined && (left[op.limit] ?? Infinity) <= 0) {
          out.push(false);
          continue;
        }
        const ok = op.seedStaleBefore !== undefined ? await this.seedOn(c, op.url, op.seedStaleBefore, now) : await this.addOn(c, op.url, now);
        if (ok && op.limit !== undefined && left[op.limit] !== undefined) left[op.limit]!--;
        out.push(ok);
      }
      const o = finish.fields.outcome;
      await this.finishOn(c, finish.url, finish.state, { ...finish.fields, outcome: typeof o === 'function' ? o(out.filter(Boolean).length) : o }, now);
      return out;
    });
  }

  async hostState(host: string): Promise<HostState | null> {
    const r = await this.pool.query(`SELECT host, last_start_at AS "lastStartAt", backoff_until AS "backoffUntil", failures FROM crawl_hosts WHERE host = $1`, [host]);
    const row = r.rows[0];
    return row ? { host: row.host, lastStartAt: Number(row.lastStartAt), backoffUntil: Number(row.backoffUntil), failures: Number(row.failures) } : null;
  }

  /** Buffered with the fetch log when batching (the latest state of a host wins); written before the host is released. */
  async saveHost(h: HostSave, now = Date.now()): Promise<void> {
    if (this.logBatchMs) return this.writeLog([], [h], now);
    await this.saveHostOn(this.pool, h, now);
  }

  async latestRobots(host: string): Promise<(StoredRobots & { id: number }) | null> {
    const r = await this.pool.query(
      `SELECT id, host, url, outcome, status, body, note, fetched_at AS "fetchedAt", expires_at AS "expiresAt"
       FROM crawl_robots WHERE host = $1 ORDER BY fetched_at DESC, id DESC LIMIT 1`,
      [host],
    );
    return r.rows[0] ? robotsRow(r.rows[0]) : null;
  }

  async addRobots(x: StoredRobots): Promise<number> {
    const r = await this.pool.query(
      `INSERT INTO crawl_robots (host, url, outcome, status, body, note, fetched_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [x.host, x.url, x.outcome, x.status, x.body, x.note, Math.round(x.fetchedAt), Math.round(x.expiresAt)],
    );
    return Number(r.rows[0].id);
  }

  /**
   * Buffers the rows and host states of every crawl sharing this store and writes them together every
   * `logBatchMs` (one transaction for a worker's hundred hosts, not one each); `close` writes the rest. The
   * politeness clocks do not wait for this: `startRequest` writes them before each request.
   */
  async writeLog(rows: LogEntry[], hosts: HostSave[], now = Date.now()): Promise<void> {
    if (this.flushError) throw this.flushError;
    if (!this.logBatchMs) return this.writeLogNow(rows, hosts, now);
    this.pendingRows.push(...rows);
    for (const h of hosts) this.pendingHosts.set(h.host, h);
    this.flushTimer ??= setTimeout(() => void this.flushLog(), this.logBatchMs);
  }

  private pendingRows: LogEntry[] = [];
  private pendingHosts = new Map<string, HostSave>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushError: Error | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** 0: every `writeLog` writes at once. */
  logBatchMs = 0;

  /** Writes what `writeLog` buffered. */
  flushLog(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const rows = this.pendingRows.splice(0);
    const hosts = [...this.pendingHosts.values()];
    this.pendingHosts.clear();
    this.flushing = this.flushing.then(() => this.writeLogNow(rows, hosts, Date.now())).catch((err: Error) => void (this.flushError = err));
    return this.flushing;
  }

  private async writeLogNow(rows: LogEntry[], hosts: HostSave[], now: number): Promise<void> {
    if (!rows.length && !hosts.length) return;
    await this.tx(async (c) => {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        const params: unknown[] = [];
        const tuples = chunk.map((r) => {
          const base = params.length;
          params.push(r.runId, r.host, r.url, r.kind, r.requested ? 1 : 0, Math.round(r.startedAt), r.finishedAt === null ? null : Math.round(r.finishedAt), r.status, r.bytes, r.delayMs, r.waitedMs, r.robots, r.robotsId, r.error, r.outcome);
          return `(${LOG_COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`;
        });
        await c.query(`INSERT INTO crawl_fetch_log (${LOG_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
      }
      for (const h of hosts) await this.saveHostOn(c, h, now);
    });
  }

  /**
   * One statement (a worker starting a hundred hosts pays each round trip a hundred times): the host row locked and
   * read as it was (`prev`), the lease taken only when free, ours or expired (the upsert's WHERE, evaluated on the
   * row's latest version), and URLs a previous holder left leased queued again when the holder changes.
   */
  async acquireHost(host: string, owner: string, leaseMs: number, now = Date.now()): Promise<AcquireResult> {
    const r = await this.pool.query(
      `WITH prev AS (
         SELECT lease_owner, lease_until, lease_since FROM crawl_hosts WHERE host = $1 FOR UPDATE
       ), up AS (
         INSERT INTO crawl_hosts (host, updated_at, lease_owner, lease_until, lease_since) VALUES ($1, $4, $2, $3, $4)
         ON CONFLICT (host) DO UPDATE SET lease_owner = $2, lease_until = $3, updated_at = $4,
           lease_since = CASE WHEN crawl_hosts.lease_owner = $2 THEN crawl_hosts.lease_since ELSE $4 END
         WHERE crawl_hosts.lease_owner IS NULL OR crawl_hosts.lease_owner = $2 OR crawl_hosts.lease_until IS NULL OR crawl_hosts.lease_until < $4
         RETURNING host
       ), reset AS (
         UPDATE crawl_frontier SET state = 'queued', lease_run_id = NULL, lease_until = NULL, updated_at = $4
         WHERE host = $1 AND state = 'leased' AND EXISTS (SELECT 1 FROM up) AND NOT EXISTS (SELECT 1 FROM prev WHERE lease_owner = $2)
       )
       SELECT (SELECT count(*) FROM up)::int AS acquired, p.lease_owner AS owner, p.lease_until AS until, p.lease_since AS since
       FROM (SELECT 1) one LEFT JOIN prev p ON true`,
      [host, owner, now + leaseMs, now],
    );
    const row = r.rows[0] as { acquired: number; owner: string | null; until: string | number | null; since: string | number | null };
    const held = (x: typeof row): HostLease | null => (x.owner && x.owner !== owner ? { host, owner: x.owner, until: Number(x.until ?? 0), since: Number(x.since ?? 0) } : null);
    if (row.acquired) return { acquired: true, tookOver: held(row) };
    // Not taken: a live holder has it. When the row was new to this statement (a racing worker inserted it first), read who.
    const other = held(row) ?? held((await this.pool.query(`SELECT lease_owner AS owner, lease_until AS until, lease_since AS since FROM crawl_hosts WHERE host = $1`, [host])).rows[0]);
    // (None: it was released in between; try again.)
    return other ? { acquired: false, heldBy: other } : this.acquireHost(host, owner, leaseMs, Date.now());
  }

  async startRequest(host: string, owner: string, leaseMs: number, startedAt: number): Promise<boolean> {
    const at = Math.round(startedAt);
    const r = await this.pool.query(
      `UPDATE crawl_hosts SET lease_until = $3, last_start_at = GREATEST(last_start_at, $4), updated_at = $4 WHERE host = $1 AND lease_owner = $2`,
      [host, owner, at + leaseMs, at],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async renewHost(host: string, owner: string, leaseMs: number, now = Date.now()): Promise<boolean> {
    const r = await this.pool.query(`UPDATE crawl_hosts SET lease_until = $3 WHERE host = $1 AND lease_owner = $2`, [host, owner, now + leaseMs]);
    return (r.rowCount ?? 0) > 0;
  }

  async releaseHost(host: string, owner: string): Promise<void> {
    // The next holder starts from this host's backoff and failures: write them first.
    await this.flushLog();
    await this.pool.query(`UPDATE crawl_hosts SET lease_owner = NULL, lease_until = NULL, lease_since = NULL WHERE host = $1 AND lease_owner = $2`, [host, owner]);
  }

  async leasedHosts(now = Date.now()): Promise<HostLease[]> {
    const r = await this.pool.query(`SELECT host, lease_owner AS owner, lease_until AS until, lease_since AS since FROM crawl_hosts WHERE lease_owner IS NOT NULL AND lease_until >= $1 ORDER BY host`, [now]);
    return r.rows.map((x) => ({ host: x.host, owner: x.owner, until: Number(x.until), since: Number(x.since) }));
  }

  async hostsWithWork(): Promise<string[]> {
    const r = await this.pool.query(`SELECT DISTINCT host FROM crawl_frontier WHERE state IN ('queued', 'leased') ORDER BY host`);
    return r.rows.map((x) => x.host as string);
  }

  async reportData(lowPriority: number): Promise<ReportData> {
    const [robots, frontier, hosts, log] = await Promise.all([
      this.pool.query(`SELECT id, host, url, outcome, status, body, note, fetched_at AS "fetchedAt", expires_at AS "expiresAt" FROM crawl_robots`),
      this.pool.query(
        `SELECT host, count(*) FILTER (WHERE kind = 'article' AND outcome IN ('ingested', 'not-modified', 'unchanged'))::int AS ingested,
                count(*) FILTER (WHERE state IN ('queued', 'leased'))::int AS queued, count(*) FILTER (WHERE state = 'failed')::int AS failed,
                count(*) FILTER (WHERE kind = 'article' AND priority >= $1)::int AS "rankedLow",
                count(*) FILTER (WHERE kind = 'article' AND priority >= $1 AND fetched_at IS NOT NULL)::int AS "rankedLowFetched",
                count(*) FILTER (WHERE kind = 'article' AND priority >= $1 AND outcome IN ('ingested', 'not-modified', 'unchanged'))::int AS "rankedLowRelevant"
         FROM crawl_frontier GROUP BY host`,
        [lowPriority],
      ),
      this.pool.query(`SELECT host, deferred_reason AS reason, deferred_until AS until FROM crawl_hosts`),
      this.pool.query(`SELECT host, url, kind, requested, started_at, status, bytes, delay_ms, robots, robots_id, error, run_id FROM crawl_fetch_log ORDER BY host, started_at, id`),
    ]);
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      robots: robots.rows.map(robotsRow),
      frontier: frontier.rows as ReportData['frontier'],
      hosts: hosts.rows.map((h) => ({ host: h.host, reason: h.reason, until: num(h.until) })),
      log: log.rows.map(
        (r): ReportLogRow => ({ ...r, requested: Number(r.requested), started_at: Number(r.started_at), status: num(r.status), bytes: num(r.bytes), delay_ms: num(r.delay_ms), robots_id: num(r.robots_id), run_id: num(r.run_id) }),
      ),
    };
  }

  startBackground(): Stoppable | null {
    return null;
  }

  async close(): Promise<void> {
    await this.flushLog();
    await this.owns?.close();
    if (this.flushError) throw this.flushError;
  }
}

function robotsRow(r: Record<string, unknown>): StoredRobots & { id: number } {
  return {
    id: Number(r.id),
    host: r.host as string,
    url: r.url as string,
    outcome: r.outcome as StoredRobots['outcome'],
    status: r.status === null ? null : Number(r.status),
    body: r.body as string,
    note: r.note as string,
    fetchedAt: Number(r.fetchedAt),
    expiresAt: Number(r.expiresAt),
  };
}

/** Opens the crawl store at a `postgres://` URL (schema from `?schema=` or `schema`), migrating it first. */
export async function openPgCrawlStore(url: string, opts: { schema?: string; max?: number } = {}): Promise<PgCrawlStore> {
  const h = await createPgPool(url, { schema: opts.schema, max: opts.max });
  try {
    await migratePg(h.pool);
  } catch (err) {
    await h.close();
    throw err;
  }
  return new PgCrawlStore(h.pool, h);
}
