/**
 * The store at scale: 100,000 stored articles (the bundled corpus replicated, each copy made distinct), then
 *
 *  1. `refresh --all` with the real text and fact extraction: articles/s, RSS along the way (flat?), peak RSS;
 *     its peer is the same extraction without the store, measured in this run;
 *  2. `export` of the whole table as CSV and NDJSON to a sink: rows/s and the RSS it adds (it streams).
 *
 * BENCH_ARTICLES overrides the article count; BENCH_WORKERS the refresh worker threads (default: one per core
 * beyond the first). Reads nothing outside the repository.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { EXTRACTOR_VERSION } from '../../src/extract/index.ts';
import { REFRESH_WORKERS } from '../../src/store/config.ts';
import { writeExport } from '../../src/store/format.ts';
import { corpusDocument, CorpusArticle } from '../../src/store/ingest.ts';
import { extractDocument } from '../../src/store/pipeline.ts';
import { refresh } from '../../src/store/refresh.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { createExtractorPool } from '../../src/store/workers.ts';

const N = Number(process.env.BENCH_ARTICLES ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? REFRESH_WORKERS);
const TARGET = 300;
const mib = (kib: number) => (kib / 1024).toFixed(0);
const rssMiB = () => (process.memoryUsage().rss / 1048576).toFixed(0);

const corpusDir = new URL('../../corpus/dev/', import.meta.url).pathname;
const base = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => CorpusArticle.parse(JSON.parse(readFileSync(corpusDir + f, 'utf8'))));

const dir = mkdtempSync(join(tmpdir(), 'cakupan-bench-'));
const dbPath = join(dir, 'bench.db');
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

  // ---- refresh --all ------------------------------------------------------------------------------------
  global.gc?.();
  const rssBefore = Number(rssMiB());
  const samples: string[] = [];
  const store = openStore(dbPath);
  const pool = WORKERS > 0 ? createExtractorPool(WORKERS) : null;
  t = performance.now();
  const rec = await refresh(store, {
    all: true,
    progress: false,
    extractBatch: pool?.extractBatch,
    onBatch: (done, total) => {
      if (samples.length < 10 && done >= ((samples.length + 1) * total) / 10) samples.push(rssMiB());
    },
  });
  const refreshS = (performance.now() - t) / 1000;
  await pool?.close();
  const rate = rec.articles_extracted / refreshS;
  const peerAfter = measurePeer();
  const peerRate = (peerBefore + peerAfter) / 2;
  console.log(`peer: extraction alone on the main thread, no store: ${Math.round(peerBefore)} articles/s before, ${Math.round(peerAfter)} after (${PEER_N} articles each); load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(
    `refresh --all: ${rec.articles_extracted} articles in ${refreshS.toFixed(1)} s = ${Math.round(rate)} articles/s ` +
      `(${WORKERS} extraction workers; target ≥ ${TARGET}: ${rate >= TARGET ? 'met' : 'NOT met'}); ${(rate / peerRate).toFixed(2)}× the peer`,
  );
  console.log(`refresh: outcome ${rec.outcome}, facts +${rec.facts_added} ~${rec.facts_updated} retired ${rec.facts_retired}, errors ${rec.errors}`);
  console.log(`refresh RSS (MiB) before ${rssBefore}, at each tenth: ${samples.join(' ')}`);

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
  console.log(`peak RSS of the whole bench: ${mib(process.resourceUsage().maxRSS)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
