/**
 * What a re-extraction does to the facts already stored for an article, decided without the database:
 *
 *  - a fact extracted again from the same evidence (same match key) is updated in place: the machine's fields
 *    (confidence, offsets, reasons, extracted value) always; its figure only while it is `auto`, because a
 *    fact that a reviewer `accepted`, `corrected` or `rejected` keeps the reviewer's word;
 *  - a retired fact that comes out again is revived with the status it had;
 *  - a live fact that no longer comes out is retired (status kept in `retired_from`), never deleted;
 *  - a new match key is a new fact.
 *
 * Every change of figure or status carries an audit entry for the append-only `reviews` table.
 */
import { FLAGS } from './pipeline.ts';
import type { FactStatus } from './types.ts';

/** How one table's rows reconcile: which columns are the reviewer's word and which the machine owns. */
export interface ReconcileSpec {
  /** Current-word column -> the machine column it follows while the row is `auto` (`value` <- `extracted_value`). */
  word: readonly (readonly [string, string])[];
  /** Columns the machine rewrites on every extraction, whatever the status. */
  machine: readonly string[];
  /**
   * Machine columns whose change alone is not worth rewriting the row (the extractor version after a refresh
   * that found the same thing): the caller stamps those rows in one statement (`ReconcilePlan.stamped`).
   */
  silent: readonly string[];
}

export const FACT_SPEC: ReconcileSpec = {
  word: [
    ['value', 'extracted_value'],
    ['as_of', 'extracted_as_of'],
  ],
  machine: ['published', 'published_source', 'url_date', 'confidence', 'reasons', 'evidence_start', 'evidence_end', 'evidence_text', 'raw', 'extracted_value', 'extracted_as_of', 'extractor_version'],
  silent: ['extractor_version'],
};

export const CATEGORY_SPEC: ReconcileSpec = {
  word: [
    ['category', 'extracted_category'],
    ['year', 'extracted_year'],
  ],
  machine: ['published', 'confidence', 'reasons', 'evidence_start', 'evidence_end', 'evidence_text', 'extracted_category', 'extracted_year', 'extractor_version'],
  silent: ['extractor_version'],
};

/** A stored row, as read back (flags parsed). */
export interface StoredRow {
  id: number;
  match_key: string;
  status: FactStatus;
  retired_from: FactStatus | null;
  version: number;
  flags: string[];
  [column: string]: unknown;
}

/** A freshly extracted row (see `FactRow`, `CategoryRow`). */
export interface DraftRow {
  match_key: string;
  flags: string[];
  [column: string]: unknown;
}

export interface AuditEntry {
  action: 'reextract' | 'retire' | 'revive';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface RowUpdate {
  id: number;
  /** The whole row after the change (flags as an array). */
  next: StoredRow;
  audit: AuditEntry | null;
}

export interface ReconcilePlan {
  inserts: DraftRow[];
  updates: RowUpdate[];
  retired: number;
  revived: number;
  /** Rows extracted again unchanged but for `silent` columns: stamp them (ids). */
  stamped: number[];
}

/** Flags the store maintains across articles: carried over, not recomputed per article. */
const CARRIED_FLAGS = new Set<string>([FLAGS.conflict]);

function same(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}

function pick(row: Record<string, unknown>, cols: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of cols) out[c] = row[c] ?? null;
  return out;
}

/** Decides inserts, updates, retirements and revivals for one article's rows of one table. */
export function reconcile(existing: StoredRow[], drafts: DraftRow[], spec: ReconcileSpec): ReconcilePlan {
  const byKey = new Map(existing.map((e) => [e.match_key, e]));
  const wordCols = spec.word.map(([w]) => w);
  const auditCols = ['status', ...wordCols];
  const plan: ReconcilePlan = { inserts: [], updates: [], retired: 0, revived: 0, stamped: [] };
  const silent = new Set(spec.silent);
  const seen = new Set<string>();

  for (const d of drafts) {
    seen.add(d.match_key);
    const e = byKey.get(d.match_key);
    if (!e) {
      plan.inserts.push(d);
      continue;
    }
    const next: StoredRow = { ...e };
    for (const c of spec.machine) next[c] = d[c] ?? null;
    let action: AuditEntry['action'] | null = null;
    if (e.status === 'retired') {
      next.status = e.retired_from ?? 'auto';
      next.retired_from = null;
      action = 'revive';
      plan.revived++;
    }
    const flags = [...d.flags, ...e.flags.filter((f) => CARRIED_FLAGS.has(f))];
    if (next.status === 'auto') {
      for (const [w, x] of spec.word) next[w] = d[x] ?? null;
    } else if (next.status === 'accepted' && spec.word.some(([w, x]) => !same(next[w], d[x]))) {
      flags.push(FLAGS.extractionDiffers);
    }
    next.flags = [...new Set(flags)];
    const changed =
      Object.keys(next).some((c) => c !== 'flags' && !silent.has(c) && !same(next[c], e[c])) || next.flags.join() !== e.flags.join();
    if (!changed) {
      if (spec.silent.some((c) => !same(next[c], e[c]))) plan.stamped.push(e.id);
      continue;
    }
    if (!action && wordCols.some((w) => !same(next[w], e[w]))) action = 'reextract';
    plan.updates.push({ id: e.id, next, audit: action ? { action, before: pick(e, auditCols), after: pick(next, auditCols) } : null });
  }

  for (const e of existing) {
    if (seen.has(e.match_key) || !(e.status === 'auto' || e.status === 'accepted' || e.status === 'corrected')) continue;
    // A fact a reviewer added (src/store/missed.ts) is one the extractor does not find: never retired for that.
    if (e.match_key.startsWith('review:')) continue;
    const next: StoredRow = { ...e, status: 'retired', retired_from: e.status };
    plan.retired++;
    plan.updates.push({ id: e.id, next, audit: { action: 'retire', before: pick(e, auditCols), after: pick(next, auditCols) } });
  }
  return plan;
}
