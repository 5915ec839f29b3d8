/**
 * What a reviewer's decision does to a fact or category row, decided once for both backends (the SQL around it
 * lives in sqlite.ts and postgres.ts). The audit row records `stateOf` before and after, so the log reads without
 * our code and `undo` can restore the state before any decision.
 */
import { RowError, type ItemReview } from './types.ts';

type Row = Record<string, unknown>;

/** The editable state of a row as `reviews.before` / `reviews.after` record it (column names). */
export type ItemState = Record<string, string | number | null>;

/** The columns a review may change, per subject. */
export const REVIEW_COLUMNS = {
  fact: ['status', 'region_code', 'metric', 'value', 'as_of'],
  category: ['status', 'region_code', 'category', 'year'],
} as const;

/** A row's editable state with its version. */
export function stateOf(subject: ItemReview['subject'], row: Row): ItemState {
  const out: ItemState = {};
  for (const c of REVIEW_COLUMNS[subject]) out[c] = (row[c] ?? null) as string | number | null;
  out.version = row.version as number;
  return out;
}

/**
 * The state after `review` (without version), or a RowError for a decision that cannot apply. `undone` is the
 * review row an undo names.
 */
export function nextState(review: ItemReview, row: Row, regionCodes: ReadonlySet<string>, undone?: Row): ItemState {
  const label = `${review.subject} ${review.id}`;
  if (row.status === 'retired' && review.action !== 'undo')
    throw new RowError(label, 'status', 'this item is retired: the extractor no longer finds it in the article');
  const { version: _v, ...cur } = stateOf(review.subject, row);
  switch (review.action) {
    case 'accept':
      // A corrected item stays corrected: its values are the reviewer's, and accepting them changes nothing.
      return { ...cur, status: cur.status === 'corrected' ? 'corrected' : 'accepted' };
    case 'reject':
      return { ...cur, status: 'rejected' };
    case 'reopen':
      return review.subject === 'fact'
        ? { ...cur, status: 'auto', value: row.extracted_value as number, as_of: (row.extracted_as_of ?? null) as string | null }
        : { ...cur, status: 'auto', category: row.extracted_category as string, year: (row.extracted_year ?? null) as number | null };
    case 'correct': {
      const c = review.changes ?? {};
      if (c.regionCode && !regionCodes.has(c.regionCode)) throw new RowError(label, 'changes.regionCode', `unknown region code "${c.regionCode}"`);
      const next: ItemState =
        review.subject === 'fact'
          ? { ...cur, value: c.value ?? (cur.value as number), as_of: c.asOf !== undefined ? c.asOf : cur.as_of!, region_code: c.regionCode ?? cur.region_code!, metric: c.metric ?? cur.metric! }
          : {
              ...cur,
              category: c.category ?? (cur.category as string),
              year: c.year !== undefined ? c.year : c.asOf !== undefined ? (c.asOf === null ? null : Number(c.asOf.slice(0, 4))) : cur.year!,
              region_code: c.regionCode ?? cur.region_code!,
            };
      // An edit that changes nothing is an accept (of a corrected item: it stays corrected).
      const changed = Object.keys(next).some((k) => k !== 'status' && next[k] !== cur[k]);
      next.status = changed || cur.status === 'corrected' ? 'corrected' : 'accepted';
      return next;
    }
    case 'undo': {
      if (!undone || undone.subject !== review.subject || undone.subject_id !== review.id)
        throw new RowError(label, 'undoes', `review ${review.undoes ?? '?'} is not a decision on this ${review.subject}`);
      const before = JSON.parse(String(undone.before ?? 'null')) as ItemState | null;
      if (!before) throw new RowError(label, 'undoes', `review ${review.undoes} has no state to restore`);
      const next: ItemState = {};
      for (const c of REVIEW_COLUMNS[review.subject]) next[c] = c in before ? before[c]! : cur[c]!;
      return next;
    }
  }
}
