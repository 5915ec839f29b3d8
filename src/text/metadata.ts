/**
 * Page metadata: title, publication date and time, author, site name, canonical URL, language and the next
 * page of a split article. Each field is a short cascade of sources, the most explicit first:
 * JSON-LD, then `<meta>` tags, then microdata and `<time>`, then visible text (Indonesian datelines such as
 * "Senin, 19 Mei 2025 10:30 WIB"), then the URL path.
 */
import { type AnyNode, type Dom, type Element, type ParentNode, textUpTo } from './dom.ts';
import { DAYS_SOURCE, MONTHS_SOURCE } from './boilerplate.ts';
import { DEFAULT_UTC_OFFSET_HOURS } from './config.ts';

/** Metadata read from one page. */
export interface PageMetadata {
  title: string | null;
  published: string | null;
  publishedAt: string | null;
  /** Where the date came from ("json-ld", "meta", "time", "dateline", "url"). */
  dateSource: string | null;
  author: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  nextPage: string | null;
}

const squeeze = (s: string | undefined | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Every object in the page's JSON-LD blocks, @graph flattened. Broken blocks are skipped. */
export function jsonLdObjects($: Dom): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim();
    if (!raw) return;
    let parsed: Json;
    try {
      parsed = JSON.parse(raw.replace(/^\s*\/\/.*$/gm, '').replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return;
    }
    const stack: Json[] = [parsed];
    while (stack.length && out.length < 200) {
      const x = stack.pop();
      if (Array.isArray(x)) stack.push(...x);
      else if (x && typeof x === 'object') {
        out.push(x);
        if (Array.isArray(x['@graph'])) stack.push(...x['@graph']);
      }
    }
  });
  return out;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|WebPage|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|SocialMediaPosting|Blog)$/;

function typeOf(o: Record<string, Json>): string[] {
  const t = o['@type'];
  return Array.isArray(t) ? t.map(String) : t ? [String(t)] : [];
}

function nameOf(x: Json | undefined): string | null {
  if (!x) return null;
  if (typeof x === 'string') return squeeze(x) || null;
  if (Array.isArray(x)) {
    const names = x.map(nameOf).filter((s): s is string => !!s);
    return names.length ? names.join(', ') : null;
  }
  if (typeof x === 'object') return nameOf(x.name as Json);
  return null;
}

/** The page's `<meta>` values by lower-cased property/name/itemprop, first occurrence wins; built once per page. */
const metaIndexes = new WeakMap<object, Map<string, string>>();

function metaIndex($: Dom): Map<string, string> {
  let idx = metaIndexes.get($.doc);
  if (idx) return idx;
  idx = new Map();
  $('meta').each((_, el) => {
    const a = (el as { attribs: Record<string, string> }).attribs;
    const content = a.content;
    if (!content || !content.trim()) return;
    for (const k of [a.property, a.name, a.itemprop, a['http-equiv']]) {
      if (k && !idx!.has(k.toLowerCase())) idx!.set(k.toLowerCase(), content);
    }
  });
  metaIndexes.set($.doc, idx);
  return idx;
}

function metaContent($: Dom, keys: string[]): string | null {
  const idx = metaIndex($);
  for (const k of keys) {
    const v = idx.get(k.toLowerCase());
    if (v) return squeeze(v);
  }
  return null;
}

// ---- dates -----------------------------------------------------------------------------------------------

