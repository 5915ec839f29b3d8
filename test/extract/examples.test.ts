/**
 * The generic runner: every extractor's examples and every sentence example is a test.
 * Positive: a mention with exactly that span text and value. Negative: no mention at all.
 * Gaps: kept failing on purpose; when one passes, promote it.
 */
import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../extractors/index.ts';
import { SENTENCE_EXAMPLES } from '../../extractors/sentences.ts';
import { GATES } from '../../extractors/gates/index.ts';
import { CONSTRUCTIONS } from '../../extractors/constructions/index.ts';
import { CATEGORY_EXAMPLES } from '../../extractors/category-pairing.ts';
import { makeDoc } from '../../src/extract/segment.ts';
import type { Found } from '../../src/extract/types.ts';
import { extractFacts } from '../../src/extract/index.ts';

function findAll(text: string, published?: string): Found {
  const doc = makeDoc(text, published ?? null);
  const found: Found = { number: [], percent: [], count: [], date: [], region: [], cue: [], guard: [], category: [] };
  for (const ex of EXTRACTORS) (found as unknown as Record<string, unknown[]>)[ex.kind] = ex.find(doc, found) as unknown[];
  return found;
}

for (const ex of EXTRACTORS) {
  describe(`extractor ${ex.name}`, () => {
    for (const e of ex.examples) {
      const title = `${e.gap ? 'gap' : e.none ? 'not' : 'finds'}: ${e.text.slice(0, 70)}`;
      it(title, () => {
        const mentions = findAll(e.text, e.published)[ex.kind] as { start: number; end: number }[];
        if (e.gap) {
          const hit = mentions.find((m) => e.text.slice(m.start, m.end) === e.span);
          expect(hit, `gap "${e.gap}" now passes: promote it`).toBeUndefined();
        } else if (e.none) {
          expect(mentions.map((m) => e.text.slice(m.start, m.end)), e.none).toEqual([]);
        } else {
          const hit = mentions.filter((m) => e.text.slice(m.start, m.end) === e.span);
          expect(hit.length, `a mention spanning "${e.span}" among ${JSON.stringify(mentions.map((m) => e.text.slice(m.start, m.end)))}`).toBeGreaterThan(0);
          // A word may carry several readings (a cue of two families); one of them must be the expected value.
          expect(hit.map((h) => ex.valueOf(h as never))).toContainEqual(e.value);
        }
      });
    }
  });
}

describe('sentence examples (whole engine)', () => {
  // The gates' examples (extractors/gates/*.ts) run through the whole engine like the sentence examples.
  // So do the constructions' examples (extractors/constructions/*.ts).
  for (const e of [...SENTENCE_EXAMPLES, ...GATES.flatMap((g) => g.examples), ...CONSTRUCTIONS.flatMap((c) => c.examples), ...CATEGORY_EXAMPLES]) {
    it(`${e.gap ? 'gap' : e.none ? 'no fact' : 'facts'}: ${e.text.slice(0, 70)}`, () => {
      // Sentences are lifted out of JKN articles: the article-level topic gate is the caller's knowledge here.
      const r = extractFacts(e.text, { published: e.published ?? null, aboutJkn: true });
      const got = r.facts.map((f) => ({ region: f.region.name, metric: f.metric, value: f.value, asOf: f.asOf }));
      for (const f of r.facts) expect(e.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
      if (e.gap) {
        const want = (e.facts ?? []).map((f) => `${f.region}|${f.metric}|${f.value}`).sort();
        expect(got.map((f) => `${f.region}|${f.metric}|${f.value}`).sort(), `gap "${e.gap}" now passes: promote it`).not.toEqual(want);
        return;
      }
      if (e.none) {
        expect(got, e.none).toEqual([]);
        if (e.categories === undefined) expect(r.categories).toEqual([]);
      }
      if (e.facts) {
        const want = e.facts.map((f) => ({ region: f.region, metric: f.metric, value: f.value }));
        expect(got.map(({ asOf: _a, ...rest }) => rest).sort(byKey)).toEqual([...want].sort(byKey));
        for (const f of e.facts) {
          if (f.asOf === undefined) continue;
          const g = got.find((x) => x.region === f.region && x.metric === f.metric && x.value === f.value)!;
          expect(g.asOf, `asOf of ${f.metric} ${f.value}`).toBe(f.asOf);
        }
      }
      if (e.categories) {
        expect(r.categories.map((c) => ({ region: c.region.name, category: c.category })).sort(byKey)).toEqual(
          e.categories.map((c) => ({ region: c.region, category: c.category })).sort(byKey),
        );
        for (const c of e.categories) {
          if (c.year === undefined) continue;
          expect(r.categories.find((x) => x.region.name === c.region && x.category === c.category)!.year).toBe(c.year);
        }
      }
    });
  }
});

function byKey(a: object, b: object): number {
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : 1;
}

describe('constructions name themselves', () => {
  for (const c of CONSTRUCTIONS) {
    it(`${c.name}: one of its examples gives a fact that carries construction:${c.name}`, () => {
      const reasons = c.examples.flatMap((e) => extractFacts(e.text, { published: e.published ?? null, aboutJkn: true }).facts.flatMap((f) => f.reasons));
      // A construction that only drops figures (a threshold restated) names itself on none: its positive examples keep others.
      if (c.examples.every((e) => e.none || !e.facts?.length)) throw new Error(`${c.name} has no positive example`);
      if (c.dropsOnly) expect(reasons.length).toBeGreaterThan(0);
      else expect(reasons).toContain(`construction:${c.name}`);
    });
  }
});
