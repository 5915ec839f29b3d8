/**
 * Examples written for the error classes seen on articles the rules were not written from (none taken from a corpus
 * text): which figure a metric word after a figure governs, lists that carry a metric per bracket position, national
 * figures, shares above 100 percent, categories named as goals. Run by the example runner with SENTENCE_EXAMPLES.
 */
import type { SentenceExample } from './sentences.ts';

export const UNSEEN_EXAMPLES: SentenceExample[] = [
  // A metric word after a figure governs the figure it precedes, not the one before it.
  {
    text: 'Per 1 Mei 2025, Kota Madiun 101,2 persen (keaktifan 84,6 persen) dan Kabupaten Ngawi 97,9 persen (keaktifan 79,1 persen).',
    facts: [
      { region: 'Kota Madiun', metric: 'coverage_pct', value: 101.2 },
      { region: 'Kota Madiun', metric: 'active_pct', value: 84.6 },
      { region: 'Kabupaten Ngawi', metric: 'coverage_pct', value: 97.9 },
      { region: 'Kabupaten Ngawi', metric: 'active_pct', value: 79.1 },
    ],
  },
  {
    text: 'Kabupaten Pacitan yang cakupannya sudah 99,05 persen dengan keaktifan 81,7 persen akan diusulkan menerima penghargaan.',
    facts: [
      { region: 'Kabupaten Pacitan', metric: 'coverage_pct', value: 99.05 },
      { region: 'Kabupaten Pacitan', metric: 'active_pct', value: 81.7 },
    ],
  },
  {
    text: 'Kabupaten Magetan mencatat 98,8 persen dengan keaktifan 83 persen.',
    facts: [
      { region: 'Kabupaten Magetan', metric: 'coverage_pct', value: 98.8 },
      { region: 'Kabupaten Magetan', metric: 'active_pct', value: 83 },
    ],
  },
  // … but a metric word a comma or "dan" closes stays with the figure before it.
  {
    text: 'Di Kabupaten Trenggalek, 512.300 jiwa merupakan peserta aktif, dan 61.200 jiwa lainnya menunggak iuran.',
    facts: [{ region: 'Kabupaten Trenggalek', metric: 'active_count', value: 512300 }],
  },
  // "cakupannya" is coverage, "peserta aktifnya" is activity.
  {
    text: 'Kota Blitar cakupannya 100,3 persen.',
    facts: [{ region: 'Kota Blitar', metric: 'coverage_pct', value: 100.3 }],
  },
  {
    text: 'Di Kabupaten Tulungagung, peserta aktifnya sekitar 880 ribu jiwa atau 79,4 persen.',
    facts: [
      { region: 'Kabupaten Tulungagung', metric: 'active_count', value: 880000 },
      { region: 'Kabupaten Tulungagung', metric: 'active_pct', value: 79.4 },
    ],
  },
  // A list carries each position's metric: the figure outside the brackets coverage, inside activity.
  {
    text: 'Cakupan Kota Tegal mencapai 99,6 persen dengan keaktifan 88,1 persen. Kabupaten Brebes 97,2 persen (keaktifan 77,5 persen), Kabupaten Pemalang 98,4 persen (80,2 persen) dan Kabupaten Batang 99,1 persen (83,9 persen).',
    facts: [
      { region: 'Kota Tegal', metric: 'coverage_pct', value: 99.6 },
      { region: 'Kota Tegal', metric: 'active_pct', value: 88.1 },
      { region: 'Kabupaten Brebes', metric: 'coverage_pct', value: 97.2 },
      { region: 'Kabupaten Brebes', metric: 'active_pct', value: 77.5 },
      { region: 'Kabupaten Pemalang', metric: 'coverage_pct', value: 98.4 },
      { region: 'Kabupaten Pemalang', metric: 'active_pct', value: 80.2 },
      { region: 'Kabupaten Batang', metric: 'coverage_pct', value: 99.1 },
      { region: 'Kabupaten Batang', metric: 'active_pct', value: 83.9 },
    ],
  },
  // A share above 100 percent is no activity, even where the paragraph spoke of activity before.
  {
    text: 'Keaktifan peserta di Provinsi Jambi baru 78,3 persen.\nKota Sungai Penuh sudah 100,9 persen, Kabupaten Tebo 98,6 persen.',
    facts: [
      { region: 'Provinsi Jambi', metric: 'active_pct', value: 78.3 },
      { region: 'Kota Sungai Penuh', metric: 'coverage_pct', value: 100.9 },
      { region: 'Kabupaten Tebo', metric: 'coverage_pct', value: 98.6 },
    ],
  },
  // National figures: the national cue's own figure, and a national scope held through the sentence.
  {
    text: 'Cakupan kepesertaan JKN Provinsi Papua Pegunungan baru 88,4 persen, masih di bawah capaian nasional yang sudah 98,1 persen.',
    facts: [
      { region: 'Provinsi Papua Pegunungan', metric: 'coverage_pct', value: 88.4 },
      { region: 'Indonesia', metric: 'coverage_pct', value: 98.1 },
    ],
  },
  {
    text: 'Angka Provinsi Aceh itu lebih tinggi dari rata-rata nasional 97,9 persen.',
    facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 97.9 }],
  },
  {
    text: 'Secara nasional, BPJS Kesehatan mencatat 280,4 juta peserta atau 98,4 persen penduduk, dengan keaktifan sekitar 79 persen.',
    facts: [
      { region: 'Indonesia', metric: 'enrolled_count', value: 280400000 },
      { region: 'Indonesia', metric: 'coverage_pct', value: 98.4 },
      { region: 'Indonesia', metric: 'active_pct', value: 79 },
    ],
  },
  {
    text: 'Keaktifan Nasional 79,6 Persen, Provinsi Bengkulu Masih Tertinggal',
    facts: [{ region: 'Indonesia', metric: 'active_pct', value: 79.6 }],
  },
  // A line per region: the line's figures are its region's.
  {
    text: 'Capaian per 1 Maret 2025:\n• Kota Ternate — cakupan 99,2 persen, keaktifan 84,1 persen\n• Kabupaten Halmahera Utara — cakupan 97,4 persen, keaktifan 76,8 persen',
    facts: [
      { region: 'Kota Ternate', metric: 'coverage_pct', value: 99.2 },
      { region: 'Kota Ternate', metric: 'active_pct', value: 84.1 },
      { region: 'Kabupaten Halmahera Utara', metric: 'coverage_pct', value: 97.4 },
      { region: 'Kabupaten Halmahera Utara', metric: 'active_pct', value: 76.8 },
    ],
  },
  // Categories named as goals or conditions are not the region's tier.
  { text: 'Kami yakin tahun depan Kabupaten Purworejo bisa masuk kategori Madya.', facts: [], categories: [] },
  { text: 'Kami berharap Kabupaten Kebumen segera meraih UHC, minimal kategori Pratama.', facts: [], categories: [] },
  { text: 'Ia ingin Kabupaten Wonosobo naik kelas ke kategori Utama pada penilaian tahun depan.', facts: [], categories: [] },
  { text: '“Ambang batas kategori Utama adalah keaktifan 85 persen,” ujar Kepala Cabang Magelang.', facts: [], categories: [] },
  { text: 'Keaktifan Kabupaten Temanggung 77,2 persen, di bawah ambang 80 persen kategori Madya.', facts: [{ region: 'Kabupaten Temanggung', metric: 'active_pct', value: 77.2 }], categories: [] },
  // … while a tier the region received stays.
  { text: 'Pada UHC Awards 2025, Kabupaten Banjarnegara meraih kategori Madya.', facts: [], categories: [{ region: 'Kabupaten Banjarnegara', category: 'Madya', year: 2025 }] },
  // A tier that opens its sentence and names its winners after a passive verb is theirs, not a definition.
  {
    text: 'Pada UHC Awards 2026, tiga daerah di Provinsi Riau turut menerima penghargaan. Kategori Utama diraih Kota Pekanbaru, sedangkan kategori Madya diraih Kabupaten Siak dan Kabupaten Kampar.',
    facts: [],
    categories: [
      { region: 'Kota Pekanbaru', category: 'Utama', year: 2026 },
      { region: 'Kabupaten Siak', category: 'Madya', year: 2026 },
      { region: 'Kabupaten Kampar', category: 'Madya', year: 2026 },
    ],
  },
  {
    text: 'Pada UHC Awards 2026 di Provinsi Riau, penghargaan kategori Pratama juga diterima Kabupaten Pelalawan dan Kabupaten Bengkalis.',
    facts: [],
    categories: [
      { region: 'Kabupaten Pelalawan', category: 'Pratama', year: 2026 },
      { region: 'Kabupaten Bengkalis', category: 'Pratama', year: 2026 },
    ],
  },
  { text: 'Kategori Madya diberikan kepada daerah dengan keaktifan peserta di atas 80 persen.', facts: [], categories: [] },
  // Criteria: a share "untuk <tier>", a tier being defined before the figure, a figure joined to a target by "dengan".
  {
    text: 'Kriteria UHC Awards 2026: keaktifan minimal 80 persen untuk Pratama, 85 persen untuk Madya, dan 90 persen untuk Utama.',
    none: 'each share is a tier\'s criterion',
  },
  { text: '“Ambang batas kategori Utama adalah keaktifan 85 persen,” kata Kepala Cabang Banjarmasin.', none: 'a tier defined, not a measurement' },
  {
    text: 'Kabupaten Paser mencatat cakupan 97,3 persen. Sasaran RPJMD pada 2028 adalah cakupan 99 persen dengan keaktifan 82 persen.',
    facts: [{ region: 'Kabupaten Paser', metric: 'coverage_pct', value: 97.3 }],
  },
  {
    text: 'Kabupaten Kutai Barat mencatat cakupan 98,7 persen dengan keaktifan 81,4 persen.',
    facts: [
      { region: 'Kabupaten Kutai Barat', metric: 'coverage_pct', value: 98.7 },
      { region: 'Kabupaten Kutai Barat', metric: 'active_pct', value: 81.4 },
    ],
  },
  // A decimal comma is no clause break: the budget word still governs the people it pays for.
  { text: 'Iuran PBI daerah Kabupaten Mimika tahun 2026 dianggarkan Rp 41,8 miliar untuk 96.500 jiwa.', none: 'the people a budget pays for' },
  {
    text: 'Pemkab Nabire menyiapkan Rp 12,5 miliar. Saat ini peserta JKN di Kabupaten Nabire mencapai 171.200 jiwa.',
    facts: [{ region: 'Kabupaten Nabire', metric: 'enrolled_count', value: 171200 }],
  },
  // A cue opening a bracket after the figure is the bracket's, even where its number carries no "persen".
  {
    text: 'Data BPJS Kesehatan per Juni 2025: Kabupaten Purbalingga 98,92 persen (keaktifan 80,05).',
    facts: [{ region: 'Kabupaten Purbalingga', metric: 'coverage_pct', value: 98.92 }],
  },
  // A year closing a date is no count of provinces.
  {
    text: 'Secara keseluruhan, per 1 Maret 2025 Provinsi Jambi mencatat 3.801.200 peserta JKN atau 99,1 persen dari total penduduk.',
    facts: [
      { region: 'Provinsi Jambi', metric: 'enrolled_count', value: 3801200 },
      { region: 'Provinsi Jambi', metric: 'coverage_pct', value: 99.1 },
    ],
  },
  {
    text: 'Cakupan JKN Provinsi Kalimantan Tengah mencapai 96,4 persen. Angka ini masih sedikit di bawah rata-rata nasional 98,1 persen.',
    facts: [
      { region: 'Provinsi Kalimantan Tengah', metric: 'coverage_pct', value: 96.4 },
      { region: 'Indonesia', metric: 'coverage_pct', value: 98.1 },
    ],
  },
  // A headline's bare verb ("Lampaui", "Tembus") over counted regions is a threshold too.
  { text: 'Cakupan JKN di Empat Kabupaten Selatan Sulteng Lampaui 97 Persen', none: 'counted regions over a level' },
  // A band is a criterion; a figure in a condition's clause is supposed, not measured.
  { text: 'Keaktifan peserta JKN di Kabupaten Kendal berkisar 85 hingga 90 persen.', none: 'a band, no single figure' },
  {
    text: 'Cakupan JKN Kabupaten Demak naik dari 95,1 hingga 98,3 persen.',
    facts: [{ region: 'Kabupaten Demak', metric: 'coverage_pct', value: 98.3 }],
  },
  { text: 'Kalau keaktifan Kabupaten Jepara sudah 85 persen, peluang meraih penghargaan terbuka lebar.', none: 'a supposed figure' },
  {
    text: 'Kalau untuk Kabupaten Kudus sendiri, cakupan JKN 99,2 persen.',
    facts: [{ region: 'Kabupaten Kudus', metric: 'coverage_pct', value: 99.2 }],
  },
  // A sentence that opens with its target speaks of the target.
  { text: 'Target Pemkab Konawe, cakupan 99 persen dan keaktifan 82 persen pada 2026.', none: 'targets, not measurements' },
  {
    text: 'Target 98 persen itu sudah terlampaui: cakupan JKN Kabupaten Kolaka 99,3 persen.',
    facts: [{ region: 'Kabupaten Kolaka', metric: 'coverage_pct', value: 99.3 }],
  },
  // "Keduanya" names the regions of the sentence before.
  {
    text: 'Kota Tarakan mencatat cakupan JKN 99,1 persen, serta Kabupaten Bulungan 100,2 persen. Keduanya meraih kategori Utama pada UHC Awards 2025.',
    facts: [
      { region: 'Kota Tarakan', metric: 'coverage_pct', value: 99.1 },
      { region: 'Kabupaten Bulungan', metric: 'coverage_pct', value: 100.2 },
    ],
    categories: [
      { region: 'Kota Tarakan', category: 'Utama', year: 2025 },
      { region: 'Kabupaten Bulungan', category: 'Utama', year: 2025 },
    ],
  },
  // A bare share for a new region restarts the order the previous region's figures had (coverage first), in the same
  // sentence, in a later sentence or paragraph, and in a bracket opened right after the region.
  {
    text: 'Kota Bitung telah mencapai cakupan JKN 101,3 persen dengan keaktifan 85,4 persen, sedangkan Kabupaten Minahasa Utara 97,6 persen.',
    facts: [
      { region: 'Kota Bitung', metric: 'coverage_pct', value: 101.3 },
      { region: 'Kota Bitung', metric: 'active_pct', value: 85.4 },
      { region: 'Kabupaten Minahasa Utara', metric: 'coverage_pct', value: 97.6 },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN di Kabupaten Gowa mencapai 99,2 persen.\nKepala cabang menyebut keaktifan peserta di Gowa 78,1 persen.\nUntuk daerah lain, Kabupaten Takalar tercatat 97,4 persen dan Kabupaten Jeneponto 96,8 persen.',
    facts: [
      { region: 'Kabupaten Gowa', metric: 'coverage_pct', value: 99.2 },
      { region: 'Kabupaten Gowa', metric: 'active_pct', value: 78.1 },
      { region: 'Kabupaten Takalar', metric: 'coverage_pct', value: 97.4 },
      { region: 'Kabupaten Jeneponto', metric: 'coverage_pct', value: 96.8 },
    ],
  },
  {
    text: 'Capaian JKN lainnya: Kabupaten Purworejo (99,4 persen; keaktifan 82,5 persen), Kabupaten Wonosobo (97,9 persen; keaktifan 79,8 persen) dan Kabupaten Temanggung (98,3 persen).',
    facts: [
      { region: 'Kabupaten Purworejo', metric: 'coverage_pct', value: 99.4 },
      { region: 'Kabupaten Purworejo', metric: 'active_pct', value: 82.5 },
      { region: 'Kabupaten Wonosobo', metric: 'coverage_pct', value: 97.9 },
      { region: 'Kabupaten Wonosobo', metric: 'active_pct', value: 79.8 },
      { region: 'Kabupaten Temanggung', metric: 'coverage_pct', value: 98.3 },
    ],
  },
  // … but a list whose first region's run opened with activity stays activity.
  {
    text: 'Keaktifan peserta JKN di Kabupaten Klaten 84,2 persen, Kabupaten Boyolali 81,9 persen dan Kabupaten Sukoharjo 86 persen.',
    facts: [
      { region: 'Kabupaten Klaten', metric: 'active_pct', value: 84.2 },
      { region: 'Kabupaten Boyolali', metric: 'active_pct', value: 81.9 },
      { region: 'Kabupaten Sukoharjo', metric: 'active_pct', value: 86 },
    ],
  },
  // … and so does a paragraph that speaks only of activity, the coverage having stood in an earlier paragraph.
  {
    text: 'Cakupan JKN Provinsi Jambi sudah 98,2 persen.\nKeaktifan se-provinsi baru 77,4 persen. Kota Jambi lebih baik, 81,6 persen.',
    facts: [
      { region: 'Provinsi Jambi', metric: 'coverage_pct', value: 98.2 },
      { region: 'Provinsi Jambi', metric: 'active_pct', value: 77.4 },
      { region: 'Kota Jambi', metric: 'active_pct', value: 81.6 },
    ],
  },
  // A sum or an average over regions named before and referred back to is no region's own (README rule 4) …
  {
    text: 'Kota Salatiga mencatat cakupan JKN 100,4 persen dan Kabupaten Semarang 98,6 persen. Total peserta di dua daerah itu mencapai 1,2 juta jiwa, dengan rata-rata keaktifan 80,7 persen.',
    facts: [
      { region: 'Kota Salatiga', metric: 'coverage_pct', value: 100.4 },
      { region: 'Kabupaten Semarang', metric: 'coverage_pct', value: 98.6 },
    ],
  },
  // … but a figure the referring words give to each region is theirs.
  {
    text: 'Di Jawa Tengah, baru Kota Magelang dan Kota Surakarta yang mencatat cakupan JKN penuh. Kedua kota tersebut 100 persen penduduknya terdaftar.',
    facts: [
      { region: 'Kota Magelang', metric: 'coverage_pct', value: 100 },
      { region: 'Kota Surakarta', metric: 'coverage_pct', value: 100 },
    ],
  },
  // The venue of an award ceremony is no winner.
  {
    text: 'Pada UHC Awards 2025 yang diserahkan di Surabaya, Kabupaten Gresik dan Kabupaten Lamongan meraih kategori Madya.',
    categories: [
      { region: 'Kabupaten Gresik', category: 'Madya', year: 2025 },
      { region: 'Kabupaten Lamongan', category: 'Madya', year: 2025 },
    ],
  },
  // A figure its own population word names is the population, after the unregistered words too …
  {
    text: 'Cakupan JKN Kabupaten Garut 96,9 persen. Masih ada sekitar 81 ribu warga Garut yang belum terdaftar dari total penduduk 2,71 juta jiwa.',
    facts: [
      { region: 'Kabupaten Garut', metric: 'coverage_pct', value: 96.9 },
      { region: 'Kabupaten Garut', metric: 'population', value: 2710000 },
    ],
  },
  // … but the unregistered count itself stays out, with or without a population word after it.
  {
    text: 'Di Kabupaten Sumedang masih ada 24.500 penduduk yang belum terdaftar sebagai peserta JKN.',
    none: 'an unregistered count',
  },
  // A region said to belong to a branch area keeps its own figure; the branch area's figure stays out.
  {
    text: 'Kabupaten Tapanuli Utara, yang masuk wilayah kerja cabang Sibolga, tercatat memiliki cakupan JKN 97,6 persen.',
    facts: [{ region: 'Kabupaten Tapanuli Utara', metric: 'coverage_pct', value: 97.6 }],
  },
  { text: 'Peserta JKN di wilayah kerja BPJS Kesehatan Cabang Sibolga mencapai 1,1 juta jiwa.', none: 'a branch area total' },
];
