/**
 * `cakupan refresh`: re-run text and fact extraction over stored pages, for any `CoverageStore`.
 *
 *  1. pick the cut-off: without `--all`, only articles extracted by an older extractor version; with `--all`,
 *     every article not yet re-extracted by this pass — and a pass that was killed is resumed, not restarted;
 *  2. walk the stale articles in id order, `REFRESH_BATCH` at a time (memory stays flat whatever the size);
 *  3. extract each (errors are counted and reported, the article is left as it was);
 *  4. store the batch in one transaction with its run counts, so a crash loses at most one uncommitted batch
 *     and repeats nothing twice (facts are keyed by article and evidence);
 *  5. recompute the cross-article conflict flags, close the run record.
 */
import cliProgress from 'cli-progress';
import { REFRESH_BATCH } from './config.ts';
import { extractDocument } from './pipeline.ts';
import type { CoverageStore, ExtractionResult, Extractor, RunRecord, StaleArticle } from './types.ts';

/** Options of `refresh`. */
export interface RefreshOptions {
  /** Re-extract every article, not only those of an older extractor version. @default false */
  all?: boolean;
  /** Text and fact extraction for one page. @default extractDocument */
  extractor?: Extractor;
  /** Extracts a whole batch (a worker pool); overrides `extractor`. */
  extractBatch?: (articles: StaleArticle[]) => Promise<ExtractionResult[]>;
  /** Articles per transaction. @default REFRESH_BATCH */
  batchSize?: number;
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
    let after = 0;
    let done = 0;
    // Pipelined: the next batch is read and handed to the extractor (a worker pool, when given) before the
    // current one is written, so extraction on other cores overlaps the main thread's writes.
    let batch = await store.staleArticles({ afterId: after, limit: batchSize, cutoffRunId: cutoff });
    let extracting = batch.length ? extractBatch(batch) : null;
    while (batch.length && extracting) {
      const results = await extracting;
      after = batch[batch.length - 1]!.articleId;
      const next = await store.staleArticles({ afterId: after, limit: batchSize, cutoffRunId: cutoff });
      extracting = next.length ? extractBatch(next) : null;
      for (const r of results) {
        if (r.error) {
          firstError ??= `${r.article.url}: ${r.error.message}`;
          opts.onError?.(r.article.url, r.error);
        }
      }
      const { refused } = await store.saveExtractions(results, runId);
      for (const r of refused) {
        firstError ??= r.error.message;
        opts.onError?.(r.url, r.error);
      }
      done += batch.length;
      bar?.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
      opts.onBatch?.(done, total);
      batch = next;
    }
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
