/**
 * `cakupan eval`: scores extraction against the gold corpus (corpus/dev/*.json; format in its README).
 * A fact matches gold when region, metric and value agree (value within 1e-6); as-of accuracy is counted
 * over matched facts; categories match on region + category, with year accuracy over matches.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { extractFacts } from './index.ts';
import { extractArticle } from '../text/index.ts';
import { REVIEW_THRESHOLD } from './confidence.ts';
import { loadGazetteer } from '../normalize/regions.ts';
import { Metric } from '../types.ts';
import { renderTable } from './table.ts';
import { createHash } from 'node:crypto';
import { articleSamples, figures, formatFigures, formatReliability, OUTER_FOLDS, runCalibration, siteOf, type Calibration, type CalibrationFigures, type Sample } from './calibrate.ts';
import { loadConfidenceModel } from './confidence.ts';

const GoldFact = z.object({ region: z.string(), level: z.string(), metric: Metric, value: z.number(), as_of: z.string().nullable(), span: z.string() });
const GoldCategory = z.object({ region: z.string(), level: z.string(), category: z.string(), year: z.number().nullable(), span: z.string() });
export const GoldArticle = z.object({
  id: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  text: z.string(),
  facts: z.array(GoldFact),
  categories: z.array(GoldCategory),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

export function loadGold(dir: string): GoldArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = GoldArticle.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${join(dir, f)}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    });
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

export interface EvalReport {
  articles: number;
  facts: Counts & { precision: number; recall: number; f1: number };
  perMetric: Record<string, Counts & { precision: number; recall: number; f1: number }>;
  asOfAccuracy: number;
  categories: Counts & { precision: number; recall: number; f1: number; yearAccuracy: number };
  calibration: { highConfidence: number; highConfidencePrecision: number; wrongBelowThreshold: number; wrong: number };
  evidenceExact: boolean;
  errors: string[];
}

export interface ScoredArticle {
  gold: GoldArticle;
  text: string;
  facts: ReturnType<typeof extractFacts>['facts'];
  categories: ReturnType<typeof extractFacts>['categories'];
}

/**
 * Which of an article's facts and categories gold confirms: a fact matches an unused gold fact of the same region
 * (through the gazetteer's codes), metric and value (within 1e-6), in order; a category matches region + category.
 */
export function matchArticle(it: ScoredArticle, codeOf: (name: string) => string = gazetteerCode()) {
  const gold = it.gold.facts.map((f) => ({ ...f, code: codeOf(f.region), used: false }));
  const factHits = it.facts.map((f) => {
    const hit = gold.find((x) => !x.used && x.code === f.region.code && x.metric === f.metric && Math.abs(x.value - f.value) < 1e-6);
    if (hit) hit.used = true;
    return hit ?? null;
  });
  const goldCats = it.gold.categories.map((c) => ({ ...c, code: codeOf(c.region), used: false }));
  const catHits = it.categories.map((c) => {
    const hit = goldCats.find((x) => !x.used && x.code === c.region.code && x.category.toLowerCase() === c.category.toLowerCase());
    if (hit) hit.used = true;
    return hit ?? null;
  });
  return { factHits, missedFacts: gold.filter((x) => !x.used), catHits, missedCategories: goldCats.filter((x) => !x.used) };
}

function gazetteerCode(): (name: string) => string {
  const g = loadGazetteer();
  return (name: string) => g.resolve(name)[0]?.code ?? `?${name}`;
}

