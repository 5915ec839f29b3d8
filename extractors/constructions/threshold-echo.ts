/**
 * A round share that repeats a threshold or target of the article, in a sentence that names neither a region nor a
 * metric of its own, is the threshold again: "Setiap tahun, target ini terus ditingkatkan. 2022 95 persen, 2023 95
 * persen dan tahun 2024 mendatang 98 persen".
 *
 * Pattern: PERCENT, in a sentence with no REGION and no CUE.
 */
import type { Construction } from './types.ts';
import { articleThresholds } from './threshold-restated.ts';
import { tokensOf, valueOf } from './types.ts';

export const thresholdEcho: Construction = {
  name: 'threshold-echo',
  description: "A threshold's number repeated in a sentence with no region or metric of its own: no fact.",
  pattern: /P/,
  build(m) {
    const p = valueOf(tokensOf(m)[0]!);
    if (p.kind !== 'percent' || p.number.decimal || /[RQ]/.test(m.seq.codes)) return null;
    if (!articleThresholds(m.doc, m.ix).has(p.value)) return null;
    return [{ value: p, drop: 'a threshold of the article repeated', reasons: [] }];
  },
  examples: [
    {
      text: 'Syarat UHC adalah kepesertaan minimal 95 persen dari jumlah penduduk Kabupaten Sumbawa. Setiap tahun target itu ditinjau. 2022 95 persen, 2023 95 persen.',
      none: 'the yearly targets repeat the threshold',
    },
    {
      text: 'Syarat UHC adalah kepesertaan minimal 95 persen. Cakupan kepesertaan JKN di Kabupaten Sumbawa mencapai 95 persen.',
      facts: [{ region: 'Kabupaten Sumbawa', metric: 'coverage_pct', value: 95 }],
    },
  ],
};
