/**
 * The review stage over the store: the queue, fact views and dashboard read through the store's `ReviewReads`
 * (src/store/review-reads.ts: one query per intent, no database handle here); every WRITE goes through the store's one review operation (`reviewItem`, the same that
 * `CoverageStore.reviewFact` and the scripted `review accept|reject|correct|undo` use), which checks the row's
 * `version` (optimistic concurrency: a second reviewer gets a conflict, never a silent overwrite), rechecks the
 * conflict flags of the groups the fact leaves and joins, and appends its audit row in the same transaction.
 */
import { RowError, StoreError, type ItemReview } from '../store/types.ts';
import type { CoverageStore } from '../store/types.ts';
import { SAMPLE_BUCKETS, type QueueHalf, type ReviewReads } from '../store/review-reads.ts';
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

/** How many items the queue view holds: doubtful ones, sampled ones, all. */
export interface QueueSize {
  doubtful: number;
  sampled: number;
  total: number;
}

/** Queue knobs. */
export interface QueueOptions {
  /** @default REVIEW_THRESHOLD */
  threshold: number;
  /** @default SAMPLE_RATE */
  sampleRate: number;
  /** @default SAMPLE_SEED */
  sampleSeed: number;
}

/** Rows as the store returns them (validated once, here, so the rest of the stage trusts its types). */
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


/**
 * The review queue, fact views, actions and dashboard figures over an open store, SQLite or PostgreSQL alike: reads
 * through its `ReviewReads`, writes through its `reviewItem` and `addFact`. Every method answers with a promise.
 */
export class ReviewService {
  readonly options: QueueOptions;
  /** The store's reads for this stage (every query of the queue, fact page, dashboard and audit log). */
  readonly reads: ReviewReads;
  private readonly s: ReviewReads;

  constructor(
    readonly store: Pick<CoverageStore, 'reviewReads' | 'reviewItem' | 'addFact'>,
    options: Partial<QueueOptions> = {},
  ) {
    this.reads = store.reviewReads();
    this.s = this.reads;
    this.options = { threshold: REVIEW_THRESHOLD, sampleRate: SAMPLE_RATE, sampleSeed: SAMPLE_SEED, ...options };
  }

  private sampleParams() {
    return { seed: this.options.sampleSeed, buckets: Math.round(this.options.sampleRate * SAMPLE_BUCKETS) };
  }

  private queueParams() {
    return { threshold: this.options.threshold, ...this.sampleParams() };
  }

  /** How many items the queue view holds: doubtful ones, sampled ones, all. */
  async queueSize(filter: QueueFilter = {}): Promise<QueueSize> {
    const p = this.queueParams();
    const [doubtful, sampled] = await Promise.all([this.s.queueCount('doubtful', filter, p), this.s.queueCount('sample', filter, p)]);
    return { doubtful, sampled, total: doubtful + sampled };
  }

  /**
   * Positions `offset … offset+limit-1` of the queue: facts and categories still `auto`, below the
   * threshold most doubtful first, with the sample of confident ones spread evenly through it
   * (`interleave.ts`). Sorted and paged in SQL: a page costs the same with 50 or 500,000 items queued.
   */
  async queueSlice(filter: QueueFilter, offset: number, limit: number, known?: QueueSize): Promise<QueueEntry[]> {
    const size = known ?? (await this.queueSize(filter));
    const p = this.queueParams();
    const end = Math.min(size.total, offset + limit);
    if (offset >= end) return [];
    // The slots of the range are a run of doubtful indices and a run of sample indices.
    const slots: NonNullable<ReturnType<typeof slotAt>>[] = [];
    for (let pos = offset; pos < end; pos++) slots.push(slotAt(pos, size.doubtful, size.sampled)!);
    const fetch = (kind: QueueHalf) => {
      const idx = slots.filter((s) => s.kind === kind).map((s) => s.index);
      if (!idx.length) return Promise.resolve([]);
      return this.s.queuePage(kind, filter, p, idx[0]!, idx.length);
    };
    const [doubtful, sample] = await Promise.all([fetch('doubtful'), fetch('sample')]);
    let d = 0;
    let k = 0;
    const out: QueueEntry[] = [];
    for (const slot of slots) {
      const ref = slot.kind === 'doubtful' ? doubtful[d++] : sample[k++];
      // A row that vanished between the count and the page (another reviewer): the page is one shorter.
      const fact = ref ? await this.item(ref) : null;
      if (!fact) continue;
      const src = await this.s.source(fact.articleId);
      out.push({ fact, sampled: slot.kind === 'sample', site: src?.site ?? null, title: src?.title ?? null });
    }
    return out;
  }

