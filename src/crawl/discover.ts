/**
 * Discovery: what links a document offers, with whatever it tells about them before fetching.
 *
 *  1. sitemaps (`<urlset>`, `<sitemapindex>`, Google News `news:publication_date`/`news:title`, `lastmod`);
 *  2. RSS 2.0, RSS 1.0 (RDF) and Atom feeds (title, summary, date);
 *  3. HTML: feeds autodiscovered from `<link rel="alternate">`, `rel=canonical`, and the page's links with
 *     their anchor text (section listing pages).
 *
 * Malformed XML is read leniently: when the parser gives up, `<loc>`/`<link>` elements are picked out with a
 * pattern, so one broken sitemap costs its metadata, not its links.
 */
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { dateInUrl } from './url.ts';
import { MAX_LINKS_PER_DOCUMENT } from './config.ts';
import { countElements } from '../text/complexity.ts';
import { MAX_HTML_ELEMENTS } from '../text/config.ts';
import { scanHtmlLinks } from './link-scan.ts';

/** A link found in a sitemap or feed, with what the document says about it. */
export interface Entry {
  url: string;
  title: string | null;
  summary: string | null;
  /** Publication date or lastmod as given (ISO 8601 or RFC 822), normalized to "YYYY-MM-DD" when readable. */
  date: string | null;
}

export interface SitemapDoc {
  kind: 'index' | 'urlset' | 'unknown';
  entries: Entry[];
  /** The document did not parse as XML; entries were picked out leniently. */
  malformed: boolean;
}

export interface FeedDoc {
  entries: Entry[];
  malformed: boolean;
}

export interface HtmlLinks {
  feeds: string[];
  canonical: string | null;
  links: { url: string; text: string }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  textNodeName: '#text',
  trimValues: true,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => ['url', 'sitemap', 'item', 'entry', 'link'].includes(name),
});

