/**
 * The crawl store on SQLite (tables of `src/store/migrations/010_crawl.sql`): one prepared statement per
 * intent, named parameters. Statements run synchronously; the async methods only wrap their results.
 *
 * A URL is leased before it is fetched (`state = 'leased'`, `lease_until`); a lease held by a run whose
 * process is gone (SIGKILL) or whose time ran out is taken back, so a killed crawl resumes where it stopped.
 * A URL reaches `done` right after its article is stored, so nothing stored is fetched again.
 *
 * Host leases (`crawl_hosts.lease_*`, migration 050) work here as on PostgreSQL, for processes sharing one file;
 * crawls spread over many machines use PostgreSQL (src/store/crawl-pg.ts).
 */
import type Database from 'better-sqlite3';
import { startCheckpointer } from './checkpointer.ts';
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

/** The raw SQLite handle type, for callers that hold one (tests, the SQLite coverage store). */
export type SqliteHandle = Database.Database;

const COLUMNS = 'url, host, site, kind, depth, redirects, state, attempts, next_run_at, priority, title, summary, hint_date, etag, last_modified, content_hash, outcome, fetched_at';

export class SqliteCrawlStore implements CrawlStore {
  readonly dialect = 'sqlite' as const;
  private readonly s;

  constructor(readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      add: p(`INSERT INTO crawl_frontier (url, host, site, kind, depth, redirects, priority, title, summary, hint_date, discovered_from, created_at, updated_at)
              VALUES (@url, @host, @site, @kind, @depth, @redirects, @priority, @title, @summary, @hintDate, @discoveredFrom, @now, @now)
              ON CONFLICT(url) DO NOTHING`),
      get: p(`SELECT ${COLUMNS} FROM crawl_frontier WHERE url = ?`),
      // A queued link seen again with a better rank ("UHC" in a listing's anchor) moves up.
      promote: p(`UPDATE crawl_frontier SET priority = @priority, updated_at = @now WHERE url = @url AND state = 'queued' AND priority > @priority`),
      // Seeds (sitemaps, feeds, listings) are re-read when stale; articles never, unless refreshing.
      refreshSeed: p(`UPDATE crawl_frontier SET state = 'queued', attempts = 0, next_run_at = 0, updated_at = @now
                      WHERE url = @url AND kind != 'article' AND state IN ('done', 'failed', 'skipped') AND coalesce(fetched_at, 0) < @staleBefore`),
      refreshArticles: p(`UPDATE crawl_frontier SET state = 'queued', attempts = 0, next_run_at = 0, updated_at = @now
                          WHERE site = @site AND kind = 'article' AND state = 'done' AND outcome IN ('ingested', 'not-modified', 'unchanged')`),
      // One statement (UPDATE … RETURNING): a lease costs one commit.
      lease: p(`UPDATE crawl_frontier SET state = 'leased', lease_run_id = @runId, lease_until = @until, updated_at = @now
                WHERE url = (SELECT url FROM crawl_frontier
                  WHERE host = @host AND next_run_at <= @now
                    AND (state = 'queued' OR (state = 'leased' AND (lease_until < @now OR lease_run_id IS NULL
                         OR lease_run_id IN (SELECT id FROM runs WHERE outcome != 'running'))))
                  ORDER BY priority, hint_date DESC, created_at LIMIT 1)
                RETURNING ${COLUMNS}`),
      previousCrawl: p(`SELECT outcome FROM runs WHERE command = 'crawl' AND id < ? ORDER BY id DESC LIMIT 1`),
      otherRunning: p(`SELECT id, pid, host FROM runs WHERE command = 'crawl' AND outcome = 'running' AND id != ? ORDER BY id LIMIT 1`),
      nextAt: p(`SELECT min(next_run_at) AS t FROM crawl_frontier WHERE host = ? AND state = 'queued'`),
      finish: p(`UPDATE crawl_frontier SET state = @state, outcome = @outcome, last_status = @status, fetched_at = @fetchedAt,
                   etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
                   content_hash = coalesce(@contentHash, content_hash), attempts = attempts + @attempt,
                   lease_run_id = NULL, lease_until = NULL, updated_at = @now WHERE url = @url`),
      retry: p(`UPDATE crawl_frontier SET state = 'queued', attempts = attempts + 1, next_run_at = @nextRunAt, last_status = @status,
                  outcome = @outcome, lease_run_id = NULL, lease_until = NULL, updated_at = @now WHERE url = @url`),
      release: p(`UPDATE crawl_frontier SET state = 'queued', lease_run_id = NULL, lease_until = NULL, updated_at = @now WHERE url = @url AND state = 'leased'`),
      requeueHost: p(`UPDATE crawl_frontier SET state = 'queued', lease_run_id = NULL, lease_until = NULL, updated_at = @now WHERE host = @host AND state = 'leased'`),
      byHash: p(`SELECT url FROM crawl_frontier WHERE content_hash = @hash AND url != @url AND outcome IN ('ingested', 'unchanged', 'not-modified') LIMIT 1`),
      countState: p(`SELECT state, kind, count(*) AS n FROM crawl_frontier WHERE site = ? GROUP BY state, kind`),
      withWork: p(`SELECT DISTINCT host FROM crawl_frontier WHERE state IN ('queued', 'leased') ORDER BY host`),
      hostGet: p(`SELECT host, last_start_at AS lastStartAt, backoff_until AS backoffUntil, failures FROM crawl_hosts WHERE host = ?`),
      hostPut: p(`INSERT INTO crawl_hosts (host, last_start_at, backoff_until, failures, delay_ms, deferred_until, deferred_reason, updated_at)
                  VALUES (@host, @lastStartAt, @backoffUntil, @failures, @delayMs, @deferredUntil, @deferredReason, @now)
                  ON CONFLICT(host) DO UPDATE SET last_start_at = max(last_start_at, excluded.last_start_at), backoff_until = excluded.backoff_until,
                    failures = excluded.failures, delay_ms = coalesce(excluded.delay_ms, delay_ms),
                    deferred_until = excluded.deferred_until, deferred_reason = excluded.deferred_reason, updated_at = excluded.updated_at`),
      robotsLatest: p(`SELECT id, host, url, outcome, status, body, note, fetched_at AS fetchedAt, expires_at AS expiresAt
                       FROM crawl_robots WHERE host = ? ORDER BY fetched_at DESC, id DESC LIMIT 1`),
      robotsAdd: p(`INSERT INTO crawl_robots (host, url, outcome, status, body, note, fetched_at, expires_at)
                    VALUES (@host, @url, @outcome, @status, @body, @note, @fetchedAt, @expiresAt)`),
      log: p(`INSERT INTO crawl_fetch_log (run_id, host, url, kind, requested, started_at, finished_at, status, bytes, delay_ms, waited_ms, robots, robots_id, error, outcome)
              VALUES (@runId, @host, @url, @kind, @requested, @startedAt, @finishedAt, @status, @bytes, @delayMs, @waitedMs, @robots, @robotsId, @error, @outcome)`),
      hostLeaseGet: p(`SELECT host, lease_owner AS owner, lease_until AS until, lease_since AS since FROM crawl_hosts WHERE host = ?`),
      hostLeaseTake: p(`INSERT INTO crawl_hosts (host, updated_at, lease_owner, lease_until, lease_since) VALUES (@host, @now, @owner, @until, @now)
                        ON CONFLICT(host) DO UPDATE SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until, updated_at = excluded.updated_at,
                          lease_since = CASE WHEN crawl_hosts.lease_owner = excluded.lease_owner THEN crawl_hosts.lease_since ELSE excluded.lease_since END`),
      hostLeaseRenew: p(`UPDATE crawl_hosts SET lease_until = @until WHERE host = @host AND lease_owner = @owner`),
      hostLeaseStart: p(`UPDATE crawl_hosts SET lease_until = @until, last_start_at = max(last_start_at, @at), updated_at = @at WHERE host = @host AND lease_owner = @owner`),
      hostLeaseRelease: p(`UPDATE crawl_hosts SET lease_owner = NULL, lease_until = NULL, lease_since = NULL WHERE host = @host AND lease_owner = @owner`),
      hostLeases: p(`SELECT host, lease_owner AS owner, lease_until AS until, lease_since AS since FROM crawl_hosts WHERE lease_owner IS NOT NULL AND lease_until >= ? ORDER BY host`),
      reportRobots: p('SELECT id, host, url, outcome, status, body, note, fetched_at AS fetchedAt, expires_at AS expiresAt FROM crawl_robots'),
      // Ranked low: article links queued behind the keyword links (priority >= 3, src/crawl/relevance.ts RANKED_LOW_PRIORITY).
      reportFrontier: p(`SELECT host, sum(kind = 'article' AND outcome IN ('ingested', 'not-modified', 'unchanged')) AS ingested, sum(state IN ('queued', 'leased')) AS queued, sum(state = 'failed') AS failed,
                           sum(kind = 'article' AND priority >= @low) AS rankedLow, sum(kind = 'article' AND priority >= @low AND fetched_at IS NOT NULL) AS rankedLowFetched,
                           sum(kind = 'article' AND priority >= @low AND outcome IN ('ingested', 'not-modified', 'unchanged')) AS rankedLowRelevant
                         FROM crawl_frontier GROUP BY host`),
      reportHosts: p('SELECT host, deferred_reason AS reason, deferred_until AS until FROM crawl_hosts'),
      reportLog: p('SELECT host, url, kind, requested, started_at, status, bytes, delay_ms, robots, robots_id, error, run_id FROM crawl_fetch_log ORDER BY host, started_at, id'),
    };
  }

  // ---- synchronous core (the async interface and the transactions below share it) ----

  private addSync(u: NewUrl, now: number): boolean {
    const r = this.s.add.run({
      url: u.url,
      host: u.host,
      site: u.site,
      kind: u.kind,
      depth: u.depth ?? 0,
      redirects: u.redirects ?? 0,
      priority: u.priority ?? PRIORITY[u.kind],
      title: u.title ?? null,
      summary: u.summary ?? null,
      hintDate: u.hintDate ?? null,
      discoveredFrom: u.discoveredFrom ?? null,
      now,
    });
    if (r.changes === 0 && u.priority !== undefined) this.s.promote.run({ url: u.url, priority: u.priority, now });
    return r.changes > 0;
  }

  private seedSync(u: NewUrl, staleBefore: number, now: number): boolean {
    return this.addSync(u, now) || this.s.refreshSeed.run({ url: u.url, staleBefore, now }).changes > 0;
  }

  private finishSync(url: string, state: Exclude<State, 'queued' | 'leased'>, f: FinishFields, now: number): void {
    this.s.finish.run({
      url,
      state,
      outcome: f.outcome,
      status: f.status ?? null,
      fetchedAt: f.fetchedAt ?? null,
      etag: f.etag ?? null,
      lastModified: f.lastModified ?? null,
      contentHash: f.contentHash ?? null,
      attempt: f.attempt === false ? 0 : 1,
      now,
    });
  }

  private saveHostSync(h: HostSave, now: number): void {
    const r = { delayMs: null, deferredUntil: null, deferredReason: null, ...h, now };
    // STRICT integer columns: times may arrive as fractions (jitter, Retry-After dates).
    this.s.hostPut.run({ ...r, lastStartAt: Math.round(r.lastStartAt), backoffUntil: Math.round(r.backoffUntil), deferredUntil: r.deferredUntil === null ? null : Math.round(r.deferredUntil) });
  }

  // ---- CrawlStore ----

  async add(u: NewUrl, now = Date.now()): Promise<boolean> {
    return this.addSync(u, now);
  }

  async get(url: string): Promise<FrontierRow | null> {
    const r = this.s.get.get(url);
    return r ? FrontierRow.parse(r) : null;
  }

  async seed(u: NewUrl, staleBefore: number, now = Date.now()): Promise<boolean> {
    return this.seedSync(u, staleBefore, now);
  }

  async refreshArticles(site: string, now = Date.now()): Promise<number> {
    return this.s.refreshArticles.run({ site, now }).changes;
  }

  async lease(host: string, runId: number, leaseMs: number, now = Date.now()): Promise<FrontierRow | null> {
    const r = this.s.lease.get({ host, runId, until: now + leaseMs, now });
    return r ? FrontierRow.parse(r) : null;
  }

  async previousRunCrashed(runId: number): Promise<boolean> {
    const r = this.s.previousCrawl.get(runId) as { outcome: string } | undefined;
    return r?.outcome === 'interrupted' || r?.outcome === 'running';
  }

  async otherRunningCrawl(runId: number): Promise<{ id: number; pid: number | null; host: string | null } | null> {
    return (this.s.otherRunning.get(runId) as { id: number; pid: number | null; host: string | null } | undefined) ?? null;
  }

  async nextRunAt(host: string): Promise<number | null> {
    return (this.s.nextAt.get(host) as { t: number | null }).t;
  }

  async finish(url: string, state: Exclude<State, 'queued' | 'leased'>, f: FinishFields, now = Date.now()): Promise<void> {
    this.finishSync(url, state, f, now);
  }

  async retry(url: string, nextRunAt: number, status: number | null, outcome: string, now = Date.now()): Promise<void> {
    this.s.retry.run({ url, nextRunAt: Math.round(nextRunAt), status, outcome, now });
  }

  async release(url: string, now = Date.now()): Promise<void> {
    this.s.release.run({ url, now });
  }

  async duplicateOf(hash: string, url: string): Promise<string | null> {
    return (this.s.byHash.get({ hash, url }) as { url: string } | undefined)?.url ?? null;
  }

  async counts(site: string): Promise<{ state: State; kind: Kind; n: number }[]> {
    return this.s.countState.all(site) as { state: State; kind: Kind; n: number }[];
  }

  async applyLinks(ops: LinkOp[], limits: Record<string, number>, finish: LinksFinish, now = Date.now()): Promise<boolean[]> {
    // One transaction for a document's links: a sitemap's thousands of inserts commit once.
    return this.db
      .transaction(() => {
        const left = { ...limits };
        const out = ops.map((op) => {
          if (op.limit !== undefined && (left[op.limit] ?? Infinity) <= 0) return false;
          const ok = op.seedStaleBefore !== undefined ? this.seedSync(op.url, op.seedStaleBefore, now) : this.addSync(op.url, now);
          if (ok && op.limit !== undefined && left[op.limit] !== undefined) left[op.limit]!--;
          return ok;
        });
        const o = finish.fields.outcome;
        this.finishSync(finish.url, finish.state, { ...finish.fields, outcome: typeof o === 'function' ? o(out.filter(Boolean).length) : o }, now);
        return out;
      })
      .immediate();
  }

  async hostState(host: string): Promise<HostState | null> {
    return (this.s.hostGet.get(host) as HostState | undefined) ?? null;
  }

  async saveHost(h: HostSave, now = Date.now()): Promise<void> {
    this.saveHostSync(h, now);
  }

  async latestRobots(host: string): Promise<(StoredRobots & { id: number }) | null> {
    return (this.s.robotsLatest.get(host) as (StoredRobots & { id: number }) | undefined) ?? null;
  }

  async addRobots(r: StoredRobots): Promise<number> {
    return Number(this.s.robotsAdd.run(r).lastInsertRowid);
  }

  async writeLog(rows: LogEntry[], hosts: HostSave[], now = Date.now()): Promise<void> {
    if (!rows.length && !hosts.length) return;
    this.db
      .transaction(() => {
        for (const r of rows) this.s.log.run({ ...r, requested: r.requested ? 1 : 0 });
        for (const h of hosts) this.saveHostSync(h, now);
      })
      .immediate(); // write lock first: a deferred transaction upgrading under another writer fails at once
  }

  async acquireHost(host: string, owner: string, leaseMs: number, now = Date.now()): Promise<AcquireResult> {
    return this.db
      .transaction((): AcquireResult => {
        const held = this.s.hostLeaseGet.get(host) as { host: string; owner: string | null; until: number | null; since: number | null } | undefined;
        const other = held?.owner && held.owner !== owner ? { host, owner: held.owner, until: held.until ?? 0, since: held.since ?? 0 } : null;
        if (other && other.until >= now) return { acquired: false, heldBy: other };
        this.s.hostLeaseTake.run({ host, owner, until: now + leaseMs, now });
        // Whatever URLs of the host are still leased belong to no live holder now.
        if (held?.owner !== owner) this.s.requeueHost.run({ host, now });
        return { acquired: true, tookOver: other };
      })
      .immediate();
  }

  async startRequest(host: string, owner: string, leaseMs: number, startedAt: number): Promise<boolean> {
    const at = Math.round(startedAt);
    return this.s.hostLeaseStart.run({ host, owner, until: at + leaseMs, at }).changes > 0;
  }

  async renewHost(host: string, owner: string, leaseMs: number, now = Date.now()): Promise<boolean> {
    return this.s.hostLeaseRenew.run({ host, owner, until: now + leaseMs }).changes > 0;
  }

  async releaseHost(host: string, owner: string): Promise<void> {
    this.s.hostLeaseRelease.run({ host, owner });
  }

  async leasedHosts(now = Date.now()): Promise<HostLease[]> {
    return this.s.hostLeases.all(now) as HostLease[];
  }

  async hostsWithWork(): Promise<string[]> {
    return this.s.withWork.pluck().all() as string[];
  }

  /** The report's inputs, read synchronously (the fetch log streamed). */
  reportDataSync(lowPriority: number): ReportData {
    return {
      robots: this.s.reportRobots.all() as (StoredRobots & { id: number })[],
      frontier: this.s.reportFrontier.all({ low: lowPriority }) as ReportData['frontier'],
      hosts: this.s.reportHosts.all() as ReportData['hosts'],
      log: this.s.reportLog.iterate() as IterableIterator<ReportLogRow>,
    };
  }

  async reportData(lowPriority: number): Promise<ReportData> {
    return this.reportDataSync(lowPriority);
  }

  startBackground(): Stoppable | null {
    return startCheckpointer(this.db);
  }

  /** The handle belongs to the coverage store (or the caller): closing the crawl store leaves it open. */
  async close(): Promise<void> {}
}

/** The crawl store over an open SQLite handle. */
export function sqliteCrawlStore(db: Database.Database): SqliteCrawlStore {
  return new SqliteCrawlStore(db);
}
