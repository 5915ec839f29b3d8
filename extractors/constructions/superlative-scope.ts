/**
 * "Capaian kepesertaan Kabupaten Lampung Utara menjadi yang tertinggi di Provinsi Lampung yaitu 98,9%": the region
 * after "tertinggi / terendah di" is the scope of the ranking, the figure is the ranked region's.
 *
 * (The engine reads the scope region as a location, so the fallback would also skip it; this names the construction.)
 *
 * Pattern: REGION words("… tertinggi|terendah|terbaik|paling …") "di" REGION ["," | "yaitu" | words]{0,3} VALUE
 */
import type { Construction } from './types.ts';
import { regionOf, textOf, tokensOf, valueOf } from './types.ts';

const RANK = /\b(?:ter(?:tinggi|endah|rendah|besar|kecil|baik|buruk|banyak|sedikit|atas)|paling\s+\p{L}+)\b[^]*$/iu;

export const superlativeScope: Construction = {
  name: 'superlative-scope',
  description: 'A region ranked "tertinggi/terendah di" a wider region: the figure is the ranked region\'s.',
  pattern: /R[wQ]{1,2}i[RB][,y:w]{0,3}[PC]/,
  build(m) {
    const ts = tokensOf(m);
    const iAt = ts.findIndex((t) => t.code === 'i');
    if (!ts.slice(1, iAt).some((t) => t.code === 'w' && RANK.test(textOf(m, t)))) return null;
    const v = ts.at(-1)!;
    return [{ value: valueOf(v), region: regionOf(ts[0]!), reasons: ['region:ranked'] }];
  },
  examples: [
    {
      text: 'Capaian kepesertaan Kabupaten Pringsewu menjadi yang tertinggi di Provinsi Lampung yaitu 99,2%.',
      facts: [{ region: 'Kabupaten Pringsewu', metric: 'coverage_pct', value: 99.2 }],
    },
    {
      text: 'Sementara itu, kepesertaan di Kabupaten Mesuji menjadi yang terendah di Provinsi Lampung, yaitu 61,4%.',
      facts: [{ region: 'Kabupaten Mesuji', metric: 'coverage_pct', value: 61.4 }],
    },
    {
      text: 'Berdasarkan data BPJS Kesehatan, kepesertaan tertinggi di Kabupaten Bone Bolango 100,4 persen.',
      facts: [{ region: 'Kabupaten Bone Bolango', metric: 'coverage_pct', value: 100.4 }],
    },
    {
      text: 'Jawa Tengah mencatat cakupan kepesertaan JKN 98,1 persen. Dengan jumlah penduduk terbanyak ketiga di Indonesia sekitar 37,9 juta jiwa, capaian itu tidak mudah.',
      facts: [
        { region: 'Provinsi Jawa Tengah', metric: 'coverage_pct', value: 98.1 },
        { region: 'Provinsi Jawa Tengah', metric: 'population', value: 37900000 },
      ],
    },
    {
      text: 'Keaktifan peserta di Kota Kupang paling rendah di Nusa Tenggara Timur, hanya 68,3 persen.',
      facts: [{ region: 'Kota Kupang', metric: 'active_pct', value: 68.3 }],
    },
  ],
};
