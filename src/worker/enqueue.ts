/**
 * What `cakupan crawl` and `cakupan refresh` do on PostgreSQL: put the work on the queues for `cakupan worker`
 * (on any number of machines) instead of doing it in this process.
 */
import { openPgCrawlStore } from '../store/crawl-pg.ts';
import { openPgStore } from '../store/postgres.ts';
import { REFRESH_JOB_BATCH } from './config.ts';
import type { Site, SitesConfig } from '../crawl/sites.ts';
import { bossSchemaFor, enqueueCrawl, enqueueRefresh, openBoss } from '../store/queues.ts';

/** `cakupan crawl --db postgres://…`: one job per host; returns the line to print. */
export async function enqueueCrawlJobs(o: { db: string; config: SitesConfig; sites: Site[]; since: string | null; refresh: boolean; userAgent?: string; maxPagesPerHost?: number; json: boolean }): Promise<string> {
  const store = await openPgStore(o.db);
  try {
    const runId = await store.startRun('crawl', { enqueue: true, sites: o.sites.map((s) => s.url), since: o.since, refresh: o.refresh });
    try {
      let requeued = 0;
      if (o.refresh) {
        // Stored articles go back on the frontier once, here: the workers' slices must not re-queue them again.
        const crawl = await openPgCrawlStore(o.db);
        try {
          for (const s of o.sites) requeued += await crawl.refreshArticles(s.url);
        } finally {
          await crawl.close();
        }
      }
      const boss = await openBoss(o.db);
      let r: { queued: string[]; alreadyQueued: string[] };
      try {
        r = await enqueueCrawl(boss, { bossSchema: bossSchemaFor(o.db), config: o.config, sites: o.sites, runId, since: o.since, userAgent: o.userAgent, maxPagesPerHost: o.maxPagesPerHost });
      } finally {
        await boss.stop({ graceful: false, close: true, wait: true });
      }
      const message = `enqueued ${r.queued.length} hosts${r.alreadyQueued.length ? ` (${r.alreadyQueued.length} already queued)` : ''}${o.refresh ? `, ${requeued} stored articles to re-fetch` : ''}`;
      await store.finishRun(runId, 'ok', message);
      return o.json
        ? JSON.stringify({ runId, enqueued: r.queued, alreadyQueued: r.alreadyQueued, refetch: requeued })
        : `crawl run ${runId}: ${message} on ${store.location}; start \`cakupan worker --db …\` on as many machines as you like to crawl them`;
    } catch (err) {
      await store.finishRun(runId, 'failed', (err as Error).message).catch(() => undefined);
      throw err;
    }
  } finally {
    await store.close();
  }
}

/** `cakupan refresh --db postgres://…`: plans the pass (or joins the open one) and puts each open batch on the queue. */
export async function enqueueRefreshJobs(o: { db: string; all: boolean; batchSize?: number; json: boolean }): Promise<string> {
  const store = await openPgStore(o.db);
  try {
    const resumeCutoff = o.all ? await store.interruptedFullRefresh() : null;
    const runId = await store.startRun('refresh', { all: o.all, enqueue: true, cutoff: resumeCutoff }, { resumes: resumeCutoff });
    try {
      const cutoff = o.all ? (resumeCutoff ?? runId) : 0;
      const stale = await store.countStale({ cutoffRunId: cutoff });
      const plan = await store.planRefresh({ all: o.all, runId, cutoffRunId: cutoff, batchSize: o.batchSize ?? REFRESH_JOB_BATCH() });
      const batches = await store.openRefreshBatches(plan.id);
      const boss = await openBoss(o.db);
      let sent: number;
      try {
        sent = await enqueueRefresh(boss, bossSchemaFor(o.db), plan.id, batches);
      } finally {
        await boss.stop({ graceful: false, close: true, wait: true });
      }
      const message = `plan ${plan.id}: ${batches.length} batches (${stale} articles) enqueued${sent < batches.length ? `, ${batches.length - sent} already queued` : ''}`;
      await store.finishRun(runId, 'ok', message);
      return o.json ? JSON.stringify({ runId, planId: plan.id, batches: batches.length, enqueued: sent, articles: stale }) : `refresh run ${runId}: ${message}; \`cakupan worker --db …\` re-extracts them`;
    } catch (err) {
      await store.finishRun(runId, 'failed', (err as Error).message).catch(() => undefined);
      throw err;
    }
  } finally {
    await store.close();
  }
}
