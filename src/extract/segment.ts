/**
 * Text -> paragraphs (one line each, as the gold corpus counts them) -> sentences.
 * The sentence splitter is ours: compromise's splitter (measured at ~2.4 ms for a 3 KB article) alone
 * would spend the whole per-article budget, and Indonesian titles ("H.", "Hj.", "S.H., M.Hum") need a list anyway.
 */
import { lexicon, escapeRegex } from './lexicon.ts';
import type { Doc, Sentence, Span } from './types.ts';

/** Longest line read as a headline; a longer last paragraph without final punctuation was cut. @default 150 */
export const MAX_TITLE_CHARS = 150;

let abbrevRe: RegExp | null = null;

/** Ends in a known abbreviation ("Kab.", "dr.", "S.H.") or an initial ("A."). */
function endsWithAbbreviation(before: string): boolean {
  abbrevRe ??= new RegExp(
    `(?:^|[\\s(,])(?:${lexicon()
      .sentenceAbbreviations.map((a) => escapeRegex(a))
      .join('|')}|\\p{Lu})$`,
    'iu',
  );
  return abbrevRe.test(before);
}

// A sentence ends at . ! ? … (plus closing quotes or brackets) followed by white space.
const SENTENCE_END = /[.!?…]+["”’')\]]*(?=\s)/g;

export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (text.slice(start, i).trim()) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

export function splitSentences(text: string, para: Span, paragraph: number, into: Sentence[]): void {
  const slice = text.slice(para.start, para.end);
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m; (m = SENTENCE_END.exec(slice)); ) {
    const dot = m.index;
    const before = slice.slice(Math.max(0, dot - 12), dot);
    // "98.8" is a number, "Kab. Banjar" an abbreviation: neither ends a sentence.
    if (m[0] === '.' && (endsWithAbbreviation(before) || /\d$/.test(before) && /^\.\d/.test(slice.slice(dot, dot + 2)))) continue;
    const end = dot + m[0].length;
    pushSentence(text, para.start + start, para.start + end, paragraph, into);
    start = end;
  }
  pushSentence(text, para.start + start, para.end, paragraph, into);
}

function pushSentence(text: string, start: number, end: number, paragraph: number, into: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) into.push({ start, end, paragraph, index: into.length });
}

/** Builds the document the extractors read. */
export function makeDoc(text: string, published: string | null = null, title: string | null = null): Doc {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, i) => splitSentences(text, p, i, sentences));
  // Offsets of sentence starts, for a binary search.
  const starts = sentences.map((s) => s.start);
  const sentenceAt = (offset: number): Sentence => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return sentences[lo] ?? { start: 0, end: text.length, paragraph: 0, index: 0 };
  };
  return { text, paragraphs, sentences, published, title, sentenceAt };
}
