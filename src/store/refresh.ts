/**
 * `cakupan refresh`: re-run text and fact extraction over stored pages, for any `CoverageStore`.
 *
 *  1. pick the cut-off: without `--all`, only articles extracted by an older extractor version; with `--all`,
 *     every article not yet re-extracted by this pass — and a pass that was killed is resumed, not restarted;
 *  2. join the open refresh plan of this selection, or split the stale articles into id-range batches as a new
 *     plan (`planRefresh`): two refreshes at once, or many workers, share one pass;
 *  3. lease a batch (a lease with expiry in the database; a dead run's batches are taken over), read its stale
 *     articles, extract each (errors are counted and reported, the article is left as it was);
 *  4. store the batch in one transaction with its run counts and the batch marked done, so a crash loses at most
 *     one uncommitted batch and repeats nothing twice (facts are keyed by article and evidence), and a run row
 *     counts only what that run stored;
 *  5. when no batch is left to lease: close the plan if every batch is done, recompute the cross-article
 *     conflict flags, close the run record.
 */
import cliProgress from 'cli-progress';
import { REFRESH_BATCH, REFRESH_LEASE_MS } from './config.ts';
import { extractDocument } from './pipeline.ts';
import type { CoverageStore, ExtractionResult, Extractor, RefreshBatch, RunCounts, RunRecord, StaleArticle } from './types.ts';

/** Options of `refresh`. */
export interface RefreshOptions {
  /** Re-extract every article, not only those of an older extractor version. @default false */
  all?: boolean;
  /** Text and fact extraction for one page. @default extractDocument */
  extractor?: Extractor;
  /** Extracts a whole batch (a worker pool); overrides `extractor`. */
  extractBatch?: (articles: StaleArticle[]) => Promise<ExtractionResult[]>;
  /** Articles per transaction (and per leased batch of a new plan). @default REFRESH_BATCH */
  batchSize?: number;
  /** How long a leased batch stays this run's. @default REFRESH_LEASE_MS */
  leaseMs?: number;
  /** Show a progress bar on stderr (only when stderr is a terminal). @default true */
  progress?: boolean;
  /** Told about each article that could not be re-extracted. */
  onError?: (url: string, err: Error) => void;
  /** Called after each committed batch (tests use it to know the refresh is under way). */
  onBatch?: (done: number, total: number) => void;
  /** Called once the run is recorded, before any work (a crash from here on leaves an `interrupted` run). */
  onStart?: (runId: number) => void;
}

