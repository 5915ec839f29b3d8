import { describe, expect, it } from 'vitest';
import { scoreCorpus, scorePage, shingles, tokenize, pairedBootstrap } from '../../src/text/shingle.ts';

const TRUTH = 'Kepesertaan JKN di Kalimantan Tengah tercatat mencapai 100,18 persen. Tingkat keaktifan peserta 85,24 persen.';

describe('the ScrapingHub shingle metric', () => {
  it('tokenizes on \\w runs, keeping case and dropping punctuation', () => {
    expect(tokenize('“Capai 96%,” kata Bupati — JKN-KIS!')).toEqual(['Capai', '96', 'kata', 'Bupati', 'JKN', 'KIS']);
  });

  it('gives one short shingle for fewer than four tokens and none for an empty text', () => {
    expect([...shingles('dua kata').keys()]).toHaveLength(1);
    expect(shingles('').size).toBe(0);
  });

  it('scores an exact copy 1/1 whatever the formatting', () => {
    const s = scorePage(TRUTH, TRUTH.replace(/ /g, '\n\n'));
    expect(s).toMatchObject({ precision: 1, recall: 1, exact: true });
  });

  it('charges duplicated paragraphs to precision and missing ones to recall', () => {
    const twice = scorePage(TRUTH, `${TRUTH}\n\n${TRUTH}`);
    expect(twice.recall).toBe(1);
    // Half the shingles are extra copies, plus the few that bridge the two copies.
    expect(twice.precision).toBeGreaterThan(0.4);
    expect(twice.precision).toBeLessThan(0.5);
    const half = scorePage(TRUTH, TRUTH.slice(0, TRUTH.indexOf(' Tingkat')));
    expect(half.precision).toBe(1);
    expect(half.recall).toBeLessThan(0.7);
  });

  it('leaves an empty prediction out of precision but counts it as recall 0', () => {
    const empty = scorePage(TRUTH, '');
    expect(empty.precision).toBeNull();
    expect(empty.recall).toBe(0);
    const c = scoreCorpus([empty, scorePage(TRUTH, TRUTH)]);
    expect(c.precision).toBe(1);
    expect(c.recall).toBe(0.5);
    expect(c.f1).toBeCloseTo(2 / 3, 5);
  });

  it('pairs bootstrap resamples: a system against itself differs by zero', () => {
    const pages = [scorePage(TRUTH, TRUTH), scorePage(TRUTH, 'lain sama sekali'), scorePage(TRUTH, `${TRUTH} ekor`)];
    const d = pairedBootstrap(pages, pages, 200);
    expect(d).toMatchObject({ diff: 0, low: 0, high: 0 });
  });
});
