/**
 * The store at scale: 100,000 stored articles (the bundled corpus replicated, each copy made distinct), then
 *
 *  1. `refresh --all` with the real text and fact extraction, in its own process (test/bench/refresh-proc.ts):
 *     articles/s, RSS at each tenth (flat?), peak RSS; its peer is the same extraction without the store,
 *     measured in this run before and after. This run is also part 3's SQLite figure (one pass, not two);
 *  2. `export` of the whole table as CSV and NDJSON to a sink: rows/s and the RSS it adds (it streams);
 *  3. issue 10's comparison, each configuration in processes of its own, each timed from the first process
 *     ready to the last one done (start-up and shut-down left out alike): SQLite single process, then
 *     PostgreSQL (a fresh schema on the machine's server, the same articles) through the queue, as
 *     `cakupan refresh --db postgres://…` does it — 1 and then 2 `cakupan worker --until-idle` (test/bench/worker-proc.ts) —
 *     articles/s, each process's peak RSS, and the 2-vs-1 speed-up (goal ≥ 1.6× on 2 cores).
 *
 * Every pass re-extracts all N articles (~430 articles/s per core): four passes at 100,000 take about 13 minutes
 * on the idle machine, so the extra passes are opt-in.
 *
 * BENCH_ARTICLES overrides the article count; BENCH_WORKERS the extraction worker threads of part 1's
 * refresh (default REFRESH_WORKERS, 0: the main thread, as in part 3); BENCH_COMPARE_ONLY=1 skips parts 1-2; BENCH_IN_PROCESS=1 adds `refresh --in-process` on PostgreSQL in 1 and 2 processes sharing one plan; BENCH_REPEAT=n alternates the 1- and 2-process runs n times (medians); BENCH_LOG=1 shows the workers' job lines; BENCH_PG the PostgreSQL URL (default the machine's, 127.0.0.1). Reads nothing outside
 * the repository; talks only to 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { EXTRACTOR_VERSION } from '../../src/extract/index.ts';
import { REFRESH_WORKERS } from '../../src/store/config.ts';
import { writeExport } from '../../src/store/format.ts';
import { corpusDocument, CorpusArticle } from '../../src/store/ingest.ts';
import { extractDocument } from '../../src/store/pipeline.ts';
import { openPgStore } from '../../src/store/postgres.ts';
import { createPgPool, dropPgSchema } from '../../src/store/pg.ts';
import { openStore } from '../../src/store/sqlite.ts';
import type { RunRecord } from '../../src/store/types.ts';

const N = Number(process.env.BENCH_ARTICLES ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? REFRESH_WORKERS);
const TARGET = 300;
/** The machine's PostgreSQL (trust auth, database `test`). */
const PG_URL = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const mib = (kib: number) => (kib / 1024).toFixed(0);
const rssMiB = () => (process.memoryUsage().rss / 1048576).toFixed(0);

const corpusDir = new URL('../../corpus/dev/', import.meta.url).pathname;
const base = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => CorpusArticle.parse(JSON.parse(readFileSync(corpusDir + f, 'utf8'))));

