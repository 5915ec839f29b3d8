/**
 * The store boundary: what the CLI, the crawler and the review page may ask of the coverage database,
 * independent of the engine behind it. `SqliteStore` implements it today; a PostgreSQL store for batch jobs on
 * many machines implements the same interface, and nothing above this file changes.
 */
import { z } from 'zod';
import { Category, CategoryFact, Fact, Level, Metric, PartialDate } from '../types.ts';
import type { MissedFact } from './missed.ts';
import type { ReviewReads } from './review-reads.ts';

/** A fact's life: machine-made, confirmed, fixed by a person, refused by a person, or no longer extracted. */
export const FactStatus = z.enum(['auto', 'accepted', 'corrected', 'rejected', 'retired']);
export type FactStatus = z.infer<typeof FactStatus>;

/** Statuses whose facts count: everything but rejected and retired. */
export const LIVE_STATUSES: readonly FactStatus[] = ['auto', 'accepted', 'corrected'];

/** A document as it arrives from a file, a URL, the bundled corpus or the crawler. */
export interface SourceDocument {
  /** The page's identity: its URL (http, https or file). */
  url: string;
  /** The bytes exactly as received (decoded from gzip/brotli transfer encoding, not from their charset). */
  bytes: Buffer;
  kind: 'html' | 'text';
  contentType: string | null;
  /** HTTP status; null for files. */
  status: number | null;
  headers: Record<string, string>;
  /** ISO 8601 instant. */
  fetchedAt: string;
  /** A title given with the input (corpus JSON); the HTML's own title wins for pages. */
  titleHint: string | null;
  /** A publication date given with the input (`--published`, corpus JSON); wins over the page's. */
  publishedHint: string | null;
}

/** What text and fact extraction made of one document. */
export interface ArticleExtraction {
  text: string;
  title: string | null;
  published: string | null;
  /** Where `published` came from: the page (or the caller), or the article's dateline; null/absent: the page. */
  publishedFrom?: 'published' | 'dateline' | null;
  /** Which stage produced the text ("text" for plain text). */
  method: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  facts: Fact[];
  categories: CategoryFact[];
}

/** Text and fact extraction for one stored document; the default runs `src/text` and `src/extract`. */
export type Extractor = (doc: Pick<SourceDocument, 'url' | 'bytes' | 'kind' | 'contentType' | 'titleHint' | 'publishedHint'>) => ArticleExtraction;

/** A stored article whose extraction is older than wanted, with its primary page's bytes. */
export interface StaleArticle {
  articleId: number;
  pageId: number;
  url: string;
  bytes: Buffer;
  kind: 'html' | 'text';
  contentType: string | null;
  titleHint: string | null;
  publishedHint: string | null;
}

/** Per-batch counts, added to the run record in the same transaction as the writes they count. */
export interface RunCounts {
  pages_seen: number;
  pages_unchanged: number;
  articles_new: number;
  articles_linked: number;
  articles_extracted: number;
  facts_added: number;
  facts_updated: number;
  facts_retired: number;
  facts_revived: number;
  errors: number;
}

export function emptyCounts(): RunCounts {
  return {
    pages_seen: 0,
    pages_unchanged: 0,
    articles_new: 0,
    articles_linked: 0,
    articles_extracted: 0,
    facts_added: 0,
    facts_updated: 0,
    facts_retired: 0,
    facts_revived: 0,
    errors: 0,
  };
}

export function addCounts(into: RunCounts, more: Partial<RunCounts>): RunCounts {
  // `into` may be partial too (a document's own counts): a missing count starts at 0, never NaN.
  for (const [k, v] of Object.entries(more)) into[k as keyof RunCounts] = (into[k as keyof RunCounts] ?? 0) + (v ?? 0);
  return into;
}

/** Batch jobs that keep a run record (the crawler's included). */
export type RunCommand = 'ingest' | 'refresh' | 'main' | 'crawl';
export type RunOutcome = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';

/** One row of the `runs` table. */
export interface RunRecord extends RunCounts {
  id: number;
  command: string;
  args: string;
  started_at: string;
  finished_at: string | null;
  outcome: RunOutcome;
  extractor_version: number;
  resumes_run_id: number | null;
  message: string | null;
}

