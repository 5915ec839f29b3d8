/**
 * Confidence, calibrated: a fact's confidence is a probability that it is right, from a logistic regression
 * over the fact's features (its named reasons, metric, level, value form, evidence length, how crowded its
 * neighbourhood is, whether the text is cut off, …) with weights fitted on the gold corpus by
 * `npm run calibrate` (src/extract/calibrate.ts) and kept as data in `data/confidence.json`.
 *
 * The engine still builds a provisional score from hand-set reason weights (`confidenceOf`): it only picks
 * between two readings of the same figure. What a fact carries out of `extractFacts` is the fitted probability.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CategoryFact, Fact } from '../types.ts';
import { loadGazetteer } from '../normalize/regions.ts';

/** The threshold under which a fact goes to review. @default 0.9 */
export const REVIEW_THRESHOLD = 0.9;

/**
 * Where the fitted weights live. `CAKUPAN_CONFIDENCE_MODEL` points elsewhere (a refit with `cakupan calibrate --db
 * … --out FILE`, tried before it replaces the shipped one). @default data/confidence.json
 */
export const CONFIDENCE_MODEL_PATH = process.env.CAKUPAN_CONFIDENCE_MODEL || fileURLToPath(new URL('../../data/confidence.json', import.meta.url));

/**
 * A fact the plausibility gate flagged never gets more than this, whatever the model says: it goes to review.
 * @default 0.5 (well under REVIEW_THRESHOLD: a reviewer must look)
 */
export const IMPLAUSIBLE_CEILING = 0.5;

/**
 * Provisional reason weights: the engine's ranking of two readings of one figure (dedupe), and a fallback
 * when no fitted model exists yet. Not the confidence a fact is stored with.
 */
export const REASON_WEIGHTS: Record<string, number> = {
  'region:clause': 1,
  'region:list': 0.97,
  'region:after': 0.95,
  'region:magnitude': 0.97,
  'region:national-cue': 0.95,
  'region:paragraph': 0.9,
  'region:heading': 0.88,
  'region:article': 0.72,
  'region:alias-unverified': 0.85,
  'region:ambiguous': 0.6,
  'region:same-name-context': 0.93,
  'metric:cue': 1,
  'metric:pair': 0.99,
  'metric:weak-cue': 0.9,
  'metric:list': 0.95,
  'metric:carry': 0.8,
  'metric:default': 0.55,
  'value:implied-percent': 0.88,
  'value:over-100': 0.97,
  'value:approx': 1,
  'category:clause': 1,
  'category:list': 0.93,
  'category:after': 0.93,
  'category:paragraph': 0.8,
  'category:year-article': 0.97,
  'category:year-single': 0.9,
};

/** The engine's provisional score of a set of reasons: the product of their weights, in [0, 1], two decimals. */
export function confidenceOf(reasons: readonly string[]): number {
  let c = 0.98;
  for (const r of reasons) c *= REASON_WEIGHTS[r] ?? 1;
  return Math.max(0, Math.min(1, Math.round(c * 100) / 100));
}

// ---- features ------------------------------------------------------------------------------------------

export type Features = Record<string, number>;

/** What a fact's features may look at besides the fact: the text and the other facts of the same article. */
export interface FeatureContext {
  text: string;
  facts: readonly Fact[];
}

/** Near enough to count as the same neighbourhood (a list of figures), in characters. @default 160 */
export const CROWD_WINDOW = 160;

/** How far before a figure the words that change what it means are looked for, in characters. @default 60 */
export const CONTEXT_BEFORE = 60;
/**
 * Words near a figure that often mean it is not the coverage reached (features, not gates: the model weighs them
 * from data). @default missing/remaining, target, change words
 */
export const CONTEXT_WORDS: Record<string, RegExp> = {
  'x:missing-near': /\b(belum|tidak|tinggal|tersisa|sisa(?:nya)?|kurang|non|non-?aktif|menunggak|tunggakan)\b/i,
  'x:target-near': /\b(target(?:kan|nya)?|ditargetkan|sasaran|minimal|syarat|standar)\b/i,
  'x:change-near': /\b(naik|turun|meningkat|bertambah|berkurang|kenaikan|penurunan)\b/i,
};

