/**
 * How the review site holds up on a large store: N facts spread over every kabupaten/kota, random
 * confidence, then the timings of what a reviewer triggers (median of 5, milliseconds). Run by hand:
 *
 *   npx tsx test/review/scale.ts 100000
 */
import { startReviewServer } from '../../src/review/server.ts';
import { ReviewService } from '../../src/review/service.ts';
import { BANJAR, seedStore, tempDir } from './seed.ts';

const N = Number(process.argv[2] ?? 100_000);
const tmp = tempDir();
const store = await seedStore(`${tmp.dir}/scale.db`, [BANJAR]);
const db = store.db;
const codes = db.prepare("SELECT code FROM regions WHERE level IN ('kabupaten', 'kota')").pluck().all() as string[];
const metrics = ['coverage_pct', 'active_pct', 'enrolled_count', 'population'];
const clone = db.prepare(`INSERT INTO facts (article_id, match_key, region_code, metric, value, as_of, published, confidence, reasons, evidence_start,
  evidence_end, evidence_text, raw, extracted_value, extracted_as_of, extractor_version, status, flags, version, created_at, updated_at)
  SELECT article_id, @key, @code, @metric, value, @as_of, published, @confidence, reasons, evidence_start, evidence_end, evidence_text, raw,
    extracted_value, extracted_as_of, extractor_version, 'auto', flags, 1, created_at, updated_at FROM facts WHERE id = 1`);
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
db.transaction(() => {
  for (let i = 0; i < N; i++)
    clone.run({ key: `scale-${i}`, code: codes[i % codes.length], metric: metrics[i % 4], as_of: `${2020 + (i % 6)}`, confidence: Math.round(rand() * 100) / 100 });
})();
db.pragma('optimize');

const svc = new ReviewService(store);
const srv = await startReviewServer(svc, { port: 0, reviewer: 'scale' });
const median = async (f: () => unknown | Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2]!.toFixed(1);
};
const size = await svc.queueSize();
const get = (path: string) => fetch(srv.url + path).then((r) => r.text());
const rows: [string, string][] = [
  ['queue size (count both halves)', await median(() => svc.queueSize())],
  ['GET /queue (first 50 rows)', await median(() => get('/queue'))],
  [`GET /queue?offset=${Math.floor(size.total / 2)}`, await median(() => get(`/queue?offset=${Math.floor(size.total / 2)}`))],
  ['GET /review?pos=0 (a fact page)', await median(() => get('/review?pos=0'))],
  ['GET /review?pos=0&province=63 (filtered)', await median(() => get('/review?pos=0&province=63'))],
  [
    'POST accept (write + audit row, then the redirect target)',
    await median(async () => {
      const e = (await svc.queueAt({}, 0))!;
      const body = new URLSearchParams({ csrf: srv.csrf, version: String(e.fact.version), pos: '0' });
      await fetch(`${srv.url}/${e.fact.kind}/${e.fact.id}/accept`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }).then((r) => r.text());
    }),
  ],
  ['GET /dashboard (after a write: coverage_latest recomputed)', await median(async () => {
    const e = (await svc.queueAt({}, 0))!;
    await svc.accept(e.fact, e.fact.version, 'scale');
    await get('/dashboard');
  })],
  ['GET /dashboard (unchanged data: cached rows, re-sorted)', await median(() => get('/dashboard?sort=coverage_pct&dir=desc'))],
];
process.stdout.write(`${N} facts, ${size.total} queued (${size.doubtful} doubtful + ${size.sampled} sampled)\n`);
for (const [what, ms] of rows) process.stdout.write(`${what.padEnd(58)} ${ms.padStart(8)} ms\n`);
await srv.close();
await store.close();
tmp.cleanup();
