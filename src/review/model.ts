/**
 * What the review stage works with: a fact as a reviewer sees it, the actions on it, and the zod
 * schemas that validate every input from the page and the CLI.
 */
import { z } from 'zod';
import { Category, Metric, PartialDate, type RegionRef } from '../types.ts';
import { loadGazetteer } from '../normalize/regions.ts';
import { MAX_COUNT, MAX_PERCENT, MAX_REASON_CHARS } from './config.ts';

/** Review status of a fact, as the store keeps it. */
export const Status = z.enum(['auto', 'accepted', 'corrected', 'rejected', 'retired']);
export type Status = z.infer<typeof Status>;

/** What a reviewer did; `undo` restores the state before the reviewer's last action. */
export const Action = z.enum(['accept', 'reject', 'correct', 'undo']);
export type Action = z.infer<typeof Action>;

/** A fact (or a category award) with everything the page shows about it. */
export interface ReviewFact {
  id: number;
  /** `fact`: a figure (metric + value); `category`: a UHC award tier. */
  kind: 'fact' | 'category';
  articleId: number;
  region: RegionRef;
  metric: Metric | null;
  value: number | null;
  category: Category | null;
  /** The number as written ("98,77 persen"), when the extractor kept it. */
  raw: string | null;
  asOf: string | null;
  confidence: number;
  reasons: string[];
  /** Consistency-check flags ("pct_over_100", "conflict", …). */
  flags: string[];
  evidence: { start: number; end: number; text: string };
  status: Status;
  /** Optimistic-concurrency version: bumped by every write; a write naming an older one is a conflict. */
  version: number;
  /** Last reviewer's note (reject reason). */
  note: string | null;
}

/** The article a fact came from. */
export interface ArticleInfo {
  id: number;
  title: string | null;
  url: string | null;
  site: string | null;
  published: string | null;
  text: string;
}

/** One row of the append-only audit log. */
export interface AuditEntry {
  id: number;
  factId: number;
  kind: 'fact' | 'category';
  reviewer: string;
  at: string;
  action: Action | string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** The editable part of a fact: what `before`/`after` of an audit row hold. */
export interface FactState {
  status: Status;
  regionCode: string;
  metric: Metric | null;
  value: number | null;
  asOf: string | null;
  category: Category | null;
  note: string | null;
}

// ---- Inputs -----------------------------------------------------------------------------------

/** A reviewer name: what the audit log records as "who". */
export const ReviewerName = z
  .string()
  .trim()
  .min(1, 'a reviewer name is required')
  .max(40, 'at most 40 characters')
  .regex(/^[\p{L}\p{N} ._@-]+$/u, 'letters, digits, space, . _ @ - only');

/** A reject reason: required, one sentence. */
export const RejectReason = z.string().trim().min(1, 'say why (e.g. "target, not a measurement")').max(MAX_REASON_CHARS);

/**
 * A number as a reviewer types it: "98.77" or "98,77" (one decimal separator), spaces and "_"
 * ignored. "1.607.143" and "469.000" are refused on purpose: in Indonesian "." groups thousands,
 * so they are 1607143 and 469000 to one reviewer and a typo or 469 to another. Counts are typed
 * without separators.
 */
const NumberText = z
  .string()
  .trim()
  .min(1, 'a value is required')
  .transform((s, ctx) => {
    const t = s.replace(/[\s_]/g, '');
    if (!/^\d+([.,]\d+)?$/.test(t)) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a number: write 98.77 or 98,77; counts without separators (1607143)` });
      return z.NEVER;
    }
    // "469.000" is 469 in English and 469000 in Indonesian: ask rather than guess.
    if (/^\d{1,3}[.,]\d{3}$/.test(t)) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is ambiguous (${Number(t.replace(/[.,]/, ''))} or ${Number(t.replace(',', '.'))}?): type counts without separators, percentages with at most two decimals` });
      return z.NEVER;
    }
    return Number(t.replace(',', '.'));
  });

