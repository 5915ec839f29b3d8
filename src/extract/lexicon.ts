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
  if (flags.includes('i')) {
    const scan = wordScanOf(words, re);
    if (scan) scans.set(re, scan);
  }
  return re;
}

/*
 * Finding a word list in a whole text without running its regex at every position. Any match of a `wordsRegex` starts
 * where the character before is no ASCII letter or digit (`\b` and the Unicode look-behind both need that) and its first
 * characters are one of the words' first characters, case-folded. So: one pass per text indexes those positions by their
 * first one, two and three characters (folded: ASCII lower case, any white space as " ", "ſ" as "s", the Kelvin sign as
 * "k" — the only non-ASCII characters that match ASCII ones case-insensitively), and each list runs its own regex, sticky,
 * only at the positions its words' prefixes index, in text order, from the end of its last match on. Those positions are
 * a superset of where a match can start and the regex itself decides, so the matches are exactly the global regex's.
 * (Every list of the lexicon over every text was about a fifth of the time per article.)
 */

/** Texts shorter than this are scanned by the regex alone: the index would cost more than it saves. @default 256 */
export const WORD_SCAN_MIN_CHARS = 256;

const FOLD = new Int16Array(65536).fill(-1);
for (let c = 0; c < 128; c++) FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;
for (const c of [9, 10, 11, 12, 13, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) FOLD[c] = 32;
FOLD[0x17f] = 115; // "ſ" matches "s" under /iu
FOLD[0x212a] = 107; // the Kelvin sign matches "k" under /iu
const SPACE = 32;
const key3 = (a: number, b: number, c: number) => (1 << 21) | (a << 14) | (b << 7) | c;
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

type WordScan = (text: string) => { start: number; end: number; text: string }[];
const scans = new WeakMap<RegExp, WordScan>();

/** The folded 1-3 character prefix key of a word (cut after its first space), or null when it is not ASCII. */
function prefixKey(word: string): number | null {
  const k: number[] = [];
  for (const ch of word) {
    const c = FOLD[ch.charCodeAt(0)]!;
    if (ch.length > 1 || ch.charCodeAt(0) >= 128 || c < 0) return null;
    if (k.length === 0 && c === SPACE) return null;
    k.push(c);
    if (c === SPACE || k.length === 3) break;
  }
  if (k.length === 0) return null;
  return k.length === 1 ? k[0]! : k.length === 2 ? (k[0]! << 7) | k[1]! : key3(k[0]!, k[1]!, k[2]!);
}

let indexed: { text: string; by: Map<number, number[]> } | null = null;
/** Word-start positions of a text by folded prefix (the last text's index is kept: one article asks for it many times). */
function prefixIndex(text: string): Map<number, number[]> {
  if (indexed && indexed.text === text) return indexed.by;
  const by = new Map<number, number[]>();
  const push = (k: number, p: number) => {
    const a = by.get(k);
    if (a) a.push(p);
    else by.set(k, [p]);
  };
  const n = text.length;
  for (let p = 0; p < n; p++) {
    if (p > 0 && isAsciiAlnum(text.charCodeAt(p - 1))) continue;
    const a = FOLD[text.charCodeAt(p)]!;
    if (a < 0 || a === SPACE) continue;
    push(a, p);
    if (p + 1 >= n) continue;
    const b = FOLD[text.charCodeAt(p + 1)]!;
    if (b < 0) continue;
    push((a << 7) | b, p);
    if (b === SPACE || p + 2 >= n) continue;
    const c = FOLD[text.charCodeAt(p + 2)]!;
    if (c < 0) continue;
    push(key3(a, b, c), p);
  }
  indexed = { text, by };
  return by;
}

function wordScanOf(words: readonly string[], re: RegExp): WordScan | null {
  const keys = new Set<number>();
  for (const w of words) {
    const k = prefixKey(w);
    if (k === null) return null;
    keys.add(k);
  }
  const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
  const keyList = [...keys];
  return (text) => {
    const by = prefixIndex(text);
    // One bucket is sorted already; several are merged (a position may sit in two: "pe" and "pes").
    let cands: number[] = [];
    let buckets = 0;
    for (const k of keyList) {
      const a = by.get(k);
      if (!a) continue;
      cands = buckets++ ? cands.concat(a) : a;
    }
    if (buckets > 1) cands.sort((x, y) => x - y);
    const out: { start: number; end: number; text: string }[] = [];
    let end = 0;
    let last = -1;
    for (const p of cands) {
      if (p < end || p === last) continue;
      last = p;
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m) {
        out.push({ start: p, end: p + m[0].length, text: m[0] });
        end = p + m[0].length;
      }
    }
    return out;
  };
}

/** Whether any word of the list occurs in `s` as a whole word. */
export function hasAny(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

/** All whole-word occurrences (start offsets relative to `s`). */
export function findAll(re: RegExp, s: string): { start: number; end: number; text: string }[] {
  const scan = re.global && s.length >= WORD_SCAN_MIN_CHARS ? scans.get(re) : undefined;
  if (scan) return scan(s);
  const out: { start: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(s)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
