/**
 * Calibrated confidence: the logistic fit, the grouping by site, the plausibility gate, and `cakupan calibrate --db`
 * on a real SQLite file with facts reviewers accepted, corrected and rejected.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossValidate, fitLogistic, fitModel, foldsOf, LAMBDAS, siteOf, type Sample } from '../../src/extract/calibrate.ts';
import { reviewLabel, reviewSamples } from '../../src/extract/calibrate-command.ts';
import { probability, REVIEW_THRESHOLD } from '../../src/extract/confidence.ts';
import { extractFacts } from '../../src/extract/index.ts';
import { implausibility, indonesiaPopulation } from '../../src/extract/plausibility.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { cli, tempDir } from '../store/helpers.ts';

/** A deterministic pseudo-random stream (no Math.random: the test must give the same data every run). */
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('the logistic fit', () => {
  it('learns the sign and rough size of each feature, deterministically', () => {
    const rnd = lcg(7);
    const samples: Sample[] = [];
    for (let i = 0; i < 400; i++) {
      const good = rnd() < 0.5 ? 1 : 0;
      const bad = rnd() < 0.3 ? 1 : 0;
      const z = -0.5 + 2.5 * good - 2 * bad;
      samples.push({ x: { good, bad, noise: rnd() }, y: rnd() < 1 / (1 + Math.exp(-z)) ? 1 : 0, group: `site${i % 8}`, source: 'corpus', capped: false });
    }
    const m = fitLogistic(samples, 0.5);
    expect(m.weights.good!).toBeGreaterThan(1.2);
    expect(m.weights.bad!).toBeLessThan(-1);
    expect(Math.abs(m.weights.noise!)).toBeLessThan(1);
    expect(fitLogistic(samples, 0.5)).toEqual(m);
    // A larger penalty shrinks the weights.
    expect(Math.abs(fitLogistic(samples, 20).weights.good!)).toBeLessThan(Math.abs(m.weights.good!));
  });

  it('fits the whole model (penalty and shift chosen by grouped CV) to the same bytes every time, and shifts to be careful', () => {
    const rnd = lcg(11);
    const samples: Sample[] = [];
    for (let i = 0; i < 300; i++) {
      const cue = rnd() < 0.7 ? 1 : 0;
      samples.push({ x: { cue }, y: rnd() < (cue ? 0.97 : 0.6) ? 1 : 0, group: `site${i % 12}`, source: 'corpus', capped: false });
    }
    const a = fitModel(samples);
    expect(JSON.stringify(fitModel(samples))).toBe(JSON.stringify(a));
    expect(LAMBDAS).toContain(a.lambda);
    expect(a.shift).toBeGreaterThanOrEqual(0);
    // Out of fold, what it says at >= 0.9 holds at least roughly on these synthetic sites.
    const cv = crossValidate(samples);
    const high = samples.filter((_, i) => cv[i]! >= REVIEW_THRESHOLD);
    if (high.length) expect(high.filter((x) => x.y).length / high.length).toBeGreaterThan(0.9);
    expect(cv.every((p) => p >= 0 && p <= 1)).toBe(true);
  });

  it('holds every article of a site out together, and scores a site only by a model fitted without it', () => {
    const samples: Sample[] = [];
    for (let g = 0; g < 12; g++) for (let i = 0; i < 10; i++) samples.push({ x: { a: i % 2 }, y: i % 2 ? 1 : 0, group: `s${g}`, source: 'corpus', capped: false });
    // One site whose facts all carry a feature no other site has, and are all wrong.
    for (let i = 0; i < 10; i++) samples.push({ x: { a: 1, only: 1 }, y: 0, group: 'odd', source: 'corpus', capped: false });
    const folds = foldsOf(samples, 5);
    const foldOfGroup = new Map<string, Set<number>>();
    samples.forEach((s, i) => (foldOfGroup.get(s.group) ?? foldOfGroup.set(s.group, new Set()).get(s.group)!).add(folds[i]!));
    expect([...foldOfGroup.values()].every((f) => f.size === 1)).toBe(true);
    const cv = crossValidate(samples, 5);
    const odd = samples.map((s, i) => (s.group === 'odd' ? cv[i]! : null)).filter((x) => x !== null);
    // Out of fold, "only" was never seen: the odd site looks like any site's a = 1 facts (which are right) ...
    const inSample = fitLogistic(samples, 0.25);
    expect(Math.min(...odd)).toBeGreaterThan(probability(inSample, { a: 1, only: 1 }));
    expect(siteOf('https://jatim.antaranews.com/berita/1')).toBe('antaranews.com');
    expect(siteOf('https://www.bangka.go.id/x')).toBe('bangka.go.id');
    expect(siteOf(null)).toBe('(no url)');
  });
});

