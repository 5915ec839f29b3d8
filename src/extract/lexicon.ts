/**
 * The Indonesian word lists (`data/lexicon.json`) and the pattern pieces composed from them.
 * Patterns are built here, once, from named lists (longest alternative first, escaped) and never retyped inline.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DATA_DIR } from '../normalize/regions.ts';

const WordList = z.array(z.string().min(1));

const LexiconSchema = z.object({
  scale: z.record(z.string(), z.number().positive()),
  moneyScales: WordList,
  percentSigns: WordList,
  countUnits: z.object({ population: WordList, people: WordList, participants: WordList }),
  notPeopleUnits: WordList,
  cues: z.object({
    active: WordList,
    coverage: WordList,
    coverageWeak: WordList,
    population: WordList,
    participant: WordList,
    registration: WordList,
    national: WordList,
  }),
  guards: z.object({
    threshold: WordList,
    target: WordList,
    definition: WordList,
    criterion: WordList,
    inactive: WordList,
    notInactive: WordList,
    segment: WordList,
    aggregate: WordList,
    otherQuantity: WordList,
    change: WordList,
    flow: WordList,
    joint: WordList,
    changeResult: WordList,
  }),
  regionCountNouns: WordList,
  numberWords: WordList,
  approx: WordList,
  sentenceAbbreviations: WordList,
  weekdays: WordList,
  asOfCues: WordList,
  awardWords: WordList,
  categoryTiers: z.record(z.string(), z.enum(['Pratama', 'Madya', 'Utama', 'Paripurna'])),
  categoryCues: WordList,
  categoryNotAward: WordList,
  categoryGoal: WordList,
  /** Goal words that reach a tier across their whole clause ("agar … bisa menyentuh 99 persen atau lebih dan meraih kategori utama"). */
  categoryGoalClause: WordList,
  /** Words after a tier that put it in the future ("kategori Utama tahun depan"). */
  categoryGoalAfter: WordList,
  categoryDefinition: WordList,
  /** Gradings of other things that share the tier words ("puskesmas terakreditasi … predikat Paripurna"). */
  categoryOtherGrading: WordList,
  pluralSubjects: WordList,
  boilerplateLines: WordList,
  regionPrefixes: z.object({ kabupaten: WordList, kota: WordList, provinsi: WordList }),
  branchPrefixes: WordList,
  notRegionPhrases: WordList,
  /** Words that make a bare region name part of a venue's name ("Jakarta International Expo", "Surabaya Town Square"). */
  venueWordsAfter: WordList,
  /** Words before a name that make it a sea, strait or lake ("Selat Malaka", "Laut Natuna"), not the region. */
  waterBodyWords: WordList,
  dateNotAsOf: WordList,
  currentWords: WordList,
  previousWords: WordList,
  domainWords: WordList,
  /** Month names and their short forms: a year right after one is a date ("Februari 2023 penduduk"), never a count. */
  months: WordList,
  /** The gates' lists (extractors/gates/). */
  gates: z.object({
    jknProgramme: WordList,
    otherInsurance: WordList,
    otherProgramme: WordList,
    budgetWords: WordList,
    budgetShareWords: WordList,
    budgetShareAfter: WordList,
    missingBefore: WordList,
    missingAfter: WordList,
    missingVerbs: WordList,
    missingFiller: WordList,
    missingOpeners: WordList,
    segmentWords: WordList,
    negations: WordList,
    notMissing: WordList,
    anaphors: WordList,
    localUnits: WordList,
    branchUnits: WordList,
    branchAreaVerbs: WordList,
    unitSubjectBefore: WordList,
    islands: WordList,
    islandWords: WordList,
    compassWords: WordList,
    thresholdReached: WordList,
    targetCarry: WordList,
    exceedVerbs: WordList,
    futureWords: WordList,
  }),
});
export type Lexicon = z.infer<typeof LexiconSchema>;

let cached: Lexicon | null = null;

