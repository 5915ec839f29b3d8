/**
 * "Secara keseluruhan, rata-rata keaktifan di enam kabupaten Banua Anam sekitar 86,8 persen"; "tingkat keaktifan peserta
 * di Madura rata-rata masih 72 persen": an average over a group of places that no region of the gazetteer names in the
 * sentence (a count of kabupaten, an island, a BPJS branch's area) is no region's figure (README rule 4: only real
 * administrative regions, no sums over several regions). Not the region of an earlier sentence either.
 *
 * A national average is Indonesia's (national-average.ts); "Rerata keaktifan di Papua Barat Daya 71,4 persen" names its
 * region and stays its figure.
 *
 * Pattern: the sentence's tokens (or, with a count of places, a clause's after a comma) up to its first figure, with no
 * REGION and no figure before it (in the clause, a place named otherwise may stand: "kawasan Danau Toba"):
 * ("^" [^RBPC]* | "," [^RPC,]*) VALUE
 */
import type { Construction } from './types.ts';
import { tokensOf, valueOf } from './types.ts';

const AVERAGE = /\b(?:rata-rata|rerata|rata\s+rata)\b/iu;
const NATIONAL = /\bnasional\b/iu;
const COUNTED_PLACES = /\b(?:\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belasan|puluhan)\s+(?:kabupaten(?:\/kota)?|kota|daerah|wilayah|provinsi)\b/iu;

export const groupAverage: Construction = {
  name: 'group-average',
  description: 'An average over places no region names ("rata-rata … di enam kabupaten X", "di Madura rata-rata"): no fact.',
  dropsOnly: true,
  pattern: /(?:^[^RBPC]*|,[^RPC,]*)[PC](?:[wQ&,]{0,3}[PC])*/,
  build(m) {
    const ts = tokensOf(m);
    const first = ts.findIndex((t) => t.code === 'P' || t.code === 'C');
    const opening = m.from === 0;
    const before = m.doc.text.slice(opening ? m.seq.sentence.start : ts[0]!.end, ts[first]!.start);
    if (!AVERAGE.test(before) || NATIONAL.test(before)) return null;
    // After a comma, where regions stood earlier in the sentence, only an average over counted places: "…, sementara
    // rata-rata tujuh kabupaten di kawasan Danau Toba sekitar 98,2 persen".
    if (!opening && !COUNTED_PLACES.test(before)) return null;
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
    {
      text: 'Kabupaten Samosir mencatat cakupan 99,1 persen dan Kabupaten Toba 98,8 persen, sementara rata-rata tujuh kabupaten di kawasan Danau Toba sekitar 98,2 persen.',
      facts: [
        { region: 'Kabupaten Samosir', metric: 'coverage_pct', value: 99.1 },
        { region: 'Kabupaten Toba', metric: 'coverage_pct', value: 98.8 },
      ],
    },
    {
      text: 'Kabupaten Sleman mencatat cakupan 99,3 persen, rata-rata keaktifan pesertanya 84,1 persen.',
      facts: [
        { region: 'Kabupaten Sleman', metric: 'coverage_pct', value: 99.3 },
        { region: 'Kabupaten Sleman', metric: 'active_pct', value: 84.1 },
      ],
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
