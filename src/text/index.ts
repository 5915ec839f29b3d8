/**
 * HTML bytes -> article text and metadata.
 *
 * The cascade. Each stage runs only when the one before it under-delivered (gave less text than its floor);
 * every attempt is kept in `Article.attempts`, and `Article.method` names the stage that won.
 *
 *  0. Read: decode the bytes (BOM, HTTP header, `<meta>` prescan, then detection: `decodeHtml`; control
 *     characters stripped), bound what the parser builds (src/text/complexity.ts: attributes per tag, elements —
 *     else "page too complex"), parse with htmlparser2 (`cheerio/slim`), keep the first `MAX_PAGE_TEXT_CHARS` of
 *     text, read the metadata (JSON-LD, `<meta>`, `<time>`, datelines, URL), then
 *     remove what is never text (scripts, styles, form controls, hidden elements, comments).
 *  1. `profile:<name>`: the host (of `url`, else of the page's canonical URL) has a profile in `data/site-profiles.json`; its body selector and its
 *     removals give the text. Floor: `PROFILE_MIN_CHARS`.
 *  2. `scorer`: the generic scorer. Page furniture named by class/id ("sidebar", "related", "komentar") and
 *     layout tags (nav, aside, footer) are removed; paragraph blocks score their ancestors (length, commas,
 *     class/id words, link density); a container whose class says "article body" is believed when it holds
 *     most of the winner's text; good siblings join. Floor: `SCORER_MIN_CHARS`.
 *     `scorer-relaxed`: the same on a fresh parse without the furniture removal (Readability's retry).
 *  3. `body`: the whole body, cut into blocks and filtered. Always gives what the page has. When even that is
 *     under `SCORER_MIN_CHARS` and the page has captions (a photo gallery), the captions are the text and
 *     the method gains "+captions".
 *
 * Every stage's blocks go through the same filter (src/text/blocks.ts): link lists, the Indonesian
 * boilerplate lines of `data/text-boilerplate.json` ("Baca juga", "Editor:", dates, view counts, share bars,
 * tags, comment forms), the headline repeated, repeated paragraphs. Captions are kept apart in `captions`.
 */
import { decodeHtml } from './decode.ts';
export { decodeHtml } from './decode.ts';
import { readMetadata } from './metadata.ts';
import { profileFor, type SiteProfile } from './profiles.ts';
import { bodyBySelector, computeStats, removeJunk, removeUnlikely, scoreCandidates, withSiblings, type StatsMap } from './scorer.ts';
import { filterBlocks, toBlocks, type Block, type Dropped } from './blocks.ts';
import { type Dom, type Element, limitNesting, parseDom, removeNode, stripNeverText } from './dom.ts';
import { MAX_HTML_BYTES, MAX_HTML_ELEMENTS, MAX_PARSE_DEPTH, PROFILE_MIN_CHARS, SCORER_MIN_CHARS } from './config.ts';
import { boundElements } from './complexity.ts';

/** What the text stage gives the rest of the pipeline. */
export interface Article {
  /** The article body as plain text; paragraphs separated by "\n\n". Fact offsets index into this. */
  text: string;
  title: string | null;
  /** Publication date, "YYYY-MM-DD", when the page states one. */
  published: string | null;
  /** Publication instant as ISO 8601 when a time is given too. */
  publishedAt: string | null;
  author: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  /** Which cascade stage produced `text`: "profile:<name>", "scorer", "scorer-relaxed" or "body". */
  method: string;
  /** URL of the next page when the article continues ("Halaman 2", "Tampilkan semua"). */
  nextPage: string | null;
  /** The charset the bytes were decoded with. */
  charset: string;
  /** Photo captions and credits found inside the article, kept out of `text`. */
  captions: string[];
  /** Where `published` came from: "json-ld", "meta", "time", "dateline", "url" (null when not found). */
  dateSource: string | null;
  /** Every stage tried, in order, with the characters it gave. */
  attempts: { method: string; chars: number }[];
  /** True when the page had more than `MAX_PAGE_TEXT_CHARS` of text: only the first were read. */
  textCut?: boolean;
}

export interface ArticleOptions {
  /** The page URL: used for per-site profiles, dates in the path and resolving links. */
  url?: string;
  /** The HTTP Content-Type header, the first source of the charset. */
  contentType?: string;
  /** Collects the blocks the filter left out, with the rule that dropped each (for tests and debugging). */
  dropped?: Dropped[];
  /** Elements the parser may build (src/text/complexity.ts). @default MAX_HTML_ELEMENTS */
  maxElements?: number;
}

/** A page the text stage refuses; the message names the page, `code` says why. */
export class ArticleError extends Error {
  constructor(
    readonly page: string,
    reason: string,
    /** "too-large": over `MAX_HTML_BYTES`; "too-complex": over `MAX_HTML_ELEMENTS` even without inline tags. */
    readonly code: 'too-large' | 'too-complex' = 'too-large',
  ) {
    super(`${page}: ${reason}`);
    this.name = 'ArticleError';
  }
}

interface StageResult {
  blocks: Block[];
  chars: number;
}

