/**
 * "Kabupaten Teluk Wondama dan Kabupaten Pegunungan Arfak masing-masing memiliki 56.740 peserta": one figure for each
 * region of the list; "Kabupaten Sinjai dan Kabupaten Bantaeng masing-masing 99,1 persen dan 98,7 persen": respectively.
 *
 * "Kabupaten A (AA) dan B (BB) juga masih di bawah 98 persen, masing-masing 97,31 persen dan 96,8 persen": a region may
 * carry its abbreviation in brackets, and a threshold the regions are compared with may stand before "masing-masing"
 * (it is no value of the list). "A dan B masing-masing 99,21 persen dan 98,64 persen, dengan keaktifan masing-masing
 * 86,12 persen dan 84,9 persen": a second series after its own "masing-masing" goes to the regions in the same order.
 *
 * The branch that serves them may be named before "masing-masing" ("A dan B yang dilayani Kantor Cabang C masing-masing …").
 *
 * Pattern: REGION ["(" words ")"] { ("," | "dan" | ", dan") REGION ["(" words ")"] }+ [words | cue | branch | ","]{0,4} [GUARD PERCENT [","]]
 *          "masing-masing" [words | cue | "(" word or cue ")"]{0,5} VALUE { ("," | "dan") VALUE }
 *          [ "," [words | cue]{0,3} "masing-masing" [words | cue | "(" word or cue ")"]{0,5} VALUE { ("," | "dan") VALUE } ]
 */
import type { Construction, Pairing } from './types.ts';
import { regionOf, tokensOf, valueOf } from './types.ts';