describe('plausibility gate', () => {
  it('flags a count no region can have and keeps it under the review threshold', () => {
    const r = extractFacts('Jumlah peserta JKN di Kabupaten Klaten mencapai 99999999999999999999999999 jiwa per Desember 2024.', { aboutJkn: true });
    expect(r.facts.length).toBeGreaterThan(0);
    for (const f of r.facts) {
      expect(f.reasons.some((x) => x.startsWith('implausible:'))).toBe(true);
      expect(f.confidence).toBeLessThan(REVIEW_THRESHOLD);
    }
  });
  it('names the reason: over the region population by the margin, over Indonesia, a share over 150 %', () => {
    const klaten = { name: 'Kabupaten Klaten', level: 'kabupaten' as const, code: '33.10' };
    expect(implausibility({ region: klaten, metric: 'enrolled_count', value: 5_300_000 })).toBe('implausible:over-population');
    expect(implausibility({ region: klaten, metric: 'enrolled_count', value: 1_250_000 })).toBeNull();
    expect(implausibility({ region: { name: 'Indonesia', level: 'nasional', code: '00' }, metric: 'enrolled_count', value: 320_000_000 })).toBe('implausible:over-national');
    expect(implausibility({ region: { name: 'Indonesia', level: 'nasional', code: '00' }, metric: 'enrolled_count', value: 278_000_000 })).toBeNull();
    expect(implausibility({ region: klaten, metric: 'coverage_pct', value: 151 })).toBe('implausible:share-over-150');
    expect(implausibility({ region: klaten, metric: 'coverage_pct', value: 104.2 })).toBeNull();
    expect(indonesiaPopulation()).toBeGreaterThan(250_000_000);
    expect(indonesiaPopulation()).toBeLessThan(320_000_000);
  });
});

const ARTICLES: Record<string, string> = {
  'klaten.txt':
    'Cakupan JKN Klaten Terus Naik\nKlaten, 3 Januari 2025 - BPJS Kesehatan mencatat cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,12 persen per Desember 2024. Jumlah peserta JKN di Kabupaten Klaten sebanyak 1.250.000 jiwa.\n',
  'solo.txt':
    'Solo Pertahankan UHC\nSurakarta, 10 Februari 2025 - Cakupan kepesertaan JKN Kota Surakarta mencapai 99,5 persen pada 2024, dengan tingkat keaktifan peserta 80,2 persen.\n',
  'sleman.txt': 'Data Ganjil Peserta JKN\nSleman, 5 Maret 2025 - Jumlah peserta JKN di Kabupaten Sleman mencapai 99999999999999999999999999 jiwa.\n',
};

describe('cakupan calibrate --db', () => {
  it('refits on the corpus plus reviewed facts from a real SQLite file and prints how the figures moved', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    const files = Object.entries(ARTICLES).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    const ing = await cli(['ingest', '--db', db, ...files]);
    expect(ing.status, ing.stderr).toBe(0);

    const store = openStore(db);
    type Row = { id: number; version: number; metric: string; region_code: string; value: number; confidence: number; flags: string };
    const rows = store.db.prepare('SELECT id, version, metric, region_code, value, confidence, flags FROM facts ORDER BY id').all() as Row[];
    const find = (metric: string, code: string) => rows.find((r) => r.metric === metric && r.region_code === code)!;
    // The implausible count is stored flagged and under the threshold, so it goes to review.
    const absurd = rows.find((r) => r.value > 1e20)!;
    expect(JSON.parse(absurd.flags)).toContain('implausible');
    expect(absurd.confidence).toBeLessThan(REVIEW_THRESHOLD);

    const klatenPct = find('coverage_pct', '33.10');
    const klatenCount = find('enrolled_count', '33.10');
    const soloActive = find('active_pct', '33.72');
    expect([klatenPct, klatenCount, soloActive].every(Boolean)).toBe(true);
    await store.reviewFact({ factId: klatenPct.id, version: klatenPct.version, who: 'rina', action: 'accept' });
    await store.reviewFact({ factId: klatenCount.id, version: klatenCount.version, who: 'rina', action: 'correct', changes: { asOf: '2024-12' } });
    await store.reviewFact({ factId: soloActive.id, version: soloActive.version, who: 'budi', action: 'correct', changes: { value: 80.3 } });
    await store.reviewFact({ factId: absurd.id, version: absurd.version, who: 'budi', action: 'reject' });

    const reviewed = await store.reviewedArticles();
    await store.close();
    const labels = reviewed.flatMap((a) => a.facts.map((f) => [f.current.metric, f.current.regionCode, reviewLabel(f)]));
    expect(labels).toContainEqual(['coverage_pct', '33.10', 1]);
    expect(labels).toContainEqual(['enrolled_count', '33.10', 1]); // only the date was corrected
    expect(labels).toContainEqual(['active_pct', '33.72', 0]); // the value was wrong
    expect(labels.filter((l) => l[2] === 0 && l[0] === 'enrolled_count')).toHaveLength(1); // the rejected absurd count
    const samples = reviewSamples(reviewed);
    expect(samples).toHaveLength(4);
    expect(samples.filter((s) => s.y === 1)).toHaveLength(2);
    expect(samples.every((s) => s.source === 'review')).toBe(true);

    const out = join(dir, 'confidence.json');
    const r = await cli(['calibrate', '--db', db, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4 reviewed facts/);
    expect(r.stdout).toMatch(/before \(corpus\)\s+after \(corpus \+ reviews\)/);
    expect(r.stdout).toMatch(/conf >= 0\.9 right/);
    expect(r.stdout).toMatch(/reliability of fact confidence/);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.fittedOn.reviewedFacts).toBe(4);
    expect(Object.keys(model.facts.weights).length).toBeGreaterThan(10);
    expect(model.crossValidated.facts.samples).toBe(model.fittedOn.facts + model.fittedOn.historyFacts + 4);
    // The shipped model was not touched.
    expect(JSON.parse(readFileSync('data/confidence.json', 'utf8')).fittedOn.reviewedFacts).toBeUndefined();

    const bad = await cli(['calibrate', '--db', join(dir, 'none.db'), '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--db .*none\.db: no such database/);
  }, 120_000);
});
