/**
 * "Secara keseluruhan, rata-rata keaktifan di enam kabupaten Banua Anam sekitar 86,8 persen"; "tingkat keaktifan peserta
 * di Madura rata-rata masih 72 persen": an average over a group of places that no region of the gazetteer names in the
 * sentence (a count of kabupaten, an island, a BPJS branch's area) is no region's figure (README rule 4: only real
 * administrative regions, no sums over several regions). Not the region of an earlier sentence either.
 *
 * A national average is Indonesia's (national-average.ts); "Rerata keaktifan di Papua Barat Daya 71,4 persen" names its
 * region and stays its figure.
 *
 * Pattern: the sentence's tokens up to its first figure, with no REGION and no figure before it: [^RBPC]* VALUE
 */
import type { Construction } from './types.ts';
import { tokensOf, valueOf } from './types.ts';

const AVERAGE = /\b(?:rata-rata|rerata|rata\s+rata)\b/iu;
const NATIONAL = /\bnasional\b/iu;

export const groupAverage: Construction = {
  name: 'group-average',
  description: 'An average over places no region names ("rata-rata … di enam kabupaten X", "di Madura rata-rata"): no fact.',
  dropsOnly: true,
  pattern: /^[^RBPC]*[PC](?:[wQ&,]{0,3}[PC])*/,
  build(m) {
    const ts = tokensOf(m);
    const first = ts.findIndex((t) => t.code === 'P' || t.code === 'C');
    const before = m.doc.text.slice(m.seq.sentence.start, ts[first]!.start);
    if (!AVERAGE.test(before) || NATIONAL.test(before)) return null;
    return ts.filter((t) => t.code === 'P' || t.code === 'C').map((t) => ({ value: valueOf(t), drop: 'an average over places no region names', reasons: [] }));
  },
  examples: [
    {
      text: 'Cakupan JKN Kabupaten Kapuas 98,1 persen. Secara keseluruhan, rata-rata keaktifan di lima kabupaten Dayak Besar sekitar 79,4 persen.',
      facts: [{ region: 'Kabupaten Kapuas', metric: 'coverage_pct', value: 98.1 }],
    },
    {
      text: 'Cakupan JKN Kabupaten Sumba Timur 96,9 persen. Tingkat keaktifan peserta di Pulau Sumba rata-rata baru 73 persen.',
      facts: [{ region: 'Kabupaten Sumba Timur', metric: 'coverage_pct', value: 96.9 }],
    },
    {
      text: 'Kabupaten Bangkalan mencatat cakupan 95,8 persen. Menurut BPJS Kesehatan, keaktifan peserta di wilayah kerjanya rata-rata 82,5 persen.',
      facts: [{ region: 'Kabupaten Bangkalan', metric: 'coverage_pct', value: 95.8 }],
    },
    // A region named with the average: its own figure.
    {
      text: 'Menurut BPJS Kesehatan, rerata keaktifan di Provinsi Maluku Utara 74,2 persen.',
      facts: [{ region: 'Provinsi Maluku Utara', metric: 'active_pct', value: 74.2 }],
    },
    {
      text: 'Secara nasional, rata-rata cakupan kepesertaan JKN mencapai 98,3 persen.',
      facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 98.3 }],
    },
  ],
};
