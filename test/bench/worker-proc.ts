/**
 * One `cakupan worker --until-idle` for the store bench: `node --import tsx worker-proc.ts <postgres-url>` takes
 * refresh jobs from the queue until it is empty and prints one JSON line: wall seconds, jobs done, this process's
 * peak RSS (the worker itself is src/worker/worker.ts, engineer W's).
 */
import { runWorker } from '../../src/worker/worker.ts';

const [db] = process.argv.slice(2);
const t = performance.now();
const r = await runWorker({ db: db!, untilIdle: true, log: () => undefined });
process.stdout.write(JSON.stringify({ seconds: (performance.now() - t) / 1000, jobs: r.jobs, failed: r.failed, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
