/**
 * Evidence offsets in two units. JavaScript strings index UTF-16 code units: an emoji or any other character
 * outside the Basic Multilingual Plane ("𝐉𝐊𝐍", "😷") counts 2. SQLite's `substr`/`length`, Python's `str`
 * and R's `substr` count Unicode code points (each such character 1). The engine works in UTF-16; the store
 * writes code points (`evidence_start`, `evidence_end` of `facts` and `categories`, and every export), so
 * `substr(text, evidence_start + 1, evidence_end - evidence_start) = evidence_text` holds in SQL, and
 * `text[evidence_start:evidence_end] == evidence_text` in Python. Combining marks ("e\u0301") are code points
 * of their own in every tool, so they need no conversion.
 */

/** A span of `text`: [start, end). */
export interface Span {
  start: number;
  end: number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Code points before UTF-16 index `utf16` of `text` (a high surrogate before a low one counts once). */
export function codePointIndex(text: string, utf16: number): number {
  if (!SURROGATE.test(text)) return utf16;
  let cp = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The low half of a pair was counted with its high half.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) continue;
    }
    cp++;
  }
  return cp + Math.max(0, utf16 - text.length);
}

/** UTF-16 index of code point `codePoints` of `text` (the inverse of `codePointIndex`). */
export function utf16Index(text: string, codePoints: number): number {
  if (!SURROGATE.test(text)) return codePoints;
  let i = 0;
  for (let cp = 0; cp < codePoints && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    const astral = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    i += astral ? 2 : 1;
  }
  return i;
}

/** A UTF-16 span of `text` in code points (what the store writes). */
export function toCodePointSpan(text: string, span: Span): Span {
  return { start: codePointIndex(text, span.start), end: codePointIndex(text, span.end) };
}

/** A code-point span of `text` (as stored) in UTF-16 units, for `text.slice` in JavaScript. */
export function toUtf16Span(text: string, span: Span): Span {
  return { start: utf16Index(text, span.start), end: utf16Index(text, span.end) };
}

/**
 * The `extract --format json` line with code-point offsets beside the UTF-16 ones: every `evidence` gains
 * `startCodePoint`/`endCodePoint` (what the database stores); `start`/`end` stay UTF-16 code units, as before.
 */
export function withCodePointOffsets<T extends { text: string; facts: { evidence: Span }[]; categories: { evidence: Span }[] }>(result: T): T {
  const add = <E extends Span>(ev: E) => ({ ...ev, startCodePoint: codePointIndex(result.text, ev.start), endCodePoint: codePointIndex(result.text, ev.end) });
  return {
    ...result,
    facts: result.facts.map((f) => ({ ...f, evidence: add(f.evidence) })),
    categories: result.categories.map((c) => ({ ...c, evidence: add(c.evidence) })),
  };
}
