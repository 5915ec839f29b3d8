/**
 * The evidence in its context: the sentence that holds a fact's evidence plus its neighbours,
 * cut from the article text by character offsets, so the page can highlight exactly what the
 * extractor read.
 */
import { CONTEXT_SENTENCES } from './config.ts';
import { toUtf16Span } from '../store/offsets.ts';

/** A window of article text around the evidence, split so only `evidence` is highlighted. */
export interface EvidenceContext {
  /** Text before the evidence inside the window (starts at a sentence boundary). */
  before: string;
  evidence: string;
  after: string;
  /** True when the window starts after the article start / ends before its end (print "…"). */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** How the evidence was found: by its offsets, by searching its text (offsets stale), or not at all. */
  located: 'offsets' | 'search' | 'missing';
}

/**
 * Sentence ends: ".", "!" or "?" (plus closing quotes/brackets) before whitespace, or a line break.
 * A "." inside a number ("1.607.143") is not followed by whitespace, so it never splits;
 * "Kab. Banjar" does split, which only makes the window a sentence shorter.
 */
const SENTENCE_END = /[.!?]+["'”’)\]]*\s+|\n+/g;

/** Start offsets of every sentence of `text` (always includes 0). */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(SENTENCE_END)) {
    const next = m.index + m[0].length;
    if (next < text.length) starts.push(next);
  }
  return starts;
}

/** Cuts the window of `sentences` sentences on each side of `[start, end)`; finds the evidence by text if offsets are stale. */
export function evidenceContext(
  text: string,
  evidence: { start: number; end: number; text: string },
  sentences: number = CONTEXT_SENTENCES,
): EvidenceContext {
  // Stored offsets count code points (src/store/offsets.ts); JavaScript slices UTF-16 units.
  let { start, end } = toUtf16Span(text, evidence);
  let located: EvidenceContext['located'] = 'offsets';
  if (!(start >= 0 && end <= text.length && start < end && text.slice(start, end) === evidence.text)) {
    const at = evidence.text ? text.indexOf(evidence.text) : -1;
    if (at >= 0) {
      start = at;
      end = at + evidence.text.length;
      located = 'search';
    } else {
      return { before: '', evidence: evidence.text, after: '', clippedStart: false, clippedEnd: false, located: 'missing' };
    }
  }
  const starts = sentenceStarts(text);
  // Index of the sentence holding `start`, and of the one holding the last evidence character.
  let first = 0;
  while (first + 1 < starts.length && starts[first + 1]! <= start) first++;
  let last = first;
  while (last + 1 < starts.length && starts[last + 1]! < end) last++;
  const from = starts[Math.max(0, first - sentences)]!;
  const toIdx = last + sentences + 1;
  const to = toIdx < starts.length ? starts[toIdx]! : text.length;
  return {
    before: text.slice(from, start),
    evidence: text.slice(start, end),
    after: text.slice(end, to).trimEnd(),
    clippedStart: from > 0,
    clippedEnd: to < text.length,
    located,
  };
}
