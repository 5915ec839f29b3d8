/**
 * "Rinciannya, Kota Ternate: 97,8 persen; Kota Tidore Kepulauan: 96,1 persen; Kabupaten Halmahera Barat: 93,4 persen":
 * a list of "region: figure" items, each figure its own item's.
 *
 * Pattern: REGION ":" VALUE { (";" | "," | "dan") REGION ":" VALUE }
 */
import type { Construction, Pairing } from './types.ts';
import { regionOf, tokensOf, valueOf } from './types.ts';

export const regionColonList: Construction = {
  name: 'region-colon-list',
  description: 'Items "region: figure", each figure its own item\'s.',
  pattern: /R:[PC](?:[;,]?&?R:[PC])+/,
  build(m) {
    const ts = tokensOf(m);
    const out: Pairing[] = [];
    for (let i = 0; i + 2 < ts.length; i++) if (ts[i]!.code === 'R' && ts[i + 1]!.code === ':') out.push({ value: valueOf(ts[i + 2]!), region: regionOf(ts[i]!), reasons: ['region:list-item'] });
    return out.length ? out : null;
  },
  examples: [
    {
      text: 'Rinciannya, Kota Ternate: 97,8 persen; Kota Tidore Kepulauan: 96,1 persen; Kabupaten Halmahera Barat: 93,4 persen.',
      facts: [
        { region: 'Kota Ternate', metric: 'coverage_pct', value: 97.8 },
        { region: 'Kota Tidore Kepulauan', metric: 'coverage_pct', value: 96.1 },
        { region: 'Kabupaten Halmahera Barat', metric: 'coverage_pct', value: 93.4 },
      ],
    },
    {
      text: 'Jumlah peserta JKN per kabupaten, Kabupaten Sikka: 301.220 jiwa, Kabupaten Ende: 270.114 jiwa dan Kabupaten Ngada: 160.400 jiwa.',
      facts: [
        { region: 'Kabupaten Sikka', metric: 'enrolled_count', value: 301220 },
        { region: 'Kabupaten Ende', metric: 'enrolled_count', value: 270114 },
        { region: 'Kabupaten Ngada', metric: 'enrolled_count', value: 160400 },
      ],
    },
  ],
};
