/**
 * "total jumlah penduduk Provinsi Jambi sampai dengan semester satu 2024 sebanyak 3,75 juta"; "jumlah pendudukan
 * Kabupaten Batang mencapai 828.576"; "Penduduk kita 2,1 juta lebih": a count stated for the population word that
 * heads its clause is the population, not enrolment — unless the clause registers them ("penduduk yang terdaftar").
 *
 * Pattern: (CUE(population) | words("jumlah penduduk…")) {region | date | words}{0,5} COUNT
 */
import type { CueMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { textBetween, textOf, tokensOf, valueOf } from './types.ts';

const POPULATION_HEAD = /(?:\b(?:jumlah|total)\s+(?:penduduk\w*|populasi|warga)|^[\s"“'‘]*penduduk\s+(?:kita|kami|kabupaten|kota|provinsi)?)\s*$/iu;
const REGISTERED = /terdaftar|peserta|aktif|menjadi|tercover|tercakup|terlindungi|jkn|bpjs|belum|tidak/iu;
/** Longest text between the population word and its count. @default 90 */
export const POPULATION_REACH = 90;

export const populationStated: Construction = {
  name: 'population-stated',
  description: 'A count stated for "jumlah penduduk …": the population.',
  pattern: /[Qw][RBDwiN]{0,5}C/,
  build(m) {
    const ts = tokensOf(m);
    const head = ts[0]!;
    const count = ts.at(-1)!;
    const isHead = head.code === 'Q' ? (head.mention as CueMention).family === 'population' && !/seluruh/iu.test(textOf(m, head)) : POPULATION_HEAD.test(textOf(m, head));
    if (!isHead) return null;
    const between = textBetween(m, head, count);
    if (between.length > POPULATION_REACH || REGISTERED.test(between) || /[,;]/.test(between.replace(/\d[.,]\d/g, ''))) return null;
    const c = valueOf(count);
    if (c.kind !== 'count' || c.unit === 'participants') return null;
    return [{ value: c, metric: 'population', reasons: ['metric:population-head'] }];
  },
  examples: [
    {
      text: 'Untuk Kabupaten Magetan, dengan penduduk sekitar 690 ribu jiwa, cakupannya 98,4 persen.',
      facts: [
        { region: 'Kabupaten Magetan', metric: 'population', value: 690000 },
        { region: 'Kabupaten Magetan', metric: 'coverage_pct', value: 98.4 },
      ],
    },
    {
      text: 'Kabupaten Jember, daerah berpenduduk terbanyak ketiga di Jawa Timur dengan sekitar 2,6 juta jiwa, masuk kategori Madya.',
      facts: [{ region: 'Kabupaten Jember', metric: 'population', value: 2600000 }],
    },
    {
      text: 'Sementara total jumlah penduduk Provinsi Bengkulu sampai dengan semester II 2024 sebanyak 2,08 juta.',
      facts: [{ region: 'Provinsi Bengkulu', metric: 'population', value: 2080000, asOf: '2024' }],
    },
    {
      text: 'Total peserta 612.400 jiwa dari jumlah penduduk Kabupaten Kebumen mencapai 1.401.220.',
      facts: [
        { region: 'Kabupaten Kebumen', metric: 'enrolled_count', value: 612400 },
        { region: 'Kabupaten Kebumen', metric: 'population', value: 1401220 },
      ],
    },
    {
      text: 'Jumlah penduduk Kota Metro saat ini sebanyak 175.312 jiwa.',
      facts: [{ region: 'Kota Metro', metric: 'population', value: 175312 }],
    },
    {
      text: 'Jumlah penduduk Kota Metro yang terdaftar sebagai peserta JKN sebanyak 170.005 jiwa.',
      facts: [{ region: 'Kota Metro', metric: 'enrolled_count', value: 170005 }],
    },
  ],
};
