/**
 * Crawl bench: 200 simulated hosts on 127.0.0.1 (a port each, 50–300 ms latency, Crawl-delay 1 s) crawled at
 * once through the real crawler and store. The figure is the requests made against what perfect politeness
 * allows (`politenessLimit`): each host one request per its delay, summed over the hosts, over the run's whole
 * wall time — from the moment the work exists (the crawl called; the first job enqueued) to the end of the last
 * request's delay slot, so start-up counts. With the politeness record (crawl-report) and peak RSS. The hosts run
 * in a child process.
 *
 * Then the same hosts are crawled by CRAWL_BENCH_PG_WORKERS (2) `cakupan worker` processes sharing one PostgreSQL
 * schema (target: within 5 % of the limit, 0 short gaps across workers).
 *
 * Knobs (environment): CRAWL_BENCH_HOSTS (200), CRAWL_BENCH_ARTICLES per host (20),
 * CRAWL_BENCH_WORKERS (extraction worker threads; default: the crawler's own choice), CRAWL_BENCH_SQLITE (1; 0 skips
 * the SQLite part), CRAWL_BENCH_PG (1; 0 skips the PostgreSQL part), CRAWL_BENCH_PG_WORKERS (2), CAKUPAN_TEST_PG
 * (the server).
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
import { CRAWL_QUEUE } from '../../src/worker/config.ts';
import { parseSites } from '../../src/crawl/sites.ts';

const HOSTS = Number(process.env.CRAWL_BENCH_HOSTS ?? 200);
const ARTICLES = Number(process.env.CRAWL_BENCH_ARTICLES ?? 20);
const DELAY_S = 1;

/**
 * What perfect politeness allows over a run: every host one request per its delay (the delay in force, from the
 * fetch log), for the whole wall time from `startedAt` (the work exists) to the end of the last request's slot
 * (its start plus its host's delay: a request occupies one delay of its host). `hosts`: per host, its request
 * count, last start and delay. Returns the limit rate (req/s), the window (s), the requests allowed in it and the
 * share of them made.
 */
function politenessLimit(startedAt: number, hosts: { n: number; last: number; delayMs: number }[]) {
  const end = Math.max(...hosts.map((h) => h.last + h.delayMs));
  const windowS = (end - startedAt) / 1000;
  const limit = hosts.reduce((sum, h) => sum + 1000 / h.delayMs, 0);
  const made = hosts.reduce((sum, h) => sum + h.n, 0);
  return { limit, windowS, allowed: limit * windowS, made, rate: made / windowS, share: made / (limit * windowS) };
}
const limitLine = (l: ReturnType<typeof politenessLimit>, target: number) =>
  `aggregate rate ${l.rate.toFixed(1)} req/s vs politeness limit ${l.limit.toFixed(0)} req/s: ${(l.share * 100).toFixed(1)} % (target >= ${target} %)\n` +
  `  (limit: each host one request per its delay, summed over the hosts, over the wall time from the work's start to the last request's start plus its delay, start-up included: ${l.windowS.toFixed(2)} s, ${l.allowed.toFixed(0)} requests allowed, ${l.made} made)`;

const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../crawl/fixtures/bench-sites.ts'), String(HOSTS), String(ARTICLES)], { stdio: ['ignore', 'pipe', 'inherit'] });
const line = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once('line', resolve);
  child.once('exit', (c) => reject(new Error(`bench-sites exited with ${c}`)));
});
const origins = JSON.parse(line) as string[];

