/**
 * The review stage's reads (queue, fact page, dashboard, audit log, gold export), behind the store: one
 * prepared statement per intent, so `src/review/**` asks the store for rows and never sees a database handle.
 * Rows come back as the database returns them; the review stage validates them once (zod) and shapes them.
 */
import type Database from 'better-sqlite3';

/** Which half of the queue: still `auto` below the threshold, or above it and hashed into the precision sample. */
export type QueueHalf = 'doubtful' | 'sample';

/** The queue filters in use (any subset). */
export interface QueueFilterParams {
  province?: string | null;
  site?: string | null;
  metric?: string | null;
}

/** The queue's numbers: the confidence threshold and the sample (seed, and how many of SAMPLE_BUCKETS buckets are kept). */
export interface QueueParams {
  threshold: number;
  seed: number;
  buckets: number;
}

/** Number of hash buckets for the deterministic sample: a rate is kept to 1/1,000,000. */
export const SAMPLE_BUCKETS = 1_000_000;

/** The review stage's reads; every method is one query, answered as a promise (the same shape on SQLite and PostgreSQL). */
export interface ReviewReads {
  queueCount(half: QueueHalf, filter: QueueFilterParams, p: QueueParams): Promise<number>;
  queuePage(half: QueueHalf, filter: QueueFilterParams, p: QueueParams, offset: number, limit: number): Promise<{ kind: 'fact' | 'category'; id: number }[]>;
  /** Items of the half sorting before (confidence, kind, id). */
  queueRank(half: QueueHalf, filter: QueueFilterParams, p: QueueParams, at: { confidence: number; kind: string; id: number }): Promise<number>;
  isSampled(id: number, p: Pick<QueueParams, 'seed' | 'buckets'>): Promise<boolean>;
  /** One fact or category with its region and the last reviewer note, or undefined. */
  item(kind: 'fact' | 'category', id: number): Promise<unknown>;
  source(articleId: number): Promise<{ site: string; title: string | null } | undefined>;
  article(id: number): Promise<{ id: number; title: string | null; published: string | null; text: string; url: string | null; site: string | null } | undefined>;
  others(regionCode: string, factId: number, limit: number): Promise<unknown[]>;
  history(kind: 'fact' | 'category', id: number): Promise<unknown[]>;
  lastReview(kind: 'fact' | 'category', id: number): Promise<unknown>;
  /** A reviewer's own actions, newest first. */
  byReviewer(who: string): Promise<unknown[]>;
  audit(limit: number): Promise<unknown[]>;
  auditCount(): Promise<number>;
  provinces(): Promise<{ code: string; name: string }[]>;
  sites(): Promise<string[]>;
  /** A stamp that moves with every write to facts or reviews (a cache key). */
  stamp(): Promise<string>;
  coverage(levels: string[]): Promise<unknown[]>;
  timeline(code: string): Promise<{ metric: string; value: number; date: string; as_of: string | null; status: string; source: string | null }[]>;
  regionName(code: string): Promise<string | undefined>;
  statusCounts(): Promise<{ status: string; n: number }[]>;
  queueCounts(p: QueueParams): Promise<Record<string, number | null>>;
  reviewsSince(day: string): Promise<number>;
  reviewerStats(): Promise<{ reviewer: string; actions: number; last: string }[]>;
  /** Gold export: every article with its open and reviewed item counts, id order. */
  goldArticles(): Promise<{ id: number; title: string | null; published: string | null; text: string; url: string; open: number; reviewed: number }[]>;
  goldFacts(articleId: number): Promise<unknown[]>;
  goldCategories(articleId: number): Promise<unknown[]>;
}

/** A multiplicative hash of the id picks the sample: stable across page loads, reviewers and restarts. */
const SAMPLED = (alias: string) => `((abs(${alias}.id * 2654435761 + @seed * 40503) % ${SAMPLE_BUCKETS}) < @buckets)`;

/** What a queue statement computes. */
type QueueQuery = 'page' | 'count' | 'rank';

