/**
 * `cakupan worker`: takes crawl and refresh work from the pg-boss queues on the store's PostgreSQL and does it,
 * on any number of machines at once.
 *
 *  - crawl job (one host, one slice): the host is leased in the database (one worker per host across all
 *    workers; a dead worker's host is taken only after its lease expires), then crawled by the ordinary
 *    crawler with every request start written to the host's clock in the database before it goes out. At the
 *    end of the slice, on SIGTERM, or when the lease was lost, the host goes back to the queue as a new job;
 *    a host another live worker holds is sent back for when its lease ends.
 *  - refresh job (one batch of a refresh plan): `refreshBatch` re-extracts it and stores it with the batch
 *    marked done in one transaction (reviewer corrections kept as on SQLite); the last batch recomputes the
 *    conflict flags.
 *  - a job that throws is failed: pg-boss retries it with backoff (JOB_RETRIES, JOB_RETRY_DELAY_S doubling)
 *    and then moves it to the dead-letter queue that `cakupan stats` shows.
 *
 * One line per job on the log. SIGTERM: no new job is taken; running crawls stop after their current request
 * and hand their host back; a running refresh batch is finished; then the worker exits 0.
 */
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Crawler, HostBusy, rankerFor } from '../crawl/crawler.ts';
import type { LinkRanker } from '../crawl/relevance.ts';
import { ExtractPool } from '../crawl/extract-pool.ts';
import { startHeapGuard } from '../crawl/memory.ts';
import { closeAgents } from '../crawl/fetch.ts';
import { EXTRACT_WORKERS, HOST_LEASE_MS, MAX_PAGES_PER_HOST } from '../crawl/config.ts';
import { loadExtractor, storeIngest } from '../crawl/cli.ts';
import { openPgCrawlStore, type PgCrawlStore } from '../store/crawl-pg.ts';
import { openPgStore, type PgStore } from '../store/postgres.ts';
import { refreshBatch } from '../store/refresh.ts';
import { CRAWL_QUEUE, CRAWL_SLICE_MS, REFRESH_QUEUE, WORKER_CRAWL_POOL, WORKER_HEAP_SOFT_LIMIT_MB, WORKER_STORE_POOL, WORKER_HOST_LEASE_MS, WORKER_HOSTS, WORKER_LOG_FLUSH_MS, WORKER_POLL_MS } from './config.ts';
import { CrawlJob, listenForJobs, openBoss, pendingJobs, RefreshJob, retryRace, sendCrawlJob, type Boss, type Job } from '../store/queues.ts';

export interface WorkerOptions {
  /** postgres:// URL of the store (and of the queues). */
  db: string;
  /** As `crawl --allow-private`: true for loopback, or a list of private addresses/ranges. @default false */
  allowPrivate?: boolean | string;
  /** Exit once every queue is empty and no host is leased. @default false */
  untilIdle?: boolean;
  /** Where the one-line-per-job log goes. @default stderr */
  log?: (line: string) => void;
  /** Stops the worker cleanly (the CLI wires SIGTERM/SIGINT to it). */
  signal?: AbortSignal;
  /** Hosts crawled at once. @default WORKER_HOSTS */
  hosts?: number;
}

