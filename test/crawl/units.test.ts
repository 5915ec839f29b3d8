import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalize, dateInUrl, sameSite } from '../../src/crawl/url.ts';
import { looksLikeArticle, parseFeed, parseHtmlLinks, parseSitemap } from '../../src/crawl/discover.ts';
import { relevanceFilter } from '../../src/crawl/relevance.ts';
import { rulesOf, type RobotsRecord } from '../../src/crawl/robots.ts';
import { HostGate, parseRetryAfter } from '../../src/crawl/politeness.ts';
import { ConfigError, loadSites, parseSites } from '../../src/crawl/sites.ts';
import { decodeDocument } from '../../src/crawl/charset.ts';
import iconv from 'iconv-lite';

describe('canonicalize', () => {
  const cases: [string, string][] = [
    ['HTTPS://Jateng.AntaraNews.com:443/berita/123/judul#komentar', 'https://jateng.antaranews.com/berita/123/judul'],
    ['https://a.id/b?utm_source=fb&utm_medium=x&id=2&fbclid=9', 'https://a.id/b?id=2'],
    ['https://a.id/b?z=1&a=2', 'https://a.id/b?a=2&z=1'],
    ['https://m.tribunnews.com/2024/05/12/berita-jkn', 'https://tribunnews.com/2024/05/12/berita-jkn'],
    ['https://amp.kompas.com/regional/read/2024/05/12/uhc', 'https://kompas.com/regional/read/2024/05/12/uhc'],
    ['https://a.id/amp/berita/1/uhc-klaten', 'https://a.id/berita/1/uhc-klaten'],
    ['https://a.id/berita/1/uhc-klaten/amp', 'https://a.id/berita/1/uhc-klaten/'],
    ['https://a.id/berita/1/uhc?amp=1', 'https://a.id/berita/1/uhc'],
    ['https://a.id/read/1?page=all&utm_campaign=x', 'https://a.id/read/1?page=all'],
  ];
  for (const [raw, want] of cases) it(raw, () => expect(canonicalize(raw)).toBe(want));
  it('resolves relative links and rejects other schemes', () => {
    expect(canonicalize('../x', 'https://a.id/a/b/c')).toBe('https://a.id/a/x');
    expect(canonicalize('mailto:x@a.id')).toBeNull();
    expect(canonicalize('javascript:void(0)')).toBeNull();
  });
  it('keeps the port (a port is a host in tests)', () => expect(canonicalize('http://127.0.0.1:8081/a')).toBe('http://127.0.0.1:8081/a'));
  it('same site and URL dates', () => {
    expect(sameSite('https://www.a.id/x', 'https://a.id/')).toBe(true);
    expect(sameSite('https://jateng.a.id/x', 'https://a.id/')).toBe(true);
    expect(sameSite('https://b.id/x', 'https://a.id/')).toBe(false);
    expect(sameSite('http://127.0.0.1:2/x', 'http://127.0.0.1:1/')).toBe(false);
    expect(dateInUrl('https://a.id/2024/05/12/uhc-klaten')).toBe('2024-05-12');
    expect(dateInUrl('https://a.id/read/20240512083000-1/x')).toBe('2024-05-12');
    expect(dateInUrl('https://a.id/berita/123')).toBeNull();
  });
});

