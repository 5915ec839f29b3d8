/**
 * The relevance filter: is this coverage news? Before fetching, it reads what a link tells (URL slug,
 * title, summary from a feed or news sitemap, anchor text); after fetching, the article text. Keywords
 * come from `data/sites.json` (`relevance.keywords`), matched on word boundaries, case- and accent-blind,
 * with hyphens and underscores read as spaces ("pemkab-klaten-raih-uhc" matches "uhc").
 */

/** Folds text for matching: lower case, punctuation and URL separators to single spaces. */
export function foldForMatch(s: string): string {
  return ` ${s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

export interface Relevance {
  /** The first keyword found in any of the texts, or null. */
  match(...texts: (string | null | undefined)[]): string | null;
}

/** Builds a matcher from a keyword list; each keyword is folded the same way as the text. */
export function relevanceFilter(keywords: readonly string[]): Relevance {
  const folded = [...new Set(keywords.map((k) => foldForMatch(k)).filter((k) => k.trim()))].sort((a, b) => b.length - a.length);
  return {
    match(...texts) {
      const hay = texts.filter(Boolean).map((t) => foldForMatch(t as string)).join(' ');
      for (const k of folded) if (hay.includes(k)) return k.trim();
      return null;
    },
  };
}

/** Path and query of a URL, the part whose words say what the article is about. */
export function urlWords(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname + ' ' + u.search);
  } catch {
    return url;
  }
}

/**
 * Where a link stands in the fetch order, from what the link alone tells (URL, title, feed summary, anchor):
 *  1. `keyword`: a relevance keyword — fetched first;
 *  2. `region-or-health`: a region of the gazetteer or a health section word ("Dua Desa di Lombok Timur …",
 *     "/kesehatan/…") — next;
 *  3. `other`: nothing telling ("Sekdaprov Pimpin Rapat Forum Kemitraan" is a JKN story all the same) — after;
 *  4. `off-topic`: the URL puts it in a section that is clearly another subject ("/olahraga/…", "/otomotif/…")
 *     and no keyword says otherwise — the one case dropped unfetched.
 * Order, not admission: tiers 1–3 are all fetched within the date window and the host's page budget, and
 * what a page is about is judged on its text.
 */
export type LinkTier = 'keyword' | 'region-or-health' | 'other' | 'off-topic';

/**
 * Frontier priority of an article link by its tier (lower is fetched first; sitemaps and feeds are 0, listings
 * 2): keyword links before listings, the rest after them, so a listing's keyword links still come before a
 * sitemap's unremarkable ones.
 */
export const ARTICLE_PRIORITY = { keyword: 1, 'region-or-health': 3, other: 4 } as const;
/** Article rows at or above this priority were ranked low (crawl-report counts how many turned out relevant). */
export const RANKED_LOW_PRIORITY = ARTICLE_PRIORITY['region-or-health'];

export interface LinkRanker {
  rank(url: string, ...texts: (string | null | undefined)[]): LinkTier;
}

/** Longest region name, in words, looked up as an n-gram ("kepulauan siau tagulandang biaro"). */
const MAX_REGION_WORDS = 5;

/**
 * Builds a ranker. `regionNames` are bare names ("Lombok Timur", "Klaten") and aliases; `healthWords` mark a
 * health section or topic ("kesehatan"); `offTopicSections` are path segments of other subjects ("olahraga").
 */
export function linkRanker(o: { keywords: readonly string[]; regionNames: readonly string[]; healthWords: readonly string[]; offTopicSections: readonly string[] }): LinkRanker {
  const relevance = relevanceFilter(o.keywords);
  const regions = new Set(o.regionNames.map((n) => foldForMatch(n).trim()).filter((n) => n.length >= 3));
  const health = relevanceFilter(o.healthWords.length ? o.healthWords : ['kesehatan']);
  const offTopic = new Set(o.offTopicSections.map((s) => foldForMatch(s).trim().replace(/ /g, '-')));
  const hasRegion = (hay: string) => {
    const words = hay.trim().split(' ');
    for (let i = 0; i < words.length; i++) {
      let gram = '';
      for (let n = 0; n < MAX_REGION_WORDS && i + n < words.length; n++) {
        gram = n ? `${gram} ${words[i + n]}` : words[i + n]!;
        if (regions.has(gram)) return true;
      }
    }
    return false;
  };
  return {
    rank(url, ...texts) {
      const words = urlWords(url);
      if (relevance.match(words, ...texts)) return 'keyword';
      if (offTopic.size && sectionSegments(url).some((s) => offTopic.has(s))) return 'off-topic';
      if (health.match(words, ...texts)) return 'region-or-health';
      if (hasRegion([words, ...texts].filter(Boolean).map((t) => foldForMatch(t as string)).join(' '))) return 'region-or-health';
      return 'other';
    },
  };
}

/** The section part of a URL path: every segment but the last (the slug), folded, hyphen-joined ("/Sport/Liga-1/x" -> sport, liga-1). */
export function sectionSegments(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const segs = path.split('/').filter(Boolean);
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s; // "%E0%A4%A" is not a word anyway
    }
  };
  return segs.slice(0, -1).map((s) => foldForMatch(decode(s)).trim().replace(/ /g, '-'));
}