const MONTH_NUMBER: Record<string, number> = {};
for (const [i, names] of [
  ['januari', 'january', 'jan'],
  ['februari', 'pebruari', 'february', 'feb'],
  ['maret', 'march', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'ags', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nopember', 'nov'],
  ['desember', 'december', 'des', 'dec'],
].entries()) {
  for (const n of names) MONTH_NUMBER[n] = i + 1;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A parsed date: the calendar day as the publisher wrote it, and the instant when a time is known. */
export interface PageDate {
  date: string;
  at: string | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;

/**
 * Parses a machine date ("2015-11-05T14:56:43+07:00", "2016-02-16 09:10:56", "2015-11-05 T10:08:58Z").
 * A UTC instant ("Z") is dated in `utcOffsetHours` (WIB for Indonesian pages): "T20:00Z" is the next day in Jakarta.
 */
export function parseMachineDate(s: string, utcOffsetHours: number | null): PageDate | null {
  const m = ISO.exec(s.trim());
  if (!m) {
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s.trim());
    if (compact) {
      const d = validDate(+compact[1], +compact[2], +compact[3]);
      return d ? { date: d, at: null } : null;
    }
    return null;
  }
  const date = validDate(+m[1], +m[2], +m[3]);
  if (!date) return null;
  if (m[4] === undefined) return { date, at: null };
  const time = `${pad(+m[4])}:${m[5]}:${m[6] ?? '00'}`;
  const tz = m[7] ? (m[7].toUpperCase() === 'Z' ? 'Z' : m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7]) : '';
  if (tz === 'Z' || tz === '+00:00') {
    const at = `${date}T${time}Z`;
    if (utcOffsetHours === null) return { date, at };
    const local = new Date(Date.parse(at) + utcOffsetHours * 3600_000);
    return { date: local.toISOString().slice(0, 10), at };
  }
  return { date, at: `${date}T${time}${tz}` };
}

const TZ_OFFSET: Record<string, string> = { wib: '+07:00', wita: '+08:00', wit: '+09:00' };

/** Indonesian and English written dates: "Senin, 19 Mei 2025 10:30 WIB", "5 November 2015 - 15:56 wib", "May 21, 2025". */
export const WRITTEN_DATE = new RegExp(
  `(?:\\b(?:${DAYS_SOURCE})\\s*,?\\s*)?(?:\\b(\\d{1,2})\\s+(${MONTHS_SOURCE})\\.?\\s+(\\d{4})|\\b(${MONTHS_SOURCE})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4}))(?:\\s*[,|/-]?\\s*(?:pukul|jam|at)?\\s*(\\d{1,2})[:.](\\d{2})(?:\\s*(wib|wita|wit))?)?`,
  'iu',
);

const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[,|-]?\s*(?:pukul\s*)?(\d{1,2})[:.](\d{2})(?:\s*(wib|wita|wit))?)?/i;

/** Parses the first written date in a string. */
export function parseWrittenDate(s: string): PageDate | null {
  const m = WRITTEN_DATE.exec(s);
  if (m) {
    const day = +(m[1] ?? m[5]);
    const month = MONTH_NUMBER[(m[2] ?? m[4]).toLowerCase()];
    const date = validDate(+(m[3] ?? m[6]), month, day);
    if (!date) return null;
    if (m[7] === undefined) return { date, at: null };
    const tz = m[9] ? TZ_OFFSET[m[9].toLowerCase()] : '';
    return { date, at: `${date}T${pad(+m[7])}:${m[8]}:00${tz}` };
  }
  const n = NUMERIC_DATE.exec(s);
  if (n) {
    const date = validDate(+n[3], +n[2], +n[1]);
    if (!date) return null;
    if (n[4] === undefined) return { date, at: null };
    const tz = n[6] ? TZ_OFFSET[n[6].toLowerCase()] : '';
    return { date, at: `${date}T${pad(+n[4])}:${n[5]}:00${tz}` };
  }
  return null;
}

/** A date in the URL path: /2025/05/19/, /20250519/, /2022/10/26/slug. */
export function dateFromUrl(url: string | undefined | null): PageDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/.exec(path) ?? /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4,})?(?:[/_.-]|$)/.exec(path);
  if (m) {
    const d = validDate(+m[1], +m[2], +m[3]);
    if (d) return { date: d, at: null };
  }
  const dmy = /\/(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\//.exec(path);
  if (dmy) {
    const d = validDate(+dmy[3], +dmy[2], +dmy[1]);
    if (d) return { date: d, at: null };
  }
  return null;
}

/** Elements whose class/id says "this is the date of the article". */
const DATE_HOLDER = '[class*=date i], [class*=time i], [class*=tanggal i], [class*=publish i], [class*=posted i], [id*=date i], [class*=meta i], [class*=byline i], [class*=tgl i], [class*=waktu i], [itemprop=datePublished]';

