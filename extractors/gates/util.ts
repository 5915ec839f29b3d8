/**
 * What the gates share: word lists turned into spans once per document, found again by binary search per figure,
 * so asking the gates about every figure of a long text stays linear in the text.
 */
import { findAll, wordsRegex } from '../../src/extract/lexicon.ts';
import type { Span } from '../../src/extract/types.ts';

export interface Hit extends Span {
  word: string;
}

// One regex per word list, built once: lists come from the cached lexicon, so the array itself is the key.
// (Rebuilding them in every document's prepare() was about a quarter of the time per article.)
const listRegex = new WeakMap<readonly string[], { re: RegExp; spaced: boolean }>();
function regexOf(words: readonly string[]): { re: RegExp; spaced: boolean } {
  let r = listRegex.get(words);
  // `spaced`: whether a word holds white space. Only then can a match hold any (the words are escaped, their spaces
  // made `\s+`, their edges `\b` or look-arounds), so only then has a hit's word white space to fold.
  if (!r) listRegex.set(words, (r = { re: wordsRegex(words, 'giu'), spaced: words.some((w) => /\s/.test(w)) }));
  return r;
}

/** Every whole-word occurrence of the list in the text, sorted, minus those inside a `not` span. */
export function hitsOf(text: string, words: readonly string[], not: readonly string[] = []): Hit[] {
  if (!words.length) return [];
  const masks = not.length ? findAll(regexOf(not).re, text) : [];
  const { re, spaced } = regexOf(words);
  const hits = findAll(re, text).map((h) => ({ start: h.start, end: h.end, word: spaced ? h.text.toLowerCase().replace(/\s+/g, ' ') : h.text.toLowerCase() }));
  if (!masks.length) return hits;
  let mi = 0;
  return hits.filter((h) => {
    while (mi < masks.length && masks[mi]!.end <= h.start) mi++;
    for (let k = mi; k < masks.length && masks[k]!.start <= h.start; k++) if (masks[k]!.end >= h.end) return false;
    return true;
  });
}

/** Index of the first span starting at or after `pos`. */
export function lowerBound(xs: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans lying wholly inside [from, to). */
export function inside<T extends Span>(xs: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(xs, from); i < xs.length && xs[i]!.start < to; i++) if (xs[i]!.end <= to) out.push(xs[i]!);
  return out;
}

/** The last span ending at or before `to` and starting at or after `from`. */
export function lastInside<T extends Span>(xs: readonly T[], from: number, to: number): T | undefined {
  return inside(xs, from, to).at(-1);
}

/** The first span inside [from, to). */
export function firstInside<T extends Span>(xs: readonly T[], from: number, to: number): T | undefined {
  for (let i = lowerBound(xs, from); i < xs.length && xs[i]!.start < to; i++) if (xs[i]!.end <= to) return xs[i]!;
  return undefined;
}

/** Where a clause breaks: punctuation, and the connectives that start a new statement. */
export const CLAUSE_BREAK = /;|(?<!\d)[,:]|[,:](?!\d)|\s(?:sedangkan|sementara|kemudian|disusul|diikuti|namun|tetapi|karena|sehingga|padahal|meski|walaupun)\s/giu;

/**
 * Clause starts already found for the current text, by (from, pos): each gate asks for the clause of the same figure
 * (programme, polarity, threshold), and the answer depends on nothing else.
 */
let startsOf: { text: string; at: Map<number, number> } | null = null;

/** Start of the clause holding `pos` (searching back no further than `from`). */
export function clauseStartOf(text: string, from: number, pos: number): number {
  if (!startsOf || startsOf.text !== text) startsOf = { text, at: new Map() };
  const key = from * 2 ** 26 + pos;
  let s = startsOf.at.get(key);
  if (s === undefined) startsOf.at.set(key, (s = findClauseStart(text, from, pos)));
  return s;
}

function findClauseStart(text: string, from: number, pos: number): number {
  let s = from;
  const slice = text.slice(from, pos);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m; (m = CLAUSE_BREAK.exec(slice)); ) s = from + m.index + m[0].length;
  return s;
}

/** End of the clause holding `pos` (searching forward no further than `to`). */
export function clauseEndOf(text: string, pos: number, to: number): number {
  CLAUSE_BREAK.lastIndex = 0;
  const m = CLAUSE_BREAK.exec(text.slice(pos, to));
  return m ? pos + m.index : to;
}
