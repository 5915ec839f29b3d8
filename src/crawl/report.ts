/**
 * `cakupan crawl-report`: per-host figures from the append-only fetch log, and the politeness record
 * re-derived from it — every request re-checked against the robots.txt copy in force when it was made, and
 * every gap between two request starts on a host compared with the delay that host had.
 */
import type { CrawlStore, ReportData } from '../store/crawl-store.ts';
import { sqliteCrawlStore, type SqliteCrawlStore, type SqliteHandle } from '../store/crawl-sqlite.ts';
import { z } from 'zod';
import { rulesOf, type RobotsRecord, type RobotsRules } from './robots.ts';
import { RANKED_LOW_PRIORITY } from './relevance.ts';
import { MAX_RETRY_AFTER_MS } from './config.ts';

/** One host's line of the report. */
export const HostReport = z.object({
  host: z.string(),
  requests: z.number().int(),
  robotsRequests: z.number().int(),
  ok2xx: z.number().int(),
  redirects3xx: z.number().int(),
  notModified: z.number().int(),
  client4xx: z.number().int(),
  server5xx: z.number().int(),
  errors: z.number().int(),
  bytes: z.number().int(),
  refusedByRobots: z.number().int(),
  /** Requests made to a URL the robots.txt in force disallowed (must be 0). */
  disallowedRequests: z.number().int(),
  /** Consecutive request starts closer than the host delay (must be 0). */
  shortGaps: z.number().int(),
  minGapMs: z.number().int().nullable(),
  /** Largest delay that was in force. */
  delayMs: z.number().int().nullable(),
  /** Articles of this host stored by the crawler (whatever the run). */
  ingested: z.number().int(),
  queued: z.number().int(),
  failed: z.number().int(),
  /** Article links ranked below the keyword links (a region or health word, or nothing telling), whatever the run. */
  rankedLow: z.number().int(),
  /** ... of which fetched so far. */
  rankedLowFetched: z.number().int(),
  /** ... of which turned out relevant and were stored: the evidence for tuning a host's page budget. */
  rankedLowRelevant: z.number().int(),
  deferred: z.string().nullable(),
  firstAt: z.number().int().nullable(),
  lastAt: z.number().int().nullable(),
});
export type HostReport = z.infer<typeof HostReport>;

export const CrawlReport = z.object({
  hosts: z.array(HostReport),
  totals: z.object({
    hosts: z.number().int(),
    requests: z.number().int(),
    ingested: z.number().int(),
    refusedByRobots: z.number().int(),
    disallowedRequests: z.number().int(),
    shortGaps: z.number().int(),
    /** Request starts per second over the whole log span. */
    ratePerSecond: z.number().nullable(),
  }),
});
export type CrawlReport = z.infer<typeof CrawlReport>;

interface LogRow {
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
}

/**
 * Builds the report from the crawl store (optionally only the requests of one run; gaps still use all). An open
 * SQLite handle is read synchronously (tests, the in-process crawl); any store through `crawlReportOf`.
 */
export function crawlReport(source: SqliteHandle | Pick<SqliteCrawlStore, 'reportDataSync'>, opts: { runId?: number } = {}): CrawlReport {
  const store = 'reportDataSync' in source ? source : sqliteCrawlStore(source);
  return reportFrom(store.reportDataSync(RANKED_LOW_PRIORITY), opts);
}

/** The report from any crawl store (SQLite or PostgreSQL). */
export async function crawlReportOf(store: CrawlStore, opts: { runId?: number } = {}): Promise<CrawlReport> {
  return reportFrom(await store.reportData(RANKED_LOW_PRIORITY), opts);
}