/** One pass of `refresh` over the stale articles, shared by every run that joins it. */
export interface RefreshPlan {
  id: number;
  cutoffRunId: number;
  createdRunId: number;
  batches: number;
  articles: number;
  /** True when this run found the plan open and joined it. */
  joined: boolean;
}

/** One leased id range of a refresh plan. */
export interface RefreshBatch {
  id: number;
  planId: number;
  firstArticleId: number;
  lastArticleId: number;
  /** Lease expiry, ms since the epoch. */
  leaseUntil: number;
}

/** What happened to one document at ingest. */
export type SaveOutcome =
  | { kind: 'new'; articleId: number; counts: Partial<RunCounts> }
  | { kind: 'updated'; articleId: number; counts: Partial<RunCounts> }
  | { kind: 'linked'; articleId: number; counts: Partial<RunCounts> }
  | { kind: 'unchanged'; articleId: number | null; counts: Partial<RunCounts> };

/** A re-extraction to store, or the error that prevented it. */
export type ExtractionResult =
  | { article: StaleArticle; extraction: ArticleExtraction; error?: undefined }
  | { article: StaleArticle; extraction?: undefined; error: Error };

/** Where a figure's effective date comes from: its own as-of, the page's publication date, the dateline, the URL, or none. */
export const DateSource = z.enum(['as_of', 'published', 'dateline', 'url', 'none']);
export type DateSource = z.infer<typeof DateSource>;

/** One UHC award category with its provenance (the `categories_sourced` view): `cakupan export --kind categories`. */
export const CategoryExportRow = z.object({
  category_id: z.number().int(),
  region_code: z.string(),
  region_name: z.string(),
  level: Level,
  province_code: z.string().nullable(),
  province_name: z.string().nullable(),
  tier: Category,
  year: z.number().int().nullable(),
  published: z.string().nullable(),
  status: FactStatus,
  confidence: z.number(),
  reasons: z.array(z.string()),
  flags: z.array(z.string()),
  evidence_text: z.string(),
  evidence_start: z.number().int(),
  evidence_end: z.number().int(),
  extractor_version: z.number().int(),
  article_id: z.number().int(),
  title: z.string().nullable(),
  source_url: z.string(),
  site: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
});
export type CategoryExportRow = z.infer<typeof CategoryExportRow>;

/** What `categoryRows` returns: one region's, or all; the statuses asked (default: live). */
export interface CategoryQuery {
  regionCode?: string;
  statuses?: FactStatus[];
}

/** One row of `cakupan export`: a fact with its provenance (the `facts_sourced` view). */
export const ExportRow = z.object({
  fact_id: z.number().int(),
  region_code: z.string(),
  region_name: z.string(),
  level: Level,
  province_code: z.string().nullable(),
  province_name: z.string().nullable(),
  metric: Metric,
  value: z.number(),
  as_of: PartialDate.nullable(),
  published: PartialDate.nullable(),
  effective_date: z.string().nullable(),
  /** Where effective_date comes from (migration 030). */
  date_source: DateSource,
  status: FactStatus,
  confidence: z.number(),
  reasons: z.array(z.string()),
  flags: z.array(z.string()),
  evidence_text: z.string(),
  evidence_start: z.number().int(),
  evidence_end: z.number().int(),
  raw: z.string().nullable(),
  extracted_value: z.number(),
  extractor_version: z.number().int(),
  article_id: z.number().int(),
  title: z.string().nullable(),
  source_url: z.string(),
  canonical_url: z.string().nullable(),
  site: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
});
export type ExportRow = z.infer<typeof ExportRow>;

/** One row of `coverage_latest` (and, with min/max, of `coverage_timeline`). */
export interface CoverageRow {
  region_code: string;
  region_name: string;
  level: Level;
  province_code: string | null;
  province_name?: string | null;
  metric: Metric;
  value: number;
  as_of: string | null;
  published: string | null;
  effective_date: string | null;
  date_source?: DateSource;
  status: FactStatus;
  confidence: number;
  flags: string;
  n_facts: number;
  fact_id: number;
  article_id: number;
  source_url: string;
  site: string;
  title: string | null;
  evidence_text: string;
  min_value?: number;
  max_value?: number;
}

