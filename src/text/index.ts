/**
 * HTML -> article text and metadata. (Placeholder baseline: the whole body's text; the cascade replaces it.)
 */
import * as cheerio from 'cheerio';

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
  /** Which cascade stage produced `text`. */
  method: string;
  /** URL of the next page when the article continues ("Halaman 2", "Tampilkan semua"). */
  nextPage: string | null;
  /** The charset the bytes were decoded with. */
  charset: string;
}

export interface ArticleOptions {
  /** The page URL: used for per-site profiles, dates in the path and resolving links. */
  url?: string;
  /** The HTTP Content-Type header, the first source of the charset. */
  contentType?: string;
}

export function extractArticle(bytes: Uint8Array, opts: ArticleOptions = {}): Article {
  const html = Buffer.from(bytes).toString('utf8');
  const $ = cheerio.load(html);
  $('script, style, noscript').remove();
  const text = $('body').text().replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
  return {
    text,
    title: $('title').first().text().trim() || null,
    published: null,
    publishedAt: null,
    author: null,
    siteName: null,
    canonicalUrl: $('link[rel=canonical]').attr('href') ?? opts.url ?? null,
    lang: $('html').attr('lang') ?? null,
    method: 'body',
    nextPage: null,
    charset: 'utf-8',
  };
}
