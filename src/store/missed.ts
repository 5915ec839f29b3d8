/**
 * A fact the extractor missed, added by a reviewer from a selection of the article text (the review page's `n`):
 * stored like any fact, with status `corrected` (the reviewer's values), reason `review:added`, the selection as
 * its evidence, and a `reviews` row with action `add` — the store's review operation, like accept or correct. Its
 * match key starts with `review:`, so a refresh never retires it (the extractor not finding it is the point).
 */
import { z } from 'zod';
import { Metric, PartialDate } from '../types.ts';
import { urlDate } from './dates.ts';
import { utf16Index } from './offsets.ts';
import type { FactRow } from './pipeline.ts';

/** Prefix of a reviewer-added fact's match key; reconcile leaves such rows alone. */
export const ADDED_MATCH_PREFIX = 'review:';

/** What a reviewer gives. Offsets count code points, as stored evidence does. */
export const MissedFact = z.object({
  articleId: z.number().int().positive(),
  who: z.string().min(1),
  regionCode: z.string().regex(/^\d{2}(\.\d{2})?$/),
  metric: Metric,
  value: z.number().finite().nonnegative(),
  asOf: PartialDate.nullable(),
  evidenceStart: z.number().int().nonnegative(),
  evidenceEnd: z.number().int().positive(),
  note: z.string().nullable().optional(),
});
export type MissedFact = z.infer<typeof MissedFact>;

/** The stored article a missed fact is added to. */
export interface MissedFactArticle {
  id: number;
  text: string;
  published: string | null;
  url: string;
}

/** The fact row of a missed fact (checked against the article text); throws a plain Error naming what is wrong. */
export function missedFactRow(a: MissedFactArticle, m: MissedFact, extractorVersion: number, seq: number): FactRow {
  const start = utf16Index(a.text, m.evidenceStart);
  const end = utf16Index(a.text, m.evidenceEnd);
  const evidence = a.text.slice(start, end);
  if (end <= start || !evidence.trim()) throw new Error(`the selection ${m.evidenceStart}..${m.evidenceEnd} is empty or outside article ${a.id}`);
  return {
    match_key: `${ADDED_MATCH_PREFIX}${seq}`,
    region_code: m.regionCode,
    metric: m.metric,
    value: m.value,
    as_of: m.asOf,
    published: a.published,
    published_source: a.published ? 'published' : null,
    url_date: urlDate(a.url),
    confidence: 1,
    reasons: JSON.stringify(['review:added']),
    evidence_start: m.evidenceStart,
    evidence_end: m.evidenceEnd,
    evidence_text: evidence,
    raw: evidence.length > 200 ? evidence.slice(0, 200) : evidence,
    extracted_value: m.value,
    extracted_as_of: m.asOf,
    extractor_version: extractorVersion,
    flags: [],
  };
}
