/**
 * The review stage's reads on PostgreSQL: the same queries as `SqliteReviewReads` (src/store/review-reads.ts), in
 * PostgreSQL's dialect (booleans counted with FILTER, a text[] for the dashboard's levels, NULLS LAST where SQLite
 * sorts NULL lowest), every value a parameter. `PgStore.reviewReads()` hands it to the review service;
 * test/store/review-reads.test.ts checks that both give the same rows on the same data.
 */
import pg from 'pg';
import { SAMPLE_BUCKETS, type QueueFilterParams, type QueueHalf, type QueueParams, type ReviewReads } from './review-reads.ts';


/** Counts (bigint) and sums (numeric) as JS numbers, as SQLite gives them; this module's queries only. */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** `@name` placeholders to `$n` with the values in order (a name used twice is one parameter). */
function named(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/@(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`review reads: no value for @${name}`);
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text, values: order.map((n) => params[n]) };
}

const SAMPLED = (alias: string) => `((abs(${alias}.id * 2654435761 + @seed::bigint * 40503) % ${SAMPLE_BUCKETS}) < @buckets::bigint)`;
const REVIEWER_ACTIONS = `('accept','reject','correct','undo')`;

function queueSql(query: 'page' | 'count' | 'rank', half: QueueHalf, filter: QueueFilterParams): string {
  const cut = half === 'doubtful' ? `x.confidence < @threshold` : `x.confidence >= @threshold AND ${SAMPLED('x')}`;
  const where = (table: 'facts' | 'categories') =>
    [
      `x.status = 'auto'`,
      cut,
      filter.province ? `x.region_code IN (SELECT code FROM regions WHERE code = @province OR province_code = @province)` : '',
      filter.site ? `x.article_id IN (SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id JOIN sites s ON s.id = p.site_id WHERE s.host = @site)` : '',
      filter.metric ? (table === 'facts' ? 'x.metric = @metric' : 'false') : '',
    ]
      .filter(Boolean)
      .join(' AND ');
  const both = `SELECT 'fact'::text AS kind, x.id, x.confidence FROM facts x WHERE ${where('facts')}
    UNION ALL SELECT 'category'::text AS kind, x.id, x.confidence FROM categories x WHERE ${where('categories')}`;
  if (query === 'count') return `SELECT COUNT(*) AS n FROM (${both}) q`;
  if (query === 'rank')
    return `SELECT COUNT(*) AS n FROM (${both}) q WHERE confidence < @confidence OR (confidence = @confidence AND (kind > @kind OR (kind = @kind AND id < @id)))`;
  return `SELECT kind, id FROM (${both}) q ORDER BY confidence, kind DESC, id LIMIT @limit OFFSET @offset`;
}

const lastNote = (subject: string, alias: string) =>
  `(SELECT r.note FROM reviews r WHERE r.subject = '${subject}' AND r.subject_id = ${alias}.id AND r.action IN ${REVIEWER_ACTIONS} ORDER BY r.id DESC LIMIT 1)`;
const FACT = `SELECT 'fact' AS kind, x.id, x.article_id, x.region_code, g.name AS region_name, g.level,
    x.metric, x.value, NULL AS category, x.raw, x.as_of, x.confidence, x.reasons, x.flags,
    x.evidence_start, x.evidence_end, x.evidence_text, x.status, x.version, ${lastNote('fact', 'x')} AS note
  FROM facts x JOIN regions g ON g.code = x.region_code WHERE x.id = @id`;
const CATEGORY = `SELECT 'category' AS kind, x.id, x.article_id, x.region_code, g.name AS region_name, g.level,
    NULL AS metric, NULL AS value, x.category, NULL AS raw, CAST(x.year AS TEXT) AS as_of, x.confidence, x.reasons, x.flags,
    x.evidence_start, x.evidence_end, x.evidence_text, x.status, x.version, ${lastNote('category', 'x')} AS note
  FROM categories x JOIN regions g ON g.code = x.region_code WHERE x.id = @id`;