/** Whether the article text stops mid-sentence (a page cut off, a paywall): the last line has no closing mark. */
export function textCutOff(text: string): boolean {
  const t = text.trimEnd();
  return t.length > 0 && !/[.!?"”’)\]»…]$/.test(t);
}

/**
 * The features of one fact. Every named reason becomes a feature of its own (`r:<reason>`), so a new
 * construction or gate the engine names is fitted as soon as `npm run calibrate` sees it.
 */
export function factFeatures(f: Fact, ctx: FeatureContext): Features {
  const x: Features = {};
  eachFactFeature(f, ctx, (name, value) => {
    x[name] = value;
  });
  return x;
}

/**
 * `<prefix>:<word>`, one string per name (reasons, metrics and levels are a small vocabulary): the same string for
 * every fact, so the model's weight of it is found by a key already known, not one made and looked up afresh.
 */
const featureNames = { r: new Map<string, string>(), m: new Map<string, string>(), l: new Map<string, string>() };
function featureName(prefix: keyof typeof featureNames, word: string): string {
  const names = featureNames[prefix];
  let name = names.get(word);
  if (name === undefined) names.set(word, (name = `${prefix}:${word}`));
  return name;
}

/**
 * Gives each feature of a fact to `add`, every name once (the reasons are made unique, and every other name has a
 * prefix of its own): the one definition of the features, which `factFeatures` collects into a record and `calibrate`
 * sums without one (a record per fact, its keys made and sorted, was most of the time of calibrating).
 */
function eachFactFeature(f: Fact, ctx: FeatureContext, add: (name: string, value: number) => void): void {
  for (const r of new Set(f.reasons)) add(featureName('r', r), 1);
  add(featureName('m', f.metric), 1);
  add(featureName('l', f.region.level), 1);
  const isShare = f.metric === 'coverage_pct' || f.metric === 'active_pct';
  const raw = f.raw ?? '';
  if (isShare) {
    if (!Number.isInteger(f.value)) add('v:decimal-share', 1);
    else add('v:whole-share', 1);
    if (f.value > 100) add('v:over-100', 1);
    if (f.value < 50) add('v:under-50', 1);
  } else {
    add('v:log-count', Math.log10(Math.max(1, f.value)) / 8);
    if (/juta|ribu|rb\b/i.test(raw)) add('v:scale-word', 1);
  }
  if (isShare && f.value < 10) add('v:under-10', 1);
  if (!isShare) {
    // The count against the region's population in the gazetteer: a share of a few percent, or far more than
    // everybody, is usually a sub-unit, a segment or another quantity.
    const pop = f.region.level === 'nasional' ? nationalPopulation() : (loadGazetteer().byCode.get(f.region.code)?.population ?? null);
    if (pop) {
      const ratio = Math.log10(Math.max(1, f.value) / pop);
      if (ratio < -1) add('v:far-under-population', Math.min(3, -1 - ratio) / 3);
      if (ratio > Math.log10(1.2)) add('v:over-population', 1);
    }
  }
  const before = ctx.text.slice(Math.max(0, f.evidence.start - CONTEXT_BEFORE), f.evidence.end);
  for (const name in CONTEXT_WORDS) if (CONTEXT_WORDS[name]!.test(before)) add(name, 1);
  const shape = shapeFeatures(f, ctx.text);
  for (const name in shape) if (shape[name]) add(name, 1);
  const idx = articleIndex(ctx);
  if (onTitleLine(ctx.text, f.evidence.start)) add('p:title-line', 1);
  if (f.asOf) add('d:as-of', 1);
  const len = f.evidence.end - f.evidence.start;
  add('e:length', Math.log1p(len) / Math.log(400));
  const crowd = countWithin(idx.starts, f.evidence.start - CROWD_WINDOW, f.evidence.start + CROWD_WINDOW) - 1;
  add('c:crowd', Math.log1p(Math.max(0, crowd)) / Math.log(10));
  // Figures of the same region that agree with each other (enrolled ÷ population ≈ the share, within RATIO_AGREE_POINTS).
  if (idx.agreeing.has(f)) add('c:ratio-agrees', 1);
  if ((idx.keysOfValue.get(f.value)?.size ?? 0) > 1) add('c:same-value-elsewhere', 1);
  add('a:regions', Math.log1p(idx.regions) / Math.log(20));
  add('a:facts', Math.log1p(ctx.facts.length) / Math.log(50));
  if (idx.cutOff) add('t:cut-off', 1);
}

/** A share of keaktifan at least this high reads like a coverage figure ("98,07 persen"): activity rarely reaches it. @default 95 */
export const ACTIVE_LIKE_COVERAGE = 95;
/** How far before a count the word of its whole is looked for ("dari total sekitar 14 juta"), in characters. @default 25 */
export const WHOLE_BEFORE_COUNT = 25;

/**
 * Features of how the figure sits in its sentence: the shapes the fit found in wrong facts that look certain
 * (out of fold, corpus/history). Each is a one-line test of the text, weighed by the fit, never a gate.
 */
function shapeFeatures(f: Fact, text: string): Record<string, boolean> {
  const ev = f.evidence.text;
  const at = f.raw ? ev.lastIndexOf(f.raw) : -1;
  const valueStart = at >= 0 ? f.evidence.start + at : f.evidence.end;
  const head = ev.slice(0, at >= 0 ? at : ev.length);
  const sentenceStart = Math.max(text.lastIndexOf('\n', valueStart - 1), text.lastIndexOf('. ', valueStart - 1)) + 1;
  const sentence = text.slice(sentenceStart, valueStart);
  const isCount = f.metric === 'enrolled_count' || f.metric === 'active_count';
  return {
    // "Kabupaten Karimun (98,07 persen; keaktifan …)": a coverage value given the activity metric.
    'v:active-like-coverage': f.metric === 'active_pct' && f.value >= ACTIVE_LIKE_COVERAGE,
    // "… yang belum terdaftar, jumlahnya di Kerinci sekitar 55 ribu jiwa": the missing word is earlier in the sentence.
    'x:missing-in-sentence': CONTEXT_WORDS['x:missing-near']!.test(sentence),
    // "A dan B … masing-masing mencatat …" given to one region: the series belongs to several.
    'x:respectively-one': /masing-masing/i.test(text.slice(Math.max(0, f.evidence.start - 30), valueStart)),
    // "Kota di pesisir Selat Malaka itu mencatat": a name then "itu" describes, it is not the subject.
    'x:region-itu': /^[^\d,.;]{0,40}\bitu\b/i.test(head),
    // "Kabupaten Sukabumi, daerah terluas kedua di Jawa Barat, baru mencatat": the region read is an apposition's.
    'x:region-comma': /^[^\d,.;()]{2,40},\s/.test(head),
    // "94,43 persen dari total sekitar 14 juta": a count right after its whole's word is the whole.
    'x:whole-before-count': isCount && /\b(dari|total|jumlah penduduk)\b[^.\d]*$/i.test(text.slice(Math.max(0, valueStart - WHOLE_BEFORE_COUNT), valueStart)),
    // "dianggarkan Rp 62,4 miliar untuk 147.000 jiwa": the people a budget pays for, not those enrolled.
    'x:money-in-sentence': isCount && /\b(Rp\.?\s?\d|miliar|anggaran|dianggarkan|menganggarkan)\b/i.test(sentence),
  };
}

/** A line shorter than this with no closing mark is a title, heading, caption or widget, not a sentence. @default 200 */
export const TITLE_LINE_MAX = 200;

/** Whether an offset lies on a short line that ends without a sentence's closing mark (a headline, a caption). */
function onTitleLine(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - TITLE_LINE_MAX), at);
  const nl = before.lastIndexOf('\n');
  if (nl < 0 && at > TITLE_LINE_MAX) return false;
  const start = nl < 0 ? 0 : at - before.length + nl + 1;
  const after = text.slice(at, start + TITLE_LINE_MAX + 1);
  const end = after.indexOf('\n');
  const line = end < 0 ? (at + after.length >= text.length ? text.slice(start) : null) : text.slice(start, at + end);
  return line !== null && line.length <= TITLE_LINE_MAX && !/[.!?:;"”’)]\s*$/.test(line);
}