/** Loads and validates `data/lexicon.json` (once). A malformed list fails with the field named. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const file = DATA_DIR + 'lexicon.json';
  const parsed = LexiconSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`${file}: ${i.path.join('.')}: ${i.message}`);
  }
  cached = parsed.data;
  return cached;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

// Alternations of the lexicon's lists, made once per list: rules build their patterns per document from them.
const alternations = new WeakMap<readonly string[], string>();

/** An alternation of the words, longest first, escaped; inner spaces match any run of spaces. */
export function alternation(words: readonly string[]): string {
  let alt = alternations.get(words);
  if (alt === undefined) {
    alt = [...new Set(words)]
      .sort((a, b) => b.length - a.length)
      .map((w) => escapeRegex(w).replace(/ +/g, '\\s+'))
      .join('|');
    alternations.set(words, alt);
  }
  return alt;
}

/** Letters or digits on neither side: a whole-word match that also works for non-ASCII letters. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

/**
 * A case-insensitive whole-word regex for a word list. Lists whose words start and end with ASCII word
 * characters use `\b` without the `u` flag: the same matches on Indonesian text, several times faster
 * than Unicode look-behinds at every position.
 */
export function wordsRegex(words: readonly string[], flags = 'gi'): RegExp {
  const ascii = words.every((w) => /^\w/.test(w) && /\w$/.test(w) && /^[\x00-\x7f]*$/.test(w));
  const re = ascii
    ? new RegExp(`\\b(?:${alternation(words)})\\b`, flags.replace('u', ''))
    : new RegExp(`${WORD_START}(?:${alternation(words)})${WORD_END}`, flags.includes('u') ? flags : flags + 'u');
  if (flags.includes('i') && flags.includes('g')) {
    const scan = prefixScanner(re, words);
    if (scan) scans.set(re, scan);
  }
  return re;
}

/** Texts shorter than this are scanned by the regex alone: the index would cost more than it saves. @default 256 */
export const PREFIX_SCAN_MIN_CHARS = 256;

/**
 * Finding a pattern in a whole text without running it at every position. When every match of a global regex starts
 * with one of a few known words (a word list's words; a cue's first words), right after a character that is no ASCII
 * letter, one pass per text indexes the positions after such a character by their first one, two and three
 * characters — folded: ASCII lower case, any white space as " ", "ſ" as "s" and the Kelvin sign as "k" (the only
 * non-ASCII characters that match ASCII ones case-insensitively), any other non-ASCII first character in one bucket —
 * and the regex runs sticky only at the positions its starts' prefixes index, in text order, from the end of its last
 * match on. Those positions are a superset of where a match can start and the regex itself decides at each, so the
 * matches are exactly those of the global regex's exec loop. (Every lexicon list over every text was about a fifth of
 * the time per article; a Unicode look-behind at every position made some patterns three times slower still.)
 *
 * (Patterns opening with `\b`, `(?<![\p{L}\p{N}])` or `(?<![\p{L}])` all start after a character that is no ASCII
 * letter.) Returns null when a start cannot be keyed (a non-ASCII letter first): the caller keeps the plain regex.
 */
export function prefixScanner(re: RegExp, starts: readonly string[]): ((text: string) => RegExpExecArray[]) | null {
  if (!re.global || re.sticky) return null;
  const keys = new Set<number>();
  for (const w of starts) {
    const k = prefixKey(w);
    if (k === null) return null;
    keys.add(k);
  }
  const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
  // A key with a shorter one of the same scanner before it ("din" after "di") indexes no position that the shorter
  // one does not: its bucket is left out, and those positions are tried once.
  const ids = [...keys].filter((k) => ![...keys].some((j) => j !== k && isKeyPrefix(j, k))).map(idOf);
  return (text) => {
    const buckets = prefixIndex(text);
    // The match at each indexed position, bucket by bucket; then in text order, each from the end of the one kept
    // before (a position in two buckets, "pe" and "pes", gives the same match twice: the second is inside the first).
    const all: RegExpExecArray[] = [];
    for (const id of ids) {
      const ps = buckets[id];
      if (!ps) continue;
      for (let i = 0; i < ps.length; i++) {
        sticky.lastIndex = ps[i]!;
        const m = sticky.exec(text);
        if (m) all.push(m);
      }
    }
    if (all.length > 1) all.sort((x, y) => x.index - y.index);
    const out: RegExpExecArray[] = [];
    let end = 0;
    for (const m of all) {
      if (m.index < end) continue;
      out.push(m);
      // An empty match moves on by one, as the exec loops over these patterns do.
      end = m.index + Math.max(1, m[0].length);
    }
    return out;
  };
}