/** The PostgreSQL implementation, over the store's pool (`PgStore.pool`). */
export class PgReviewReads implements ReviewReads {
  constructor(private readonly pool: pg.Pool) {}

  private async rows<T = Record<string, unknown>>(sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const q = named(sql, params);
    return (await this.pool.query({ ...q, types: TYPES })).rows as T[];
  }

  private async one<T = Record<string, unknown>>(sql: string, params: Record<string, unknown> = {}): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }

  private static params(filter: QueueFilterParams, p: QueueParams) {
    const out: Record<string, unknown> = { threshold: p.threshold, seed: p.seed, buckets: p.buckets };
    if (filter.province) out.province = filter.province;
    if (filter.site) out.site = filter.site;
    if (filter.metric) out.metric = filter.metric;
    return out;
  }

  async queueCount(half: QueueHalf, filter: QueueFilterParams, p: QueueParams): Promise<number> {
    return (await this.one<{ n: number }>(queueSql('count', half, filter), PgReviewReads.params(filter, p)))!.n;
  }

  async queuePage(half: QueueHalf, filter: QueueFilterParams, p: QueueParams, offset: number, limit: number) {
    return this.rows<{ kind: 'fact' | 'category'; id: number }>(queueSql('page', half, filter), { ...PgReviewReads.params(filter, p), offset, limit });
  }

  async queueRank(half: QueueHalf, filter: QueueFilterParams, p: QueueParams, at: { confidence: number; kind: string; id: number }): Promise<number> {
    return (await this.one<{ n: number }>(queueSql('rank', half, filter), { ...PgReviewReads.params(filter, p), ...at }))!.n;
  }

  async isSampled(id: number, p: Pick<QueueParams, 'seed' | 'buckets'>): Promise<boolean> {
    return (await this.one<{ s: boolean }>(`SELECT ${SAMPLED('x')} AS s FROM (SELECT @id::bigint AS id) x`, { id, seed: p.seed, buckets: p.buckets }))!.s === true;
  }

  async item(kind: 'fact' | 'category', id: number): Promise<unknown> {
    return this.one(kind === 'fact' ? FACT : CATEGORY, { id });
  }

  async source(articleId: number) {
    return this.one<{ site: string; title: string | null }>(
      `SELECT s.host AS site, a.title FROM articles a JOIN pages p ON p.id = a.page_id JOIN sites s ON s.id = p.site_id WHERE a.id = @id`,
      { id: articleId },
    );
  }

  async article(id: number) {
    return this.one<NonNullable<Awaited<ReturnType<ReviewReads['article']>>>>(
      `SELECT a.id, a.title, a.published, a.text, p.url, s.host AS site
       FROM articles a JOIN pages p ON p.id = a.page_id JOIN sites s ON s.id = p.site_id WHERE a.id = @id`,
      { id },
    );
  }

  async others(regionCode: string, factId: number, limit: number): Promise<unknown[]> {
    return this.rows(
      `SELECT fact_id AS id, metric, value, as_of AS "asOf", published, effective_date AS "effectiveDate", date_source AS "dateSource", status, confidence, source_url AS source
       FROM facts_sourced WHERE region_code = @code AND fact_id != @id AND status != 'retired'
       ORDER BY effective_date DESC NULLS LAST, metric, fact_id DESC LIMIT @limit`,
      { code: regionCode, id: factId, limit },
    );
  }

  async history(kind: 'fact' | 'category', id: number): Promise<unknown[]> {
    return this.rows(`SELECT * FROM reviews WHERE subject = @kind AND subject_id = @id ORDER BY id DESC`, { kind, id });
  }

  async lastReview(kind: 'fact' | 'category', id: number): Promise<unknown> {
    return this.one(`SELECT * FROM reviews WHERE subject = @kind AND subject_id = @id ORDER BY id DESC LIMIT 1`, { kind, id });
  }

  async byReviewer(who: string): Promise<unknown[]> {
    // With the facts they added: undoing an addition rejects the added fact (ReviewService.undo).
    return this.rows(`SELECT * FROM reviews WHERE who = @who AND action IN ('accept','reject','correct','undo','add') ORDER BY id DESC`, { who });
  }

  async audit(limit: number): Promise<unknown[]> {
    return this.rows(`SELECT * FROM reviews ORDER BY id DESC LIMIT @limit`, { limit });
  }

  async auditCount(): Promise<number> {
    return (await this.one<{ n: number }>(`SELECT COUNT(*) AS n FROM reviews`))!.n;
  }

  async provinces() {
    return this.rows<{ code: string; name: string }>(`SELECT p.code, p.name FROM regions p WHERE p.level = 'provinsi' AND EXISTS (
        SELECT 1 FROM facts f WHERE f.region_code IN (SELECT g.code FROM regions g WHERE g.code = p.code OR g.province_code = p.code))
      ORDER BY p.name`);
  }

  async sites(): Promise<string[]> {
    const r = await this.rows<{ host: string }>(`SELECT s.host FROM sites s WHERE s.id IN (SELECT a_p.site_id FROM articles a JOIN pages a_p ON a_p.id = a.page_id
        WHERE EXISTS (SELECT 1 FROM facts f WHERE f.article_id = a.id)) ORDER BY s.host`);
    return r.map((x) => x.host);
  }

  async stamp(): Promise<string> {
    return (await this.one<{ s: string }>(
      `SELECT (SELECT COUNT(*) FROM facts) || '/' || (SELECT MAX(updated_at) FROM facts) || '/' || (SELECT COALESCE(MAX(id), 0) FROM reviews) AS s`,
    ))!.s;
  }

  async coverage(levels: string[]): Promise<unknown[]> {
    return this.rows(
      `SELECT c.region_code AS code, c.region_name AS name, c.level,
        (SELECT p.name FROM regions p WHERE p.code = c.province_code AND p.code != c.region_code) AS province,
        MAX(CASE WHEN c.metric = 'coverage_pct' THEN c.value END) AS coverage_pct,
        MAX(CASE WHEN c.metric = 'coverage_pct' THEN c.effective_date END) AS coverage_as_of,
        MAX(CASE WHEN c.metric = 'coverage_pct' THEN c.status END) AS coverage_status,
        MAX(CASE WHEN c.metric = 'active_pct' THEN c.value END) AS active_pct,
        MAX(CASE WHEN c.metric = 'enrolled_count' THEN c.value END) AS enrolled_count,
        MAX(CASE WHEN c.metric = 'population' THEN c.value END) AS population,
        (SELECT COUNT(DISTINCT f.article_id) FROM facts f WHERE f.region_code = c.region_code AND f.status IN ('auto','accepted','corrected')) AS sources,
        (SELECT k.tier || CASE WHEN k.year IS NULL THEN '' ELSE ' ' || k.year END FROM categories_sourced k
          WHERE k.region_code = c.region_code AND k.status IN ('auto','accepted','corrected') ORDER BY k.year DESC NULLS LAST, k.category_id DESC LIMIT 1) AS tier
      FROM coverage_latest c WHERE c.level = ANY(@levels::text[])
      GROUP BY c.region_code, c.region_name, c.level, c.province_code ORDER BY c.region_code`,
      { levels },
    );
  }

  async timeline(code: string) {
    return this.rows<Awaited<ReturnType<ReviewReads['timeline']>>[number]>(
      `SELECT metric, value, effective_date AS date, as_of, status, source_url AS source
       FROM coverage_timeline WHERE region_code = @code AND effective_date IS NOT NULL ORDER BY effective_date, metric`,
      { code },
    );
  }

  async regionName(code: string): Promise<string | undefined> {
    return (await this.one<{ name: string }>(`SELECT name FROM regions WHERE code = @code`, { code }))?.name;
  }

  async statusCounts() {
    return this.rows<{ status: string; n: number }>(`SELECT status, SUM(n) AS n FROM (
        SELECT status, COUNT(*) AS n FROM facts GROUP BY status
        UNION ALL SELECT status, COUNT(*) FROM categories GROUP BY status) q GROUP BY status`);
  }

  async queueCounts(p: QueueParams): Promise<Record<string, number | null>> {
    // SQLite's SUM of a condition: NULL over no rows, else how many rows meet it.
    const n = (cond: string) => `CASE WHEN COUNT(*) = 0 THEN NULL ELSE COUNT(*) FILTER (WHERE ${cond}) END`;
    const r = await this.one<Record<string, number | null>>(
      `SELECT ${n('in_queue')} AS total, ${n("in_queue AND status = 'auto'")} AS remaining,
        ${n("sample_only AND status IN ('accepted','corrected','rejected')")} AS sample_reviewed,
        ${n("sample_only AND status = 'accepted'")} AS sample_correct
      FROM (
        SELECT x.status, (x.confidence < @threshold OR ${SAMPLED('x')}) AS in_queue, (x.confidence >= @threshold AND ${SAMPLED('x')}) AS sample_only
          FROM facts x WHERE x.status != 'retired'
        UNION ALL
        SELECT x.status, (x.confidence < @threshold OR ${SAMPLED('x')}), (x.confidence >= @threshold AND ${SAMPLED('x')})
          FROM categories x WHERE x.status != 'retired') q`,
      { threshold: p.threshold, seed: p.seed, buckets: p.buckets },
    );
    return r!;
  }

  async reviewsSince(day: string): Promise<number> {
    return (await this.one<{ n: number }>(`SELECT COUNT(*) AS n FROM reviews WHERE at >= @day AND action IN ${REVIEWER_ACTIONS}`, { day }))!.n;
  }

  async reviewerStats() {
    return this.rows<{ reviewer: string; actions: number; last: string }>(`SELECT who AS reviewer, COUNT(*) AS actions, MAX(at) AS last FROM reviews
      WHERE action IN ${REVIEWER_ACTIONS} GROUP BY who ORDER BY actions DESC`);
  }

  async goldArticles() {
    return this.rows<Awaited<ReturnType<ReviewReads['goldArticles']>>[number]>(`SELECT a.id, a.title, a.published, a.text, p.url,
         (SELECT COUNT(*) FROM facts f WHERE f.article_id = a.id AND f.status = 'auto')
         + (SELECT COUNT(*) FROM categories c WHERE c.article_id = a.id AND c.status = 'auto') AS open,
         (SELECT COUNT(*) FROM facts f WHERE f.article_id = a.id AND f.status IN ('accepted','corrected','rejected'))
         + (SELECT COUNT(*) FROM categories c WHERE c.article_id = a.id AND c.status IN ('accepted','corrected','rejected')) AS reviewed
       FROM articles a JOIN pages p ON p.id = a.page_id ORDER BY a.id`);
  }

  async goldFacts(articleId: number): Promise<unknown[]> {
    return this.rows(
      `SELECT g.name AS region, g.level, f.metric, f.value, f.as_of, f.evidence_text AS span
       FROM facts f JOIN regions g ON g.code = f.region_code
       WHERE f.article_id = @id AND f.status IN ('accepted','corrected') ORDER BY f.evidence_start, f.id`,
      { id: articleId },
    );
  }

  async goldCategories(articleId: number): Promise<unknown[]> {
    return this.rows(
      `SELECT g.name AS region, g.level, c.category, c.year, c.evidence_text AS span
       FROM categories c JOIN regions g ON g.code = c.region_code
       WHERE c.article_id = @id AND c.status IN ('accepted','corrected') ORDER BY c.evidence_start, c.id`,
      { id: articleId },
    );
  }
}
