/**
 * The metric word touching a share decides it: "sebanyak 92 persen merupakan peserta aktif", "dengan 81,33 persen
 * aktif" are activity even after "terdaftar"; "dengan cakupan 100,26 persen dan tingkat keaktifan 95,47 persen":
 * "cakupan" right before the share is coverage, never the activity named after it.
 *
 * Pattern: CUE [words("sebesar|mencapai|di angka…")] PERCENT | PERCENT [words("merupakan|yang|di antaranya")] CUE(active)
 */
import type { CueMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { textBetween, textOf, tokensOf, valueOf } from './types.ts';

const BEFORE_GAP = /^\s*(?:(?:sebesar|sebanyak|mencapai|capai|tercatat|hanya|baru|sudah|telah|di\s*angka|pada\s+angka|diangka|berada|yakni|yaitu|sekitar|hampir|lebih\s+dari|kini|saat\s+ini)\s*)*$/iu;
const AFTER_GAP = /^\s*(?:(?:merupakan|adalah|yang|di\s*antaranya|diantaranya|sebagai|tercatat|berstatus|dari\s+peserta)\s*)*$/iu;
const ACTIVE_WORD = /^\s*(?:merupakan\s+|adalah\s+|yang\s+)?(?:peserta\s+)?aktif\b/iu;

export const shareMetricAdjacent: Construction = {
  name: 'share-metric-adjacent',
  description: 'A metric word right before or right after a share decides its metric.',
  pattern: /Q?w?P(?:[wy]{0,2}Q|w)?/,
  build(m) {
    const ts = tokensOf(m);
    const pAt = ts.findIndex((t) => t.code === 'P');
    const p = ts[pAt]!;
    const value = valueOf(p);
    const after = ts.slice(pAt + 1);
    const afterCue = after.find((t) => t.code === 'Q');
    const afterWord = after.find((t) => t.code === 'w');
    if (afterCue && (afterCue.mention as CueMention).family === 'active' && AFTER_GAP.test(textBetween(m, p, afterCue))) {
      return [{ value, metric: 'active_pct', reasons: ['metric:adjacent'] }];
    }
    if (!afterCue && afterWord && ACTIVE_WORD.test(textOf(m, afterWord))) return [{ value, metric: 'active_pct', reasons: ['metric:adjacent'] }];
    const cueTok = ts.slice(0, pAt).find((t) => t.code === 'Q');
    if (!cueTok) return null;
    const cue = cueTok.mention as CueMention;
    if (!BEFORE_GAP.test(textBetween(m, cueTok, p))) return null;
    // "prosentase aktif terdaftar 75,81 persen": activity named right before the coverage word still wins.
    const before = m.seq.tokens[m.seq.tokens.indexOf(cueTok) - 1];
    const activeJustBefore = before?.code === 'Q' && (before.mention as CueMention).family === 'active' && /^\s*$/.test(m.doc.text.slice(before.end, cueTok.start));
    if (cue.family === 'active' || activeJustBefore) return [{ value, metric: 'active_pct', reasons: ['metric:adjacent'] }];
    if (cue.family === 'coverage') return [{ value, metric: 'coverage_pct', reasons: ['metric:adjacent'] }];
    // A bare "cakupan" is coverage, unless the sentence has been counting active participants before it: "2,89 juta
    // tercatat sebagai peserta aktif … dengan cakupan 89 persen" is their share (activity).
    let from = m.seq.sentence.start;
    for (let i = m.seq.tokens.indexOf(cueTok) - 1; i >= 0; i--) {
      if ('PR;'.includes(m.seq.tokens[i]!.code)) {
        from = m.seq.tokens[i]!.end;
        break;
      }
    }
    const activeBefore = m.ix.cue.some(from, cueTok.start, (c: CueMention) => c.family === 'active');
    if (/^(?:cakupan|cakupannya)$/iu.test(cue.word) && !activeBefore) return [{ value, metric: 'coverage_pct', reasons: ['metric:adjacent'] }];
    return null;
  },
  examples: [
    {
      text: 'Kabupaten Natuna bahkan meraih kategori Utama dengan cakupan 100,26 persen dan tingkat keaktifan 95,47 persen.',
      facts: [
        { region: 'Kabupaten Natuna', metric: 'coverage_pct', value: 100.26 },
        { region: 'Kabupaten Natuna', metric: 'active_pct', value: 95.47 },
      ],
      categories: [{ region: 'Kabupaten Natuna', category: 'Utama' }],
    },
    {
      text: 'Kabupaten Lingga mencatat cakupan 98,93 persen dengan keaktifan 89,89 persen.',
      facts: [
        { region: 'Kabupaten Lingga', metric: 'coverage_pct', value: 98.93 },
        { region: 'Kabupaten Lingga', metric: 'active_pct', value: 89.89 },
      ],
    },
    {
      text: 'Dari total peserta JKN di Kota Cimahi, sebanyak 88 persen merupakan peserta aktif.',
      facts: [{ region: 'Kota Cimahi', metric: 'active_pct', value: 88 }],
    },
    {
      text: 'Sebanyak 1,9 juta penduduk Kabupaten Bekasi terdaftar sebagai peserta JKN dengan 79,4 persen aktif.',
      facts: [
        { region: 'Kabupaten Bekasi', metric: 'enrolled_count', value: 1900000 },
        { region: 'Kabupaten Bekasi', metric: 'active_pct', value: 79.4 },
      ],
    },
    {
      text: 'Sebanyak 98,2 persen penduduk Kabupaten Boyolali atau 1.080.000 jiwa telah terdaftar, dengan 82,1 persen di antaranya aktif.',
      facts: [
        { region: 'Kabupaten Boyolali', metric: 'coverage_pct', value: 98.2 },
        { region: 'Kabupaten Boyolali', metric: 'enrolled_count', value: 1080000 },
        { region: 'Kabupaten Boyolali', metric: 'active_pct', value: 82.1 },
      ],
    },
    {
      text: 'Kota Bima mencapai cakupan 97,3 persen, sementara keaktifan pesertanya 77,1 persen.',
      facts: [
        { region: 'Kota Bima', metric: 'coverage_pct', value: 97.3 },
        { region: 'Kota Bima', metric: 'active_pct', value: 77.1 },
      ],
    },
  ],
};
