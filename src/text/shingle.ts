/**
 * The ScrapingHub article-extraction metric, ported from the description in its README (not from its code):
 * `\w+` tokens, multisets of 4-token shingles, each page's (TP, FP, FN) normalised to sum 1, macro precision
 * and macro recall over the pages that have something to judge, F1 the harmonic mean of those two means.
 */

/** Shingle width the benchmark uses. @default 4 */
export const SHINGLE_SIZE = 4;

/** Python's `\w` in Unicode mode: letters, numbers and "_" (no combining marks). */
const WORD = /[\p{L}\p{N}_]+/gu;

/** The word tokens of a text, case kept, punctuation dropped. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Multiset of shingles: key -> count. Fewer than `n` tokens give one shorter shingle; none give none. */
export function shingles(text: string, n = SHINGLE_SIZE): Map<string, number> {
  const t = tokenize(text);
  const out = new Map<string, number>();
  if (t.length === 0) return out;
  const last = Math.max(1, t.length - n + 1);
  for (let i = 0; i < last; i++) {
    const key = t.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** One page's normalised counts and its precision/recall (null when the page has nothing to judge on that side). */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  /** Whole token sequence equal to the truth's. */
  exact: boolean;
}

/** Scores one prediction against one truth. */
export function scorePage(truth: string, prediction: string): PageScore {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, tc] of t) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [k, pc] of p) fp += Math.max(0, pc - (t.get(k) ?? 0));
  const sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  let precision: number | null;
  let recall: number | null;
  if (fp === 0 && fn === 0) {
    precision = 1;
    recall = 1;
  } else {
    precision = tp + fp > 0 ? tp / (tp + fp) : null;
    recall = tp + fn > 0 ? tp / (tp + fn) : null;
  }
  const tt = tokenize(truth);
  const pt = tokenize(prediction);
  const exact = tt.length === pt.length && tt.every((w, i) => w === pt[i]);
  return { tp, fp, fn, precision, recall, exact };
}

/** Corpus figures: macro precision, macro recall, F1 of the two, accuracy. */
export interface CorpusScore {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: number;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Aggregates page scores the way the benchmark does. */
export function scoreCorpus(pages: PageScore[]): CorpusScore {
  const precision = mean(pages.filter((p) => p.precision !== null).map((p) => p.precision as number));
  const recall = mean(pages.filter((p) => p.recall !== null).map((p) => p.recall as number));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, accuracy: mean(pages.map((p) => (p.exact ? 1 : 0))), pages: pages.length };
}

/** A small seeded PRNG (mulberry32) so bootstrap figures repeat run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bootstrap standard deviation of F1/P/R, and the paired F1 difference a − b with its 95 % interval. */
export interface Bootstrap {
  sdF1: number;
  sdPrecision: number;
  sdRecall: number;
}

export function bootstrap(pages: PageScore[], samples = 1000, seed = 1): Bootstrap {
  const rnd = seededRandom(seed);
  const f: number[] = [];
  const p: number[] = [];
  const r: number[] = [];
  for (let s = 0; s < samples; s++) {
    const pick = pages.map(() => pages[Math.floor(rnd() * pages.length)]);
    const c = scoreCorpus(pick);
    f.push(c.f1);
    p.push(c.precision);
    r.push(c.recall);
  }
  return { sdF1: sd(f), sdPrecision: sd(p), sdRecall: sd(r) };
}

function sd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

/** Paired bootstrap of F1(a) − F1(b) over the same resampled pages. */
export interface PairedDifference {
  diff: number;
  low: number;
  high: number;
  /** Share of resamples in which a is not ahead of b (a one-sided p-value). */
  pNotAhead: number;
}

export function pairedBootstrap(a: PageScore[], b: PageScore[], samples = 1000, seed = 2): PairedDifference {
  if (a.length !== b.length) throw new Error(`paired bootstrap needs the same pages (${a.length} vs ${b.length})`);
  const rnd = seededRandom(seed);
  const d: number[] = [];
  for (let s = 0; s < samples; s++) {
    const idx = a.map(() => Math.floor(rnd() * a.length));
    d.push(scoreCorpus(idx.map((i) => a[i])).f1 - scoreCorpus(idx.map((i) => b[i])).f1);
  }
  d.sort((x, y) => x - y);
  return {
    diff: scoreCorpus(a).f1 - scoreCorpus(b).f1,
    low: d[Math.floor(samples * 0.025)],
    high: d[Math.floor(samples * 0.975)],
    pNotAhead: d.filter((x) => x <= 0).length / samples,
  };
}