/** Scores predictions against gold. Region names are compared through the gazetteer's codes. */
export function score(items: ScoredArticle[]): EvalReport {
  const codeOf = gazetteerCode();
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const perMetric: Record<string, Counts> = {};
  const cat: Counts = { tp: 0, fp: 0, fn: 0 };
  let asOfRight = 0;
  let yearRight = 0;
  let high = 0;
  let highRight = 0;
  let wrong = 0;
  let wrongBelow = 0;
  let evidenceExact = true;
  const errors: string[] = [];
  for (const it of items) {
    const matched = matchArticle(it, codeOf);
    it.facts.forEach((f, i) => {
      if (it.text.slice(f.evidence.start, f.evidence.end) !== f.evidence.text) evidenceExact = false;
      const m = (perMetric[f.metric] ??= { tp: 0, fp: 0, fn: 0 });
      const hit = matched.factHits[i];
      const isHigh = f.confidence >= REVIEW_THRESHOLD;
      if (isHigh) high++;
      if (hit) {
        total.tp++;
        m.tp++;
        if (isHigh) highRight++;
        if (hit.as_of === f.asOf) asOfRight++;
        else errors.push(`${it.gold.id} as-of  ${f.region.name} ${f.metric} ${f.value}: got ${f.asOf}, gold ${hit.as_of}`);
      } else {
        total.fp++;
        m.fp++;
        wrong++;
        if (f.confidence < REVIEW_THRESHOLD) wrongBelow++;
        errors.push(`${it.gold.id} FP     ${f.region.name} ${f.metric} ${f.value} (${f.confidence}) «${f.evidence.text.slice(0, 90)}»`);
      }
    });
    for (const x of matched.missedFacts) {
      total.fn++;
      (perMetric[x.metric] ??= { tp: 0, fp: 0, fn: 0 }).fn++;
      errors.push(`${it.gold.id} FN     ${x.region} ${x.metric} ${x.value} «${x.span.slice(0, 90)}»`);
    }
    it.categories.forEach((c, i) => {
      const hit = matched.catHits[i];
      if (hit) {
        cat.tp++;
        if (hit.year === c.year) yearRight++;
        else errors.push(`${it.gold.id} year   ${c.region.name} ${c.category}: got ${c.year}, gold ${hit.year}`);
      } else {
        cat.fp++;
        errors.push(`${it.gold.id} catFP  ${c.region.name} ${c.category} «${c.evidence.text.slice(0, 90)}»`);
      }
    });
    for (const x of matched.missedCategories) {
      cat.fn++;
      errors.push(`${it.gold.id} catFN  ${x.region} ${x.category}`);
    }
  }
  return {
    articles: items.length,
    facts: { ...total, ...prf(total) },
    perMetric: Object.fromEntries(Object.entries(perMetric).map(([k, v]) => [k, { ...v, ...prf(v) }])),
    asOfAccuracy: total.tp ? asOfRight / total.tp : 1,
    categories: { ...cat, ...prf(cat), yearAccuracy: cat.tp ? yearRight / cat.tp : 1 },
    calibration: { highConfidence: high, highConfidencePrecision: high ? highRight / high : 1, wrongBelowThreshold: wrong ? wrongBelow / wrong : 1, wrong },
    evidenceExact,
    errors,
  };
}

/** Runs text -> facts over the gold corpus, one scored article per gold article. */
export function extractCorpus(dir: string): ScoredArticle[] {
  return loadGold(dir).map((gold) => {
    const r = extractFacts(gold.text, { published: gold.published });
    return { gold, text: gold.text, facts: r.facts, categories: r.categories };
  });
}

/** Runs text -> facts over the gold corpus. */
export function evaluateText(dir: string): EvalReport {
  return score(extractCorpus(dir));
}

/** The labelled samples of the scored corpus articles, for calibration (each grouped by its site). */
export function corpusSamples(items: ScoredArticle[]): { facts: Sample[]; categories: Sample[] } {
  const codeOf = gazetteerCode();
  const facts: Sample[] = [];
  const categories: Sample[] = [];
  for (const it of items) {
    const m = matchArticle(it, codeOf);
    const s = articleSamples(it.text, it.facts, m.factHits.map(Boolean), it.categories, m.catHits.map(Boolean), siteOf(it.gold.url));
    facts.push(...s.facts);
    categories.push(...s.categories);
  }
  return { facts, categories };
}