  /** The whole queue view, in order (the CLI's `list`; the page reads it a slice at a time). */
  queue(filter: QueueFilter = {}): Promise<QueueEntry[]> {
    return this.queueSlice(filter, 0, Number.MAX_SAFE_INTEGER);
  }

  /** The item at one position of the queue view, or null past its end. */
  async queueAt(filter: QueueFilter, pos: number, size?: QueueSize): Promise<QueueEntry | null> {
    return (await this.queueSlice(filter, pos, 1, size))[0] ?? null;
  }

  /** Where an item stands in the queue view (0-based), or -1 when it is not queued there. */
  async queuePosition(filter: QueueFilter, ref: ItemRef): Promise<number> {
    const f = await this.item(ref);
    if (!f || f.status !== 'auto') return -1;
    const size = await this.queueSize(filter);
    const inDoubtful = f.confidence < this.options.threshold;
    if (!inDoubtful && !(await this.isSampled(f))) return -1;
    const rank = await this.s.queueRank(inDoubtful ? 'doubtful' : 'sample', filter, this.queueParams(), { confidence: f.confidence, kind: f.kind, id: f.id });
    // The filters may exclude it: then the item at that rank is another one.
    const pos = inDoubtful ? doubtfulPosition(rank, size.doubtful, size.sampled) : samplePosition(rank, size.doubtful, size.sampled);
    const at = await this.queueAt(filter, pos, size);
    return at && at.fact.kind === f.kind && at.fact.id === f.id ? pos : -1;
  }

  /** Whether an item is part of the precision sample (above the threshold, picked by the hash). */
  async isSampled(f: ReviewFact): Promise<boolean> {
    return f.confidence >= this.options.threshold && (await this.s.isSampled(f.id, this.sampleParams()));
  }

  /** One fact or category, or null. */
  async item(ref: ItemRef): Promise<ReviewFact | null> {
    const raw = await this.s.item(ref.kind, ref.id);
    return raw ? toFact(FactRow.parse(raw)) : null;
  }

  /** The article of a fact, with its primary URL and site. */
  async article(id: number): Promise<ArticleInfo | null> {
    const r = await this.s.article(id);
    return r ? { id: r.id, title: r.title, url: r.url, site: r.site, published: r.published, text: r.text } : null;
  }

  /** Other figures for the fact's region (any article), newest first. */
  async others(f: ReviewFact): Promise<OtherFigure[]> {
    return (await this.s.others(f.region.code, f.kind === 'fact' ? f.id : -1, MAX_OTHER_FIGURES)) as OtherFigure[];
  }

  /** The audit rows of one item, newest first. */
  async history(ref: ItemRef): Promise<AuditEntry[]> {
    return (await this.s.history(ref.kind, ref.id)).map(toAudit);
  }

  /** The newest audit rows, all items. */
  async audit(limit = AUDIT_PAGE_SIZE): Promise<{ entries: AuditEntry[]; total: number }> {
    const [entries, total] = await Promise.all([this.s.audit(limit), this.s.auditCount()]);
    return { entries: entries.map(toAudit), total };
  }

  /** Provinces and sites that have facts, for the queue filters. */
  async filterOptions(): Promise<{ provinces: { code: string; name: string }[]; sites: string[] }> {
    const [provinces, sites] = await Promise.all([this.s.provinces(), this.s.sites()]);
    return { provinces, sites };
  }

  // ---- Writes ---------------------------------------------------------------------------------