/**
 * SQL of one half of the queue (still `auto`; below the threshold, or above it and hashed into the
 * sample), with only the filters in use: without a province or site filter the scan stays inside
 * the (status, confidence) index, twenty times faster than with a join it does not need.
 */
function queueSql(query: QueueQuery, half: QueueHalf, filter: QueueFilterParams): string {
  // With a province filter, "+x.status" keeps the planner off the (status, confidence) index so that it
  // looks the province's regions up in the store's (region_code, …) index: a province is a few thousand
  // rows, the queue may be hundreds of thousands.
  const p = filter.province ? '+' : '';
  const cut = half === 'doubtful' ? `${p}x.confidence < @threshold` : `${p}x.confidence >= @threshold AND ${SAMPLED('x')}`;
  const where = (table: 'facts' | 'categories') =>
    [
      `${p}x.status = 'auto'`,
      cut,
      filter.province ? `x.region_code IN (SELECT code FROM regions WHERE code = @province OR province_code = @province)` : '',
      filter.site ? `x.article_id IN (SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id JOIN sites s ON s.id = p.site_id WHERE s.host = @site)` : '',
      filter.metric ? (table === 'facts' ? 'x.metric = @metric' : '0') : '',
    ]
      .filter(Boolean)
      .join(' AND ');
  const both = `SELECT 'fact' AS kind, x.id, x.confidence FROM facts x WHERE ${where('facts')}
    UNION ALL SELECT 'category' AS kind, x.id, x.confidence FROM categories x WHERE ${where('categories')}`;
  if (query === 'count') return `SELECT COUNT(*) FROM (${both})`;
  // Items sorting before (@confidence, @kind, @id): "fact" before "category" at equal confidence.
  if (query === 'rank')
    return `SELECT COUNT(*) FROM (${both}) WHERE confidence < @confidence OR (confidence = @confidence AND (kind > @kind OR (kind = @kind AND id < @id)))`;
  return `SELECT kind, id FROM (${both}) ORDER BY confidence, kind DESC, id LIMIT @limit OFFSET @offset`;
}