export const regionListMasingMasing: Construction = {
  name: 'region-list-masing-masing',
  description: '"A dan B masing-masing V" (one figure each) or "masing-masing V1 dan V2" (respectively).',
  pattern: /R(?:\(w\))?(?:,&?R(?:\(w\))?|&R(?:\(w\))?)+[wQB,]{0,4}(?:GP,?)?m(?:[wQ]|\([wQ]\)){0,5}[PC](?:,?&?[PC])*(?:,[wQ]{0,3}m(?:[wQ]|\([wQ]\)){0,5}[PC](?:,?&?[PC])*)?/,
  build(m) {
    const ts = tokensOf(m);
    const mAt = ts.findIndex((t) => t.code === 'm');
    const regions = ts.slice(0, mAt).filter((t) => t.code === 'R').map(regionOf);
    // One series per "masing-masing": "… masing-masing V1 dan V2, dengan keaktifan masing-masing W1 dan W2".
    const marks = ts.flatMap((t, i) => (t.code === 'm' ? [i] : []));
    const out: Pairing[] = [];
    for (const [k, at] of marks.entries()) {
      const values = ts.slice(at, marks[k + 1] ?? ts.length).filter((t) => t.code === 'P' || t.code === 'C').map(valueOf);
      const kind = values[0]!.kind;
      const same = values.filter((v) => v.kind === kind);
      if (same.length === 1) {
        out.push(...values.map((v) => ({ value: v, region: regions[0]!, shared: regions.slice(1), reasons: ['region:list'] })));
        continue;
      }
      if (same.length !== regions.length) return null;
      out.push(...same.map((v, i) => ({ value: v, region: regions[i]!, reasons: ['region:list'] })));
    }
    return out;
  },
  examples: [
    {
      text: 'Kabupaten Boven Digoel dan Kabupaten Mappi masing-masing mencatat cakupan Jaminan Kesehatan Nasional (JKN) 96,4 persen dan 95.8 persen.',
      facts: [
        { region: 'Kabupaten Boven Digoel', metric: 'coverage_pct', value: 96.4 },
        { region: 'Kabupaten Mappi', metric: 'coverage_pct', value: 95.8 },
      ],
    },
    {
      text: 'Di Kabupaten Lanny Jaya dan Kabupaten Tolikara, keaktifan peserta masing-masing baru 57,2 persen dan 60,9 persen.',
      facts: [
        { region: 'Kabupaten Lanny Jaya', metric: 'active_pct', value: 57.2 },
        { region: 'Kabupaten Tolikara', metric: 'active_pct', value: 60.9 },
      ],
    },
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
    // Written for issue 9's class 1: abbreviations in brackets, a threshold before "masing-masing", a second series.
    {
      text: 'Cakupan kepesertaan Kabupaten Sigi dan Kabupaten Donggala masing-masing 98,4 persen dan 97,2 persen, dengan keaktifan masing-masing 81,3 persen dan 77,9 persen.',
      facts: [
        { region: 'Kabupaten Sigi', metric: 'coverage_pct', value: 98.4 },
        { region: 'Kabupaten Donggala', metric: 'coverage_pct', value: 97.2 },
        { region: 'Kabupaten Sigi', metric: 'active_pct', value: 81.3 },
        { region: 'Kabupaten Donggala', metric: 'active_pct', value: 77.9 },
      ],
    },
    {
      text: 'Menurut Dinkes, Kabupaten Lombok Utara (KLU) dan Kabupaten Lombok Tengah (Loteng) masih di bawah 98 persen, masing-masing 96,4 persen dan 97,05 persen.',
      facts: [
        { region: 'Kabupaten Lombok Utara', metric: 'coverage_pct', value: 96.4 },
        { region: 'Kabupaten Lombok Tengah', metric: 'coverage_pct', value: 97.05 },
      ],
    },
    {
      text: 'Kota Ternate dan Kota Tidore Kepulauan masing-masing mencatat 99,6 persen dan 98,9 persen, dengan tingkat keaktifan masing-masing 84 persen dan 79,5 persen.',
      facts: [
        { region: 'Kota Ternate', metric: 'coverage_pct', value: 99.6 },
        { region: 'Kota Tidore Kepulauan', metric: 'coverage_pct', value: 98.9 },
        { region: 'Kota Ternate', metric: 'active_pct', value: 84 },
        { region: 'Kota Tidore Kepulauan', metric: 'active_pct', value: 79.5 },
      ],
    },
    // The next sentence's bare shares restart at coverage, the metric each region's figures opened with.
    {
      text: 'Kota Ternate dan Kota Tidore Kepulauan masing-masing mencatat 99,6 persen dan 98,9 persen, dengan tingkat keaktifan masing-masing 84 persen dan 79,5 persen. Sementara itu, Kabupaten Halmahera Barat mencatat 97,4 persen dan Halmahera Utara 96,8 persen.',
      facts: [
        { region: 'Kota Ternate', metric: 'coverage_pct', value: 99.6 },
        { region: 'Kota Tidore Kepulauan', metric: 'coverage_pct', value: 98.9 },
        { region: 'Kota Ternate', metric: 'active_pct', value: 84 },
        { region: 'Kota Tidore Kepulauan', metric: 'active_pct', value: 79.5 },
        { region: 'Kabupaten Halmahera Barat', metric: 'coverage_pct', value: 97.4 },
        { region: 'Kabupaten Halmahera Utara', metric: 'coverage_pct', value: 96.8 },
      ],
    },
    {
      text: 'Kabupaten Tapanuli Selatan dan Kota Padangsidimpuan yang dilayani Kantor Cabang Padangsidimpuan masing-masing mencatat cakupan 97,8 persen dan 99,1 persen.',
      facts: [
        { region: 'Kabupaten Tapanuli Selatan', metric: 'coverage_pct', value: 97.8 },
        { region: 'Kota Padangsidimpuan', metric: 'coverage_pct', value: 99.1 },
      ],
    },
    // One value after "masing-masing": each region of the list has it, the threshold before it is none of theirs.
    {
      text: 'Kabupaten Sigi dan Kabupaten Donggala masih di bawah 95 persen, masing-masing 93,1 persen.',
      facts: [
        { region: 'Kabupaten Sigi', metric: 'coverage_pct', value: 93.1 },
        { region: 'Kabupaten Donggala', metric: 'coverage_pct', value: 93.1 },
      ],
    },
  ],
};
