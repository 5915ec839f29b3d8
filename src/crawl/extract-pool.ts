/**
 * The text stage for fetched articles, off the main thread.
 *
 * At 200 requests a second the text stage alone (a few ms a page) would fill the main thread, and a busy
 * main thread fires the politeness timers late: every host would then crawl below its allowed rate. So
 * pages go to `EXTRACT_WORKERS` worker threads, which answer with the article and whether its text is
 * relevant; the main thread keeps the network, the gates, SQLite and the fact engine (run only for the few
 * relevant articles — loading it in the worker too would cost ~60 MB of memory for little time).
 * With 0 workers (or where threads cannot start) the same job runs inline.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { extractArticle, type Article } from '../text/index.ts';
import { EXTRACT_WORKERS, MAX_WORKER_RESPAWNS, WORKER_OLD_GENERATION_MB, WORKER_YOUNG_GENERATION_MB } from './config.ts';
import { relevanceFilter, type Relevance } from './relevance.ts';

export interface ExtractJob {
  id: number;
  url: string;
  contentType: string | null;
  bytes: Uint8Array;
}

export interface ExtractReply {
  id: number;
  article?: Article;
  /** The relevance keyword found in title or text; null when the article is not coverage news. */
  keyword?: string | null;
  /** sha256 of the text with whitespace folded (dedup); null when there is no text. */
  textHash?: string | null;
  error?: string;
  /** The text stage's refusal code ("too-complex", "too-large") when it refused the page. */
  errorCode?: string;
}

/**
 * Text stage, relevance in the text and the text's hash. The text of an irrelevant article is not sent back
 * (three pages out of four in a crawl: copying them between threads would be wasted work).
 */
export function runJob(job: ExtractJob, relevance: Relevance): Omit<ExtractReply, 'id'> {
  const article = extractArticle(job.bytes, { url: job.url, contentType: job.contentType ?? undefined });
  const folded = article.text.replace(/\s+/g, ' ').trim();
  const textHash = folded ? createHash('sha256').update(folded).digest('hex') : null;
  const keyword = relevance.match(article.title, article.text);
  const { attempts: _a, captions: _c, ...rest } = article;
  return { article: keyword ? { ...rest, attempts: [], captions: article.captions } : { ...rest, text: '', attempts: [], captions: [] }, keyword, textHash };
}

export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (r: ExtractReply) => void; reject: (e: Error) => void }>();
  private readonly load = new Map<Worker, number>();
  private readonly relevance: Relevance;
  private nextId = 1;
  private readonly keywords: string[];
  private respawns = 0;
  private closed = false;

  constructor(keywords: string[], size = EXTRACT_WORKERS) {
    this.relevance = relevanceFilter(keywords);
    this.keywords = keywords;
    for (let i = 0; i < size; i++) if (!this.spawn()) break;
  }

  /** Starts one worker; false where threads cannot start (jobs then run inline). */
  private spawn(): boolean {
    let w: Worker;
    try {
      // The worker is TypeScript too: a two-line bootstrap registers tsx (as `src/bin.js` does), then loads it.
      // ("new Worker('x.ts', { execArgv: ['--import', 'tsx'] })" fails: Node checks the extension first.)
      // Built (dist/, `npm run build`), the worker is plain JavaScript and needs no loader.
      const built = import.meta.url.endsWith('.js');
      const entry = JSON.stringify(new URL(built ? './extract-worker.js' : './extract-worker.ts', import.meta.url).href);
      const boot = built ? `import(${entry})` : `import('tsx/esm/api').then((m) => { m.register(); return import(${entry}); })`;
      w = new Worker(boot, {
        eval: true,
        workerData: { keywords: this.keywords },
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB },
      });
    } catch {
      return false;
    }
    w.on('message', (r: ExtractReply) => {
      this.load.set(w, (this.load.get(w) ?? 1) - 1);
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      p?.resolve(r);
    });
    w.on('error', (err) => this.failWorker(w, err));
    // A worker that exits without an error event (killed, out of memory on some Node versions) must not
    // leave its jobs waiting forever.
    w.on('exit', (code) => this.failWorker(w, new Error(`exited with code ${code}`)));
    this.workers.push(w);
    this.load.set(w, 0);
    return true;
  }

  private failWorker(w: Worker, err: Error): void {
    if (!this.workers.includes(w)) return;
    this.workers.splice(this.workers.indexOf(w), 1);
    this.load.delete(w);
    // Jobs in flight on a dead worker (a page too large for its heap, say) cannot be told apart cheaply:
    // fail them all — the crawler marks those pages failed — and start a fresh worker.
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new Error(`extraction worker died: ${err.message}`));
    }
    if (this.respawns < MAX_WORKER_RESPAWNS && !this.closed) {
      this.respawns++;
      this.spawn();
    }
  }

  /** Runs one job on the least busy worker (inline when there is none). */
  run(job: Omit<ExtractJob, 'id'>): Promise<ExtractReply> {
    const id = this.nextId++;
    if (this.workers.length === 0) {
      try {
        return Promise.resolve({ id, ...runJob({ ...job, id }, this.relevance) });
      } catch (err) {
        return Promise.resolve({ id, error: (err as Error).message, errorCode: (err as { code?: string }).code });
      }
    }
    const w = this.workers.reduce((a, b) => ((this.load.get(a) ?? 0) <= (this.load.get(b) ?? 0) ? a : b));
    this.load.set(w, (this.load.get(w) ?? 0) + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ ...job, id });
    });
  }

  /** Loads the text stage in every worker (a first page), so booting does not compete with the crawl. */
  async warm(): Promise<void> {
    const page = Buffer.from('<html><head><title>JKN</title></head><body><article><p>Cakupan kepesertaan JKN di Kabupaten Klaten.</p></article></body></html>');
    await Promise.all(this.workers.map(() => this.run({ url: 'http://warm.invalid/berita/1', contentType: 'text/html', bytes: page })));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
