/**
 * A round share that repeats a threshold or target of the article, in a sentence that names neither a region nor a
 * metric of its own, is the threshold again: "Setiap tahun, target ini terus ditingkatkan. 2022 95 persen, 2023 95
 * persen dan tahun 2024 mendatang 98 persen".
 *
 * "Target kepesertaan JKN di Jakarta ditetapkan … sebesar 95 persen dan diperbarui … menjadi 98 persen": in a sentence
 * about the target, the target's own numbers are no measurement either.
 *
 * Pattern: PERCENT, in a sentence with no REGION and no metric CUE, or in a sentence whose target word precedes it.
 */
import type { CueMention, GuardMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { articleThresholds } from './threshold-restated.ts';
import { tokensOf, valueOf } from './types.ts';

export const thresholdEcho: Construction = {
  name: 'threshold-echo',
  description: "A threshold's number repeated in a sentence with no region or metric of its own: no fact.",
  dropsOnly: true,
  pattern: /P/,
  build(m) {
    const p = valueOf(tokensOf(m)[0]!);
    if (p.kind !== 'percent' || p.number.decimal) return null;
    // (A number no threshold of the article has gives null below whatever its sentence says: asked first, from one set.)
    if (!articleThresholds(m.doc, m.ix).has(p.value)) return null;
    const metricWord = m.seq.tokens.some((t) => t.code === 'Q' && ['coverage', 'active', 'population', 'registration'].includes((t.mention as CueMention).family));
    // "Target kepesertaan … ditetapkan … sebesar 95 persen dan diperbarui … menjadi 98 persen": a sentence about the target.
    const aboutTarget = m.ix.guard.some(m.seq.sentence.start, tokensOf(m)[0]!.start, (g: GuardMention) => g.guard === 'target');
    if (!aboutTarget && (metricWord || m.seq.codes.includes('R'))) return null;
    return [{ value: p, drop: 'a threshold of the article repeated', reasons: [] }];
  },
  examples: [
    {
      text: 'Syarat UHC adalah kepesertaan minimal 95 persen dari jumlah penduduk Kabupaten Sumbawa. Setiap tahun target itu ditinjau. 2022 95 persen, 2023 95 persen.',
      none: 'the yearly targets repeat the threshold',
    },
    {
      text: 'Cakupan kepesertaan JKN Kota Bontang mencapai 99,1 persen, melampaui target 98 persen. Target kepesertaan JKN di Kota Bontang ditetapkan sebesar 95 persen dan dinaikkan menjadi 98 persen.',
      facts: [{ region: 'Kota Bontang', metric: 'coverage_pct', value: 99.1 }],
    },
    {
      text: 'Syarat UHC adalah kepesertaan minimal 95 persen. Cakupan kepesertaan JKN di Kabupaten Sumbawa mencapai 95 persen.',
      facts: [{ region: 'Kabupaten Sumbawa', metric: 'coverage_pct', value: 95 }],
    },
  ],
};
