/**
 * "Kabupaten Lebak hanya kurang 380 peserta lagi untuk memenuhi syarat Universal Health Coverage (UHC) sebesar 95 persen":
 * a criterion word ("syarat", "kriteria minimal", "ambang batas") followed by what it is the criterion of — UHC, a tier,
 * coverage or activity — and only linking words before the share: the share is that criterion, not a measurement
 * (README: thresholds are no facts), however far the criterion word stands from it.
 *
 * "syarat minimal UHC kategori Madya adalah cakupan 98 persen dan keaktifan 80 persen": the shares joined to it by "dan"
 * are that criterion's too.
 *
 * Pattern: GUARD(criterion) [cue | "(" | ")" | "," | "yakni" | words | category]{0,6} PERCENT { "dan" [words | cue]{0,2} PERCENT }
 */
import { alternation, lexicon } from '../../src/extract/lexicon.ts';
import type { GuardMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { tokensOf, valueOf } from './types.ts';

/** Between the criterion's name and its share, only links: "(UHC) sebesar 95 persen", "UHC, yakni 98 persen". */
const LINK_WORDS = 'yang|sebesar|yakni|yaitu|adalah|ialah|di\\s+angka|minimal|minimum|paling\\s+sedikit|sekurang-kurangnya|kategori|kepesertaan|cakupan|keaktifan|peserta|aktif|jkn|uhc|universal\\s+health\\s+coverage|non\\s+cut\\s+off|prioritas';
/** …and the tier words of the lexicon ("kategori Madya adalah cakupan 98 persen"): built once. */
let link: RegExp | null = null;

export const thresholdOfUhc: Construction = {
  name: 'threshold-of-uhc',
  description: 'A criterion word, the name of what it is for (UHC, a tier, coverage), then a share: the criterion, no fact.',
  dropsOnly: true,
  pattern: /G[Q()wK,y]{0,6}P(?:&[wQ]{0,2}P)*/,
  build(m) {
    const ts = tokensOf(m);
    const g = ts[0]!.mention as GuardMention;
    if (g.guard !== 'criterion') return null;
    const shares = ts.filter((t) => t.code === 'P').map(valueOf);
    const p = shares[0]!;
    if (p.kind !== 'percent' || p.number.decimal) return null;
    link ??= new RegExp(`^(?:\\s|[(),:]|${LINK_WORDS}|${alternation(Object.keys(lexicon().categoryTiers))})*$`, 'iu');
    if (!link.test(m.doc.text.slice(g.end, p.start))) return null;
    // A criterion's bars are round: "… dan keaktifan 80 persen" is one, "… dan keaktifan 81,4 persen" a measurement.
    const bars = shares.filter((v, i) => i === 0 || (v.kind === 'percent' && !v.number.decimal));
    return bars.map((v) => ({ value: v, drop: 'a criterion named before its share', reasons: [] }));
  },
  examples: [
    {
      text: 'Kabupaten Pandeglang tinggal kurang 1.200 peserta lagi untuk memenuhi syarat Universal Health Coverage (UHC) sebesar 95 persen dari jumlah penduduk.',
      none: 'the share is the UHC criterion, and the shortfall is no enrolment',
    },
    {
      text: 'Kota Serang belum memenuhi syarat UHC kategori Madya, yakni 98 persen kepesertaan.',
      none: 'the share is the tier\'s criterion',
    },
    {
      text: 'Ambang batas keaktifan peserta untuk kategori Utama adalah 85 persen, kata dia.',
      none: 'a tier\'s criterion',
    },
    {
      text: 'Kepala Dinkes mengatakan syarat minimal UHC kategori Utama adalah cakupan 98 persen dan keaktifan 85 persen. Kabupaten Pidie Jaya (97,6 persen) dan Kabupaten Bireuen (98,3 persen) belum memenuhinya.',
      facts: [
        { region: 'Kabupaten Pidie Jaya', metric: 'coverage_pct', value: 97.6 },
        { region: 'Kabupaten Bireuen', metric: 'coverage_pct', value: 98.3 },
      ],
    },
    // A measurement after a criterion word that another clause separates: the region's figure.
    {
      text: 'Kabupaten Serang sudah memenuhi syarat UHC karena cakupan kepesertaannya mencapai 98,7 persen.',
      facts: [{ region: 'Kabupaten Serang', metric: 'coverage_pct', value: 98.7 }],
    },
  ],
};
