/**
 * From stored bytes to rows, independent of the database engine:
 *
 *  1. `extractDocument`: HTML through the text stage (`src/text`), plain text decoded as UTF-8, then the fact
 *     engine (`src/extract`) — the same path as `cakupan extract`, keeping the page metadata the store needs;
 *  2. `factRows` / `categoryRows`: each extracted item validated (zod, known region, evidence inside the text)
 *     and turned into a row with its match key; a bad item refuses the whole article, naming page and field;
 *  3. `checkFacts`: the consistency flags that one article can decide by itself (above 100 %, enrolled ÷
 *     population against a stated percentage). The cross-article `conflict` flag is the store's.
 */
import { createHash } from 'node:crypto';
import { extractArticle } from '../text/index.ts';
import { decodeText, guessTitle, InputError } from '../extract/document.ts';
import { extractArticleFacts } from '../extract/index.ts';
import { CategoryFact, Fact } from '../types.ts';
import { RATIO_TOLERANCE_POINTS } from './config.ts';
import { codePointIndex } from './offsets.ts';
import { RowError, type ArticleExtraction, type ExtractionResult, type Extractor, type SourceDocument } from './types.ts';
import { urlDate } from './dates.ts';

/** The default extractor: `src/text` for HTML, strict UTF-8 for text, then `src/extract`. */
export const extractDocument: Extractor = (doc) => {
  if (doc.kind === 'html') {
    const article = extractArticle(doc.bytes, { url: doc.url, contentType: doc.contentType ?? undefined });
    if (!article.text.trim()) throw new InputError(doc.url, 'no article text found in the page');
    const published = doc.publishedHint ?? article.published;
    const title = article.title ?? doc.titleHint;
    const r = extractArticleFacts(article.text, { published, title });
    return { text: article.text, title, published: r.published, publishedFrom: r.publishedFrom, method: article.method, canonicalUrl: article.canonicalUrl, siteName: article.siteName, facts: r.facts, categories: r.categories };
  }
  const text = decodeText(doc.url, doc.bytes);
  // Plain text: the headline and the dateline date it prints, when no hint says otherwise (as `cakupan extract` reads them).
  const title = doc.titleHint ?? guessTitle(text);
  const { facts, categories, published, publishedFrom } = extractArticleFacts(text, { published: doc.publishedHint, title });
  return { text, title, published, publishedFrom, method: 'text', canonicalUrl: null, siteName: null, facts, categories };
};

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The text reduced to its words (lower case, letters and digits only): two copies that differ in spacing,
 * quotes or dashes ("Jakarta – Pemerintah" / "Jakarta - Pemerintah") share it, so a republished copy is linked.
 */
export function textFingerprint(text: string): string {
  return sha256((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' '));
}

/** A fact as a row of the `facts` table, before it has an id. */
export interface FactRow {
  match_key: string;
  published_source: 'published' | 'dateline' | null;
  url_date: string | null;
  region_code: string;
  metric: string;
  value: number;
  as_of: string | null;
  published: string | null;
  confidence: number;
  reasons: string;
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  raw: string | null;
  extracted_value: number;
  extracted_as_of: string | null;
  extractor_version: number;
  flags: string[];
}

/** A UHC category mention as a row of the `categories` table. */
export interface CategoryRow {
  match_key: string;
  region_code: string;
  category: string;
  year: number | null;
  published: string | null;
  confidence: number;
  reasons: string;
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  extracted_category: string;
  extracted_year: number | null;
  extractor_version: number;
  flags: string[];
}

/**
 * The identity of an extracted item across re-extractions: what it is about and the words it stands on, not
 * its offsets ("a better text stage moved the paragraph" must not make it a new fact). Repeats in one
 * article are numbered in text order.
 */
function matchKeys(parts: string[][]): string[] {
  const seen = new Map<string, number>();
  return parts.map((p) => {
    const base = p.join('\u0001');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return createHash('sha1').update(`${base}\u0001${n}`).digest('hex').slice(0, 20);
  });
}

function validate<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, page: string, field: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new RowError(page, `${field}${path}`, issue.message);
  }
  return r.data;
}

