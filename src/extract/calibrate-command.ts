/**
 * `cakupan calibrate` (`npm run calibrate`): fits the confidence models on the gold corpus and writes them to
 * data/confidence.json; `--db PATH` adds the facts reviewers accepted, corrected or rejected in that database and
 * prints how the cross-validated figures moved (before: corpus only; after: corpus + reviews).
 */
import { existsSync } from 'node:fs';
import { extractCorpus, corpusSamples, historySamples, samplesFingerprint } from './eval.ts';
import { articleSamples, formatFigures, formatReliability, OUTER_FOLDS, runCalibration, siteOf, writeModel, type Calibration, type Sample } from './calibrate.ts';
import { CONFIDENCE_MODEL_PATH, setConfidenceModel } from './confidence.ts';
import { loadGazetteer, INDONESIA } from '../normalize/regions.ts';
import type { Fact } from '../types.ts';
import type { ReviewedArticle } from '../store/types.ts';
import { renderTable } from './table.ts';
import { EXTRACTOR_VERSION } from './index.ts';

export interface CalibrateOptions {
  corpus: string;
  db?: string;
  /** Where the weights go. @default CONFIDENCE_MODEL_PATH (data/confidence.json) */
  out?: string;
}

/** A reviewer's decision as a label of the extracted fact: right, wrong, or (still auto) no label. */
export function reviewLabel(f: ReviewedArticle['facts'][number]): 0 | 1 | null {
  if (f.status === 'accepted') return 1;
  if (f.status === 'rejected') return 0;
  if (f.status === 'corrected') {
    // A correction of the date only leaves the extracted region, metric and value right (eval counts the same way).
    const e = f.extracted;
    const c = f.current;
    return e.regionCode === c.regionCode && e.metric === c.metric && Math.abs(e.value - c.value) < 1e-6 ? 1 : 0;
  }
  return null;
}

/** Labelled samples of the reviewed articles of a database (every fact of an article is context; reviewed ones are samples). */
export function reviewSamples(articles: ReviewedArticle[]): Sample[] {
  const g = loadGazetteer();
  const out: Sample[] = [];
  for (const a of articles) {
    const facts: Fact[] = a.facts.map((f) => {
      const region = g.byCode.get(f.extracted.regionCode) ?? (f.extracted.regionCode === INDONESIA.code ? INDONESIA : null);
      // Evidence offsets as stored may count code points: find the evidence text itself near its offset.
      const near = a.text.indexOf(f.evidence.text, Math.max(0, f.evidence.start - 64));
      const start = near >= 0 ? near : Math.min(f.evidence.start, a.text.length);
      return {
        region: { name: region?.name ?? f.extracted.regionCode, level: region?.level ?? 'kabupaten', code: f.extracted.regionCode },
        metric: f.extracted.metric,
        value: f.extracted.value,
        asOf: f.extracted.asOf,
        confidence: 0,
        reasons: f.reasons,
        evidence: { start, end: start + f.evidence.text.length, text: f.evidence.text },
        raw: f.raw ?? undefined,
      };
    });
    const labels = a.facts.map(reviewLabel);
    const s = articleSamples(a.text, facts, labels.map((l) => l === 1), [], [], siteOf(a.url), 'review');
    s.facts.forEach((x, i) => {
      if (labels[i] !== null) out.push(x);
    });
  }
  return out;
}

function describe(label: string, c: Calibration): string {
  return [formatFigures(`${label} facts`, c.facts.figures), formatFigures(`${label} categories`, c.categories.figures)].join('\n');
}

