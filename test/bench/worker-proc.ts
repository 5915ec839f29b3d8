/**
 * One `cakupan worker --until-idle` for the store bench: `node --import tsx worker-proc.ts <postgres-url>` takes
 * refresh jobs from the queue until it is empty and prints one JSON line: when it was ready for work (epoch ms,
 * its "started on" log line: store, queues and pools open) and when its last job ended (so start-up and
 * shut-down are left out, as refresh-proc.ts leaves them out), jobs done, this process's peak RSS (the worker
 * itself is src/worker/worker.ts). BENCH_LOG=1 passes the worker's log lines to stderr.
 */
import { runWorker } from '../../src/worker/worker.ts';

const [db] = process.argv.slice(2);
let startedAt = Date.now();
let endedAt = startedAt;
const r = await runWorker({
  db: db!,
  untilIdle: true,
  log: (line) => {
    if (/: started on /.test(line)) startedAt = endedAt = Date.now();
    else if (line.startsWith('job ')) endedAt = Date.now();
    if (process.env.BENCH_LOG) process.stderr.write(`[${process.pid}] ${line}\n`);
  },
});
process.stdout.write(JSON.stringify({ startedAt, endedAt, jobs: r.jobs, failed: r.failed, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
