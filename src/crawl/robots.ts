/**
 * robots.txt per RFC 9309, with robots-parser doing the matching (longest match wins, Allow on ties).
 *
 * Outcome of fetching `/robots.txt` (redirects followed, at most five):
 *  - 2xx: its rules, cached `ROBOTS_TTL_MS`; a file over `MAX_ROBOTS_BYTES` (500 KiB) is read up to there
 *    (§2.5) — the fetch stops reading at the cap — never refused as too large;
 *  - 4xx (429 excepted): "unavailable", everything allowed (§2.3.1.3);
 *  - 5xx, 429, timeout, network error: "unreachable", everything disallowed for now (§2.3.1.4), retried
 *    after `ROBOTS_ERROR_TTL_MS`.
 */
import robotsParserImport from 'robots-parser';
import { MAX_ROBOTS_BYTES, ROBOTS_AGENT, ROBOTS_ERROR_TTL_MS, ROBOTS_TTL_MS } from './config.ts';
import { FetchError, type FetchedPage } from './fetch.ts';

/** The part of robots-parser's Robot we use (its typings do not export it). */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// robots-parser is CommonJS whose typings claim an ES default export: take whichever shape arrives.
const robotsParser = ((robotsParserImport as unknown as { default?: unknown }).default ?? robotsParserImport) as (url: string, body: string) => Robot;

export type RobotsOutcome = 'rules' | 'allow-all' | 'disallow-all';

/** One host's robots.txt as fetched: what the fetch log and the report need to re-check decisions. */
export interface RobotsRecord {
  /** host[:port] */
  host: string;
  /** "https://a.id/robots.txt" */
  url: string;
  outcome: RobotsOutcome;
  /** HTTP status, null when no response came. */
  status: number | null;
  /** The robots.txt text ("" unless outcome is "rules"). */
  body: string;
  fetchedAt: number;
  expiresAt: number;
  /** Why it is allow-all/disallow-all ("HTTP 404", "timeout"). */
  note: string;
}

/** A parsed record: the questions the crawler asks. */
export interface RobotsRules {
  record: RobotsRecord;
  isAllowed(url: string): boolean;
  /** Crawl-delay for our agent (or `*`), in ms; null when none is given. */
  crawlDelayMs: number | null;
  sitemaps: string[];
}

/** Builds the rules from a record (also used by `crawl-report` to re-check logged requests). */
export function rulesOf(record: RobotsRecord, agent = ROBOTS_AGENT): RobotsRules {
  if (record.outcome !== 'rules') {
    const allow = record.outcome === 'allow-all';
    return { record, isAllowed: () => allow, crawlDelayMs: null, sitemaps: [] };
  }
  const robot = robotsParser(record.url, record.body);
  const delay = robot.getCrawlDelay(agent);
  return {
    record,
    // robots-parser answers undefined for another origin; a URL of another host is not ours to judge here.
    isAllowed: (url) => robot.isAllowed(url, agent) ?? true,
    crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? Math.round(delay * 1000) : null,
    sitemaps: robot.getSitemaps(),
  };
}

/** Fetches and classifies one origin's robots.txt through `get` (the host's polite queue). */
export async function fetchRobots(origin: string, get: (url: string) => Promise<FetchedPage>, now = Date.now): Promise<RobotsRecord> {
  const url = new URL('/robots.txt', origin).href;
  const host = new URL(origin).host;
  const base = { host, url, body: '', fetchedAt: now() };
  let page: FetchedPage;
  try {
    page = await get(url);
  } catch (err) {
    const why = err instanceof FetchError ? err.code : 'error';
    return { ...base, outcome: 'disallow-all', status: null, expiresAt: now() + ROBOTS_ERROR_TTL_MS, note: `unreachable (${why})` };
  }
  const s = page.status;
  if (s >= 200 && s < 300) {
    // RFC 9309 §2.5: a robots.txt over 500 KiB is parsed up to there (the fetch stops reading at the cap),
    // cut at the last whole line so no rule is read half.
    const cut = page.bytes.length > MAX_ROBOTS_BYTES || page.truncated;
    let head = page.bytes.subarray(0, MAX_ROBOTS_BYTES);
    if (cut) {
      const nl = head.lastIndexOf(0x0a);
      if (nl >= 0) head = head.subarray(0, nl + 1);
    }
    const body = head.toString('utf8');
    return { ...base, outcome: 'rules', status: s, body, expiresAt: now() + ROBOTS_TTL_MS, note: cut ? `HTTP ${s}; larger than ${MAX_ROBOTS_BYTES / 1024} KiB, the first ${MAX_ROBOTS_BYTES / 1024} KiB parsed (RFC 9309)` : `HTTP ${s}` };
  }
  if (s >= 400 && s < 500 && s !== 429) return { ...base, outcome: 'allow-all', status: s, expiresAt: now() + ROBOTS_TTL_MS, note: `HTTP ${s}: no robots.txt, all allowed` };
  return { ...base, outcome: 'disallow-all', status: s, expiresAt: now() + ROBOTS_ERROR_TTL_MS, note: `HTTP ${s}: unreachable, all disallowed for now` };
}
