/**
 * Issue 12 in a crawl (fixture servers on 127.0.0.1, one host each): a robots.txt over 500 KiB is parsed up
 * to there (it made the site disallowed forever); a huge Retry-After is capped and `crawl-report` says so
 * (999999 s deferred the host 11.6 days); a self-referencing sitemap index with cache-busting queries is read
 * once (it spent the page budget); a page of too many elements is recorded `page-too-complex` and not
 * fetched again (it was killed or retried); a UTF-8 page served as `charset=utf-16` is ingested with its
 * text (it ended `no-text`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type SqliteStore } from '../../src/store/index.ts';
import { crawl, type CrawlSummary } from '../../src/crawl/crawler.ts';
import { storeIngest } from '../../src/crawl/cli.ts';
import { closeAgents } from '../../src/crawl/fetch.ts';
import { crawlReport, formatReport } from '../../src/crawl/report.ts';
import { MAX_RETRY_AFTER_MS } from '../../src/crawl/config.ts';
import { articleHtml, send, startSite, type SiteServer } from '../crawl/fixtures/server.ts';
import { config, tempDir } from '../crawl/helpers.ts';

const body = (who: string) => `(${who}) Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen, kata Kepala BPJS Kesehatan cabang Klaten.`;
const article = (who: string) => send(articleHtml({ title: `JKN ${who}`, body: body(who), date: '2025-03-02' }));
const home = (...paths: string[]) => send(`<html><body>${paths.map((p) => `<a href="${p}">Berita JKN BPJS ${p}</a>`).join('')}</body></html>`);
const A = (n: number) => `/berita/2025/03/02/${n}/cakupan-jkn-bpjs-kesehatan-${n}`;
const sitemapIndex = (...locs: string[]) => `<?xml version="1.0"?><sitemapindex>${locs.map((l) => `<sitemap><loc>${l}</loc></sitemap>`).join('')}</sitemapindex>`;
const urlset = (...locs: string[]) => `<?xml version="1.0"?><urlset>${locs.map((l) => `<url><loc>${l}</loc><lastmod>2025-03-02</lastmod></url>`).join('')}</urlset>`;

const S: Record<string, SiteServer> = {};
let store: SqliteStore;
let tmp: ReturnType<typeof tempDir>;
let summary: CrawlSummary;
let second: CrawlSummary;
let t0: number;
let reportAfterFirst: string;

async function runCrawl(): Promise<CrawlSummary> {
  const runId = await store.startRun('crawl', {});
  const cfg = config(Object.values(S).map((s, i) => ({ name: Object.keys(S)[i], url: s.origin + '/' })), { defaults: { delaySeconds: 0.02 } });
  const r = await crawl({
    db: store.db,
    config: cfg,
    runId,
    allowPrivate: true,
    ingest: storeIngest(store, runId),
    fetch: { headersTimeoutMs: 2000, totalTimeoutMs: 5000 },
    backoffBaseMs: 20,
    maxHostDelayMs: 5_000,
    maxPagesPerHost: 12,
  });
  await store.finishRun(runId, 'ok');
  return r;
}

beforeAll(async () => {
  tmp = tempDir();
  const mk = async (name: string, routes: Record<string, ReturnType<typeof send> | string>) => (S[name] = await startSite(routes));
  // 3 MiB of robots.txt: the rules first, then comments; the fetch stops reading at 500 KiB.
  const bigRobots = `User-agent: *\nDisallow: /rahasia/\n${'# baris komentar yang panjang sekali untuk mengisi berkas robots.txt ini\n'.repeat(45_000)}Disallow: /\n`;
  await mk('bigRobots', { '/robots.txt': send(bigRobots, 'text/plain'), '/': home(A(1), '/rahasia/2025/03/02/cakupan-jkn-bpjs'), [A(1)]: article('bigRobots'), '/rahasia/2025/03/02/cakupan-jkn-bpjs': article('secret') });
  await mk('retryAfter', { '/': send('slow down', 'text/plain', 503, { 'retry-after': '999999' }), [A(1)]: article('retryAfter') });
  let busted = 0;
  await mk('sitemapLoop', {
    '/robots.txt': send('User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n', 'text/plain'),
    // Every read lists itself again with a fresh cache buster, plus one real child.
    '/sitemap.xml': (q, r) => send(sitemapIndex(`/sitemap.xml?v=${Date.now()}${++busted}`, `/sitemap.xml?_=${busted}&nocache=1`, '/sitemap-news.xml?t=1', '/sitemap-news.xml?t=2'), 'application/xml')(q, r),
    '/sitemap-news.xml': send(urlset(A(1), `${A(1)}?utm_source=sitemap`, A(2)), 'application/xml'),
    '/': home(),
    [A(1)]: article('sitemapLoop-1'),
    [A(2)]: article('sitemapLoop-2'),
  });
  const complex = `<!doctype html><html><head><title>JKN rumit</title></head><body><article><p>${body('complex')}</p></article><div>${'<p>x</p>'.repeat(120_000)}</div></body></html>`;
  await mk('tooComplex', { '/': home(A(1), A(2)), [A(1)]: send(complex), [A(2)]: article('tooComplex-ok') });
  await mk('wrongLabel', { '/': home(A(1)), [A(1)]: send(Buffer.from(articleHtml({ title: 'JKN label salah', body: `${body('wrongLabel')} Kata “Café” benar.`, date: '2025-03-02', charset: null })), 'text/html; charset=utf-16') });

  store = openStore(join(tmp.dir, 'h.db'));
  t0 = Date.now();
  summary = await runCrawl();
  reportAfterFirst = formatReport(crawlReport(store.db));
  second = await runCrawl();
}, 90_000);

afterAll(async () => {
  await Promise.all(Object.values(S).map((s) => s.close()));
  await closeAgents();
  await store.close();
  tmp.cleanup();
});

const row = (name: string, path: string) =>
  store.db.prepare('SELECT state, outcome FROM crawl_frontier WHERE url = ?').get(S[name].origin + path) as { state: string; outcome: string } | undefined;
const storedText = (name: string, path: string) =>
  store.db.prepare('SELECT a.text FROM pages p JOIN articles a ON a.id = p.article_id WHERE p.url = ?').pluck().get(S[name].origin + path) as string | undefined;
const hits = (name: string, path: string) => S[name].hits.filter((h) => h.path.split('?')[0] === path).length;

describe('issue 12 in a crawl', () => {
  it('robots.txt over 500 KiB: its first 500 KiB are the rules (RFC 9309 §2.5), not "disallow everything"', () => {
    const rec = store.db.prepare("SELECT outcome, note, length(body) AS n FROM crawl_robots WHERE host = ? ORDER BY id LIMIT 1").get(S.bigRobots.host) as { outcome: string; note: string; n: number };
    expect(rec.outcome).toBe('rules');
    expect(rec.note).toMatch(/first 500 KiB parsed/);
    expect(rec.n).toBeLessThanOrEqual(500 * 1024);
    expect(row('bigRobots', A(1))?.outcome).toBe('ingested');
    // The rule inside the first 500 KiB holds; the "Disallow: /" past it is not read.
    expect(hits('bigRobots', '/rahasia/2025/03/02/cakupan-jkn-bpjs')).toBe(0);
  });

  it('Retry-After: 999999 defers the host for at most MAX_RETRY_AFTER_MS, and crawl-report says it was capped', () => {
    const h = summary.hosts.find((x) => x.host === S.retryAfter.host)!;
    expect(h.deferred).toMatch(/Retry-After 999999 s, capped at 86400 s/);
    // The host's clock (kept for the next runs) waits a day, not 11.6 days.
    const until = store.db.prepare('SELECT backoff_until FROM crawl_hosts WHERE host = ?').pluck().get(S.retryAfter.host) as number;
    expect(until).toBeGreaterThan(t0 + MAX_RETRY_AFTER_MS - 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + MAX_RETRY_AFTER_MS);
    const text = reportAfterFirst;
    expect(text).toMatch(/Retry-After 999999 s, capped at 86400 s/);
    expect(text).toMatch(/a Retry-After is honoured up to 24 h \(MAX_RETRY_AFTER_MS\)/);
  });

  it('a sitemap index listing itself with cache busters is read once; its links are deduplicated before the budget', () => {
    expect(hits('sitemapLoop', '/sitemap.xml')).toBe(1);
    expect(hits('sitemapLoop', '/sitemap-news.xml')).toBe(1);
    expect(hits('sitemapLoop', A(1))).toBe(1);
    expect(row('sitemapLoop', A(1))?.outcome).toBe('ingested');
    expect(row('sitemapLoop', A(2))?.outcome).toBe('ingested');
  });

  it('a page too complex for the text stage is recorded as such and not fetched again', () => {
    expect(row('tooComplex', A(1))).toEqual({ state: 'failed', outcome: 'page-too-complex' });
    expect(row('tooComplex', A(2))?.outcome).toBe('ingested');
    expect(hits('tooComplex', A(1))).toBe(1); // two crawls, one request
    expect(second.hosts.find((x) => x.host === S.tooComplex.host)?.requests ?? 0).toBe(0);
  });

  it('a UTF-8 page served as charset=utf-16 is ingested with its text', () => {
    expect(row('wrongLabel', A(1))?.outcome).toBe('ingested');
    expect(storedText('wrongLabel', A(1))).toContain('Kata “Café” benar.');
  });
});