/** "2024-05-12T08:00:00+07:00", "Sun, 12 May 2024 08:00:00 +0700" -> "2024-05-12" (in the date's own zone when ISO). */
export function toDay(value: unknown): string | null {
  const s = text(value);
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const t = Date.parse(s);
  if (!Number.isFinite(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

function text(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('#text' in o) return text(o['#text']);
    if ('@_href' in o) return text(o['@_href']);
  }
  return null;
}

function stripTags(s: string | null): string | null {
  if (!s) return null;
  const t = s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}

function resolve(u: string | null, base: string): string | null {
  if (!u) return null;
  try {
    return new URL(u, base).href;
  } catch {
    return null;
  }
}

/**
 * Elements an XML document may have to be parsed into objects: a sitemap of 50 000 URLs with `lastmod` has
 * 150 001. A bigger one (2.5M tiny elements in 10 MB took 470 MB and 6 s of the crawl's main thread) is read
 * by the pattern salvage below, as a malformed one is. @default 250000
 */
export const MAX_XML_ELEMENTS = 250_000;

function parseXml(xml: string): Record<string, unknown> | null {
  if (countElements(xml) > MAX_XML_ELEMENTS) return null;
  try {
    const doc = parser.parse(xml, true) as Record<string, unknown>;
    return doc && typeof doc === 'object' ? doc : null;
  } catch {
    return null;
  }
}

/** Parses a sitemap or sitemap index. */
export function parseSitemap(xml: string, base: string): SitemapDoc {
  const doc = parseXml(xml);
  if (!doc) {
    const index = /<sitemapindex/i.test(xml);
    const entries: Entry[] = [];
    for (const m of xml.matchAll(/<loc>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)/gi)) {
      const url = resolve(m[1].replace(/&amp;/g, '&'), base);
      if (url) entries.push({ url, title: null, summary: null, date: dateInUrl(url) });
      if (entries.length >= MAX_LINKS_PER_DOCUMENT) break;
    }
    return { kind: index ? 'index' : entries.length ? 'urlset' : 'unknown', entries, malformed: true };
  }
  const idx = doc.sitemapindex as Record<string, unknown> | undefined;
  if (idx && typeof idx === 'object') {
    const entries = ((idx.sitemap as Record<string, unknown>[]) ?? [])
      .slice(0, MAX_LINKS_PER_DOCUMENT)
      .flatMap((s): Entry[] => {
        const url = resolve(text(s.loc), base);
        return url ? [{ url, title: null, summary: null, date: toDay(s.lastmod) }] : [];
      });
    return { kind: 'index', entries, malformed: false };
  }
  const set = doc.urlset as Record<string, unknown> | undefined;
  if (set && typeof set === 'object') {
    const entries: Entry[] = [];
    for (const u of ((set.url as Record<string, unknown>[]) ?? []).slice(0, MAX_LINKS_PER_DOCUMENT)) {
      const url = resolve(text(u.loc), base);
      if (!url) continue;
      const news = (Array.isArray(u.news) ? u.news[0] : u.news) as Record<string, unknown> | undefined;
      const date = toDay(news?.publication_date) ?? toDay(u.lastmod) ?? dateInUrl(url);
      const keywords = text(news?.keywords);
      entries.push({ url, title: text(news?.title), summary: keywords, date });
    }
    return { kind: 'urlset', entries, malformed: false };
  }
  return { kind: 'unknown', entries: [], malformed: true };
}

/** Parses RSS 2.0, RSS 1.0 (RDF) or Atom. */
export function parseFeed(xml: string, base: string): FeedDoc {
  const doc = parseXml(xml);
  if (!doc) {
    const entries: Entry[] = [];
    for (const m of xml.matchAll(/<link>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)|<link[^>]+href=["']([^"']+)["']/gi)) {
      const url = resolve((m[1] ?? m[2]).replace(/&amp;/g, '&'), base);
      if (url) entries.push({ url, title: null, summary: null, date: dateInUrl(url) });
      if (entries.length >= MAX_LINKS_PER_DOCUMENT) break;
    }
    return { entries, malformed: true };
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const channel = (rss?.channel ?? (doc.RDF as Record<string, unknown> | undefined)?.channel) as Record<string, unknown> | undefined;
  const items = ((rss ? (Array.isArray(channel) ? channel[0] : channel)?.item : (doc.RDF as Record<string, unknown> | undefined)?.item) ?? []) as Record<string, unknown>[];
  const entries: Entry[] = [];
  if (rss || doc.RDF) {
    for (const it of items.slice(0, MAX_LINKS_PER_DOCUMENT)) {
      const url = resolve(text(it.link) ?? text(it.guid), base);
      if (!url) continue;
      entries.push({
        url,
        title: stripTags(text(it.title)),
        summary: stripTags(text(it.description) ?? text(it.encoded)),
        date: toDay(it.pubDate) ?? toDay(it.date) ?? dateInUrl(url),
      });
    }
    return { entries, malformed: false };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed && typeof feed === 'object') {
    for (const e of ((feed.entry as Record<string, unknown>[]) ?? []).slice(0, MAX_LINKS_PER_DOCUMENT)) {
      const links = (e.link as Record<string, unknown>[]) ?? [];
      const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
      const url = resolve(text(alt?.['@_href']), base);
      if (!url) continue;
      entries.push({
        url,
        title: stripTags(text(e.title)),
        summary: stripTags(text(e.summary) ?? text(e.content)),
        date: toDay(e.published) ?? toDay(e.updated) ?? dateInUrl(url),
      });
    }
    return { entries, malformed: false };
  }
  return { entries: [], malformed: true };
}

/** Feeds, canonical and links of an HTML page. */
export function parseHtmlLinks(html: string, base: string): HtmlLinks {
  // A page of more elements than the text stage reads is scanned without a DOM (link-scan.ts): cheerio on
  // 1M tiny elements takes gigabytes of the crawl's main thread.
  if (countElements(html) > MAX_HTML_ELEMENTS) return scanHtmlLinks(html, base);
  const $ = cheerio.load(html);
  const baseHref = resolve($('base[href]').attr('href') ?? null, base) ?? base;
  const feeds: string[] = [];
  $('link[rel~="alternate"]').each((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase();
    if (/rss|atom/.test(type)) {
      const u = resolve($(el).attr('href') ?? null, baseHref);
      if (u && !feeds.includes(u)) feeds.push(u);
    }
  });
  const canonical = resolve($('link[rel~="canonical"]').attr('href') ?? null, baseHref);
  const links: { url: string; text: string }[] = [];
  const seen = new Set<string>();
  $('a[href]').each((_, el) => {
    if (links.length >= MAX_LINKS_PER_DOCUMENT) return false;
    const href = $(el).attr('href') ?? '';
    if (/^(javascript|mailto|tel):/i.test(href)) return;
    const u = resolve(href, baseHref);
    if (!u || seen.has(u)) return;
    seen.add(u);
    links.push({ url: u, text: $(el).text().replace(/\s+/g, ' ').trim() || ($(el).attr('title') ?? '') });
  });
  return { feeds, canonical, links };
}

/** Default article-URL heuristic: a date in the path, or a numeric id of 5+ digits next to a word slug. */
export function looksLikeArticle(url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  if (dateInUrl(url) && /[a-z]+-[a-z]+/i.test(path)) return true;
  return /\d{5,}/.test(path) && /[a-z]+-[a-z]+-[a-z]+/i.test(path);
}

/** True for URLs that are documents rather than pages (images, PDFs, archives). */
export function isAsset(url: string): boolean {
  return /\.(jpe?g|png|gif|webp|svg|ico|pdf|zip|rar|mp[34]|avi|mov|docx?|xlsx?|pptx?|css|js|json|woff2?)(\?|$)/i.test(url);
}