/** One prepared statement per intent. */
function prepare(db: Database.Database) {
  // The last reviewer's note: the newest review row of the item that carries one.
  const lastNote = (subject: string, alias: string) =>
    `(SELECT r.note FROM reviews r WHERE r.subject = '${subject}' AND r.subject_id = ${alias}.id AND r.action IN ('accept','reject','correct','undo') ORDER BY r.id DESC LIMIT 1)`;
  const sampled = SAMPLED;
  const factCols = (alias: string) => `'fact' AS kind, ${alias}.id, ${alias}.article_id, ${alias}.region_code, g.name AS region_name, g.level,
    ${alias}.metric, ${alias}.value, NULL AS category, ${alias}.raw, ${alias}.as_of, ${alias}.confidence, ${alias}.reasons, ${alias}.flags,
    ${alias}.evidence_start, ${alias}.evidence_end, ${alias}.evidence_text, ${alias}.status, ${alias}.version, ${lastNote('fact', alias)} AS note`;
  const catCols = (alias: string) => `'category' AS kind, ${alias}.id, ${alias}.article_id, ${alias}.region_code, g.name AS region_name, g.level,
    NULL AS metric, NULL AS value, ${alias}.category, NULL AS raw, CAST(${alias}.year AS TEXT) AS as_of, ${alias}.confidence, ${alias}.reasons, ${alias}.flags,
    ${alias}.evidence_start, ${alias}.evidence_end, ${alias}.evidence_text, ${alias}.status, ${alias}.version, ${lastNote('category', alias)} AS note`;
  return {
    source: db.prepare(`SELECT s.host AS site, a.title FROM articles a JOIN pages p ON p.id = a.page_id JOIN sites s ON s.id = p.site_id WHERE a.id = ?`),
    fact: db.prepare(`SELECT ${factCols('x')} FROM facts x JOIN regions g ON g.code = x.region_code WHERE x.id = ?`),
    category: db.prepare(`SELECT ${catCols('x')} FROM categories x JOIN regions g ON g.code = x.region_code WHERE x.id = ?`),
    isSampled: db.prepare(`SELECT ${sampled('x')} FROM (SELECT @id AS id) x`).pluck(),
    article: db.prepare(`SELECT a.id, a.title, a.published, a.text, p.url, s.host AS site
      FROM articles a JOIN pages p ON p.id = a.page_id JOIN sites s ON s.id = p.site_id WHERE a.id = ?`),
    others: db.prepare(`SELECT fact_id AS id, metric, value, as_of AS asOf, published, effective_date AS effectiveDate, date_source AS dateSource, status, confidence, source_url AS source
      FROM facts_sourced WHERE region_code = @code AND fact_id != @id AND status != 'retired'
      ORDER BY effective_date DESC NULLS LAST, metric, fact_id DESC LIMIT @limit`),
    history: db.prepare(`SELECT * FROM reviews WHERE subject = ? AND subject_id = ? ORDER BY id DESC`),
    lastReview: db.prepare(`SELECT * FROM reviews WHERE subject = ? AND subject_id = ? ORDER BY id DESC LIMIT 1`),
    // With the facts they added: undoing an addition rejects the added fact (ReviewService.undo).
    byReviewer: db.prepare(`SELECT * FROM reviews WHERE who = ? AND action IN ('accept','reject','correct','undo','add') ORDER BY id DESC`),
    audit: db.prepare(`SELECT * FROM reviews ORDER BY id DESC LIMIT @limit`),
    auditCount: db.prepare(`SELECT COUNT(*) FROM reviews`).pluck(),
    // Filter choices: provinces and sites that have facts, through indexes (not a scan of facts per choice).
    provinces: db.prepare(`SELECT p.code, p.name FROM regions p WHERE p.level = 'provinsi' AND EXISTS (
        SELECT 1 FROM facts f WHERE f.region_code IN (SELECT g.code FROM regions g WHERE g.code = p.code OR g.province_code = p.code))
      ORDER BY p.name`),
    sites: db.prepare(`SELECT s.host FROM sites s WHERE s.id IN (SELECT a_p.site_id FROM articles a JOIN pages a_p ON a_p.id = a.page_id
        WHERE EXISTS (SELECT 1 FROM facts f WHERE f.article_id = a.id)) ORDER BY s.host`).pluck(),
    // A stamp that moves with every write to facts (each path sets updated_at) or reviews: the dashboard's cache key.
    stamp: db.prepare(`SELECT (SELECT COUNT(*) FROM facts) || '/' || (SELECT MAX(updated_at) FROM facts) || '/' || (SELECT COALESCE(MAX(id), 0) FROM reviews)`).pluck(),
    coverage: db.prepare(`SELECT c.region_code AS code, c.region_name AS name, c.level,
        (SELECT p.name FROM regions p WHERE p.code = c.province_code AND p.code != c.region_code) AS province,
        MAX(CASE WHEN c.metric = 'coverage_pct' THEN c.value END) AS coverage_pct,
        MAX(CASE WHEN c.metric = 'coverage_pct' THEN c.effective_date END) AS coverage_as_of,
        MAX(CASE WHEN c.metric = 'coverage_pct' THEN c.status END) AS coverage_status,
        MAX(CASE WHEN c.metric = 'active_pct' THEN c.value END) AS active_pct,
        MAX(CASE WHEN c.metric = 'enrolled_count' THEN c.value END) AS enrolled_count,
        MAX(CASE WHEN c.metric = 'population' THEN c.value END) AS population,
        (SELECT COUNT(DISTINCT f.article_id) FROM facts f WHERE f.region_code = c.region_code AND f.status IN ('auto','accepted','corrected')) AS sources,
        (SELECT k.tier || CASE WHEN k.year IS NULL THEN '' ELSE ' ' || k.year END FROM categories_sourced k
          WHERE k.region_code = c.region_code AND k.status IN ('auto','accepted','corrected') ORDER BY k.year DESC, k.category_id DESC LIMIT 1) AS tier
      FROM coverage_latest c WHERE c.level IN (SELECT value FROM json_each(@levels)) GROUP BY c.region_code ORDER BY c.region_code`),
    timeline: db.prepare(`SELECT metric, value, effective_date AS date, as_of, status, source_url AS source
      FROM coverage_timeline WHERE region_code = ? AND effective_date IS NOT NULL ORDER BY effective_date, metric`),
    regionName: db.prepare(`SELECT name FROM regions WHERE code = ?`).pluck(),
    statusCounts: db.prepare(`SELECT status, SUM(n) AS n FROM (
        SELECT status, COUNT(*) AS n FROM facts GROUP BY status
        UNION ALL SELECT status, COUNT(*) FROM categories GROUP BY status) GROUP BY status`),
    queueCounts: db.prepare(`SELECT
        SUM(in_queue) AS total, SUM(in_queue AND status = 'auto') AS remaining,
        SUM(sample_only AND status IN ('accepted','corrected','rejected')) AS sample_reviewed,
        SUM(sample_only AND status = 'accepted') AS sample_correct
      FROM (
        SELECT x.status, (x.confidence < @threshold OR ${sampled('x')}) AS in_queue, (x.confidence >= @threshold AND ${sampled('x')}) AS sample_only
          FROM facts x WHERE x.status != 'retired'
        UNION ALL
        SELECT x.status, (x.confidence < @threshold OR ${sampled('x')}), (x.confidence >= @threshold AND ${sampled('x')})
          FROM categories x WHERE x.status != 'retired')`),
    reviewsSince: db.prepare(`SELECT COUNT(*) FROM reviews WHERE at >= ? AND action IN ('accept','reject','correct','undo')`).pluck(),
    reviewerStats: db.prepare(`SELECT who AS reviewer, COUNT(*) AS actions, MAX(at) AS last FROM reviews
      WHERE action IN ('accept','reject','correct','undo') GROUP BY who ORDER BY actions DESC`),
    goldArticles: db.prepare(`SELECT a.id, a.title, a.published, a.text, p.url,
         (SELECT COUNT(*) FROM facts f WHERE f.article_id = a.id AND f.status = 'auto')
         + (SELECT COUNT(*) FROM categories c WHERE c.article_id = a.id AND c.status = 'auto') AS open,
         (SELECT COUNT(*) FROM facts f WHERE f.article_id = a.id AND f.status IN ('accepted','corrected','rejected'))
         + (SELECT COUNT(*) FROM categories c WHERE c.article_id = a.id AND c.status IN ('accepted','corrected','rejected')) AS reviewed
       FROM articles a JOIN pages p ON p.id = a.page_id ORDER BY a.id`),
    goldFacts: db.prepare(`SELECT g.name AS region, g.level, f.metric, f.value, f.as_of, f.evidence_text AS span
     FROM facts f JOIN regions g ON g.code = f.region_code
     WHERE f.article_id = ? AND f.status IN ('accepted','corrected') ORDER BY f.evidence_start, f.id`),
    goldCategories: db.prepare(`SELECT g.name AS region, g.level, c.category, c.year, c.evidence_text AS span
     FROM categories c JOIN regions g ON g.code = c.region_code
     WHERE c.article_id = ? AND c.status IN ('accepted','corrected') ORDER BY c.evidence_start, c.id`),
  };
}

