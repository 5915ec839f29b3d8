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
