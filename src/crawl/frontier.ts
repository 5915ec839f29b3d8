/**
 * The frontier and the crawl records in the database (tables of `src/store/migrations/010_crawl.sql`):
 * one prepared statement per intent, named parameters.
 *
 * A URL is leased before it is fetched (`state = 'leased'`, `lease_until`); a lease held by a run whose
 * process is gone (SIGKILL) or whose time ran out is taken back, so a killed crawl resumes where it stopped.
 * A URL reaches `done` in the same transaction that stores its article, so nothing stored is fetched again.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { RobotsRecord } from './robots.ts';
import type { HostState } from './politeness.ts';

export const Kind = z.enum(['sitemap', 'feed', 'listing', 'article']);
export type Kind = z.infer<typeof Kind>;
export const State = z.enum(['queued', 'leased', 'done', 'skipped', 'failed']);
export type State = z.infer<typeof State>;

/** A frontier row as read back. */
export const FrontierRow = z.object({
  url: z.string(),
  host: z.string(),
  site: z.string(),
  kind: Kind,
  depth: z.number().int(),
  redirects: z.number().int(),
  state: State,
  attempts: z.number().int(),
  next_run_at: z.number().int(),
  priority: z.number().int(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  hint_date: z.string().nullable(),
  etag: z.string().nullable(),
  last_modified: z.string().nullable(),
  content_hash: z.string().nullable(),
  outcome: z.string().nullable(),
  fetched_at: z.number().int().nullable(),
});
export type FrontierRow = z.infer<typeof FrontierRow>;

/** Lower runs first: discovery documents feed the queue, articles are the goal, listings last. */
export const PRIORITY: Record<Kind, number> = { sitemap: 0, feed: 0, article: 1, listing: 2 };

export interface NewUrl {
  url: string;
  host: string;
  site: string;
  kind: Kind;
  depth?: number;
  redirects?: number;
  title?: string | null;
  summary?: string | null;
  hintDate?: string | null;
  discoveredFrom?: string | null;
}

export interface LogEntry {
  runId: number | null;
  host: string;
  url: string;
  kind: string;
  requested: boolean;
  startedAt: number;
  finishedAt: number | null;
  status: number | null;
  bytes: number | null;
  delayMs: number | null;
  waitedMs: number | null;
  robots: 'allowed' | 'disallowed' | 'robots-file';
  robotsId: number | null;
  error: string | null;
  outcome: string | null;
}

const COLUMNS = 'url, host, site, kind, depth, redirects, state, attempts, next_run_at, priority, title, summary, hint_date, etag, last_modified, content_hash, outcome, fetched_at';

export class Frontier {
  private readonly s;

  constructor(readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      add: p(`INSERT INTO crawl_frontier (url, host, site, kind, depth, redirects, priority, title, summary, hint_date, discovered_from, created_at, updated_at)
              VALUES (@url, @host, @site, @kind, @depth, @redirects, @priority, @title, @summary, @hintDate, @discoveredFrom, @now, @now)
              ON CONFLICT(url) DO NOTHING`),
      get: p(`SELECT ${COLUMNS} FROM crawl_frontier WHERE url = ?`),
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
      nextAt: p(`SELECT min(next_run_at) AS t FROM crawl_frontier WHERE host = ? AND state = 'queued'`),
      finish: p(`UPDATE crawl_frontier SET state = @state, outcome = @outcome, last_status = @status, fetched_at = @fetchedAt,
                   etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
                   content_hash = coalesce(@contentHash, content_hash), attempts = attempts + @attempt,
                   lease_run_id = NULL, lease_until = NULL, updated_at = @now WHERE url = @url`),
      retry: p(`UPDATE crawl_frontier SET state = 'queued', attempts = attempts + 1, next_run_at = @nextRunAt, last_status = @status,
                  outcome = @outcome, lease_run_id = NULL, lease_until = NULL, updated_at = @now WHERE url = @url`),
      release: p(`UPDATE crawl_frontier SET state = 'queued', lease_run_id = NULL, lease_until = NULL, updated_at = @now WHERE url = @url AND state = 'leased'`),
      byHash: p(`SELECT url FROM crawl_frontier WHERE content_hash = @hash AND url != @url AND outcome IN ('ingested', 'unchanged', 'not-modified') LIMIT 1`),
      countState: p(`SELECT state, kind, count(*) AS n FROM crawl_frontier WHERE site = ? GROUP BY state, kind`),
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
    };
  }

  /** Adds a URL unless known; returns true when it is new. */
  add(u: NewUrl, now = Date.now()): boolean {
    const r = this.s.add.run({
      url: u.url,
      host: u.host,
      site: u.site,
      kind: u.kind,
      depth: u.depth ?? 0,
      redirects: u.redirects ?? 0,
      priority: PRIORITY[u.kind],
      title: u.title ?? null,
      summary: u.summary ?? null,
      hintDate: u.hintDate ?? null,
      discoveredFrom: u.discoveredFrom ?? null,
      now,
    });
    return r.changes > 0;
  }

  get(url: string): FrontierRow | null {
    const r = this.s.get.get(url);
    return r ? FrontierRow.parse(r) : null;
  }

  /** Adds a seed (or any discovery document), or queues it again when its last read is older than `staleBefore`; true when queued. */
  seed(u: NewUrl, staleBefore: number, now = Date.now()): boolean {
    return this.add(u, now) || this.s.refreshSeed.run({ url: u.url, staleBefore, now }).changes > 0;
  }

  /** Queues a site's stored articles again, to be re-fetched with conditional GET. */
  refreshArticles(site: string, now = Date.now()): number {
    return this.s.refreshArticles.run({ site, now }).changes;
  }

  /**
   * Leases the next URL of a host ready at `now`, or returns null. A lease is void when it expired or its run
   * is no longer `running` (the store marks the runs of dead processes `interrupted` when a new run starts).
   */
  lease(host: string, runId: number, leaseMs: number, now = Date.now()): FrontierRow | null {
    const r = this.s.lease.get({ host, runId, until: now + leaseMs, now });
    return r ? FrontierRow.parse(r) : null;
  }

  /** True when the crawl run before `runId` died without finishing (SIGKILL, power loss). */
  previousRunCrashed(runId: number): boolean {
    const r = this.s.previousCrawl.get(runId) as { outcome: string } | undefined;
    return r?.outcome === 'interrupted' || r?.outcome === 'running';
  }

  /** Earliest next_run_at of the host's queued URLs, or null. */
  nextRunAt(host: string): number | null {
    const r = this.s.nextAt.get(host) as { t: number | null };
    return r.t;
  }

  finish(
    url: string,
    state: Exclude<State, 'queued' | 'leased'>,
    f: { outcome: string; status?: number | null; fetchedAt?: number | null; etag?: string | null; lastModified?: string | null; contentHash?: string | null; attempt?: boolean },
    now = Date.now(),
  ): void {
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

  retry(url: string, nextRunAt: number, status: number | null, outcome: string, now = Date.now()): void {
    this.s.retry.run({ url, nextRunAt: Math.round(nextRunAt), status, outcome, now });
  }

  release(url: string, now = Date.now()): void {
    this.s.release.run({ url, now });
  }

  /** Another stored URL with the same article text. */
  duplicateOf(hash: string, url: string): string | null {
    const r = this.s.byHash.get({ hash, url }) as { url: string } | undefined;
    return r?.url ?? null;
  }

  counts(site: string): { state: State; kind: Kind; n: number }[] {
    return this.s.countState.all(site) as { state: State; kind: Kind; n: number }[];
  }

  hostState(host: string): HostState | null {
    return (this.s.hostGet.get(host) as HostState | undefined) ?? null;
  }

  saveHost(h: HostState & { delayMs?: number | null; deferredUntil?: number | null; deferredReason?: string | null }, now = Date.now()): void {
    const r = { delayMs: null, deferredUntil: null, deferredReason: null, ...h, now };
    // STRICT integer columns: times may arrive as fractions (jitter, Retry-After dates).
    this.s.hostPut.run({ ...r, lastStartAt: Math.round(r.lastStartAt), backoffUntil: Math.round(r.backoffUntil), deferredUntil: r.deferredUntil === null ? null : Math.round(r.deferredUntil) });
  }

  latestRobots(host: string): (RobotsRecord & { id: number }) | null {
    return (this.s.robotsLatest.get(host) as (RobotsRecord & { id: number }) | undefined) ?? null;
  }

  addRobots(r: RobotsRecord): number {
    return Number(this.s.robotsAdd.run(r).lastInsertRowid);
  }

  log(e: LogEntry): void {
    this.s.log.run({ ...e, requested: e.requested ? 1 : 0 });
  }
}