function findPublished($: Dom, ld: Record<string, Json>[], url: string | undefined, utcOffset: number | null, title: string | null): { d: PageDate; source: string } | null {
  for (const o of ld) {
    if (!typeOf(o).some((t) => ARTICLE_TYPES.test(t))) continue;
    for (const k of ['datePublished', 'dateCreated', 'uploadDate']) {
      const v = o[k];
      if (typeof v === 'string') {
        const d = parseMachineDate(v, utcOffset);
        if (d) return { d, source: 'json-ld' };
      }
    }
  }
  const meta = metaContent($, [
    'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
    'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.created', 'date', 'content_PublishedDate',
    'article_date_original', 'original-publish-date', 'release_date', 'dtm_publish_date',
  ]);
  if (meta) {
    const d = parseMachineDate(meta, utcOffset) ?? parseWrittenDate(meta);
    if (d) return { d, source: 'meta' };
  }
  const times = $('time[datetime], [itemprop=datePublished][datetime], [itemprop=datePublished][content]');
  for (let i = 0; i < Math.min(times.length, 5); i++) {
    const el = times.eq(i);
    const v = el.attr('datetime') ?? el.attr('content');
    if (!v) continue;
    const d = parseMachineDate(v, utcOffset) ?? parseWrittenDate(v);
    if (d) return { d, source: 'time' };
  }
  // A visible dateline next to the headline ("Rabu, 4 November 2015 | 21:04 WIB" under the h1/h2): the text
  // right after the headline first, then just before it. Not the header's "today" widget far above it.
  const headline = headlineElement($, title);
  if (headline && headline.length) {
    const anchor = headline[0];
    let region = anchor.parent;
    for (let up = 0; up < 3 && region; up++) {
      const d = datelineNear(region, anchor);
      if (d) return { d, source: 'dateline' };
      region = region.parent;
    }
  }
  const u = dateFromUrl(url);
  if (u) return { d: u, source: 'url' };
  const holders = $(DATE_HOLDER);
  for (let i = 0; i < Math.min(holders.length, 40); i++) {
    const t = squeeze(textUpTo(holders[i], 201));
    if (!t || t.length > 200) continue;
    const d = parseWrittenDate(t);
    if (d) return { d, source: 'dateline' };
  }
  return null;
}

/** A block of text longer than this is prose: its dates are events ("Selasa (27/1/2026)"), not the dateline. */
const PROSE_BLOCK_CHARS = 160;