const FOLD = new Int16Array(65536).fill(-1);
for (let c = 0; c < 128; c++) FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;
for (const c of [9, 10, 11, 12, 13, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) FOLD[c] = 32;
FOLD[0x17f] = 115; // "ſ" matches "s" under /iu
FOLD[0x212a] = 107; // the Kelvin sign matches "k" under /iu
const SPACE = 32;
/** The bucket of positions whose first character is any other non-ASCII one ("≥", "≧"). */
const OTHER = 1 << 23;
const key3 = (a: number, b: number, c: number) => (1 << 21) | (a << 14) | (b << 7) | c;

const scans = new WeakMap<RegExp, (text: string) => RegExpExecArray[]>();

/**
 * The prefix keys some scanner asks for, each with a small id (0 for none): the index files a position only under
 * those (most words start none), in an array by id. A new key bumps the version: a text indexed before is indexed again.
 */
const id1 = new Uint16Array(1 << 7);
const id2 = new Uint16Array(1 << 14);
const id3 = new Uint16Array(1 << 21);
let idOther = 0;
let ids = 0;
function idOf(k: number): number {
  if (k === OTHER) return (idOther ||= ++ids);
  const [arr, i] = k >= 1 << 21 ? [id3, k & ((1 << 21) - 1)] : k >= 1 << 7 ? [id2, k] : [id1, k];
  return (arr[i] ||= ++ids);
}

/**
 * The folded prefix key of a start: its first one to three characters, cut after its first space and before its first
 * non-ASCII character; a non-ASCII first character without case ("≥") is the OTHER bucket; null for a non-ASCII letter.
 */
function prefixKey(word: string): number | null {
  const first = word.charCodeAt(0);
  if (Number.isNaN(first)) return null;
  if (first >= 128) {
    const ch = String.fromCodePoint(word.codePointAt(0)!);
    return /[\p{L}\p{N}]/u.test(ch) || ch.toLowerCase() !== ch.toUpperCase() || FOLD[first]! >= 0 ? null : OTHER;
  }
  const k: number[] = [];
  for (let i = 0; i < word.length && k.length < 3; i++) {
    const u = word.charCodeAt(i);
    if (u >= 128) break;
    const c = FOLD[u]!;
    if (k.length === 0 && c === SPACE) return null;
    k.push(c);
    if (c === SPACE) break;
  }
  return k.length === 1 ? k[0]! : k.length === 2 ? (k[0]! << 7) | k[1]! : key3(k[0]!, k[1]!, k[2]!);
}

/** Whether ASCII key `a` is a prefix of key `b` (a position's text that folds to `b` then folds to `a` as well). */
function isKeyPrefix(a: number, b: number): boolean {
  if (a === OTHER || b === OTHER) return a === b;
  const chars = (k: number) => (k >= 1 << 21 ? [(k >> 14) & 127, (k >> 7) & 127, k & 127] : k >= 1 << 7 ? [k >> 7, k & 127] : [k]);
  const x = chars(a);
  const y = chars(b);
  return x.length <= y.length && x.every((c, i) => c === y[i]);
}

let indexed: { text: string; ids: number; buckets: (number[] | undefined)[] } | null = null;
/** Positions of a text after no ASCII letter, by prefix key id (the last text's index is kept: an article asks often). */
function prefixIndex(text: string): (number[] | undefined)[] {
  if (indexed && indexed.text === text && indexed.ids === ids) return indexed.buckets;
  const buckets: (number[] | undefined)[] = new Array(ids + 1);
  const file = (id: number, p: number) => {
    const a = buckets[id];
    if (a) a.push(p);
    else buckets[id] = [p];
  };
  const n = text.length;
  for (let p = 0; p < n; p++) {
    if (p > 0) {
      const prev = text.charCodeAt(p - 1);
      if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122)) continue;
    }
    const u = text.charCodeAt(p);
    const a = FOLD[u]!;
    if (a === SPACE) continue;
    if (a < 0 || u >= 128) {
      if (idOther) file(idOther, p);
      if (a < 0) continue;
    }
    let id = id1[a]!;
    if (id) file(id, p);
    if (p + 1 >= n) continue;
    const b = FOLD[text.charCodeAt(p + 1)]!;
    if (b < 0) continue;
    const ab = (a << 7) | b;
    id = id2[ab]!;
    if (id) file(id, p);
    if (b === SPACE || p + 2 >= n) continue;
    const c = FOLD[text.charCodeAt(p + 2)]!;
    if (c < 0) continue;
    id = id3[(ab << 7) | c]!;
    if (id) file(id, p);
  }
  indexed = { text, ids, buckets };
  return buckets;
}

