/**
 * Sentence-level examples of the whole engine: text -> facts (region, metric, value, asOf) or no fact,
 * each with the rule it protects. Most are real sentences of the dev corpus; the rest are written the way
 * Indonesian regional news writes. A new case is one line.
 */
import type { Metric } from '../src/types.ts';

export interface SentenceExample {
  text: string;
  /** Every fact the engine must return (and no other); `asOf` is checked when given. */
  facts?: { region: string; metric: Metric; value: number; asOf?: string | null }[];
  /** Categories the engine must return (and no other). */
  categories?: { region: string; category: string; year?: number | null }[];
  /** Why nothing may come out. */
  none?: string;
  published?: string;
  /** A known gap: kept so that fixing it shows. */
  gap?: string;
}

export const SENTENCE_EXAMPLES: SentenceExample[] = [
  // Coverage, count and population in one sentence (s005).
  {
    text: 'Hilman menyebut data terkini per 1 Mei 2025 dari 590.393 penduduk di Kabupaten Banjar yang sudah menjadi peserta BPJS kesehatan sebesar 581.578 jiwa atau 99,47 persen.',
    facts: [
      { region: 'Kabupaten Banjar', metric: 'population', value: 590393, asOf: '2025-05-01' },
      { region: 'Kabupaten Banjar', metric: 'enrolled_count', value: 581578, asOf: '2025-05-01' },
      { region: 'Kabupaten Banjar', metric: 'coverage_pct', value: 99.47, asOf: '2025-05-01' },
    ],
  },
  {
    text: 'Hilman membeberkan cakupan peserta BPJS aktif di Kabupaten Banjar sebesar 472.638 atau 80,05 persen.',
    facts: [
      { region: 'Kabupaten Banjar', metric: 'active_count', value: 472638, asOf: null },
      { region: 'Kabupaten Banjar', metric: 'active_pct', value: 80.05, asOf: null },
    ],
  },
  {
    text: 'Menurut data terbaru, 98,8% penduduk HST—sekitar 105.544 jiwa—sudah terdaftar dalam program JKN per Juni 2024.',
    facts: [
      { region: 'Kabupaten Hulu Sungai Tengah', metric: 'coverage_pct', value: 98.8, asOf: '2024-06' },
      { region: 'Kabupaten Hulu Sungai Tengah', metric: 'enrolled_count', value: 105544, asOf: '2024-06' },
    ],
  },
  { text: '“Keanggotaan BPJS di Kabupaten Banjar sudah melampaui 94 persen syarat minimal untuk UHC” ujarnya.', none: 'a threshold ("syarat minimal") is not a measurement' },
  { text: 'Award tersebut diberikan kepada Kepala Daerah Provinsi dan Kabupaten/Kota yang telah mencapai cakupan kepesertaan minimal 95 persen peserta Jaminan Kesehatan Nasional (JKN).', none: 'a criterion ("minimal 95 persen")' },
  { text: 'Beliau mengungkapkan bahwa cakupan kepesertaan JKN di Papua Barat telah mencapai 93,05 persen, melampaui target nasional sebesar 98,24 persen.', facts: [{ region: 'Provinsi Papua Barat', metric: 'coverage_pct', value: 93.05, asOf: null }] },
  { text: 'Selamat untuk 22 provinsi dan 334 kabupaten/kota dengan cakupan kepesertaannya menjadi lebih dari 95% total penduduk.', none: 'a figure about counted groups of regions, not one region' },
  { text: 'Masih ada sekitar 11 persen peserta tidak aktif di Sulawesi Tengah, terdiri atas peserta menunggak 135 ribu orang dan peserta non aktif 280 ribu orang.', none: 'inactive participants are not coverage' },
  { text: 'Lalu pekerja penerima upah (PPU) di Maluku sebanyak 379.393 peserta, peserta mandiri (PBPU) 115.457 peserta.', none: 'participant segments (PPU, PBPU) are not enrolment figures' },
];
