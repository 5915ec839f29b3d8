/**
 * Hostile servers, all crawled at once (one host each): every behaviour gets its outcome, the other hosts
 * and the stored articles are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { openStore, type SqliteStore } from '../../src/store/index.ts';
import { crawl, type CrawlSummary } from '../../src/crawl/crawler.ts';
import { storeIngest } from '../../src/crawl/cli.ts';
import { closeAgents } from '../../src/crawl/fetch.ts';
import { crawlReport } from '../../src/crawl/report.ts';
import { articleHtml, gzipBomb, send, startSite, type SiteServer } from './fixtures/server.ts';
import { config, tempDir } from './helpers.ts';

const body = (who: string) => `(${who}) Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen, kata Kepala BPJS Kesehatan cabang Klaten.`;
const article = (who: string, slug: string) => send(articleHtml({ title: `JKN ${who}`, body: body(who), date: '2025-03-02' }));
const home = (...paths: string[]) => send(`<html><body>${paths.map((p) => `<a href="${p}">Berita JKN BPJS ${p}</a>`).join('')}</body></html>`);
const A = (n: number) => `/berita/2025/03/02/${n}/cakupan-jkn-bpjs-kesehatan-${n}`;

const S: Record<string, SiteServer> = {};
let store: SqliteStore;
let tmp: ReturnType<typeof tempDir>;
let summary: CrawlSummary;
let runId: number;

beforeAll(async () => {
  tmp = tempDir();
  gzipBomb(); // built before the crawl: compressing 64 MiB would stall the servers' clock mid-crawl
  const mk = async (name: string, routes: Record<string, ReturnType<typeof send> | string>) => (S[name] = await startSite(routes));
  await mk('robots404', { '/': home(A(1)), [A(1)]: article('robots404', 'a') });
  await mk('robots500', { '/robots.txt': send('oops', 'text/plain', 500), '/': home(A(1)), [A(1)]: article('robots500', 'a') });
  await mk('robotsHang', { '/robots.txt': () => undefined, '/': home(A(1)), [A(1)]: article('robotsHang', 'a') });
  let n429 = 0;
  await mk('tooMany', {
    '/': home(A(1)),
    [A(1)]: (q, r) => (++n429 === 1 ? send('slow down', 'text/plain', 429, { 'retry-after': '1' })(q, r) : article('tooMany', 'a')(q, r)),
  });
  await mk('storm', { '/robots.txt': send('User-agent: *\nAllow: /\n', 'text/plain'), '/': send('down', 'text/plain', 500), '/sitemap.xml': send('down', 'text/plain', 503) });
  await mk('loop', { '/': home(A(1), A(2), A(3)), [A(1)]: send('', 'text/plain', 302, { location: A(2) }), [A(2)]: send('', 'text/plain', 301, { location: A(1) }), [A(3)]: send('', 'text/plain', 302, { location: A(3) + '#self' }) });
  await mk('bomb', {
    '/': home(A(1), A(2)),
    [A(1)]: (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      r.end(gzipBomb());
    },
    [A(2)]: article('bomb', 'ok'),
  });
  await mk('huge', {
    '/': home(A(1), A(2)),
    [A(1)]: (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      r.write('<html>');
    },
    [A(2)]: article('huge', 'ok'),
  });
  await mk('drip', {
    '/': home(A(1), A(2)),
    [A(1)]: (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => (r.destroyed ? clearInterval(t) : r.write(' ')), 100);
      r.on('close', () => clearInterval(t));
    },
    [A(2)]: article('drip', 'ok'),
  });
  await mk('reset', { '/': home(A(1), A(2)), [A(1)]: (q) => void q.socket.destroy(), [A(2)]: article('reset', 'ok') });
  // windows-1252 bytes, no charset in the header nor in the page; a feed in ISO-8859-1 declared in its XML prolog.
  const cp = iconv.encode(`<html><head><title>JKN Café</title></head><body><article><h1>JKN Café</h1><p>(charset) Kepesertaan JKN — “98 persen” — kata pengelola café BPJS Kesehatan di Klaten, dengan iuran ditanggung pemerintah daerah setempat.</p></article></body></html>`, 'windows-1252');
  await mk('charset', {
    '/': send(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head><body></body></html>`),
    '/feed': send(iconv.encode(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>JKN Caf\u00e9</title><link>${A(7)}</link></item></channel></rss>`, 'latin1'), 'application/xml'),
    [A(7)]: send(cp, 'text/html'),
  });
  await mk('malformed', {
    '/robots.txt': send('User-agent: *\nDisallow:\nSitemap: /broken-sitemap.xml\n', 'text/plain'),
    '/broken-sitemap.xml': send(`<?xml version="1.0"?><urlset><url><loc>${A(1)}</loc></url><url><loc>${A(2)}`, 'application/xml'),
    '/': send(`<html><head><link rel="alternate" type="application/atom+xml" href="/broken.atom"></head></html>`),
    '/broken.atom': send(`<feed><entry><title>JKN</title><link href="${A(3)}"/></entry><entry><title>`, 'application/atom+xml'),
    [A(1)]: article('malformed-1', 'a'),
    [A(2)]: article('malformed-2', 'b'),
    [A(3)]: article('malformed-3', 'c'),
  });

  store = openStore(join(tmp.dir, 'h.db'));
  runId = await store.startRun('crawl', {});
  const cfg = config(Object.values(S).map((s, i) => ({ name: Object.keys(S)[i], url: s.origin + '/' })), { defaults: { delaySeconds: 0.02 } });
  summary = await crawl({
    db: store.db,
    config: cfg,
    runId,
    allowPrivate: true,
    ingest: storeIngest(store, runId),
    fetch: { headersTimeoutMs: 1000, totalTimeoutMs: 1500, maxBytes: 5 * 1024 * 1024, maxDecodedBytes: 5 * 1024 * 1024 },
    backoffBaseMs: 20,
    maxHostDelayMs: 5_000,
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(S).map((s) => s.close()));
  await closeAgents();
  await store.close();
  tmp.cleanup();
});

const host = (name: string) => summary.hosts.find((h) => h.host === S[name].host)!;
const outcome = (name: string, path: string) =>
  store.db.prepare('SELECT state, outcome FROM crawl_frontier WHERE url = ?').get(S[name].origin + path) as { state: string; outcome: string } | undefined;
const storedText = (name: string, path: string) =>
  store.db.prepare('SELECT a.text FROM pages p JOIN articles a ON a.id = p.article_id WHERE p.url = ?').pluck().get(S[name].origin + path) as string | undefined;

describe('hostile servers', () => {
  it('robots.txt 404: everything allowed', () => {
    expect(outcome('robots404', A(1))?.outcome).toBe('ingested');
  });

  it('robots.txt 500 or timing out: host deferred, nothing but robots.txt requested, URLs kept queued', () => {
    for (const name of ['robots500', 'robotsHang']) {
      expect(S[name].hits.map((h) => h.path)).toEqual(['/robots.txt']);
      expect(host(name).deferred).toMatch(/robots\.txt/);
      expect(outcome(name, '/')?.state).toBe('queued');
    }
    expect(host('robotsHang').deferred).toMatch(/timeout/);
  });

  it('429 with Retry-After: waits what the server asked, then gets the page', () => {
    const hits = S.tooMany.hits.filter((h) => h.path === A(1));
    expect(hits).toHaveLength(2);
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(1000 - 100); // asked 1 s; the floor is 20 ms
    expect(outcome('tooMany', A(1))?.outcome).toBe('ingested');
  });

  it('a 500 storm defers the host after a few backed-off attempts', () => {
    expect(host('storm').deferred).toMatch(/failures in a row/);
    expect(S.storm.hits.length).toBeLessThanOrEqual(6);
    // Backoff grows after each failure: at least the jittered half of 20, 40, 80 ms... between the page requests.
    const pages = S.storm.hits.filter((h) => h.path !== '/robots.txt');
    expect(pages.at(-1)!.at - pages[0].at).toBeGreaterThanOrEqual(10 + 20 + 40 - 10);
  });

  it('redirect loops end: each URL fetched once', () => {
    const paths = S.loop.hits.map((h) => h.path);
    for (const p of [A(1), A(2), A(3)]) expect(paths.filter((x) => x === p)).toHaveLength(1);
    expect(outcome('loop', A(2))?.outcome).toBe('redirect');
    expect(outcome('loop', A(3))?.outcome).toBe('redirect');
  });

  it('gzip bomb and 50 MB page fail alone; the host goes on', () => {
    expect(outcome('bomb', A(1))).toEqual({ state: 'failed', outcome: 'decoded-too-large' });
    expect(outcome('bomb', A(2))?.outcome).toBe('ingested');
    expect(outcome('huge', A(1))).toEqual({ state: 'failed', outcome: 'too-large' });
    expect(outcome('huge', A(2))?.outcome).toBe('ingested');
  });

  it('slow drip and connection reset: retried with backoff, then failed; the host goes on', () => {
    expect(outcome('drip', A(1))).toMatchObject({ state: 'failed', outcome: 'timeout' });
    expect(S.drip.hits.filter((h) => h.path === A(1))).toHaveLength(3);
    expect(outcome('drip', A(2))?.outcome).toBe('ingested');
    expect(outcome('reset', A(1))).toMatchObject({ state: 'failed', outcome: 'network' });
    expect(outcome('reset', A(2))?.outcome).toBe('ingested');
  });

  it('wrong or missing charset: feed and page decoded right', () => {
    expect(outcome('charset', A(7))?.outcome).toBe('ingested');
    expect(storedText('charset', A(7))).toContain('“98 persen”');
    expect(store.db.prepare('SELECT title FROM crawl_frontier WHERE url = ?').pluck().get(S.charset.origin + A(7))).toBe('JKN Café');
  });

  it('malformed sitemap and feed: their links are salvaged', () => {
    for (const n of [1, 2, 3]) expect(outcome('malformed', A(n))?.outcome).toBe('ingested');
  });

  it('the politeness record holds over all of it', () => {
    const r = crawlReport(store.db);
    expect(r.totals.shortGaps).toBe(0);
    expect(r.totals.disallowedRequests).toBe(0);
  });
});
