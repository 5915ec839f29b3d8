/**
 * Every knob of the crawler: name, default, one-line reason. Per-site overrides live in `data/sites.json`;
 * CLI flags override both for one run.
 */

/** Honest User-Agent with a contact URL, so a webmaster can reach us instead of blocking us. */
export const USER_AGENT = 'cakupan/0.1 (+https://github.com/cakupan/cakupan; research crawler for JKN coverage news)';
/** The token matched against robots.txt `User-agent:` lines (the product name, per RFC 9309 §2.2.1). */
export const ROBOTS_AGENT = 'cakupan';

// ---- HTTP -------------------------------------------------------------------------------------
/** TCP+TLS connect timeout: a regional server that takes longer than this is down, not slow. @default 10 s */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Time to the response headers: beyond this the server is hanging. @default 20 s */
export const HEADERS_TIMEOUT_MS = 20_000;
/** Longest silence between two body chunks ("slow drip" servers). @default 15 s */
export const BODY_TIMEOUT_MS = 15_000;
/** Whole-response deadline: a drip of one byte every few seconds would never trip the idle timeout. @default 60 s */
export const TOTAL_TIMEOUT_MS = 60_000;
/** Largest body accepted on the wire: news pages are < 2 MB; a 50 MB "page" is a mistake or an attack. @default 10 MiB */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Largest body after gzip/brotli/deflate decoding: a 10 KB gzip bomb inflating to GBs stops here. @default 20 MiB */
export const MAX_DECODED_BYTES = 20 * 1024 * 1024;
/** Redirect hops followed (RFC 9309 asks at least five for robots.txt; browsers stop near 20). @default 5 */
export const MAX_REDIRECTS = 5;
/** Largest robots.txt read; RFC 9309 §2.5 requires parsing at least 500 KiB. @default 500 KiB */
export const MAX_ROBOTS_BYTES = 500 * 1024;

// ---- Politeness -------------------------------------------------------------------------------
/** Floor between two requests to one host when robots.txt gives no larger Crawl-delay. @default 2 s */
export const DELAY_FLOOR_MS = 2_000;
/** Requests in flight per host: one, as a person reading the site would. @default 1 */
export const HOST_CONCURRENCY = 1;
/** A Crawl-delay or Retry-After longer than this defers the host to a later run instead of waiting. @default 60 s */
export const MAX_HOST_DELAY_MS = 60_000;
/**
 * Longest deferral a Retry-After may ask ("Retry-After: 999999" is 11.6 days): a day, the longest RFC 9309
 * lets a robots.txt be cached, so the host is asked again — with one polite request — a day later at most.
 * `crawl-report` shows a capped deferral as such. @default 24 h
 */
export const MAX_RETRY_AFTER_MS = 24 * 3600_000;
/** First backoff after a 5xx or network error; doubled per consecutive failure, with jitter. @default 2 s */
export const BACKOFF_BASE_MS = 2_000;
/** Ceiling of the exponential backoff. @default 60 s */
export const BACKOFF_MAX_MS = 60_000;
/** Consecutive failures after which a host is deferred for this run (a 500 storm). @default 5 */
export const MAX_HOST_FAILURES = 5;
/** Attempts per URL before it is marked failed. @default 3 */
export const MAX_URL_ATTEMPTS = 3;
/** How long a fetched robots.txt is trusted (RFC 9309 §2.4: SHOULD NOT exceed 24 h). @default 24 h */
export const ROBOTS_TTL_MS = 24 * 3600_000;
/** How long an unreachable (5xx/timeout) robots.txt keeps the host disallowed before retrying. @default 10 min */
export const ROBOTS_ERROR_TTL_MS = 10 * 60_000;

// ---- Frontier ---------------------------------------------------------------------------------
/** A leased URL whose worker died (SIGKILL) becomes fetchable again after this. @default 2 min */
export const LEASE_MS = 2 * 60_000;
/**
 * A worker's hold on a host (`cakupan worker`): renewed every third of it while the host is worked, so a dead
 * worker's host waits at most this long before another takes it; long enough that a busy machine's stall never
 * loses it. @default 30 s
 */
export const HOST_LEASE_MS = 30_000;
/**
 * Requests to one host per run (`--max-pages-per-host`): a regional paper publishes up to ~150 stories a day, so a
 * month is ~4,500 articles plus its sitemaps and listings; links are fetched best-ranked first, so a smaller
 * budget drops the least promising. @default 5000
 */
export const MAX_PAGES_PER_HOST = 5_000;
/** Depth of section/listing pages followed from a section seed (0 = the seed only). @default 1 */
export const MAX_LISTING_DEPTH = 1;
/** Listing pages fetched per site per run, whatever the depth: sections must not become a site crawl. @default 30 */
export const MAX_LISTINGS_PER_SITE = 30;
/** Sitemap documents (indexes included) read per site per run. @default 20 */
export const MAX_SITEMAPS_PER_SITE = 20;
/** Child sitemaps of an index taken, newest first by lastmod. @default 5 */
export const MAX_CHILD_SITEMAPS = 5;
/** Links read from one sitemap or feed (a sitemap may hold 50 000). @default 5000 */
export const MAX_LINKS_PER_DOCUMENT = 5_000;
/** Sitemaps, feeds and sections are re-read after this (conditional GET makes it cheap). @default 1 h */
export const REFRESH_SEEDS_AFTER_MS = 3600_000;

// ---- CPU --------------------------------------------------------------------------------------
/** Worker threads for the text stage when the crawl is fast enough to need them (see below). @default 1 */
export const EXTRACT_WORKERS = 1;
/**
 * Allowed request rate (sum over hosts of 1 / delay) from which the text stage moves to worker threads:
 * below it the main thread has time to spare and a worker would only cost ~50–90 MB of memory. @default 20 req/s
 */
export const EXTRACT_WORKERS_FROM_RATE = 20;

// ---- Records ----------------------------------------------------------------------------------
/** Fetch-log rows are written in batches at least this often: one commit per request would cost more than the request. @default 100 ms */
export const LOG_FLUSH_MS = 100;
/** ... or when this many are waiting. @default 200 */
export const LOG_FLUSH_ROWS = 200;
/** Articles of one host being extracted and stored while its next request goes out; more would only pile up in memory. @default 4 */
export const MAX_PENDING_ARTICLES = 4;
/** Young-generation size of an extraction worker: pages are small and short-lived, and V8's default lets it grow to ~48 MB of resident garbage. @default 8 MB */
export const WORKER_YOUNG_GENERATION_MB = 8;
/** During a fast crawl (worker threads on), WAL checkpoints run from a worker this often instead of inside the main thread's commits. @default 1 s */
export const CHECKPOINT_EVERY_MS = 1_000;
/** Old-generation cap of an extraction worker: it keeps V8 from hoarding garbage; a page too big for it kills the worker, which is restarted. @default 96 MB */
export const WORKER_OLD_GENERATION_MB = 96;
/** Extraction workers restarted after dying, per crawl. @default 5 */
export const MAX_WORKER_RESPAWNS = 5;
/** Main-thread heap above which the crawl runs a full collection (see memory.ts): about twice the live heap. @default 64 MB */
export const MAIN_HEAP_SOFT_LIMIT_MB = 64;
/** How often the heap guard looks. @default 1 s */
export const HEAP_CHECK_MS = 1_000;
