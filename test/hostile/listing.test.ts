/**
 * Issue 12, point 1 in the crawl's main thread: a listing page's links were read with `cheerio.load`, which
 * on 1M tiny elements (8 MB) took 17 s and 1 GB. A page over `MAX_HTML_ELEMENTS` is now read by a streaming
 * scan (src/crawl/link-scan.ts) that gives the same answer without a tree; a sitemap over
 * `MAX_XML_ELEMENTS` is read by the pattern salvage instead of being parsed into objects.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHtmlLinks, parseSitemap } from '../../src/crawl/discover.ts';
import { scanHtmlLinks } from '../../src/crawl/link-scan.ts';

const CHILD = fileURLToPath(new URL('./tiny-elements.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../text/fixtures/', import.meta.url));

describe('listing pages too complex for a DOM', () => {
  it('the streaming scan gives the same feeds, canonical and links as the DOM path on real pages', () => {
    const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const f of pages) {
      const html = readFileSync(FIXTURES + f, 'utf8');
      const dom = parseHtmlLinks(html, 'https://berita.id/kanal/');
      expect(dom.links.length, f).toBeGreaterThan(50);
      expect(scanHtmlLinks(html, 'https://berita.id/kanal/'), f).toEqual(dom);
    }
  });

  it('<base>, feeds, canonical, anchors in scripts and noscript, mailto, duplicates, titles', () => {
    const html = `<html><head><base href="/sub/"><link rel="alternate" type="application/rss+xml" href="/feed"><link rel="canonical" href="/kanal"></head>
<body><a href="/berita/1">Berita <b>JKN</b>
 satu</a><a href="mailto:x@y.id">surat</a><a href="rel/2" title="Judul"> </a><script>var a = '<a href="/no">';</script><noscript><a href="/ns">ns</a></noscript><a href="/berita/1">lagi</a></body></html>`;
    const want = { feeds: ['https://berita.id/feed'], canonical: 'https://berita.id/kanal', links: [{ url: 'https://berita.id/berita/1', text: 'Berita JKN satu' }, { url: 'https://berita.id/sub/rel/2', text: 'Judul' }] };
    expect(scanHtmlLinks(html, 'https://berita.id/x')).toEqual(want);
    expect(parseHtmlLinks(html, 'https://berita.id/x')).toEqual(want);
  });

  it('a listing of 1M tiny elements: links read in a child process under 400 MB peak RSS', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, '1000000', 'listing'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { outcome: string; peakRssMiB: number };
    expect(m.outcome).toBe('links http://127.0.0.1/berita/2025/03/02/1/cakupan-jkn');
    expect(m.peakRssMiB).toBeLessThan(400);
  }, 150_000);

  it('a sitemap of 2.5M tiny elements (10 MB; took 470 MB and 6 s) is read by the pattern salvage, under 400 MB', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, '2500000', 'sitemap'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { outcome: string; peakRssMiB: number };
    expect(m.outcome).toBe('links http://127.0.0.1/berita/2025/03/02/1/cakupan-jkn');
    expect(m.peakRssMiB).toBeLessThan(400);
  }, 150_000);

  it('a real-sized sitemap (50 000 URLs) is still parsed whole, dates kept', () => {
    const xml = `<?xml version="1.0"?><urlset>${Array.from({ length: 50_000 }, (_, i) => `<url><loc>https://a.id/${i}</loc><lastmod>2025-01-01</lastmod></url>`).join('')}</urlset>`;
    const d = parseSitemap(xml, 'https://a.id/sitemap.xml');
    expect(d.malformed).toBe(false);
    expect(d.entries[0]).toMatchObject({ url: 'https://a.id/0', date: '2025-01-01' });
  });
});
