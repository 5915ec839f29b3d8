/**
 * URL canonicalization: one frontier row per article, however the link was written.
 *
 *  - scheme and host lower-cased, default port and fragment dropped, `www.` kept (sites differ);
 *  - tracking parameters dropped (`utm_*`, `fbclid`, `gclid`, …), the rest sorted;
 *  - AMP and mobile variants folded: `m.`/`amp.`/`mobile.` host prefixes, `/amp` path segments,
 *    `?amp`, `?amp=1`, `?outputType=amp`, `?page=all` kept (it is the whole article);
 *  - `rel=canonical` (same site only) is applied by the crawler after fetching, through `canonicalize`.
 */

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|igshid|ref_src)$/i;
const AMP_PARAM = /^(amp|outputtype|_amp|amp_js_v|usqp)$/i;
const MOBILE_HOST = /^(m|amp|mobile)\./i;

/** The canonical form of `raw` (resolved against `base`), or null when it is not an http(s) URL. */
export function canonicalize(raw: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  let host = u.hostname.toLowerCase().replace(/\.$/, '');
  // "m.detik.com" and "amp.kompas.com" are the same articles as the desktop host.
  if (MOBILE_HOST.test(host) && host.split('.').length > 2) host = host.replace(MOBILE_HOST, '');
  u.hostname = host;
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';

  // "/amp/berita/1" , "/berita/1/amp", "/berita/1.amp"
  let path = u.pathname.replace(/\/{2,}/g, '/');
  path = path.replace(/^\/amp(?=\/)/i, '').replace(/\/amp\/?$/i, '/').replace(/\.amp$/i, '');
  if (path.length > 1 && path.endsWith('/') && /\/[^/]+\.[a-z0-9]{2,5}\/$/i.test(path)) path = path.slice(0, -1);
  u.pathname = path || '/';

  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k) && !AMP_PARAM.test(k));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  return u.href;
}

/** The politeness key: host plus explicit port ("a.id", "127.0.0.1:8081"). */
export function hostKey(url: string): string {
  return new URL(url).host.toLowerCase();
}

/** Host without port and without the mobile/AMP prefix, for "same site" tests. */
export function siteHost(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(MOBILE_HOST, '');
}

/** True when `url` belongs to the site rooted at `siteUrl` (same host, or a subdomain of it). */
export function sameSite(url: string, siteUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(siteUrl);
    if (a.port !== b.port) return false;
    const ha = siteHost(url).replace(/^www\./, '');
    const hb = siteHost(siteUrl).replace(/^www\./, '');
    return ha === hb || ha.endsWith('.' + hb);
  } catch {
    return false;
  }
}

/** "2024/05/12", "2024-05-12" or "20240512" in a news URL path, as "YYYY-MM-DD". */
export function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /\/(20\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$)/.exec(path) ?? /[/-](20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{0,8}[/-]|$)/.exec(path);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * Query parameters that only defeat caches ("?v=1733112233", "?_=…", "?nocache=1", "?t=…"). On a sitemap URL
 * they never name another document: a sitemap index that lists itself with a fresh one each time would
 * otherwise be read again and again and spend the page budget.
 */
const CACHE_BUSTING = /^(_|v|ver|version|t|ts|time|timestamp|cb|cachebust|cachebuster|cache_buster|nocache|no_cache|nc|rnd|rand|random|nonce)$/i;

/** `canonicalize` for sitemap URLs: cache-busting parameters dropped too (see CACHE_BUSTING). */
export function canonicalizeSitemap(raw: string, base?: string): string | null {
  const c = canonicalize(raw, base);
  if (!c) return null;
  const u = new URL(c);
  if (![...u.searchParams.keys()].some((k) => CACHE_BUSTING.test(k))) return c;
  const kept = [...u.searchParams.entries()].filter(([k]) => !CACHE_BUSTING.test(k));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  return u.href;
}
