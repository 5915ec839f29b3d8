/**
 * The engine's vocabulary: the document it reads, the mentions extractors find in it, and the
 * shape of an extractor with its examples.
 */
import type { Category } from '../types.ts';
import type { RegionEntry } from '../normalize/regions.ts';

/** A range of the article text. The engine checks `text.slice(start, end) === span.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph (one line of the text) holding the sentence. */
  paragraph: number;
  index: number;
}

/** The article as the extractors see it: text, its paragraphs and sentences, and its context. */
export interface Doc {
  text: string;
  paragraphs: Span[];
  sentences: Sentence[];
  /** Publication date "YYYY-MM-DD" (gives "(21/11)" its year), or null. */
  published: string | null;
  title: string | null;
  /** The sentence holding an offset. */
  sentenceAt(offset: number): Sentence;
}

export interface NumberMention extends Span {
  kind: 'number';
  value: number;
  /** The digits as written, with any scale word: "252,17 juta". */
  raw: string;
  scale: number;
  /** Written with a decimal part ("98,77"). */
  decimal: boolean;
  /** "sekitar", "lebih dari", "hampir" stands before it. */
  approx: boolean;
  /** A money amount ("Rp 217 miliar"): never a coverage figure. */
  money: boolean;
  /** A bare 4-digit year ("2023"). */
  year: boolean;
}

export interface PercentMention extends Span {
  kind: 'percent';
  value: number;
  number: NumberMention;
  /** "(94,75)" after a count, with no percent sign: a share by position only. */
  implied: boolean;
}

export type CountUnit = 'population' | 'people' | 'participants' | null;

export interface CountMention extends Span {
  kind: 'count';
  value: number;
  number: NumberMention;
  unit: CountUnit;
  /** The unit word as written ("jiwa"), when there is one. */
  unitText: string | null;
}

export type DateRole = 'asof' | 'event' | 'dateline' | 'award' | 'other';

export interface DateMention extends Span {
  kind: 'date';
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  date: string;
  role: DateRole;
  /** The cue that introduced it ("per", "hingga", "sampai dengan"), lower-cased. */
  cue: string | null;
}

export type RegionRole = 'subject' | 'branch' | 'dateline' | 'location';

export interface RegionMention extends Span {
  kind: 'region';
  region: RegionEntry;
  /** Other regions the same words could name (same-name kabupaten/kota pairs). */
  alternatives: RegionEntry[];
  /** How it was named: a type word ("Kabupaten Banjar"), the bare name, or a press alias. */
  via: 'typed' | 'name' | 'alias' | 'alias-unverified' | 'magnitude';
  role: RegionRole;
}

export type CueFamily = 'active' | 'coverage' | 'coverageWeak' | 'population' | 'participant' | 'registration' | 'national';

export interface CueMention extends Span {
  kind: 'cue';
  family: CueFamily;
  word: string;
}

export type GuardKind = 'threshold' | 'target' | 'definition' | 'criterion' | 'inactive' | 'segment' | 'aggregate' | 'other-quantity' | 'change' | 'flow' | 'joint' | 'region-count';

export interface GuardMention extends Span {
  kind: 'guard';
  guard: GuardKind;
  word: string;
}

export interface CategoryMention extends Span {
  kind: 'category';
  category: Category;
  /** Named as a goal ("untuk menembus kategori Utama") or a definition ("Kategori Madya … mensyaratkan"). */
  notAward: 'goal' | 'definition' | null;
}

export type Mention = NumberMention | PercentMention | CountMention | DateMention | RegionMention | CueMention | GuardMention | CategoryMention;

/** What the extractors before this one found, by kind. */
export interface Found {
  number: NumberMention[];
  percent: PercentMention[];
  count: CountMention[];
  date: DateMention[];
  region: RegionMention[];
  cue: CueMention[];
  guard: GuardMention[];
  category: CategoryMention[];
}

/**
 * An example next to its rule; the examples are the tests.
 * - positive: `span` is the exact text the mention must cover, `value` what it must resolve to;
 * - negative: `none` says which rule of the fact definition it protects;
 * - `gap`: a known gap, kept so that fixing it shows.
 */
export interface Example {
  text: string;
  span?: string;
  value?: unknown;
  none?: string;
  gap?: string;
  published?: string;
}

export interface Extractor<K extends keyof Found = keyof Found> {
  /** Stable: stored with every row that the extractor contributes to. */
  name: string;
  kind: K;
  description: string;
  find(doc: Doc, found: Found): Found[K];
  /** The comparable value of a mention, for the examples runner. */
  valueOf(m: Found[K][number]): unknown;
  examples: Example[];
}