function run(parts: Element[], $: Dom, title: string | null, captions: string[], dropped: Dropped[] | undefined, known?: StatsMap): StageResult {
  const stats = known ?? computeStats($.root()[0]);
  const blocks = filterBlocks(toBlocks(parts, stats, { captions }), title, dropped);
  return { blocks, chars: blocks.reduce((n, b) => n + b.text.length, 0) };
}

function profileStage($: Dom, profile: SiteProfile, title: string | null, captions: string[], dropped?: Dropped[]): StageResult | null {
  for (const sel of profile.body) {
    const el = $(sel).first();
    if (!el.length) continue;
    for (const r of profile.remove) el.find(r).each((_, x) => removeNode(x));
    const res = run([el[0] as Element], $, title, captions, dropped);
    if (res.chars >= PROFILE_MIN_CHARS) return res;
  }
  return null;
}

function scorerStage($: Dom, title: string | null, captions: string[], prune: boolean, dropped?: Dropped[]): StageResult | null {
  const root = $.root()[0];
  const stats = computeStats(root);
  const body = $('body')[0] as Element | undefined;
  if (prune) removeUnlikely(root, stats, body ? (stats.get(body)?.chars ?? 0) : 0);
  const top = scoreCandidates(root, stats);
  const bySelector = bodyBySelector($, stats, top);
  const parts = bySelector ?? (top ? withSiblings(top, stats) : []);
  if (!parts.length) return null;
  return run(parts, $, title, captions, dropped, stats);
}

const parse = (html: string): Dom => parseDom(html);

/**
 * Extracts the article of one HTML page.
 * @throws ArticleError when the page is larger than `MAX_HTML_BYTES` (code "too-large") or has more than
 *   `MAX_HTML_ELEMENTS` elements once inline formatting is dropped (code "too-complex", src/text/complexity.ts).
 */
export function extractArticle(bytes: Uint8Array, opts: ArticleOptions = {}): Article {
  const page = opts.url ?? 'page';
  if (bytes.length > MAX_HTML_BYTES) throw new ArticleError(page, `page is ${bytes.length} bytes, larger than the ${MAX_HTML_BYTES}-byte limit`);
  const decoded = decodeHtml(bytes, opts.contentType);
  const { charset } = decoded;
  const maxElements = opts.maxElements ?? MAX_HTML_ELEMENTS;
  // Counted on what the parser will see: scripts, styles, comments and over-deep nesting already cut.
  const bounded = boundElements(limitNesting(stripNeverText(decoded.html), MAX_PARSE_DEPTH), maxElements);
  if (bounded.left > maxElements)
    throw new ArticleError(page, `page too complex: ${bounded.left} elements even without inline formatting, more than the ${maxElements} the text stage reads (MAX_HTML_ELEMENTS)`, 'too-complex');
  const html = bounded.html;
  let $ = parse(html);
  const meta = readMetadata($, opts.url);
  removeJunk($.root()[0]);
  const attempts: { method: string; chars: number }[] = [];
  let captions: string[] = [];
  let won: { method: string; res: StageResult } | null = null;

  const profile = profileFor(opts.url ?? meta.canonicalUrl);
  if (profile) {
    const res = profileStage($, profile, meta.title, captions, opts.dropped);
    attempts.push({ method: `profile:${profile.name}`, chars: res?.chars ?? 0 });
    if (res) won = { method: `profile:${profile.name}`, res };
    else {
      // The profile's removals may have touched the tree: start the generic stages from a fresh parse.
      $ = parse(html);
      removeJunk($.root()[0]);
      captions = [];
    }
  }
  if (!won) {
    const res = scorerStage($, meta.title, captions, true, opts.dropped);
    attempts.push({ method: 'scorer', chars: res?.chars ?? 0 });
    if (res && res.chars >= SCORER_MIN_CHARS) won = { method: 'scorer', res };
  }
  if (!won) {
    $ = parse(html);
    removeJunk($.root()[0]);
    captions = [];
    const res = scorerStage($, meta.title, captions, false, opts.dropped);
    attempts.push({ method: 'scorer-relaxed', chars: res?.chars ?? 0 });
    if (res && res.chars >= SCORER_MIN_CHARS) won = { method: 'scorer-relaxed', res };
  }
  if (!won) {
    const body = ($('body')[0] ?? $.root()[0]) as Element;
    const res = run([body], $, meta.title, captions, opts.dropped);
    attempts.push({ method: 'body', chars: res.chars });
    won = { method: 'body', res };
  }
  let text = won.res.blocks.map((b) => b.text).join('\n\n');
  let method = won.method;
  const captionText = [...new Set(captions)].join('\n\n');
  // A photo page: no prose anywhere, the captions are what the page says.
  if (won.res.chars < SCORER_MIN_CHARS && captionText.length > won.res.chars) {
    text = captionText;
    method = `${method}+captions`;
  }
  return {
    text,
    title: meta.title,
    published: meta.published,
    publishedAt: meta.publishedAt,
    author: meta.author,
    siteName: meta.siteName,
    canonicalUrl: meta.canonicalUrl,
    lang: meta.lang,
    method,
    nextPage: meta.nextPage,
    charset,
    captions: [...new Set(captions)],
    dateSource: meta.dateSource,
    attempts,
    ...($.textCut ? { textCut: true } : {}),
  };
}
