/**
 * One input -> one result line: read the bytes (file, stdin or URL), check them, run the text stage
 * for HTML, then the fact engine. Shared by `cakupan extract` and the store's ingest.
 */
import { extname } from 'node:path';
import type { FetchedPage } from '../crawl/fetch.ts';
import { extractArticleFacts } from './index.ts';
import { MAX_TITLE_CHARS } from './segment.ts';
import type { ExtractResult } from '../types.ts';
import { checkInputBytes, decodeText as decodeTextBytes, headText, InputError, readFileBounded, readStreamBounded } from '../text/input.ts';

/** Largest input accepted: a 50 MB "article" is a mistake, not news. @default 20 MiB */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** A problem with one input; the message names the input (defined with the input checks, src/text/input.ts). */
export { InputError };

export type InputKind = 'text' | 'html';

export interface RawInput {
  /** Path, URL or "-" as the user named it. */
  source: string;
  bytes: Buffer;
  kind: InputKind;
  url?: string;
  contentType?: string | null;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** Guesses HTML from the extension, else from the first bytes. */
export function detectKind(name: string, bytes: Buffer, contentType?: string | null): InputKind {
  if (contentType && /html|xml/i.test(contentType)) return 'html';
  if (HTML_EXTENSIONS.has(extname(name).toLowerCase())) return 'html';
  const head = headText(bytes, 1024).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'html' : 'text';
}

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** Standard input, refused as soon as it passes `MAX_INPUT_BYTES` (never read whole first). */
function readStdin(): Promise<Buffer> {
  return readStreamBounded(process.stdin, '-', MAX_INPUT_BYTES);
}

/** One GET of a URL the user named; a failure or an HTTP error is an InputError naming the URL. */
export async function fetchInput(source: string): Promise<FetchedPage> {
  let page: FetchedPage;
  // Loaded on first use: the HTTP client costs ~0.1 s of start-up that a file or stdin input never needs.
  const { fetchPage } = await import('../crawl/fetch.ts');
  try {
    page = await fetchPage(source, { maxBytes: MAX_INPUT_BYTES });
  } catch (err) {
    throw new InputError(source, `fetch failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (page.status >= 400) throw new InputError(source, `HTTP ${page.status}`);
  return page;
}

/** Reads one named input; throws InputError for anything that is not an article to read. */
export async function readInput(source: string): Promise<RawInput> {
  if (isUrl(source)) {
    const page = await fetchInput(source);
    checkBytes(source, page.bytes);
    const kind = detectKind(source, page.bytes, page.contentType);
    if (kind === 'html') await loadTextStage();
    return { source, bytes: page.bytes, kind, url: page.finalUrl, contentType: page.contentType };
  }
  let bytes: Buffer;
  if (source === '-') {
    bytes = await readStdin();
  } else {
    bytes = readFileBounded(source, source, MAX_INPUT_BYTES);
  }
  checkBytes(source, bytes);
  const kind = detectKind(source, bytes);
  if (kind === 'html') await loadTextStage();
  return { source, bytes, kind };
}

/** The text stage, loaded on the first HTML input: its parsers cost ~0.2 s of start-up that plain text never needs. */
let textStage: typeof import('../text/index.ts') | null = null;

/** Loads the text stage (readInput does it for HTML inputs); `analyze` of HTML needs it loaded. */
export async function loadTextStage(): Promise<void> {
  textStage ??= await import('../text/index.ts');
}

function checkBytes(source: string, bytes: Buffer): void {
  checkInputBytes(source, bytes, MAX_INPUT_BYTES);
}

/** Decodes plain text: BOM first (UTF-8, UTF-16 LE/BE), else strict UTF-8; NUL and other controls stripped (src/text/input.ts). */
export function decodeText(source: string, bytes: Buffer): string {
  const text = decodeTextBytes(bytes);
  if (text === null) throw new InputError(source, 'not valid UTF-8 text (save it as UTF-8, or UTF-16 with a byte-order mark)');
  return text;
}

export interface AnalyzeOptions {
  /** Overrides the publication date found in the page. */
  published?: string | null;
}


/**
 * The headline of a plain-text article, when the text prints one: the first line, short, with no sentence
 * punctuation at its end, written in title case ("Capai 96%, Kabupaten Klaten Raih Penghargaan UHC"), or
 * repeated further down as news pages repeat their headline. Otherwise null.
 */
export function guessTitle(text: string): string | null {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l !== '');
  if (!first || first.length > MAX_TITLE_CHARS || /[.,;:]$/.test(first)) return null;
  const words = first.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 4) return null;
  const capitalized = words.filter((w) => /^[\p{Lu}\d"“'‘(]/u.test(w)).length / words.length;
  const repeated = text.indexOf(first, text.indexOf(first) + first.length) >= 0;
  return capitalized >= 0.6 || (repeated && capitalized >= 0.4) ? first : null;
}

/** Text stage (for HTML) then fact extraction. */
export function analyze(input: RawInput, opts: AnalyzeOptions = {}): ExtractResult {
  if (input.kind === 'html') {
    if (!textStage) throw new Error('analyze: the text stage is not loaded (await loadTextStage() first; readInput does it)');
    const article = textStage.extractArticle(input.bytes, { url: input.url, contentType: input.contentType ?? undefined });
    if (!article.text.trim()) throw new InputError(input.source, 'no article text found in the page');
    const { facts, categories, published } = extractArticleFacts(article.text, { published: opts.published ?? article.published, title: article.title });
    return { source: input.source, title: article.title, published, text: article.text, method: article.method, facts, categories };
  }
  const text = decodeText(input.source, input.bytes);
  const title = guessTitle(text);
  // Plain text has no page metadata: its publication date is the one its own dateline states, if any.
  const { facts, categories, published } = extractArticleFacts(text, { published: opts.published ?? null, title });
  return { source: input.source, title, published, text, method: 'text', facts, categories };
}