/** What the features of every fact of an article share, computed once per article (so features stay linear in the text). */
interface ArticleIndex {
  /** Evidence starts of all facts, sorted. */
  starts: number[];
  /** value -> the region|metric keys stating it. */
  keysOfValue: Map<number, Set<string>>;
  agreeing: Set<Fact>;
  regions: number;
  cutOff: boolean;
}

const indexes = new WeakMap<readonly Fact[], ArticleIndex>();

function articleIndex(ctx: FeatureContext): ArticleIndex {
  const have = indexes.get(ctx.facts);
  if (have) return have;
  const keysOfValue = new Map<number, Set<string>>();
  for (const o of ctx.facts) {
    const set = keysOfValue.get(o.value) ?? new Set<string>();
    set.add(`${o.region.code}|${o.metric}`);
    keysOfValue.set(o.value, set);
  }
  const idx: ArticleIndex = {
    starts: ctx.facts.map((o) => o.evidence.start).sort((a, b) => a - b),
    keysOfValue,
    agreeing: agreeingFacts(ctx.facts),
    regions: new Set(ctx.facts.map((o) => o.region.code)).size,
    cutOff: textCutOff(ctx.text),
  };
  indexes.set(ctx.facts, idx);
  return idx;
}

/** How many sorted values lie in [lo, hi]. */
function countWithin(sorted: number[], lo: number, hi: number): number {
  const lower = (v: number, strict: boolean) => {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (strict ? sorted[m]! <= v : sorted[m]! < v) a = m + 1;
      else b = m;
    }
    return a;
  };
  return lower(hi, true) - lower(lo, false);
}

