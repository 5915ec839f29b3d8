/**
 * `cakupan ingest`: files, folders and URLs into the store, for any `CoverageStore`.
 *
 *  1. expand the inputs: a folder is walked recursively for `.txt`, `.html`/`.htm`/`.xhtml` and corpus `.json`
 *     files (hidden entries skipped), in name order; a URL is fetched once with undici;
 *  2. a page whose bytes and extractor version are unchanged is skipped without extracting it;
 *  3. otherwise extract and hand the document to the store, which writes page, article and facts in one
 *     transaction — or links the page to the article it repeats (same text, or its canonical URL);
 *  4. recompute the cross-article conflict flags, close the run record.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { detectKind, fetchInput, InputError, isUrl, MAX_INPUT_BYTES } from '../extract/document.ts';
import { checkInputBytes, decodeText, readFileBounded, stripControls } from '../text/input.ts';
import { PartialDate } from '../types.ts';
import { extractDocument, sha256 } from './pipeline.ts';
import type { CoverageStore, Extractor, RunRecord, SaveOutcome, SourceDocument } from './types.ts';

const FILE_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.xhtml', '.json']);

/** A bundled corpus article (`corpus/dev/*.json`): its text with the metadata that came with it. */
export const CorpusArticle = z.object({
  id: z.string().optional(),
  url: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  published: PartialDate.nullable().optional(),
  text: z.string().min(1),
});
export type CorpusArticle = z.infer<typeof CorpusArticle>;

/** Options of `ingest`. */
export interface IngestOptions {
  /** Publication date for inputs that state none ("YYYY-MM-DD"). */
  published?: string | null;
  /** @default extractDocument */
  extractor?: Extractor;
  /** Told about each input as it is stored (or skipped). */
  onResult?: (source: string, outcome: SaveOutcome, facts: number) => void;
  /** Told about each input that could not be ingested; ingest goes on with the next. */
  onError?: (source: string, err: Error) => void;
  /** The run's command name in the `runs` table. @default "ingest" */
  command?: 'ingest' | 'main';
}

/** Expands folders into their ingestible files, in name order; files and URLs pass through. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (FILE_EXTENSIONS.has(extname(name).toLowerCase()) && name.toLowerCase() !== 'package.json') out.push(p);
    }
  };
  for (const input of inputs) {
    if (!isUrl(input) && statSync(input, { throwIfNoEntry: false })?.isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

/** Turns one corpus article into a document: its text as UTF-8, with its URL, title and date. */
export function corpusDocument(a: CorpusArticle, fallbackId: string): SourceDocument {
  return {
    url: a.url ?? `corpus:${a.id ?? fallbackId}`,
    bytes: Buffer.from(a.text, 'utf8'),
    kind: 'text',
    contentType: 'text/plain; charset=utf-8',
    status: null,
    headers: {},
    fetchedAt: new Date().toISOString(),
    titleHint: a.title ? stripControls(a.title) : null,
    publishedHint: a.published ?? null,
  };
}

/** Reads one file or URL into a document; throws InputError naming the input. */
export async function readSource(source: string, published: string | null = null): Promise<SourceDocument> {
  const fetchedAt = new Date().toISOString();
  if (isUrl(source)) {
    const page = await fetchInput(source);
    if (page.bytes.length === 0) throw new InputError(source, 'empty response');
    checkInputBytes(source, page.bytes, MAX_INPUT_BYTES);
    return {
      url: page.finalUrl,
      bytes: page.bytes,
      kind: detectKind(page.finalUrl, page.bytes, page.contentType),
      contentType: page.contentType,
      status: page.status,
      headers: page.headers,
      fetchedAt,
      titleHint: null,
      publishedHint: published,
    };
  }
  const path = resolve(source);
  // Size (counted while reading), BOM-first binary and emptiness checks: src/text/input.ts.
  const bytes = readFileBounded(path, source, MAX_INPUT_BYTES);
  checkInputBytes(source, bytes, MAX_INPUT_BYTES);
  if (extname(path).toLowerCase() === '.json') {
    let parsed;
    try {
      parsed = CorpusArticle.safeParse(JSON.parse(decodeText(bytes) ?? bytes.toString('utf8')));
    } catch (err) {
      throw new InputError(source, `not JSON: ${(err as Error).message}`);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(source, `not a corpus article: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const doc = corpusDocument(parsed.data, basename(path, '.json'));
    if (published && !doc.publishedHint) doc.publishedHint = published;
    return doc;
  }
  return {
    url: pathToFileURL(path).href,
    bytes,
    kind: detectKind(path, bytes),
    contentType: null,
    status: null,
    headers: {},
    fetchedAt,
    titleHint: null,
    publishedHint: published,
  };
}

/** Stores one document unless its bytes and extraction are already current. */
export async function ingestDocument(store: CoverageStore, doc: SourceDocument, runId: number, extractor: Extractor = extractDocument): Promise<{ outcome: SaveOutcome; facts: number }> {
  const state = await store.pageState(doc.url);
  if (state && state.articleId !== null && state.sha256 === sha256(doc.bytes) && state.extractorVersion === store.extractorVersion) {
    const counts = { pages_seen: 1, pages_unchanged: 1 };
    await store.addRunCounts(runId, counts);
    return { outcome: { kind: 'unchanged', articleId: state.articleId, counts }, facts: 0 };
  }
  const extraction = extractor(doc);
  const outcome = await store.saveDocument(doc, extraction, runId);
  return { outcome, facts: outcome.kind === 'linked' ? 0 : extraction.facts.length };
}

/** Ingests files, folders and URLs as one run; returns the run record (outcome `partial` when some failed). */
export async function ingest(store: CoverageStore, inputs: string[], opts: IngestOptions = {}): Promise<RunRecord> {
  const runId = await store.startRun(opts.command ?? 'ingest', { inputs, published: opts.published ?? null });
  let firstError: string | null = null;
  try {
    let sources: string[];
    try {
      sources = expandInputs(inputs);
    } catch (err) {
      throw new InputError(inputs.join(' '), (err as Error).message);
    }
    for (const source of sources) {
      try {
        const doc = await readSource(source, opts.published ?? null);
        const { outcome, facts } = await ingestDocument(store, doc, runId, opts.extractor);
        opts.onResult?.(source, outcome, facts);
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        if (e.name === 'StoreError') throw e; // a locked or corrupt database stops the run
        const msg = e.message.startsWith(source) || e.name === 'RowError' ? e.message : `${source}: ${e.message}`;
        firstError ??= msg;
        await store.addRunCounts(runId, { errors: 1 });
        opts.onError?.(source, new Error(msg));
      }
    }
    await store.recomputeConflicts();
    const rec = await store.finishRun(runId, 'ok');
    return rec.errors > 0 ? store.finishRun(runId, 'partial', `${rec.errors} inputs failed; first: ${firstError}`) : rec;
  } catch (err) {
    await store.finishRun(runId, 'failed', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
}
