/**
 * One refresh process for the store bench: `node --import tsx refresh-proc.ts <db> [extraction-workers]` runs
 * `refresh --all` on a SQLite path or a postgres:// URL (joining the open plan when another process started one)
 * and prints one JSON line: the run record, wall seconds, and this process's peak RSS.
 */
import { openCoverageStore } from '../../src/store/open.ts';
import { refresh } from '../../src/store/refresh.ts';
import { createExtractorPool } from '../../src/store/workers.ts';

const [db, workers] = process.argv.slice(2);
const store = await openCoverageStore(db!);
const pool = Number(workers ?? 0) > 0 ? createExtractorPool(Number(workers)) : null;
const t = performance.now();
const rec = await refresh(store, { all: true, progress: false, extractBatch: pool?.extractBatch });
const seconds = (performance.now() - t) / 1000;
await pool?.close();
await store.close();
process.stdout.write(JSON.stringify({ rec, seconds, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
