/** The evaluation gate: extraction on the gold corpus stays at or above the pinned floors. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossValidatedCorpus, extractCorpus, loadGold, score } from '../../src/extract/eval.ts';
import { extractFacts } from '../../src/extract/index.ts';
import { loadConfidenceModel } from '../../src/extract/confidence.ts';
import { ExtractResult } from '../../src/types.ts';

const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8'));
const items = extractCorpus('corpus/dev');
const report = score(items);
// What is fitted (the confidence models), scored out of fold: every article of a site held out together.
const cv = crossValidatedCorpus(items);

describe('evaluation gate (corpus/dev)', () => {
  it('keeps fact precision and recall at their floors', () => {
    expect(report.facts.precision, report.errors.join('\n')).toBeGreaterThanOrEqual(floors.factPrecision);
    expect(report.facts.recall, report.errors.join('\n')).toBeGreaterThanOrEqual(floors.factRecall);
  });
  it('dates figures right', () => {
    expect(report.asOfAccuracy, report.errors.join('\n')).toBeGreaterThanOrEqual(floors.asOfAccuracy);
  });
  it('finds the award categories and their years', () => {
    expect(report.categories.f1, report.errors.join('\n')).toBeGreaterThanOrEqual(floors.categoryF1);
    expect(report.categories.yearAccuracy).toBeGreaterThanOrEqual(floors.categoryYearAccuracy);
  });
  it('means what it says with confidence: facts at >= 0.9 are right', () => {
    expect(report.calibration.highConfidence).toBeGreaterThanOrEqual(floors.highConfidenceFacts);
    expect(report.calibration.highConfidencePrecision).toBeGreaterThanOrEqual(floors.highConfidencePrecision);
    expect(report.calibration.wrongBelowThreshold).toBeGreaterThanOrEqual(floors.wrongBelowThreshold);
  });
  it('ships a confidence model fitted on today\'s extractions (data/confidence.json)', () => {
    const shipped = loadConfidenceModel();
    expect(shipped, 'no data/confidence.json: run `npm run calibrate`').not.toBeNull();
    expect(shipped!.fittedOn?.fingerprint, 'the extractions changed since data/confidence.json was fitted: run `npm run calibrate` (then pin the extractor version fingerprint)').toBe(cv.fingerprint);
  });
  it('holds on sites it was not fitted on: grouped cross-validation of the confidence model', () => {
    const f = cv.facts.figures;
    // Today's facts, plus the earlier versions' of corpus/history (the mistakes of rules not yet tuned to these articles).
    expect(cv.today.samples).toBe(report.facts.tp + report.facts.fp);
    expect(f.samples).toBeGreaterThan(cv.today.samples);
    expect(f.high).toBeGreaterThanOrEqual(floors.cvHighConfidenceFacts);
    expect(f.highPrecision, `${f.high} facts at >= 0.9`).toBeGreaterThanOrEqual(floors.cvHighConfidencePrecision);
    expect(f.wrongBelow, `${f.wrong} wrong facts`).toBeGreaterThanOrEqual(floors.cvWrongBelowThreshold);
    // The reliability table covers every fact once.
    expect(cv.facts.reliability.reduce((s, r) => s + r.n, 0)).toBe(f.samples);
  });
  it('gives every fact an exact evidence span, confidence in [0, 1] and reasons', () => {
    expect(report.evidenceExact).toBe(true);
    for (const gold of loadGold('corpus/dev')) {
      const r = extractFacts(gold.text, { published: gold.published });
      const line = ExtractResult.parse({ source: gold.id, title: gold.title, published: gold.published, text: gold.text, ...r });
      for (const f of [...line.facts, ...line.categories]) {
        expect(gold.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
        expect(f.confidence).toBeGreaterThanOrEqual(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
      }
      for (const f of line.facts) expect(f.reasons.length).toBeGreaterThan(0);
    }
  });
  it('is deterministic: the same text gives the same facts', () => {
    const g = loadGold('corpus/dev')[0]!;
    expect(extractFacts(g.text)).toEqual(extractFacts(g.text));
  });
});
