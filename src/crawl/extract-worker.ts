/**
 * Worker thread of the extraction pool (see extract-pool.ts): receives jobs, answers with `runJob`'s result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { relevanceFilter } from './relevance.ts';
import { runJob, type ExtractJob, type ExtractReply } from './extract-pool.ts';

const relevance = relevanceFilter((workerData as { keywords: string[] }).keywords);

parentPort!.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = { id: job.id, ...runJob(job, relevance) };
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err), errorCode: (err as { code?: string }).code };
  }
  parentPort!.postMessage(reply);
});