/** `cakupan stats`. */
export interface StoreStats {
  totals: Record<'sites' | 'pages' | 'articles' | 'facts' | 'live_facts' | 'categories' | 'reviews' | 'runs', number>;
  byProvince: { province_code: string; province: string; facts: number; regions: number }[];
  byMetric: { metric: string; facts: number }[];
  byStatus: { status: string; facts: number }[];
  byFlag: { flag: string; facts: number }[];
  confidence: { bin: string; facts: number }[];
}

/** A reviewer's decision on one fact (the review page calls this). */
export const FactReview = z.object({
  factId: z.number().int().positive(),
  /** The `version` the reviewer saw: the write is refused if the fact changed since. */
  version: z.number().int().positive(),
  who: z.string().min(1),
  action: z.enum(['accept', 'correct', 'reject', 'reopen']),
  /** For `correct`: the fields the reviewer fixed. */
  changes: z
    .object({
      value: z.number().finite().nonnegative().optional(),
      asOf: PartialDate.nullable().optional(),
      regionCode: z.string().regex(/^\d{2}(\.\d{2})?$/).optional(),
      metric: Metric.optional(),
    })
    .optional(),
  note: z.string().optional(),
});
export type FactReview = z.infer<typeof FactReview>;

/**
 * A reviewer's decision on one fact or category: the ONE write path of the review stage (the review page, the
 * scripted `review accept|reject|correct|undo`, and `reviewFact`). Refused when the item changed since
 * `version` (StoreError 'stale-version'), does not exist, or is retired (RowError).
 */
export const ItemReview = z.object({
  subject: z.enum(['fact', 'category']),
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  who: z.string().min(1),
  /** accept: right as extracted (a corrected item stays corrected); correct: the reviewer's values; reject: not a
   * fact; reopen: back to the machine's values; undo: restore the state before review row `undoes`. */
  action: z.enum(['accept', 'correct', 'reject', 'reopen', 'undo']),
  changes: z
    .object({
      value: z.number().finite().nonnegative().optional(),
      asOf: PartialDate.nullable().optional(),
      regionCode: z.string().regex(/^\d{2}(\.\d{2})?$/).optional(),
      metric: Metric.optional(),
      category: Category.optional(),
      year: z.number().int().nullable().optional(),
    })
    .optional(),
  note: z.string().nullable().optional(),
  /** For `undo`: the review row whose `before` state is restored. For the `reject` that undoes an addition: the `add` row it takes back. */
  undoes: z.number().int().positive().optional(),
});
export type ItemReview = z.infer<typeof ItemReview>;

/** Export selection. */
export interface ExportQuery {
  /** Only the best current figure per region and metric (`coverage_latest`). */
  latest?: boolean;
  /** Statuses to include. @default auto, accepted, corrected */
  statuses?: FactStatus[];
}

/**
 * The operations of the coverage database. Every method is async so that a networked backend fits the same
 * shape; every write method is one transaction (an article and its facts together or not at all).
 */
export interface CoverageStore {
  /** Where the data lives (a file path, a connection string without password). */
  readonly location: string;
  /** The extractor version the store compares stored articles against. */
  readonly extractorVersion: number;

  /** Opens a run record; runs left `running` by a dead process are marked `interrupted` first. */
  startRun(command: RunCommand, args: Record<string, unknown>, opts?: { resumes?: number | null }): Promise<number>;
  finishRun(runId: number, outcome: RunOutcome, message?: string | null): Promise<RunRecord>;
  /** Adds counts (errors, mostly) that were not part of a write. */
  addRunCounts(runId: number, counts: Partial<RunCounts>): Promise<void>;
  /** The latest `refresh --all` left interrupted and not completed since, to resume. */
  interruptedFullRefresh(): Promise<number | null>;

  /** The stored state of a page, to skip unchanged input without extracting it. */
  pageState(url: string): Promise<{ sha256: string; articleId: number | null; extractorVersion: number | null } | null>;
  /** Stores one document with its extraction: page, site, article, facts and categories in one transaction. */
  saveDocument(doc: SourceDocument, extraction: ArticleExtraction, runId: number): Promise<SaveOutcome>;

