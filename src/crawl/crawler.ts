/**
 * The crawl: for every configured site, one worker per host (times its concurrency) that leases URLs from
 * the frontier and fetches them through the host's politeness gate.
 *
 * Per host:
 *  1. robots.txt (through the gate, logged; cached with expiry; Crawl-delay sets the host delay);
 *  2. seeds: robots.txt sitemaps, configured sitemaps and feeds (or `/sitemap.xml`), the home page and the
 *     section pages; stale seeds are re-read with conditional GET;
 *  3. leased URLs, discovery documents first: each is checked against robots.txt (a disallowed URL is logged
 *     as refused, never requested), fetched without following redirects (a redirect target is queued like
 *     any link, so it too passes the gate and robots.txt), then
 *     - sitemap / feed / listing: links read, filtered by site, date window and relevance, queued;
 *     - article: text stage, rel=canonical and content-hash dedup, date window, relevance in the text, then
 *       stored with its facts and marked done in one transaction.
 */
import type { CrawlStore, LinkOp, NewUrl } from '../store/crawl-store.ts';
import { sqliteCrawlStore, type SqliteHandle } from '../store/crawl-sqlite.ts';
import { z } from 'zod';
import { decodeHtml, type Article } from '../text/index.ts';
import type { CategoryFact, Fact } from '../types.ts';
import { ExtractPool } from './extract-pool.ts';
import { startHeapGuard } from './memory.ts';
import {
  LEASE_MS,
  HOST_LEASE_MS,
  MAX_CHILD_SITEMAPS,
  MAX_HOST_DELAY_MS,
  MAX_LISTING_DEPTH,
  MAX_LISTINGS_PER_SITE,
  MAX_REDIRECTS,
  MAX_ROBOTS_BYTES,
  MAX_SITEMAPS_PER_SITE,
  MAX_URL_ATTEMPTS,
  REFRESH_SEEDS_AFTER_MS,
  DELAY_FLOOR_MS,
  USER_AGENT,
  HOST_CONCURRENCY,
  MAX_PENDING_ARTICLES,
  EXTRACT_WORKERS,
  EXTRACT_WORKERS_FROM_RATE,
  LOG_FLUSH_MS,
  LOG_FLUSH_ROWS,
  MAX_PAGES_PER_HOST,
} from './config.ts';
import { decodeDocument } from './charset.ts';
import { isAsset, looksLikeArticle, parseFeed, parseHtmlLinks, parseSitemap, type Entry } from './discover.ts';
import { FetchError, fetchPage, type FetchedPage, type FetchOptions } from './fetch.ts';
import type { FrontierRow, Kind, LogEntry } from './frontier.ts';
import { HostDeferred, HostGate, type SlotInfo } from './politeness.ts';
import { ARTICLE_PRIORITY, linkRanker, type LinkRanker } from './relevance.ts';
import { loadGazetteer } from '../normalize/regions.ts';
import { fetchRobots, rulesOf, type RobotsRules } from './robots.ts';
import type { Site, SitesConfig } from './sites.ts';
import { canonicalize, canonicalizeSitemap, dateInUrl, hostKey, sameSite } from './url.ts';

/** What the crawler hands the store for one relevant article. */
export interface IngestPage {
  /** Canonical URL the frontier knows the page by. */
  url: string;
  /** URL that answered. */
  finalUrl: string;
  canonicalUrl: string | null;
  fetchedAt: number;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  bytes: Buffer;
  article: Article;
  site: Site;
  /** Title and date the link carried (feed, sitemap), for when the page lacks them. */
  titleHint: string | null;
  publishedHint: string | null;
  /** Facts already extracted (by the extraction pool). */
  facts?: Fact[];
  categories?: CategoryFact[];
}

/** Stores one article with its facts in one transaction; the URL is marked done right after. */
export type Ingest = (page: IngestPage) => Promise<{ facts: number; outcome?: string }>;

/** True when the store already holds this URL's page (a crawl killed between storing and marking done). */
export type IsStored = (url: string) => Promise<boolean>;

export interface CrawlOptions {
  /** The crawl store (frontier, fetch log, host clocks); when absent, `db` is wrapped in the SQLite one. */
  store?: CrawlStore;
  /** An open SQLite database (the in-process crawl, tests), used when no `store` is given. */
  db?: SqliteHandle;
  /**
   * Worker id holding host leases: with it, each host is first taken in the database (one worker per host,
   * across machines) and every request start is recorded there before it goes out. Without it (the
   * in-process crawl) this run is the only crawler.
   */
  owner?: string;
  /** How long a host lease lasts without renewal. @default HOST_LEASE_MS */
  hostLeaseMs?: number;
  /** Start no request after this many ms of crawling (a worker's slice of a host); the rest waits queued. @default unlimited */
  sliceMs?: number;
  /** An extraction pool shared with other crawls (a worker's); the crawl does not close it. */
  pool?: ExtractPool;
  /** Fetch-log rows and host states are written at least this often. @default LOG_FLUSH_MS */
  logFlushMs?: number;
  /** Run the main-thread heap guard (memory.ts) during this crawl. @default true */
  heapGuard?: boolean;
  /** The link ranker of `config` (`rankerFor`), built once by a worker for all its crawls. */
  ranker?: LinkRanker;
  config: SitesConfig;
  /** The sites to crawl (defaults to the config's enabled sites). */
  sites?: Site[];
  ingest: Ingest;
  /** @default never stored */
  isStored?: IsStored;
  /** runs.id of this crawl (leases and fetch-log rows carry it). */
  runId: number;
  /** "YYYY-MM-DD": articles published before are not fetched (when the link says) and not stored. */
  since?: string | null;
  /** Requests this run may make (robots.txt excluded). @default unlimited */
  maxPages?: number;
  /** Requests this run may make to one host (robots.txt excluded). @default MAX_PAGES_PER_HOST */
  maxPagesPerHost?: number;
  /** Loopback (true) and the private addresses listed ("10.1.2.3,fd00::/8"); never link-local (src/crawl/address-policy.ts). @default false */
  allowPrivate?: boolean | string;
  /** Re-fetch stored articles with conditional GET (304 or same text skips re-extraction). @default false */
  refresh?: boolean;
  /** @default USER_AGENT (or the config's) */
  userAgent?: string;
  /** Overrides for the HTTP client (timeouts in tests). */
  fetch?: Partial<FetchOptions>;
  /** @default MAX_HOST_DELAY_MS */
  maxHostDelayMs?: number;
  /** Backoff base, ms (tests shorten it). */
  backoffBaseMs?: number;
  /** @default LEASE_MS */
  leaseMs?: number;
  onProgress?: (p: CrawlProgress) => void;
  signal?: AbortSignal;
  /** Seeds (sitemaps, feeds, listings) read longer ago than this are read again. @default REFRESH_SEEDS_AFTER_MS */
  refreshSeedsAfterMs?: number;
  /** Worker threads for the text stage. @default EXTRACT_WORKERS when the allowed rate reaches EXTRACT_WORKERS_FROM_RATE, else 0 */
  extractWorkers?: number;
}