/**
 * Labelled samples of the facts earlier versions of the extraction module gave on the corpus (corpus/history/*.json,
 * written by corpus/history/build.ts): mistakes of rules not yet tuned to these articles, for the confidence model.
 */
export function historySamples(corpusDir: string): Sample[] {
  const dir = join(corpusDir, '..', 'history');
  if (!existsSync(dir)) return [];
  // Gold of the real corpus, and of corpus/synthetic beside it (articles written blind to the rules; each writer's
  // set is its own group in the grouped cross-validation, as a site is).
  const synthetic = join(corpusDir, '..', 'synthetic');
  const gold = new Map(loadGold(corpusDir).map((g) => [g.id, { g, group: siteOf(g.url) }]));
  if (existsSync(synthetic)) for (const g of loadGold(synthetic)) if (!gold.has(g.id)) gold.set(g.id, { g, group: `synthetic:${g.id.slice(0, 1)}` });
  const codeOf = gazetteerCode();
  const out: Sample[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const h = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { articles: { id: string; facts: ScoredArticle['facts'] }[] };
    for (const a of h.articles) {
      const entry = gold.get(a.id);
      if (!entry) continue;
      const { g, group } = entry;
      const m = matchArticle({ gold: g, text: g.text, facts: a.facts, categories: [] }, codeOf);
      out.push(...articleSamples(g.text, a.facts, m.factHits.map(Boolean), [], [], group, 'history').facts);
    }
  }
  return out;
}

/** A digest of the samples (features and labels): the model in data/ was fitted on exactly these when it matches. */
export function samplesFingerprint(samples: { facts: Sample[]; categories: Sample[] }): string {
  const h = createHash('sha256');
  for (const s of [...samples.facts, ...samples.categories]) h.update(JSON.stringify([Object.entries(s.x).sort(), s.y, s.group, s.source]) + '\n');
  return h.digest('hex').slice(0, 16);
}

/** The grouped cross-validation of what is fitted (the confidence models), on the scored corpus. */
export function crossValidatedCorpus(items: ScoredArticle[], corpusDir = 'corpus/dev'): Calibration & { fingerprint: string; today: CalibrationFigures } {
  const samples = corpusSamples(items);
  const fingerprint = samplesFingerprint(samples);
  // Today's facts first (their indices are the corpus's), then the earlier versions' of corpus/history.
  const history = historySamples(corpusDir);
  const cal = runCalibration([...samples.facts, ...history], samples.categories, {
    articles: items.length,
    facts: samples.facts.length,
    historyFacts: history.length,
    categories: samples.categories.length,
    fingerprint,
  });
  const n = samples.facts.length;
  return { ...cal, fingerprint, today: figures(cal.facts.samples.slice(0, n), cal.facts.cv.slice(0, n)) };
}

const Baselines = z.object({
  baselines: z.array(z.object({ name: z.string(), report: z.string(), recorded: z.string(), articles: z.array(z.string()).min(1) })),
});

export interface BaselineComparison {
  name: string;
  recorded: string;
  then: EvalReport;
  now: EvalReport;
  /** Out-of-fold (grouped CV) confidence figures of today's facts on the same articles. */
  cvNow: CalibrationFigures;
}

