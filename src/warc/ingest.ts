/**
 * `cakupan ingest FILE.warc.gz …`: web archives into the store.
 *
 *  1. expand the inputs: `.warc`, `.warc.gz` (local paths or http(s) URLs) and paths lists (`warc.paths.gz`, one
 *     file per line; relative lines are resolved against `--warc-base`, Common Crawl's by default);
 *  2. per file, continue at the offset the last run recorded (`warc_files`), or skip a file read to the end;
 *  3. scan the files in worker threads, one file per worker (scan.ts: records, filters, text and fact stages);
 *  4. here, in file order: each page through the store like any other document — a page already stored under
 *     its URL (by the crawler, say) is left as it is, a copy under another URL is linked to the article by its
 *     canonical URL or text fingerprint — its WARC record noted in `warc_sources`, then the file's offset moved on;
 *  5. recompute the conflict flags, close the run.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import cliProgress from 'cli-progress';
import { InputError } from '../extract/document.ts';
import type { CoverageStore, RunRecord } from '../store/types.ts';
import { warcLedgerOf } from '../store/warc-store.ts';
import { isPathsList, isWarcInput } from './inputs.ts';
import type { ScanCounts, ScanEvent, ScanJob } from './scan.ts';
import type { FromWorker, ToWorker } from './worker.ts';

export { isWarcInput };

/** Where relative lines of a paths list point: CC-NEWS's `warc.paths.gz` lists paths under this. @default https://data.commoncrawl.org/ */
export const DEFAULT_WARC_BASE = 'https://data.commoncrawl.org/';
/**
 * Scan workers: one per core, each reading its own file (a 1 GB CC-NEWS file is one core's work). A single
 * file is scanned in this thread: a worker would only add a second copy of the text stage (~100 MB). @default availableParallelism()
 */
export const DEFAULT_WARC_WORKERS = Math.max(1, availableParallelism());
/** Young generation of a scan worker: pages are short-lived, and V8's default lets ~48 MB of garbage sit resident. @default 8 MB */
export const WORKER_YOUNG_GENERATION_MB = 8;
/** Old generation cap of a scan worker: news pages need a fraction of it; a runaway page kills the worker (its file fails, the next gets a new one), not the machine. @default 256 MB */
export const WORKER_OLD_GENERATION_MB = 256;
/** Largest paths list read: a list is one short line per file; more than this is not a paths list. @default 64 MiB */
export const MAX_PATHS_LIST_BYTES = 64 * 1024 * 1024;

/** Options of `ingestWarc`. */
export interface WarcIngestOptions {
  /** Host filter entries ("a.id", ".id", "*"). */
  hosts: string[];
  /** Relevance keywords (data/sites.json). */
  keywords: string[];
  /** Worker threads; 0 scans in this thread. @default DEFAULT_WARC_WORKERS (at most one per file) */
  workers?: number;
  /** @default DEFAULT_WARC_BASE */
  warcBase?: string;
  /** Show a progress bar on stderr (TTY only). @default true */
  progress?: boolean;
  /** Private addresses a WARC URL may resolve to. @default env CAKUPAN_ALLOW_PRIVATE, else public only */
  allowPrivate?: boolean | string;
  onBad?: (source: string, offset: number, reason: string) => void;
  onFile?: (source: string, what: string) => void;
  signal?: AbortSignal;
}

/** Per-file figures of a run. */
export interface WarcFileResult {
  source: string;
  startOffset: number;
  nextOffset: number;
  bytesRead: number;
  counts: ScanCounts;
  done: boolean;
  error: string | null;
}

export interface WarcIngestResult {
  run: RunRecord;
  files: WarcFileResult[];
  elapsedMs: number;
}