describe('discovery parsers', () => {
  it('reads a news sitemap with publication dates and titles', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://a.id/berita/1/uhc</loc><news:news><news:publication><news:name>A</news:name><news:language>id</news:language></news:publication>
<news:publication_date>2024-05-12T08:00:00+07:00</news:publication_date><news:title>Klaten raih UHC</news:title></news:news></url>
<url><loc>https://a.id/berita/2/bola</loc><lastmod>2023-01-02</lastmod></url></urlset>`;
    const doc = parseSitemap(xml, 'https://a.id/sitemap.xml');
    expect(doc.kind).toBe('urlset');
    expect(doc.entries).toEqual([
      { url: 'https://a.id/berita/1/uhc', title: 'Klaten raih UHC', summary: null, date: '2024-05-12' },
      { url: 'https://a.id/berita/2/bola', title: null, summary: null, date: '2023-01-02' },
    ]);
  });
  it('reads a sitemap index', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/s1.xml</loc><lastmod>2024-01-01</lastmod></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>`;
    const doc = parseSitemap(xml, 'https://a.id/sitemap.xml');
    expect(doc.kind).toBe('index');
    expect(doc.entries.map((e) => e.url)).toEqual(['https://a.id/s1.xml', 'https://a.id/s2.xml']);
  });
  it('salvages links from a malformed sitemap and reports it', () => {
    const doc = parseSitemap('<urlset><url><loc>https://a.id/berita/1/x</loc></url><url><loc>https://a.id/berita/2/y</loc>', 'https://a.id/');
    expect(doc.malformed).toBe(true);
    expect(doc.entries.map((e) => e.url)).toEqual(['https://a.id/berita/1/x', 'https://a.id/berita/2/y']);
    expect(parseSitemap('<html>not a sitemap</html>', 'https://a.id/').entries).toEqual([]);
  });
  it('reads RSS and Atom', () => {
    const rss = `<rss version="2.0"><channel><title>A</title><item><title>BPJS Kesehatan Klaten</title><link>https://a.id/berita/3/bpjs</link>
<description><![CDATA[<p>Cakupan <b>JKN</b> naik</p>]]></description><pubDate>Sun, 12 May 2024 08:00:00 +0700</pubDate></item></channel></rss>`;
    expect(parseFeed(rss, 'https://a.id/rss').entries).toEqual([
      { url: 'https://a.id/berita/3/bpjs', title: 'BPJS Kesehatan Klaten', summary: 'Cakupan JKN naik', date: '2024-05-12' },
    ]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>UHC</title><link rel="alternate" href="/berita/4/uhc"/><updated>2024-06-01T00:00:00Z</updated><summary>s</summary></entry></feed>`;
    expect(parseFeed(atom, 'https://a.id/atom').entries).toEqual([{ url: 'https://a.id/berita/4/uhc', title: 'UHC', summary: 's', date: '2024-06-01' }]);
  });
  it('autodiscovers feeds and reads links with anchor text', () => {
    const html = `<html><head><link rel="alternate" type="application/rss+xml" href="/rss"><link rel="canonical" href="https://a.id/k"></head>
<body><a href="/berita/5/jkn-klaten">JKN di Klaten</a><a href="mailto:x@a.id">m</a></body></html>`;
    const r = parseHtmlLinks(html, 'https://a.id/k?x=1');
    expect(r.feeds).toEqual(['https://a.id/rss']);
    expect(r.canonical).toBe('https://a.id/k');
    expect(r.links).toEqual([{ url: 'https://a.id/berita/5/jkn-klaten', text: 'JKN di Klaten' }]);
  });
  it('guesses article URLs', () => {
    expect(looksLikeArticle('https://a.id/2024/05/12/pemkab-klaten-raih-uhc')).toBe(true);
    expect(looksLikeArticle('https://a.id/berita/123456/pemkab-klaten-raih-uhc')).toBe(true);
    expect(looksLikeArticle('https://a.id/kesehatan')).toBe(false);
  });
});

describe('relevance', () => {
  const r = relevanceFilter(['JKN', 'BPJS Kesehatan', 'UHC', 'kepesertaan', 'KIS']);
  it('matches words in slugs, titles and text', () => {
    expect(r.match('https://a.id/2024/05/12/pemkab-klaten-raih-uhc')).toBe('uhc');
    expect(r.match(null, 'Kepesertaan JKN Capai 98 Persen')).not.toBeNull();
    expect(r.match('Layanan BPJS-Kesehatan')).toBe('bpjs kesehatan');
  });
  it('does not match inside other words', () => {
    expect(r.match('kisah sukses petani')).toBeNull(); // "kis" inside "kisah"
    expect(r.match('https://a.id/olahraga/persis-solo-menang')).toBeNull();
  });
});