  /**
   * One decision through the store's `reviewItem`, with the page's answers: not found, a conflict showing who
   * changed the item, or an invalid edit. The checks here only word the answer; the store repeats the version and
   * retired checks inside its transaction (row lock on PostgreSQL, write lock on SQLite), so a second reviewer
   * acting between this read and the write still gets a conflict, never an overwrite.
   */
  private async write(ref: ItemRef, version: number, who: string, action: 'accept' | 'reject' | 'correct', note: string | null, changes?: ItemReview['changes']): Promise<WriteResult> {
    const cur = await this.item(ref);
    if (!cur) return { ok: false, kind: 'not_found' };
    if (cur.version !== version) return this.conflict(ref, cur);
    if (cur.status === 'retired')
      return { ok: false, kind: 'invalid', errors: { form: 'this fact is retired: the extractor no longer finds it in the article' } };
    const done = await this.decide(ref, { subject: ref.kind, id: ref.id, version, who, action, note, changes });
    return 'reviewId' in done ? { ok: true, fact: (await this.item(ref))!, reviewId: done.reviewId } : done;
  }

  /** Calls the store; a row that moved on meanwhile is a conflict, a refused edit is invalid. */
  private async decide(ref: ItemRef, review: ItemReview): Promise<{ reviewId: number } | WriteResult> {
    try {
      return await this.store.reviewItem(review);
    } catch (err) {
      if (err instanceof StoreError && err.code === 'stale-version') {
        const cur = await this.item(ref);
        return cur ? this.conflict(ref, cur) : { ok: false, kind: 'not_found' };
      }
      if (err instanceof RowError) return { ok: false, kind: 'invalid', errors: { form: err.message } };
      throw err;
    }
  }

  private async conflict(ref: ItemRef, cur: ReviewFact): Promise<WriteResult> {
    const last = await this.s.lastReview(ref.kind, ref.id);
    return { ok: false, kind: 'conflict', current: cur, by: last ? toAudit(last) : null };
  }

