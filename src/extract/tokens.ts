/**
 * A sentence as a sequence of typed tokens, after the extractors ran: the mentions they found (region,
 * percent, count, date, …) and, in the gaps between them, the punctuation and connectives that structure
 * lists. Each token is one character of `codes`, so a construction's pattern is a plain regular expression
 * over token types and a match's index is a token index:
 *
 * | code | token |
 * |---|---|
 * | `R` | region of the gazetteer named as a subject ("Kabupaten Agam", "Sumbar") |
 * | `B` | region named otherwise: a BPJS branch ("Cabang Pontianak"), a dateline, a location |
 * | `P` | percentage ("86,11 persen", "(94,75)") |
 * | `C` | count of people ("581.578 jiwa") |
 * | `N` | other number (years, money, plain numbers) |
 * | `D` | date |
 * | `Q` | metric cue ("cakupan kepesertaan", "keaktifan", "jumlah penduduk") |
 * | `G` | guard ("minimal", "target", "belum terdaftar") |
 * | `K` | UHC category tier |
 * | `(` `)` `,` `;` `:` `-` | punctuation (dashes all read as `-`) |
 * | `&` | "dan", "serta" |
 * | `m` | "masing-masing", "berturut-turut" |
 * | `y` | "yakni", "yaitu", "antara lain", "di antaranya", "meliputi", "seperti" |
 * | `i` | "di" |
 * | `a` | "atau" |
 * | `f` | "dari" |
 * | `w` | any other run of words |
 *
 * Where two mentions overlap, the one higher in this order stays: value, region, date, category, guard, cue, number.
 */
import type { CountMention, Doc, Found, Mention, PercentMention, RegionMention, Sentence, Span } from './types.ts';
import type { SpanIndex } from './spanindex.ts';
import { alternation } from './lexicon.ts';

export type TokenKind = 'region' | 'percent' | 'count' | 'number' | 'date' | 'category' | 'guard' | 'cue' | 'punct' | 'word';

export interface Token extends Span {
  /** One character: see the table above. */
  code: string;
  kind: TokenKind;
  /** The mention the token stands for (none for punctuation and words). */
  mention?: Mention;
}

export interface Sequence {
  sentence: Sentence;
  tokens: Token[];
  /** The tokens' codes, one character each. */
  codes: string;
}

/** The connectives that structure lists, by code. Multi-word ones are matched on the gap text first. */
const CONNECTIVE_WORDS: [string[], string][] = [
  [['di antaranya', 'diantaranya', 'antara lain', 'yakni', 'yaitu', 'meliputi', 'seperti'], 'y'],
  [['dan', 'serta'], '&'],
  [['masing-masing', 'berturut-turut'], 'm'],
  [['di'], 'i'],
  [['atau'], 'a'],
  [['dari'], 'f'],
];
const CONNECTIVES: [RegExp, string][] = CONNECTIVE_WORDS.map(([words, code]) => [new RegExp(`^(?:${alternation(words)})$`, 'iu'), code]);
/** Their first letters: a piece that starts with none of them skips the anchored patterns (most pieces). */
const CONNECTIVE_FIRST = new Set(CONNECTIVE_WORDS.flatMap(([words]) => words.map((w) => w[0]!)));
/**
 * A gap is cut into pieces as `/di\s+antaranya|antara\s+lain|[(),;:]|[-–—]+|[^\s(),;:–—]+/giu` cuts it, by a loop over
 * its characters (the regex's exec loop, a match object per piece, was most of the time of making sequences). At each
 * position, in the pattern's order: white space starts no piece; "di antaranya", "antara lain" (ASCII letters in either
 * case: no other character folds to theirs under /iu); a bracket or a mark of `(),;:`; a run of dashes; a run of
 * anything but white space, those marks and the long dashes (a hyphen stays inside: "masing-masing").
 */
const PIECE_MARKS = '(),;:';
const DASHES = '-–—';
/**
 * The code units JS `\s` matches (the same with and without /u): WhiteSpace and LineTerminator of ECMA-262, listed
 * (test/extract/tokens.test.ts checks the list against the regex over every code unit; deriving it at load took 20 ms).
 */