/**
 * An exact pre-test for a pattern anchored at the end of a short string on one of `words`, then only white space or
 * one of `closers` (the region extractor's "Kabupaten ", "Cabang ", "diserahkan di "): whether the string, less its
 * trailing white space, ends with a word's last piece (its ASCII characters after its last white space or non-ASCII
 * character), compared case-folded as under /iu, or its last character is a closer. When it does not, the pattern
 * cannot match, and it is not run. (A piece's characters are literal in the pattern and match only the characters
 * that FOLD folds to them: the two cases of an ASCII letter, "ſ" for "s", the Kelvin sign for "k"; any other character
 * only itself. Testing the last character alone let most strings through: "… pelabuhan" ends like "… jalan".) Null
 * when a word ends in a non-ASCII character or white space, or a closer is one.
 */
export function endsLikeOneOf(words: readonly string[], closers = ''): ((s: string) => boolean) | null {
  // The last pieces by their last character, folded.
  const byLast: (string[] | undefined)[] = new Array(128);
  const closing = new Uint8Array(128);
  for (const c of closers) {
    const u = c.charCodeAt(0);
    if (!(u < 128) || FOLD[u] === SPACE) return null;
    closing[FOLD[u]!] = 1;
  }
  for (const w of words) {
    // The piece: the word's last characters that are ASCII and no white space, folded.
    let a = w.length;
    while (a > 0 && w.charCodeAt(a - 1) < 128 && FOLD[w.charCodeAt(a - 1)] !== SPACE) a--;
    if (a === w.length) return null;
    let piece = '';
    for (let k = a; k < w.length; k++) piece += String.fromCharCode(FOLD[w.charCodeAt(k)]!);
    (byLast[piece.charCodeAt(piece.length - 1)] ??= []).push(piece);
  }
  return (s) => {
    let i = s.length - 1;
    while (i >= 0 && FOLD[s.charCodeAt(i)] === SPACE) i--;
    if (i < 0) return false;
    const f = FOLD[s.charCodeAt(i)]!;
    if (f < 0) return false;
    if (closing[f]) return true;
    const pieces = byLast[f];
    if (!pieces) return false;
    next: for (const p of pieces) {
      if (p.length > i + 1) continue;
      for (let k = p.length - 2, j = i - 1; k >= 0; k--, j--) if (FOLD[s.charCodeAt(j)] !== p.charCodeAt(k)) continue next;
      return true;
    }
    return false;
  };
}

/** Every match of a global regex in a long text, through its prefix scanner when it has one, else its exec loop. */
export function scanAll(re: RegExp, text: string, scan: ((text: string) => RegExpExecArray[]) | null): RegExpExecArray[] {
  if (scan && text.length >= PREFIX_SCAN_MIN_CHARS) return scan(text);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(text)); ) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** All whole-word occurrences (start offsets relative to `s`). */
export function findAll(re: RegExp, s: string): { start: number; end: number; text: string }[] {
  const scan = re.global && s.length >= PREFIX_SCAN_MIN_CHARS ? scans.get(re) : undefined;
  if (scan) return scan(s).map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const out: { start: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(s)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
