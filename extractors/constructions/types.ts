/**
 * The shape of a construction: a pattern over a sentence's token codes (see `src/extract/tokens.ts`), a
 * function from a match to pairings (or null: "not really this construction"), and its examples, which the
 * generic example runner checks through the whole engine.
 */
import { loadGazetteer, type RegionEntry } from '../../src/normalize/regions.ts';
import type { Metric } from '../../src/types.ts';
import type { Doc, CountMention, PercentMention, RegionMention } from '../../src/extract/types.ts';
import type { MentionIndexes, Sequence, Token } from '../../src/extract/tokens.ts';
import type { SentenceExample } from '../sentences.ts';

export type Value = PercentMention | CountMention;

/** What a construction says about one figure. Anything left out is decided by the fallback. */
export interface Pairing {
  value: Value;
  /** The region mention that owns the figure, or `national` for Indonesia. */
  region?: RegionMention | 'national';
  /** Further regions that own the same figure ("A dan B masing-masing 56.740 peserta"). */
  shared?: RegionMention[];
  /** The region the mention stands for here, when not its own reading (the capital of a named province, a same-name pair settled by the list). */
  entry?: RegionEntry;
  metric?: Metric;
  /** The figure gives no fact, and why ("a threshold restated as reached"). */
  drop?: string;
  /** Extra named reasons for confidence (`region:list-item`, …). */
  reasons?: string[];
}

export interface ConstructionMatch {
  doc: Doc;
  seq: Sequence;
  /** Token range of the match in `seq.tokens`: [from, to). */
  from: number;
  to: number;
  /** The regex match over `seq.codes`. */
  codes: RegExpExecArray;
  /** The article's mentions, for a look beyond the sentence (the cue a national average compares with). */
  ix: MentionIndexes;
}

export interface Construction {
  /** Stable: the fact's reason is `construction:<name>`. */
  name: string;
  description: string;
  /** Over token codes; the engine runs it with the global flag. */
  pattern: RegExp;
  build(m: ConstructionMatch): Pairing[] | null;
  /** It only ever drops figures (a threshold restated): its positive examples show what it leaves alone. */
  dropsOnly?: true;
  examples: SentenceExample[];
}

/** Helpers shared by construction files. */
export const tokensOf = (m: ConstructionMatch): Token[] => m.seq.tokens.slice(m.from, m.to);
export const textOf = (m: ConstructionMatch, t: Token): string => m.doc.text.slice(t.start, t.end);
export const textBetween = (m: ConstructionMatch, a: Token, b: Token): string => m.doc.text.slice(a.end, b.start);
export const regionOf = (t: Token): RegionMention => t.mention as RegionMention;
export const valueOf = (t: Token): Value => t.mention as Value;

/** The level a list's typed items share ("Kabupaten A, Kabupaten B"), which bare names of the list take. */
export function listLevel(regions: readonly RegionMention[]): 'kabupaten' | 'kota' | null {
  const typed = regions.filter((r) => r.via === 'typed').map((r) => r.region.level);
  if (!typed.length) return null;
  if (typed.every((l) => l === 'kabupaten')) return 'kabupaten';
  if (typed.every((l) => l === 'kota')) return 'kota';
  return null;
}

/**
 * The region a list item names when read at the list's level: "dan Solok" closing a list of typed kabupaten is
 * Kabupaten Solok even where the article also names Kota Solok. Only for a bare name (never a typed one), and only
 * to a region of the same name in the same province; and never to a namesake another item of the list names typed.
 */
export function atListLevel(r: RegionMention, level: 'kabupaten' | 'kota' | null, items: readonly RegionMention[] = []): RegionEntry | undefined {
  if (r.via === 'typed' || r.region.level === 'provinsi' || r.region.level === 'nasional') return undefined;
  // "Kota Bima (98,45 persen), Dompu (97,88 persen) … dan Bima (96,02 persen)": a namesake typed as another item of the
  // same list is not this one.
  const readings = [r.region, ...r.alternatives];
  const taken = items.filter((x) => x !== r && x.via === 'typed' && readings.includes(x.region)).map((x) => x.region);
  const rest = readings.filter((e) => !taken.includes(e));
  if (taken.length && rest.length === 1) return rest[0];
  if (!level) return undefined;
  // Already read at the list's level: keep that reading against the article's other mentions of the namesake.
  if (r.region.level === level) return r.alternatives.length ? r.region : undefined;
  const alt = r.alternatives.find((e) => e.level === level);
  if (alt) return alt;
  return loadGazetteer().regions.find((e) => e.level === level && e.bare === r.region.bare && e.provinceCode === r.region.provinceCode);
}
