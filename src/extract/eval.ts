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

/** Scores predictions against gold. Region names are compared through the gazetteer's codes. */
export function score(items: ScoredArticle[]): EvalReport {
  const g = loadGazetteer();
  const codeOf = (name: string) => g.resolve(name)[0]?.code ?? `?${name}`;
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
    const gold = it.gold.facts.map((f) => ({ ...f, code: codeOf(f.region), used: false }));
    for (const f of it.facts) {
      if (it.text.slice(f.evidence.start, f.evidence.end) !== f.evidence.text) evidenceExact = false;
      const m = (perMetric[f.metric] ??= { tp: 0, fp: 0, fn: 0 });
      const hit = gold.find((x) => !x.used && x.code === f.region.code && x.metric === f.metric && Math.abs(x.value - f.value) < 1e-6);
      const isHigh = f.confidence >= 0.9;
      if (isHigh) high++;
      if (hit) {
        hit.used = true;
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
    }
    for (const x of gold.filter((x) => !x.used)) {
      total.fn++;
      (perMetric[x.metric] ??= { tp: 0, fp: 0, fn: 0 }).fn++;
      errors.push(`${it.gold.id} FN     ${x.region} ${x.metric} ${x.value} «${x.span.slice(0, 90)}»`);
    }
    const goldCats = it.gold.categories.map((c) => ({ ...c, code: codeOf(c.region), used: false }));
    for (const c of it.categories) {
      const hit = goldCats.find((x) => !x.used && x.code === c.region.code && x.category.toLowerCase() === c.category.toLowerCase());
      if (hit) {
        hit.used = true;
        cat.tp++;
        if (hit.year === c.year) yearRight++;
        else errors.push(`${it.gold.id} year   ${c.region.name} ${c.category}: got ${c.year}, gold ${hit.year}`);
      } else {
        cat.fp++;
        errors.push(`${it.gold.id} catFP  ${c.region.name} ${c.category} «${c.evidence.text.slice(0, 90)}»`);
      }
    }
    for (const x of goldCats.filter((x) => !x.used)) {
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

/** Runs text -> facts over the gold corpus. */
export function evaluateText(dir: string): EvalReport {
  return score(
    loadGold(dir).map((gold) => {
      const r = extractFacts(gold.text, { published: gold.published });
      return { gold, text: gold.text, ...r };
    }),
  );
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
  const text = evaluateText(opts.corpus);
  // The HTML renderings of the same articles (corpus/html), when present: the whole path HTML -> facts.
  const html = opts.html === false ? null : evaluateHtml(opts.corpus, 'corpus/html');
  if (opts.json) {
    process.stdout.write(JSON.stringify({ text: { ...text, errors: undefined }, html: html ? { ...html, errors: undefined } : null }) + '\n');
    return 0;
  }
  if (opts.verbose) process.stdout.write([...text.errors, ...(html?.errors.map((e) => `html ${e}`) ?? [])].join('\n') + '\n\n');
  process.stdout.write(formatReport('text -> facts', text) + '\n');
  if (html) process.stdout.write('\n' + formatReport('html -> facts', html) + '\n');
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(
    `\nsummary (text): facts P ${f(text.facts.precision)} R ${f(text.facts.recall)} F1 ${f(text.facts.f1)}; as-of ${f(text.asOfAccuracy)}; categories F1 ${f(text.categories.f1)}\n` +
      `summary (text): confidence >= 0.9 precision ${f(text.calibration.highConfidencePrecision)} over ${text.calibration.highConfidence} facts; evidence exact: ${text.evidenceExact}\n` +
      (html ? `summary (html): facts P ${f(html.facts.precision)} R ${f(html.facts.recall)} F1 ${f(html.facts.f1)}; categories F1 ${f(html.categories.f1)}\n` : 'summary (html): corpus/html not present\n'),
  );
  return 0;
}