function checkEvidence(ev: { start: number; end: number; text: string }, text: string, page: string, field: string): void {
  if (ev.end < ev.start || ev.end > text.length) throw new RowError(page, `${field}.evidence`, `offsets ${ev.start}..${ev.end} lie outside the article text (${text.length} characters)`);
  if (text.slice(ev.start, ev.end) !== ev.text) throw new RowError(page, `${field}.evidence.text`, `does not equal the article text at ${ev.start}..${ev.end}`);
}

/** Validates the extracted facts of one article and turns them into rows; throws RowError naming page and field. */
export function factRows(ex: ArticleExtraction, page: string, regionCodes: ReadonlySet<string>, extractorVersion: number, population: (code: string) => number | null): FactRow[] {
  const facts = ex.facts.map((f, i) => {
    const fact = validate(Fact, f, page, `facts[${i}]`);
    if (!regionCodes.has(fact.region.code)) throw new RowError(page, `facts[${i}].region.code`, `unknown region code "${fact.region.code}" (not in the gazetteer)`);
    checkEvidence(fact.evidence, ex.text, page, `facts[${i}]`);
    return fact;
  });
  const keys = matchKeys(facts.map((f) => [f.region.code, f.metric, f.evidence.text]));
  const rows = facts.map((f, i): FactRow => ({
    match_key: keys[i]!,
    region_code: f.region.code,
    metric: f.metric,
    value: f.value,
    as_of: f.asOf,
    published: ex.published,
    // Dates for the figure when it states none (effective_date / date_source in facts_sourced, migration 030).
    published_source: ex.published ? (ex.publishedFrom ?? 'published') : null,
    url_date: urlDate(page),
    confidence: f.confidence,
    reasons: JSON.stringify(f.reasons),
    // Stored in code points (src/store/offsets.ts): what SQLite, Python and R count.
    evidence_start: codePointIndex(ex.text, f.evidence.start),
    evidence_end: codePointIndex(ex.text, f.evidence.end),
    evidence_text: f.evidence.text,
    raw: f.raw ?? null,
    extracted_value: f.value,
    extracted_as_of: f.asOf,
    extractor_version: extractorVersion,
    flags: [],
  }));
  checkFacts(rows, population);
  return rows;
}

/** Validates the extracted UHC categories of one article and turns them into rows. */
export function categoryRows(ex: ArticleExtraction, page: string, regionCodes: ReadonlySet<string>, extractorVersion: number): CategoryRow[] {
  const cats = ex.categories.map((c, i) => {
    const cat = validate(CategoryFact, c, page, `categories[${i}]`);
    if (!regionCodes.has(cat.region.code)) throw new RowError(page, `categories[${i}].region.code`, `unknown region code "${cat.region.code}" (not in the gazetteer)`);
    checkEvidence(cat.evidence, ex.text, page, `categories[${i}]`);
    return cat;
  });
  const keys = matchKeys(cats.map((c) => [c.region.code, c.evidence.text]));
  return cats.map((c, i) => ({
    match_key: keys[i]!,
    region_code: c.region.code,
    category: c.category,
    year: c.year,
    published: ex.published,
    confidence: c.confidence,
    reasons: JSON.stringify(c.reasons ?? []),
    evidence_start: codePointIndex(ex.text, c.evidence.start),
    evidence_end: codePointIndex(ex.text, c.evidence.end),
    evidence_text: c.evidence.text,
    extracted_category: c.category,
    extracted_year: c.year,
    extractor_version: extractorVersion,
    flags: [],
  }));
}

/** Flag codes written into `facts.flags` (a JSON array). */
export const FLAGS = {
  /** A percentage above 100 ("100,18 persen"): kept, since real reports say so, but flagged. */
  over100: 'over_100',
  /** enrolled ÷ population (both stated in the same article) is more than 1 point from the stated percentage. */
  ratioMismatch: 'ratio_mismatch',
  /** Same, with the population taken from the gazetteer (Kemendagri 2025) because the article states none. */
  ratioMismatchGazetteer: 'ratio_mismatch_gazetteer',
  /** Another article gives a different figure for the same region, metric and as-of date. */
  conflict: 'conflict',
  /** A reviewer's accepted value differs from what the extractor now reads in the same evidence. */
  extractionDiffers: 'extraction_differs',
  /** The plausibility gate (src/extract/plausibility.ts) named an `implausible:*` reason: a value no region can have. */
  implausible: 'implausible',
} as const;

