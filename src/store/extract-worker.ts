/**
 * The body of one extraction worker: receives batches of stored pages, returns each page's extraction or the
 * error it raised (as name and message: Error objects do not cross threads intact).
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument } from './pipeline.ts';
import type { ArticleExtraction, StaleArticle } from './types.ts';

/** A batch sent to a worker. */
export interface WorkerRequest {
  id: number;
  articles: StaleArticle[];
}

/** A worker's answer, in the order of the request. */
export interface WorkerResponse {
  id: number;
  results: ({ extraction: ArticleExtraction } | { error: { name: string; message: string } })[];
}

parentPort?.on('message', (req: WorkerRequest) => {
  const results = req.articles.map((a) => {
    try {
      return { extraction: extractDocument({ ...a, bytes: Buffer.from(a.bytes) }) };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      return { error: { name: e.name, message: e.message } };
    }
  });
  parentPort!.postMessage({ id: req.id, results } satisfies WorkerResponse);
});
