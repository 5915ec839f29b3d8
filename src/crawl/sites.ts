/**
 * `data/sites.json`: the sites to crawl, their per-site overrides, and the relevance keywords.
 * Validated with zod; an error names the file and the field ("data/sites.json: sites[3].articlePattern: …").
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { valueMessage } from '../flag-errors.ts';

const Regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);
const HttpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** One site and its overrides. */
export const Site = z.strictObject({
  /** Short human name ("Antara Jawa Tengah"). */
  name: z.string().min(1),
  /** Home page; its host is the politeness key and the "same site" boundary. */
  url: HttpUrl,
  /** Province or region the site covers, for the reader of the config. */
  region: z.string().optional(),
  /** Extra sitemaps besides those robots.txt names (and `/sitemap.xml`, tried when robots names none). */
  sitemaps: z.array(HttpUrl).default([]),
  /** RSS/Atom feeds besides those autodiscovered from `<link rel="alternate">` on the home page. */
  feeds: z.array(HttpUrl).default([]),
  /** Section listing pages ("/kesehatan"): read to depth `maxListingDepth`. */
  sections: z.array(z.string().min(1)).default([]),
  /** Regular expression an article URL matches; the default heuristic (date in path, or long numeric id) otherwise. */
  articlePattern: Regex.optional(),
  /** Regular expression a listing URL (pagination, sub-section) must match to be followed from a section. */
  listingPattern: Regex.optional(),
  /** Floor between requests to this site, seconds (robots Crawl-delay still wins when larger). */
  delaySeconds: z.number().positive().max(3600).optional(),
  /** Requests in flight to this site. */
  concurrency: z.number().int().min(1).max(4).optional(),
  /** Depth of listing pages followed from a section seed. */
  maxListingDepth: z.number().int().min(0).max(5).optional(),
  /** Set false to keep a site in the file without crawling it. */
  enabled: z.boolean().default(true),
});
export type Site = z.infer<typeof Site>;

export const SitesConfig = z.strictObject({
  $comment: z.string().optional(),
  /** Overrides the crawler's User-Agent (keep a contact URL in it). */
  userAgent: z.string().min(1).optional(),
  /** Defaults for every site. */
  defaults: z
    .strictObject({
      delaySeconds: z.number().positive().max(3600).optional(),
      concurrency: z.number().int().min(1).max(4).optional(),
      maxListingDepth: z.number().int().min(0).max(5).optional(),
    })
    .default({}),
  relevance: z.strictObject({
    /** Words or phrases of which one must appear in the URL, title or summary (before fetch) and in the text (after). */
    keywords: z.array(z.string().min(2)).min(1),
    /** Words of a health section or topic ("kesehatan"): a link carrying one is fetched right after the keyword links. */
    healthWords: z.array(z.string().min(2)).default(['kesehatan']),
    /**
     * URL path segments of sections that are clearly another subject ("olahraga", "otomotif"): their links are
     * the only ones dropped unfetched (unless a keyword names JKN); every other link is ranked and fetched.
     */
    offTopicSections: z.array(z.string().min(2)).default([]),
  }),
  sites: z.array(Site),
});
export type SitesConfig = z.infer<typeof SitesConfig>;

/** A config error naming the file and the field. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(root)';
}

/** Validates parsed JSON; `name` is the file name used in messages. */
export function parseSites(json: unknown, name: string): SitesConfig {
  const r = SitesConfig.safeParse(json);
  if (!r.success) {
    // In our words (src/flag-errors.ts), never the validation library's ("Invalid input: expected number, received string").
    const lines = r.error.issues.map((i) => `${name}: ${formatPath(i.path)}: ${valueMessage(i, json)}`);
    throw new ConfigError(lines.join('\n'));
  }
  return r.data;
}

/** Reads and validates a sites file. */
export function loadSites(path: string): SitesConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`${path}: cannot read the file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseSites(json, path);
}
