/** `cakupan eval` prints the grouped cross-validated figures of what is fitted and the unseen baseline next to today's score. */
import { describe, expect, it, vi } from 'vitest';
import { runEval } from '../../src/extract/eval.ts';

async function run(json: boolean): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  try {
    expect(await runEval({ corpus: 'corpus/dev', html: false, json })).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

describe('cakupan eval', () => {
  it('reports grouped cross-validation, a reliability table and the unseen-38 baseline beside today', async () => {
    const r = JSON.parse(await run(true));
    expect(r.crossValidated.groupedBy).toBe('site');
    expect(r.crossValidated.folds).toBe(10);
    expect(r.crossValidated.todayFacts.samples).toBe(r.text.facts.tp + r.text.facts.fp);
    expect(r.crossValidated.facts.samples).toBeGreaterThan(r.crossValidated.todayFacts.samples); // + corpus/history
    expect(r.crossValidated.reliability).toHaveLength(10);
    expect(r.crossValidated.reliability.reduce((s: number, b: { n: number }) => s + b.n, 0)).toBe(r.crossValidated.facts.samples);
    const b = r.baselines.find((x: { name: string }) => /unseen 38/.test(x.name));
    expect(b.then.articles).toBe(38);
    expect(b.then.facts.precision).toBeCloseTo(0.629, 3); // recorded at commit 664fd88
    expect(b.now.articles).toBe(38);
    expect(b.now.facts.tp + b.now.facts.fn).toBe(b.then.facts.tp + b.then.facts.fn); // the same gold facts
    expect(b.crossValidated.samples).toBe(b.now.facts.tp + b.now.facts.fp);

    const text = await run(false);
    expect(text).toMatch(/cross-validated by site \(10 folds/);
    expect(text).toMatch(/reliability of fact confidence \(out of fold\)/);
    expect(text).toMatch(/unseen 38 before issue 9 \(38 articles/);
    expect(text).toMatch(/fact precision\s+0\.629\s+\d\.\d{3}/);
    expect(text).toMatch(/summary \(grouped CV\): confidence >= 0\.9 precision/);
  }, 120_000);
});
