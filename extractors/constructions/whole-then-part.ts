/**
 * "Sedangkan untuk wilayah NTB dari 5.214.330 baru 67,88 persen masyarakatnya yang masuk dalam JKN-KIS"; "dari total
 * jumlah penduduk 4.300.107 jiwa baru 73 persen penduduknya": the count after "dari", followed by the part (a share or
 * a count), is the whole — the population.
 *
 * Pattern: "dari" [words("total") | cue(population)]{0,2} COUNT [words("baru|sebanyak|sudah")]{0,2} VALUE
 */
import type { CountMention, CueMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { textBetween, tokensOf } from './types.ts';

const WHOLE_WORDS = /^\s*(?:(?:total|jumlah|keseluruhan|seluruh|sekitar|penduduk|warga)\s*)*$/iu;
const PART_WORDS = /^\s*(?:(?:jiwa|orang|penduduk)?\s*(?:,\s*)?(?:baru|sebanyak|sudah|telah|hanya|yang|sekitar|sebesar|tercatat|di\s*antaranya|diantaranya)\s*)+$/iu;

export const wholeThenPart: Construction = {
  name: 'whole-then-part',
  description: '"dari N baru P persen": N is the population the part was taken of.',
  pattern: /f[wQG]{0,2}C[w,]{1,2}[PC]/,
  build(m) {
    const ts = tokensOf(m);
    const cAt = ts.findIndex((t) => t.code === 'C');
    const whole = ts[cAt]!;
    const between = ts.slice(1, cAt);
    const wholeWordsOk = between.every((t) => (t.code === 'Q' ? (t.mention as CueMention).family === 'population' : WHOLE_WORDS.test(m.doc.text.slice(t.start, t.end))));
    if (!wholeWordsOk) return null;
    const c = whole.mention as CountMention;
    if (c.unit === 'participants') return null;
    if (!PART_WORDS.test(textBetween(m, whole, ts.at(-1)!))) return null;
    return [{ value: c, metric: 'population', reasons: ['metric:whole'] }];
  },
  examples: [
    {
      text: 'Sedangkan untuk Provinsi Nusa Tenggara Timur dari 5.466.487 jiwa baru 73,43 persen penduduknya yang mengikuti program JKN.',
      facts: [
        { region: 'Provinsi Nusa Tenggara Timur', metric: 'population', value: 5466487 },
        { region: 'Provinsi Nusa Tenggara Timur', metric: 'coverage_pct', value: 73.43 },
      ],
    },
    {
      text: 'Untuk Kabupaten Lombok Tengah, dari total 1.070.000 penduduk, sebanyak 1.012.300 jiwa sudah terdaftar sebagai peserta JKN.',
      facts: [
        { region: 'Kabupaten Lombok Tengah', metric: 'population', value: 1070000 },
        { region: 'Kabupaten Lombok Tengah', metric: 'enrolled_count', value: 1012300 },
      ],
    },
  ],
};