function reportFrom(data: ReportData, opts: { runId?: number }): CrawlReport {
  const robotsById = new Map<number, RobotsRules>();
  for (const r of data.robots) robotsById.set(r.id, rulesOf(r));
  const frontier = new Map<string, ReportData['frontier'][number]>();
  for (const r of data.frontier) frontier.set(r.host, r);
  const deferred = new Map<string, string | null>();
  for (const r of data.hosts) deferred.set(r.host, r.reason && (r.until ?? 0) > Date.now() ? r.reason : null);

  const hosts = new Map<string, HostReport>();
  const lastStart = new Map<string, number>();
  const rows = data.log;
  let first = Infinity;
  let last = -Infinity;
  let requestsInScope = 0;
  for (const r of rows) {
    let h = hosts.get(r.host);
    if (!h) {
      const f = frontier.get(r.host);
      h = { host: r.host, requests: 0, robotsRequests: 0, ok2xx: 0, redirects3xx: 0, notModified: 0, client4xx: 0, server5xx: 0, errors: 0, bytes: 0, refusedByRobots: 0, disallowedRequests: 0, shortGaps: 0, minGapMs: null, delayMs: null, ingested: f?.ingested ?? 0, queued: f?.queued ?? 0, failed: f?.failed ?? 0, rankedLow: f?.rankedLow ?? 0, rankedLowFetched: f?.rankedLowFetched ?? 0, rankedLowRelevant: f?.rankedLowRelevant ?? 0, deferred: deferred.get(r.host) ?? null, firstAt: null, lastAt: null };
      hosts.set(r.host, h);
    }
    const inScope = opts.runId === undefined || r.run_id === opts.runId;
    if (!r.requested) {
      if (inScope) h.refusedByRobots++;
      continue;
    }
    // Gaps are checked on every request, whatever the run: a resumed crawl must not hurry a host either.
    const prev = lastStart.get(r.host);
    if (prev !== undefined) {
      const gap = r.started_at - prev;
      if (inScope) {
        h.minGapMs = h.minGapMs === null ? gap : Math.min(h.minGapMs, gap);
        if (r.delay_ms !== null && gap < r.delay_ms) h.shortGaps++;
      }
    }
    lastStart.set(r.host, r.started_at);
    if (!inScope) continue;
    requestsInScope++;
    first = Math.min(first, r.started_at);
    last = Math.max(last, r.started_at);
    h.firstAt ??= r.started_at;
    h.lastAt = r.started_at;
    h.requests++;
    if (r.kind === 'robots') h.robotsRequests++;
    if (r.delay_ms !== null) h.delayMs = Math.max(h.delayMs ?? 0, r.delay_ms);
    h.bytes += r.bytes ?? 0;
    const s = r.status;
    if (s === null) h.errors++;
    else if (s === 304) h.notModified++;
    else if (s >= 500) h.server5xx++;
    else if (s >= 400) h.client4xx++;
    else if (s >= 300) h.redirects3xx++;
    else if (s >= 200) h.ok2xx++;
    if (r.robots === 'disallowed') h.disallowedRequests++;
    else if (r.kind !== 'robots') {
      const rules = r.robots_id !== null ? robotsById.get(r.robots_id) : undefined;
      // No robots.txt copy at all is itself a breach: every request must have been checked.
      if (!rules || !rules.isAllowed(r.url)) h.disallowedRequests++;
    }
  }
  const list = [...hosts.values()];
  const sum = (k: 'requests' | 'ingested' | 'refusedByRobots' | 'disallowedRequests' | 'shortGaps') => list.reduce((a, h) => a + h[k], 0);
  const span = (last - first) / 1000;
  return CrawlReport.parse({
    hosts: list,
    totals: {
      hosts: list.length,
      requests: sum('requests'),
      ingested: sum('ingested'),
      refusedByRobots: sum('refusedByRobots'),
      disallowedRequests: sum('disallowedRequests'),
      shortGaps: sum('shortGaps'),
      ratePerSecond: requestsInScope > 1 && span > 0 ? Math.round(((requestsInScope - 1) / span) * 100) / 100 : null,
    },
  });
}

/** The report as a text table with the politeness verdict under it. */
export function formatReport(r: CrawlReport): string {
  const head = ['host', 'req', '2xx', '3xx', '304', '4xx', '5xx', 'err', 'KiB', 'robots-refused', 'disallowed-req', 'short-gaps', 'min-gap-ms', 'delay-ms', 'ingested', 'queued', 'failed', 'low-ranked', 'low-fetched', 'low-relevant', 'deferred'];
  const lines = r.hosts.map((h) => [
    h.host, h.requests, h.ok2xx, h.redirects3xx, h.notModified, h.client4xx, h.server5xx, h.errors, Math.round(h.bytes / 1024), h.refusedByRobots,
    h.disallowedRequests, h.shortGaps, h.minGapMs ?? '-', h.delayMs ?? '-', h.ingested, h.queued, h.failed, h.rankedLow, h.rankedLowFetched, h.rankedLowRelevant, h.deferred ?? '',
  ].map(String));
  const widths = head.map((c, i) => Math.max(c.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const t = r.totals;
  return [
    fmt(head),
    ...lines.map(fmt),
    '',
    `${t.hosts} hosts, ${t.requests} requests${t.ratePerSecond !== null ? ` (${t.ratePerSecond} req/s)` : ''}, ${t.ingested} articles ingested, ${t.refusedByRobots} URLs refused by robots.txt`,
    `politeness: ${t.disallowedRequests} requests to disallowed paths, ${t.shortGaps} gaps shorter than the host delay — ${t.disallowedRequests === 0 && t.shortGaps === 0 ? 'no rule broken' : 'RULES BROKEN'}`,
    `deferrals: a Retry-After is honoured up to ${MAX_RETRY_AFTER_MS / 3600_000} h (MAX_RETRY_AFTER_MS); a longer one is capped, and its host's "deferred" column says so`,
  ].join('\n');
}
