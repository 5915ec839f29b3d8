import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';

describe('topic gate', () => {
  const telecom =
    'Berdasarkan laporan keuangan Tri di kuartal III 2015 lalu, perusahaan di Indonesia ini mencatat jumlah pelanggannya sebanyak 55,4 juta pengguna. Pangsa pasar di Jawa Barat mencapai 60 persen.';
  it('finds no coverage facts in news that never names JKN, BPJS or UHC', () => {
    expect(extractFacts(telecom)).toEqual({ facts: [], categories: [], dateline: null });
  });
  it('reads the same kind of sentence in a JKN article', () => {
    const jkn = 'Cakupan kepesertaan JKN di Jawa Barat mencapai 97,5 persen, kata Kepala BPJS Kesehatan.';
    expect(extractFacts(jkn).facts.map((f) => [f.region.name, f.metric, f.value])).toEqual([['Provinsi Jawa Barat', 'coverage_pct', 97.5]]);
  });
});
