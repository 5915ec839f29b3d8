/**
 * The shapes that cross a boundary: the JSON line of `cakupan extract`, the rows the store keeps,
 * and what the review page edits. Each is a zod schema so every boundary validates with one call.
 */
import { z } from 'zod';

/** Administrative level of a region, as the Kemendagri gazetteer names it (plus the whole country). */
export const Level = z.enum(['nasional', 'provinsi', 'kabupaten', 'kota']);
export type Level = z.infer<typeof Level>;

/** A resolved region: canonical name ("Kabupaten Klaten", "Provinsi Jawa Tengah", "Indonesia"), level and code. */
export const RegionRef = z.object({
  name: z.string().min(1),
  level: Level,
  /** Kemendagri code: "33" for a province, "33.10" for a kabupaten/kota, "00" for Indonesia. */
  code: z.string().regex(/^\d{2}(\.\d{2})?$/),
});
export type RegionRef = z.infer<typeof RegionRef>;

/** The five figures cakupan records. */
export const Metric = z.enum(['coverage_pct', 'active_pct', 'enrolled_count', 'active_count', 'population']);
export type Metric = z.infer<typeof Metric>;

export const Category = z.enum(['Pratama', 'Madya', 'Utama', 'Paripurna']);
export type Category = z.infer<typeof Category>;

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD": only as precise as the text is. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/**
 * A character range of the article text, with the text it covers (`text.slice(start, end) === evidence.text`).
 * `start`/`end` count UTF-16 code units (JavaScript strings); the store and its exports write code points
 * (src/store/offsets.ts), and `extract --format json` adds `startCodePoint`/`endCodePoint` beside them.
 */
export const Evidence = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().min(1),
});
export type Evidence = z.infer<typeof Evidence>;

export const Fact = z.object({
  region: RegionRef,
  metric: Metric,
  value: z.number().finite().nonnegative(),
  asOf: PartialDate.nullable(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  evidence: Evidence,
  /** The number exactly as written ("98,77 persen"), for reviewers. */
  raw: z.string().optional(),
});
export type Fact = z.infer<typeof Fact>;

export const CategoryFact = z.object({
  region: RegionRef,
  category: Category,
  year: z.number().int().min(2000).max(2100).nullable(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()).optional(),
  evidence: Evidence,
});
export type CategoryFact = z.infer<typeof CategoryFact>;

/** One line of `cakupan extract --format json`: a contract scripts depend on. */
export const ExtractResult = z.object({
  source: z.string(),
  title: z.string().nullable(),
  published: PartialDate.nullable(),
  text: z.string(),
  /** Which stage of the HTML cascade produced `text` ("text" for plain-text input). */
  method: z.string().optional(),
  facts: z.array(Fact),
  categories: z.array(CategoryFact),
});
export type ExtractResult = z.infer<typeof ExtractResult>;
