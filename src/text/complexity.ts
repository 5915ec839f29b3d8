/**
 * A bound on what the parser builds. The DOM costs about 1.5 KB per element, so a page under the byte cap
 * made of millions of tiny elements ("<b>x</b>" a million times: 8 MB) would take gigabytes and many seconds
 * to read. Before parsing, a linear scan counts the opening tags:
 *
 *  1. at most `MAX_HTML_ELEMENTS`: the page is read as it is (every real page: the largest of the 207 bench
 *     pages has 1 737 elements);
 *  2. more: the inline formatting tags (`INLINE_FORMATTING`: b, i, span, font…) are dropped, their text kept —
 *     they carry no paragraph structure the cascade reads — and so are list items that hold nothing but one
 *     link ("<li><a href=…>Berita lain</a></li>": navigation, which the block filter drops anyway, its link
 *     density being 1);
 *  3. still more: the page is refused as "too complex" (`ArticleError` with code `too-complex`), which the
 *     crawler records as the URL's outcome and does not fetch again.
 */
import { MAX_HTML_ELEMENTS } from './config.ts';

/** Inline tags whose markup adds nothing the text stage reads (their text stays). */
export const INLINE_FORMATTING = ['b', 'i', 'u', 's', 'em', 'strong', 'span', 'font', 'small', 'big', 'sub', 'sup', 'mark', 'abbr', 'cite', 'code', 'kbd', 'samp', 'var', 'tt', 'strike', 'ins', 'del', 'q', 'bdi', 'bdo', 'data', 'wbr', 'nobr'];

const OPEN_TAG = /<[a-zA-Z]/g;
const LINK_ONLY_ITEM = /<li\b[^<>]{0,2000}>\s*<a\b[^<>]{0,2000}>[^<]{0,2000}<\/a>\s*<\/li\s*>/gi;
const INLINE_TAG = new RegExp(`</?(?:${[...INLINE_FORMATTING].sort((a, b) => b.length - a.length).join('|')})(?=[\\s/>])[^<>]{0,2000}>`, 'gi');

/** Opening tags in `html` (a close count of the elements the parser would build). */
export function countElements(html: string): number {
  let n = 0;
  OPEN_TAG.lastIndex = 0;
  while (OPEN_TAG.exec(html)) n++;
  return n;
}

/** What `boundElements` did. */
export interface Bounded {
  html: string;
  /** Elements before any change. */
  elements: number;
  /** True when the inline formatting tags and link-only list items were dropped. */
  reduced: boolean;
  /** Elements left; above the limit means the page is too complex. */
  left: number;
}

/** Applies steps 1–2 above; the caller refuses the page when `left > max`. */
export function boundElements(html: string, max = MAX_HTML_ELEMENTS): Bounded {
  const elements = countElements(html);
  if (elements <= max) return { html, elements, reduced: false, left: elements };
  const reducedHtml = html.replace(INLINE_TAG, '').replace(LINK_ONLY_ITEM, '');
  return { html: reducedHtml, elements, reduced: true, left: countElements(reducedHtml) };
}
