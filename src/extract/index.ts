/**
 * The extraction engine's entry point: article text -> coverage facts and UHC categories, each with its
 * evidence span (offsets into the text) and a confidence with reasons.
 */
import type { CategoryFact, Fact } from '../types.ts';
import { extract } from './engine.ts';
import { applyPlausibility } from './plausibility.ts';
import { calibrate } from './confidence.ts';

/** Stored with every fact; bump when extractors change so `cakupan refresh` re-extracts. */
export const EXTRACTOR_VERSION = 8;

export interface ExtractOptions {
  /** Publication date ("YYYY-MM-DD"): gives "(21/11)" its year. Never used as a figure's asOf. */
  published?: string | null;
  title?: string | null;
  /**
   * The caller knows the text comes from a JKN article (a sentence lifted out of one). Otherwise a text that never
   * names JKN, BPJS, UHC or kepesertaan gives no facts. @default false
   */
  aboutJkn?: boolean;
}

export interface Extraction {
  facts: Fact[];
  categories: CategoryFact[];
  /** The date of the article's own dateline ("Manokwari, 24 April 2025 - …"), when it has one: its publication date. */
  dateline: string | null;
}

export function extractFacts(text: string, opts: ExtractOptions = {}): Extraction {
  const { facts, categories, dateline } = extract(text, opts.published ?? null, opts.title ?? null, opts.aboutJkn ?? false);
  for (const f of [...facts, ...categories]) {
    // The engine's promise, checked at the boundary: evidence is an exact slice of the text.
    if (text.slice(f.evidence.start, f.evidence.end) !== f.evidence.text) throw new Error(`evidence span mismatch at ${f.evidence.start}`);
  }
  // After pairing: values no region can have are flagged (plausibility.ts), then every fact gets its fitted confidence.
  applyPlausibility(facts);
  calibrate(text, facts, categories);
  return { facts, categories, dateline };
}

/**
 * Facts of one article plus its publication date: the one given, else the date of the article's own dateline.
 * The one place the pipeline's entry points (extract, ingest, refresh, crawl) settle `published`.
 */
export function extractArticleFacts(
  text: string,
  opts: ExtractOptions = {},
): Extraction & { published: string | null; publishedFrom: 'published' | 'dateline' | null } {
  const r = extractFacts(text, opts);
  // publishedFrom: where the date came from, for the store's date_source ("published" by the page, or the dateline).
  return { ...r, published: opts.published ?? r.dateline, publishedFrom: opts.published ? 'published' : r.dateline ? 'dateline' : null };
}