export const WHITE_SPACE = [9, 10, 11, 12, 13, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
const SPACE = new Uint8Array(65536);
for (const c of WHITE_SPACE) SPACE[c] = 1;
/** What ends a run of words: white space, a mark, a long dash (not the hyphen). */
const WORD_STOP = SPACE.slice();
for (const c of PIECE_MARKS + '–—') WORD_STOP[c.charCodeAt(0)] = 1;

/** Whether the lower-case ASCII word `w` stands at `at`, before `to`, in either case. */
function asciiWordAt(text: string, at: number, to: number, w: string): boolean {
  if (at + w.length > to) return false;
  for (let k = 0; k < w.length; k++) {
    const c = text.charCodeAt(at + k);
    const l = w.charCodeAt(k);
    if (c !== l && c !== l - 32) return false;
  }
  return true;
}

/** End of "<first> <second>" (lower-case ASCII words, a run of white space between) at `at`, in either case; -1 if none. */
function spacedWordsEnd(text: string, at: number, to: number, first: string, second: string): number {
  if (!asciiWordAt(text, at, to, first)) return -1;
  let i = at + first.length;
  if (i >= to || !SPACE[text.charCodeAt(i)]) return -1;
  while (i < to && SPACE[text.charCodeAt(i)]) i++;
  return asciiWordAt(text, i, to, second) ? i + second.length : -1;
}

/** Gives each piece of text[from, to) to `each`, with its mark (one of `(),;:`, or '-' for a run of dashes), '' for words. */
function piecesOf(text: string, from: number, to: number, each: (start: number, end: number, mark: string) => void): void {
  for (let p = from; p < to; ) {
    const u = text.charCodeAt(p);
    if (SPACE[u]) {
      p++;
      continue;
    }
    const c = text[p]!;
    let end = spacedWordsEnd(text, p, to, 'di', 'antaranya');
    if (end < 0) end = spacedWordsEnd(text, p, to, 'antara', 'lain');
    if (end >= 0) each(p, end, '');
    else if (PIECE_MARKS.includes(c)) each(p, (end = p + 1), c);
    else if (DASHES.includes(c)) {
      for (end = p + 1; end < to && DASHES.includes(text[end]!); end++);
      each(p, end, '-');
    } else {
      for (end = p + 1; end < to && !WORD_STOP[text.charCodeAt(end)]; end++);
      each(p, end, '');
    }
    p = end;
  }
}

/** Whether a piece starting with this character may be one of the CONNECTIVES ("ſ" folds to "s" under /iu, so it may be "serta"). */
function mayBeConnective(firstChar: string): boolean {
  const first = firstChar.toLowerCase();
  return CONNECTIVE_FIRST.has(first === 'ſ' ? 's' : first);
}

const PRECEDENCE: Record<string, number> = { P: 7, C: 7, R: 6, B: 6, D: 5, K: 4, G: 3, Q: 2, N: 1 };

export interface MentionIndexes {
  percent: SpanIndex<PercentMention>;
  count: SpanIndex<CountMention>;
  region: SpanIndex<RegionMention>;
  date: SpanIndex<Found['date'][number]>;
  category: SpanIndex<Found['category'][number]>;
  guard: SpanIndex<Found['guard'][number]>;
  cue: SpanIndex<Found['cue'][number]>;
  number: SpanIndex<Found['number'][number]>;
}

function codeOf(m: Mention): string {
  switch (m.kind) {
    case 'percent':
      return 'P';
    case 'count':
      return 'C';
    case 'region':
      return m.role === 'subject' ? 'R' : 'B';
    case 'date':
      return 'D';
    case 'category':
      return 'K';
    case 'guard':
      return 'G';
    case 'cue':
      return 'Q';
    default:
      return 'N';
  }
}

const KIND: Record<string, TokenKind> = { P: 'percent', C: 'count', R: 'region', B: 'region', D: 'date', K: 'category', G: 'guard', Q: 'cue', N: 'number' };

/** The token sequence of one sentence. */
export function sequenceOf(doc: Doc, s: Sentence, ix: MentionIndexes): Sequence {
  const cands: Token[] = [];
  for (const idx of [ix.percent, ix.count, ix.region, ix.date, ix.category, ix.guard, ix.cue, ix.number] as SpanIndex<Mention & Span>[]) {
    for (const m of idx.within(s.start, s.end)) {
      const code = codeOf(m);
      cands.push({ code, kind: KIND[code]!, start: m.start, end: m.end, mention: m });
    }
  }
  cands.sort((a, b) => a.start - b.start || PRECEDENCE[b.code]! - PRECEDENCE[a.code]! || b.end - a.end);
  const placed: Token[] = [];
  for (const t of cands) {
    const last = placed.at(-1);
    if (last && t.start < last.end) {
      // Overlap: the higher kind stays ("2.430.237 peserta aktif" is a count, its cue is inside it).
      if (PRECEDENCE[t.code]! > PRECEDENCE[last.code]!) placed[placed.length - 1] = t;
      continue;
    }
    placed.push(t);
  }
  const tokens: Token[] = [];
  let at = s.start;
  const gap = (from: number, to: number) => {
    piecesOf(doc.text, from, to, (start, end, mark) => {
      let code = mark || 'w';
      if (!mark && mayBeConnective(doc.text[start]!)) {
        const piece = doc.text.slice(start, end);
        for (const [re, c] of CONNECTIVES) if (re.test(piece)) code = c;
      }
      const prev = tokens.at(-1);
      // A run of other words is one token: "menjadi yang tertinggi di" reads `w i`, "telah mencapai" reads `w`.
      if (code === 'w' && prev?.code === 'w' && prev.kind === 'word') {
        prev.end = end;
        return;
      }
      tokens.push({ code, kind: code === 'w' ? 'word' : 'punct', start, end });
    });
  };
  for (const t of placed) {
    gap(at, t.start);
    tokens.push(t);
    at = t.end;
  }
  gap(at, s.end);
  return { sentence: s, tokens, codes: tokens.map((t) => t.code).join('') };
}

/** The text a run of tokens covers. */
export function tokenText(doc: Doc, tokens: readonly Token[], from: number, to: number): string {
  if (to <= from) return '';
  return doc.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}