/** How close enrolled ÷ population must come to a stated share to count as agreeing, in percentage points. @default 1 */
export const RATIO_AGREE_POINTS = 1;
/** Count × whole pairs tried per region before the agreement check gives up (bounds a huge text). @default 10 000 */
export const MAX_RATIO_PAIRS = 10_000;

/** The facts that are one of a share, a count and a whole of one region that agree (count ÷ whole ≈ share). */
function agreeingFacts(facts: readonly Fact[]): Set<Fact> {
  const out = new Set<Fact>();
  const byRegion = new Map<string, Fact[]>();
  for (const f of facts) (byRegion.get(f.region.code) ?? byRegion.set(f.region.code, []).get(f.region.code)!).push(f);
  const triples: [string, string, string][] = [
    ['coverage_pct', 'enrolled_count', 'population'],
    ['active_pct', 'active_count', 'enrolled_count'],
    ['active_pct', 'active_count', 'population'],
  ];
  for (const same of byRegion.values()) {
    for (const [pct, count, whole] of triples) {
      const ps = same.filter((o) => o.metric === pct);
      const cs = same.filter((o) => o.metric === count);
      const ws = same.filter((o) => o.metric === whole);
      if (!ps.length || cs.length * ws.length > MAX_RATIO_PAIRS) continue;
      for (const c of cs)
        for (const w of ws) {
          if (w.value <= 0) continue;
          const r = (c.value / w.value) * 100;
          const hits = ps.filter((p) => Math.abs(r - p.value) <= RATIO_AGREE_POINTS);
          if (!hits.length) continue;
          out.add(c).add(w);
          for (const p of hits) out.add(p);
        }
    }
  }
  return out;
}

let national: number | null = null;
const nationalPopulation = (): number =>
  (national ??= loadGazetteer()
    .regions.filter((r) => r.level === 'provinsi')
    .reduce((s, r) => s + (r.population ?? 0), 0));

/** The features of one category fact. */
export function categoryFeatures(c: CategoryFact, ctx: { text: string; categories: readonly CategoryFact[] }): Features {
  const x: Features = {};
  for (const r of new Set(c.reasons ?? [])) x[`r:${r}`] = 1;
  x[`l:${c.region.level}`] = 1;
  x[`k:${c.category}`] = 1;
  if (c.year === null) x['y:none'] = 1;
  x['e:length'] = Math.log1p(c.evidence.end - c.evidence.start) / Math.log(400);
  x['a:categories'] = Math.log1p(ctx.categories.length) / Math.log(20);
  if (textCutOff(ctx.text)) x['t:cut-off'] = 1;
  return x;
}

