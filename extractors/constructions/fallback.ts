/**
 * The last and least trusted construction: no pattern of its own. A figure that no other construction paired gets
 * the engine's cascade (src/extract/engine.ts `pickRegion`, the metric chain): the nearest subject region before it in
 * its sentence, after it, earlier in the paragraph, a heading line, the article's main region; the cue words of its
 * clause, the list it continues, the last metric named. Its fact carries `construction:fallback`.
 */
import type { Construction } from './types.ts';

export const fallback: Construction = {
  name: 'fallback',
  description: "The engine's cascade for figures no construction paired.",
  pattern: /(?!)/,
  build: () => null,
  examples: [
    // A list's lines measure what the line introducing them says.
    {
      text: 'Tingkat keaktifan peserta JKN per daerah sebagai berikut:\n- Kabupaten Tapin: 83,4 persen\n- Kabupaten Banjar: 79,8 persen',
      facts: [
        { region: 'Kabupaten Tapin', metric: 'active_pct', value: 83.4 },
        { region: 'Kabupaten Banjar', metric: 'active_pct', value: 79.8 },
      ],
    },
    // A paragraph that refers back to the participants counted in the paragraph before takes its region (here the nation's).
    {
      text: 'Kabupaten Ende terus mendata warganya.\nSecara nasional, peserta JKN per Juni 2025 tercatat 279,8 juta jiwa.\nDari seluruh peserta itu, yang berstatus aktif sekitar 81 persen.',
      facts: [
        { region: 'Indonesia', metric: 'enrolled_count', value: 279800000 },
        { region: 'Indonesia', metric: 'active_pct', value: 81 },
      ],
    },
    // "dengan N di antaranya …": a part of the figure before, with its own metric.
    {
      text: 'Sebanyak 402.118 warga Kabupaten Kuningan telah terdaftar sebagai peserta JKN, dengan 331.540 di antaranya berstatus aktif.',
      facts: [
        { region: 'Kabupaten Kuningan', metric: 'enrolled_count', value: 402118 },
        { region: 'Kabupaten Kuningan', metric: 'active_count', value: 331540 },
      ],
    },
    // An interview: the question names the region and the metric of the answer below it.
    {
      text: 'Kabupaten Lamongan dan Kabupaten Gresik sama-sama mengejar UHC.\nBerapa keaktifan peserta JKN di Lamongan sekarang?\nPer Maret 2025 sekitar 81,4 persen.\nBagaimana dengan cakupan kepesertaan di Gresik?\nSudah 99,2 persen.',
      facts: [
        { region: 'Kabupaten Lamongan', metric: 'active_pct', value: 81.4 },
        { region: 'Kabupaten Gresik', metric: 'coverage_pct', value: 99.2 },
      ],
    },
    {
      text: 'Kabupaten Jayawijaya terus menambah peserta.\nBerapa cakupan JKN secara nasional saat ini?\nSekitar 98,1 persen dari penduduk.',
      facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 98.1 }],
    },
    // A region referred back to by its level: the last region of that level, not the last region named.
    {
      text: 'Kota Sungai Penuh berada di tengah Kabupaten Kerinci. Cakupan kepesertaan JKN di kota itu mencapai 99,71 persen.',
      facts: [{ region: 'Kota Sungai Penuh', metric: 'coverage_pct', value: 99.71 }],
    },
    {
      text: 'Kabupaten Pakpak Bharat, hasil pemekaran dari Kabupaten Dairi, terus menambah peserta. Jumlah peserta JKN di kabupaten itu 48.210 jiwa.',
      facts: [{ region: 'Kabupaten Pakpak Bharat', metric: 'enrolled_count', value: 48210 }],
    },
    {
      text: 'Kabupaten Pesawaran bertetangga dengan Kota Bandar Lampung. Di kabupaten tersebut, cakupan JKN sudah 98,9 persen.',
      facts: [{ region: 'Kabupaten Pesawaran', metric: 'coverage_pct', value: 98.9 }],
    },
    {
      text: 'Cakupan kepesertaan JKN di Kabupaten Sumbawa Barat telah mencapai 99,2 persen.',
      facts: [{ region: 'Kabupaten Sumbawa Barat', metric: 'coverage_pct', value: 99.2 }],
    },
    {
      text: 'Kepala BPJS Kesehatan Cabang Mataram mengatakan, cakupan kepesertaan JKN di Kabupaten Lombok Utara mencapai 97,6 persen.',
      facts: [{ region: 'Kabupaten Lombok Utara', metric: 'coverage_pct', value: 97.6 }],
    },
    // The place a speaker's office is named for owns no figure (class 5).
    {
      text: 'Kepala BPJS Kesehatan Cabang Kota Kediri mengatakan, cakupan kepesertaan JKN di Kabupaten Nganjuk sudah mencapai 97,8 persen.',
      facts: [{ region: 'Kabupaten Nganjuk', metric: 'coverage_pct', value: 97.8 }],
    },
    {
      text: 'Kepala BPJS Kesehatan Cabang Kota Kediri mengatakan, cakupan kepesertaan JKN sudah mencapai 97,8 persen di wilayah kerjanya.',
      none: "a branch's work area is no region, and the office's city does not own the figure",
    },
    {
      text: '“Cakupan kepesertaan JKN di Kabupaten Bondowoso sudah 97,4 persen,” kata Kepala BPJS Kesehatan Cabang Jember, Yessi.',
      facts: [{ region: 'Kabupaten Bondowoso', metric: 'coverage_pct', value: 97.4 }],
    },
    {
      text: 'Menurut Kepala BPJS Kesehatan Cabang Kota Malang, tingkat keaktifan peserta di Kabupaten Malang baru 76,5 persen.',
      facts: [{ region: 'Kabupaten Malang', metric: 'active_pct', value: 76.5 }],
    },
  ],
};
