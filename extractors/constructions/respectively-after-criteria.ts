/**
 * "UHC prioritas berarti cakupan peserta sudah di atas 98 persen dan keaktifannya lebih dari 80 persen, Manggarai Barat
 * sudah mencapai angka 99,49 persen dan 88,9 persen": two shares after two named measures take their metrics in order
 * (coverage, then activity), not both the last one named.
 *
 * Pattern: CUE … PERCENT "dan" CUE … PERCENT ["," | words] REGION [words | cue]{0,2} PERCENT "dan" PERCENT
 */
import type { CueMention } from '../../src/extract/types.ts';
import type { Metric } from '../../src/types.ts';
import type { Construction } from './types.ts';
import { tokensOf, valueOf } from './types.ts';

const metricOf = (c: CueMention): Metric | null => (c.family === 'active' ? 'active_pct' : c.family === 'coverage' || /cakupan|kepesertaan/iu.test(c.word) ? 'coverage_pct' : null);

export const respectivelyAfterCriteria: Construction = {
  name: 'respectively-after-criteria',
  description: 'Two shares "P1 dan P2" after two measures named in order take their metrics respectively.',
  pattern: /Q[^PR]{0,4}P&Q[^PR]{0,4}P[,w]{0,2}R[wQ]{0,2}P&P/,
  build(m) {
    const ts = tokensOf(m);
    const qs = ts.filter((t) => t.code === 'Q').map((t) => t.mention as CueMention);
    const ps = ts.filter((t) => t.code === 'P');
    const first = metricOf(qs[0]!);
    const second = metricOf(qs.at(-1)!);
    if (!first || !second || first === second) return null;
    return [
      { value: valueOf(ps[2]!), metric: first, reasons: ['metric:respectively'] },
      { value: valueOf(ps[3]!), metric: second, reasons: ['metric:respectively'] },
    ];
  },
  examples: [
    {
      text: 'Syarat UHC prioritas yaitu cakupan kepesertaan di atas 98 persen dan keaktifan lebih dari 80 persen, Kabupaten Sikka sudah mencapai angka 98,7 persen dan 84,2 persen.',
      facts: [
        { region: 'Kabupaten Sikka', metric: 'coverage_pct', value: 98.7 },
        { region: 'Kabupaten Sikka', metric: 'active_pct', value: 84.2 },
      ],
    },
  ],
};
