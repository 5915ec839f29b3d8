import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCorpusSites, type CorpusSite } from './fixtures/corpus-sites.ts';
import { tempDir } from './helpers.ts';
import type { CrawlReport } from '../../src/crawl/report.ts';
import type { CrawlSummary } from '../../src/crawl/crawler.ts';

const BIN = join(process.cwd(), 'src/bin.js');

function cakupan(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((r) => child.on('exit', (code) => r({ code, stdout, stderr })));
}

let sites: CorpusSite[];
let tmp: ReturnType<typeof tempDir>;
let db: string;
let summary: CrawlSummary;
let report: CrawlReport;

beforeAll(async () => {
  tmp = tempDir();
  // Crawl-delays the fixture allows: small, so the test stays short; one site's is larger than the floor.
  sites = await startCorpusSites({ crawlDelays: [0.1, 0.05, 0.05] });
  const relevance = JSON.parse(readFileSync(join(process.cwd(), 'data/sites.json'), 'utf8')).relevance;
  const cfg = join(tmp.dir, 'sites.json');
  writeFileSync(
    cfg,
    JSON.stringify({
      relevance,
      defaults: { delaySeconds: 0.05, maxListingDepth: 2 },
      sites: [
        { name: 'Kabar Sumatra', url: sites[0]!.server.origin + '/' },
        { name: 'Warta Jawa', url: sites[1]!.server.origin + '/', sections: ['/daerah'] },
        { name: 'Suara Nusantara', url: sites[2]!.server.origin + '/', sections: ['/terkini'], articlePattern: '/read/\\d+$' },
      ],
    }),
  );
  db = join(tmp.dir, 'corpus.db');
  const crawl = await cakupan(['crawl', '--config', cfg, '--db', db, '--since', '2025-03-01', '--allow-private', '--json']);
  if (crawl.code !== 0) throw new Error(`crawl failed (${crawl.code}): ${crawl.stderr}`);
  summary = JSON.parse(crawl.stdout) as CrawlSummary;
  const rep = await cakupan(['crawl-report', '--db', db, '--json']);
  if (rep.code !== 0) throw new Error(`crawl-report failed (${rep.code}): ${rep.stderr}${rep.stdout}`);
  report = JSON.parse(rep.stdout) as CrawlReport;
}, 180_000);
afterAll(async () => {
  await Promise.all((sites ?? []).map((s) => s.server.close()));
  tmp?.cleanup();
});

describe('cakupan crawl of three corpus sites (38 JKN articles with plain headlines among ordinary news)', () => {
  it('ingests 38 of 38 relevant articles, and nothing else', () => {
    const d = new Database(db, { readonly: true });
    try {
      const urls = d.prepare('SELECT p.url FROM articles a JOIN pages p ON p.id = a.page_id ORDER BY p.url').pluck().all();
      expect(urls).toEqual(sites.flatMap((s) => s.relevant).sort());
      expect(d.prepare('SELECT count(*) FROM facts').pluck().get()).toBeGreaterThan(100);
    } finally {
      d.close();
    }
    expect(summary.totals.ingested).toBe(38);
  });

  it('breaks no robots or delay rule (crawl-report)', () => {
    expect(report.totals.disallowedRequests).toBe(0);
    expect(report.totals.shortGaps).toBe(0);
    expect(report.totals.refusedByRobots).toBeGreaterThanOrEqual(2);
    for (const s of sites) for (const u of s.disallowed) expect(s.server.hits.map((h) => h.path)).not.toContain(new URL(u).pathname + new URL(u).search);
    expect(report.hosts.find((h) => h.host === sites[0]!.server.host)!.delayMs).toBe(100);
  });

  it('fetches ordinary news to judge it on its text, never an off-topic section or an article before --since', () => {
    for (const s of sites) {
      const paths = new Set(s.server.hits.map((h) => h.path));
      for (const u of s.ordinary) expect(paths.has(new URL(u).pathname)).toBe(true);
      for (const u of [...s.offTopic, ...s.old]) expect(paths.has(new URL(u).pathname)).toBe(false);
    }
    expect(summary.totals.irrelevant).toBe(sites.reduce((a, s) => a + s.ordinary.length, 0));
    expect(summary.totals.offTopic).toBe(sites.reduce((a, s) => a + s.offTopic.length, 0));
  });

  it('crawl-report shows per host the links ranked low and how many of them were relevant after all', () => {
    let lowRelevant = 0;
    for (const s of sites) {
      const h = report.hosts.find((x) => x.host === s.server.host)!;
      expect(h.rankedLow).toBeGreaterThan(0);
      expect(h.rankedLowFetched).toBe(h.rankedLow - h.refusedByRobots); // all fetched but what robots.txt refused
      expect(h.rankedLowRelevant).toBeGreaterThan(0);
      lowRelevant += h.rankedLowRelevant;
    }
    // What the old admission filter lost: relevant stories whose link carried no keyword.
    expect(lowRelevant).toBeGreaterThanOrEqual(10);
  });
});
