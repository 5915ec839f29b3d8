/**
 * One refresh process for the store bench: `node --import tsx refresh-proc.ts <db> [extraction-workers]` runs
 * `refresh --all` on a SQLite path or a postgres:// URL (joining the open plan when another process started one)
 * and prints one JSON line: the run record, when the work started and ended (epoch ms: after the store is open,
 * after the run is closed, so process start-up is left out the same way for every configuration), the RSS at
 * each tenth of the work, and this process's peak RSS.
 */
import { openCoverageStore } from '../../src/store/open.ts';
import { refresh } from '../../src/store/refresh.ts';
import { createExtractorPool } from '../../src/store/workers.ts';

const [db, workers] = process.argv.slice(2);
const store = await openCoverageStore(db!);
const pool = Number(workers ?? 0) > 0 ? createExtractorPool(Number(workers)) : null;
const rssTenths: number[] = [];
const startedAt = Date.now();
const rec = await refresh(store, {
  all: true,
  progress: false,
  extractBatch: pool?.extractBatch,
  onBatch: (done, total) => {
    if (rssTenths.length < 10 && done >= ((rssTenths.length + 1) * total) / 10) rssTenths.push(Math.round(process.memoryUsage().rss / 1048576));
  },
});
const endedAt = Date.now();
await pool?.close();
await store.close();
process.stdout.write(JSON.stringify({ rec, startedAt, endedAt, rssTenths, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
