import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { crawl, type IngestPage, type CrawlSummary } from '../../src/crawl/crawler.ts';
import { crawlReport } from '../../src/crawl/report.ts';
import { selectSites } from '../../src/crawl/cli.ts';
import { closeAgents } from '../../src/crawl/fetch.ts';
import { startNewsSite, type NewsSite } from './fixtures/news.ts';
import { config, openDb, tempDir } from './helpers.ts';

let sites: NewsSite[];
let db: Database.Database;
let tmp: ReturnType<typeof tempDir>;
let summary: CrawlSummary;
const ingested: IngestPage[] = [];

function startRun(db: Database.Database): number {
  return Number(db.prepare(`INSERT INTO runs (command, started_at, extractor_version, pid) VALUES ('crawl', ?, 1, ?)`).run(new Date().toISOString(), process.pid).lastInsertRowid);
}

beforeAll(async () => {
  tmp = tempDir();
  sites = await Promise.all([startNewsSite('Satu', { crawlDelay: 0.1 }), startNewsSite('Dua'), startNewsSite('Tiga', { latencyMs: 20 })]);
  db = openDb(join(tmp.dir, 'c.db'));
  const cfg = config(sites.map((s) => ({ url: s.server.origin + '/', sections: ['/kesehatan'] })));
  summary = await crawl({
    db,
    config: cfg,
    runId: startRun(db),
    since: '2025-01-01',
    allowPrivate: true,
    ingest: async (p) => {
      ingested.push(p);
      return { facts: 0 };
    },
  });
});
afterAll(async () => {
  await Promise.all(sites.map((s) => s.server.close()));
  await closeAgents();
  db.close();
  tmp.cleanup();
});