// ---- the model -----------------------------------------------------------------------------------------

/** One fitted logistic regression: weights by feature name, an intercept, and how it was fitted. */
export interface LogisticModel {
  bias: number;
  weights: Record<string, number>;
  /** L2 penalty it was fitted with. */
  lambda: number;
  /** Subtracted from the log-odds: the conservative adjustment chosen by grouped cross-validation. */
  shift: number;
}

export interface ConfidenceModel {
  $comment?: string;
  facts: LogisticModel;
  categories: LogisticModel;
  fittedOn?: Record<string, unknown>;
  crossValidated?: Record<string, unknown>;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The model's probability for a feature vector (unrounded). */
export function probability(m: LogisticModel, x: Features): number {
  const names = Object.keys(x);
  return probabilityOf(
    m,
    names,
    names.map((k) => x[k]!),
  );
}

/** The model's probability for features given as names (none twice) and their values: summed in the order of the names. */
function probabilityOf(m: LogisticModel, names: readonly string[], values: readonly number[]): number {
  // By name, as `Object.keys(x).sort()` orders them (UTF-16 code units; no name twice, so no tie): the same sum, term by term.
  const order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  let z = m.bias - m.shift;
  for (const i of order) z += (m.weights[names[i]!] ?? 0) * values[i]!;
  return sigmoid(z);
}

/** `probability(m, factFeatures(f, ctx))`, without the record in between. */
function factProbability(m: LogisticModel, f: Fact, ctx: FeatureContext): number {
  const names: string[] = [];
  const values: number[] = [];
  eachFactFeature(f, ctx, (name, value) => {
    names.push(name);
    values.push(value);
  });
  return probabilityOf(m, names, values);
}

const round2 = (p: number): number => Math.max(0, Math.min(1, Math.floor(p * 100) / 100));

let loaded: ConfidenceModel | null | undefined;

/** The fitted model from CONFIDENCE_MODEL_PATH, or null when none has been fitted yet (then the provisional scores stand). */
export function loadConfidenceModel(): ConfidenceModel | null {
  if (loaded !== undefined) return loaded;
  if (!existsSync(CONFIDENCE_MODEL_PATH)) return (loaded = null);
  try {
    loaded = JSON.parse(readFileSync(CONFIDENCE_MODEL_PATH, 'utf8')) as ConfidenceModel;
    if (!loaded.facts || !loaded.categories) throw new Error('expected "facts" and "categories" models');
  } catch (err) {
    throw new Error(`${CONFIDENCE_MODEL_PATH}: not a confidence model (${err instanceof Error ? err.message : String(err)}); run \`npm run calibrate\` to write it again`);
  }
  return loaded;
}

/** Replaces the loaded model: a model, null for none (provisional scores), undefined to read the file again. */
export function setConfidenceModel(m: ConfidenceModel | null | undefined): void {
  loaded = m;
}

/** Whether a fact carries a plausibility flag (src/extract/plausibility.ts). */
export const isImplausible = (reasons: readonly string[] | undefined): boolean => !!reasons?.some((r) => r.startsWith('implausible:'));

/**
 * Gives every fact and category its calibrated confidence (two decimals, rounded down). Without a fitted model
 * the provisional scores stand. Implausible facts are capped at IMPLAUSIBLE_CEILING either way.
 */
export function calibrate(text: string, facts: Fact[], categories: CategoryFact[], model: ConfidenceModel | null = loadConfidenceModel()): void {
  const ctx = { text, facts: [...facts] };
  const probs = model ? facts.map((f) => factProbability(model.facts, f, ctx)) : facts.map((f) => f.confidence);
  facts.forEach((f, i) => {
    let p = probs[i]!;
    if (isImplausible(f.reasons)) p = Math.min(p, IMPLAUSIBLE_CEILING);
    f.confidence = model ? round2(p) : p;
  });
  if (model) {
    const cctx = { text, categories: [...categories] };
    const cp = categories.map((c) => probability(model.categories, categoryFeatures(c, cctx)));
    categories.forEach((c, i) => (c.confidence = round2(cp[i]!)));
  }
}
