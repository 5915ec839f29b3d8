/**
 * Crawl bench: 200 simulated hosts on 127.0.0.1 (a port each, 50–300 ms latency, Crawl-delay 1 s) crawled at
 * once through the real crawler and store. The politeness limit is one request per host per second, so
 * 200 requests/s; the figure is the aggregate rate achieved against it, with the politeness record
 * (crawl-report) and the crawler process's peak RSS. The hosts run in a child process.
 *
 * Then the same hosts are crawled by CRAWL_BENCH_PG_WORKERS (2) `cakupan worker` processes sharing one PostgreSQL
 * schema (target: within 5 % of the limit, 0 short gaps across workers).
 *
 * Knobs (environment): CRAWL_BENCH_HOSTS (200), CRAWL_BENCH_ARTICLES per host (20),
 * CRAWL_BENCH_WORKERS (extraction worker threads; default: the crawler's own choice), CRAWL_BENCH_PG (1; 0 skips
 * the PostgreSQL part), CRAWL_BENCH_PG_WORKERS (2), CAKUPAN_TEST_PG (the server).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openStore } from '../../src/store/index.ts';
import { crawl } from '../../src/crawl/crawler.ts';
import { storeIngest } from '../../src/crawl/cli.ts';
import { closeAgents } from '../../src/crawl/fetch.ts';
import { crawlReport, crawlReportOf } from '../../src/crawl/report.ts';
import { openPgCrawlStore } from '../../src/store/crawl-pg.ts';
import { dropPgSchema } from '../../src/store/pg.ts';
import { bossSchemaFor, openBoss, pendingJobs } from '../../src/store/queues.ts';
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
let ok = rate / limit >= 0.9 && maxRssMiB < 300 && report.totals.shortGaps === 0 && report.totals.disallowedRequests === 0;

// ---- The same hosts crawled by CRAWL_BENCH_PG_WORKERS `cakupan worker` processes on PostgreSQL ----------------
// (CRAWL_BENCH_PG=0 skips it.) `cakupan crawl --db postgres://…` enqueues one job per host; the workers share the
// host leases and clocks in the database; the figure is the same aggregate rate, from the shared fetch log.
if (process.env.CRAWL_BENCH_PG !== '0') {
  const PG = process.env.CAKUPAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const N = Number(process.env.CRAWL_BENCH_PG_WORKERS ?? 2);
  const schema = `bench_crawl_${process.pid}`;
  const pgUrl = `${PG}${PG.includes('?') ? '&' : '?'}schema=${schema}`;
  const cfgPath = join(dir, 'sites.json');
  writeFileSync(cfgPath, JSON.stringify({ relevance: { keywords: ['JKN', 'BPJS', 'BPJS Kesehatan', 'kepesertaan'] }, defaults: { delaySeconds: DELAY_S }, sites: origins.map((o, i) => ({ name: `host ${i}`, url: o + '/' })) }));
  const bin = join(import.meta.dirname, '../../src/bin.js');
  const env = { ...process.env, CAKUPAN_WORKER_HOSTS: String(Math.ceil(HOSTS / N) + 8), CAKUPAN_WORKER_POLL_MS: '200' };
  // Workers run as services do: all of them up before the hosts are enqueued, stopped with SIGTERM once no job is
  // left and no host is leased (so the figure is the fleet's rate, not the time one process takes to start).
  const logs: string[] = Array.from({ length: N }, () => '');
  const procs = logs.map((_, i) => {
    const w = spawn(process.execPath, [bin, 'worker', '--db', pgUrl, '--allow-private'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    w.stderr!.on('data', (d) => (logs[i] += d));
    return { w, exit: new Promise<number | null>((r) => w.on('exit', (code) => r(code))) };
  });
  try {
    for (let t = Date.now(); logs.some((l) => !/: started on/.test(l)); ) {
      if (Date.now() - t > 120_000) throw new Error(`workers did not start: ${logs.join('\n').slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const enq = spawnSync(process.execPath, [bin, 'crawl', '--config', cfgPath, '--db', pgUrl], { env, encoding: 'utf8' });
    if (enq.status !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
    const loadW = loadavg()[0].toFixed(2);
    const tw = Date.now();
    const boss = await openBoss(pgUrl);
    const watch = await openPgCrawlStore(pgUrl, { max: 1 });
    try {
      while ((await pendingJobs(boss)) > 0 || (await watch.leasedHosts()).length > 0) await new Promise((r) => setTimeout(r, 250));
    } finally {
      await watch.close();
      await boss.stop({ graceful: false, close: true, wait: true });
    }
    for (const p of procs) p.w.kill('SIGTERM');
    const codes = await Promise.all(procs.map((p) => p.exit));
    if (codes.some((c) => c !== 0)) throw new Error(`a worker exited ${codes.join(', ')}: ${logs.join('\n').slice(-2000)}`);
    const wallW = (Date.now() - tw) / 1000;
    const cs = await openPgCrawlStore(pgUrl, { max: 2 });
    const rep = await crawlReportOf(cs);
    const pgStarts = (await cs.pool.query(`SELECT min(started_at)::float8 AS a, max(started_at)::float8 AS b, count(*)::int AS n FROM crawl_fetch_log WHERE requested = 1`)).rows[0] as { a: number; b: number; n: number };
    const perWorker = (await cs.pool.query(`SELECT count(DISTINCT run_id)::int AS runs FROM crawl_fetch_log`)).rows[0] as { runs: number };
    // Where the time goes: each host's first request after the crawl's first, and its mean gap between requests.
    const perHost = (await cs.pool.query(`SELECT host, (min(started_at) - $1::bigint)::float8 AS first, ((max(started_at) - min(started_at))::float8 / greatest(count(*) - 1, 1)) AS gap FROM crawl_fetch_log WHERE requested = 1 GROUP BY host`, [pgStarts.a])).rows as { host: string; first: number; gap: number }[];
    const q = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
    await cs.close();
    const spanW = (pgStarts.b - pgStarts.a) / 1000 + DELAY_S;
    const rateW = pgStarts.n / spanW;
    const rss = logs.map((l) => /peak RSS (\d+) MiB/.exec(l)?.[1] ?? '?');
    if (process.env.CRAWL_BENCH_LOGS) for (const l of logs) console.log(l);
    console.log(`per host: first request after the crawl's first p50 ${(q(perHost.map((h) => h.first), 0.5) / 1000).toFixed(1)} s, max ${(q(perHost.map((h) => h.first), 1) / 1000).toFixed(1)} s; mean gap p50 ${q(perHost.map((h) => h.gap), 0.5).toFixed(0)} ms, p90 ${q(perHost.map((h) => h.gap), 0.9).toFixed(0)} ms`);
    console.log(`\n${N} workers on PostgreSQL (load average ${loadW} at start): hosts ${HOSTS}, requests ${pgStarts.n} from ${perWorker.runs} worker runs, ${rep.totals.ingested} articles ingested, wall ${wallW.toFixed(1)} s`);
    console.log(`aggregate rate ${rateW.toFixed(1)} req/s vs politeness limit ${limit} req/s: ${((rateW / limit) * 100).toFixed(1)} % (target >= 95 %)`);
    console.log(`politeness across workers: ${rep.totals.disallowedRequests} disallowed requests, ${rep.totals.shortGaps} gaps shorter than the host delay; min gap ${Math.min(...rep.hosts.map((h) => h.minGapMs ?? Infinity))} ms; worker peak RSS ${rss.join(', ')} MiB`);
    ok &&= rateW / limit >= 0.95 && rep.totals.shortGaps === 0 && rep.totals.disallowedRequests === 0;
  } catch (err) {
    console.log(`PostgreSQL workers: ${(err as Error).message}`);
    ok = false;
  } finally {
    for (const p of procs) p.w.kill('SIGKILL');
    await dropPgSchema(PG, schema);
    await dropPgSchema(PG, bossSchemaFor(pgUrl));
  }
}

child.kill();
rmSync(dir, { recursive: true, force: true });
if (!ok) process.exitCode = 1;
