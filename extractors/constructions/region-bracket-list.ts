/**
 * "yakni Kabupaten Tanah Datar (86,11 persen), Dharmasraya (81,07 persen), … dan Solok (75,39 persen)":
 * each figure in brackets belongs to the region right before it, not to the list's first region nor to the
 * province that introduces the list. A bare name in a list of typed kabupaten is read at the list's level
 * ("dan Solok" after "Kabupaten Tanah Datar" is Kabupaten Solok, not Kota Solok).
 *
 * Pattern: REGION "(" VALUE ")" { ("," | "dan" | ", dan") REGION "(" VALUE ")" }
 */
import type { Construction, Pairing } from './types.ts';
import { atListLevel, listLevel, regionOf, tokensOf, valueOf } from './types.ts';

export const regionBracketList: Construction = {
  name: 'region-bracket-list',
  description: 'A list of regions, each with its own figure in brackets.',
  pattern: /R\([PC]\)(?:[,;]?&?R\([PC]\))*/,
  build(m) {
    const ts = tokensOf(m);
    const items = ts.filter((t) => t.code === 'R').map(regionOf);
    const level = listLevel(items);
    const out: Pairing[] = [];
    for (let i = 0; i + 3 < ts.length + 1; i++) {
      if (ts[i]!.code !== 'R') continue;
      const r = regionOf(ts[i]!);
      const entry = atListLevel(r, level, items);
      out.push({ value: valueOf(ts[i + 2]!), region: r, ...(entry ? { entry } : {}), reasons: ['region:list-item'] });
    }
    return out.length ? out : null;
  },
  examples: [
    {
      text: 'Cakupan tertinggi dicatat Kota Tegal (100,9 persen), Brebes (97,6 persen) dan Tegal (98,1 persen).',
      facts: [
        { region: 'Kota Tegal', metric: 'coverage_pct', value: 100.9 },
        { region: 'Kabupaten Brebes', metric: 'coverage_pct', value: 97.6 },
        { region: 'Kabupaten Tegal', metric: 'coverage_pct', value: 98.1 },
      ],
    },
    {
      text: 'Daerah yang belum mencapai UHC yakni Kabupaten Muaro Jambi (88,41 persen), Kerinci (86,02 persen), dan Merangin (84,9 persen).',
      facts: [
        { region: 'Kabupaten Muaro Jambi', metric: 'coverage_pct', value: 88.41 },
        { region: 'Kabupaten Kerinci', metric: 'coverage_pct', value: 86.02 },
        { region: 'Kabupaten Merangin', metric: 'coverage_pct', value: 84.9 },
      ],
    },
    {
      text: 'Di Jawa Timur, enam kabupaten sudah melampaui 100 persen kepesertaan JKN, yaitu Kabupaten Sampang (104,20%), Kabupaten Pamekasan (101,50%) dan Kota Madiun (100,80%).',
      facts: [
        { region: 'Kabupaten Sampang', metric: 'coverage_pct', value: 104.2 },
        { region: 'Kabupaten Pamekasan', metric: 'coverage_pct', value: 101.5 },
        { region: 'Kota Madiun', metric: 'coverage_pct', value: 100.8 },
      ],
    },
    {
      text: 'Cakupan kepesertaan JKN di Provinsi Bengkulu antara lain Kabupaten Kaur (91,2 persen), Kabupaten Lebong (93,45 persen) serta Kabupaten Seluma (89,07 persen).',
      facts: [
        { region: 'Kabupaten Kaur', metric: 'coverage_pct', value: 91.2 },
        { region: 'Kabupaten Lebong', metric: 'coverage_pct', value: 93.45 },
        { region: 'Kabupaten Seluma', metric: 'coverage_pct', value: 89.07 },
      ],
    },
    {
      text: 'Tingkat keaktifan peserta JKN di Kalimantan Selatan antara lain Kabupaten Tapin (78,1 persen), Kabupaten Balangan (80,5 persen) dan Kota Banjarbaru (83,2 persen).',
      facts: [
        { region: 'Kabupaten Tapin', metric: 'active_pct', value: 78.1 },
        { region: 'Kabupaten Balangan', metric: 'active_pct', value: 80.5 },
        { region: 'Kota Banjarbaru', metric: 'active_pct', value: 83.2 },
      ],
    },
    {
      text: 'Kabupaten dengan kepesertaan terendah di Sumatera Barat yakni Kabupaten Pesisir Selatan (79,58 persen) dan Solok (75,39 persen).',
      facts: [
        { region: 'Kabupaten Pesisir Selatan', metric: 'coverage_pct', value: 79.58 },
        { region: 'Kabupaten Solok', metric: 'coverage_pct', value: 75.39 },
      ],
    },
    {
      text: 'Jumlah peserta JKN di Nusa Tenggara Barat yaitu Kota Mataram (421.337 jiwa) dan Kabupaten Dompu (239.110 jiwa).',
      facts: [
        { region: 'Kota Mataram', metric: 'enrolled_count', value: 421337 },
        { region: 'Kabupaten Dompu', metric: 'enrolled_count', value: 239110 },
      ],
    },
    { text: 'Target cakupan kepesertaan minimal di Provinsi Jambi yakni Kabupaten Kerinci (95 persen) dan Kabupaten Bungo (95 persen).', none: 'a criterion ("minimal") named for each item is no measurement' },
  ],
};
