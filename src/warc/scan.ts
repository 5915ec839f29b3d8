/**
 * One WARC file, start to end (or from a resume offset): records read (records.ts), filtered (filter.ts), and
 * the pages that pass taken through the crawler's text and fact stages — the same `extractArticle` and
 * `extractArticleFacts`. Runs in a worker thread (worker.ts) or in the caller's thread; it only reads and
 * reports, the caller stores.
 */
import { createReadStream, statSync } from 'node:fs';
import { Agent, buildConnector, request } from 'undici';
import { guardedConnector, policyOf } from '../crawl/fetch.ts';
import { extractArticle } from '../text/index.ts';
import { extractArticleFacts } from '../extract/index.ts';
import type { ArticleExtraction, SourceDocument } from '../store/types.ts';
import { USER_AGENT } from '../crawl/config.ts';
import { readRecords, splitRecords } from './records.ts';
import { hostFilter, pageCheck, readHead, readPage, relevanceFilter, sniffText } from './filter.ts';

/** How often a scan reports its progress (and so how much a killed run re-reads). @default 500 ms */
export const PROGRESS_EVERY_MS = 500;
/** Bytes read from a local file at a time. @default 1 MiB */
export const FILE_CHUNK_BYTES = 1024 * 1024;
/** Redirect hops followed to a WARC file (an archive's download link may point at a CDN). @default 5 */
export const MAX_WARC_REDIRECTS = 5;
/** Connect timeout for a WARC download. @default 30 s */
export const WARC_CONNECT_TIMEOUT_MS = 30_000;
/** Longest silence inside a WARC download before it is given up (the file's offset is kept: the next run resumes). @default 120 s */
export const WARC_BODY_TIMEOUT_MS = 120_000;

/** What to scan. */
export interface ScanJob {
  /** A local path or an http(s) URL. */
  source: string;
  /** Byte offset to start at (a record boundary recorded by an earlier run). */
  startOffset: number;
  /** `--hosts` entries (see filter.ts `hostFilter`). */
  hosts: string[];
  keywords: string[];
  /** Private addresses a WARC URL may resolve to (`--allow-private` semantics). @default env CAKUPAN_ALLOW_PRIVATE, else public only */
  allowPrivate?: boolean | string;
}

/** Counters of a scan since its start. */
export interface ScanCounts {
  records: number;
  responses: number;
  hostRejected: number;
  notHtml: number;
  notIndonesian: number;
  irrelevant: number;
  kept: number;
  facts: number;
  bad: number;
}

/** What a scan tells its caller, in file order. */
export type ScanEvent =
  | { t: 'page'; offset: number; nextOffset: number; doc: SourceDocument; extraction: ArticleExtraction; warcDate: string | null; recordId: string | null }
  | { t: 'bad'; offset: number; length: number; reason: string }
  | { t: 'progress'; nextOffset: number; bytesRead: number; counts: ScanCounts }
  | { t: 'done'; nextOffset: number; bytesRead: number; counts: ScanCounts; size: number | null };

