/**
 * The review stage over the store: the queue, fact views and dashboard read with one prepared statement per
 * intent; every WRITE goes through the store's one review operation (`reviewItem`, the same that
 * `CoverageStore.reviewFact` and the scripted `review accept|reject|correct|undo` use), which checks the row's
 * `version` (optimistic concurrency: a second reviewer gets a conflict, never a silent overwrite), rechecks the
 * conflict flags of the groups the fact leaves and joins, and appends its audit row in the same transaction.
 */
import { RowError, StoreError, type ItemReview } from '../store/types.ts';
import type { SqliteStore } from '../store/sqlite.ts';
import { z } from 'zod';
import { Category, Metric, type Level } from '../types.ts';
import { AUDIT_PAGE_SIZE, MAX_OTHER_FIGURES, REVIEW_THRESHOLD, SAMPLE_RATE, SAMPLE_SEED } from './config.ts';
import type { TimelinePoint } from './chart.ts';
import { doubtfulPosition, samplePosition, slotAt } from './interleave.ts';
import type { CoverageRow, OtherFigure, Progress, QueueEntry } from './pages.ts';
import {
  FactEditForm,
  fieldErrors,
  Status,
  type ArticleInfo,
  type AuditEntry,
  type CategoryEdit,
  type FactEdit,
  type QueueFilter,
  type ReviewFact,
  type WriteResult,
} from './model.ts';

/** Which table a reviewed item lives in, and its id there. */
export interface ItemRef {
  kind: 'fact' | 'category';
  id: number;
}

/** The reviewer actions this stage writes to `reviews.action` (the store's refresh writes its own). */
export const REVIEW_ACTIONS = ['accept', 'reject', 'correct', 'undo'] as const;

/** Queue knobs. */
export interface QueueOptions {
  /** @default REVIEW_THRESHOLD */
  threshold: number;
  /** @default SAMPLE_RATE */
  sampleRate: number;
  /** @default SAMPLE_SEED */
  sampleSeed: number;
}

/** Number of hash buckets for the deterministic sample: a rate is kept to 1/1,000,000. */
const SAMPLE_BUCKETS = 1_000_000;

/** Rows as SQLite returns them (validated once, here, so the rest of the stage trusts its types). */
const FactRow = z.object({
  kind: z.enum(['fact', 'category']),
  id: z.number().int(),
  article_id: z.number().int(),
  region_code: z.string(),
  region_name: z.string(),
  level: z.string(),
  metric: Metric.nullable(),
  value: z.number().nullable(),
  category: Category.nullable(),
  raw: z.string().nullable(),
  as_of: z.string().nullable(),
  confidence: z.number(),
  reasons: z.string(),
  flags: z.string(),
  evidence_start: z.number().int(),
  evidence_end: z.number().int(),
  evidence_text: z.string(),
  status: Status,
  version: z.number().int(),
  note: z.string().nullable(),
  sampled: z.number().int().optional(),
  site: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
});
type FactRow = z.infer<typeof FactRow>;

function jsonList(s: string): string[] {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : [];
  } catch {
    return [];
  }
}

function toFact(r: FactRow): ReviewFact {
  return {
    id: r.id,
    kind: r.kind,
    articleId: r.article_id,
    region: { name: r.region_name, level: r.level as Level, code: r.region_code },
    metric: r.metric,
    value: r.value,
    category: r.category,
    raw: r.raw,
    asOf: r.as_of,
    confidence: r.confidence,
    reasons: jsonList(r.reasons),
    flags: jsonList(r.flags),
    evidence: { start: r.evidence_start, end: r.evidence_end, text: r.evidence_text },
    status: r.status,
    version: r.version,
    note: r.note,
  };
}

/** The editable state of a row, as `reviews.before` / `reviews.after` record it (column names, so the log reads without our code). */
export type ItemState = Record<string, string | number | null>;

function stateOf(f: ReviewFact): ItemState {
  return f.kind === 'fact'
    ? { status: f.status, region_code: f.region.code, metric: f.metric, value: f.value, as_of: f.asOf, version: f.version }
    : { status: f.status, region_code: f.region.code, category: f.category, year: f.asOf === null ? null : Number(f.asOf), version: f.version };
}

const AuditRow = z.object({
  id: z.number().int(),
  subject: z.enum(['fact', 'category']),
  subject_id: z.number().int(),
  action: z.string(),
  who: z.string(),
  at: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  note: z.string().nullable(),
  undoes: z.number().int().nullable(),
});

