/**
 * "cakupan Program JKN di Kota Padang tercatat 95,38 persen, Kota Pariaman mencapai 99,81 persen, Kota Payakumbuh
 * 96,86 persen, dan Kota Sawahlunto 99,85 persen"; "Garut 89,09 persen, indramayu 90,14 persen": a list whose items
 * are a region and its figure(s). Each figure belongs to its own item's region. One region with two figures
 * ("Kabupaten Bintan dengan cakupan 99,01 persen dan keaktifan 81,01 persen") is one item.
 *
 * Pattern: ITEM { ("," | ";" | "dan" | ", serta") ITEM }, at least two items;
 * ITEM = REGION [words | cue]{0,3} VALUE [("dan" | "atau" | "dengan") [words | cue]{0,3} VALUE]
 */
import type { Construction, Pairing } from './types.ts';
import { atListLevel, listLevel, regionOf, textBetween, tokensOf, valueOf } from './types.ts';

/** Longest text between an item's region and its figure: "dengan jumlah capaian" yes, a whole clause no. @default 45 */
export const ITEM_GAP_MAX = 45;

const ITEM = 'R[wQi]{0,3}[PC](?:[&aw][wQ]{0,3}[PC])?';

export const regionValueList: Construction = {
  name: 'region-value-list',
  description: 'A list of items, each a region followed by its own figure(s).',
  pattern: new RegExp(`${ITEM}(?:[,;]&?w?${ITEM}|&w?${ITEM})+`),
  build(m) {
    const ts = tokensOf(m);
    const regions = ts.filter((t) => t.code === 'R');
    const items = regions.map(regionOf);
    const level = listLevel(items);
    const out: Pairing[] = [];
    let current: (typeof ts)[number] | null = null;
    for (const t of ts) {
      if (t.code === 'R') current = t;
      else if ((t.code === 'P' || t.code === 'C') && current) {
        // "Kota Padang tercatat 95,38 persen" yes; a region whose figure stands a sentence-worth later no.
        if (textBetween(m, current, t).length > ITEM_GAP_MAX && !out.some((p) => p.region === regionOf(current!))) return null;
        const r = regionOf(current);
        const entry = atListLevel(r, level, items);
        out.push({ value: valueOf(t), region: r, ...(entry ? { entry } : {}), reasons: ['region:list-item'] });
      }
    }
    return out.length ? out : null;
  },
  examples: [
    {
      text: 'Cakupan kepesertaan JKN di Kota Cirebon tercatat 97,65 persen, Kota Sukabumi mencapai 96,02 persen, Kota Banjar 95,8 persen, dan Kota Depok 94,11 persen.',
      facts: [
        { region: 'Kota Cirebon', metric: 'coverage_pct', value: 97.65 },
        { region: 'Kota Sukabumi', metric: 'coverage_pct', value: 96.02 },
        { region: 'Kota Banjar', metric: 'coverage_pct', value: 95.8 },
        { region: 'Kota Depok', metric: 'coverage_pct', value: 94.11 },
      ],
    },
    {
      text: 'Kabupaten yang cakupannya masih rendah yaitu Lebak dengan capaian 88,3 persen, Pandeglang 90,12 persen dan Serang 91,5 persen.',
      facts: [
        { region: 'Kabupaten Lebak', metric: 'coverage_pct', value: 88.3 },
        { region: 'Kabupaten Pandeglang', metric: 'coverage_pct', value: 90.12 },
        { region: 'Kabupaten Serang', metric: 'coverage_pct', value: 91.5 },
      ],
    },
    {
      text: 'Kabupaten Bangli dengan cakupan 98,2 persen dan keaktifan 80,9 persen, Kabupaten Karangasem dengan cakupan 97,7 persen, serta Kota Denpasar dengan cakupan 99,1 persen.',
      facts: [
        { region: 'Kabupaten Bangli', metric: 'coverage_pct', value: 98.2 },
        { region: 'Kabupaten Bangli', metric: 'active_pct', value: 80.9 },
        { region: 'Kabupaten Karangasem', metric: 'coverage_pct', value: 97.7 },
        { region: 'Kota Denpasar', metric: 'coverage_pct', value: 99.1 },
      ],
    },
    {
      text: 'Tingkat keaktifan peserta JKN di Kabupaten Kudus 82,4 persen, Kabupaten Jepara 79,9 persen dan Kabupaten Pati 77,3 persen.',
      facts: [
        { region: 'Kabupaten Kudus', metric: 'active_pct', value: 82.4 },
        { region: 'Kabupaten Jepara', metric: 'active_pct', value: 79.9 },
        { region: 'Kabupaten Pati', metric: 'active_pct', value: 77.3 },
      ],
    },
    {
      text: 'Peserta JKN terdaftar di Kota Bengkulu sebanyak 371.233 jiwa, Kabupaten Kepahiang 148.920 jiwa dan Kabupaten Mukomuko 170.011 jiwa.',
      facts: [
        { region: 'Kota Bengkulu', metric: 'enrolled_count', value: 371233 },
        { region: 'Kabupaten Kepahiang', metric: 'enrolled_count', value: 148920 },
        { region: 'Kabupaten Mukomuko', metric: 'enrolled_count', value: 170011 },
      ],
    },
  ],
};