export function isGzipSource(source: string): boolean {
  return /\.gz$/i.test(source.replace(/[?#].*$/, ''));
}

const dispatchers = new Map<string, Agent>();
/** The HTTP client of WARC downloads: the crawler's address policy on every connection (each redirect hop). */
export function warcDispatcher(allowPrivate?: boolean | string): Agent {
  const policy = policyOf(allowPrivate);
  const key = JSON.stringify(policy);
  let a = dispatchers.get(key);
  if (!a) {
    a = new Agent({ connect: guardedConnector(policy, buildConnector({ timeout: WARC_CONNECT_TIMEOUT_MS })) as never, headersTimeout: WARC_BODY_TIMEOUT_MS, bodyTimeout: WARC_BODY_TIMEOUT_MS });
    dispatchers.set(key, a);
  }
  return a;
}

/** GET with redirects followed (each hop through the address policy); the caller reads or dumps the body. */
export async function getUrl(source: string, headers: Record<string, string>, allowPrivate?: boolean | string): Promise<Awaited<ReturnType<typeof request>>> {
  let url = source;
  for (let hop = 0; ; hop++) {
    let res;
    try {
      res = await request(url, { method: 'GET', headers: { 'user-agent': USER_AGENT, ...headers }, dispatcher: warcDispatcher(allowPrivate) });
    } catch (err) {
      throw new Error(`${source}: ${(err as Error).message}`);
    }
    const loc = res.headers.location;
    if ([301, 302, 303, 307, 308].includes(res.statusCode) && loc) {
      await res.body.dump();
      if (hop >= MAX_WARC_REDIRECTS) throw new Error(`${source}: more than ${MAX_WARC_REDIRECTS} redirects`);
      url = new URL(String(loc), url).href;
      continue;
    }
    return res;
  }
}

/** The bytes of a source from `start` on, and its size when known. */
export async function openSource(source: string, start: number, allowPrivate?: boolean | string): Promise<{ stream: AsyncIterable<Uint8Array>; size: number | null }> {
  if (/^https?:\/\//i.test(source)) {
    const res = await getUrl(source, start > 0 ? { range: `bytes=${start}-` } : {}, allowPrivate);
    if (res.statusCode !== 200 && res.statusCode !== 206) {
      await res.body.dump();
      throw new Error(`${source}: HTTP ${res.statusCode}`);
    }
    const len = Number(res.headers['content-length'] ?? NaN);
    if (res.statusCode === 206 || start === 0) return { stream: res.body, size: Number.isFinite(len) ? len + start : null };
    // The server ignored the Range header: skip to the resume offset by reading.
    return { stream: skipBytes(res.body, start), size: Number.isFinite(len) ? len : null };
  }
  const st = statSync(source, { throwIfNoEntry: false });
  if (!st) throw new Error(`${source}: no such file`);
  if (!st.isFile()) throw new Error(`${source}: not a file`);
  return { stream: createReadStream(source, { start, highWaterMark: FILE_CHUNK_BYTES }), size: st.size };
}

async function* skipBytes(src: AsyncIterable<Uint8Array>, n: number): AsyncGenerator<Uint8Array> {
  let left = n;
  for await (const c of src) {
    if (left >= c.byteLength) {
      left -= c.byteLength;
      continue;
    }
    yield left ? c.subarray(left) : c;
    left = 0;
  }
}

/** "2024-05-12T01:02:03Z" -> "2024-05-12". */
function day(warcDate: string | null): string | null {
  const m = warcDate ? /^(\d{4}-\d{2}-\d{2})/.exec(warcDate) : null;
  return m ? m[1]! : null;
}

/** Scans one file; `emit` is awaited, so a slow consumer slows the scan instead of piling events up. */
export async function scanWarc(job: ScanJob, emit: (e: ScanEvent) => void | Promise<void>, signal?: AbortSignal): Promise<void> {
  const hosts = hostFilter(job.hosts);
  const relevance = relevanceFilter(job.keywords);
  const counts: ScanCounts = { records: 0, responses: 0, hostRejected: 0, notHtml: 0, notIndonesian: 0, irrelevant: 0, kept: 0, facts: 0, bad: 0 };
  const { stream, size } = await openSource(job.source, job.startOffset, job.allowPrivate);
  let next = job.startOffset;
  let lastReport = Date.now();
  const gzip = isGzipSource(job.source);
  for await (const raw of readRecords(stream, { gzip, startOffset: job.startOffset })) {
    if (signal?.aborted) break;
    if (raw.error !== undefined) {
      counts.records++;
      counts.bad++;
      await emit({ t: 'bad', offset: raw.offset, length: raw.length, reason: raw.error });
    } else {
      const { records, error } = gzip ? splitRecords(raw.bytes) : { records: [raw.bytes], error: null };
      if (error) {
        counts.bad++;
        await emit({ t: 'bad', offset: raw.offset, length: raw.length, reason: error });
      }
      for (const rec of records) {
        counts.records++;
        const head = readHead(rec);
        if (head.type !== 'response') continue;
        counts.responses++;
        if (!head.targetUri || !hosts.test(head.targetUri)) {
          counts.hostRejected++;
          continue;
        }
        let page;
        try {
          page = await readPage(rec);
        } catch (err) {
          counts.bad++;
          await emit({ t: 'bad', offset: raw.offset, length: raw.length, reason: (err as Error).message });
          continue;
        }
        if (!page) {
          counts.notHtml++;
          continue;
        }
        const why = pageCheck(sniffText(page.body), relevance);
        if (why === 'not-indonesian') counts.notIndonesian++;
        if (why === 'irrelevant') counts.irrelevant++;
        if (why) continue;
        let extraction: ArticleExtraction;
        let published: string | null;
        let pagePublished: string | null;
        try {
          const article = extractArticle(page.body, { url: head.targetUri, contentType: page.contentType ?? undefined });
          if (!article.text.trim() || !relevance.match(article.title, article.text)) {
            counts.irrelevant++;
            continue;
          }
          // The page's own date, else the day the archive fetched it.
          pagePublished = article.published;
          published = article.published ?? day(head.date);
          const r = extractArticleFacts(article.text, { published, title: article.title });
          extraction = { text: article.text, title: article.title, published: r.published, method: article.method, canonicalUrl: article.canonicalUrl, siteName: article.siteName, facts: r.facts, categories: r.categories };
        } catch (err) {
          counts.bad++;
          await emit({ t: 'bad', offset: raw.offset, length: raw.length, reason: `text stage: ${(err as Error).message}` });
          continue;
        }
        counts.kept++;
        counts.facts += extraction.facts.length;
        const doc: SourceDocument = {
          url: head.targetUri,
          bytes: page.body,
          kind: 'html',
          contentType: page.contentType,
          status: page.status,
          headers: page.headers,
          fetchedAt: head.date && !Number.isNaN(Date.parse(head.date)) ? new Date(head.date).toISOString() : new Date().toISOString(),
          titleHint: null,
          publishedHint: pagePublished ? null : published,
        };
        await emit({ t: 'page', offset: raw.offset, nextOffset: raw.offset + raw.length, doc, extraction, warcDate: head.date, recordId: head.recordId });
      }
    }
    next = raw.offset + raw.length;
    if (Date.now() - lastReport >= PROGRESS_EVERY_MS) {
      lastReport = Date.now();
      await emit({ t: 'progress', nextOffset: next, bytesRead: next - job.startOffset, counts: { ...counts } });
    }
  }
  await emit({ t: 'done', nextOffset: next, bytesRead: next - job.startOffset, counts: { ...counts }, size });
}
