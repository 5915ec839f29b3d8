/**
 * "mencapai 98,79 persen dari total 11 juta jiwa"; "Jumlah peserta 1,3 juta orang dari 1,56 juta orang"; "75% atau
 * 6.799.914 orang dari total 9.062.766 jumlah penduduk": the count after "dari (total)" is the whole the part was
 * taken of — the region's population — unless it is counted in participants ("dari 5.000 peserta aktif").
 *
 * Pattern: VALUE ["atau" VALUE] "dari" [words("total|jumlah|sekitar")] COUNT
 */
import type { CountMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { textBetween, textOf, tokensOf } from './types.ts';

const WHOLE_WORDS = /^\s*(?:(?:total|jumlah|keseluruhan|seluruh|sekitar|sekira|kurang\s+lebih|lebih\s+dari|penduduk|warga)\s*)*$/iu;
const NOT_POPULATION = /^\s*(?:peserta|anggota|orang\s+peserta|jiwa\s+peserta)\b/iu;

export const partOfWhole: Construction = {
  name: 'part-of-whole',
  description: 'A share or count "dari (total) N": N is the population.',
  pattern: /[PC](?:a[wQ]?[PC])?[wQ]?f[wQG]{0,2}C/,
  build(m) {
    const ts = tokensOf(m);
    const whole = ts.at(-1)!;
    const f = ts.map((t) => t.code).lastIndexOf('f');
    if (!WHOLE_WORDS.test(textBetween(m, ts[f]!, whole))) return null;
    const c = whole.mention as CountMention;
    const after = m.doc.text.slice(c.end, c.end + 20);
    if (c.unit === 'participants' || NOT_POPULATION.test(after) || /peserta|aktif/iu.test(textOf(m, whole))) {
      // "1.120.000 peserta aktif dari 1.468.000 peserta terdaftar": the whole is the registered participants.
      const words = textOf(m, whole) + after;
      if (/terdaftar/iu.test(words) && !/\baktif\b/iu.test(words)) return [{ value: c, metric: 'enrolled_count', reasons: ['metric:whole-registered'] }];
      return null;
    }
    return [{ value: c, metric: 'population', reasons: ['metric:whole'] }];
  },
  examples: [
    {
      text: 'Cakupan kepesertaan JKN Provinsi Banten hingga Maret 2025 mencapai 97,2 persen dari total 12,4 juta jiwa.',
      facts: [
        { region: 'Provinsi Banten', metric: 'coverage_pct', value: 97.2, asOf: '2025-03' },
        { region: 'Provinsi Banten', metric: 'population', value: 12400000, asOf: '2025-03' },
      ],
    },
    {
      text: 'Kabupaten Grobogan mencapai 93,1 persen. Jumlah peserta 1,3 juta orang dari 1,46 juta orang.',
      facts: [
        { region: 'Kabupaten Grobogan', metric: 'coverage_pct', value: 93.1 },
        { region: 'Kabupaten Grobogan', metric: 'enrolled_count', value: 1300000 },
        { region: 'Kabupaten Grobogan', metric: 'population', value: 1460000 },
      ],
    },
    {
      text: 'Untuk Provinsi Jambi, capaian kepesertaan program JKN mencapai 91% atau 3.280.114 orang dari total 3.604.520 jumlah penduduk.',
      facts: [
        { region: 'Provinsi Jambi', metric: 'coverage_pct', value: 91 },
        { region: 'Provinsi Jambi', metric: 'enrolled_count', value: 3280114 },
        { region: 'Provinsi Jambi', metric: 'population', value: 3604520 },
      ],
    },
    {
      // The date inside the whole's phrase dates the whole; the part keeps the paragraph's date.
      text: 'Per 31 Maret 2025, cakupan JKN terus naik. Untuk Provinsi Banten saja capaian mencapai 97,1 % (± 11,9 juta jiwa) dari total populasi semester II 2024 sekitar 12,25 juta jiwa.',
      facts: [
        { region: 'Provinsi Banten', metric: 'coverage_pct', value: 97.1, asOf: '2025-03-31' },
        { region: 'Provinsi Banten', metric: 'enrolled_count', value: 11900000, asOf: '2025-03-31' },
        { region: 'Provinsi Banten', metric: 'population', value: 12250000, asOf: '2024' },
      ],
    },
    {
      text: 'Tingkat keaktifan peserta JKN Kabupaten Subang sebesar 76,3 persen atau 1.120.000 peserta aktif dari 1.468.000 peserta terdaftar.',
      facts: [
        { region: 'Kabupaten Subang', metric: 'active_pct', value: 76.3 },
        { region: 'Kabupaten Subang', metric: 'active_count', value: 1120000 },
        { region: 'Kabupaten Subang', metric: 'enrolled_count', value: 1468000 },
      ],
    },
    {
      text: 'Kepesertaan JKN di Kota Tegal tercatat 98,4 persen dari sekitar 290 ribu penduduk.',
      facts: [
        { region: 'Kota Tegal', metric: 'coverage_pct', value: 98.4 },
        { region: 'Kota Tegal', metric: 'population', value: 290000 },
      ],
    },
  ],
};