const dir = mkdtempSync(join(tmpdir(), 'cakupan-crawl-bench-'));
const config = parseSites(
  {
    relevance: { keywords: ['JKN', 'BPJS', 'BPJS Kesehatan', 'kepesertaan'] },
    defaults: { delaySeconds: DELAY_S },
    sites: origins.map((o, i) => ({ name: `host ${i}`, url: o + '/' })),
  },
  'bench config',
);
let ok = true;
// ---- One in-process crawl on SQLite (CRAWL_BENCH_SQLITE=0 skips it) ----------------------------------------------
if (process.env.CRAWL_BENCH_SQLITE !== '0') {
  const store = openStore(join(dir, 'bench.db'));
  const runId = await store.startRun('crawl', { bench: true });
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
  const hostsRun = store.db.prepare('SELECT count(*) AS n, max(started_at) AS last, max(delay_ms) AS delayMs FROM crawl_fetch_log WHERE requested = 1 GROUP BY host').all() as { n: number; last: number; delayMs: number }[];
  const lim = politenessLimit(t0, hostsRun);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;

  console.log(`machine load average before/after: ${load0} / ${loadavg()[0].toFixed(2)} (2 cores; figures below are only meaningful on a quiet machine)`);
  console.log(`hosts ${HOSTS}, requests ${lim.made} (${summary.totals.ingested} articles ingested, ${summary.totals.irrelevant} irrelevant), wall ${wall.toFixed(1)} s`);
  console.log(limitLine(lim, 90));
  console.log(`politeness: ${report.totals.disallowedRequests} disallowed requests, ${report.totals.shortGaps} gaps shorter than the host delay; min gap ${Math.min(...report.hosts.map((h) => h.minGapMs ?? Infinity))} ms`);
  console.log(`event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`);
  console.log(`main-thread stalls > 200 ms: ${stalls.length}${stalls.length ? ` (${stalls.slice(0, 8).join(', ')}${stalls.length > 8 ? ', …' : ''})` : ''}`);
  console.log(`peak RSS ${maxRssMiB.toFixed(0)} MiB (sampled ${(peakRss / 1048576).toFixed(0)} MiB, ${(rssBefore / 1048576).toFixed(0)} MiB before the crawl; main heap ${(peakHeap / 1048576).toFixed(0)} MiB, external ${(peakExternal / 1048576).toFixed(0)} MiB; target < 300 MiB)`);

  await closeAgents();
  await store.close();
  ok = lim.share >= 0.9 && maxRssMiB < 300 && report.totals.shortGaps === 0 && report.totals.disallowedRequests === 0;
}

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
  // The workers run the built CLI, as a fleet runs `npx cakupan worker` (not the sources through tsx, whose
  // first-use compiling would land in the hosts' start-up): built here so it is never stale.
  const built = spawnSync(process.execPath, [join(import.meta.dirname, '../../scripts/build.mjs')], { cwd: join(import.meta.dirname, '../..'), stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const bin = join(import.meta.dirname, '../../dist/src/bin.js');
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
    // The work exists from the first crawl job's creation (pg-boss's clock is the server's, as the fetch log's
    // started_at is the workers'; one machine here): the workers' start-up counts against the rate.
    const bossSchema = bossSchemaFor(pgUrl);
    const enqueuedAt = Number(
      (await cs.pool.query(`SELECT (extract(epoch FROM min(created_on)) * 1000)::float8 AS t FROM (SELECT created_on FROM "${bossSchema}".job WHERE name = $1 UNION ALL SELECT created_on FROM "${bossSchema}".archive WHERE name = $1) j`, [CRAWL_QUEUE])).rows[0].t,
    );
    const hostsRun = (await cs.pool.query(`SELECT host, count(*)::int AS n, min(started_at)::float8 AS first, max(started_at)::float8 AS last, max(delay_ms)::int AS "delayMs" FROM crawl_fetch_log WHERE requested = 1 GROUP BY host`)).rows as { host: string; n: number; first: number; last: number; delayMs: number }[];
    const perWorker = (await cs.pool.query(`SELECT count(DISTINCT run_id)::int AS runs FROM crawl_fetch_log`)).rows[0] as { runs: number };
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
    await cs.close();
    const limW = politenessLimit(enqueuedAt, hostsRun);
    // Where the time goes: each host's first request after the work existed, and its mean gap between requests.
    const firsts = hostsRun.map((h) => h.first - enqueuedAt);
    const gaps = hostsRun.map((h) => (h.last - h.first) / Math.max(1, h.n - 1));
    const rss = logs.map((l) => /peak RSS (\d+) MiB/.exec(l)?.[1] ?? '?');
    if (process.env.CRAWL_BENCH_LOGS) for (const l of logs) console.log(l);
    console.log(`\n${N} workers on PostgreSQL (load average ${loadW} at start): hosts ${HOSTS}, requests ${limW.made} from ${perWorker.runs} worker runs, ${rep.totals.ingested} articles ingested, wall ${wallW.toFixed(1)} s`);
    console.log(limitLine(limW, 95));
    console.log(`per host: first request after the first job was enqueued p50 ${(q(firsts, 0.5) / 1000).toFixed(2)} s, max ${(q(firsts, 1) / 1000).toFixed(2)} s; mean gap p50 ${q(gaps, 0.5).toFixed(0)} ms, p90 ${q(gaps, 0.9).toFixed(0)} ms, max ${q(gaps, 1).toFixed(0)} ms`);
    console.log(`politeness across workers: ${rep.totals.disallowedRequests} disallowed requests, ${rep.totals.shortGaps} gaps shorter than the host delay; min gap ${Math.min(...rep.hosts.map((h) => h.minGapMs ?? Infinity))} ms; worker peak RSS ${rss.join(', ')} MiB`);
    ok &&= limW.share >= 0.95 && rep.totals.shortGaps === 0 && rep.totals.disallowedRequests === 0;
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