export async function runCalibrate(opts: CalibrateOptions): Promise<number> {
  const out = opts.out ?? CONFIDENCE_MODEL_PATH;
  if (!existsSync(opts.corpus)) {
    process.stderr.write(`cakupan calibrate: --corpus ${opts.corpus}: no such folder; give the folder of gold articles (corpus/dev)\n`);
    return 2;
  }
  if (opts.db && !/^postgres(ql)?:\/\//i.test(opts.db) && !existsSync(opts.db)) {
    process.stderr.write(`cakupan calibrate: --db ${opts.db}: no such database; give the file \`cakupan ingest\` or \`cakupan review\` used\n`);
    return 2;
  }
  // Features and labels do not depend on the confidence model: extract without one (a broken file cannot stop a refit).
  setConfidenceModel(null);
  const items = extractCorpus(opts.corpus);
  const corpus = corpusSamples(items);
  const fittedOn = {
    extractorVersion: EXTRACTOR_VERSION,
    articles: items.length,
    facts: corpus.facts.length,
    categories: corpus.categories.length,
    fingerprint: samplesFingerprint(corpus),
  };
  // Earlier versions' extractions of the same articles (corpus/history): the mistakes of rules not yet tuned to them.
  const history = historySamples(opts.corpus);
  Object.assign(fittedOn, { historyFacts: history.length });
  const base = [...corpus.facts, ...history];
  const before = runCalibration(base, corpus.categories, fittedOn);
  let result = before;
  let reviewed: Sample[] = [];
  if (opts.db) {
    const { openCoverageStore } = await import('../store/open.ts');
    const store = await openCoverageStore(opts.db);
    try {
      reviewed = reviewSamples(await store.reviewedArticles());
    } finally {
      await store.close();
    }
    result = runCalibration([...base, ...reviewed], corpus.categories, { ...fittedOn, reviewedFacts: reviewed.length, database: opts.db.replace(/\/\/[^@/]*@/, '//***@') });
  }
  try {
    writeModel(out, result.model);
  } catch (err) {
    process.stderr.write(`cakupan calibrate: --out ${out}: cannot write the weights (${err instanceof Error ? err.message : String(err)}); give a writable file\n`);
    return 1;
  }
  setConfidenceModel(undefined);
  process.stdout.write(`calibrate: ${items.length} corpus articles, ${corpus.facts.length} facts (and ${history.length} of earlier versions, corpus/history), ${corpus.categories.length} categories${opts.db ? `; ${reviewed.length} reviewed facts from ${opts.db}` : ''}\n`);
  process.stdout.write(`cross-validated by site (${OUTER_FOLDS} folds, every article of a site held out together):\n`);
  if (opts.db) {
    const f = (x: number) => x.toFixed(3);
    const b = before.facts.figures;
    const a = result.facts.figures;
    // "after" on the same corpus facts, so the two columns measure the same facts; plus the reviewed facts alone.
    const n = base.length;
    const { figures } = await import('./calibrate.ts');
    const aCorpus = figures(result.facts.samples.slice(0, n), result.facts.cv.slice(0, n));
    const aReview = figures(result.facts.samples.slice(n), result.facts.cv.slice(n));
    process.stdout.write(
      renderTable(
        ['figure', 'before (corpus)', 'after (corpus + reviews)', 'after, corpus (+ history) facts', 'after, reviewed facts'],
        [
          ['facts', String(b.samples), String(a.samples), String(aCorpus.samples), String(aReview.samples)],
          ['conf >= 0.9', String(b.high), String(a.high), String(aCorpus.high), String(aReview.high)],
          ['conf >= 0.9 right', ...[b, a, aCorpus, aReview].map((x) => (x.high ? f(x.highPrecision) : '-'))],
          ['wrong under 0.9', ...[b, a, aCorpus, aReview].map((x) => (x.wrong ? f(x.wrongBelow) : '-'))],
          ['log-loss', f(b.logLoss), f(a.logLoss), f(aCorpus.logLoss), f(aReview.logLoss)],
          ['Brier', f(b.brier), f(a.brier), f(aCorpus.brier), f(aReview.brier)],
        ],
      ) + '\n',
    );
  } else process.stdout.write(describe('', result).replace(/^ /gm, '') + '\n');
  process.stdout.write('reliability of fact confidence (out of fold):\n' + formatReliability(result.facts.reliability) + '\n');
  const w = Object.entries(result.model.facts.weights).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const show = (xs: [string, number][]) => xs.map(([k, v]) => `${k} ${v >= 0 ? '+' : ''}${v.toFixed(2)}`).join(', ');
  process.stdout.write(
    `fact model: penalty ${result.model.facts.lambda}, shift ${result.model.facts.shift}; raises confidence: ${show(w.slice(0, 6))}; lowers it: ${show(w.slice(-6).reverse())}\n`,
  );
  process.stdout.write(`weights written to ${out}\n`);
  return 0;
}