async function fetchBytes(url: string, allowPrivate?: boolean | string): Promise<Buffer> {
  const { getUrl } = await import('./scan.ts');
  const res = await getUrl(url, {}, allowPrivate);
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new InputError(url, `HTTP ${res.statusCode}`);
  }
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of res.body) {
    n += (c as Buffer).length;
    if (n > MAX_PATHS_LIST_BYTES) throw new InputError(url, `paths list larger than ${MAX_PATHS_LIST_BYTES} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The WARC files of the inputs, paths lists expanded, in order, each once. */
export async function expandWarcInputs(inputs: string[], warcBase = DEFAULT_WARC_BASE, allowPrivate?: boolean | string): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (!isPathsList(input)) {
      out.push(/^https?:\/\//i.test(input) ? input : resolve(input));
      continue;
    }
    const remote = /^https?:\/\//i.test(input);
    if (!remote && !existsSync(input)) throw new InputError(input, 'no such file');
    let bytes = remote ? await fetchBytes(input, allowPrivate) : readFileSync(input);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: MAX_PATHS_LIST_BYTES });
    for (const raw of bytes.toString('utf8').split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      if (/^https?:\/\//i.test(line)) out.push(line);
      else if (line.startsWith('/')) out.push(line);
      else if (!remote && existsSync(join(dirname(input), line))) out.push(resolve(dirname(input), line));
      else out.push(new URL(line, warcBase).href);
    }
  }
  return [...new Set(out)];
}

const zero = (): ScanCounts => ({ records: 0, responses: 0, hostRejected: 0, notHtml: 0, notIndonesian: 0, irrelevant: 0, kept: 0, facts: 0, bad: 0 });

/** Ingests WARC files as one run, into either backend: the resume offsets live next to the data (src/store/warc-store.ts). */
export async function ingestWarc(store: CoverageStore, inputs: string[], opts: WarcIngestOptions): Promise<WarcIngestResult> {
  const started = Date.now();
  const ledger = await warcLedgerOf(store);
  const sources = await expandWarcInputs(inputs, opts.warcBase, opts.allowPrivate);
  const runId = await store.startRun('ingest', { warc: sources, hosts: opts.hosts });
  const files: WarcFileResult[] = [];
  const bar = opts.progress !== false && process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'warc {bar} {percentage}% | {mb} MB | {mbs} MB/s | {rps} rec/s | kept {kept} | facts {facts} | bad {bad} | files {fdone}/{files}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  const totals = { bytes: 0, records: 0, kept: 0, facts: 0, bad: 0, filesDone: 0 };
  let knownSize = 0;
  const jobs: { job: ScanJob; result: WarcFileResult }[] = [];
  for (const source of sources) {
    const row = await ledger.open(source, runId);
    const result: WarcFileResult = { source, startOffset: row.next_offset, nextOffset: row.next_offset, bytesRead: 0, counts: zero(), done: row.done === 1, error: null };
    files.push(result);
    if (row.done) {
      opts.onFile?.(source, `already read to the end (${row.kept} pages kept); skipped`);
      continue;
    }
    if (row.next_offset > 0) opts.onFile?.(source, `resuming at offset ${row.next_offset}`);
    // Local files give the bar its total; a URL's size is known once it is read (its bar then grows with it).
    const size = row.size ?? (/^https?:\/\//i.test(source) ? null : (statSync(source, { throwIfNoEntry: false })?.size ?? null));
    if (size) knownSize += Math.max(0, size - row.next_offset);
    jobs.push({ job: { source, startOffset: row.next_offset, hosts: opts.hosts, keywords: opts.keywords, allowPrivate: opts.allowPrivate }, result });
  }
  bar?.start(Math.max(knownSize, 1), 0, { mb: '0', mbs: '0', rps: '0', kept: 0, facts: 0, bad: 0, fdone: 0, files: jobs.length });
  const show = () => {
    const s = Math.max((Date.now() - started) / 1000, 0.001);
    if (totals.bytes > knownSize) knownSize = totals.bytes;
    bar?.setTotal(Math.max(knownSize, 1));
    bar?.update(totals.bytes, { mb: (totals.bytes / 1e6).toFixed(1), mbs: (totals.bytes / 1e6 / s).toFixed(1), rps: (totals.records / s).toFixed(0), kept: totals.kept, facts: totals.facts, bad: totals.bad, fdone: totals.filesDone, files: jobs.length });
  };

  /** Handles one event of a file; resolves once it is stored. */
  const handle = async (r: WarcFileResult, e: ScanEvent, last: { counts: ScanCounts; bytes: number }) => {
    if (e.t === 'page') {
      const state = await store.pageState(e.doc.url);
      let articleId: number | null;
      if (state && state.articleId !== null && state.extractorVersion === store.extractorVersion) {
        // Stored already (the crawler, an earlier archive): one article; this record is noted as its source.
        articleId = state.articleId;
        await store.addRunCounts(runId, { pages_seen: 1, pages_unchanged: 1 });
      } else {
        articleId = (await store.saveDocument(e.doc, e.extraction, runId)).articleId;
      }
      // Re-reading starts at this record's member: the page is stored and would be found so.
      await ledger.advance(r.source, runId, { offset: e.offset, kept: 1, facts: e.extraction.facts.length }, [{ offset: e.offset, url: e.doc.url, warcDate: e.warcDate, recordId: e.recordId, articleId }]);
      return;
    }
    if (e.t === 'bad') {
      opts.onBad?.(r.source, e.offset, e.reason);
      return;
    }
    const d = e.counts;
    await ledger.advance(r.source, runId, { offset: e.nextOffset, records: d.records - last.counts.records, bad: d.bad - last.counts.bad, done: e.t === 'done' && !opts.signal?.aborted, size: e.t === 'done' ? e.size : null });
    totals.bytes += e.bytesRead - last.bytes;
    totals.records += d.records - last.counts.records;
    totals.kept += d.kept - last.counts.kept;
    totals.facts += d.facts - last.counts.facts;
    totals.bad += d.bad - last.counts.bad;
    last.counts = d;
    last.bytes = e.bytesRead;
    r.nextOffset = e.nextOffset;
    r.bytesRead = e.bytesRead;
    r.counts = d;
    if (e.t === 'done') {
      r.done = !opts.signal?.aborted;
      totals.filesDone++;
    }
    show();
  };

  const fail = async (r: WarcFileResult, message: string) => {
    r.error = message.startsWith(r.source) ? message : `${r.source}: ${message}`;
    opts.onFile?.(r.source, `FAILED: ${r.error}`);
    await store.addRunCounts(runId, { errors: 1 });
  };

  try {
    const nWorkers = jobs.length > 1 ? Math.min(opts.workers ?? DEFAULT_WARC_WORKERS, jobs.length) : 0;
    if (nWorkers <= 0) {
      // Loaded here only: the text and fact stages are the scan's, and with workers they live in the workers.
      const { scanWarc } = await import('./scan.ts');
      for (const { job, result } of jobs) {
        if (opts.signal?.aborted) break;
        const last = { counts: zero(), bytes: 0 };
        try {
          await scanWarc(job, (e) => handle(result, e, last), opts.signal);
        } catch (err) {
          await fail(result, (err as Error).message);
        }
      }
    } else {
      const queue = [...jobs];
      await Promise.all(Array.from({ length: nWorkers }, () => workerLoop(queue, handle, fail, opts.signal)));
    }
    bar?.stop();
    if (totals.kept) await store.recomputeConflicts();
    const failed = files.filter((f) => f.error).length;
    const bad = files.reduce((a, f) => a + f.counts.bad, 0);
    const outcome = opts.signal?.aborted ? 'interrupted' : failed ? 'partial' : 'ok';
    const msg = [failed ? `${failed} files failed; first: ${files.find((f) => f.error)!.error}` : '', bad ? `${bad} bad records skipped` : ''].filter(Boolean).join('; ') || null;
    const run = await store.finishRun(runId, outcome, msg);
    return { run, files, elapsedMs: Date.now() - started };
  } catch (err) {
    bar?.stop();
    await store.finishRun(runId, 'failed', (err as Error).message).catch(() => undefined);
    throw err;
  }
}

/** One worker thread taking files off the queue until it is empty. */
async function workerLoop(
  queue: { job: ScanJob; result: WarcFileResult }[],
  handle: (r: WarcFileResult, e: ScanEvent, last: { counts: ScanCounts; bytes: number }) => Promise<void>,
  fail: (r: WarcFileResult, message: string) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const spawn = () => new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB } });
  let worker = spawn();
  let dead = false;
  const onAbort = () => worker.postMessage({ t: 'stop' } satisfies ToWorker);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let id = 0;
    for (let item = queue.shift(); item && !signal?.aborted; item = queue.shift()) {
      // A worker that died (a page beyond its heap cap) failed its file; the next file gets a new one.
      if (dead) {
        worker = spawn();
        dead = false;
      }
      const { job, result } = item;
      const myId = ++id;
      const last = { counts: zero(), bytes: 0 };
      await new Promise<void>((resolveFile, rejectFile) => {
        // Events are handled one after the other, in file order.
        let chain = Promise.resolve();
        const onMessage = (m: FromWorker) => {
          if (m.id !== myId) return;
          chain = chain.then(async () => {
            if (m.t === 'event') {
              await handle(result, m.event, last);
              if (m.event.t === 'page') worker.postMessage({ t: 'ack', id: myId } satisfies ToWorker);
            } else if (m.t === 'failed') {
              await fail(result, m.message);
            }
            if (m.t !== 'event') {
              worker.off('message', onMessage);
              worker.off('error', onError);
              resolveFile();
            }
          });
          // A store that fails (locked, full disk) ends the run; the offsets recorded so far stand.
          chain = chain.catch((err: Error) => {
            worker.off('message', onMessage);
            rejectFile(err);
          });
        };
        const onError = (err: Error) => {
          dead = true;
          chain = chain.then(async () => {
            await fail(result, `scan worker died: ${err.message}`);
            worker.off('message', onMessage);
            resolveFile();
          });
        };
        worker.on('message', onMessage);
        worker.once('error', onError);
        worker.postMessage({ t: 'scan', id: myId, job } satisfies ToWorker);
      });
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
