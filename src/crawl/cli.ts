/**
 * `cakupan crawl` and `cakupan crawl-report`: thin wrappers over `crawl()` and `crawlReport()`.
 */
import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { flagMessage } from '../flag-errors.ts';
import type { CoverageStore, SqliteStore } from '../store/index.ts';
import { DB_ENV } from '../store/config.ts';
import { defaultDbPath, resolveDb } from '../store/location.ts';
import type { SourceDocument, ArticleExtraction } from '../store/index.ts';
import type { CrawlProgress, CrawlSummary, Ingest, IngestPage } from './crawler.ts';
import { ConfigError, loadSites, Site, type SitesConfig } from './sites.ts';
import { hostKey } from './url.ts';
import { parsePolicy } from './address-policy.ts';

// The store, the fetcher and the fact engine load inside the actions (`await import`): `--help` and the other
// commands never pay for them.
const openStore = async (...args: Parameters<typeof import('../store/index.ts').openStore>) => (await import('../store/index.ts')).openStore(...args);
let extractor: typeof import('../extract/index.ts') | null = null;

/**
 * Loads the fact engine and has it read its word lists (~0.5 s) — before the first request, not in the middle of
 * the crawl where it would stall every host's timer. `crawl` calls it first; `storeIngest` falls back to it.
 */
export async function loadExtractor(): Promise<typeof import('../extract/index.ts')> {
  if (extractor) return extractor;
  const m = await import('../extract/index.ts');
  m.extractFacts('Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98 persen.', { published: null });
  return (extractor = m);
}
import { MAX_PAGES_PER_HOST } from './config.ts';

/** A `postgres://` database: crawl enqueues for `cakupan worker`, crawl-report reads the shared log (a test, so SQLite runs never load the pg client). */
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Default sites file: the package's own data/sites.json, wherever the command runs from (not the current folder's). */
export const DEFAULT_SITES_PATH = fileURLToPath(new URL('../../data/sites.json', import.meta.url));