export interface WorkerResult {
  owner: string;
  jobs: number;
  failed: number;
  ingested: number;
  requests: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((r) => {
    const onAbort = () => (clearTimeout(t), r());
    const t = setTimeout(() => (signal?.removeEventListener('abort', onAbort), r()), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Runs a worker until stopped (or, with `untilIdle`, until there is no work left anywhere). */
export async function runWorker(o: WorkerOptions): Promise<WorkerResult> {
  const log = o.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const store: PgStore = await retryRace(() => openPgStore(o.db, { poolSize: WORKER_STORE_POOL }));
  let crawlStore: PgCrawlStore | null = null;
  let boss: Boss | null = null;
  const result: WorkerResult = { owner, jobs: 0, failed: 0, ingested: 0, requests: 0 };
  const pools = new Map<string, ExtractPool>();
  const rankers = new Map<string, LinkRanker>();
  let crawlRun: Promise<number> | null = null;
  let refreshRun: Promise<number> | null = null;
  let ingestedSinceConflicts = 0;
  // Jobs announced (NOTIFY) while the loop fetched or slept: look again at once instead of after the poll interval.
  let announced = false;
  let wake: () => void = () => {};
  let stopListening: (() => Promise<void>) | null = null;
  try {
    stopListening = await listenForJobs(o.db, () => {
      announced = true;
      wake();
    }).catch(() => null);
    crawlStore = await retryRace(() => openPgCrawlStore(o.db, { max: WORKER_CRAWL_POOL }));
    crawlStore.logBatchMs = WORKER_LOG_FLUSH_MS;
    boss = await openBoss(o.db, { supervise: true });
    const stop = o.signal ?? new AbortController().signal;
    const slots = o.hosts ?? WORKER_HOSTS();
    // Every running crawl waits on this one signal (a few listeners each): not a leak.
    setMaxListeners(slots * 4 + 16, stop);
    const sliceMs = CRAWL_SLICE_MS();
    const hostLeaseMs = WORKER_HOST_LEASE_MS(HOST_LEASE_MS);
    // The pool's threads boot while the first hosts fetch robots.txt and sitemaps (articles come a few delays
    // later; a page sent to a booting thread waits in its port): awaiting the boot held every first request of
    // the worker back by it (~0.5 s, counted against the crawl's rate).
    const poolFor = (keywords: string[]) => {
      const key = JSON.stringify(keywords);
      let p = pools.get(key);
      if (!p) {
        p = new ExtractPool(keywords, EXTRACT_WORKERS);
        pools.set(key, p);
        void p.warm().catch(() => undefined);
      }
      return p;
    };
    const stopHeapGuard = startHeapGuard(WORKER_HEAP_SOFT_LIMIT_MB);
    // The fact engine loads and compiles its rules on first use (~0.15 s of this thread): here, while no job
    // waits, rather than in the middle of the first hundred hosts' start-up.
    await loadExtractor();
    log(`worker ${owner}: started on ${store.location} (up to ${slots} hosts at once, slice ${sliceMs / 1000} s, host lease ${hostLeaseMs / 1000} s)`);

    const crawlJob = async (job: Job) => {
      const t0 = Date.now();
      const d = CrawlJob.parse(job.data);
      // The budget is the crawl's, not the slice's: what earlier slices of this host fetched counts against it.
      const pagesLeft = (d.maxPagesPerHost ?? MAX_PAGES_PER_HOST) - (d.pagesDone ?? 0);
      if (pagesLeft <= 0) {
        await boss!.complete(CRAWL_QUEUE, job.id);
        log(`job ${job.id} crawl ${d.host}: its ${d.pagesDone} pages reach the per-host budget; host done`);
        return;
      }
      crawlRun ??= store.startRun('crawl', { worker: owner });
      const runId = await crawlRun;
      const crawler = new Crawler({
        store: crawlStore!,
        owner,
        hostLeaseMs,
        sliceMs,
        config: d.config,
        sites: d.config.sites,
        runId,
        since: d.since,
        allowPrivate: o.allowPrivate ?? false,
        userAgent: d.userAgent,
        maxPagesPerHost: pagesLeft,
        ingest: storeIngest(store, runId),
        pool: poolFor(d.config.relevance.keywords),
        ranker: rankers.get(JSON.stringify(d.config.relevance)) ?? rankers.set(JSON.stringify(d.config.relevance), rankerFor(d.config)).get(JSON.stringify(d.config.relevance)),
        logFlushMs: WORKER_LOG_FLUSH_MS,
        heapGuard: false,
        signal: stop,
      });
      try {
        const s = await crawler.run();
        result.ingested += s.totals.ingested;
        result.requests += s.totals.requests;
        ingestedSinceConflicts += s.totals.ingested;
        let next = 'host done';
        if (crawler.stoppedEarly) {
          const sent = await sendCrawlJob(boss!, { ...d, pagesDone: (d.pagesDone ?? 0) + s.totals.requests });
          next = stop.aborted ? `stopped, host handed back${sent ? '' : ' (already queued)'}` : `slice over, host re-queued${sent ? '' : ' (already queued)'}`;
        } else if (s.totals.hostsDeferred) next = `host deferred: ${s.hosts.find((h) => h.deferred)?.deferred}`;
        await boss!.complete(CRAWL_QUEUE, job.id);
        log(`job ${job.id} crawl ${d.host}: ${s.totals.requests} requests, ${s.totals.ingested} ingested, ${((Date.now() - t0) / 1000).toFixed(1)} s; ${next}`);
      } catch (err) {
        if (err instanceof HostBusy) {
          // Another live worker has it: come back when its lease would end (a dead worker's never renews).
          const sent = await sendCrawlJob(boss!, d, Math.max(1, (err.until - Date.now()) / 1000));
          await boss!.complete(CRAWL_QUEUE, job.id);
          log(`job ${job.id} crawl ${d.host}: leased by ${err.owner} until ${new Date(err.until).toISOString()}; ${sent ? 'retried after its lease' : 'already queued'}`);
          return;
        }
        throw err;
      }
    };

    const refreshJob = async (job: Job) => {
      const t0 = Date.now();
      const d = RefreshJob.parse(job.data);
      refreshRun ??= store.startRun('refresh', { worker: owner, plan: d.planId });
      const runId = await refreshRun;
      const r = await refreshBatch(store, d, runId);
      // The worker that stores the last batch recomputes the cross-article conflict flags, as `refresh` does at its end.
      if (r && (await store.finishRefreshPlan(d.planId))) await store.recomputeConflicts();
      await boss!.complete(REFRESH_QUEUE, job.id);
      log(
        r
          ? `job ${job.id} refresh plan ${d.planId} batch ${d.batchId}: ${r.counts.articles_extracted} articles, ${r.counts.facts_added} facts added, ${r.counts.facts_retired} retired, ${r.refused.length} refused, ${((Date.now() - t0) / 1000).toFixed(1)} s`
          : `job ${job.id} refresh plan ${d.planId} batch ${d.batchId}: already done or leased by a live run`,
      );
    };

    const running = new Set<Promise<void>>();
    let refreshing = false;
    const start = (queue: string, job: Job, fn: (j: Job) => Promise<void>) => {
      result.jobs++;
      const p = fn(job)
        .catch(async (err: unknown) => {
          result.failed++;
          const message = err instanceof Error ? err.message : String(err);
          log(`job ${job.id} ${queue === CRAWL_QUEUE ? 'crawl' : 'refresh'} FAILED: ${message} (retried with backoff, then dead-lettered)`);
          await boss!.fail(queue, job.id, { message }).catch(() => undefined);
        })
        .finally(() => running.delete(p));
      running.add(p);
      return p;
    };

    while (!stop.aborted) {
      let took = 0;
      announced = false;
      const crawlRunning = [...running].length - (refreshing ? 1 : 0);
      if (crawlRunning < slots) {
        for (const job of await boss.fetch(CRAWL_QUEUE, { batchSize: slots - crawlRunning })) {
          took++;
          start(CRAWL_QUEUE, job, crawlJob);
        }
      }
      // Refresh batches are CPU work: one at a time per worker (run more workers for more cores).
      if (!refreshing && !stop.aborted) {
        const [job] = await boss.fetch(REFRESH_QUEUE, { batchSize: 1 });
        if (job) {
          took++;
          refreshing = true;
          void start(REFRESH_QUEUE, job, refreshJob).finally(() => (refreshing = false));
        }
      }
      if (took) continue;
      if (o.untilIdle && running.size === 0 && (await pendingJobs(boss)) === 0 && (await crawlStore.leasedHosts()).length === 0) break;
      if (!announced) await Promise.race([sleep(WORKER_POLL_MS(), stop), new Promise<void>((r) => (wake = r)), ...running]);
      wake = () => {};
    }
    await Promise.all(running);
    stopHeapGuard();
    return result;
  } finally {
    try {
      if (ingestedSinceConflicts) await store.recomputeConflicts();
      if (crawlRun) await store.finishRun(await crawlRun, o.signal?.aborted ? 'interrupted' : 'ok', `worker ${owner}: ${result.requests} requests, ${result.ingested} articles ingested`);
      if (refreshRun) await store.finishRun(await refreshRun, o.signal?.aborted ? 'interrupted' : 'ok', `worker ${owner}`);
    } finally {
      for (const p of pools.values()) await p.close();
      await stopListening?.();
      await boss?.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
      await crawlStore?.close();
      await store.close();
      await closeAgents();
      log(`worker ${owner}: stopped after ${result.jobs} jobs (${result.failed} failed), ${result.requests} requests, ${result.ingested} articles ingested; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
    }
  }
}
