/**
 * "cakupan Program JKN mencapai 98,56 persen di Kabupaten Pasaman; 95,66 persen di Kabupaten Pasaman Barat; dan
 * 97,72 persen di Kabupaten Kepulauan Mentawai": a figure followed by "di" and a region belongs to that region,
 * also when a list item's region stands before the next figure.
 *
 * Pattern: VALUE "di" REGION { (";" | "," | "dan") VALUE "di" REGION }
 */
import type { RegionMention } from '../../src/extract/types.ts';
import type { Construction, Pairing } from './types.ts';
import { regionOf, tokensOf, valueOf } from './types.ts';

export const valueDiRegionList: Construction = {
  name: 'value-di-region-list',
  description: 'Figures each followed by "di" and the region they belong to.',
  pattern: /[PC]iR(?:[;,]?&?[PC]iR)*/,
  build(m) {
    const ts = tokensOf(m);
    const out: Pairing[] = [];
    for (let i = 0; i + 2 < ts.length; i++) {
      if ((ts[i]!.code === 'P' || ts[i]!.code === 'C') && ts[i + 1]!.code === 'i' && ts[i + 2]!.code === 'R') {
        out.push({ value: valueOf(ts[i]!), region: regionOf(ts[i + 2]!), reasons: ['region:after-di'] });
      }
    }
    // One item alone, after another region of the sentence, may be where something happened ("Bupati Sleman menerima
    // penghargaan atas capaian kepesertaan UHC 98% di Jakarta"): only a kabupaten/kota inside a province named before
    // is then the figure's.
    if (out.length === 1) {
      const earlier = m.ix.region.last(m.seq.sentence.start, ts[0]!.start, (r: RegionMention) => r.role === 'subject');
      const after = out[0]!.region as RegionMention;
      if (earlier && !(earlier.region.level === 'provinsi' && after.region.provinceCode === earlier.region.code && after.region.level !== 'provinsi')) return null;
    }
    return out.length ? out : null;
  },
  examples: [
    {
      text: 'Menurut data BPJS Kesehatan, cakupan kepesertaan JKN mencapai 97,1 persen di Kabupaten Bantul; 95,2 persen di Kabupaten Kulon Progo; dan 99,3 persen di Kota Yogyakarta.',
      facts: [
        { region: 'Kabupaten Bantul', metric: 'coverage_pct', value: 97.1 },
        { region: 'Kabupaten Kulon Progo', metric: 'coverage_pct', value: 95.2 },
        { region: 'Kota Yogyakarta', metric: 'coverage_pct', value: 99.3 },
      ],
    },
    {
      text: 'Di Provinsi Jawa Tengah, kepesertaan JKN tercatat 96,4 persen di Kabupaten Klaten, 94,8 persen di Kabupaten Boyolali dan 98,1 persen di Kota Surakarta.',
      facts: [
        { region: 'Kabupaten Klaten', metric: 'coverage_pct', value: 96.4 },
        { region: 'Kabupaten Boyolali', metric: 'coverage_pct', value: 94.8 },
        { region: 'Kota Surakarta', metric: 'coverage_pct', value: 98.1 },
      ],
    },
    {
      text: 'Provinsi Bali mencatat tingkat keaktifan peserta 88,2 persen di Kabupaten Tabanan dan 84,6 persen di Kabupaten Jembrana.',
      facts: [
        { region: 'Kabupaten Tabanan', metric: 'active_pct', value: 88.2 },
        { region: 'Kabupaten Jembrana', metric: 'active_pct', value: 84.6 },
      ],
    },
    {
      text: 'Bupati Sleman menerima penghargaan atas capaian kepesertaan UHC 98,2 persen di Jakarta, Selasa.',
      facts: [{ region: 'Kabupaten Sleman', metric: 'coverage_pct', value: 98.2 }],
    },
    {
      text: 'Di Provinsi Nusa Tenggara Barat, cakupan kepesertaan tertinggi tercatat 99,6 persen di Kota Mataram.',
      facts: [{ region: 'Kota Mataram', metric: 'coverage_pct', value: 99.6 }],
    },
    {
      text: 'Sedangkan peserta JKN yang terdaftar mencapai 512.330 jiwa di Kabupaten Lombok Barat.',
      facts: [{ region: 'Kabupaten Lombok Barat', metric: 'enrolled_count', value: 512330 }],
    },
  ],
};