/**
 * The SQLite implementation: statements prepared up front, the queue's per-filter statements on first use. Each
 * answer is computed synchronously (better-sqlite3) and handed back as a resolved promise.
 */
export class SqliteReviewReads implements ReviewReads {
  private readonly s: ReturnType<typeof prepare>;
  private readonly queueStatements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.s = prepare(db);
  }

  /** The queue statement for this query, half and set of filters in use (prepared once, then cached). */
  private queueStmt(query: QueueQuery, half: QueueHalf, filter: QueueFilterParams): Database.Statement {
    const key = `${query}:${half}:${filter.province ? 'p' : ''}${filter.site ? 's' : ''}${filter.metric ? 'm' : ''}`;
    let st = this.queueStatements.get(key);
    if (!st) {
      st = this.db.prepare(queueSql(query, half, filter));
      if (query !== 'page') st.pluck();
      this.queueStatements.set(key, st);
    }
    return st;
  }

  private static params(filter: QueueFilterParams, p: QueueParams) {
    return { threshold: p.threshold, seed: p.seed, buckets: p.buckets, province: filter.province ?? null, metric: filter.metric ?? null, site: filter.site ?? null };
  }

  async queueCount(half: QueueHalf, filter: QueueFilterParams, p: QueueParams): Promise<number> {
    return this.queueStmt('count', half, filter).get(SqliteReviewReads.params(filter, p)) as number;
  }

  async queuePage(half: QueueHalf, filter: QueueFilterParams, p: QueueParams, offset: number, limit: number): Promise<{ kind: 'fact' | 'category'; id: number }[]> {
    return this.queueStmt('page', half, filter).all({ ...SqliteReviewReads.params(filter, p), offset, limit }) as { kind: 'fact' | 'category'; id: number }[];
  }

  async queueRank(half: QueueHalf, filter: QueueFilterParams, p: QueueParams, at: { confidence: number; kind: string; id: number }): Promise<number> {
    return this.queueStmt('rank', half, filter).get({ ...SqliteReviewReads.params(filter, p), ...at }) as number;
  }

  async isSampled(id: number, p: Pick<QueueParams, 'seed' | 'buckets'>): Promise<boolean> {
    return this.s.isSampled.get({ id, seed: p.seed, buckets: p.buckets }) === 1;
  }

  async item(kind: 'fact' | 'category', id: number): Promise<unknown> {
    return (kind === 'fact' ? this.s.fact : this.s.category).get(id);
  }

  async source(articleId: number) {
    return this.s.source.get(articleId) as { site: string; title: string | null } | undefined;
  }

  async article(id: number) {
    return this.s.article.get(id) as Awaited<ReturnType<ReviewReads['article']>>;
  }

  async others(regionCode: string, factId: number, limit: number): Promise<unknown[]> {
    return this.s.others.all({ code: regionCode, id: factId, limit });
  }

  async history(kind: 'fact' | 'category', id: number): Promise<unknown[]> {
    return this.s.history.all(kind, id);
  }

  async lastReview(kind: 'fact' | 'category', id: number): Promise<unknown> {
    return this.s.lastReview.get(kind, id);
  }

  async byReviewer(who: string): Promise<unknown[]> {
    return this.s.byReviewer.all(who);
  }

  async audit(limit: number): Promise<unknown[]> {
    return this.s.audit.all({ limit });
  }

  async auditCount(): Promise<number> {
    return this.s.auditCount.get() as number;
  }

  async provinces() {
    return this.s.provinces.all() as { code: string; name: string }[];
  }

  async sites() {
    return this.s.sites.all() as string[];
  }

  async stamp(): Promise<string> {
    return this.s.stamp.get() as string;
  }

  async coverage(levels: string[]): Promise<unknown[]> {
    return this.s.coverage.all({ levels: JSON.stringify(levels) });
  }

  async timeline(code: string) {
    return this.s.timeline.all(code) as Awaited<ReturnType<ReviewReads['timeline']>>;
  }

  async regionName(code: string) {
    return this.s.regionName.get(code) as string | undefined;
  }

  async statusCounts() {
    return this.s.statusCounts.all() as { status: string; n: number }[];
  }

  async queueCounts(p: QueueParams) {
    return this.s.queueCounts.get({ threshold: p.threshold, seed: p.seed, buckets: p.buckets }) as Record<string, number | null>;
  }

  async reviewsSince(day: string): Promise<number> {
    return this.s.reviewsSince.get(day) as number;
  }

  async reviewerStats() {
    return this.s.reviewerStats.all() as Awaited<ReturnType<ReviewReads['reviewerStats']>>;
  }

  async goldArticles() {
    return this.s.goldArticles.all() as Awaited<ReturnType<ReviewReads['goldArticles']>>;
  }

  async goldFacts(articleId: number): Promise<unknown[]> {
    return this.s.goldFacts.all(articleId);
  }

  async goldCategories(articleId: number): Promise<unknown[]> {
    return this.s.goldCategories.all(articleId);
  }
}
