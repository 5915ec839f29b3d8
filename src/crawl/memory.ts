/**
 * A soft cap on the main thread's heap during a crawl.
 *
 * A crawl's live heap is small (~30 MB: modules, frontier rows in flight) but its garbage is not: every
 * response, row and promise that waits out a network round trip is promoted to the old generation and dies
 * there. V8 lets the old generation grow to about four times the live size before collecting it, so a fast
 * crawl sat at ~125 MB of heap holding ~30 MB of live objects (measured in `npm run bench -- crawl`).
 * There is no runtime switch for V8's heap limit (`--max-old-space-size` must be given when Node starts, and
 * `src/bin.js` starts it without flags), so this guard checks the heap every `HEAP_CHECK_MS` and runs a
 * full collection when it passes `MAIN_HEAP_SOFT_LIMIT_MB`: a ~20–40 ms pause every second or two at
 * 200 requests/s, none at all in an ordinary crawl.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { HEAP_CHECK_MS, MAIN_HEAP_SOFT_LIMIT_MB } from './config.ts';

function collector(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    // Exposes V8's collector to a fresh context only; the global scope is left as it was.
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

/** Starts the guard; returns the function that stops it. */
export function startHeapGuard(softLimitMb = MAIN_HEAP_SOFT_LIMIT_MB, everyMs = HEAP_CHECK_MS): () => void {
  const gc = collector();
  if (!gc) return () => undefined;
  const limit = softLimitMb * 1024 * 1024;
  const timer = setInterval(() => {
    if (process.memoryUsage().heapUsed > limit) gc();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