describe('crawl of three fixture sites at once', () => {
  it('ingests every relevant in-window article, once', () => {
    const want = sites.flatMap((s) => s.relevant).sort();
    expect(ingested.map((p) => p.url).sort()).toEqual(want);
    expect(summary.totals.ingested).toBe(want.length);
  });

  it('never requests a disallowed path, and logs the refusal', () => {
    for (const s of sites) {
      for (const d of s.disallowed) expect(s.server.hits.map((h) => h.path)).not.toContain(new URL(d).pathname);
    }
    const refused = db.prepare(`SELECT count(*) FROM crawl_fetch_log WHERE robots = 'disallowed' AND requested = 0`).pluck().get();
    expect(refused).toBe(3);
  });

  it('fetches keyword links first and the rest after, judging them on their text; drops only off-topic sections and links out of the window', () => {
    for (const s of sites) {
      const paths = s.server.hits.map((h) => h.path);
      const at = (u: string) => paths.indexOf(new URL(u).pathname);
      expect(at(s.irrelevant[0])).toBeGreaterThan(-1); // a football title, but no section says so: ranked low, fetched, judged on its text
      expect(at(s.irrelevant[0])).toBeGreaterThan(at(s.relevant[0])); // ... after the keyword links of the same sitemap
      expect(at(s.irrelevant[0])).toBeGreaterThan(at(s.relevant[1]));
      expect(paths).not.toContain(new URL(s.offTopic[0]).pathname); // /olahraga/: another subject, dropped unfetched
      expect(paths).not.toContain(new URL(s.old[0]).pathname); // 2023, before --since
      expect(paths).not.toContain('/sitemap-2023.xml'); // its lastmod is before --since
      expect(paths).toContain(new URL(s.irrelevant[1]).pathname); // feed summary mentions BPJS: fetched, then judged
    }
    expect(summary.totals.irrelevant).toBe(2 * sites.length);
    expect(summary.totals.offTopic).toBe(sites.length);
    expect(summary.totals.rankedLow).toBe(sites.length); // the football story (the feed's BPJS summary ranks its neighbour first)
    const r = crawlReport(db);
    for (const h of r.hosts) expect([h.rankedLow, h.rankedLowFetched, h.rankedLowRelevant]).toEqual([1, 1, 0]);
  });

  it('spaces requests per host by max(Crawl-delay, floor), seen from the servers too', () => {
    // The servers share the machine (and here the event loop) with the crawler: one arrival stamped late
    // shortens the next gap as the server sees it, so a single server-side gap proves little. Their mean
    // cannot be shortened that way (only the first and last stamps count); the exact check, gap by gap,
    // is the crawler's own log (crawl-report, below).
    const meanGap = (s: NewsSite) => (s.server.hits.at(-1)!.at - s.server.hits[0].at) / (s.server.hits.length - 1);
    expect(meanGap(sites[0])).toBeGreaterThanOrEqual(100 - 10); // Crawl-delay 0.1 s
    expect(meanGap(sites[1])).toBeGreaterThanOrEqual(50 - 10); // floor 0.05 s
    const r = crawlReport(db);
    expect(r.totals.shortGaps).toBe(0);
    expect(r.totals.disallowedRequests).toBe(0);
    expect(r.hosts.find((h) => h.host === sites[0].server.host)?.delayMs).toBe(100);
    expect(r.totals.requests).toBe(sites.reduce((a, s) => a + s.server.hits.length, 0));
  });

  it('a second run reads only the seeds it must and fetches no stored article', async () => {
    const before = sites.map((s) => s.server.hits.length);
    const again = await crawl({ db, config: config(sites.map((s) => ({ url: s.server.origin + '/', sections: ['/kesehatan'] }))), runId: startRun(db), since: '2025-01-01', allowPrivate: true, ingest: async () => ({ facts: 0 }) });
    expect(again.totals.requests).toBe(0); // seeds are fresh (read < 1 h ago), robots.txt cached
    expect(sites.map((s) => s.server.hits.length)).toEqual(before);
  });

  it('stale seeds and --refresh use conditional GET: a 304 skips parsing and re-extraction', async () => {
    const calls: string[] = [];
    const again = await crawl({
      db,
      config: config(sites.map((s) => ({ url: s.server.origin + '/', sections: ['/kesehatan'] }))),
      runId: startRun(db),
      since: '2025-01-01',
      allowPrivate: true,
      refresh: true,
      refreshSeedsAfterMs: 0,
      ingest: async (p) => {
        calls.push(p.url);
        return { facts: 0 };
      },
    });
    expect(calls).toEqual([]);
    expect(again.totals.ingested).toBe(0);
    // Every stored article and every seed was asked again, with its validator, and answered 304.
    expect(again.totals.notModified).toBe(again.totals.requests);
    expect(again.totals.requests).toBeGreaterThanOrEqual(sites.length * (4 + 3));
    const conditional = sites.flatMap((s) => s.server.hits.slice(-3)).every((h) => typeof h.headers['if-none-match'] === 'string');
    expect(conditional).toBe(true);
    const rows = db.prepare(`SELECT outcome FROM crawl_frontier WHERE kind = 'article' AND state = 'done' AND url IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(sites.flatMap((s) => s.relevant)));
    expect(rows).toEqual(Array(12).fill('not-modified'));
  });
});

describe('--max-pages and --site', () => {
  it('stops at the page budget and leaves the rest queued for the next run', async () => {
    const t = tempDir();
    const site = await startNewsSite('Empat');
    const d = openDb(join(t.dir, 'm.db'));
    try {
      const cfg = config([{ url: site.server.origin + '/', sections: ['/kesehatan'] }]);
      const first = await crawl({ db: d, config: cfg, runId: startRun(d), maxPages: 3, allowPrivate: true, ingest: async () => ({ facts: 0 }) });
      expect(first.budgetExhausted).toBe(true);
      expect(first.totals.requests).toBe(3);
      expect(site.server.hits.map((h) => h.path)).toEqual(['/robots.txt', '/sitemap_index.xml', '/sitemap-news.xml', '/sitemap-2023.xml']);
      const queued = d.prepare(`SELECT count(*) FROM crawl_frontier WHERE state = 'queued'`).pluck().get() as number;
      expect(queued).toBeGreaterThan(3);
      const stored: string[] = [];
      const second = await crawl({ db: d, config: cfg, runId: startRun(d), allowPrivate: true, ingest: async (p) => (stored.push(p.url), { facts: 0 }) });
      expect(second.budgetExhausted).toBe(false);
      expect(stored.sort()).toEqual([...site.relevant, site.old[0]].sort()); // no --since: the 2023 article too
      expect(d.prepare(`SELECT count(*) FROM crawl_frontier WHERE state IN ('queued', 'leased')`).pluck().get()).toBe(0);
    } finally {
      await site.server.close();
      d.close();
      t.cleanup();
    }
  });

  it('--site picks the config entry for a known host, defaults for another', () => {
    const cfg = config([{ url: 'https://jateng.antaranews.com/', articlePattern: '/berita/\\d+/', delaySeconds: 9 }]);
    const [known, adhoc] = selectSites(cfg, ['https://jateng.antaranews.com/kesehatan', 'https://radar.example.id/']);
    expect(known.delaySeconds).toBe(9);
    expect(adhoc).toMatchObject({ name: 'radar.example.id', url: 'https://radar.example.id/', enabled: true });
  });
});