/** "YYYY", "YYYY-MM", "YYYY-MM-DD" with a real month and day, or empty for "not dated". */
const AsOfText = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === '') return null;
    if (!PartialDate.safeParse(s).success) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not YYYY, YYYY-MM or YYYY-MM-DD` });
      return z.NEVER;
    }
    const [y, m, d] = s.split('-').map(Number);
    const bad =
      y! < 2000 ||
      y! > 2100 ||
      (m !== undefined && (m < 1 || m > 12)) ||
      (d !== undefined && new Date(Date.UTC(y!, m! - 1, d)).getUTCDate() !== d);
    if (bad) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a real date between 2000 and 2100` });
      return z.NEVER;
    }
    return s;
  });

/** A region as typed: a canonical name, an alias, a code, or "Name (code)" as the form pre-fills it. */
const RegionText = z
  .string()
  .trim()
  .min(1, 'a region is required')
  .transform((s, ctx): RegionRef => {
    const gaz = loadGazetteer();
    const code = /\((\d{2}(?:\.\d{2})?)\)\s*$/.exec(s)?.[1];
    if (code) {
      const r = gaz.byCode.get(code);
      if (r) return { name: r.name, level: r.level, code: r.code };
    }
    const hits = gaz.resolve(s);
    if (hits.length === 1) return hits[0]!;
    ctx.addIssue({
      code: 'custom',
      message: hits.length
        ? `"${s}" is ambiguous: ${hits.map((h) => `${h.name} (${h.code})`).join(', ')}; type the code`
        : `unknown region "${s}": type a name from the gazetteer or a code like 63.03`,
    });
    return z.NEVER;
  });

const OptionalCategory = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === '') return null;
    const c = Category.safeParse(s);
    if (!c.success) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not one of ${Category.options.join(', ')}` });
      return z.NEVER;
    }
    return c.data;
  });

/** The edit form of a figure, as strings from the page or the CLI. */
export const FactEditForm = z
  .object({
    value: NumberText,
    region: RegionText,
    metric: z.string().pipe(Metric),
    asOf: AsOfText,
  })
  .superRefine((e, ctx) => {
    if (e.metric.endsWith('_pct')) {
      if (e.value > MAX_PERCENT)
        ctx.addIssue({ code: 'custom', path: ['value'], message: `a percentage above ${MAX_PERCENT} is a typo` });
    } else {
      if (!Number.isInteger(e.value))
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${e.metric} is a count of people: a whole number (did you mean ${Math.round(e.value * 1000)}?)` });
      else if (e.value > MAX_COUNT)
        ctx.addIssue({ code: 'custom', path: ['value'], message: `more than ${MAX_COUNT.toLocaleString('en')} people is a typo` });
    }
  });
export type FactEdit = z.output<typeof FactEditForm>;

/** The edit form of a category award. */
export const CategoryEditForm = z.object({
  region: RegionText,
  category: OptionalCategory.refine((c) => c !== null, 'a category is required'),
  asOf: AsOfText.refine((y) => y === null || /^\d{4}$/.test(y), 'an award year is YYYY'),
});
export type CategoryEdit = z.output<typeof CategoryEditForm>;

/** Field -> first message, for showing errors in place. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/** The queue filters (from the query string). */
export const QueueFilter = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, 'a province code like 63')
    .optional()
    .catch(undefined),
  metric: Metric.optional().catch(undefined),
  site: z
    .string()
    .regex(/^[a-z0-9.-]{1,253}$/i, 'a host name')
    .optional()
    .catch(undefined),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

/** Outcome of a write: applied, or why not. */
export type WriteResult =
  | { ok: true; fact: ReviewFact; reviewId: number }
  | { ok: false; kind: 'conflict'; current: ReviewFact; by: AuditEntry | null }
  | { ok: false; kind: 'not_found' }
  | { ok: false; kind: 'nothing_to_undo' }
  | { ok: false; kind: 'invalid'; errors: Record<string, string> };
