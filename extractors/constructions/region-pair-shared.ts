/**
 * "Sedangkan di Kota Padang Panjang dan Kota Solok, Program JKN sudah mencakup 100 persen penduduk": regions named
 * together before one share all have it (a share is a rate, so it holds for each; a count for "A dan B" would be their
 * sum and stays with the fallback).
 *
 * Pattern: REGION { "," REGION } "dan" REGION ["," | words | cue]{0,4} PERCENT
 */
import type { Construction } from './types.ts';
import { regionOf, textBetween, tokensOf, valueOf } from './types.ts';

/** "total", "gabungan", "rata-rata": a figure over the regions together, not each one's. */
const TOGETHER = /\b(?:total|gabungan|keduanya|bersama-sama|rata-rata|rerata|secara\s+keseluruhan)\b/iu;

export const regionPairShared: Construction = {
  name: 'region-pair-shared',
  description: 'Regions named together before one share: each has it.',
  pattern: /R(?:,R)*,?&R,?[wQ]{0,4}P/,
  build(m) {
    const ts = tokensOf(m);
    const regions = ts.filter((t) => t.code === 'R');
    const p = ts.at(-1)!;
    if (TOGETHER.test(textBetween(m, regions.at(-1)!, p))) return null;
    const owners = regions.map(regionOf);
    return [{ value: valueOf(p), region: owners[0]!, shared: owners.slice(1), reasons: ['region:pair-shared'] }];
  },
  examples: [
    {
      text: 'Sedangkan di Kota Sawahlunto dan Kota Pariaman, Program JKN sudah mencakup 100 persen penduduk.',
      facts: [
        { region: 'Kota Sawahlunto', metric: 'coverage_pct', value: 100 },
        { region: 'Kota Pariaman', metric: 'coverage_pct', value: 100 },
      ],
    },
    {
      text: 'Kabupaten Sleman, Kabupaten Bantul dan Kota Yogyakarta telah mencapai cakupan kepesertaan 99 persen.',
      facts: [
        { region: 'Kabupaten Sleman', metric: 'coverage_pct', value: 99 },
        { region: 'Kabupaten Bantul', metric: 'coverage_pct', value: 99 },
        { region: 'Kota Yogyakarta', metric: 'coverage_pct', value: 99 },
      ],
    },
    {
      text: 'Kabupaten Jombang dan Kabupaten Mojokerto mencatat rata-rata kepesertaan 96,5 persen.',
      gap: 'an average over two named regions is no region\'s figure; the fallback still gives it to the nearer one',
      facts: [],
    },
  ],
};
