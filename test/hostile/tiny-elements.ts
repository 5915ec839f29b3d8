/**
 * Child process of the tiny-elements test and bench: builds a page of N tiny elements, runs the text stage
 * once, prints one JSON line with its time, its outcome and the process's peak RSS (so the figure is this
 * page's alone). `node --import tsx tiny-elements.ts <count> <tag>`; tag "listing" runs the crawler's link
 * extraction (src/crawl/discover.ts) on the same page instead, tag "sitemap" its sitemap reading.
 */
import { extractArticle, ArticleError } from '../../src/text/index.ts';

/** A news page with two real paragraphs, then `count` tiny `<tag>x</tag>` elements (tag "prose": `count` words of one paragraph). */
export function tinyElementsPage(count: number, tag: string): Buffer {
  const para = '<p>Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen, kata Kepala BPJS Kesehatan cabang Klaten hari ini.</p>';
  if (tag === 'prose') return Buffer.from(`<!doctype html><html><head><title>JKN Klaten</title></head><body><article>${para}<p>${'kata '.repeat(count)}</p></article></body></html>`);
  return Buffer.from(`<!doctype html><html><head><title>JKN Klaten</title></head><body><article>${para}${para}</article><div>${`<${tag}>x</${tag}>`.repeat(count)}</div></body></html>`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const count = Number(process.argv[2]);
  const tag = process.argv[3] ?? 'b';
  const bytes = tinyElementsPage(count, tag === 'listing' ? 'i' : tag);
  const t0 = performance.now();
  let outcome: string;
  let chars = 0;
  if (tag === 'sitemap') {
    // The crawler's sitemap reading (src/crawl/discover.ts) of `count` tiny elements around one real <url>.
    const { parseSitemap } = await import('../../src/crawl/discover.ts');
    const xml = `<?xml version="1.0"?><urlset>${'<x/>'.repeat(count)}<url><loc>http://127.0.0.1/berita/2025/03/02/1/cakupan-jkn</loc></url></urlset>`;
    const t = performance.now();
    const doc = parseSitemap(xml, 'http://127.0.0.1/sitemap.xml');
    process.stdout.write(JSON.stringify({ count, tag, bytes: xml.length, ms: performance.now() - t, outcome: `links ${doc.entries.map((e) => e.url).join(' ')}`, chars: 0, peakRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
    process.exit(0);
  }
  if (tag === 'listing') {
    // The crawler's link extraction of a listing page (src/crawl/discover.ts), not the text stage.
    const { parseHtmlLinks } = await import('../../src/crawl/discover.ts');
    const links = parseHtmlLinks(`${bytes.toString('utf8').replace('<article>', '<article><a href="/berita/2025/03/02/1/cakupan-jkn">Cakupan JKN</a>')}`, 'http://127.0.0.1/');
    process.stdout.write(JSON.stringify({ count, tag, bytes: bytes.length, ms: performance.now() - t0, outcome: `links ${links.links.map((l) => l.url).join(' ')}`, chars: 0, peakRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
    process.exit(0);
  }
  try {
    const a = extractArticle(bytes, { url: 'http://127.0.0.1/tiny' });
    outcome = a.method;
    chars = a.text.length;
  } catch (err) {
    outcome = err instanceof ArticleError ? err.code : `error: ${(err as Error).message}`;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ count, tag, bytes: bytes.length, ms, outcome, chars, peakRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}
