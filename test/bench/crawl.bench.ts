/**
 * Crawl bench: 200 simulated hosts on 127.0.0.1 (a port each, 50–300 ms latency, Crawl-delay 1 s) crawled at
 * once through the real crawler and store. The politeness limit is one request per host per second, so
 * 200 requests/s; the figure is the aggregate rate achieved against it, with the politeness record
 * (crawl-report) and the crawler process's peak RSS. The hosts run in a child process.
 *
 * Knobs (environment): CRAWL_BENCH_HOSTS (200), CRAWL_BENCH_ARTICLES per host (20),
 * CRAWL_BENCH_WORKERS (extraction worker threads; default: the crawler's own choice).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openStore } from '../../src/store/index.ts';
import { crawl } from '../../src/crawl/crawler.ts';
import { storeIngest } from '../../src/crawl/cli.ts';
import { closeAgents } from '../../src/crawl/fetch.ts';
import { crawlReport } from '../../src/crawl/report.ts';
import { parseSites } from '../../src/crawl/sites.ts';

const HOSTS = Number(process.env.CRAWL_BENCH_HOSTS ?? 200);
const ARTICLES = Number(process.env.CRAWL_BENCH_ARTICLES ?? 20);
const DELAY_S = 1;

const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../crawl/fixtures/bench-sites.ts'), String(HOSTS), String(ARTICLES)], { stdio: ['ignore', 'pipe', 'inherit'] });
const line = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once('line', resolve);
  child.once('exit', (c) => reject(new Error(`bench-sites exited with ${c}`)));
});
const origins = JSON.parse(line) as string[];

const dir = mkdtempSync(join(tmpdir(), 'cakupan-crawl-bench-'));
const store = openStore(join(dir, 'bench.db'));
const runId = await store.startRun('crawl', { bench: true });
const config = parseSites(
  {
    relevance: { keywords: ['JKN', 'BPJS', 'BPJS Kesehatan', 'kepesertaan'] },
    defaults: { delaySeconds: DELAY_S },
    sites: origins.map((o, i) => ({ name: `host ${i}`, url: o + '/' })),
  },
  'bench config',
);
let peakRss = 0;
let peakHeap = 0;
let peakExternal = 0;
const rssBefore = process.memoryUsage().rss;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapTotal);
  peakExternal = Math.max(peakExternal, m.external);
}, 200);
const load0 = loadavg()[0].toFixed(2);
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const t0 = Date.now();
// Long stalls of the main thread, with when they happened (they cost every host its rate).
const stalls: string[] = [];
let tick = Date.now();
const watchdog = setInterval(() => {
  const now = Date.now();
  if (now - tick > 250) stalls.push(`${((tick - t0) / 1000).toFixed(1)}s+${now - tick - 50}ms`);
  tick = now;
}, 50);
const WORKERS = process.env.CRAWL_BENCH_WORKERS === undefined ? undefined : Number(process.env.CRAWL_BENCH_WORKERS);
const summary = await crawl({ db: store.db, config, runId, allowPrivate: true, ingest: storeIngest(store, runId), extractWorkers: WORKERS });
const wall = (Date.now() - t0) / 1000;
clearInterval(sampler);
clearInterval(watchdog);
lag.disable();

const report = crawlReport(store.db);
const starts = store.db.prepare('SELECT min(started_at) AS a, max(started_at) AS b, count(*) AS n FROM crawl_fetch_log WHERE requested = 1').get() as { a: number; b: number; n: number };
// Each request occupies one delay slot of its host: the limit allows HOSTS requests per DELAY_S over the span.
const span = (starts.b - starts.a) / 1000 + DELAY_S;
const rate = starts.n / span;
const limit = HOSTS / DELAY_S;
const maxRssMiB = process.resourceUsage().maxRSS / 1024;

console.log(`machine load average before/after: ${load0} / ${loadavg()[0].toFixed(2)} (2 cores; figures below are only meaningful on a quiet machine)`);
console.log(`hosts ${HOSTS}, requests ${starts.n} (${summary.totals.ingested} articles ingested, ${summary.totals.irrelevant} irrelevant), wall ${wall.toFixed(1)} s`);
console.log(`aggregate rate ${rate.toFixed(1)} req/s vs politeness limit ${limit} req/s: ${((rate / limit) * 100).toFixed(1)} % (target >= 90 %)`);
console.log(`politeness: ${report.totals.disallowedRequests} disallowed requests, ${report.totals.shortGaps} gaps shorter than the host delay; min gap ${Math.min(...report.hosts.map((h) => h.minGapMs ?? Infinity))} ms`);
console.log(`event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`);
console.log(`main-thread stalls > 200 ms: ${stalls.length}${stalls.length ? ` (${stalls.slice(0, 8).join(', ')}${stalls.length > 8 ? ', …' : ''})` : ''}`);
console.log(`peak RSS ${maxRssMiB.toFixed(0)} MiB (sampled ${(peakRss / 1048576).toFixed(0)} MiB, ${(rssBefore / 1048576).toFixed(0)} MiB before the crawl; main heap ${(peakHeap / 1048576).toFixed(0)} MiB, external ${(peakExternal / 1048576).toFixed(0)} MiB; target < 300 MiB)`);

await closeAgents();
await store.close();
child.kill();
rmSync(dir, { recursive: true, force: true });
const ok = rate / limit >= 0.9 && maxRssMiB < 300 && report.totals.shortGaps === 0 && report.totals.disallowedRequests === 0;
if (!ok) process.exitCode = 1;