function parseJson(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

function toAudit(raw: unknown): AuditEntry {
  const r = AuditRow.parse(raw);
  return {
    id: r.id,
    factId: r.subject_id,
    kind: r.subject,
    reviewer: r.who,
    at: r.at,
    action: r.action,
    before: parseJson(r.before),
    after: parseJson(r.after),
    reason: r.note ?? (r.undoes !== null ? `undoes #${r.undoes}` : null),
  };
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
function queueSql(query: QueueQuery, half: 'doubtful' | 'sample', filter: QueueFilter): string {
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

/** The store's SQLite handle, for this stage's reads (its type comes from the store: no driver import here). */
type Db = SqliteStore['db'];
type Statement = ReturnType<Db['prepare']>;

/** One prepared statement per intent. */
function prepare(db: Db) {
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
      ORDER BY effective_date DESC NULLS LAST, metric, fact_id DESC LIMIT ${MAX_OTHER_FIGURES}`),
    history: db.prepare(`SELECT * FROM reviews WHERE subject = ? AND subject_id = ? ORDER BY id DESC`),
    lastReview: db.prepare(`SELECT * FROM reviews WHERE subject = ? AND subject_id = ? ORDER BY id DESC LIMIT 1`),
    byReviewer: db.prepare(`SELECT * FROM reviews WHERE who = ? AND action IN ('accept','reject','correct','undo') ORDER BY id DESC`),
    review: db.prepare(`SELECT * FROM reviews WHERE id = ?`),
    audit: db.prepare(`SELECT * FROM reviews ORDER BY id DESC LIMIT @limit`),
    auditCount: db.prepare(`SELECT COUNT(*) FROM reviews`).pluck(),
    appendReview: db.prepare(`INSERT INTO reviews (subject, subject_id, action, who, at, before, after, note, undoes)
      VALUES (@subject, @subject_id, @action, @who, @at, @before, @after, @note, @undoes)`),
    setFact: db.prepare(`UPDATE facts SET status = @status, region_code = @region_code, metric = @metric, value = @value,
      as_of = @as_of, version = version + 1, updated_at = @at WHERE id = @id AND version = @version`),
    setCategory: db.prepare(`UPDATE categories SET status = @status, region_code = @region_code, category = @category,
      year = @year, version = version + 1, updated_at = @at WHERE id = @id AND version = @version`),
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
  };
}
type Statements = ReturnType<typeof prepare>;

/**
 * The review queue, fact views, actions and dashboard figures over an open store database.
 * Construct once per database handle; statements are prepared up front.
 */
export class ReviewService {
  readonly options: QueueOptions;
  /** The store's handle, for reads. */
  readonly db: Db;
  private readonly s: Statements;

  constructor(
    readonly store: Pick<SqliteStore, 'db' | 'reviewItemSync' | 'addFactSync'>,
    options: Partial<QueueOptions> = {},
  ) {
    this.db = store.db;
    this.options = { threshold: REVIEW_THRESHOLD, sampleRate: SAMPLE_RATE, sampleSeed: SAMPLE_SEED, ...options };
    this.s = prepare(this.db);
  }

  private sampleParams() {
    return { seed: this.options.sampleSeed, buckets: Math.round(this.options.sampleRate * SAMPLE_BUCKETS) };
  }

  private readonly queueStatements = new Map<string, Statement>();

  /** The queue statement for this query, half and set of filters in use (prepared once, then cached). */
  private queueStmt(query: QueueQuery, half: 'doubtful' | 'sample', filter: QueueFilter): Statement {
    const key = `${query}:${half}:${filter.province ? 'p' : ''}${filter.site ? 's' : ''}${filter.metric ? 'm' : ''}`;
    let st = this.queueStatements.get(key);
    if (!st) {
      st = this.db.prepare(queueSql(query, half, filter));
      if (query !== 'page') st.pluck();
      this.queueStatements.set(key, st);
    }
    return st;
  }

  private queueParams(filter: QueueFilter) {
    return {
      threshold: this.options.threshold,
      ...this.sampleParams(),
      province: filter.province ?? null,
      metric: filter.metric ?? null,
      site: filter.site ?? null,
    };
  }

  /** How many items the queue view holds: doubtful ones, sampled ones, all. */
  queueSize(filter: QueueFilter = {}): { doubtful: number; sampled: number; total: number } {
    const p = this.queueParams(filter);
    const doubtful = this.queueStmt('count', 'doubtful', filter).get(p) as number;
    const sampled = this.queueStmt('count', 'sample', filter).get(p) as number;
    return { doubtful, sampled, total: doubtful + sampled };
  }

  /**
   * Positions `offset … offset+limit-1` of the queue: facts and categories still `auto`, below the
   * threshold most doubtful first, with the sample of confident ones spread evenly through it
   * (`interleave.ts`). Sorted and paged in SQL: a page costs the same with 50 or 500,000 items queued.
   */
  queueSlice(filter: QueueFilter, offset: number, limit: number, size = this.queueSize(filter)): QueueEntry[] {
    const p = this.queueParams(filter);
    const end = Math.min(size.total, offset + limit);
    if (offset >= end) return [];
    // The slots of the range are a run of doubtful indices and a run of sample indices.
    const slots: NonNullable<ReturnType<typeof slotAt>>[] = [];
    for (let pos = offset; pos < end; pos++) slots.push(slotAt(pos, size.doubtful, size.sampled)!);
    const fetch = (kind: 'doubtful' | 'sample') => {
      const idx = slots.filter((s) => s.kind === kind).map((s) => s.index);
      if (!idx.length) return [];
      return this.queueStmt('page', kind === 'doubtful' ? 'doubtful' : 'sample', filter).all({ ...p, offset: idx[0]!, limit: idx.length }) as { kind: ItemRef['kind']; id: number }[];
    };
    const doubtful = fetch('doubtful');
    const sample = fetch('sample');
    let d = 0;
    let k = 0;
    const out: QueueEntry[] = [];
    for (const slot of slots) {
      const ref = slot.kind === 'doubtful' ? doubtful[d++] : sample[k++];
      // A row that vanished between the count and the page (another reviewer): the page is one shorter.
      const fact = ref ? this.item(ref) : null;
      if (!fact) continue;
      const src = this.s.source.get(fact.articleId) as { site: string; title: string | null } | undefined;
      out.push({ fact, sampled: slot.kind === 'sample', site: src?.site ?? null, title: src?.title ?? null });
    }
    return out;
  }

  /** The whole queue view, in order (the CLI's `list`; the page reads it a slice at a time). */
  queue(filter: QueueFilter = {}): QueueEntry[] {
    return this.queueSlice(filter, 0, Number.MAX_SAFE_INTEGER);
  }

  /** The item at one position of the queue view, or null past its end. */
  queueAt(filter: QueueFilter, pos: number, size = this.queueSize(filter)): QueueEntry | null {
    return this.queueSlice(filter, pos, 1, size)[0] ?? null;
  }

  /** Where an item stands in the queue view (0-based), or -1 when it is not queued there. */
  queuePosition(filter: QueueFilter, ref: ItemRef): number {
    const f = this.item(ref);
    if (!f || f.status !== 'auto') return -1;
    const p = { ...this.queueParams(filter), confidence: f.confidence, kind: f.kind, id: f.id };
    const size = this.queueSize(filter);
    const inDoubtful = f.confidence < this.options.threshold;
    if (!inDoubtful && !this.isSampled(f)) return -1;
    const rank = this.queueStmt('rank', inDoubtful ? 'doubtful' : 'sample', filter).get(p) as number;
    // The filters may exclude it: then the item at that rank is another one.
    const pos = inDoubtful ? doubtfulPosition(rank, size.doubtful, size.sampled) : samplePosition(rank, size.doubtful, size.sampled);
    const at = this.queueAt(filter, pos, size);
    return at && at.fact.kind === f.kind && at.fact.id === f.id ? pos : -1;
  }

  /** Whether an item is part of the precision sample (above the threshold, picked by the hash). */
  isSampled(f: ReviewFact): boolean {
    return f.confidence >= this.options.threshold && this.s.isSampled.get({ id: f.id, ...this.sampleParams() }) === 1;
  }

  /** One fact or category, or null. */
  item(ref: ItemRef): ReviewFact | null {
    const raw = (ref.kind === 'fact' ? this.s.fact : this.s.category).get(ref.id);
    return raw ? toFact(FactRow.parse(raw)) : null;
  }

  /** The article of a fact, with its primary URL and site. */
  article(id: number): ArticleInfo | null {
    const r = this.s.article.get(id) as
      | { id: number; title: string | null; published: string | null; text: string; url: string | null; site: string | null }
      | undefined;
    return r ? { id: r.id, title: r.title, url: r.url, site: r.site, published: r.published, text: r.text } : null;
  }

  /** Other figures for the fact's region (any article), newest first. */
  others(f: ReviewFact): OtherFigure[] {
    return this.s.others.all({ code: f.region.code, id: f.kind === 'fact' ? f.id : -1 }) as OtherFigure[];
  }

  /** The audit rows of one item, newest first. */
  history(ref: ItemRef): AuditEntry[] {
    return this.s.history.all(ref.kind, ref.id).map(toAudit);
  }

  /** The newest audit rows, all items. */
  audit(limit = AUDIT_PAGE_SIZE): { entries: AuditEntry[]; total: number } {
    return { entries: this.s.audit.all({ limit }).map(toAudit), total: this.s.auditCount.get() as number };
  }

  /** Provinces and sites that have facts, for the queue filters. */
  filterOptions(): { provinces: { code: string; name: string }[]; sites: string[] } {
    return { provinces: this.s.provinces.all() as { code: string; name: string }[], sites: this.s.sites.all() as string[] };
  }

  // ---- Writes ---------------------------------------------------------------------------------

  /**
   * One decision through the store's `reviewItem` (version check, conflict flags, audit row: one transaction),
   * with the page's answers: not found, a conflict showing who changed the item, or an invalid edit.
   */
  private write(ref: ItemRef, version: number, who: string, action: 'accept' | 'reject' | 'correct', note: string | null, changes?: ItemReview['changes']): WriteResult {
    const tx = this.db.transaction((): WriteResult => {
      const cur = this.item(ref);
      if (!cur) return { ok: false, kind: 'not_found' };
      if (cur.version !== version) return this.conflict(ref, cur);
      if (cur.status === 'retired')
        return { ok: false, kind: 'invalid', errors: { form: 'this fact is retired: the extractor no longer finds it in the article' } };
      const done = this.decide(ref, { subject: ref.kind, id: ref.id, version, who, action, note, changes });
      return 'reviewId' in done ? { ok: true, fact: this.item(ref)!, reviewId: done.reviewId } : done;
    });
    return tx.immediate();
  }

  /** Calls the store; a row that moved on meanwhile is a conflict, a refused edit is invalid. */
  private decide(ref: ItemRef, review: ItemReview): { reviewId: number } | WriteResult {
    try {
      return this.store.reviewItemSync(review);
    } catch (err) {
      if (err instanceof StoreError && err.code === 'stale-version') return this.conflict(ref, this.item(ref)!);
      if (err instanceof RowError) return { ok: false, kind: 'invalid', errors: { form: err.message } };
      throw err;
    }
  }

  private conflict(ref: ItemRef, cur: ReviewFact): WriteResult {
    const last = this.s.lastReview.get(ref.kind, ref.id);
    return { ok: false, kind: 'conflict', current: cur, by: last ? toAudit(last) : null };
  }

  /**
   * Adds a fact the extractor missed (the page's `n` on a selection): the form is validated like an edit, the
   * selection (code-point offsets into the article text) becomes its evidence; stored through the store's
   * `addFact` (status corrected, audited as `add`).
   */
  addMissed(articleId: number, who: string, form: Record<string, string>): WriteResult {
    const parsed = FactEditForm.safeParse({ value: form.value ?? '', region: form.region ?? '', metric: form.metric ?? '', asOf: form.asOf ?? '' });
    if (!parsed.success) return { ok: false, kind: 'invalid', errors: fieldErrors(parsed.error) };
    const start = Number(form.start);
    const end = Number(form.end);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start)
      return { ok: false, kind: 'invalid', errors: { form: 'select the words of the article that give the figure, then press n' } };
    try {
      const e = parsed.data;
      const r = this.store.addFactSync({ articleId, who, regionCode: e.region.code, metric: e.metric, value: e.value, asOf: e.asOf, evidenceStart: start, evidenceEnd: end, note: null });
      return { ok: true, fact: this.item({ kind: 'fact', id: r.factId })!, reviewId: r.reviewId };
    } catch (err) {
      if (err instanceof RowError || (err instanceof Error && /selection/.test(err.message))) return { ok: false, kind: 'invalid', errors: { form: err.message } };
      throw err;
    }
  }

  /** Accept: the extraction is right. A corrected item stays `corrected` (its values are the reviewer's). */
  accept(ref: ItemRef, version: number, who: string): WriteResult {
    return this.write(ref, version, who, 'accept', null);
  }

  /** Reject: not a fact (a target, a threshold, the wrong region…); the reason goes to the log. */
  reject(ref: ItemRef, version: number, who: string, reason: string): WriteResult {
    return this.write(ref, version, who, 'reject', reason);
  }

  /** Correct a figure: new value, region, metric, as-of. An edit that changes nothing counts as an accept. */
  correct(ref: ItemRef, version: number, who: string, edit: FactEdit | CategoryEdit): WriteResult {
    const changes: ItemReview['changes'] =
      ref.kind === 'fact'
        ? { regionCode: edit.region.code, metric: (edit as FactEdit).metric, value: (edit as FactEdit).value, asOf: edit.asOf }
        : { regionCode: edit.region.code, category: (edit as CategoryEdit).category, year: edit.asOf === null ? null : Number(edit.asOf) };
    return this.write(ref, version, who, 'correct', null, changes);
  }

  /**
   * Undo the reviewer's newest action not yet undone: restores its `before` state, if nobody changed
   * the item since (else a conflict). Repeated undos walk further back.
   */
  undo(who: string): WriteResult & { ref?: ItemRef } {
    const tx = this.db.transaction((): WriteResult & { ref?: ItemRef } => {
      const undone = new Set<number>();
      let target: AuditEntry | null = null;
      for (const raw of this.s.byReviewer.iterate(who)) {
        const r = AuditRow.parse(raw);
        if (r.action === 'undo') {
          if (r.undoes !== null) undone.add(r.undoes);
          continue;
        }
        if (!undone.has(r.id)) {
          target = toAudit(r);
          break;
        }
      }
      if (!target) return { ok: false, kind: 'nothing_to_undo' };
      const ref: ItemRef = { kind: target.kind, id: target.factId };
      const cur = this.item(ref);
      if (!cur) return { ok: false, kind: 'not_found' };
      const after = target.after as ItemState;
      if (after.version !== cur.version) return { ...this.conflict(ref, cur), ref };
      // A fact the reviewer added has no state before it: undoing the addition rejects it (kept, audited).
      const done =
        target.action === 'add'
          ? this.decide(ref, { subject: ref.kind, id: ref.id, version: cur.version, who, action: 'reject', note: `undo of review #${target.id}: added by mistake` })
          : this.decide(ref, { subject: ref.kind, id: ref.id, version: cur.version, who, action: 'undo', undoes: target.id });
      return 'reviewId' in done ? { ok: true, fact: this.item(ref)!, reviewId: done.reviewId, ref } : { ...done, ref };
    });
    return tx.immediate();
  }

  // ---- Dashboard ------------------------------------------------------------------------------

  private coverageCache: { key: string; rows: CoverageRow[] } | null = null;

  /**
   * Latest figures per region of the given levels, from the store's `coverage_latest` view. The view
   * ranks every live fact (about a second per 100,000), so the rows are kept until the data changes:
   * re-sorting the dashboard or coming back to it costs nothing.
   */
  coverage(levels: string[]): CoverageRow[] {
    const key = `${this.s.stamp.get() as string}|${levels.join()}`;
    if (this.coverageCache?.key !== key) this.coverageCache = { key, rows: this.s.coverage.all({ levels: JSON.stringify(levels) }) as CoverageRow[] };
    return this.coverageCache.rows;
  }

  /** A region's dated figures, from the store's `coverage_timeline` view. */
  timeline(code: string): { code: string; name: string; points: TimelinePoint[] } | null {
    const name = this.s.regionName.get(code) as string | undefined;
    if (!name) return null;
    const rows = this.s.timeline.all(code) as { metric: string; value: number; date: string; as_of: string | null; status: string; source: string | null }[];
    return {
      code,
      name,
      points: rows.map((r) => ({ metric: r.metric, value: r.value, date: r.date, datedByPublication: r.as_of === null, status: r.status, source: r.source })),
    };
  }

  /** Review progress: statuses, queue left, measured precision of the sample, activity. */
  progress(now = new Date()): Progress {
    const byStatus: Record<string, number> = {};
    for (const r of this.s.statusCounts.all() as { status: string; n: number }[]) byStatus[r.status] = r.n;
    const q = this.s.queueCounts.get({ threshold: this.options.threshold, ...this.sampleParams() }) as Record<string, number | null>;
    const today = now.toISOString().slice(0, 10);
    return {
      byStatus,
      queueTotal: q.total ?? 0,
      queueRemaining: q.remaining ?? 0,
      sampleReviewed: q.sample_reviewed ?? 0,
      sampleCorrect: q.sample_correct ?? 0,
      reviewsToday: this.s.reviewsSince.get(today) as number,
      byReviewer: this.s.reviewerStats.all() as Progress['byReviewer'],
    };
  }
}