const dir = mkdtempSync(join(tmpdir(), 'cakupan-bench-'));
const dbPath = join(dir, 'bench.db');
/** The SQLite refresh: part 1's (when it runs), else part 3's own. */
let sqliteOne: Awaited<ReturnType<typeof procs>> | undefined;
try {
  // ---- setup: N articles stored by an "older extractor" (version - 1), facts included --------------------
  let t = performance.now();
  const old = openStore(dbPath, { extractorVersion: EXTRACTOR_VERSION - 1 });
  const run = await old.startRun('ingest', { bench: true });
  const baseExtractions = base.map((a, i) => extractDocument(corpusDocument(a, `b${i}`)));
  const SETUP_BATCH = 1000;
  for (let start = 0; start < N; start += SETUP_BATCH) {
    old.transaction(() => {
      for (let i = start; i < Math.min(N, start + SETUP_BATCH); i++) {
        const k = i % base.length;
        // A distinct copy: the same text with a numbered line appended, so facts' offsets stay valid.
        const text = `${base[k]!.text}\n(salinan ${i})`;
        const doc = corpusDocument({ ...base[k]!, url: `https://bench.example/${k}/${i}`, text }, `b${i}`);
        void old.saveDocument(doc, { ...baseExtractions[k]!, text }, run);
      }
    });
  }
  await old.finishRun(run, 'ok');
  await old.close();
  const setupS = (performance.now() - t) / 1000;
  const facts0 = (() => {
    const s = openStore(dbPath);
    const n = s.db.prepare('SELECT count(*) FROM facts').pluck().get() as number;
    void s.close();
    return n;
  })();
  console.log(`setup: ${N} articles (${facts0} facts) stored in ${setupS.toFixed(1)} s (${Math.round(N / setupS)} articles/s), file ${(statSync(dbPath).size / 1048576).toFixed(0)} MiB`);

  if (!process.env.BENCH_COMPARE_ONLY) {
    // ---- peer: extraction alone over the same texts (measured before and after the refresh: the load varies) ----
    const PEER_N = Math.min(N, 3_000);
    const measurePeer = () => {
      const start = performance.now();
      for (let i = 0; i < PEER_N; i++) {
        const k = i % base.length;
        extractDocument(corpusDocument({ ...base[k]!, text: `${base[k]!.text}\n(salinan ${i})` }, 'p'));
      }
      return PEER_N / ((performance.now() - start) / 1000);
    };
    const peerBefore = measurePeer();

    // ---- refresh --all: in its own process (test/bench/refresh-proc.ts), which is also part 3's SQLite figure ----
    // (one refresh of the N articles serves both: a second pass would add minutes and measure the same thing)
    sqliteOne = await procs([dbPath], 1, WORKERS);
    const rec = sqliteOne.recs[0]!;
    const rate = sqliteOne.rate;
    const peerAfter = measurePeer();
    const peerRate = (peerBefore + peerAfter) / 2;
    console.log(`peer: extraction alone on the main thread, no store: ${Math.round(peerBefore)} articles/s before, ${Math.round(peerAfter)} after (${PEER_N} articles each); load average ${loadavg()[0]!.toFixed(1)}`);
    console.log(
      `refresh --all: ${rec.articles_extracted} articles in ${sqliteOne.seconds.toFixed(1)} s = ${Math.round(rate)} articles/s ` +
        `(${WORKERS} extraction workers; target ≥ ${TARGET}: ${rate >= TARGET ? 'met' : 'NOT met'}); ${(rate / peerRate).toFixed(2)}× the peer`,
    );
    console.log(`refresh: outcome ${rec.outcome}, facts +${rec.facts_added} ~${rec.facts_updated} retired ${rec.facts_retired}, errors ${rec.errors}`);
    console.log(`refresh RSS (MiB) at each tenth: ${sqliteOne.rssTenths[0]!.join(' ')}; peak ${sqliteOne.rss[0]}`);

    const store = openStore(dbPath);
    // ---- export streams -----------------------------------------------------------------------------------
    for (const format of ['csv', 'ndjson'] as const) {
      global.gc?.();
      const before = Number(rssMiB());
      let peak = before;
      let bytes = 0;
      const sink = new Writable({
        highWaterMark: 64 * 1024,
        write(chunk: Buffer, _enc, cb) {
          bytes += chunk.length;
          setImmediate(cb);
        },
      });
      const timer = setInterval(() => (peak = Math.max(peak, Number(rssMiB()))), 50);
      t = performance.now();
      const rows = await writeExport(store.exportRows(), format, sink);
      const s = (performance.now() - t) / 1000;
      clearInterval(timer);
      console.log(`export ${format}: ${rows} rows, ${(bytes / 1048576).toFixed(0)} MiB in ${s.toFixed(1)} s = ${Math.round(rows / s)} rows/s; RSS ${before} -> peak ${peak} MiB`);
    }
    await store.close();
    console.log(`peak RSS of the bench process (parts 1-2): ${mib(process.resourceUsage().maxRSS)} MiB`);

  }

  // ---- 3. SQLite 1 process vs PostgreSQL 1 and 2 processes, each refresh in its own process ----------------
  sqliteOne ??= await procs([dbPath], 1);
  const schema = `bench_${process.pid}`;
  const pgUrl = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  try {
    t = performance.now();
    await seedPg(pgUrl, schema, baseExtractions);
    console.log(`postgres setup: ${N} articles copied in ${((performance.now() - t) / 1000).toFixed(1)} s (schema ${schema})`);
    // The queue (what `cakupan refresh --db postgres://…` does): the plan's batches enqueued, 1 then 2
    // `cakupan worker --until-idle` take them. BENCH_IN_PROCESS=1 adds `refresh --in-process` in 1 and 2 processes
    // sharing one plan (two more passes over the N articles: left out by default so 100,000 fit in 15 minutes).
    // BENCH_REPEAT=n alternates the 1- and 2-process runs n times (a shared machine's load drifts): medians shown.
    const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
    const median = <T extends { rate: number }>(xs: T[]) => [...xs].sort((a, b) => a.rate - b.rate)[Math.floor(xs.length / 2)]!;
    const pair = async (label: string, one: () => Promise<Measured>, two: () => Promise<Measured>) => {
      const ones: Measured[] = [];
      const twos: Measured[] = [];
      for (let i = 0; i < REPEAT; i++) {
        ones.push(await one());
        twos.push(await two());
      }
      if (REPEAT > 1) console.log(`  ${label} pairs (1 / 2, articles/s): ${ones.map((o, i) => `${Math.round(o.rate)}/${Math.round(twos[i]!.rate)}`).join(', ')}`);
      return [median(ones), median(twos)] as const;
    };
    const results: Measured[] = [sqliteOne];
    const ratios: string[] = [];
    const ratio = (what: string, one: Measured, two: Measured) => {
      const x = two.rate / one.rate;
      ratios.push(`  ${what}: ${x.toFixed(2)}× (goal ≥ 1.6×: ${x >= 1.6 ? 'met' : 'NOT met'}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
    };
    const [boss1, boss2] = await pair('queue', () => workers(pgUrl, 1), () => workers(pgUrl, 2));
    results.push(boss1, boss2);
    ratio('PostgreSQL 2 cakupan workers / 1 (pg-boss queue)', boss1, boss2);
    // The machine's own ceiling for this work: extraction alone (no store, no queue) in 1 and then 2 processes.
    // Long enough to be JIT-warm and to outlast the start of the other process (a few seconds says nothing).
    const CEILING_N = Math.max(5_000, Math.min(20_000, Math.round(N / 5)));
    const [alone1, alone2] = await pair('extraction alone', () => extractOnly(1, CEILING_N), () => extractOnly(2, CEILING_N));
    const ceiling = alone2.rate / alone1.rate;
    ratios.push(
      `  ceiling (peer, same run): extraction alone, no store, ${CEILING_N} articles per process: 1 process ${Math.round(alone1.rate)} articles/s, 2 at once ${Math.round(alone2.rate)} = ${ceiling.toFixed(2)}×; ` +
        `the 2 workers reach ${((boss2.rate / boss1.rate / ceiling) * 100).toFixed(0)} % of it`,
    );
    if (process.env.BENCH_IN_PROCESS) {
      const [pgOne, pgTwo] = await pair('in-process', () => procs([pgUrl], 1), () => procs([pgUrl, pgUrl], 2));
      results.push(pgOne, pgTwo);
      ratio('PostgreSQL 2 refresh --in-process processes / 1', pgOne, pgTwo);
    }
    console.log(`refresh --all of the stored articles, real extraction, one process per worker (start-up and shut-down left out; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}):`);
    for (const r of results) console.log(`  ${r.label.padEnd(30)} ${String(Math.round(r.rate)).padStart(5)} articles/s  peak RSS ${r.rss.join(' + ')} MiB  (${r.articles} articles in ${r.seconds.toFixed(1)} s; split ${r.split.join('/')})`);
    for (const l of ratios) console.log(l);
  } finally {
    await dropPgSchema(PG_URL, schema).catch(() => undefined);
    await dropPgSchema(PG_URL, `${schema}_boss`).catch(() => undefined);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** One configuration's figures: articles over the span from the first process ready to the last one done. */
interface Measured {
  label: string;
  rate: number;
  seconds: number;
  articles: number;
  rss: number[];
  split: (number | string)[];
}

/**
 * Runs `refresh --all` in one child process per location at once; the rate is all their articles over the span
 * from the first process ready (store open) to the last one done, so start-up is left out as for the workers.
 */
async function procs(locations: string[], n: number, extractionWorkers = 0) {
  const outs = await Promise.all(
    locations.map(
      (loc) =>
        new Promise<{ rec: RunRecord; startedAt: number; endedAt: number; rssTenths: number[]; maxRssMiB: number }>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', new URL('./refresh-proc.ts', import.meta.url).pathname, loc, String(extractionWorkers)], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout.on('data', (c: Buffer) => (out += c.toString()));
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`refresh process on ${loc} exited ${code}`))));
        }),
    ),
  );
  const seconds = span(outs);
  const articles = outs.reduce((s, o) => s + o.rec.articles_extracted, 0);
  const kind = locations[0]!.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  if (outs.some((o) => o.rec.outcome !== 'ok')) console.log(`  (outcomes: ${outs.map((o) => `${o.rec.outcome}, ${o.rec.errors} errors`).join('; ')})`);
  const label = `${kind}, ${n} ${n === 1 ? 'process' : 'processes'}${kind === 'PostgreSQL' ? ' (in-process)' : ''}`;
  return { label, rate: articles / seconds, seconds, articles, rss: outs.map((o) => o.maxRssMiB), split: outs.map((o) => o.rec.articles_extracted), recs: outs.map((o) => o.rec), rssTenths: outs.map((o) => o.rssTenths) };
}

/** Seconds from the first process ready to the last one done. */
function span(outs: { startedAt: number; endedAt: number }[]): number {
  return (Math.max(...outs.map((o) => o.endedAt)) - Math.min(...outs.map((o) => o.startedAt))) / 1000;
}

/** `n` extraction-only processes (test/bench/extract-proc.ts) at once, `each` articles each; rate over their common span. */
async function extractOnly(n: number, each: number): Promise<Measured> {
  const outs = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<{ startedAt: number; endedAt: number; articles: number }>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', new URL('./extract-proc.ts', import.meta.url).pathname, String(each)], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout.on('data', (c: Buffer) => (out += c.toString()));
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`extraction process exited ${code}`))));
        }),
    ),
  );
  const seconds = span(outs);
  const articles = outs.reduce((s, o) => s + o.articles, 0);
  return { label: `extraction alone, ${n} process${n === 1 ? '' : 'es'}`, rate: articles / seconds, seconds, articles, rss: [], split: outs.map((o) => o.articles) };
}

/** Enqueues a `refresh --all` (W's enqueueRefreshJobs) and runs `n` queue workers until idle; rate over the wall time. */
async function workers(url: string, n: number): Promise<Measured> {
  const { enqueueRefreshJobs } = await import('../../src/worker/enqueue.ts');
  const queued = JSON.parse(await enqueueRefreshJobs({ db: url, all: true, json: true })) as { articles: number; planId: number };
  const outs = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<{ startedAt: number; endedAt: number; jobs: number; failed: number; maxRssMiB: number }>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', new URL('./worker-proc.ts', import.meta.url).pathname, url], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout.on('data', (c: Buffer) => (out += c.toString()));
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`worker on ${url} exited ${code}`))));
        }),
    ),
  );
  const seconds = span(outs);
  const h = await createPgPool(url);
  const done = Number((await h.pool.query('SELECT COALESCE(sum(articles), 0) AS n FROM refresh_batches WHERE plan_id = $1 AND state = $2', [queued.planId, 'done'])).rows[0].n);
  await h.close();
  if (outs.some((o) => o.failed > 0)) console.log(`  (failed jobs: ${outs.map((o) => o.failed).join(' + ')})`);
  return { label: `PostgreSQL, ${n} worker${n === 1 ? '' : 's'} (queue)`, rate: done / seconds, seconds, articles: done, rss: outs.map((o) => o.maxRssMiB), split: outs.map((o) => `${o.jobs} jobs`) };
}

/**
 * The same N articles in a fresh PostgreSQL schema: the corpus articles stored through the store (as part 1's
 * setup does), then copied in SQL (pages, articles, facts and categories of copy i from corpus article i mod K,
 * the copy's text with its numbered line appended, stored uncompressed), so setup takes seconds, not minutes.
 */
async function seedPg(url: string, schemaName: string, baseExtractions: ReturnType<typeof extractDocument>[]): Promise<void> {
  const K = base.length;
  const store = await openPgStore(url, { extractorVersion: EXTRACTOR_VERSION - 1 });
  const run = await store.startRun('ingest', { bench: true });
  const texts: string[] = [];
  for (let i = 0; i < Math.min(K, N); i++) {
    const text = `${base[i]!.text}\n(salinan ${i})`;
    texts.push(base[i]!.text);
    await store.saveDocument(corpusDocument({ ...base[i]!, url: `https://bench.example/${i}/${i}`, text }, `b${i}`), { ...baseExtractions[i]!, text }, run);
  }
  await store.finishRun(run, 'ok');
  await store.close();
  const h = await createPgPool(url, { schema: schemaName });
  try {
    const db = h.pool;
    const ids = (await db.query('SELECT id FROM articles ORDER BY id')).rows.map((r) => Number(r.id));
    if (ids.join() !== Array.from({ length: Math.min(K, N) }, (_, i) => i + 1).join()) throw new Error('bench seed: the corpus articles did not get ids 1..K');
    const src = `SELECT i, (i % $1) + 1 AS base_id, t.text || E'\n(salinan ' || i || ')' AS text
                 FROM generate_series($1::bigint, $2::bigint - 1) AS i JOIN unnest($3::text[]) WITH ORDINALITY AS t(text, ord) ON t.ord = (i % $1) + 1`;
    const args = [K, N, texts];
    await db.query(
      `INSERT INTO pages (id, url, canonical_url, site_id, fetched_at, status, headers, content_type, kind, sha256, size, body_encoding, title_hint, published_hint, article_id, ingest_run_id, body)
       SELECT s.i + 1, 'https://bench.example/' || (s.base_id - 1) || '/' || s.i, NULL, p.site_id, p.fetched_at, p.status, p.headers, p.content_type, p.kind,
              encode(sha256(convert_to(s.text, 'UTF8')), 'hex'), octet_length(convert_to(s.text, 'UTF8')), 'identity', p.title_hint, p.published_hint, NULL, p.ingest_run_id, convert_to(s.text, 'UTF8')
       FROM (${src}) s JOIN pages p ON p.id = s.base_id`,
      args,
    );
    await db.query(
      `INSERT INTO articles (id, page_id, extractor_version, extracted_at, extracted_run_id, text_sha256, text_fingerprint, method, title, published, text)
       SELECT s.i + 1, s.i + 1, a.extractor_version, a.extracted_at, a.extracted_run_id, encode(sha256(convert_to(s.text, 'UTF8')), 'hex'),
              encode(sha256(convert_to(s.text, 'UTF8')), 'hex'), a.method, a.title, a.published, s.text
       FROM (${src}) s JOIN articles a ON a.id = s.base_id`,
      args,
    );
    await db.query('UPDATE pages SET article_id = id WHERE id > $1', [K]);
    for (const table of ['facts', 'categories']) {
      const cols = (await db.query("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name NOT IN ('id', 'article_id') ORDER BY ordinal_position", [schemaName, table])).rows.map((r) => String(r.column_name));
      await db.query(
        `INSERT INTO ${table} (article_id, ${cols.join(', ')}) SELECT g.i + 1, ${cols.map((c) => 'x.' + c).join(', ')}
         FROM generate_series($1::bigint, $2::bigint - 1) AS g(i) JOIN ${table} x ON x.article_id = (g.i % $1) + 1`,
        [K, N],
      );
    }
    for (const table of ['pages', 'articles']) await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    await db.query('ANALYZE');
  } finally {
    await h.close();
  }
}
