/**
 * "sebanyak 95.210 jiwa penduduk Kota Tidore Kepulauan telah terdaftar": a region named right after the figure in
 * its clause, with only words for people between, owns it — even when another region (or "Indonesia") stands
 * earlier in the sentence.
 *
 * Pattern: VALUE [words("penduduk|warga|masyarakat|jiwa|orang|peserta") | "di" | cue]{0,3} REGION
 */
import type { Construction } from './types.ts';
import { regionOf, textBetween, tokensOf, valueOf } from './types.ts';

const PEOPLE_GAP = /^\s*(?:(?:jiwa|orang|penduduk|penduduknya|warga|masyarakat|peserta|jkn|di|wilayah|se|seluruh|untuk|bagi)\s*)*$/iu;

export const valueRegionAfter: Construction = {
  name: 'value-region-after',
  description: 'A figure whose people are named with their region right after it ("… jiwa penduduk Kota A").',
  pattern: /[PC][wQi]{0,3}R/,
  build(m) {
    const ts = tokensOf(m);
    const v = ts[0]!;
    const r = ts.at(-1)!;
    if (!PEOPLE_GAP.test(textBetween(m, v, r))) return null;
    return [{ value: valueOf(v), region: regionOf(r), reasons: ['region:after-value'] }];
  },
  examples: [
    {
      text: 'Secara nasional kepesertaan terus bertambah, dan sebanyak 95.210 jiwa penduduk Kota Tidore Kepulauan telah terdaftar sebagai peserta JKN.',
      facts: [{ region: 'Kota Tidore Kepulauan', metric: 'enrolled_count', value: 95210 }],
    },
    {
      text: 'Di Provinsi Jawa Timur, BPJS Kesehatan mencatat 96,92 persen warga Kota Probolinggo telah menjadi peserta JKN.',
      facts: [{ region: 'Kota Probolinggo', metric: 'coverage_pct', value: 96.92 }],
    },
    {
      text: 'Program JKN di Kalimantan Barat sudah mencakup 98,1 persen penduduk di Kabupaten Kubu Raya.',
      facts: [{ region: 'Kabupaten Kubu Raya', metric: 'coverage_pct', value: 98.1 }],
    },
    {
      text: 'Cakupan kepesertaan JKN di Sulawesi Tenggara tercatat 97,2 persen untuk Kota Kendari dan 95,4 persen untuk Kabupaten Konawe.',
      facts: [
        { region: 'Kota Kendari', metric: 'coverage_pct', value: 97.2 },
        { region: 'Kabupaten Konawe', metric: 'coverage_pct', value: 95.4 },
      ],
    },
    {
      // A headline whose "…, Lebak – …" looks like a dateline: the region named as people's home is still the subject.
      text: '96 Persen Warga Banten Terdaftar JKN, Lebak – Pandeglang Menyusul',
      facts: [{ region: 'Provinsi Banten', metric: 'coverage_pct', value: 96 }],
    },
    {
      text: 'Menurut BPJS Kesehatan, 1.120.554 penduduk Kabupaten Sukoharjo sudah terdaftar dalam program JKN.',
      facts: [{ region: 'Kabupaten Sukoharjo', metric: 'enrolled_count', value: 1120554 }],
    },
    // "penduduk … terdaftar" is enrolment, and "lebih dari" is an approximation, not the "dari" of a whole.
    {
      text: 'Artinya, lebih dari 8,1 juta jiwa penduduk Sumatera Selatan telah terdaftar sebagai peserta JKN.',
      facts: [{ region: 'Provinsi Sumatera Selatan', metric: 'enrolled_count', value: 8100000 }],
    },
    {
      text: 'BPJS Kesehatan mencatat cakupan nasional 98,4 persen, sehingga lebih dari 278 juta jiwa penduduk Indonesia kini terdaftar sebagai peserta.',
      facts: [
        { region: 'Indonesia', metric: 'coverage_pct', value: 98.4 },
        { region: 'Indonesia', metric: 'enrolled_count', value: 278000000 },
      ],
    },
    // The branch area frames the sentence; the figure named with its own region after it is that region's.
    {
      text: 'Di wilayah kerja Cabang Jember yang juga meliputi Kabupaten Lumajang dan Bondowoso, sebanyak 2.390.112 jiwa penduduk Kabupaten Jember telah terdaftar sebagai peserta JKN, atau 97,9 persen.',
      facts: [
        { region: 'Kabupaten Jember', metric: 'enrolled_count', value: 2390112 },
        { region: 'Kabupaten Jember', metric: 'coverage_pct', value: 97.9 },
      ],
    },
    {
      text: 'Di wilayah kerja Cabang Jember yang meliputi Kabupaten Jember, Lumajang dan Bondowoso, sebanyak 4,6 juta jiwa telah terdaftar sebagai peserta JKN.',
      none: 'a branch area total over several kabupaten (definition rule 4): no region of its own follows the figure',
    },
  ],
};