/** A dateline that opens the first paragraph: "Manokwari, 24 April 2025 - Badan …". */
const LEAD_DATELINE = /^[\p{Lu}][\p{L} .,()]{1,40},\s*(\d{1,2}\s+\p{L}+\.?\s+\d{4})\s*[-–—(]/u;

/**
 * The publication date written next to the headline: in the short lines just after it (or just before it),
 * or as the lead-in of the first paragraph. Dates inside prose are event dates and are skipped.
 */
function datelineNear(region: AnyNode, anchor: AnyNode): PageDate | null {
  const segments: { text: string; prose: boolean; after: boolean }[] = [];
  let after = false;
  let afterChars = 0;
  const stack: AnyNode[] = [region];
  while (stack.length && afterChars < 1200) {
    const n = stack.pop() as AnyNode;
    if (n === anchor) {
      after = true;
      continue;
    }
    if (n.type === 'text') {
      const t = (n as unknown as { data: string }).data.replace(/\s+/g, ' ').trim();
      if (!t) continue;
      let block: AnyNode | null = n.parent;
      while (block && block.type === 'tag' && INLINE.has((block as Element).name)) block = block.parent;
      const prose = !!block && textUpTo(block, PROSE_BLOCK_CHARS + 1).replace(/\s+/g, ' ').length > PROSE_BLOCK_CHARS;
      segments.push({ text: t, prose, after });
      if (after) afterChars += t.length;
    } else if (n.type === 'tag' || n.type === 'root') {
      if (n.type === 'tag' && ((n as Element).name === 'script' || (n as Element).name === 'style')) continue;
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  const idx = segments.findIndex((x) => x.after);
  const afterSegs = idx >= 0 ? segments.slice(idx) : [];
  const beforeSegs = idx >= 0 ? segments.slice(Math.max(0, idx - 6), idx) : segments.slice(-6);
  for (const seg of afterSegs) {
    if (seg.prose) {
      const lead = LEAD_DATELINE.exec(seg.text);
      if (lead) return parseWrittenDate(lead[1]);
      break;
    }
    const d = parseDatelineText(seg.text);
    if (d) return d;
  }
  for (const seg of beforeSegs.reverse()) {
    if (seg.prose) continue;
    const d = parseDatelineText(seg.text);
    if (d) return d;
  }
  return null;
}

/** A short dateline: a written date ("Rabu, 4 November 2015"), or a numeric one only when a time follows ("20/03/2023, 11:58 WIB"). */
function parseDatelineText(t: string): PageDate | null {
  if (t.length > 200) return null;
  if (WRITTEN_DATE.test(t)) return parseWrittenDate(t);
  const n = NUMERIC_DATE.exec(t);
  return n && n[4] !== undefined ? parseWrittenDate(t) : null;
}

const INLINE = new Set(['a', 'span', 'strong', 'b', 'em', 'i', 'u', 'small', 'time', 'font', 'abbr', 'cite', 'mark', 'sup', 'sub']);

/** The h1/h2 whose text is the headline (a site logo in an h1 is not). */
function headlineElement($: Dom, title: string | null): ReturnType<Dom> | null {
  const want = title ? normalize(title) : '';
  const hs = $('h1, h2');
  for (let i = 0; i < Math.min(hs.length, 30); i++) {
    const h = hs.eq(i);
    const n = normalize(h.text());
    if (want && n && (n === want || (n.length > 10 && want.includes(n)) || (want.length > 10 && n.includes(want)))) return h;
  }
  const h1 = $('h1').first();
  return h1.length ? h1 : null;
}

// ---- title -----------------------------------------------------------------------------------------------

const TITLE_SEPARATOR = /\s+(?:\||-|–|—|::|»|·|•|:)\s+/;
const normalize = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Strips site-name segments from the end (and start) of a `<title>`: "Judul - Kompas.com" -> "Judul". */
export function stripSiteName(title: string, siteName: string | null, host: string | null): string {
  let t = squeeze(title);
  const site = siteName ? normalize(siteName) : '';
  const hostWord = host ? normalize(host.replace(/^www\./, '').split('.')[0]) : '';
  const looksLikeSite = (seg: string): boolean => {
    const n = normalize(seg);
    if (!n) return true;
    if (site && (n.includes(site) || site.includes(n))) return true;
    if (hostWord && n.replace(/ /g, '').includes(hostWord)) return true;
    return /\.(com|co|id|net|org|news)\b|\bonline\b|\bnews portal\b/i.test(seg);
  };
  for (let guard = 0; guard < 4; guard++) {
    const parts = t.split(TITLE_SEPARATOR);
    if (parts.length < 2) break;
    const last = parts[parts.length - 1];
    const rest = t.slice(0, t.length - last.length).replace(/\s+(?:\||-|–|—|::|»|·|•|:)\s+$/, '');
    const restWords = rest.split(/\s+/).length;
    if (looksLikeSite(last) || (last.split(/\s+/).length <= 2 && restWords >= 4 && /^\p{Lu}/u.test(last))) {
      t = rest;
      continue;
    }
    const first = parts[0];
    if (looksLikeSite(first) && parts.length >= 2) {
      t = t.slice(first.length).replace(/^\s+(?:\||-|–|—|::|»|·|•|:)\s+/, '');
      continue;
    }
    break;
  }
  return t;
}

function findTitle($: Dom, ld: Record<string, Json>[], siteName: string | null, host: string | null): string | null {
  const og = metaContent($, ['og:title', 'twitter:title']);
  const ldHeadline = ld.find((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t)) && typeof o.headline === 'string')?.headline as string | undefined;
  const docTitle = squeeze($('title').first().text());
  const h1s = $('h1')
    .slice(0, 4)
    .map((_, el) => squeeze($(el).text()))
    .get()
    .filter((s) => s.length >= 8);
  const known = [og, ldHeadline, docTitle].filter((s): s is string => !!s).map(normalize);
  // An h1 that the <title> or og:title repeats is the headline (not the site logo's h1).
  for (const h of h1s) {
    const n = normalize(h);
    if (n && known.some((k) => k.startsWith(n) || (n.length >= k.length * 0.6 && k.includes(n)))) return h;
  }
  for (const c of [ldHeadline, og, docTitle]) {
    if (c) {
      const s = stripSiteName(c, siteName, host);
      if (s) return s;
    }
  }
  return h1s[0] ?? null;
}

// ---- the rest --------------------------------------------------------------------------------------------

function resolveUrl(href: string | undefined, base: string | undefined): string | null {
  if (!href || !href.trim() || /^(javascript|mailto|#)/i.test(href.trim())) return null;
  try {
    return new URL(href.trim(), base).toString();
  } catch {
    return null;
  }
}

const NEXT_TEXT = /^(halaman\s*(selanjutnya|berikutnya|2|ii)|selanjutnya|berikutnya|next( page)?|lanjut(kan)?( membaca)?|›|»|>|page\s*2)$/i;
const ALL_TEXT = /^(tampilkan semua|lihat semua( halaman)?|baca (selengkapnya|semua)|show all|single page|satu halaman|tampilkan dalam satu halaman)$/i;

function findNextPage($: Dom, base: string | undefined): string | null {
  let all: string | null = null;
  let next: string | null = null;
  const relNext = $('link[rel=next], a[rel=next]').first().attr('href');
  for (const el of $('a[href]').toArray() as Element[]) {
    const raw = textUpTo(el, 80);
    if (raw.length > 79) continue;
    const t = squeeze(raw);
    if (!t || t.length > 40) continue;
    if (!all && ALL_TEXT.test(t)) all = resolveUrl(el.attribs.href, base);
    else if (!next && NEXT_TEXT.test(t)) next = resolveUrl(el.attribs.href, base);
  }
  const found = all ?? resolveUrl(relNext, base) ?? next;
  if (found && base && found.split('#')[0] === base.split('#')[0]) return null;
  return found;
}

/** Reads every metadata field of a page (before its furniture is removed). */
export function readMetadata($: Dom, givenUrl: string | undefined): PageMetadata {
  const ld = jsonLdObjects($);
  // A saved page read without its URL still names itself: its absolute canonical URL stands in.
  const declared = resolveUrl($('link[rel=canonical]').first().attr('href'), givenUrl) ?? resolveUrl(metaContent($, ['og:url']) ?? undefined, givenUrl);
  const url = givenUrl ?? (declared && /^https?:\/\//i.test(declared) ? declared : undefined);
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname : null;
  } catch {
    host = null;
  }
  const lang = squeeze($('html').attr('lang') ?? metaContent($, ['content-language', 'og:locale', 'language']) ?? '').replace('_', '-') || null;
  const publisher = ld.map((o) => nameOf(o.publisher)).find((s) => !!s) ?? null;
  const siteName = metaContent($, ['og:site_name', 'application-name']) ?? publisher ?? (host ? host.replace(/^www\./, '') : null);
  const indonesian = (lang ?? '').toLowerCase().startsWith('id') || (host ?? '').endsWith('.id');
  const title = findTitle($, ld, siteName, host);
  const pub = findPublished($, ld, url, indonesian || !lang ? DEFAULT_UTC_OFFSET_HOURS : null, title);
  const ldAuthor = ld.filter((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t))).map((o) => nameOf(o.author)).find((s) => !!s) ?? null;
  const metaAuthor = metaContent($, ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl']);
  const relAuthor = squeeze($('[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]').first().text()) || null;
  const author = ldAuthor ?? (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null) ?? relAuthor;
  const canonical = declared ?? url ?? null;
  return {
    title,
    published: pub?.d.date ?? null,
    publishedAt: pub?.d.at ?? null,
    dateSource: pub?.source ?? null,
    author: author ? author.replace(/^(oleh|by|penulis|reporter)\s*:?\s*/i, '').slice(0, 200) : null,
    siteName,
    canonicalUrl: canonical,
    lang,
    nextPage: findNextPage($, url),
  };
}
