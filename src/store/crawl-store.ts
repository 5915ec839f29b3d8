/**
 * The crawl side of the store boundary: the frontier, the fetch log, robots.txt copies, the per-host politeness
 * clocks and (for crawls spread over many workers) the host leases. The crawler, `crawl-report` and
 * `cakupan worker` ask only this interface; `SqliteCrawlStore` (src/store/crawl-sqlite.ts) and `PgCrawlStore`
 * (src/store/crawl-pg.ts) implement it. Every method is async so that a networked backend fits the same shape.
 *
 * Times are integer milliseconds since the epoch (gaps between requests are computed on them).
 */
import { z } from 'zod';

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
  depth: z.coerce.number().int(),
  redirects: z.coerce.number().int(),
  state: State,
  attempts: z.coerce.number().int(),
  next_run_at: z.coerce.number().int(),
  priority: z.coerce.number().int(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  hint_date: z.string().nullable(),
  etag: z.string().nullable(),
  last_modified: z.string().nullable(),
  content_hash: z.string().nullable(),
  outcome: z.string().nullable(),
  fetched_at: z.coerce.number().int().nullable(),
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
  /** Fetch order, lower first; an article link's comes from its rank (relevance.ts ARTICLE_PRIORITY). A known queued URL given a lower one is moved up. @default PRIORITY[kind] */
  priority?: number;
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

/** The politeness state of one host that outlives a run (`crawl_hosts`). */
export interface HostState {
  host: string;
  lastStartAt: number;
  backoffUntil: number;
  failures: number;
}

/** A host state to write, with what the gate knows beyond the clocks. */
export type HostSave = HostState & { delayMs?: number | null; deferredUntil?: number | null; deferredReason?: string | null };

/** How a URL's fetch ended. */
export interface FinishFields {
  outcome: string;
  status?: number | null;
  fetchedAt?: number | null;
  etag?: string | null;
  lastModified?: string | null;
  contentHash?: string | null;
  /** Counts as an attempt. @default true */
  attempt?: boolean;
}

/** A robots.txt copy as stored (append-only). */
export interface StoredRobots {
  host: string;
  url: string;
  outcome: 'rules' | 'allow-all' | 'disallow-all';
  status: number | null;
  body: string;
  note: string;
  fetchedAt: number;
  expiresAt: number;
}

/**
 * One link of a fetched document to queue: `add` when unknown, or with `seedStaleBefore` also re-queue a known
 * discovery document read before then. `limit` names a counter of `applyLinks`: once that many links of the
 * group were queued, the rest of the group is passed over (a sitemap index's children, a site's listings).
 */
export interface LinkOp {
  url: NewUrl;
  seedStaleBefore?: number;
  limit?: string;
}

/** How `applyLinks` finishes the document: its outcome may name the number of links queued. */
export interface LinksFinish {
  url: string;
  state: 'done';
  fields: Omit<FinishFields, 'outcome'> & { outcome: string | ((queued: number) => string) };
}

/** One row of the fetch log as `crawl-report` reads it. */
export interface ReportLogRow {
  host: string;
  url: string;
  kind: string;
  requested: number;
  started_at: number;
  status: number | null;
  bytes: number | null;
  delay_ms: number | null;
  robots: string;
  robots_id: number | null;
  error: string | null;
  run_id: number | null;
}

/** What `crawl-report` needs, read in one go. */
export interface ReportData {
  robots: (StoredRobots & { id: number })[];
  /** rankedLow*: article links ranked behind the keyword links, fetched, and relevant after all (crawl-report). */
  frontier: { host: string; ingested: number; queued: number; failed: number; rankedLow: number; rankedLowFetched: number; rankedLowRelevant: number }[];
  hosts: { host: string; reason: string | null; until: number | null }[];
  /** Ordered by host, started_at, id. */
  log: Iterable<ReportLogRow>;
}

/** Who holds a host, until when. */
export interface HostLease {
  host: string;
  owner: string;
  until: number;
  /** When the owner took it. */
  since: number;
}

/** What `acquireHost` found. */
export type AcquireResult =
  | { acquired: true; tookOver: HostLease | null }
  | { acquired: false; heldBy: HostLease };

/** A running background task of the store (SQLite's checkpointer). */
export interface Stoppable {
  stop(): Promise<void>;
}

export interface CrawlStore {
  readonly dialect: 'sqlite' | 'postgres';

  /** Adds a URL unless known; true when it is new. */
  add(u: NewUrl, now?: number): Promise<boolean>;
  get(url: string): Promise<FrontierRow | null>;
  /** Adds a seed, or queues it again when its last read is older than `staleBefore`; true when queued. */
  seed(u: NewUrl, staleBefore: number, now?: number): Promise<boolean>;
  /** Queues a site's stored articles again, to be re-fetched with conditional GET. */
  refreshArticles(site: string, now?: number): Promise<number>;
  /**
   * Leases the next URL of a host ready at `now`, or returns null. A lease is void when it expired or its run
   * is no longer `running`.
   */
  lease(host: string, runId: number, leaseMs: number, now?: number): Promise<FrontierRow | null>;
  /** True when the crawl run before `runId` died without finishing (SIGKILL, power loss). */
  previousRunCrashed(runId: number): Promise<boolean>;
  /** Another crawl run still `running` besides `runId` (two in-process crawls would hurry hosts together). */
  otherRunningCrawl(runId: number): Promise<{ id: number; pid: number | null; host: string | null } | null>;
  /** Earliest next_run_at of the host's queued URLs, or null. */
  nextRunAt(host: string): Promise<number | null>;
  finish(url: string, state: Exclude<State, 'queued' | 'leased'>, f: FinishFields, now?: number): Promise<void>;
  retry(url: string, nextRunAt: number, status: number | null, outcome: string, now?: number): Promise<void>;
  release(url: string, now?: number): Promise<void>;
  /** Another stored URL with the same article text. */
  duplicateOf(hash: string, url: string): Promise<string | null>;
  counts(site: string): Promise<{ state: State; kind: Kind; n: number }[]>;
  /**
   * A fetched document's links and its own `finish` in one transaction; returns, per op, whether it was queued.
   * `limits` caps the queued ops of each named group.
   */
  applyLinks(ops: LinkOp[], limits: Record<string, number>, finish: LinksFinish, now?: number): Promise<boolean[]>;

  hostState(host: string): Promise<HostState | null>;
  saveHost(h: HostSave, now?: number): Promise<void>;
  latestRobots(host: string): Promise<(StoredRobots & { id: number }) | null>;
  addRobots(r: StoredRobots): Promise<number>;
  /** Appends fetch-log rows and saves moved host states in one transaction. */
  writeLog(rows: LogEntry[], hosts: HostSave[], now?: number): Promise<void>;

  /**
   * Takes a host for `owner` until `now + leaseMs` when nobody holds it or the holder's lease expired (never
   * earlier). On taking it, URLs of the host left leased by anyone are queued again.
   */
  acquireHost(host: string, owner: string, leaseMs: number, now?: number): Promise<AcquireResult>;
  /**
   * The politeness clock in the database: before a request to `host` starts at `startedAt`, records it as the
   * host's last start and extends the owner's lease. False when `owner` no longer holds the host (stop at once).
   */
  startRequest(host: string, owner: string, leaseMs: number, startedAt: number): Promise<boolean>;
  /** Extends the owner's lease; false when lost. */
  renewHost(host: string, owner: string, leaseMs: number, now?: number): Promise<boolean>;
  releaseHost(host: string, owner: string): Promise<void>;
  /** Hosts leased now (unexpired), by whom. */
  leasedHosts(now?: number): Promise<HostLease[]>;
  /** Hosts with URLs still queued or leased. */
  hostsWithWork(): Promise<string[]>;

  /** `lowPriority`: article rows at or above it were ranked low (src/crawl/relevance.ts RANKED_LOW_PRIORITY). */
  reportData(lowPriority: number): Promise<ReportData>;
  /** A background task that keeps commits cheap while a fast crawl runs (SQLite WAL checkpoints); null if none. */
  startBackground(): Stoppable | null;
  close(): Promise<void>;
}