const Count = z.number().int().nonnegative();

/** Counters of one host (and, summed, of the run). */
export const HostStats = z.object({
  host: z.string(),
  requests: Count,
  ingested: Count,
  facts: Count,
  notModified: Count,
  skippedRobots: Count,
  irrelevant: Count,
  outOfWindow: Count,
  duplicates: Count,
  failed: Count,
  errors: Count,
  linksQueued: Count,
  /** Article links dropped unfetched: their section is another subject (`relevance.offTopicSections`). */
  offTopic: Count,
  /** Article links queued behind the keyword links (region/health or nothing telling). */
  rankedLow: Count,
  delayMs: Count,
  /** Why the host was left for a later run, or null. */
  deferred: z.string().nullable(),
  /** The host reached `maxPagesPerHost` this run; what is left waits for the next. */
  budgetReached: z.boolean().default(false),
});
export type HostStats = z.infer<typeof HostStats>;

export interface CrawlProgress {
  requests: number;
  ingested: number;
  hostsActive: number;
  hostsDone: number;
  hostsDeferred: number;
  elapsedMs: number;
}

/** What `cakupan crawl --json` prints. */
export const CrawlSummary = z.object({
  runId: z.number().int(),
  startedAt: z.number().int(),
  elapsedMs: Count,
  hosts: z.array(HostStats),
  totals: HostStats.omit({ host: true, delayMs: true, deferred: true, budgetReached: true }).extend({ hostsDeferred: Count }),
  budgetExhausted: z.boolean(),
});
export type CrawlSummary = z.infer<typeof CrawlSummary>;