const CrawlArgs = z.object({
  config: z.string().default(DEFAULT_SITES_PATH),
  site: z.array(z.url({ protocol: /^https?$/, message: '--site must be an http(s) URL' })).default([]),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '--since must be YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(s)), '--since is not a real date')
    .optional(),
  maxPages: z.coerce.number().int('--max-pages must be a whole number').positive('--max-pages must be positive').optional(),
  maxPagesPerHost: z.coerce.number().int('--max-pages-per-host must be a whole number').positive('--max-pages-per-host must be positive').optional(),
  db: z.string().optional(),
  // Bare flag: loopback; with a list: loopback and those addresses/ranges (src/crawl/address-policy.ts).
  allowPrivate: z
    .union([z.boolean(), z.string()])
    .default(false)
    .superRefine((v, ctx) => {
      try {
        parsePolicy(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  refresh: z.boolean().default(false),
  json: z.boolean().default(false),
  userAgent: z.string().min(1).optional(),
});

const ReportArgs = z.object({
  db: z.string().optional(),
  json: z.boolean().default(false),
  run: z.coerce.number().int().positive('--run must be a run id').optional(),
});

function dbPath(db?: string): string {
  return resolveDb(db).path;
}

function fail(message: string): never {
  const e = new Error(message);
  e.name = 'UsageError';
  throw e;
}

/** The sites of this run: the config's enabled sites, or those named by --site (config entry when known). */
export function selectSites(cfg: SitesConfig, urls: string[]): Site[] {
  if (urls.length === 0) return cfg.sites.filter((s) => s.enabled);
  return urls.map((u) => {
    const known = cfg.sites.find((s) => hostKey(s.url) === hostKey(u));
    return known ?? Site.parse({ name: hostKey(u), url: u });
  });
}

/** Stores a relevant article through the store: text already extracted by the crawler, facts here. */
export function storeIngest(store: Pick<CoverageStore, 'saveDocument'>, runId: number): Ingest {
  const ready = loadExtractor();
  return async (p: IngestPage) => {
    const { extractArticleFacts } = await ready;
    const title = p.article.title ?? p.titleHint;
    const given = p.article.published ?? p.publishedHint;
    const { facts, categories, published, publishedFrom } =
      p.facts && p.categories
        ? { facts: p.facts, categories: p.categories, published: given, publishedFrom: given ? ('published' as const) : null }
        : extractArticleFacts(p.article.text, { published: given, title });
    const doc: SourceDocument = {
      url: p.url,
      bytes: p.bytes,
      kind: 'html',
      contentType: p.contentType,
      status: p.status,
      headers: p.headers,
      fetchedAt: new Date(p.fetchedAt).toISOString(),
      titleHint: p.titleHint,
      // The page's own date wins; the sitemap/feed date only fills a gap.
      publishedHint: p.article.published ? null : p.publishedHint,
    };
    const ex: ArticleExtraction = { text: p.article.text, title, published, publishedFrom, method: p.article.method, canonicalUrl: p.canonicalUrl, siteName: p.article.siteName, facts, categories };
    const outcome = await store.saveDocument(doc, ex, runId);
    return { facts: facts.length, outcome: outcome.kind };
  };
}

function progressPrinter(): { update: (p: CrawlProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  let shown = false;
  const line = (p: CrawlProgress) =>
    `crawl: ${p.requests} requests, ${p.ingested} ingested, ${p.hostsActive} hosts active, ${p.hostsDone} done, ${p.hostsDeferred} deferred, ${(p.requests / Math.max(p.elapsedMs / 1000, 0.001)).toFixed(1)} req/s, ${Math.round(p.elapsedMs / 1000)} s`;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < (tty ? 250 : 10_000)) return;
      last = now;
      shown = true;
      process.stderr.write(tty ? `\r\x1b[K${line(p)}` : `${line(p)}\n`);
    },
    done() {
      if (tty && shown) process.stderr.write('\n');
    },
  };
}

/** The summary as text. */
export function formatSummary(s: CrawlSummary): string {
  const t = s.totals;
  const lines = s.hosts.map(
    (h) => `  ${h.host}: ${h.requests} requests, ${h.ingested} ingested (${h.facts} facts), ${h.irrelevant} irrelevant, ${h.rankedLow} ranked low, ${h.offTopic} off-topic links dropped, ${h.outOfWindow} out of window, ${h.duplicates} duplicates, ${h.skippedRobots} refused by robots.txt, ${h.failed} failed, delay ${h.delayMs} ms${h.deferred ? `, DEFERRED: ${h.deferred}` : ''}${h.budgetReached ? ', stopped at --max-pages-per-host' : ''}`,
  );
  return [
    `crawl run ${s.runId}: ${t.requests} requests to ${s.hosts.length} hosts in ${(s.elapsedMs / 1000).toFixed(1)} s; ${t.ingested} articles ingested with ${t.facts} facts; ${t.notModified} unchanged; ${t.hostsDeferred} hosts deferred${s.budgetExhausted ? '; stopped at --max-pages' : ''}`,
    ...lines,
  ].join('\n');
}

/**
 * Why the crawl reached no host — one line per host — when every host was deferred or failed each request it
 * made; null when at least one host answered (or simply had nothing to do).
 */
export function unreached(s: CrawlSummary): string[] | null {
  if (s.hosts.length === 0) return null;
  const lines: string[] = [];
  for (const h of s.hosts) {
    if (h.deferred) lines.push(`${h.host}: deferred: ${h.deferred}`);
    else if (h.requests > 0 && h.failed >= h.requests) lines.push(`${h.host}: all ${h.requests} requests failed`);
    else return null;
  }
  return lines;
}

/** Registers this stage's subcommands. */
export function register(program: Command): void {
  program
    .command('crawl')
    .description('crawl the configured Indonesian news sites politely and ingest the JKN coverage articles')
    .option('--config <file>', 'sites file', DEFAULT_SITES_PATH)
    .option('--site <url>', 'crawl only this site (repeatable; uses its config entry when there is one)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--since <date>', 'skip articles published before YYYY-MM-DD')
    .option('--max-pages <n>', 'stop after this many requests (robots.txt not counted)')
    .option('--max-pages-per-host <n>', `requests per host this run, best-ranked links first (default ${MAX_PAGES_PER_HOST}: a month of a regional paper)`)
    .option('--db <path>', `database (default: $${DB_ENV}, else the one cakupan --help names)`)
    .option('--allow-private [addresses]', 'open loopback, and the private addresses or CIDR ranges listed ("10.1.2.3,fd00::/8"), for tests and local mirrors; link-local and metadata addresses stay closed')
    .option('--refresh', 're-fetch stored articles with conditional GET')
    .option('--user-agent <ua>', 'User-Agent (keep a contact URL in it)')
    .option('--json', 'print the summary as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = CrawlArgs.safeParse(raw);
      if (!parsed.success) fail(parsed.error.issues.map((i) => flagMessage(i, raw)).join('; '));
      const a = parsed.data;
      let cfg: SitesConfig;
      try {
        cfg = loadSites(a.config);
      } catch (err) {
        if (err instanceof ConfigError) throw new Error(err.message); // a bad file, not a bad command line: exit 1
        throw err;
      }
      const sites = selectSites(cfg, a.site);
      if (sites.length === 0) throw new Error(`${a.config}: no enabled site to crawl (set "enabled": true on one, or name one with --site)`);
      if (POSTGRES_URL.test(dbPath(a.db))) {
        // Many machines: the hosts go on the queue for `cakupan worker`.
        const { enqueueCrawlJobs } = await import('../worker/enqueue.ts');
        process.stdout.write((await enqueueCrawlJobs({ db: dbPath(a.db), config: cfg, sites, since: a.since ?? null, refresh: a.refresh, userAgent: a.userAgent, maxPagesPerHost: a.maxPagesPerHost, json: a.json })) + '\n');
        return;
      }
      const store = await openStore(dbPath(a.db), { createFolder: dbPath(a.db) === defaultDbPath() });
      const [{ crawl }, { closeAgents }] = await Promise.all([import('./crawler.ts'), import('./fetch.ts'), loadExtractor()]);
      const runId = await store.startRun('crawl', { ...a, sites: sites.map((s) => s.url) });
      // Two crawls on one database would each keep their own host gates: together they could hurry a host.
      const crawlStore = store.crawlStore();
      const other = await crawlStore.otherRunningCrawl(runId);
      if (other) {
        await store.finishRun(runId, 'failed', `crawl run ${other.id} is still running`);
        await store.close();
        throw new Error(`${dbPath(a.db)}: crawl run ${other.id} (pid ${other.pid ?? '?'} on ${other.host ?? '?'}) is still running; two crawls at once could break the politeness rules`);
      }
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const progress = progressPrinter();
      let summary: CrawlSummary;
      try {
        summary = await crawl({
          store: crawlStore,
          config: cfg,
          sites,
          runId,
          since: a.since ?? null,
          maxPages: a.maxPages,
          maxPagesPerHost: a.maxPagesPerHost,
          allowPrivate: a.allowPrivate,
          refresh: a.refresh,
          userAgent: a.userAgent,
          ingest: storeIngest(store, runId),
          isStored: async (url) => (await store.pageState(url)) !== null,
          onProgress: progress.update,
          signal: controller.signal,
        });
        progress.done();
        if (summary.totals.ingested) await store.recomputeConflicts();
        await store.finishRun(runId, controller.signal.aborted ? 'interrupted' : summary.totals.hostsDeferred || summary.totals.failed ? 'partial' : 'ok');
      } catch (err) {
        progress.done();
        await store.finishRun(runId, 'failed', (err as Error).message).catch(() => undefined);
        throw err;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await closeAgents();
        await store.close();
      }
      process.stdout.write((a.json ? JSON.stringify(summary) : formatSummary(summary)) + '\n');
      const why = unreached(summary);
      if (why) {
        process.stderr.write(`cakupan crawl: no host could be crawled:\n${why.map((w) => `  ${w}`).join('\n')}\n`);
        process.exitCode = 1;
      }
    });

  program
    .command('crawl-report')
    .description('per-host crawl figures and the politeness record (exit 1 if any rule was broken)')
    .option('--db <path>', `database (default: $${DB_ENV}, else the one cakupan --help names)`)
    .option('--run <id>', 'only the requests of this crawl run')
    .option('--json', 'print the report as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = ReportArgs.safeParse(raw);
      if (!parsed.success) fail(parsed.error.issues.map((i) => flagMessage(i, raw)).join('; '));
      const a = parsed.data;
      if (POSTGRES_URL.test(dbPath(a.db))) {
        // Every worker's requests are in the one fetch log: the report checks them together.
        const [{ crawlReportOf, formatReport }, { openPgCrawlStore }] = await Promise.all([import('./report.ts'), import('../store/crawl-pg.ts')]);
        const crawlStore = await openPgCrawlStore(dbPath(a.db), { max: 2 });
        try {
          const r = await crawlReportOf(crawlStore, { runId: a.run });
          process.stdout.write((a.json ? JSON.stringify(r) : formatReport(r)) + '\n');
          if (r.totals.disallowedRequests || r.totals.shortGaps) process.exitCode = 1;
        } finally {
          await crawlStore.close();
        }
        return;
      }
      const store = await openStore(dbPath(a.db), { mustExist: true, readOnly: true });
      const { crawlReport, formatReport } = await import('./report.ts');
      try {
        const r = crawlReport(store.crawlStore(), { runId: a.run });
        process.stdout.write((a.json ? JSON.stringify(r) : formatReport(r)) + '\n');
        if (r.totals.disallowedRequests || r.totals.shortGaps) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
