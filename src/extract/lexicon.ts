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
  if (ascii) return new RegExp(`\\b(?:${alternation(words)})\\b`, flags.replace('u', ''));
  return new RegExp(`${WORD_START}(?:${alternation(words)})${WORD_END}`, flags.includes('u') ? flags : flags + 'u');
}

/** Whether any word of the list occurs in `s` as a whole word. */
export function hasAny(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

/** All whole-word occurrences (start offsets relative to `s`). */
export function findAll(re: RegExp, s: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(s)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