/**
 * The checks one article decides alone, written into each row's `flags`:
 * a percentage above 100; enrolled ÷ population against the stated coverage percentage for the same
 * region and as-of (population from the article, else the gazetteer), off by more than RATIO_TOLERANCE_POINTS.
 */
export function checkFacts(rows: FactRow[], population: (code: string) => number | null): void {
  for (const r of rows) {
    if ((r.metric === 'coverage_pct' || r.metric === 'active_pct') && r.value > 100) r.flags.push(FLAGS.over100);
    if (r.reasons.includes('"implausible:')) r.flags.push(FLAGS.implausible);
  }
  const key = (r: FactRow) => `${r.region_code}|${r.as_of ?? ''}`;
  const byKey = new Map<string, FactRow[]>();
  for (const r of rows) {
    const list = byKey.get(key(r)) ?? [];
    list.push(r);
    byKey.set(key(r), list);
  }
  for (const group of byKey.values()) {
    const pct = group.find((r) => r.metric === 'coverage_pct');
    const enrolled = group.find((r) => r.metric === 'enrolled_count');
    if (!pct || !enrolled) continue;
    const stated = group.find((r) => r.metric === 'population')?.value ?? rows.find((r) => r.metric === 'population' && r.region_code === pct.region_code)?.value;
    const pop = stated ?? population(pct.region_code);
    if (!pop) continue;
    const computed = (enrolled.value / pop) * 100;
    if (Math.abs(computed - pct.value) > RATIO_TOLERANCE_POINTS) {
      const flag = stated ? FLAGS.ratioMismatch : FLAGS.ratioMismatchGazetteer;
      for (const r of [pct, enrolled]) if (!r.flags.includes(flag)) r.flags.push(flag);
    }
  }
}

/** What a store needs to turn re-extractions into rows (its gazetteer codes, version and populations). */
export interface RowContext {
  regionCodes: ReadonlySet<string>;
  extractorVersion: number;
  population: (code: string) => number | null;
}

/**
 * Re-extractions validated and turned into rows before any transaction, the same on every backend: an article
 * whose rows are refused keeps its error (counted, left as it was) and is listed in `refused`.
 */
export function prepareExtractions(results: ExtractionResult[], ctx: RowContext) {
  const prepared = results.map((r) => {
    if (r.error) return { r, error: r.error };
    try {
      const facts = factRows(r.extraction, r.article.url, ctx.regionCodes, ctx.extractorVersion, ctx.population);
      const cats = categoryRows(r.extraction, r.article.url, ctx.regionCodes, ctx.extractorVersion);
      return { r, facts, cats, hashes: { text_sha256: sha256(r.extraction.text) } };
    } catch (error) {
      return { r, error: error as Error };
    }
  });
  const refused = prepared.filter((p) => 'error' in p && p.error && !p.r.error).map((p) => ({ url: p.r.article.url, error: (p as { error: Error }).error }));
  return { prepared, refused };
}

/** The `pages` row of a stored document, the same on every backend (`site_id` from the store's upsert). */
export function pageRowOf(doc: SourceDocument, ex: ArticleExtraction, siteId: number, pageSha: string, runId: number, body: Buffer) {
  return {
    url: doc.url,
    canonical_url: ex.canonicalUrl && ex.canonicalUrl !== doc.url ? ex.canonicalUrl : null,
    site_id: siteId,
    fetched_at: doc.fetchedAt,
    status: doc.status,
    headers: JSON.stringify(doc.headers),
    content_type: doc.contentType,
    kind: doc.kind,
    sha256: pageSha,
    size: doc.bytes.length,
    title_hint: doc.titleHint,
    published_hint: doc.publishedHint,
    run_id: runId,
    body,
  };
}
