/**
 * A bound on what the parser builds. The DOM costs about 1.5 KB per element, so a page under the byte cap
 * made of millions of tiny elements ("<b>x</b>" a million times: 8 MB) would take gigabytes and many seconds
 * to read. Before parsing, a linear scan counts the opening tags:
 *
 *  0. a tag with more than `MAX_TAG_ATTRIBUTES` attributes keeps the first ones (`limitAttributes`);
 *  1. at most `MAX_HTML_ELEMENTS`: the page is read as it is (every real page: the largest of the 207 bench
 *     pages has 1 737 elements);
 *  2. more: the inline formatting tags (`INLINE_FORMATTING`: b, i, span, font…) are dropped, their text kept —
 *     they carry no paragraph structure the cascade reads — and so are list items that hold nothing but one
 *     link ("<li><a href=…>Berita lain</a></li>": navigation, which the block filter drops anyway, its link
 *     density being 1) — and declarations and processing instructions ("<!x>", "<?x?>"), never text;
 *  3. still more: the page is refused as "too complex" (`ArticleError` with code `too-complex`), which the
 *     crawler records as the URL's outcome and does not fetch again.
 */
import { MAX_HTML_ELEMENTS, MAX_TAG_ATTRIBUTES } from './config.ts';

/** Inline tags whose markup adds nothing the text stage reads (their text stays). */
export const INLINE_FORMATTING = ['b', 'i', 'u', 's', 'em', 'strong', 'span', 'font', 'small', 'big', 'sub', 'sup', 'mark', 'abbr', 'cite', 'code', 'kbd', 'samp', 'var', 'tt', 'strike', 'ins', 'del', 'q', 'bdi', 'bdo', 'data', 'wbr', 'nobr'];

// Elements, and the declarations and processing instructions ("<!x>", "<?x?>") that become nodes too.
const OPEN_TAG = /<[a-zA-Z!?]/g;
const DECLARATION = /<[!?](?!--)[^<>]{0,2000}>/g;
const LINK_ONLY_ITEM = /<li\b[^<>]{0,2000}>\s*<a\b[^<>]{0,2000}>[^<]{0,2000}<\/a>\s*<\/li\s*>/gi;
const INLINE_TAG = new RegExp(`</?(?:${[...INLINE_FORMATTING].sort((a, b) => b.length - a.length).join('|')})(?=[\\s/>])[^<>]{0,2000}>`, 'gi');

/** Opening tags, declarations and processing instructions in `html` (a close count of the nodes the parser would build, text aside). */
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

const ATTRIBUTE = /\s*([^\s"'<>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
/** Tags shorter than this are not looked at: a handful of attributes, or one long `data-*` value. */
const LONG_TAG_CHARS = 2000;

function trimTag(tag: string, max: number): string {
  const name = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(tag);
  if (!name) return tag;
  const rest = tag.slice(name[0].length, -1);
  let n = 0;
  let end = 0;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(rest); m && m[0].length > 0; m = ATTRIBUTE.exec(rest)) {
    if (++n > max) return `${name[0]}${rest.slice(0, end)}${/\/\s*$/.test(rest) ? '/' : ''}>`;
    end = ATTRIBUTE.lastIndex;
  }
  return tag;
}

/**
 * Keeps at most `max` attributes per tag (step 0, on every page): one tag with 2 million attributes
 * (12 MB) took 15 s and 635 MB to parse. Only tags longer than 2 000 characters are looked at, so real pages
 * (whose long tags hold one long `data-*` value, not thousands of attributes) pass untouched. A plain scan,
 * linear in the page: a regex with a 2 000-long repeat overflows the stack on a 12 MB tag.
 */
export function limitAttributes(html: string, max = MAX_TAG_ATTRIBUTES): string {
  const parts: string[] = [];
  let last = 0;
  let close = -1;
  for (let i = html.indexOf('<'); i >= 0; ) {
    if (close <= i) close = html.indexOf('>', i + 1);
    if (close < 0) break;
    const next = html.indexOf('<', i + 1);
    // "<" ... "<" ... ">": the first "<" opens no tag; the same ">" closes the next one.
    if (next >= 0 && next < close) {
      i = next;
      continue;
    }
    if (close - i > LONG_TAG_CHARS) {
      const tag = html.slice(i, close + 1);
      const fixed = trimTag(tag, max);
      if (fixed !== tag) {
        parts.push(html.slice(last, i), fixed);
        last = close + 1;
      }
    }
    i = next;
  }
  if (last === 0) return html;
  parts.push(html.slice(last));
  return parts.join('');
}

/** Applies steps 1–2 above (after `limitAttributes`); the caller refuses the page when `left > max`. */
export function boundElements(html0: string, max = MAX_HTML_ELEMENTS): Bounded {
  const html = limitAttributes(html0);
  const elements = countElements(html);
  if (elements <= max) return { html, elements, reduced: false, left: elements };
  const reducedHtml = html.replace(INLINE_TAG, '').replace(LINK_ONLY_ITEM, '').replace(DECLARATION, '');
  return { html: reducedHtml, elements, reduced: true, left: countElements(reducedHtml) };
}