  /**
   * Articles to re-extract, after `afterId` (and up to `upToId`, a batch's end) in id order: older extractor
   * version, or not re-extracted since `cutoffRunId`.
   */
  staleArticles(q: { afterId: number; limit: number; cutoffRunId: number; upToId?: number }): Promise<StaleArticle[]>;
  countStale(q: { cutoffRunId: number }): Promise<number>;
  /**
   * Stores a batch of re-extractions in one transaction and adds their counts to the run. Extractions whose rows
   * fail validation are refused (listed in `refused`, counted as errors) and their articles left as they were.
   */
  saveExtractions(
    results: ExtractionResult[],
    runId: number,
    opts?: { batchId?: number },
  ): Promise<{ counts: RunCounts; refused: { url: string; error: Error }[]; leaseLost?: boolean }>;
  /**
   * Joins the open refresh plan of this selection (`all`, extractor version), or splits the stale articles into
   * batches of `batchSize` ids as a new plan with `cutoffRunId`. One plan is created however many runs start at once.
   */
  planRefresh(q: { all: boolean; runId: number; cutoffRunId: number; batchSize: number }): Promise<RefreshPlan>;
  /**
   * Leases the next batch of a plan to a run: a queued one, or one whose lease lapsed or whose run is no longer
   * running. Null when none is left to take. `saveExtractions(…, { batchId })` marks it done with its writes.
   */
  leaseRefreshBatch(q: { planId: number; runId: number; leaseMs: number; batchId?: number }): Promise<RefreshBatch | null>;
  /** The cut-off run of a plan (for a worker handed a batch by id). */
  planCutoff(planId: number): Promise<number>;
  /** The batches of a plan not yet done, in id order (what a coordinator puts on a queue). */
  openRefreshBatches(planId: number): Promise<{ id: number; firstArticleId: number; lastArticleId: number; articles: number }[]>;
  /** Closes the plan when every batch is done; true when it is (now or before). */
  finishRefreshPlan(planId: number): Promise<boolean>;
  /** Recomputes the cross-article `conflict` flag; returns the number of facts whose flag changed. */
  recomputeConflicts(): Promise<number>;

  /** The review stage's reads (queue, fact page, dashboard, audit log, gold export): src/store/review-reads*.ts. */
  reviewReads(): ReviewReads;
  /** Applies a reviewer's decision with optimistic concurrency; appends to `reviews`. */
  reviewFact(review: FactReview): Promise<void>;
  /** The same for a fact or a category, with undo: one transaction, returns the audit row's id. */
  reviewItem(review: ItemReview): Promise<{ reviewId: number }>;
  /** A fact the extractor missed, added by a reviewer (src/store/missed.ts): one transaction, audited as action `add`. */
  addFact(input: MissedFact): Promise<{ factId: number; reviewId: number }>;

  exportRows(q?: ExportQuery): AsyncIterable<ExportRow>;
  /** UHC award categories with provenance (`categories_sourced`), region then year order. */
  categoryRows(q?: CategoryQuery): Promise<CategoryExportRow[]>;
  coverageLatest(): Promise<CoverageRow[]>;
  timeline(regionCode: string): Promise<CoverageRow[]>;
  stats(): Promise<StoreStats>;
  /** Articles with a fact a reviewer accepted, corrected or rejected, with every fact as extracted: `cakupan calibrate --db`. */
  reviewedArticles(): Promise<ReviewedArticle[]>;
  close(): Promise<void>;
}

/** One article a reviewer worked on, for calibration: its text and each of its (non-retired) facts as extracted and as reviewed. */
export interface ReviewedArticle {
  url: string;
  text: string;
  facts: {
    status: FactStatus;
    /** What the extractor gave (before any review). */
    extracted: { regionCode: string; metric: Metric; value: number; asOf: string | null };
    /** What the row says now. */
    current: { regionCode: string; metric: Metric; value: number; asOf: string | null };
    reasons: string[];
    evidence: { start: number; end: number; text: string };
    raw: string | null;
  }[];
}

/** A row refused before it reached the database; the message names the page and the field. */
export class RowError extends Error {
  constructor(
    readonly page: string,
    readonly field: string,
    reason: string,
  ) {
    super(`${page}: ${field}: ${reason}`);
    this.name = 'RowError';
  }
}

/** The database could not be opened or used: corrupt, foreign, too new, or locked. The message names the file. */
export class StoreError extends Error {
  constructor(
    readonly location: string,
    readonly code: 'not-sqlite' | 'foreign' | 'corrupt' | 'too-new' | 'busy' | 'missing' | 'stale-version',
    reason: string,
  ) {
    super(`${location}: ${reason}`);
    this.name = 'StoreError';
  }
}

export { Fact, CategoryFact, Category };