// The listener is removed when the timer fires: a worker's one signal outlives thousands of these sleeps.
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((r) => {
    const onAbort = () => (clearTimeout(t), r());
    const t = setTimeout(() => (signal?.removeEventListener('abort', onAbort), r()), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });


interface SiteRun {
  site: Site;
  origin: string;
  host: string;
  articleRe: RegExp | null;
  listingRe: RegExp | null;
  sectionPaths: string[];
  maxDepth: number;
  delayMs: number;
  concurrency: number;
  sitemapsRead: number;
  listingsQueued: number;
}

export class Crawler {
  private readonly frontier: CrawlStore;
  private readonly ranker: LinkRanker;
  private readonly sites: SiteRun[];
  private readonly stats = new Map<string, HostStats>();
  private readonly robots = new Map<string, { rules: RobotsRules; id: number }>();
  private budget: number;
  private budgetExhausted = false;
  private readonly startedAt = Date.now();
  private hostsActive = 0;
  private hostsDone = 0;
  private pool: ExtractPool | null = null;
  /** Hosts this run crawls: a link to another host (a subdomain of a site, say) would wait forever. */
  private readonly hosts = new Set<string>();
  private readonly logBuffer: LogEntry[] = [];
  /** Hosts whose gate moved since the last flush. */
  private readonly dirtyHosts = new Map<string, HostGate>();
  /** The previous crawl died without flushing: each host first waits one full delay. */
  private afterCrash = false;
  private flushing: Promise<void> = Promise.resolve();
  /** A host loop stopped with work left: at the end of its slice, on the abort signal, or having lost its lease. */
  stoppedEarly = false;
  /** Hosts whose lease this worker lost (expired while it was stalled): it stops working them. */
  private readonly lostHosts = new Set<string>();

  constructor(private readonly o: CrawlOptions) {
    if (!o.store && !o.db) throw new Error('crawl: give a crawl store (store) or an open SQLite database (db)');
    this.frontier = o.store ?? sqliteCrawlStore(o.db!);
    this.ranker = o.ranker ?? rankerFor(o.config);
    this.budget = o.maxPages ?? Number.POSITIVE_INFINITY;
    const d = o.config.defaults;
    this.sites = (o.sites ?? o.config.sites.filter((s) => s.enabled)).map((site) => {
      const origin = new URL(site.url).origin;
      return {
        site,
        origin,
        host: hostKey(site.url),
        articleRe: site.articlePattern ? new RegExp(site.articlePattern) : null,
        listingRe: site.listingPattern ? new RegExp(site.listingPattern) : null,
        sectionPaths: site.sections.map((s) => new URL(s, site.url).pathname).filter((p) => p !== '/'),
        maxDepth: site.maxListingDepth ?? d.maxListingDepth ?? MAX_LISTING_DEPTH,
        delayMs: Math.round((site.delaySeconds ?? d.delaySeconds ?? DELAY_FLOOR_MS / 1000) * 1000),
        concurrency: site.concurrency ?? d.concurrency ?? HOST_CONCURRENCY,
        sitemapsRead: 0,
        listingsQueued: 0,
      };
    });
  }

  private stat(host: string): HostStats {
    let s = this.stats.get(host);
    if (!s) {
      s = { host, requests: 0, ingested: 0, facts: 0, notModified: 0, skippedRobots: 0, irrelevant: 0, outOfWindow: 0, duplicates: 0, failed: 0, errors: 0, linksQueued: 0, offTopic: 0, rankedLow: 0, delayMs: 0, deferred: null, budgetReached: false };
      this.stats.set(host, s);
    }
    return s;
  }

  private progress(): void {
    if (!this.o.onProgress) return;
    let requests = 0;
    let ingested = 0;
    let deferred = 0;
    for (const s of this.stats.values()) {
      requests += s.requests;
      ingested += s.ingested;
      if (s.deferred) deferred++;
    }
    this.o.onProgress({ requests, ingested, hostsActive: this.hostsActive, hostsDone: this.hostsDone, hostsDeferred: deferred, elapsedMs: Date.now() - this.startedAt });
  }

  /** Runs the crawl to the end (or the page budget) and returns per-host figures. */
  async run(): Promise<CrawlSummary> {
    const now = Date.now();
    const seedsStale = now - (this.o.refreshSeedsAfterMs ?? REFRESH_SEEDS_AFTER_MS);
    for (const s of this.sites) {
      const add = async (url: string, kind: Kind) => {
        const c = canonicalize(url, s.site.url);
        if (c) await this.frontier.seed({ url: c, host: hostKey(c), site: s.site.url, kind, discoveredFrom: 'config' }, seedsStale, now);
      };
      await add(s.site.url, 'listing');
      for (const sec of s.site.sections) await add(sec, 'listing');
      for (const f of s.site.feeds) await add(f, 'feed');
      for (const m of s.site.sitemaps) await add(m, 'sitemap');
      if (this.o.refresh) await this.frontier.refreshArticles(s.site.url, now);
    }
    const byHost = new Map<string, SiteRun[]>();
    for (const s of this.sites) byHost.set(s.host, [...(byHost.get(s.host) ?? []), s]);
    for (const h of byHost.keys()) this.hosts.add(h);
    // A worker records each request start in the database before it goes out: nothing to make up after a crash.
    this.afterCrash = this.o.owner ? false : await this.frontier.previousRunCrashed(this.o.runId);
    const allowedRate = [...byHost.values()].reduce((sum, runs) => sum + 1000 / Math.max(1, ...runs.map((r) => r.delayMs)), 0);
    const fast = allowedRate >= EXTRACT_WORKERS_FROM_RATE;
    const workers = this.o.extractWorkers ?? (fast ? EXTRACT_WORKERS : 0);
    const ownPool = !this.o.pool;
    this.pool = this.o.pool ?? new ExtractPool(this.o.config.relevance.keywords, workers);
    // A crawl fast enough for worker threads is fast enough for checkpoint stalls to matter.
    if (ownPool) await this.pool.warm();
    const checkpointer = fast && ownPool ? this.frontier.startBackground() : null;
    const flusher = setInterval(() => void this.flushLog().catch(() => undefined), this.o.logFlushMs ?? LOG_FLUSH_MS);
    // One guard per process: a worker running a hundred crawls runs its own (each would collect every second).
    const stopHeapGuard = this.o.heapGuard === false ? () => undefined : startHeapGuard();
    try {
      await Promise.all([...byHost.entries()].map(([host, runs]) => this.crawlHost(host, runs)));
    } finally {
      clearInterval(flusher);
      stopHeapGuard();
      await this.flushLog();
      if (ownPool) await this.pool.close();
      await checkpointer?.stop();
    }
    return this.summary();
  }

  private summary(): CrawlSummary {
    const hosts = [...this.stats.values()].sort((a, b) => a.host.localeCompare(b.host));
    const totals = { requests: 0, ingested: 0, facts: 0, notModified: 0, skippedRobots: 0, irrelevant: 0, outOfWindow: 0, duplicates: 0, failed: 0, errors: 0, linksQueued: 0, offTopic: 0, rankedLow: 0, hostsDeferred: 0 };
    for (const h of hosts) {
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) if (k !== 'hostsDeferred') totals[k] += h[k];
      if (h.deferred) totals.hostsDeferred++;
    }
    return CrawlSummary.parse({ runId: this.o.runId, startedAt: this.startedAt, elapsedMs: Date.now() - this.startedAt, hosts, totals, budgetExhausted: this.budgetExhausted });
  }

  private fetchOptions(extra: Partial<FetchOptions>): FetchOptions {
    return { userAgent: this.o.userAgent ?? this.o.config.userAgent ?? USER_AGENT, allowPrivate: this.o.allowPrivate ?? false, ...this.o.fetch, ...extra };
  }

  private async crawlHost(host: string, runs: SiteRun[]): Promise<void> {
    const first = runs[0];
    const st = this.stat(host);
    let tookOver = false;
    if (this.o.owner) {
      // One worker per host, across machines: a host held by a live worker is not touched; a dead worker's
      // host is taken only once its lease has expired.
      const got = await this.frontier.acquireHost(host, this.o.owner, this.hostLeaseMs());
      if (!got.acquired) throw new HostBusy(host, got.heldBy.owner, got.heldBy.until);
      tookOver = got.tookOver !== null;
    }
    const renew = this.o.owner ? setInterval(() => void this.frontier.renewHost(host, this.o.owner!, this.hostLeaseMs()).then((ok) => ok || this.lostHosts.add(host), () => undefined), Math.max(50, Math.floor(this.hostLeaseMs() / 3))) : null;
    const gate = new HostGate(host, {
      floorMs: Math.max(...runs.map((r) => r.delayMs)),
      concurrency: first.concurrency,
      maxDelayMs: this.o.maxHostDelayMs ?? MAX_HOST_DELAY_MS,
      backoffBaseMs: this.o.backoffBaseMs,
      state: (await this.frontier.hostState(host)) ?? undefined,
      beforeStart: this.o.owner ? (planned) => this.beforeRequest(host, planned) : undefined,
    });
    // Gate states are flushed every LOG_FLUSH_MS: after a SIGKILL the last request may be missing, so
    // count one as made just now.
    if (this.afterCrash) gate.lastStartAt = Math.max(gate.lastStartAt, Date.now());
    // A dead worker's clock was written just before its last request went out: count that request as made now.
    if (tookOver) gate.lastStartAt = Math.max(gate.lastStartAt, Date.now());
    st.delayMs = gate.delayMs;
    this.hostsActive++;
    this.progress();
    try {
      const rules = await this.robotsFor(host, first.origin, gate);
      if (!gate.deferred) {
        const seedsStale = Date.now() - (this.o.refreshSeedsAfterMs ?? REFRESH_SEEDS_AFTER_MS);
        for (const r of runs) {
          const robotsMaps = rules.sitemaps.map((u) => canonicalizeSitemap(u, r.origin)).filter((u): u is string => !!u && hostKey(u) === host); // robots.txt speaks for its own host only
          const maps = robotsMaps.length || r.site.sitemaps.length ? robotsMaps : [new URL('/sitemap.xml', r.origin).href];
          for (const m of maps) await this.frontier.seed({ url: m, host, site: r.site.url, kind: 'sitemap', discoveredFrom: 'robots.txt' }, seedsStale);
        }
        await Promise.all(Array.from({ length: Math.max(1, first.concurrency) }, () => this.hostLoop(host, runs, gate)));
      }
    } catch (err) {
      if (!(err instanceof HostDeferred) && !(err instanceof HostLost)) throw err;
    } finally {
      if (renew) clearInterval(renew);
      if (gate.deferred) st.deferred = gate.deferred.reason;
      st.delayMs = gate.delayMs;
      this.dirtyHosts.delete(host);
      await this.frontier.saveHost({ ...gate.state(), delayMs: gate.delayMs, deferredUntil: gate.deferred?.until ?? null, deferredReason: gate.deferred?.reason ?? null });
      if (this.o.owner) await this.frontier.releaseHost(host, this.o.owner);
      this.hostsActive--;
      this.hostsDone++;
      this.progress();
    }
  }

  /** The robots.txt rules in force for a host: cached copy while fresh, else fetched through the gate. */
  private async robotsFor(host: string, origin: string, gate: HostGate): Promise<RobotsRules> {
    const now = Date.now();
    // A robots.txt refused for its address is fetched again: this run's --allow-private may open it.
    const usable = (r: { expiresAt: number; note: string }) => r.expiresAt > now && !r.note.includes('private-address');
    const mem = this.robots.get(host);
    if (mem && usable(mem.rules.record)) return mem.rules;
    const stored = await this.frontier.latestRobots(host);
    if (stored && usable(stored)) {
      const rules = rulesOf(stored);
      this.robots.set(host, { rules, id: stored.id });
      gate.setCrawlDelay(rules.crawlDelayMs);
      return rules;
    }
    const record = await gate.run(async (slot) => {
      this.dirtyHosts.set(host, gate);
      let page: FetchedPage | null = null;
      let error: string | null = null;
      const rec = await fetchRobots(origin, async (url) => {
        try {
          page = await fetchPage(url, this.fetchOptions({ maxBytes: 2 * 1024 * 1024, truncateAt: MAX_ROBOTS_BYTES, accept: 'text/plain,*/*;q=0.5' }));
          return page;
        } catch (err) {
          error = err instanceof FetchError ? err.code : String(err);
          throw err;
        }
      });
      const id = await this.frontier.addRobots(rec);
      const p = page as FetchedPage | null;
      this.log(host, rec.url, 'robots', slot, p?.status ?? null, p?.wireBytes ?? null, 'robots-file', id, error, rec.outcome);
      if (p) gate.onResponse(p.status, p.headers['retry-after']);
      return { rec, id };
    });
    const rules = rulesOf(record.rec);
    this.robots.set(host, { rules, id: record.id });
    gate.setCrawlDelay(rules.crawlDelayMs);
    return rules;
  }

  private log(host: string, url: string, kind: string, slot: SlotInfo | null, status: number | null, bytes: number | null, robots: 'allowed' | 'disallowed' | 'robots-file', robotsId: number | null, error: string | null, outcome: string | null): void {
    this.logBuffer.push({
      runId: this.o.runId,
      host,
      url,
      kind,
      requested: slot !== null,
      startedAt: slot?.startedAt ?? Date.now(),
      finishedAt: slot ? Date.now() : null,
      status,
      bytes,
      delayMs: slot?.delayMs ?? null,
      waitedMs: slot?.waitedMs ?? null,
      robots,
      robotsId,
      error,
      outcome,
    });
    if (this.logBuffer.length >= LOG_FLUSH_ROWS) void this.flushLog().catch(() => undefined);
  }

  private hostLeaseMs(): number {
    return this.o.hostLeaseMs ?? HOST_LEASE_MS;
  }

  /**
   * Just before a request goes out. A worker records the start in the database (the host's politeness clock,
   * shared by all workers) and extends its host lease; a worker that lost the lease stops at once.
   */
  private async beforeRequest(host: string, plannedStart: number): Promise<void> {
    if (!this.o.owner) return;
    // The clock written is the planned start, at or a little before the real one: a worker taking the host
    // over from a dead one therefore waits one full delay from the takeover (crawlHost).
    if (this.lostHosts.has(host) || !(await this.frontier.startRequest(host, this.o.owner, this.hostLeaseMs(), plannedStart))) {
      this.lostHosts.add(host);
      throw new HostLost(host);
    }
  }

  /** Writes the buffered fetch-log rows and the moved host gates in one transaction (one flush at a time). */
  private flushLog(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.logBuffer.length === 0 && this.dirtyHosts.size === 0) return;
      const rows = this.logBuffer.splice(0);
      const gates = [...this.dirtyHosts.values()];
      this.dirtyHosts.clear();
      await this.frontier.writeLog(rows, gates.map((g) => ({ ...g.state(), delayMs: g.delayMs })));
    });
    return this.flushing;
  }

  private async hostLoop(host: string, runs: SiteRun[], gate: HostGate): Promise<void> {
    const siteOf = (row: FrontierRow) => runs.find((r) => r.site.url === row.site) ?? runs[0];
    const pending = new Set<Promise<void>>();
    try {
      await this.hostLoopBody(host, runs, gate, siteOf, pending);
    } finally {
      await Promise.all(pending);
    }
  }

  private async hostLoopBody(host: string, _runs: SiteRun[], gate: HostGate, siteOf: (row: FrontierRow) => SiteRun, pending: Set<Promise<void>>): Promise<void> {
    const st = this.stat(host);
    for (;;) {
      if (this.o.signal?.aborted) return void (this.stoppedEarly = true);
      if (gate.deferred) return;
      if (this.budget <= 0) {
        this.budgetExhausted = true;
        return;
      }
      if (st.requests >= (this.o.maxPagesPerHost ?? MAX_PAGES_PER_HOST)) {
        st.budgetReached = true;
        return;
      }
      if (this.o.sliceMs !== undefined && Date.now() - this.startedAt >= this.o.sliceMs) return void (this.stoppedEarly = true);
      if (this.lostHosts.has(host)) return void (this.stoppedEarly = true);
      const row = await this.frontier.lease(host, this.o.runId, this.o.leaseMs ?? LEASE_MS);
      if (!row) {
        if (pending.size) {
          // An article still in processing may queue a redirect target or end the host's work.
          await Promise.race(pending);
          continue;
        }
        const t = await this.frontier.nextRunAt(host);
        if (t === null) return;
        const wait = t - Date.now();
        if (wait > (this.o.maxHostDelayMs ?? MAX_HOST_DELAY_MS)) return; // retried by a later run
        // A worker's slice ends before the wait would: the host goes back to the queue with its work.
        if (this.o.sliceMs !== undefined && Date.now() + wait - this.startedAt > this.o.sliceMs) return void (this.stoppedEarly = true);
        await sleep(Math.max(wait, 1), this.o.signal);
        continue;
      }
      const rules = await this.robotsFor(host, siteOf(row).origin, gate);
      const robotsId = this.robots.get(host)?.id ?? null;
      if (rules.record.outcome === 'disallow-all') {
        // "Unreachable" robots.txt: nothing may be fetched for now, but nothing is lost — the URLs wait.
        await this.frontier.release(row.url);
        gate.defer(
          rules.record.expiresAt,
          rules.record.note.includes('private-address')
            ? `robots.txt unreachable: ${host} is a private or loopback address, not fetched without --allow-private (give it for tests and local mirrors)`
            : `robots.txt ${rules.record.note}`,
        );
        return;
      }
      if (!rules.isAllowed(row.url)) {
        st.skippedRobots++;
        this.log(host, row.url, row.kind, null, null, null, 'disallowed', robotsId, null, 'robots-disallowed');
        await this.frontier.finish(row.url, 'skipped', { outcome: 'robots-disallowed', attempt: false });
        continue;
      }
      this.budget--;
      let res: { page: FetchedPage | null; error: FetchError | null; slot: SlotInfo };
      try {
        res = await gate.run(async (slot) => {
          this.dirtyHosts.set(host, gate);
          try {
            const page = await fetchPage(row.url, this.fetchOptions({ followRedirects: false, etag: row.etag, lastModified: row.last_modified }));
            gate.onResponse(page.status, page.headers['retry-after']);
            return { page, error: null, slot };
          } catch (err) {
            if (!(err instanceof FetchError)) throw err;
            if (['timeout', 'network', 'dns'].includes(err.code)) gate.onFailure(err.code);
            return { page: null, error: err, slot };
          }
        });
      } catch (err) {
        this.budget++;
        await this.frontier.release(row.url);
        if (err instanceof HostDeferred || err instanceof HostLost) return;
        throw err;
      }
      st.requests++;
      const work = this.settle(host, row, siteOf(row), res, robotsId, gate);
      if (row.kind !== 'article') {
        await work;
        continue;
      }
      // An article's text stage and storage overlap the host's next request: the gate already spaces the
      // requests, and waiting here would push every next request back by the processing time.
      pending.add(work);
      void work.finally(() => pending.delete(work));
      if (pending.size >= MAX_PENDING_ARTICLES) await Promise.race(pending);
    }
  }

  /** Handles one response and logs the request with its outcome; never rejects. */
  private async settle(host: string, row: FrontierRow, s: SiteRun, res: { page: FetchedPage | null; error: FetchError | null; slot: SlotInfo }, robotsId: number | null, gate: HostGate): Promise<void> {
    let outcome: string;
    try {
      outcome = await this.handle(row, s, res.page, res.error, gate);
    } catch (err) {
      // A page the pipeline chokes on is that page's failure, not the crawl's.
      outcome = `error: ${(err as Error).message}`.slice(0, 300);
      this.stat(host).errors++;
      try {
        await this.frontier.finish(row.url, 'failed', { outcome, status: res.page?.status ?? null, fetchedAt: res.slot.startedAt });
      } catch {
        // the row stays leased; its lease lapses and a later run retries it
      }
    }
    this.log(host, row.url, row.kind, res.slot, res.page?.status ?? null, res.page?.wireBytes ?? null, 'allowed', robotsId, res.error?.code ?? null, outcome);
    this.progress();
  }

  /** Decides what a response means for its URL; returns the outcome word logged with the request. */
  private async handle(row: FrontierRow, s: SiteRun, page: FetchedPage | null, error: FetchError | null, gate: HostGate): Promise<string> {
    const st = this.stat(s.host);
    const retryOrFail = async (status: number | null, why: string): Promise<string> => {
      if (row.attempts + 1 >= MAX_URL_ATTEMPTS) {
        st.failed++;
        await this.frontier.finish(row.url, 'failed', { outcome: why, status, fetchedAt: Date.now() });
        return why;
      }
      await this.frontier.retry(row.url, Math.max(gate.backoffUntil, Date.now() + gate.delayMs), status, why);
      return `${why} (will retry)`;
    };
    if (!page) {
      const e = error!;
      st.errors++;
      if (['timeout', 'network', 'dns'].includes(e.code)) return retryOrFail(null, e.code);
      st.failed++;
      await this.frontier.finish(row.url, 'failed', { outcome: e.code, fetchedAt: Date.now() });
      return e.code;
    }
    const status = page.status;
    const base = { status, fetchedAt: Date.now(), etag: page.headers.etag ?? null, lastModified: page.headers['last-modified'] ?? null };
    if (status === 304) {
      st.notModified++;
      await this.frontier.finish(row.url, 'done', { ...base, outcome: 'not-modified' });
      return 'not-modified';
    }
    if (status >= 300 && status < 400 && page.headers.location) {
      const target = canonicalize(page.headers.location, row.url);
      await this.frontier.finish(row.url, 'done', { ...base, outcome: 'redirect' });
      if (!target || target === row.url) return 'redirect-to-self';
      if (row.redirects + 1 > MAX_REDIRECTS) return 'too-many-redirects';
      const targetSite = this.sites.find((r) => sameSite(target, r.site.url));
      if (!targetSite || !this.hosts.has(hostKey(target))) return 'redirect-off-site';
      const added = await this.frontier.add({ url: target, host: hostKey(target), site: targetSite.site.url, kind: row.kind, depth: row.depth, redirects: row.redirects + 1, title: row.title, summary: row.summary, hintDate: row.hint_date, discoveredFrom: row.url });
      return added ? 'redirect' : 'redirect-to-known';
    }
    if (status === 429 || status >= 500) return retryOrFail(status, `http-${status}`);
    if (status === 404 || status === 410) {
      await this.frontier.finish(row.url, 'done', { ...base, outcome: 'gone' });
      return 'gone';
    }
    if (status >= 400 || status < 200) {
      st.failed++;
      await this.frontier.finish(row.url, 'failed', { ...base, outcome: `http-${status}` });
      return `http-${status}`;
    }
    switch (row.kind) {
      // One transaction for a document's links (applyLinks): a sitemap's thousands of inserts commit once.
      case 'sitemap':
      case 'feed':
        return this.handleXml(row, s, page, base);
      case 'listing':
        return this.handleListing(row, s, page, base);
      case 'article':
        return this.handleArticle(row, s, page, base);
    }
  }

  /**
   * Queues a document's links and marks it done in one transaction (`applyLinks`); `describe` words the outcome
   * from the number queued. Returns the outcome and, per link, whether it was queued.
   */
  private async applyLinks(row: FrontierRow, links: PendingLink[], limits: Record<string, number>, base: { status: number; fetchedAt: number; etag: string | null; lastModified: string | null }, describe: (queued: number) => string): Promise<{ outcome: string; added: boolean[] }> {
    let outcome = '';
    const added = await this.frontier.applyLinks(
      links.map((l) => l.op),
      limits,
      { url: row.url, state: 'done', fields: { ...base, outcome: (queued) => (outcome = describe(queued)).slice(0, 200) } },
    );
    added.forEach((ok, i) => ok && links[i]!.onQueued?.());
    return { outcome, added };
  }

  private async handleXml(row: FrontierRow, s: SiteRun, page: FetchedPage, base: { status: number; fetchedAt: number; etag: string | null; lastModified: string | null }): Promise<string> {
    const text = decodeDocument(page.bytes, page.contentType).text;
    // Sites label feeds and sitemaps loosely: read the document for what it is.
    const isSitemap = /<(urlset|sitemapindex)[\s>]/i.test(text.slice(0, 4096));
    const links: PendingLink[] = [];
    const limits: Record<string, number> = {};
    let describe: (queued: number) => string;
    if (isSitemap || (row.kind === 'sitemap' && !/<(rss|feed|rdf:RDF)[\s>]/i.test(text.slice(0, 4096)))) {
      s.sitemapsRead++;
      const doc = parseSitemap(text, page.finalUrl);
      if (doc.kind === 'index') {
        const children = doc.entries
          .filter((e) => !this.o.since || !e.date || e.date >= this.o.since)
          .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
          .slice(0, MAX_CHILD_SITEMAPS);
        // Sitemaps read per site: the children queued count against the cap — after canonicalization (cache
        // busters dropped) and deduplication, so an index listing itself ("?v=<now>") spends nothing.
        limits.sitemaps = MAX_SITEMAPS_PER_SITE - s.sitemapsRead;
        const seen = new Set([canonicalizeSitemap(row.url), canonicalizeSitemap(page.finalUrl)]);
        for (const c of children) {
          const u = canonicalizeSitemap(c.url, page.finalUrl);
          if (!u || seen.has(u)) continue;
          seen.add(u);
          if (this.onSite(u, s)) links.push({ op: { url: { url: u, host: hostKey(u), site: s.site.url, kind: 'sitemap', discoveredFrom: row.url }, seedStaleBefore: this.seedsStaleBefore(), limit: 'sitemaps' } });
        }
      } else {
        // The same article listed twice (with and without a tracking query) counts once.
        const seen = new Set<string>();
        for (const e of doc.entries) {
          const c = this.articleCandidate(s, e, row.url, 'document');
          if (c && !seen.has(c.op.url.url)) {
            seen.add(c.op.url.url);
            links.push(c);
          }
        }
      }
      describe = (queued) => `${doc.malformed ? 'malformed ' : ''}sitemap ${doc.kind}: ${doc.entries.length} links, ${queued} queued`;
    } else {
      const doc = parseFeed(text, page.finalUrl);
      for (const e of doc.entries) {
        const c = this.articleCandidate(s, e, row.url, 'document');
        if (c) links.push(c);
      }
      describe = (queued) => `${doc.malformed ? 'malformed ' : ''}feed: ${doc.entries.length} links, ${queued} queued`;
    }
    const { outcome, added } = await this.applyLinks(row, links, limits, base, describe);
    this.stat(s.host).linksQueued += added.filter(Boolean).length;
    return outcome;
  }

  /** On the site and on a host this run crawls. */
  private onSite(url: string, s: SiteRun): boolean {
    return sameSite(url, s.site.url) && this.hosts.has(hostKey(url));
  }

  private seedsStaleBefore(): number {
    return Date.now() - (this.o.refreshSeedsAfterMs ?? REFRESH_SEEDS_AFTER_MS);
  }

  /**
   * An article candidate to queue when it is on the site, in the window and not of another subject (as far
   * as the link tells); null otherwise.
   */
  private articleCandidate(s: SiteRun, e: Entry, from: string, via: 'document' | 'listing'): PendingLink | null {
    const url = canonicalize(e.url, from);
    if (!url || !this.onSite(url, s) || isAsset(url)) return null;
    if (s.articleRe ? !s.articleRe.test(url) : via === 'listing' && !looksLikeArticle(url)) return null;
    const st = this.stat(s.host);
    const date = e.date ?? dateInUrl(url);
    if (this.o.since && date && date < this.o.since) {
      st.outOfWindow++;
      return null;
    }
    // Relevance orders the fetches; only a section of another subject is dropped (see relevance.ts).
    const tier = this.ranker.rank(url, e.title, e.summary);
    if (tier === 'off-topic') {
      st.offTopic++;
      return null;
    }
    const priority = ARTICLE_PRIORITY[tier];
    const u: NewUrl = { url, host: hostKey(url), site: s.site.url, kind: 'article', title: e.title, summary: e.summary, hintDate: date, discoveredFrom: from, priority };
    return { op: { url: u }, onQueued: tier !== 'keyword' ? () => void st.rankedLow++ : undefined };
  }

  private async handleListing(row: FrontierRow, s: SiteRun, page: FetchedPage, base: { status: number; fetchedAt: number; etag: string | null; lastModified: string | null }): Promise<string> {
    const html = decodeHtml(page.bytes, page.contentType).html;
    const links = parseHtmlLinks(html, page.finalUrl);
    const pending: PendingLink[] = [];
    for (const f of links.feeds) {
      const u = canonicalize(f);
      if (u && this.onSite(u, s)) pending.push({ op: { url: { url: u, host: hostKey(u), site: s.site.url, kind: 'feed', discoveredFrom: row.url }, seedStaleBefore: this.seedsStaleBefore() } });
    }
    // Listing pages queued per site: the cap counts those actually queued, in link order.
    const limits = { listings: MAX_LISTINGS_PER_SITE - s.listingsQueued };
    for (const l of links.links) {
      const article = this.articleCandidate(s, { url: l.url, title: l.text || null, summary: null, date: null }, page.finalUrl, 'listing');
      if (article) {
        pending.push(article);
        continue;
      }
      if (row.depth + 1 > s.maxDepth || limits.listings <= 0) continue;
      const u = canonicalize(l.url, page.finalUrl);
      if (!u || !this.onSite(u, s) || isAsset(u)) continue;
      if (s.articleRe?.test(u) || looksLikeArticle(u)) continue;
      const path = new URL(u).pathname;
      const isListing = s.listingRe ? s.listingRe.test(u) : s.sectionPaths.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : p + '/') || (path === p && new URL(u).search));
      // Pagination is re-read like a seed when stale: page 2 today is not page 2 tomorrow.
      if (isListing) pending.push({ op: { url: { url: u, host: hostKey(u), site: s.site.url, kind: 'listing', depth: row.depth + 1, discoveredFrom: row.url }, seedStaleBefore: this.seedsStaleBefore(), limit: 'listings' }, onQueued: () => void s.listingsQueued++ });
    }
    const { outcome, added } = await this.applyLinks(row, pending, limits, base, (queued) => `listing: ${links.links.length} links, ${links.feeds.length} feeds, ${queued} queued`);
    this.stat(s.host).linksQueued += added.filter(Boolean).length;
    return outcome;
  }

  private async handleArticle(row: FrontierRow, s: SiteRun, page: FetchedPage, base: { status: number; fetchedAt: number; etag: string | null; lastModified: string | null }): Promise<string> {
    const st = this.stat(s.host);
    const done = async (outcome: string, extra: { contentHash?: string } = {}) => {
      await this.frontier.finish(row.url, 'done', { ...base, ...extra, outcome });
      return outcome;
    };
    if (page.contentType && !/html|xml/i.test(page.contentType)) return done('not-html');
    const ex = await this.pool!.run({ url: page.finalUrl, contentType: page.contentType, bytes: page.bytes });
    // A page the text stage refuses for its size or element count: recorded once, never fetched again.
    if (ex.errorCode === 'too-complex' || ex.errorCode === 'too-large') {
      st.failed++;
      await this.frontier.finish(row.url, 'failed', { ...base, outcome: ex.errorCode === 'too-complex' ? 'page-too-complex' : 'page-too-large' });
      return `${ex.errorCode === 'too-complex' ? 'page-too-complex' : 'page-too-large'}: ${ex.error}`.slice(0, 300);
    }
    if (ex.error || !ex.article) throw new Error(ex.error ?? 'extraction gave no article');
    const article = ex.article;
    const canonical = article.canonicalUrl ? canonicalize(article.canonicalUrl, page.finalUrl) : null;
    if (canonical && canonical !== row.url && this.onSite(canonical, s)) {
      const known = await this.frontier.get(canonical);
      if (known && known.state === 'done' && known.kind === 'article' && known.outcome !== 'redirect') {
        st.duplicates++;
        return done(`duplicate of ${canonical}`);
      }
      // The canonical URL is this same page: never fetch it again.
      await this.frontier.add({ url: canonical, host: hostKey(canonical), site: s.site.url, kind: 'article', discoveredFrom: row.url });
      await this.frontier.finish(canonical, 'done', { outcome: `alias of ${row.url}`, attempt: false });
    }
    if (!ex.textHash) return done('no-text');
    const hash = ex.textHash;
    if (row.content_hash === hash) {
      st.notModified++;
      return done('unchanged', { contentHash: hash });
    }
    const dup = await this.frontier.duplicateOf(hash, row.url);
    if (dup) {
      st.duplicates++;
      return done(`duplicate of ${dup}`, { contentHash: hash });
    }
    const published = article.published ?? row.hint_date ?? dateInUrl(page.finalUrl);
    if (this.o.since && published && published < this.o.since) {
      st.outOfWindow++;
      return done('out-of-window', { contentHash: hash });
    }
    if (!ex.keyword) {
      st.irrelevant++;
      return done('irrelevant', { contentHash: hash });
    }
    const stored = await this.o.ingest({
      url: row.url,
      finalUrl: page.finalUrl,
      canonicalUrl: canonical,
      fetchedAt: base.fetchedAt,
      status: page.status,
      headers: page.headers,
      contentType: page.contentType,
      bytes: page.bytes,
      article,
      site: s.site,
      titleHint: row.title,
      publishedHint: row.hint_date,
    });
    const facts = stored.facts;
    await this.frontier.finish(row.url, 'done', { ...base, contentHash: hash, outcome: 'ingested' });
    st.ingested++;
    st.facts += facts;
    return `ingested (${facts} facts)`;
  }
}

