/**
 * "Kabupaten Teluk Wondama dan Kabupaten Pegunungan Arfak masing-masing memiliki 56.740 peserta": one figure for each
 * region of the list; "Kabupaten Sinjai dan Kabupaten Bantaeng masing-masing 99,1 persen dan 98,7 persen": respectively.
 *
 * Pattern: REGION { ("," | "dan" | ", dan") REGION }+ [words] "masing-masing" [words | cue]{0,3} VALUE { ("," | "dan") VALUE }
 */
import type { Construction, Pairing } from './types.ts';
import { regionOf, tokensOf, valueOf } from './types.ts';

export const regionListMasingMasing: Construction = {
  name: 'region-list-masing-masing',
  description: '"A dan B masing-masing V" (one figure each) or "masing-masing V1 dan V2" (respectively).',
  pattern: /R(?:,&?R|&R)+[wQ]{0,2}m[wQ]{0,3}[PC](?:,?&?[PC])*/,
  build(m) {
    const ts = tokensOf(m);
    const mAt = ts.findIndex((t) => t.code === 'm');
    const regions = ts.slice(0, mAt).filter((t) => t.code === 'R').map(regionOf);
    const values = ts.slice(mAt).filter((t) => t.code === 'P' || t.code === 'C').map(valueOf);
    const kind = values[0]!.kind;
    const same = values.filter((v) => v.kind === kind);
    if (same.length === 1) return values.map((v) => ({ value: v, region: regions[0]!, shared: regions.slice(1), reasons: ['region:list'] }));
    if (same.length !== regions.length) return null;
    const out: Pairing[] = same.map((v, i) => ({ value: v, region: regions[i]!, reasons: ['region:list'] }));
    return out;
  },
  examples: [
    {
      text: 'Kabupaten Teluk Bintuni dan Kabupaten Fakfak masing-masing memiliki 61.200 peserta JKN.',
      facts: [
        { region: 'Kabupaten Teluk Bintuni', metric: 'enrolled_count', value: 61200 },
        { region: 'Kabupaten Fakfak', metric: 'enrolled_count', value: 61200 },
      ],
    },
    {
      text: 'Cakupan kepesertaan JKN di Kabupaten Wajo dan Kabupaten Soppeng masing-masing 97,4 persen dan 96,8 persen.',
      facts: [
        { region: 'Kabupaten Wajo', metric: 'coverage_pct', value: 97.4 },
        { region: 'Kabupaten Soppeng', metric: 'coverage_pct', value: 96.8 },
      ],
    },
    {
      text: 'Kota Palopo, Kota Parepare dan Kabupaten Luwu masing-masing mencatat kepesertaan 99,2 persen, 98,6 persen dan 95,1 persen.',
      facts: [
        { region: 'Kota Palopo', metric: 'coverage_pct', value: 99.2 },
        { region: 'Kota Parepare', metric: 'coverage_pct', value: 98.6 },
        { region: 'Kabupaten Luwu', metric: 'coverage_pct', value: 95.1 },
      ],
    },
    {
      text: 'Kabupaten Bantul, Kabupaten Gunungkidul dan Kabupaten Kulon Progo berturut-turut mencatat keaktifan peserta 82,4 persen, 79,1 persen dan 80,6 persen.',
      facts: [
        { region: 'Kabupaten Bantul', metric: 'active_pct', value: 82.4 },
        { region: 'Kabupaten Gunungkidul', metric: 'active_pct', value: 79.1 },
        { region: 'Kabupaten Kulon Progo', metric: 'active_pct', value: 80.6 },
      ],
    },
  ],
};