describe('robots rules', () => {
  const rec = (body: string, outcome: RobotsRecord['outcome'] = 'rules'): RobotsRecord => ({
    host: 'a.id', url: 'https://a.id/robots.txt', outcome, status: 200, body, fetchedAt: 0, expiresAt: 1, note: '',
  });
  it('applies the most specific group and the longest match', () => {
    const r = rulesOf(rec('User-agent: *\nDisallow: /\n\nUser-agent: cakupan\nDisallow: /admin\nAllow: /admin/berita\nCrawl-delay: 7\nSitemap: https://a.id/s.xml\n'));
    expect(r.isAllowed('https://a.id/berita/1')).toBe(true);
    expect(r.isAllowed('https://a.id/admin/x')).toBe(false);
    expect(r.isAllowed('https://a.id/admin/berita/2')).toBe(true);
    expect(r.crawlDelayMs).toBe(7000);
    expect(r.sitemaps).toEqual(['https://a.id/s.xml']);
  });
  it('allow-all and disallow-all outcomes', () => {
    expect(rulesOf(rec('', 'allow-all')).isAllowed('https://a.id/x')).toBe(true);
    expect(rulesOf(rec('', 'disallow-all')).isAllowed('https://a.id/x')).toBe(false);
  });
});

describe('politeness gate', () => {
  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(parseRetryAfter('soon')).toBeNull();
  });
  it('spaces request starts by the delay and runs one at a time', async () => {
    const gate = new HostGate('a.id', { floorMs: 30 });
    const starts: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    await Promise.all(
      [1, 2, 3, 4].map(() =>
        gate.run(async (slot) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          starts.push(slot.startedAt);
          await new Promise((r) => setTimeout(r, 5));
          inFlight--;
        }),
      ),
    );
    expect(maxInFlight).toBe(1);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(30);
  });
  it('uses the larger of Crawl-delay and floor, defers a host asking too much', () => {
    const gate = new HostGate('a.id', { floorMs: 1000, maxDelayMs: 60_000 });
    gate.setCrawlDelay(5000);
    expect(gate.delayMs).toBe(5000);
    gate.setCrawlDelay(200);
    expect(gate.delayMs).toBe(1000);
    gate.setCrawlDelay(3600_000);
    expect(gate.deferred?.reason).toMatch(/Crawl-delay 3600 s/);
  });
  it('honours Retry-After and backs off exponentially with jitter', () => {
    const gate = new HostGate('a.id', { floorMs: 10, backoffBaseMs: 1000, random: () => 1 });
    const t0 = Date.now();
    gate.onResponse(429, '3');
    expect(gate.backoffUntil - t0).toBeGreaterThanOrEqual(3000);
    const g2 = new HostGate('b.id', { floorMs: 10, backoffBaseMs: 1000, maxFailures: 3, random: () => 1 });
    g2.onResponse(500);
    const b1 = g2.backoffUntil - Date.now();
    g2.onResponse(502);
    const b2 = g2.backoffUntil - Date.now();
    expect(b1).toBeGreaterThan(900);
    expect(b2).toBeGreaterThan(1900);
    expect(g2.deferred).toBeNull();
    g2.onFailure('ECONNRESET');
    expect(g2.deferred?.reason).toMatch(/3 failures/);
    const g3 = new HostGate('c.id', { floorMs: 10, maxDelayMs: 60_000 });
    g3.onResponse(503, '86400');
    expect(g3.deferred?.reason).toMatch(/Retry-After 86400 s/);
  });
});

describe('sites.json', () => {
  it('the shipped file is valid', () => {
    const cfg = loadSites('data/sites.json');
    expect(cfg.sites.length).toBeGreaterThanOrEqual(15);
    expect(cfg.relevance.keywords).toContain('BPJS');
  });
  it('errors name the field', () => {
    const base = JSON.parse(readFileSync('data/sites.json', 'utf8'));
    base.sites[2].articlePattern = '([';
    base.sites[4].url = 'ftp://x';
    base.sites[5].delaySecs = 3;
    let msg = '';
    try {
      parseSites(base, 'sites.json');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      msg = (err as Error).message;
    }
    expect(msg).toContain('sites.json: sites[2].articlePattern: not a valid regular expression');
    expect(msg).toContain('sites[4].url');
    expect(msg).toMatch(/sites\[5\].*delaySecs/);
  });
});

