/**
 * A pool of worker threads running the default extractor, so `refresh` extracts on other cores while the main
 * thread writes to the database. A batch is split evenly across the workers and reassembled in order.
 */
import { Worker } from 'node:worker_threads';
import { WORKER_HEAP_MB } from './config.ts';
import type { WorkerRequest, WorkerResponse } from './extract-worker.ts';
import type { ExtractionResult, StaleArticle } from './types.ts';

/** A running pool; `close` it when the refresh is over. */
export interface ExtractorPool {
  extractBatch(articles: StaleArticle[]): Promise<ExtractionResult[]>;
  close(): Promise<void>;
}

/** Starts `size` extraction workers. */
export function createExtractorPool(size: number): ExtractorPool {
  if (!Number.isInteger(size) || size < 1) throw new Error(`extractor pool size must be a positive integer, got ${size}`);
  const entry = new URL('./extract-worker.js', import.meta.url);
  const workers = Array.from({ length: size }, () => new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
  const pending = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  for (const w of workers) {
    w.on('message', (res: WorkerResponse) => {
      pending.get(res.id)?.resolve(res);
      pending.delete(res.id);
    });
    w.on('error', (err) => {
      failure = err;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  const ask = (w: Worker, articles: StaleArticle[]) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      w.postMessage({ id, articles } satisfies WorkerRequest);
    });
  return {
    async extractBatch(articles) {
      const per = Math.ceil(articles.length / workers.length);
      const chunks = workers.map((_, i) => articles.slice(i * per, (i + 1) * per));
      const answers = await Promise.all(chunks.map((c, i) => (c.length ? ask(workers[i]!, c) : Promise.resolve({ id: 0, results: [] }))));
      return answers.flatMap((a, i) =>
        a.results.map((r, j): ExtractionResult => {
          const article = chunks[i]![j]!;
          if ('extraction' in r) return { article, extraction: r.extraction };
          const err = new Error(r.error.message);
          err.name = r.error.name;
          return { article, error: err };
        }),
      );
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
