/**
 * The links of an HTML page read by a streaming scan (htmlparser2's `Parser`, no tree): memory is the links,
 * not the page. Used for listing pages too complex to build a DOM for (more than `MAX_HTML_ELEMENTS`, see
 * src/text/complexity.ts): `cheerio.load` of 1M tiny elements takes gigabytes on the crawl's main thread.
 * Same answer shape and rules as `parseHtmlLinks` (discover.ts): `<base href>`, `<link rel=alternate>` feeds,
 * `rel=canonical`, `a[href]` with its text (else its title), javascript:/mailto:/tel: skipped, each URL once,
 * at most `MAX_LINKS_PER_DOCUMENT`.
 */
import { Parser } from 'htmlparser2';
import { MAX_LINKS_PER_DOCUMENT } from './config.ts';
import type { HtmlLinks } from './discover.ts';

function resolve(u: string | null | undefined, base: string): string | null {
  if (!u) return null;
  try {
    return new URL(u, base).href;
  } catch {
    return null;
  }
}

const SKIP = new Set(['script', 'style', 'noscript', 'template']);

/** Links of `html`, read without a DOM. */
export function scanHtmlLinks(html: string, base: string): HtmlLinks {
  let baseHref: string | null = null;
  const feeds: string[] = [];
  let canonical: string | null = null;
  const raw: { href: string; title: string; text: string }[] = [];
  let open: { href: string; title: string; text: string; depth: number } | null = null;
  let depth = 0;
  let skip = 0; // inside <script>, <style>, <noscript> (a browser's parser reads noscript as text: no links)
  const parser = new Parser(
    {
      onopentag(name, a) {
        depth++;
        if (SKIP.has(name)) skip++;
        if (name === 'base' && a.href && baseHref === null) baseHref = a.href;
        else if (name === 'link') {
          const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
          if (rel.includes('alternate') && /rss|atom/i.test(a.type ?? '') && a.href) feeds.push(a.href);
          if (rel.includes('canonical') && a.href && canonical === null) canonical = a.href;
        } else if (name === 'a' && a.href !== undefined && !skip && raw.length < MAX_LINKS_PER_DOCUMENT * 4) {
          if (open) raw.push(open); // an <a> left open: it ends where the next begins
          open = { href: a.href, title: a.title ?? '', text: '', depth };
        }
      },
      ontext(t) {
        if (open && !skip && open.text.length < 2000) open.text += t;
      },
      onclosetag(name) {
        if (SKIP.has(name)) skip = Math.max(0, skip - 1);
        if (name === 'a' && open) {
          raw.push(open);
          open = null;
        }
        depth--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (open) raw.push(open);
  const b = resolve(baseHref, base) ?? base;
  const feedUrls: string[] = [];
  for (const f of feeds) {
    const u = resolve(f, b);
    if (u && !feedUrls.includes(u)) feedUrls.push(u);
  }
  const links: { url: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    if (links.length >= MAX_LINKS_PER_DOCUMENT) break;
    if (/^(javascript|mailto|tel):/i.test(r.href)) continue;
    const u = resolve(r.href, b);
    if (!u || seen.has(u)) continue;
    seen.add(u);
    links.push({ url: u, text: r.text.replace(/\s+/g, ' ').trim() || r.title });
  }
  return { feeds: feedUrls, canonical: resolve(canonical, b), links };
}