describe('charset', () => {
  const word = 'Kepesertaan naik — “98 persen”';
  it('header, meta, BOM, detection', () => {
    const cp = iconv.encode(`<html><p>${word} café</p></html>`, 'windows-1252');
    expect(decodeDocument(cp, 'text/html; charset=windows-1252').text).toContain('café');
    const withMeta = Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), iconv.encode('<p>café</p>', 'latin1')]);
    expect(decodeDocument(withMeta, 'text/html').text).toContain('café');
    expect(decodeDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(word)])).text).toBe(word);
    // Declared UTF-8, really windows-1252: detection takes over instead of producing U+FFFD.
    const lying = iconv.encode(`<p>Pemerintah daerah menanggung iuran peserta — “café” ${'kata '.repeat(40)}</p>`, 'windows-1252');
    expect(decodeDocument(lying, 'text/html; charset=utf-8').text).not.toContain('\uFFFD');
  });
});

describe('extraction pool', () => {
  it('a worker thread and the inline path give the same answer', async () => {
    const page = Buffer.from('<html><head><title>BPJS Kesehatan Klaten</title></head><body><article><p>Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen dari jumlah penduduk, kata Kepala BPJS Kesehatan Klaten.</p></article></body></html>');
    const other = Buffer.from('<html><body><article><p>Pertandingan sepak bola antarkampung berlangsung meriah dan ditonton ribuan warga desa.</p></article></body></html>');
    const { ExtractPool } = await import('../../src/crawl/extract-pool.ts');
    const answers = [];
    for (const size of [0, 1]) {
      const pool = new ExtractPool(['JKN', 'BPJS'], size);
      const job = (bytes: Buffer) => pool.run({ url: 'http://a.id/berita/1', contentType: 'text/html', bytes });
      const [a, b] = await Promise.all([job(page), job(other)]);
      await pool.close();
      answers.push({ a: [a.keyword, a.textHash, a.article?.text], b: [b.keyword, b.textHash, b.article?.text] });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0].a[0]).toBe('bpjs');
    expect(answers[0].a[2]).toContain('98,77 persen');
    expect(answers[0].b[0]).toBeNull();
    expect(answers[0].b[2]).toBe(''); // an irrelevant text is not sent back
    expect(answers[0].b[1]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('extraction pool failures', () => {
  it('a worker that dies fails its jobs and is replaced', async () => {
    const { ExtractPool } = await import('../../src/crawl/extract-pool.ts');
    const pool = new ExtractPool(['JKN'], 1);
    const bytes = Buffer.from('<html><body><article><p>Cakupan kepesertaan JKN di Kabupaten Klaten naik menjadi 98 persen tahun ini.</p></article></body></html>');
    const job = () => pool.run({ url: 'http://a.id/berita/1', contentType: 'text/html', bytes });
    await pool.warm();
    // A big page keeps the worker busy long enough to be killed under it.
    const big = Buffer.from(`<html><body>${'<p>Cakupan kepesertaan JKN di Kabupaten Klaten naik menjadi 98 persen tahun ini.</p>'.repeat(40_000)}</body></html>`);
    const inFlight = pool.run({ url: 'http://a.id/berita/2', contentType: 'text/html', bytes: big });
    // Kill the worker under the job, as an out-of-memory abort would.
    await (pool as unknown as { workers: { terminate(): Promise<number> }[] }).workers[0].terminate();
    await expect(inFlight).rejects.toThrow(/extraction worker died/);
    const after = await job();
    expect(after.keyword).toBe('jkn');
    expect((pool as unknown as { workers: unknown[] }).workers).toHaveLength(1);
    await pool.close();
  });
});