/** The link ranker a config calls for: its keywords, health words and off-topic sections, the gazetteer's names. */
export function rankerFor(config: SitesConfig): LinkRanker {
  const gaz = loadGazetteer();
  return linkRanker({
    keywords: config.relevance.keywords,
    regionNames: [...gaz.regions.map((r) => r.bare), ...gaz.aliases.filter((a) => !a.ambiguous).map((a) => a.alias)],
    healthWords: config.relevance.healthWords,
    offTopicSections: config.relevance.offTopicSections,
  });
}

/** A link of a fetched document waiting to be queued, with what to count once it is. */
interface PendingLink {
  op: LinkOp;
  onQueued?: () => void;
}

/** A host another live worker holds: the job is tried again later (never hurried). */
export class HostBusy extends Error {
  constructor(
    readonly host: string,
    readonly owner: string,
    readonly until: number,
  ) {
    super(`${host}: worked by ${owner} (lease until ${new Date(until).toISOString()})`);
    this.name = 'HostBusy';
  }
}

/** This worker's host lease lapsed (it stalled past the lease) and another may hold the host now: stop. */
export class HostLost extends Error {
  constructor(readonly host: string) {
    super(`${host}: host lease lost`);
    this.name = 'HostLost';
  }
}

/** Runs one crawl. */
export function crawl(o: CrawlOptions): Promise<CrawlSummary> {
  return new Crawler(o).run();
}