/** Today's score on each recorded baseline's articles, next to the baseline's. */
export function compareBaselines(items: ScoredArticle[], cal: Calibration, dir = 'corpus/baseline'): BaselineComparison[] {
  const index = join(dir, 'index.json');
  if (!existsSync(index)) return [];
  const parsed = Baselines.safeParse(JSON.parse(readFileSync(index, 'utf8')));
  if (!parsed.success) throw new Error(`${index}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  const out: BaselineComparison[] = [];
  for (const b of parsed.data.baselines) {
    const then = (JSON.parse(readFileSync(join(dir, b.report), 'utf8')) as { text: EvalReport }).text;
    const ids = new Set(b.articles);
    const mine = items.filter((it) => ids.has(it.gold.id));
    if (!mine.length) continue;
    const sampleIx: number[] = [];
    let k = 0;
    for (const it of items) {
      for (let i = 0; i < it.facts.length; i++, k++) if (ids.has(it.gold.id)) sampleIx.push(k);
    }
    const cvNow = figures(
      sampleIx.map((i) => cal.facts.samples[i]!),
      sampleIx.map((i) => cal.facts.cv[i]!),
    );
    out.push({ name: b.name, recorded: b.recorded, then, now: score(mine), cvNow });
  }
  return out;
}

export function formatBaseline(c: BaselineComparison): string {
  const f = (x: number) => x.toFixed(3);
  const row = (label: string, a: number, b: number) => [label, f(a), f(b)];
  return [
    `${c.name} (${c.now.articles} articles; baseline: ${c.recorded})`,
    renderTable(
      ['figure', 'baseline', 'today'],
      [
        row('fact precision', c.then.facts.precision, c.now.facts.precision),
        row('fact recall', c.then.facts.recall, c.now.facts.recall),
        row('fact F1', c.then.facts.f1, c.now.facts.f1),
        row('as-of accuracy', c.then.asOfAccuracy, c.now.asOfAccuracy),
        row('category F1', c.then.categories.f1, c.now.categories.f1),
        row('conf >= 0.9 right', c.then.calibration.highConfidencePrecision, c.now.calibration.highConfidencePrecision),
        row('wrong under 0.9', c.then.calibration.wrongBelowThreshold, c.now.calibration.wrongBelowThreshold),
        ['conf >= 0.9 right (grouped CV)', '-', f(c.cvNow.highPrecision)],
        ['wrong under 0.9 (grouped CV)', '-', f(c.cvNow.wrongBelow)],
      ],
    ),
  ].join('\n');
}

/** Runs HTML -> text -> facts over corpus/html (pages built from the gold articles). */
export function evaluateHtml(dir: string, htmlDir: string): EvalReport | null {
  const index = join(htmlDir, 'index.json');
  if (!existsSync(index)) return null;
  const pages = z.array(z.object({ id: z.string(), file: z.string(), url: z.string().nullable().optional() })).parse(JSON.parse(readFileSync(index, 'utf8')));
  const gold = new Map(loadGold(dir).map((g) => [g.id, g]));
  return score(
    pages
      .filter((p) => gold.has(p.id))
      .map((p) => {
        const article = extractArticle(readFileSync(join(htmlDir, p.file)), { url: p.url ?? undefined });
        const g = gold.get(p.id)!;
        const r = extractFacts(article.text, { published: g.published ?? article.published, title: article.title });
        return { gold: g, text: article.text, ...r };
      }),
  );
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

export function formatReport(name: string, r: EvalReport): string {
  const rows = Object.entries(r.perMetric)
    .sort()
    .map(([k, v]) => [k, String(v.tp), String(v.fp), String(v.fn), pct(v.precision), pct(v.recall), pct(v.f1)]);
  rows.push(['all facts', String(r.facts.tp), String(r.facts.fp), String(r.facts.fn), pct(r.facts.precision), pct(r.facts.recall), pct(r.facts.f1)]);
  rows.push(['categories', String(r.categories.tp), String(r.categories.fp), String(r.categories.fn), pct(r.categories.precision), pct(r.categories.recall), pct(r.categories.f1)]);
  return [
    `${name}: ${r.articles} articles`,
    renderTable(['metric', 'tp', 'fp', 'fn', 'P %', 'R %', 'F1 %'], rows),
    `as-of accuracy ${pct(r.asOfAccuracy)} %   category year accuracy ${pct(r.categories.yearAccuracy)} %   evidence spans exact: ${r.evidenceExact ? "yes" : "NO"}`,
    `calibration: ${r.calibration.highConfidence} facts at confidence >= 0.9, ${pct(r.calibration.highConfidencePrecision)} % right; ${r.calibration.wrong} wrong facts, ${pct(r.calibration.wrongBelowThreshold)} % of them below the review threshold ${REVIEW_THRESHOLD}`,
  ].join('\n');
}

export async function runEval(opts: { corpus: string; html?: boolean; json?: boolean; verbose?: boolean }): Promise<number> {
  const items = extractCorpus(opts.corpus);
  const text = score(items);
  // The HTML renderings of the same articles (corpus/html), when present: the whole path HTML -> facts.
  const html = opts.html === false ? null : evaluateHtml(opts.corpus, 'corpus/html');
  // What is fitted (the confidence models), scored out of fold: each site held out together.
  const cal = crossValidatedCorpus(items, opts.corpus);
  const baselines = compareBaselines(items, cal);
  const shipped = loadConfidenceModel();
  const stale = !shipped ? 'no fitted model in data/confidence.json: run `npm run calibrate`' : shipped.fittedOn?.fingerprint !== cal.fingerprint ? 'data/confidence.json was fitted on other extractions than today\'s: run `npm run calibrate`' : null;
  if (opts.json) {
    process.stdout.write(
      JSON.stringify({
        text: { ...text, errors: undefined },
        html: html ? { ...html, errors: undefined } : null,
        crossValidated: { folds: OUTER_FOLDS, groupedBy: 'site', facts: cal.facts.figures, todayFacts: cal.today, categories: cal.categories.figures, reliability: cal.facts.reliability },
        baselines: baselines.map((b) => ({ name: b.name, recorded: b.recorded, then: { ...b.then, errors: undefined }, now: { ...b.now, errors: undefined }, crossValidated: b.cvNow })),
        modelStale: stale,
      }) + '\n',
    );
    return 0;
  }
  if (opts.verbose) process.stdout.write([...text.errors, ...(html?.errors.map((e) => `html ${e}`) ?? [])].join('\n') + '\n\n');
  process.stdout.write(formatReport('text -> facts (whole corpus, confidence from data/confidence.json)', text) + '\n');
  if (html) process.stdout.write('\n' + formatReport('html -> facts', html) + '\n');
  process.stdout.write(
    `\nconfidence, cross-validated by site (${OUTER_FOLDS} folds; every article of a site held out together; penalty and shift chosen inside each fold):\n` +
      formatFigures(`facts (today's ${cal.today.samples} and ${cal.facts.figures.samples - cal.today.samples} of earlier versions, corpus/history)`, cal.facts.figures) +
      '\n' +
      formatFigures("facts (today's extractions only)", cal.today) +
      '\n' +
      formatFigures('categories', cal.categories.figures) +
      '\nreliability of fact confidence (out of fold):\n' +
      formatReliability(cal.facts.reliability) +
      '\n',
  );
  if (stale) process.stdout.write(`note: ${stale}\n`);
  for (const b of baselines) process.stdout.write('\n' + formatBaseline(b) + '\n');
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(
    `\nsummary (text): facts P ${f(text.facts.precision)} R ${f(text.facts.recall)} F1 ${f(text.facts.f1)}; as-of ${f(text.asOfAccuracy)}; categories F1 ${f(text.categories.f1)}\n` +
      `summary (text): confidence >= 0.9 precision ${f(text.calibration.highConfidencePrecision)} over ${text.calibration.highConfidence} facts; evidence exact: ${text.evidenceExact}\n` +
      `summary (grouped CV): confidence >= 0.9 precision ${f(cal.facts.figures.highPrecision)} over ${cal.facts.figures.high} facts; ${f(cal.facts.figures.wrongBelow)} of ${cal.facts.figures.wrong} wrong facts below 0.9\n` +
      (html ? `summary (html): facts P ${f(html.facts.precision)} R ${f(html.facts.recall)} F1 ${f(html.facts.f1)}; categories F1 ${f(html.categories.f1)}\n` : 'summary (html): corpus/html not present\n'),
  );
  return 0;
}
