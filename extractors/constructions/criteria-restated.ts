/**
 * A tier's criteria restated as what the region reached give no facts: "Kabupaten Manggarai Barat meraih UHC
 * Prioritas karena cakupannya di atas 98 persen dan keaktifannya lebih dari 80 persen". In a sentence about an
 * award tier or status, a round share after "di atas / lebih dari / minimal / ≥" is the tier's bar, not a figure.
 *
 * Pattern: words("… di atas|lebih dari|minimal|paling sedikit|≥") PERCENT, in a sentence naming a tier or "kriteria".
 */
import type { Construction } from './types.ts';
import { articleThresholds } from './threshold-restated.ts';
import { textOf, tokensOf, valueOf } from './types.ts';

/** The bars of the UHC award tiers and statuses: coverage 95 / 98 %, activity 75 / 80 / 85 / 90 %. */
export const TIER_BARS = new Set([75, 80, 85, 90, 95, 98]);

const BAR = /(?:\bdi\s+atas|\bdiatas|\blebih\s+dari|\bminimal|\bpaling\s+sedikit|\bsekurang-kurangnya|≥|>)\s*$/iu;
const AWARD_SENTENCE = /\b(?:kategori|predikat|kriteria|syarat|persyaratan|prioritas|penghargaan|award)\b/iu;

export const criteriaRestated: Construction = {
  name: 'criteria-restated',
  description: "A tier's bar restated in a sentence about the award: no fact.",
  dropsOnly: true,
  pattern: /[wQGf]P/,
  build(m) {
    const ts = tokensOf(m);
    const p = valueOf(ts[1]!);
    if (p.kind !== 'percent' || p.number.decimal) return null;
    // "dengan cakupan lebih dari 99 persen" is a measurement, approximated; only a bar the award uses is a criterion.
    if (!TIER_BARS.has(p.value) && !articleThresholds(m.doc, m.ix).has(p.value)) return null;
    const before = m.doc.text.slice(Math.max(m.seq.sentence.start, ts[1]!.start - 20), ts[1]!.start);
    if (!BAR.test(before) && !BAR.test(textOf(m, ts[0]!))) return null;
    if (!m.seq.codes.includes('K') && !AWARD_SENTENCE.test(m.doc.text.slice(m.seq.sentence.start, m.seq.sentence.end))) return null;
    return [{ value: p, drop: "an award tier's criterion restated", reasons: [] }];
  },
  examples: [
    {
      text: 'Kabupaten Manggarai Timur meraih UHC Prioritas karena cakupan kepesertaannya di atas 98 persen dan keaktifannya lebih dari 80 persen.',
      none: "the UHC Prioritas bars (98 %, 80 %) restated as reached",
    },
    {
      text: 'Kota Magelang meraih kategori Madya dengan cakupan kepesertaan lebih dari 95 persen.',
      none: 'the Madya bar restated',
      categories: [{ region: 'Kota Magelang', category: 'Madya' }],
    },
    {
      text: 'Kota Magelang meraih kategori Madya dengan cakupan kepesertaan 98,7 persen.',
      facts: [{ region: 'Kota Magelang', metric: 'coverage_pct', value: 98.7 }],
      categories: [{ region: 'Kota Magelang', category: 'Madya' }],
    },
    {
      text: 'Kabupaten Klaten meraih penghargaan UHC Award dengan cakupan kepesertaan lebih dari 99 persen.',
      facts: [{ region: 'Kabupaten Klaten', metric: 'coverage_pct', value: 99 }],
    },
    {
      text: 'Kepesertaan JKN secara nasional kini mencakup lebih dari 98 persen penduduk.',
      facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 98 }],
    },
  ],
};