/** Runs one refresh and returns its run record. */
export async function refresh(store: CoverageStore, opts: RefreshOptions = {}): Promise<RunRecord> {
  const all = opts.all ?? false;
  const resumeCutoff = all ? await store.interruptedFullRefresh() : null;
  const runId = await store.startRun('refresh', { all, cutoff: resumeCutoff }, { resumes: resumeCutoff });
  opts.onStart?.(runId);
  const cutoff = all ? (resumeCutoff ?? runId) : 0;
  const extractor = opts.extractor ?? extractDocument;
  const extractBatch =
    opts.extractBatch ??
    (async (batch: StaleArticle[]) =>
      batch.map((article): ExtractionResult => {
        try {
          return { article, extraction: extractor(article) };
        } catch (err) {
          return { article, error: err instanceof Error ? err : new Error(String(err)) };
        }
      }));
  const batchSize = opts.batchSize ?? REFRESH_BATCH;
  let firstError: string | null = null;
  let bar: cliProgress.SingleBar | null = null;
  try {
    const total = await store.countStale({ cutoffRunId: cutoff });
    if ((opts.progress ?? true) && process.stderr.isTTY && total > 0) {
      bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: 'refresh [{bar}] {value}/{total} articles | {eta_formatted} left | {rate}/s', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { rate: 0 });
    }
    const started = Date.now();
    const plan = await store.planRefresh({ all, runId, cutoffRunId: cutoff, batchSize });
    const leaseMs = opts.leaseMs ?? REFRESH_LEASE_MS;
    let done = 0;
    // Pipelined: the next batch is leased, read and handed to the extractor (a worker pool, when given) before
    // the current one is written, so extraction on other cores overlaps the main thread's writes.
    const take = async () => {
      const lease = await store.leaseRefreshBatch({ planId: plan.id, runId, leaseMs });
      if (!lease) return null;
      const articles = await store.staleArticles({ afterId: lease.firstArticleId - 1, upToId: lease.lastArticleId, limit: Number.MAX_SAFE_INTEGER, cutoffRunId: plan.cutoffRunId });
      return { lease, articles, extracting: articles.length ? extractBatch(articles) : Promise.resolve([]) };
    };
    let current = await take();
    while (current) {
      const results = await current.extracting;
      const next = await take();
      for (const r of results) {
        if (r.error) {
          firstError ??= `${r.article.url}: ${r.error.message}`;
          opts.onError?.(r.article.url, r.error);
        }
      }
      const { refused, leaseLost } = await store.saveExtractions(results, runId, { batchId: current.lease.id });
      if (!leaseLost) {
        for (const r of refused) {
          firstError ??= r.error.message;
          opts.onError?.(r.url, r.error);
        }
        done += current.articles.length;
      }
      bar?.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
      opts.onBatch?.(done, total);
      current = next;
    }
    await store.finishRefreshPlan(plan.id);
    bar?.stop();
    await store.recomputeConflicts();
    const rec = await store.finishRun(runId, 'ok', null);
    return rec.errors > 0 ? store.finishRun(runId, 'partial', `${rec.errors} articles could not be re-extracted; first: ${firstError}`) : rec;
  } catch (err) {
    bar?.stop();
    await store.finishRun(runId, 'failed', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
}

/**
 * Re-extracts one batch of a refresh plan for a worker (a pg-boss job names the plan and batch): leases that batch
 * to `runId`, extracts its stale articles and stores them with the batch marked done, in one transaction. Returns
 * null when the batch is done already (the job is then a no-op, never a double count). Throws `BatchLeasedError`
 * when another run holds a live lease on it: the job should fail and be retried later (the holder may be a dead
 * machine whose lease lapses), not be completed with the batch undone.
 */
export async function refreshBatch(
  store: CoverageStore,
  job: { planId: number; batchId: number },
  runId: number,
  opts: Pick<RefreshOptions, 'extractor' | 'extractBatch' | 'leaseMs' | 'onError'> = {},
): Promise<{ batch: RefreshBatch; counts: RunCounts; refused: { url: string; error: Error }[] } | null> {
  const lease = await store.leaseRefreshBatch({ planId: job.planId, runId, leaseMs: opts.leaseMs ?? REFRESH_LEASE_MS, batchId: job.batchId });
  if (!lease) {
    const open = await store.openRefreshBatches(job.planId);
    if (open.some((b) => b.id === job.batchId)) throw new BatchLeasedError(job.planId, job.batchId);
    return null;
  }
  const cutoffRunId = await store.planCutoff(job.planId);
  const articles = await store.staleArticles({ afterId: lease.firstArticleId - 1, upToId: lease.lastArticleId, limit: Number.MAX_SAFE_INTEGER, cutoffRunId });
  const extractor = opts.extractor ?? extractDocument;
  const results = opts.extractBatch
    ? await opts.extractBatch(articles)
    : articles.map((article): ExtractionResult => {
        try {
          return { article, extraction: extractor(article) };
        } catch (err) {
          return { article, error: err instanceof Error ? err : new Error(String(err)) };
        }
      });
  for (const r of results) if (r.error) opts.onError?.(r.article.url, r.error);
  const saved = await store.saveExtractions(results, runId, { batchId: lease.id });
  if (saved.leaseLost) return null;
  for (const r of saved.refused) opts.onError?.(r.url, r.error);
  await store.finishRefreshPlan(job.planId);
  return { batch: lease, counts: saved.counts, refused: saved.refused };
}

/** A refresh batch another live run holds: retry the job after a while. */
export class BatchLeasedError extends Error {
  constructor(
    readonly planId: number,
    readonly batchId: number,
  ) {
    super(`refresh plan ${planId} batch ${batchId} is leased by another running refresh; retry after its lease (REFRESH_LEASE_MS) lapses`);
    this.name = 'BatchLeasedError';
  }
}
