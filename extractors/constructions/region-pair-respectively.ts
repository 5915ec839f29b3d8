/**
 * "Kota Dumai dan Kabupaten Siak sudah jauh di depan, yakni 100,2 persen dan 99,47 persen; keaktifan masing-masing 83,6
 * persen dan 88,1 persen": regions named together, then as many shares joined by "dan" (one series, or two with a
 * metric word between): each series goes to the regions in order. The metric of each share stays with its words.
 * A series of another length, or a word of summing ("total", "rata-rata"), is not this construction.
 *
 * Pattern: REGION { "," REGION } "dan" REGION [words | cue]{0,4} ["yakni"] PERCENT { "," PERCENT } "dan" PERCENT
 *          [ (";" | ",") [cue | words]{0,3} ["masing-masing"] PERCENT { "," PERCENT } "dan" PERCENT ]
 */
import type { Construction, Pairing } from './types.ts';
import { regionOf, textBetween, tokensOf, valueOf } from './types.ts';

const TOGETHER = /\b(?:total|gabungan|rata-rata|rerata|secara\s+keseluruhan)\b/iu;

export const regionPairRespectively: Construction = {
  name: 'region-pair-respectively',
  description: 'Regions named together, then one share each in order ("A dan B …, yakni V1 dan V2"), possibly a second series.',
  pattern: /R(?:,R)*,?&R,?[wQi,]{0,5}y?[wQ]{0,2}P(?:,P)*,?&P(?:[;,]&?[wQ]{0,3}m?[wQ]{0,2}P(?:,P)*,?&P)?/,
  build(m) {
    const ts = tokensOf(m);
    const regionToks = ts.filter((t) => t.code === 'R');
    const lastRegion = ts.lastIndexOf(regionToks.at(-1)!);
    const firstValue = ts.findIndex((t) => t.code === 'P');
    if (TOGETHER.test(textBetween(m, regionToks.at(-1)!, ts[firstValue]!))) return null;
    const regions = regionToks.map(regionOf);
    const series: (typeof ts)[] = [[]];
    for (const t of ts.slice(lastRegion + 1)) {
      if (t.code === ';' || (t.code === ',' && series.at(-1)!.length > 0 && ts[ts.indexOf(t) + 1]?.code !== 'P')) series.push([]);
      else if (t.code === 'P') series.at(-1)!.push(t);
    }
    const full = series.filter((s) => s.length > 0);
    if (full.some((s) => s.length !== regions.length)) return null;
    const out: Pairing[] = [];
    for (const s of full) s.forEach((t, i) => out.push({ value: valueOf(t), region: regions[i]!, reasons: ['region:list'] }));
    return out;
  },
  examples: [
    {
      text: 'Kota Batu dan Kabupaten Malang lebih dulu mencapai UHC, yakni cakupan JKN 101,6 persen dan 98,4 persen; keaktifan masing-masing 86,2 persen dan 79,5 persen.',
      facts: [
        { region: 'Kota Batu', metric: 'coverage_pct', value: 101.6 },
        { region: 'Kabupaten Malang', metric: 'coverage_pct', value: 98.4 },
        { region: 'Kota Batu', metric: 'active_pct', value: 86.2 },
        { region: 'Kabupaten Malang', metric: 'active_pct', value: 79.5 },
      ],
    },
    {
      text: 'Cakupan JKN di Kabupaten Blora, Kabupaten Rembang dan Kabupaten Pati yaitu 97,2 persen, 98,1 persen dan 99 persen.',
      facts: [
        { region: 'Kabupaten Blora', metric: 'coverage_pct', value: 97.2 },
        { region: 'Kabupaten Rembang', metric: 'coverage_pct', value: 98.1 },
        { region: 'Kabupaten Pati', metric: 'coverage_pct', value: 99 },
      ],
    },
  ],
};
