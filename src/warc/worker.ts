/**
 * The body of one WARC scan worker: receives a file to scan, posts its events (scan.ts) back in file order.
 * The parent answers each `page` event with `ack` once stored, so a worker never runs far ahead of the
 * database (a killed run then loses nothing it was told was stored, and memory stays flat).
 */
import { parentPort } from 'node:worker_threads';
import { scanWarc, type ScanEvent, type ScanJob } from './scan.ts';

/** Parent to worker. */
export type ToWorker = { t: 'scan'; id: number; job: ScanJob } | { t: 'ack'; id: number } | { t: 'stop' };
/** Worker to parent. */
export type FromWorker = { t: 'event'; id: number; event: ScanEvent } | { t: 'failed'; id: number; message: string } | { t: 'finished'; id: number };

/** Pages posted and not yet acknowledged, per worker: enough to keep the store busy, few enough to hold in memory. @default 8 */
export const MAX_UNACKED_PAGES = 8;

const controller = new AbortController();
let unacked = 0;
let wake: (() => void) | null = null;

parentPort!.on('message', (m: ToWorker) => {
  if (m.t === 'ack') {
    unacked--;
    wake?.();
    wake = null;
  } else if (m.t === 'stop') {
    controller.abort();
    wake?.();
  } else {
    void run(m.id, m.job);
  }
});

async function run(id: number, job: ScanJob): Promise<void> {
  try {
    await scanWarc(
      job,
      async (event) => {
        if (event.t === 'page') {
          while (unacked >= MAX_UNACKED_PAGES && !controller.signal.aborted) await new Promise<void>((r) => (wake = r));
          unacked++;
        }
        parentPort!.postMessage({ t: 'event', id, event } satisfies FromWorker);
      },
      controller.signal,
    );
    parentPort!.postMessage({ t: 'finished', id } satisfies FromWorker);
  } catch (err) {
    parentPort!.postMessage({ t: 'failed', id, message: (err as Error).message } satisfies FromWorker);
  }
}