  /**
   * Adds a fact the extractor missed (the page's `n` on a selection): the form is validated like an edit, the
   * selection (code-point offsets into the article text) becomes its evidence; stored through the store's
   * `addFact` (status corrected, audited as `add`).
   */
  async addMissed(articleId: number, who: string, form: Record<string, string>): Promise<WriteResult> {
    const parsed = FactEditForm.safeParse({ value: form.value ?? '', region: form.region ?? '', metric: form.metric ?? '', asOf: form.asOf ?? '' });
    if (!parsed.success) return { ok: false, kind: 'invalid', errors: fieldErrors(parsed.error) };
    const start = Number(form.start);
    const end = Number(form.end);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start)
      return { ok: false, kind: 'invalid', errors: { form: 'select the words of the article that give the figure, then press n' } };
    try {
      const e = parsed.data;
      const r = await this.store.addFact({ articleId, who, regionCode: e.region.code, metric: e.metric, value: e.value, asOf: e.asOf, evidenceStart: start, evidenceEnd: end, note: null });
      return { ok: true, fact: (await this.item({ kind: 'fact', id: r.factId }))!, reviewId: r.reviewId };
    } catch (err) {
      if (err instanceof RowError || (err instanceof Error && /selection/.test(err.message))) return { ok: false, kind: 'invalid', errors: { form: err.message } };
      throw err;
    }
  }

  /** Accept: the extraction is right. A corrected item stays `corrected` (its values are the reviewer's). */
  accept(ref: ItemRef, version: number, who: string): Promise<WriteResult> {
    return this.write(ref, version, who, 'accept', null);
  }

  /** Reject: not a fact (a target, a threshold, the wrong region…); the reason goes to the log. */
  reject(ref: ItemRef, version: number, who: string, reason: string): Promise<WriteResult> {
    return this.write(ref, version, who, 'reject', reason);
  }

  /** Correct a figure: new value, region, metric, as-of. An edit that changes nothing counts as an accept. */
  correct(ref: ItemRef, version: number, who: string, edit: FactEdit | CategoryEdit): Promise<WriteResult> {
    const changes: ItemReview['changes'] =
      ref.kind === 'fact'
        ? { regionCode: edit.region.code, metric: (edit as FactEdit).metric, value: (edit as FactEdit).value, asOf: edit.asOf }
        : { regionCode: edit.region.code, category: (edit as CategoryEdit).category, year: edit.asOf === null ? null : Number(edit.asOf) };
    return this.write(ref, version, who, 'correct', null, changes);
  }

  /**
   * Undo the reviewer's newest action not yet undone: restores its `before` state, if nobody changed
   * the item since (else a conflict). Repeated undos walk further back. The store checks the version again
   * in its transaction: two undos at once take back one decision, the other answers a conflict.
   */
  async undo(who: string): Promise<WriteResult & { ref?: ItemRef }> {
    const undone = new Set<number>();
    let target: AuditEntry | null = null;
    for (const raw of await this.s.byReviewer(who)) {
      const r = AuditRow.parse(raw);
      // An undo, or the reject that took back an addition: it is itself no action to undo.
      if (r.action === 'undo' || r.undoes !== null) {
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
    const cur = await this.item(ref);
    if (!cur) return { ok: false, kind: 'not_found' };
    const after = target.after as ItemState;
    if (after.version !== cur.version) return { ...(await this.conflict(ref, cur)), ref };
    // A fact the reviewer added has no state before it: undoing the addition rejects it (kept, audited).
    const done =
      target.action === 'add'
        ? await this.decide(ref, { subject: ref.kind, id: ref.id, version: cur.version, who, action: 'reject', note: `undo of review #${target.id}: added by mistake`, undoes: target.id })
        : await this.decide(ref, { subject: ref.kind, id: ref.id, version: cur.version, who, action: 'undo', undoes: target.id });
    return 'reviewId' in done ? { ok: true, fact: (await this.item(ref))!, reviewId: done.reviewId, ref } : { ...done, ref };
  }

  // ---- Dashboard ------------------------------------------------------------------------------

  private coverageCache: { key: string; rows: CoverageRow[] } | null = null;

  /**
   * Latest figures per region of the given levels, from the store's `coverage_latest` view. The view
   * ranks every live fact (about a second per 100,000), so the rows are kept until the data changes:
   * re-sorting the dashboard or coming back to it costs nothing.
   */
  async coverage(levels: string[]): Promise<CoverageRow[]> {
    const key = `${await this.s.stamp()}|${levels.join()}`;
    if (this.coverageCache?.key !== key) this.coverageCache = { key, rows: (await this.s.coverage(levels)) as CoverageRow[] };
    return this.coverageCache.rows;
  }

  /** A region's dated figures, from the store's `coverage_timeline` view. */
  async timeline(code: string): Promise<{ code: string; name: string; points: TimelinePoint[] } | null> {
    const name = await this.s.regionName(code);
    if (!name) return null;
    const rows = await this.s.timeline(code);
    return {
      code,
      name,
      points: rows.map((r) => ({ metric: r.metric, value: r.value, date: r.date, datedByPublication: r.as_of === null, status: r.status, source: r.source })),
    };
  }

  /** Review progress: statuses, queue left, measured precision of the sample, activity. */
  async progress(now = new Date()): Promise<Progress> {
    const today = now.toISOString().slice(0, 10);
    const [counts, q, reviewsToday, byReviewer] = await Promise.all([
      this.s.statusCounts(),
      this.s.queueCounts(this.queueParams()),
      this.s.reviewsSince(today),
      this.s.reviewerStats(),
    ]);
    const byStatus: Record<string, number> = {};
    for (const r of counts) byStatus[r.status] = r.n;
    return {
      byStatus,
      queueTotal: q.total ?? 0,
      queueRemaining: q.remaining ?? 0,
      sampleReviewed: q.sample_reviewed ?? 0,
      sampleCorrect: q.sample_correct ?? 0,
      reviewsToday,
      byReviewer: byReviewer as Progress['byReviewer'],
    };
  }
}
