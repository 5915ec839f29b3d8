/**
 * Sentence-level examples of the whole engine: text -> facts (region, metric, value, asOf) or no fact,
 * each with the rule it protects. The first part are real sentences of the dev corpus (copied exactly; a text
 * of several lines when the region or date sits in an earlier line); the rest are written the way Indonesian
 * regional news writes. A new case is one line.
 *
 * A `gap` is compared on (region, metric, value) only, so a wrong `asOf` or a wrong category cannot be a gap yet:
 * such examples leave `asOf` unchecked and say in a comment what the engine gets wrong.
 */
import type { Metric } from '../src/types.ts';
import { UNSEEN_EXAMPLES } from './sentences-unseen.ts';

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
  // Categories that are no region's tier (issue 9 class 9): a criteria sentence, a goal, another grading.
  {
    text: 'Kabupaten Klungkung meraih UHC Awards 2026 kategori Madya. Kepala Dinas Kesehatan Bali menjelaskan, kriteria kategori Utama adalah cakupan minimal 98 persen dan keaktifan minimal 85 persen.',
    categories: [{ region: 'Kabupaten Klungkung', category: 'Madya', year: 2026 }],
  },
  { text: 'Pemkab Jembrana Bidik UHC Awards Kategori Utama', categories: [] },
  {
    text: 'Kota Denpasar meraih UHC Awards 2026 kategori Utama lantaran memenuhi kriteria penilaian pemda UHC Awards.',
    categories: [{ region: 'Kota Denpasar', category: 'Utama', year: 2026 }],
  },
  {
    text: 'Kabupaten Gianyar meraih UHC Awards 2026 kategori Pratama. Seluruh puskesmas di Gianyar kini telah terakreditasi, tujuh di antaranya dengan predikat Paripurna.',
    categories: [{ region: 'Kabupaten Gianyar', category: 'Pratama', year: 2026 }],
  },

  // ---------------------------------------------------------------------------------------------
  // Real sentences of the dev corpus (corpus/dev/*.json), copied exactly. A text is one sentence, one
  // paragraph, or a few lines joined with "\n" when the region or date lives in an earlier line.
  // ---------------------------------------------------------------------------------------------

  // d001: Kalimantan Tengah, UHC Award 2026.
  {
    text: 'Jakarta – Pemerintah Provinsi Kalimantan Tengah (Pemprov Kalteng) menerima Penghargaan Universal Health Coverage (UHC) Award 2026 kategori Madya dalam kegiatan yang digelar di Jakarta International Expo (JIEXPO) Kemayoran, Selasa (27/1/2026).',
    facts: [],
    categories: [{ region: 'Provinsi Kalimantan Tengah', category: 'Madya', year: 2026 }],
  },
  {
    text: 'Berdasarkan data hingga 31 Desember 2025, cakupan kepesertaan JKN di Kalimantan Tengah tercatat mencapai 100,18 persen. Dari jumlah tersebut, tingkat keaktifan peserta berada pada angka 85,24 persen.',
    facts: [
      { region: 'Provinsi Kalimantan Tengah', metric: 'coverage_pct', value: 100.18, asOf: '2025-12-31' },
      { region: 'Provinsi Kalimantan Tengah', metric: 'active_pct', value: 85.24, asOf: '2025-12-31' },
    ],
  },
  { text: 'Dari jumlah tersebut, tingkat keaktifan peserta berada pada angka 85,24 persen.', none: 'no region in the sentence alone (Kalimantan Tengah is in the sentence before it)' },
  {
    text: 'Dalam pembiayaan program JKN, Pemerintah Provinsi Kalimantan Tengah bersama pemerintah pusat menanggung iuran peserta Penerima Bantuan Iuran (PBI) sebanyak 603.075 jiwa. Selain itu, pemerintah provinsi juga menanggung secara mandiri iuran PBI untuk segmen Peserta Bukan Penerima Upah (PBPU) dan Peserta Bukan Pekerja (BP) sebanyak 48.631 jiwa.',
    none: 'segment counts (PBI, PBPU/BP) are not enrolment figures',
  },
  {
    text: 'Kategori Madya pada UHC Award mensyaratkan cakupan kepesertaan JKN di atas 95 persen, tingkat keaktifan peserta minimal 85 persen setiap bulan, serta kontribusi pemerintah daerah melalui pembayaran iuran tambahan bagi PBI paling sedikit 18 persen dari jumlah penduduk.',
    none: 'a category definition: criteria, not measurements, and no region holds the tier',
  },

  // d002: Kalimantan Timur, UHC Award 2023.
  { text: 'Penyerahan UHC Award 2023 diberikan kepada 22 Kepala Daerah Provinsi dan 334 Kabupaten/Kota se-Indonesia.', none: 'counts of award winners (regions), not people' },
  {
    text: 'Adapun beberapa kabupaten/kota di Kaltim yang berhasil meraih UHC Award Tahun 2023 di antaranya Berau, Penajam Paser Utara (PPU), Paser, Samarinda, Balikpapan, Bontang, Kutai Timur (Kutim) dan Mahakam Ulu.',
    none: 'a list of award winners without figures or tiers',
  },
  {
    text: 'Diketahui, cakupan peserta JKN di PPU mencapai 96,77 persen dari total jumlah penduduk yang ada. Pengguna aktif JKN KIS di PPU per Maret 2023 terdata sebanyak 180.943 jiwa dari total jumlah penduduk PPU yang mencapai 188.923 jiwa.',
    facts: [
      // Rule 5: dates do not carry backward, so the 96,77 stays undated.
      { region: 'Kabupaten Penajam Paser Utara', metric: 'coverage_pct', value: 96.77, asOf: null },
      { region: 'Kabupaten Penajam Paser Utara', metric: 'active_count', value: 180943, asOf: '2023-03' },
      { region: 'Kabupaten Penajam Paser Utara', metric: 'population', value: 188923, asOf: '2023-03' },
    ],
  },
  {
    text: 'Sementara Samarinda, terhitung sebanyak 837.890 penduduk telah terdaftar sebagai peserta Program JKN dari total jumlah penduduk ',
    facts: [{ region: 'Kota Samarinda', metric: 'enrolled_count', value: 837890, asOf: null }],
  },

  // d003: Kalimantan Barat, run-on lists of kabupaten.
  {
    text: 'Kabupaten Sambas merupakan kabupaten dengan kepesertaan terendah yaitu 67,48 persen atau baru sekitar 432 ribu peserta JKN yang terdaftar.',
    facts: [
      { region: 'Kabupaten Sambas', metric: 'coverage_pct', value: 67.48, asOf: null },
      { region: 'Kabupaten Sambas', metric: 'enrolled_count', value: 432000, asOf: null },
    ],
  },
  {
    text: 'TRIBUNPONTIANAK.CO.ID, PONTIANAK - Kepala Badan Penyelenggara Jaminan Sosial ( BPJS ) Kesehatan Cabang Pontianak, Desvita Yanni mengatakan saat ini capaian kepesertaan Jaminan Kesehatan Nasional ( JKN ) khusus provinsi Kalimantan Barat baru mencapai 78,30 persen.',
    facts: [{ region: 'Provinsi Kalimantan Barat', metric: 'coverage_pct', value: 78.3, asOf: null }],
  },
  {
    text: 'Saat ini Kabupaten Kayong Utara merupakan kabupaten dengan capaian kepesertaan tertinggi yaitu 99,92 persen.',
    facts: [{ region: 'Kabupaten Kayong Utara', metric: 'coverage_pct', value: 99.92, asOf: null }],
  },
  {
    text: '"Total kepesertaan JKN-KIS saat ini sudah mencapai 4.292.369 dari penduduk yang ada di Kalbar atau diposisi 78,30 persen. Kabupaten Kayong Utara merupakan kabupaten dengan kepesertaan tertinggi yaitu 98,92 persen dengan jumlah 127 ribu peserta JKN," ujarnya.',
    facts: [
      { region: 'Provinsi Kalimantan Barat', metric: 'enrolled_count', value: 4292369, asOf: null },
      { region: 'Provinsi Kalimantan Barat', metric: 'coverage_pct', value: 78.3, asOf: null },
      { region: 'Kabupaten Kayong Utara', metric: 'coverage_pct', value: 98.92, asOf: null },
      { region: 'Kabupaten Kayong Utara', metric: 'enrolled_count', value: 127000, asOf: null },
    ],
  },
  {
    text: 'Sementara 13 kabupaten lainnya berada direntang 95 persen kebawah. Kabupaten Landak menempati urutan kedua yaitu 388.540 peserta JKN dengan persentase 95,90 persen.',
    facts: [
      { region: 'Kabupaten Landak', metric: 'enrolled_count', value: 388540, asOf: null },
      { region: 'Kabupaten Landak', metric: 'coverage_pct', value: 95.9, asOf: null },
    ],
  },
  { text: 'Sementara 13 kabupaten lainnya berada direntang 95 persen kebawah.', none: 'a band over a group of regions ("13 kabupaten … 95 persen kebawah"), not one region\'s figure' },
  {
    text: 'Kabupaten Ketapang sudah menjangkau 469 ribu peserta atau 81,50 persen, Kabupaten Kubu Raya mencapai 274.898 atau 77,70 persen, Kabupaten Mempawah 75,49 persen dengan 232.987 peserta JKN yang terdaftar.',
    facts: [
      { region: 'Kabupaten Ketapang', metric: 'enrolled_count', value: 469000, asOf: null },
      { region: 'Kabupaten Ketapang', metric: 'coverage_pct', value: 81.5, asOf: null },
      { region: 'Kabupaten Kubu Raya', metric: 'enrolled_count', value: 274898, asOf: null },
      { region: 'Kabupaten Kubu Raya', metric: 'coverage_pct', value: 77.7, asOf: null },
      { region: 'Kabupaten Mempawah', metric: 'coverage_pct', value: 75.49, asOf: null },
      { region: 'Kabupaten Mempawah', metric: 'enrolled_count', value: 232987, asOf: null },
    ],
  },
  {
    text: 'Sedangkan Kota Pontianak dengan 673.129 penduduk baru 498.549 penduduk yang terdaftar menjadi peserta JKN atau sebesar 74,06 persen dan Kota Singkawang mencapai 80,76 persen dengan kepesertaan sekitar 194 ribu penduduk.',
    facts: [
      { region: 'Kota Pontianak', metric: 'population', value: 673129, asOf: null },
      { region: 'Kota Pontianak', metric: 'enrolled_count', value: 498549, asOf: null },
      { region: 'Kota Pontianak', metric: 'coverage_pct', value: 74.06, asOf: null },
      { region: 'Kota Singkawang', metric: 'coverage_pct', value: 80.76, asOf: null },
      { region: 'Kota Singkawang', metric: 'enrolled_count', value: 194000, asOf: null },
    ],
  },
  {
    text: 'Kabupaten Bengkayang kepesertaan JKN sekitar 71,93 persen, Kabupaten Sanggau 69,03 persen, Kabupaten Sintang 89,19 persen, Kabupaten Kapuas Hulu 77,87 persen, Kabupaten Melawi 86,01 persen dan kabupaten Sekadau 73,55 persen.',
    facts: [
      { region: 'Kabupaten Bengkayang', metric: 'coverage_pct', value: 71.93, asOf: null },
      { region: 'Kabupaten Sanggau', metric: 'coverage_pct', value: 69.03, asOf: null },
      { region: 'Kabupaten Sintang', metric: 'coverage_pct', value: 89.19, asOf: null },
      { region: 'Kabupaten Kapuas Hulu', metric: 'coverage_pct', value: 77.87, asOf: null },
      { region: 'Kabupaten Melawi', metric: 'coverage_pct', value: 86.01, asOf: null },
      { region: 'Kabupaten Sekadau', metric: 'coverage_pct', value: 73.55, asOf: null },
    ],
  },

  // d004: Kalimantan Utara.
  { text: 'UHC Kaltara Capai 99,22 Persen, Lampaui Target RPJMN', facts: [{ region: 'Provinsi Kalimantan Utara', metric: 'coverage_pct', value: 99.22, asOf: null }] },
  {
    text: 'KAYANTARA.COM, TANJUNG SELOR – Pemerintah Provinsi (Pemprov) Kalimantan Utara (Kaltara) mencapai capaian signifikan dalam bidang kesehatan dengan meraih cakupan UHC (Universal Health Coverage) Kaltara per 1 Agustus 2025 sudah mencapai 99,22 persen, Selasa (2/9).',
    facts: [{ region: 'Provinsi Kalimantan Utara', metric: 'coverage_pct', value: 99.22, asOf: '2025-08-01' }],
  },
  {
    text: 'Berdasarkan data ini tertinggi di Kabupaten Malinau 100,56 persen, kemudian Kabupaten Bulungan sekitar 99,7 persen, Kabupaten Nunukan 97,7 persen, Kota Tarakan 99,77 persen dan Kabupaten Tana Tidung 99,06 persen, dan keaktifan BPJS Kesehatan Kaltara 84,12 persen.',
    facts: [
      { region: 'Kabupaten Malinau', metric: 'coverage_pct', value: 100.56, asOf: null },
      { region: 'Kabupaten Bulungan', metric: 'coverage_pct', value: 99.7, asOf: null },
      { region: 'Kabupaten Nunukan', metric: 'coverage_pct', value: 97.7, asOf: null },
      { region: 'Kota Tarakan', metric: 'coverage_pct', value: 99.77, asOf: null },
      { region: 'Kabupaten Tana Tidung', metric: 'coverage_pct', value: 99.06, asOf: null },
      { region: 'Provinsi Kalimantan Utara', metric: 'active_pct', value: 84.12, asOf: null },
    ],
  },
  {
    text: '“Kalau kita lihat bahwa untuk cakupan peserta Provinsi Kalimantan Utara itu sebenarnya sudah di atas Rencana Pembangunan Jangka Menengah Nasional (RPJMN) 98,6 persen, jadi kita sudah diatas target,” ucap Usman.',
    none: 'the RPJMN figure is a national target, not the province\'s measurement',
  },
  {
    text: 'Bebernya, pada keaktifan peserta JKN BPJS Kesehatan bahkan sudah mencapai diatas rata-rata target nasional, yakni untuk cakupan keaktifan peserta target nasional diatas 80 persen.',
    none: 'a national target for activity ("target nasional diatas 80 persen")',
  },
  { text: '“Tapi kita targetnya sudah diatas 84,12 persen, jadi sudah rata – rata diatas,” jelasnya.', none: 'said as a target ("targetnya"), and no region in the sentence' },
  {
    text: '“Mudah – mudahan kita bisa mencapai UHC diatas 98 persen, itu terkait dengan cakupan dan keaktifan. Jadi intinya kita sudah diatas rata – rata nasional,” ujar Usman.',
    none: 'a hope ("Mudah – mudahan … bisa mencapai"), not a measurement',
  },

  // d005: Sulawesi Utara.
  {
    text: 'Manado (ANTARA) - Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan berharap peserta Jaminan Kesehatan Nasional (JKN) yang ada di 15 kabupaten dan kota di Sulawesi Utara (Sulut) minimal sudah mencapai 98 persen.',
    none: 'a hoped-for minimum ("berharap … minimal … 98 persen") over 15 regions',
  },
  {
    text: '"Masih terdapat dua kabupaten yang capaiannya (kepesertaan) di bawah 98 persen yaitu Kabupaten Bolaang Mongondow dan Kabupaten Bolaang Mongondow Utara," kata Deputi Direksi BPJS Kesehatan Wilayah 10 Octavianus Ramba di Manado, Senin.',
    none: 'a threshold ("di bawah 98 persen"), not a measurement',
  },
  {
    text: 'Dia mengatakan capaian kepesertaan JKN di Kabupaten Bolaang Mongondow angkanya belum mencapai 95 persen tepatnya 90,47 persen, sementara Kabupaten Bolaang Mongondow Utara sudah mencapai 95 persen.',
    // Rule 3: a threshold restated as reached ("sudah mencapai 95 persen") is not a measurement.
    facts: [{ region: 'Kabupaten Bolaang Mongondow', metric: 'coverage_pct', value: 90.47, asOf: null }],
  },
  {
    text: 'Dia berharap kepesertaan JKN semua kabupaten dan kota di provinsi ujung utara tersebut sudah mencapai angka 98 persen pada tahun 2024.',
    none: 'a hope for 2024 ("berharap … pada tahun 2024"), a target',
  },
  {
    text: 'Kenapa harus mencapai 98, Octavianus mengatakan hal itu sesuai dengan Rencana Pembangunan Jangka Menengah Nasional (RPJMN) pemerintahan saat ini. "paling lambat tahun 2024 ini minimal 98 persen penduduk Indonesia itu teregistrasi menjadi peserta JKN ," ucapnya.',
    none: 'the RPJMN target ("paling lambat tahun 2024 ini minimal 98 persen")',
  },
  {
    text: 'Octavianus menambahkan apabila melihat data jumlah penduduk Provinsi Sulut sekitar 2,6 juta maka peserta JKN di provinsi tersebut sudah mencapai 2,7 juta atau lebih dari 100 persen penduduk Sulut sudah teregistrasi sebagai peserta JKN.',
    facts: [
      { region: 'Provinsi Sulawesi Utara', metric: 'population', value: 2600000, asOf: null },
      { region: 'Provinsi Sulawesi Utara', metric: 'enrolled_count', value: 2700000, asOf: null },
      { region: 'Provinsi Sulawesi Utara', metric: 'coverage_pct', value: 100, asOf: null },
    ],
  },
  {
    text: '"Pertanyaannya, kenapa lebih dari 100 persen karena kemungkinan besar penduduk dari luar Sulut teregistrasi sebagai peserta JKN di provinsi ini. Angkanya sudah mencapai 2,7 juta orang atau sekitar 101,89 persen ," katanya.',
    // Rule 3: "lebih dari 100 persen" counts with its stated number, beside the exact 101,89 (rule 2).
    facts: [
      { region: 'Provinsi Sulawesi Utara', metric: 'coverage_pct', value: 100, asOf: null },
      { region: 'Provinsi Sulawesi Utara', metric: 'enrolled_count', value: 2700000, asOf: null },
      { region: 'Provinsi Sulawesi Utara', metric: 'coverage_pct', value: 101.89, asOf: null },
    ],
  },

  // d006: Sulawesi Utara, UHC Awards 2026.
  {
    text: 'Jakarta, PALAKAT.id – Sebanyak 31 pemerintah provinsi serta 397 pemerintah kabupaten dan kota menerima penghargaan pada ajang Universal Health Coverage (UHC) Awards Tahun 2026.',
    none: 'counts of award winners (regions)',
  },
  {
    text: 'Sebagai bentuk apresiasi atas capaian tersebut, Provinsi Sulawesi Utara pada ajang UHC Awards Tahun 2026 menerima penghargaan kategori Pratama.',
    facts: [],
    categories: [{ region: 'Provinsi Sulawesi Utara', category: 'Pratama', year: 2026 }],
  },
  {
    // Rule 7: one tier word for a list of five regions in the next line.
    text: 'Sebagai bentuk apresiasi atas capaian tersebut, Provinsi Sulawesi Utara pada ajang UHC Awards Tahun 2026 menerima penghargaan kategori Pratama.\nPenghargaan ini diberikan atas komitmen pemerintah provinsi dalam mendukung perluasan kepesertaan dan menjaga keberlangsungan Program Jaminan Kesehatan Nasional (JKN) bagi masyarakat.\nSementara itu, sejumlah kabupaten dan kota di Provinsi Sulawesi Utara yang telah memenuhi kriteria Universal Health Coverage menerima penghargaan kategori Madya.\nPenghargaan tersebut diberikan kepada Kabupaten Minahasa Utara, Kota Bitung, Kabupaten Kepulauan Siau Tagulandang Biaro (SITARO), Kabupaten Kepulauan Sangihe, serta Kabupaten Kepulauan Talaud, atas keberhasilan pemerintah daerah dalam memastikan tingkat keaktifan peserta JKN sesuai dengan target nasional.',
    facts: [],
    categories: [
      { region: 'Provinsi Sulawesi Utara', category: 'Pratama', year: 2026 },
      { region: 'Kabupaten Minahasa Utara', category: 'Madya', year: 2026 },
      { region: 'Kota Bitung', category: 'Madya', year: 2026 },
      { region: 'Kabupaten Kepulauan Siau Tagulandang Biaro', category: 'Madya', year: 2026 },
      { region: 'Kabupaten Kepulauan Sangihe', category: 'Madya', year: 2026 },
      { region: 'Kabupaten Kepulauan Talaud', category: 'Madya', year: 2026 },
    ],
  },
  {
    text: 'Sementara itu, sejumlah kabupaten dan kota di Provinsi Sulawesi Utara yang telah memenuhi kriteria Universal Health Coverage menerima penghargaan kategori Madya.\nPenghargaan tersebut diberikan kepada Kabupaten Minahasa Utara, Kota Bitung, Kabupaten Kepulauan Siau Tagulandang Biaro (SITARO), Kabupaten Kepulauan Sangihe, serta Kabupaten Kepulauan Talaud, atas keberhasilan pemerintah daerah dalam memastikan tingkat keaktifan peserta JKN sesuai dengan target nasional.',
    facts: [],
    // No year anywhere in these two lines.
    categories: [
      { region: 'Kabupaten Minahasa Utara', category: 'Madya', year: null },
      { region: 'Kota Bitung', category: 'Madya', year: null },
      { region: 'Kabupaten Kepulauan Siau Tagulandang Biaro', category: 'Madya', year: null },
      { region: 'Kabupaten Kepulauan Sangihe', category: 'Madya', year: null },
      { region: 'Kabupaten Kepulauan Talaud', category: 'Madya', year: null },
    ],
  },
  {
    text: 'Hingga 31 Desember 2025, cakupan kepesertaan JKN di Provinsi Sulawesi Utara telah mencapai 99,1 persen dari total jumlah penduduk sebanyak 2.631.346 jiwa, dengan tingkat keaktifan peserta sebesar 81,4 persen. Capaian ini menunjukkan komitmen kuat pemerintah daerah dalam menjamin akses layanan kesehatan yang menyeluruh bagi masyarakat.',
    facts: [
      { region: 'Provinsi Sulawesi Utara', metric: 'coverage_pct', value: 99.1, asOf: '2025-12-31' },
      { region: 'Provinsi Sulawesi Utara', metric: 'population', value: 2631346, asOf: '2025-12-31' },
      { region: 'Provinsi Sulawesi Utara', metric: 'active_pct', value: 81.4, asOf: '2025-12-31' },
    ],
  },

  // d007: Gorontalo, "1,138,714" and "(94,75)".
  {
    text: 'GM – Kota Gorontalo – Hingga Mei 2023, masih dua kabupaten yang belum Universal Health Coverage (UHC) atau cakupan kesehatan semesta. Kedua kabupaten itu adalah, Kabupaten Gorontalo dan Kabupaten Gorontalo Utara. Sementara satu kota dan tiga kabupate lainnya sudah UHC.',
    none: 'counts of regions with or without UHC status',
  },
  {
    text: 'Kabupaten Gorontalo sampai Mei 2023, jumlah peserta Jaminan Kesehatan Nasional (JKN) sebanyak 369.487 jiwa, atau baru sebesar 89,8%. Sedangkan jumlah peserta yang aktif sebanyak 344.851 orang (93,33%).',
    facts: [
      { region: 'Kabupaten Gorontalo', metric: 'enrolled_count', value: 369487, asOf: '2023-05' },
      { region: 'Kabupaten Gorontalo', metric: 'coverage_pct', value: 89.8, asOf: '2023-05' },
      { region: 'Kabupaten Gorontalo', metric: 'active_count', value: 344851, asOf: '2023-05' },
      { region: 'Kabupaten Gorontalo', metric: 'active_pct', value: 93.33, asOf: '2023-05' },
    ],
  },
  {
    text: 'Sementara di kabupaten Gorontalo Utara (Gorut) jumlah peserta JKN sebanyak 108.015 jiwa atau 84,7% dari total jumlah penduduk di sana. Dari jumlah itu sejumlah 102.736 (95,11%) orang merupakan peserta yang aktif.',
    facts: [
      { region: 'Kabupaten Gorontalo Utara', metric: 'enrolled_count', value: 108015, asOf: null },
      { region: 'Kabupaten Gorontalo Utara', metric: 'coverage_pct', value: 84.7, asOf: null },
      { region: 'Kabupaten Gorontalo Utara', metric: 'active_count', value: 102736, asOf: null },
      { region: 'Kabupaten Gorontalo Utara', metric: 'active_pct', value: 95.11, asOf: null },
    ],
  },
  {
    text: 'Kota Gorontalo yang sudah UHC, dari total 202.286 peserta JKN, sekira 188.093 (94,75) orang merupakan peserta aktif. Sisanya sebanyak 10.430 masih tidak aktif.',
    facts: [
      { region: 'Kota Gorontalo', metric: 'enrolled_count', value: 202286, asOf: null },
      { region: 'Kota Gorontalo', metric: 'active_count', value: 188093, asOf: null },
      { region: 'Kota Gorontalo', metric: 'active_pct', value: 94.75, asOf: null },
    ],
  },
  {
    text: 'Cakupan kesehatan semesta di provinsi Gorontalo sampai dengan Mei 2023 mencapai 93,7%. Atau sebanyak 1,138,714 dari 1.215.386 penduduknay telah menjadi peserta Jaminan Kesehatan Nasional (JKN). Sementara 1.084.602 (95,25%) jiwa di antaranya merupakan peserta aktif, dan 54.112 jiwa masih tidak aktif.',
    facts: [
      { region: 'Provinsi Gorontalo', metric: 'coverage_pct', value: 93.7, asOf: '2023-05' },
      { region: 'Provinsi Gorontalo', metric: 'enrolled_count', value: 1138714, asOf: '2023-05' },
      { region: 'Provinsi Gorontalo', metric: 'population', value: 1215386, asOf: '2023-05' },
      { region: 'Provinsi Gorontalo', metric: 'active_count', value: 1084602, asOf: '2023-05' },
      { region: 'Provinsi Gorontalo', metric: 'active_pct', value: 95.25, asOf: '2023-05' },
    ],
  },

  // d008: Kabupaten Gorontalo, Utama 2026.
  {
    text: 'JAKARTA|Mediasulutgo.com – Pemerintah Kabupaten Gorontalo kembali menegaskan komitmennya dalam menjamin hak dasar masyarakat di bidang kesehatan. Dari total 514 kabupaten/kota se-Indonesia, hanya 75 daerah yang berhasil meraih Penghargaan Universal Health Coverage (UHC) Awards Tahun 2026 Kategori Utama, dan Kabupaten Gorontalo masuk dalam jajaran elite tersebut Penghargaan bergengsi itu Diterima Bupati Gorontalo, Sofyan Puhi dalam Kategori Utama UHC Awards diberikan kepada pemerintah daerah yang tidak hanya berhasil mencapai target kepesertaan Jaminan Kesehatan Nasional (JKN), tetapi juga mampu menjaga keaktifan peserta dan keberlanjutan akses layanan kesehatan bagi masyarakat',
    facts: [],
    categories: [{ region: 'Kabupaten Gorontalo', category: 'Utama', year: 2026 }],
  },
  {
    text: 'Berdasarkan Data Kepesertaan JKN Januari 2026, dari total penduduk Kabupaten Gorontalo sebanyak 426.140 jiwa, tercatat 430.509 jiwa telah terdaftar sebagai peserta JKN atau mencapai 101,03 persen.',
    facts: [
      { region: 'Kabupaten Gorontalo', metric: 'population', value: 426140, asOf: '2026-01' },
      { region: 'Kabupaten Gorontalo', metric: 'enrolled_count', value: 430509, asOf: '2026-01' },
      { region: 'Kabupaten Gorontalo', metric: 'coverage_pct', value: 101.03, asOf: '2026-01' },
    ],
  },
  {
    text: 'Tak hanya unggul dari sisi kuantitas, tingkat keaktifan peserta JKN di Kabupaten Gorontalo juga tergolong sangat tinggi. Sebanyak 404.844 jiwa atau sekitar 95 persen peserta tercatat aktif, sehingga dapat langsung mengakses layanan kesehatan melalui BPJS Kesehatan tanpa hambatan.',
    facts: [
      { region: 'Kabupaten Gorontalo', metric: 'active_count', value: 404844, asOf: null },
      { region: 'Kabupaten Gorontalo', metric: 'active_pct', value: 95, asOf: null },
    ],
  },

  // d009: Sulawesi Tengah.
  {
    text: 'BPJS-Kesehatan catat 3,2 juta warga Sulawesi Tengah terlindungi JKN',
    facts: [{ region: 'Provinsi Sulawesi Tengah', metric: 'enrolled_count', value: 3200000, asOf: null }],
  },
  {
    text: 'Palu (ANTARA) - Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan mencatat sebanyak 3,2 juta warga Provinsi Sulawesi Tengah (Sulteng) telah terlindungi program Jaminan Kesehatan Nasional (JKN).',
    facts: [{ region: 'Provinsi Sulawesi Tengah', metric: 'enrolled_count', value: 3200000, asOf: null }],
  },
  {
    text: '"Cakupan kepesertaan Sulawesi Tengah telah mencapai 100 persen dari 3,2 juta penduduknya," kata Kepala BPJS Kesehatan Cabang Palu HS Rumondang Pakpahan di Palu, Kamis.',
    facts: [
      { region: 'Provinsi Sulawesi Tengah', metric: 'coverage_pct', value: 100, asOf: null },
      { region: 'Provinsi Sulawesi Tengah', metric: 'population', value: 3200000, asOf: null },
    ],
  },
  {
    text: 'Ia menjelaskan dengan capaian 100 persen cakupan kepesertaan JKN, maka Sulteng telah berstatus Universal Health Coverage (UHC) atau cakupan kesehatan semesta.',
    facts: [{ region: 'Provinsi Sulawesi Tengah', metric: 'coverage_pct', value: 100, asOf: null }],
  },
  {
    // The paragraph names no region: the headline gives it.
    text: 'BPJS-Kesehatan catat 3,2 juta warga Sulawesi Tengah terlindungi JKN\nIa mengemukakan saat ini dari 3,2 juta warga peserta BPJS Kesehatan, 2,89 juta tercatat sebagai peserta aktif atau peserta yang tidak menunggak dengan cakupan 89 persen.',
    facts: [
      { region: 'Provinsi Sulawesi Tengah', metric: 'enrolled_count', value: 3200000, asOf: null },
      { region: 'Provinsi Sulawesi Tengah', metric: 'active_count', value: 2890000, asOf: null },
      { region: 'Provinsi Sulawesi Tengah', metric: 'active_pct', value: 89, asOf: null },
    ],
  },
  { text: 'Dari data BPJS tercatat sebanyak 1,3 juta warga Sulteng masuk dalam kepesertaan JKN ya', none: 'the excerpt is cut right after the figure: the words that qualify it (a segment) are lost' },

  // d010: Sulawesi Barat, activity only.
  {
    text: 'Mamuju (ANTARA) - Tingkat keaktifan peserta Jaminan Kesehatan Nasional Kartu Indonesia Sehat (JKN KIS) di Provinsi Sulawesi Barat (Sulbar) mencapai 83,43 persen.',
    facts: [{ region: 'Provinsi Sulawesi Barat', metric: 'active_pct', value: 83.43, asOf: null }],
  },
  {
    text: 'Kepala Bidang Pelayanan Kesehatan, Kefarmasian dan SDMK Dinas Kesehatan Provinsi Sulbar Darmawiyah mengatakan hingga Oktober 2025, tingkat keaktifan peserta JKN KIS di enam kabupaten di Sulbar mencapai 88,43 persen.," kata Darmawiyah, di Mamuju, Rabu.',
    facts: [{ region: 'Provinsi Sulawesi Barat', metric: 'active_pct', value: 88.43, asOf: '2025-10' }],
  },
  {
    // The metric (keaktifan) is named in the paragraph before; the dates do not cross paragraphs.
    text: 'Kepala Bidang Pelayanan Kesehatan, Kefarmasian dan SDMK Dinas Kesehatan Provinsi Sulbar Darmawiyah mengatakan hingga Oktober 2025, tingkat keaktifan peserta JKN KIS di enam kabupaten di Sulbar mencapai 88,43 persen.," kata Darmawiyah, di Mamuju, Rabu.\n"Capaian tertinggi dicatat oleh Kabupaten Polewali Mandar, yakni 89,01 persen, disusul Majene 88,34 Persen, Mamuju sebesar 85,28 persen, kemudian Mamasa 83,38 persen, dan Kabupaten Mamuju Tengah 82,78 persen," kata Darmawiyah di Mamuju, Rabu.',
    facts: [
      { region: 'Provinsi Sulawesi Barat', metric: 'active_pct', value: 88.43, asOf: '2025-10' },
      { region: 'Kabupaten Polewali Mandar', metric: 'active_pct', value: 89.01, asOf: null },
      { region: 'Kabupaten Majene', metric: 'active_pct', value: 88.34, asOf: null },
      { region: 'Kabupaten Mamuju', metric: 'active_pct', value: 85.28, asOf: null },
      { region: 'Kabupaten Mamasa', metric: 'active_pct', value: 83.38, asOf: null },
      { region: 'Kabupaten Mamuju Tengah', metric: 'active_pct', value: 82.78, asOf: null },
    ],
  },
  {
    text: 'Sementara, Kabupaten Pasangkayu, kata Darmawiyah, masih menunjukkan angka keaktifan yang jauh di bawah standar cakupan kesehatan semesta atau Universal Health Coverage (UHC), yakni hanya 72,36 persen.',
    facts: [{ region: 'Kabupaten Pasangkayu', metric: 'active_pct', value: 72.36, asOf: null }],
  },

  // d011: Sulawesi Selatan, UHC Award 2023.
  {
    text: 'Keberhasilan Sulsel mendapatkan UHC Award 2023 berkat komitmen Pemprov Sulsel dalam meningkatkan tingkat kepesertaan Jaminan Kesehatan Nasional-Kartu Indonesia Sehat (JKN-KIS) yang melebihi 95 persen sesuai target pemerintah.',
    none: 'a threshold restated as reached ("melebihi 95 persen sesuai target"), not a measurement',
  },
  {
    text: 'Bahkan, Gubernur Sulsel Andi Sudirman Sulaiman mengatakan, per Maret 2023, sebanyak 97,52 persen atau 9 juta penduduk Sulsel sudah terdaftar sebagai peserta program JKN-KIS yang dikelola oleh Badan Penyelenggara Jaminan Sosial (BPJS).',
    facts: [
      { region: 'Provinsi Sulawesi Selatan', metric: 'coverage_pct', value: 97.52, asOf: '2023-03' },
      { region: 'Provinsi Sulawesi Selatan', metric: 'enrolled_count', value: 9000000, asOf: '2023-03' },
    ],
  },
  {
    text: 'Andi menambahkan, untuk anggaran 2023, Pemprov Sulsel menganggarkan Rp 217 miliar untuk 1,8 juta warga kampung yang merupakan peserta PBI.',
    none: 'money, and a segment count (PBI)',
  },
  {
    text: 'KOMPAS.com — Pemerintah Provinsi Sulawesi Selatan (Pemprov Sulsel) meraih Penghargaan Universal Health Coverage (UHC) Award 2023 dari Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan (Kemenko PMK).',
    none: 'an award without a tier is no category, and there is no figure',
  },

  // d012: Sulawesi Tenggara, Madya 2026.
  {
    text: 'JAKARTA, Kongkritsultra.com- Pemerintah Provinsi Sulawesi Tenggara kembali menorehkan capaian penting dalam agenda perlindungan sosial dengan meraih UHC Award 2026 kategori Madya.',
    facts: [],
    categories: [{ region: 'Provinsi Sulawesi Tenggara', category: 'Madya', year: 2026 }],
  },
  {
    text: 'Penghargaan ini diberikan atas keberhasilan daerah mencapai cakupan Universal Health Coverage (UHC) sebesar 89,65 persen peserta aktif sepanjang tahun 2025, sebuah angka yang menempatkan Sultra dalam barisan daerah dengan komitmen kuat terhadap jaminan kesehatan masyarakat.',
    facts: [{ region: 'Provinsi Sulawesi Tenggara', metric: 'active_pct', value: 89.65, asOf: '2025' }],
  },
  {
    text: 'Berdasarkan data per 1 Desember 2025, jumlah peserta aktif Jaminan Kesehatan Nasional (JKN) di Sulawesi Tenggara mencapai 2.553.935 jiwa, atau setara 89,65 persen dari total penduduk.',
    facts: [
      { region: 'Provinsi Sulawesi Tenggara', metric: 'active_count', value: 2553935, asOf: '2025-12-01' },
      { region: 'Provinsi Sulawesi Tenggara', metric: 'active_pct', value: 89.65, asOf: '2025-12-01' },
    ],
  },
  {
    // Rule 5: the figure's own year ("tahun 2024, ketika …") dates it; the PBI APBD counts are segments.
    text: 'JAKARTA, Kongkritsultra.com- Pemerintah Provinsi Sulawesi Tenggara kembali menorehkan capaian penting dalam agenda perlindungan sosial dengan meraih UHC Award 2026 kategori Madya.\nDari angka tersebut, 602.806 peserta merupakan Penerima Bantuan Iuran (PBI) yang dibiayai melalui APBD Provinsi. Capaian ini menunjukkan peningkatan signifikan dibandingkan tahun 2024, ketika cakupan UHC berada di angka 86,04 persen dengan 2.430.237 peserta aktif dan 559.993 peserta PBI APBD.',
    facts: [
      { region: 'Provinsi Sulawesi Tenggara', metric: 'active_pct', value: 86.04, asOf: '2024' },
      { region: 'Provinsi Sulawesi Tenggara', metric: 'active_count', value: 2430237, asOf: '2024' },
    ],
    categories: [{ region: 'Provinsi Sulawesi Tenggara', category: 'Madya', year: 2026 }],
  },

  // d013: Maluku.
  {
    text: 'Ambon (ANTARA) - BPJS Kesehatan mencatat jumlah peserta yang tergabung dalam Jaminan Kesehatan Nasional Kartu Indonesia Sehat di Maluku hingga Mei 2023 mencapai 1.785.306 orang atau 94,62 persen dari total penduduk sebanyak 1.886.735 orang.',
    facts: [
      { region: 'Provinsi Maluku', metric: 'enrolled_count', value: 1785306, asOf: '2023-05' },
      { region: 'Provinsi Maluku', metric: 'coverage_pct', value: 94.62, asOf: '2023-05' },
      { region: 'Provinsi Maluku', metric: 'population', value: 1886735, asOf: '2023-05' },
    ],
  },
  {
    text: '"Jadi sampai saat ini tinggal 5,38 persen atau 101.429 orang yang belum terdaftar dan tersebar di seluruh kabupaten dan kota di Maluku," kata Kepala Kantor BPJS Kesehatan Cabang Ambon Saiyed Abdul Gaffar Assaqqaf di Ambon, Rabu.',
    none: 'the unregistered remainder ("belum terdaftar") is not coverage',
  },
  {
    text: 'Ambon (ANTARA) - BPJS Kesehatan mencatat jumlah peserta yang tergabung dalam Jaminan Kesehatan Nasional Kartu Indonesia Sehat di Maluku hingga Mei 2023 mencapai 1.785.306 orang atau 94,62 persen dari total penduduk sebanyak 1.886.735 orang.\nIa memaparkan untuk kepesertaan memang yang paling banyak kategori penerima bantuan iuran jaminan kesehatan (PBI JK) sebanyak 1.051.728 peserta.',
    // The PBI JK count is a segment, even with the province in context.
    facts: [
      { region: 'Provinsi Maluku', metric: 'enrolled_count', value: 1785306, asOf: '2023-05' },
      { region: 'Provinsi Maluku', metric: 'coverage_pct', value: 94.62, asOf: '2023-05' },
      { region: 'Provinsi Maluku', metric: 'population', value: 1886735, asOf: '2023-05' },
    ],
  },
  {
    text: '"Kalau untuk Kota Ambon sendiri 88,50 persen yang terdaftar atau sebanyak 311.966 peserta dari jumlah penduduk sebanyak 352.490 jiwa," ujarnya.',
    facts: [
      { region: 'Kota Ambon', metric: 'coverage_pct', value: 88.5, asOf: null },
      { region: 'Kota Ambon', metric: 'enrolled_count', value: 311966, asOf: null },
      { region: 'Kota Ambon', metric: 'population', value: 352490, asOf: null },
    ],
  },
  {
    text: '"Enam daerah di Maluku tersebut yaitu Kabupaten Buru, Kabupaten Buru Selatan, Kabupaten Maluku Barat Daya, Kabupaten Seram Bagian Barat, Kabupaten Seram Bagian Timur, dan Kota Tual yang merupakan bagian 22 provinsi dan 334 daerah kabupaten dan kota di Indonesia yang menerima UHC," ujarnya.',
    none: 'counts of regions that received UHC status',
  },
  {
    text: 'Ia merinci daftar peserta JKN-KIS di Maluku untuk Kabupaten Maluku Tengah 378.069 peserta, Kota Ambon 311.966 peserta, Kabupaten SBB 207.901 peserta, Seram Bagian Timur (SBT) 148.431 peserta, Kabupaten Buru 141.758 peserta, Kabupaten Kepulauan Tanimbar (KKT) 121.774 peserta, Kabupaten Maluku Tenggara 120.346 peserta, Kabupaten ',
    facts: [
      { region: 'Kabupaten Maluku Tengah', metric: 'enrolled_count', value: 378069, asOf: null },
      { region: 'Kota Ambon', metric: 'enrolled_count', value: 311966, asOf: null },
      { region: 'Kabupaten Seram Bagian Barat', metric: 'enrolled_count', value: 207901, asOf: null },
      { region: 'Kabupaten Seram Bagian Timur', metric: 'enrolled_count', value: 148431, asOf: null },
      { region: 'Kabupaten Buru', metric: 'enrolled_count', value: 141758, asOf: null },
      { region: 'Kabupaten Kepulauan Tanimbar', metric: 'enrolled_count', value: 121774, asOf: null },
      { region: 'Kabupaten Maluku Tenggara', metric: 'enrolled_count', value: 120346, asOf: null },
    ],
  },

  // d014: Kota Ambon.
  {
    text: 'Ambon, Maluku— Pemerintah Kota Ambon mencatat capaian signifikan dalam implementasi Universal Health Coverage (UHC). Hingga Desember 2025, tingkat kepesertaan Jaminan Kesehatan Nasional (JKN) di Kota Ambon telah mencapai 98,65 persen, sehingga hampir seluruh penduduk kota ini telah terdaftar sebagai peserta jaminan kesehatan nasional.',
    facts: [{ region: 'Kota Ambon', metric: 'coverage_pct', value: 98.65, asOf: '2025-12' }],
  },
  {
    text: '“Secara angka, Kota Ambon sudah memenuhi target nasional Universal Health Coverage yang ditetapkan pada kisaran 95 sampai 98 persen. Bahkan capaian kita berada di angka 98,65 persen,” kata dr. Johan dalam paparannya.',
    facts: [{ region: 'Kota Ambon', metric: 'coverage_pct', value: 98.65, asOf: null }]
  },
  {
    text: 'Menurut dr. Johan, capaian tersebut juga mengantarkan Kota Ambon meraih penghargaan UHC kategori Pratama dari BPJS Kesehatan dalam ajang UHC Award 2026, bersama Provinsi Maluku dan sejumlah daerah lain di Indonesia yang berhasil mencapai target cakupan kepesertaan.',
    facts: [],
    // Rule 6: "bersama Provinsi Maluku dan sejumlah daerah lain" leaves the province's tier unclear.
    categories: [{ region: 'Kota Ambon', category: 'Pratama', year: 2026 }],
  },

  // d015: Kepulauan Sula.
  {
    text: 'MalutInews, Jakarta- Pemerintah Kabupaten Kepulauan Sula, Provinsi Maluku Utara (Malut) menerima penghargaan Universal Health Coverage (UHC) tahun 2026.',
    none: 'an award without a tier is no category',
  },
  {
    text: 'Tercatat, penghargaan tersebut diberikan kepada 31 pemerintah Provinsi dan 397 Pemerintah Kabupaten/Kota di Indonesia, sebagai bentuk apresiasi atas komitmen pemerintah daerah dalam mendaftarkan penduduknya pada Program JKN.',
    none: 'counts of award winners (regions)',
  },
  {
    // Typos as printed: "lepulauan Sula", "kategorri MADYA"; "92,50 %" with a space.
    text: 'MalutInews, Jakarta- Pemerintah Kabupaten Kepulauan Sula, Provinsi Maluku Utara (Malut) menerima penghargaan Universal Health Coverage (UHC) tahun 2026.\nSelain itu, Basiludin mengatakan, untuk diketahui bahwa UHC awards yang di terima oleh ibu Bupati lepulauan Sula ini adalah kategorri MADYA, dengan presentase penduduk sula yang tercover 92,50 %, dengan keaktifan peserta BPJS yang mengakses layanan kesehatan sebesar 84,04 %.',
    facts: [
      { region: 'Kabupaten Kepulauan Sula', metric: 'coverage_pct', value: 92.5, asOf: null },
      { region: 'Kabupaten Kepulauan Sula', metric: 'active_pct', value: 84.04, asOf: null },
    ],
    categories: [{ region: 'Kabupaten Kepulauan Sula', category: 'Madya', year: 2026 }],
  },

  // d016: Papua, BPJS branch Jayapura.
  {
    text: 'Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan Cabang Jayapura menyebutkan sepanjang 2023 peserta Jaminan Kesehatan Nasional (JKN) mencapai 1.607.143 orang yang mana tersebar di delapan kabupaten dan satu kota di Papua.',
    none: 'rule 4: a branch service area\'s total over nine kabupaten/kota, not a region\'s figure',
  },
  {
    text: 'Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan Cabang Jayapura menyebutkan sepanjang 2023 peserta Jaminan Kesehatan Nasional (JKN) mencapai 1.607.143 orang yang mana tersebar di delapan kabupaten dan satu kota di Papua.\nMenurut Deny, dengan capaian kepesertaan JKN 1.607.143 penduduk maka dikategorikan sudah mencapai cakupan kesehatan semesta atau Universal Health Converage (UHC) non cut off.',
    none: 'rule 4: the branch total again; "UHC non cut off" is a status, not a category',
  },
  {
    text: 'Dia menjelaskan, kepersertaan JKN tertinggi berada di Kota Jayapura sebanyak 398.781 jiwa, disusul Kabupaten Mimika 335.226 jiwa, Kabupaten Jayapura 221.678 jiwa, Kabupaten Puncak Jaya 213.073 jiwa, Kabupaten Puncak 170.738 jiwa, Kabupaten Pegunungan Bintang 110.209 jiwa, Kabupaten Keerom 70.554 jiwa, Kabupaten Sarmi 44.422 jiwa, dan Kabupaten Mamberamo Raya 42.462 jiwa.',
    facts: [
      { region: 'Kota Jayapura', metric: 'enrolled_count', value: 398781, asOf: null },
      { region: 'Kabupaten Mimika', metric: 'enrolled_count', value: 335226, asOf: null },
      { region: 'Kabupaten Jayapura', metric: 'enrolled_count', value: 221678, asOf: null },
      { region: 'Kabupaten Puncak Jaya', metric: 'enrolled_count', value: 213073, asOf: null },
      { region: 'Kabupaten Puncak', metric: 'enrolled_count', value: 170738, asOf: null },
      { region: 'Kabupaten Pegunungan Bintang', metric: 'enrolled_count', value: 110209, asOf: null },
      { region: 'Kabupaten Keerom', metric: 'enrolled_count', value: 70554, asOf: null },
      { region: 'Kabupaten Sarmi', metric: 'enrolled_count', value: 44422, asOf: null },
      { region: 'Kabupaten Mamberamo Raya', metric: 'enrolled_count', value: 42462, asOf: null },
    ],
  },
  {
    text: '“Selain cakupan kepesertaan, sampai dengan 31 Desember 2023 terdapat 206 fasilitas kesehatan yang telah bekerjasama dengan BPJS Kesehatan Cabang Jayapura,” ujarnya lagi.',
    none: 'a count of health facilities, another quantity',
  },

  // d017: Papua Barat.
  { text: 'Peserta JKN di Papua Barat Tembus 653.818 Jiwa, Lampaui Target Nasional!', facts: [{ region: 'Provinsi Papua Barat', metric: 'enrolled_count', value: 653818, asOf: null }] },
  {
    text: 'Jumlah peserta Jaminan Kesehatan Nasional (JKN) di Papua Barat telah mencapai 653.818 jiwa per Maret 2025, melampaui target nasional dan didominasi oleh Penerima Bantuan Iuran (PBI).',
    facts: [{ region: 'Provinsi Papua Barat', metric: 'enrolled_count', value: 653818, asOf: '2025-03' }],
  },
  {
    // The dateline names Manokwari (a kabupaten) as the place of writing, not the figure's region.
    text: 'Manokwari, 24 April 2025 - Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan melaporkan capaian signifikan dalam kepesertaan Program Jaminan Kesehatan Nasional (JKN) di Provinsi Papua Barat. Per 1 Maret 2025, tercatat sebanyak 653.818 jiwa telah terdaftar sebagai peserta JKN. Capaian ini menunjukkan keberhasilan program JKN di Papua Barat, melampaui target nasional dan menunjukan peningkatan yang konsisten dari tahun ke tahun.',
    facts: [{ region: 'Provinsi Papua Barat', metric: 'enrolled_count', value: 653818, asOf: '2025-03-01' }],
  },
  {
    text: 'Distribusi peserta JKN di Papua Barat tersebar di tujuh kabupaten. Kabupaten Manokwari memiliki jumlah peserta terbanyak dengan 222.857 jiwa, diikuti Kabupaten Fakfak (103.935 jiwa) dan Kabupaten Teluk Bintuni (93.112 jiwa). Kabupaten Kaimana mencatat 74.001 peserta, sementara Kabupaten Teluk Wondama dan Kabupaten Pegunungan Arfak masing-masing memiliki 56.740 peserta. Kabupaten Manokwari Selatan memiliki 48.744 peserta.',
    facts: [
      { region: 'Kabupaten Manokwari', metric: 'enrolled_count', value: 222857, asOf: null },
      { region: 'Kabupaten Fakfak', metric: 'enrolled_count', value: 103935, asOf: null },
      { region: 'Kabupaten Teluk Bintuni', metric: 'enrolled_count', value: 93112, asOf: null },
      { region: 'Kabupaten Kaimana', metric: 'enrolled_count', value: 74001, asOf: null },
      { region: 'Kabupaten Teluk Wondama', metric: 'enrolled_count', value: 56740, asOf: null },
      { region: 'Kabupaten Pegunungan Arfak', metric: 'enrolled_count', value: 56740, asOf: null },
      { region: 'Kabupaten Manokwari Selatan', metric: 'enrolled_count', value: 48744, asOf: null },
    ],
  },
  {
    text: 'Peserta JKN di Papua Barat Tembus 653.818 Jiwa, Lampaui Target Nasional!\nDari total 653.818 peserta, sebanyak 608.409 tercatat aktif, sedangkan 45.409 tergolong sebagai peserta nonaktif. Hal ini menunjukkan tin',
    facts: [
      { region: 'Provinsi Papua Barat', metric: 'enrolled_count', value: 653818, asOf: null },
      { region: 'Provinsi Papua Barat', metric: 'active_count', value: 608409, asOf: null },
    ],
  },

  // d018: Papua Selatan.
  {
    text: 'Merauke, Beritakasuari.comWakil Gubernur Papua Selatan, Paskalis Imadawa, menegaskan pentingnya pengaktifan kembali 56.855 peserta Jaminan Kesehatan Nasional (JKN) yang saat ini berstatus nonaktif. Instruksi tersebut disampaikan dalam Forum Komunikasi dan Kemitraan bersama pemangku kepentingan utama yang diselenggarakan oleh BPJS Kesehatan di Kabupaten Merauke pada 20 Mei 2025.',
    none: 'a count of non-active participants',
  },
  {
    text: 'Pemprov Papua Selatan Kejar Cakupan Penuh JKN, 56 Ribu Peserta Segera Diaktifkan\n“Masyarakat harus dibantu, bukan dipersulit. Kita punya tanggung jawab moral untuk memastikan seluruh warga, yang hanya sekitar 700 ribu jiwa, mendapatkan hak atas jaminan kesehatan,” ujarnya.',
    // The headline's 56 ribu are participants to be reactivated (non-active), not a fact.
    facts: [{ region: 'Provinsi Papua Selatan', metric: 'population', value: 700000, asOf: null }],
  },
  {
    text: 'Deputi Direksi Wilayah XII BPJS Kesehatan, Mustafa, dalam laporannya memaparkan bahwa dari total populasi Papua Selatan, lebih dari 99% telah tercakup dalam program JKN—dengan jumlah peserta mencapai 631.362 jiwa per 1 Mei 2025.',
    facts: [
      { region: 'Provinsi Papua Selatan', metric: 'coverage_pct', value: 99, asOf: '2025-05-01' },
      { region: 'Provinsi Papua Selatan', metric: 'enrolled_count', value: 631362, asOf: '2025-05-01' },
    ],
  },
  {
    text: 'Pemprov Papua Selatan Kejar Cakupan Penuh JKN, 56 Ribu Peserta Segera Diaktifkan\nNamun demikian, 8,98% dari total populasi masih tercatat sebagai peserta nonaktif, sebagian besar disebabkan oleh kendala validitas data dan ketidakmampuan peserta mandiri dalam membayar iuran.',
    none: 'a share of non-active participants',
  },
  {
    text: 'Mustafa menjelaskan bahwa kepesertaan JKN di Papua Selatan didominasi oleh Penerima ‘Bantuan Iuran (PBI) yang dibiayai APBN (69,54%). Sisanya berasal dari berbagai segmen, termasuk PBPU yang dibiayai pemda (11,7%), Pekerja Penerima Upah Penyelenggara Negara (PPU PN) (10,71%), pekerja swasta (5,73%), serta peserta mandiri (2,31%).',
    none: 'segment shares (PBI APBN, PBPU, PPU PN, mandiri)',
  },

  // d019: Papua Tengah, national figures.
  {
    text: 'Penghargaan itu diberikan karena tercapainya kepesertaan program Jaminan Kesehatan Nasional (JKN) oleh Badan Penyelenggaraan Jaminan Sosial (BPJS) secara nasional mencapai hingga 98,19 persen.',
    facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 98.19, asOf: null }],
  },
  {
    text: 'Capaian itu menunjukkan terlaksananya Peraturan Presiden Nomor 36 Tahun 2023 tentang Peta Jalan Jaminan Sosial 2023-2024, di mana target kepesertaan JKN pada tahun 2024 sebanyak 98 persen.',
    none: 'a target ("target kepesertaan JKN pada tahun 2024 sebanyak 98 persen")',
  },
  {
    text: '“Berdasarkan data BPJS Kesehatan per 1 Agustus 2024, jumlah peserta JKN-KIS telah mencapai 275 juta jiwa atau lebih dari 98% dari total penduduk Indonesia.',
    facts: [
      { region: 'Indonesia', metric: 'enrolled_count', value: 275000000, asOf: '2024-08-01' },
      { region: 'Indonesia', metric: 'coverage_pct', value: 98, asOf: '2024-08-01' },
    ],
  },
  {
    text: 'Provinsi Papua Tengah sendiri diketahui mendapatkan Penghargaan UHC Award 2024 untuk Kategori Utama dan juga sebagai Provinsi Pertama yang dipanggil untuk menerima penghargaan tersebut. Penghargaan serupa juga diterima Provinsi Papua Tengah pada Tahun 2023.',
    facts: [],
    // "Penghargaan serupa … 2023" names no tier.
    categories: [{ region: 'Provinsi Papua Tengah', category: 'Utama', year: 2024 }],
  },
  {
    text: 'NABIRE– Pemerintah Provinsi Papua Tengah kembali menerima penghargaan Universal Health Coverage (UHC) Tahun 2024 oleh Wakil Presiden (Wapres) Republik Indonesia, K.H Ma’ruf Amin.',
    none: 'an award without a tier is no category',
  },

  // d020: national.
  {
    text: 'Per Juli 2025, jumlah peserta JKN tercatat mencapai 278,1 juta jiwa, meningkat dari 267,3 juta jiwa pada 2023. Jika dibandingkan dengan jumlah total penduduk Indonesia saat ini yang mencapai 280,61 juta jiwa, artinya lebih dari 98 persen warga telah tercakup dalam sistem jaminan kesehatan yang dikelola oleh negara.',
    facts: [
      { region: 'Indonesia', metric: 'enrolled_count', value: 278100000, asOf: '2025-07' },
      { region: 'Indonesia', metric: 'enrolled_count', value: 267300000, asOf: '2023' },
      { region: 'Indonesia', metric: 'population', value: 280610000, asOf: '2025-07' },
      { region: 'Indonesia', metric: 'coverage_pct', value: 98, asOf: '2025-07' },
    ],
  },
  {
    text: '“Cakupan peserta meliputi 35 provinsi dan 47 kabupaten/kota. Sebanyak 98 persen penduduk Indonesia sudah jadi peserta JKN,” tulis paparan resmi manajemen BPJS Kesehatan.',
    facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 98, asOf: null }],
  },
  {
    text: 'Data internal BPJS Kesehatan menunjukkan bahwa dalam empat tahun terakhir, indeks kepuasan peserta JKN terus meningkat. Pada tahun 2021, tingkat kepuasan berada di angka 87,6. Lalu meningkat menjadi 89,6 di tahun 2022, dan terus naik ke 90,7 pada 2023. Pada tahun lalu, angkanya bahkan mencapai 92,1, mencerminkan bahwa perbaikan layanan berjalan efektif.',
    none: 'satisfaction indices, another quantity',
  },

  // s001: Hulu Sungai Tengah.
  { text: '98,8% Warga HST Sudah Terlindungi JKN!', facts: [{ region: 'Kabupaten Hulu Sungai Tengah', metric: 'coverage_pct', value: 98.8, asOf: null }] },
  {
    text: 'Sobat pustaka, kali ini kita akan bahas sesuatu yang patut kita banggakan bersama! Kabupaten Hulu Sungai Tengah (HST) baru saja meraih penghargaan Universal Health Coverage (UHC) Awards Kategori Madya.',
    facts: [],
    categories: [{ region: 'Kabupaten Hulu Sungai Tengah', category: 'Madya', year: null }],
  },

  // s002: Klaten and national figures.
  { text: 'Capai 96%, Kabupaten Klaten Raih Penghargaan UHC Dari BPJS Kesehatan', facts: [{ region: 'Kabupaten Klaten', metric: 'coverage_pct', value: 96, asOf: null }] },
  {
    text: 'Universal Health Coverage (UHC) merupakan cakupan kepesertaan Program Jaminan Kesehatan Nasional (JKN) yang dikelola oleh BPJS Kesehatan minimal 95% dari jumlah penduduk.',
    none: 'a definition of UHC ("minimal 95%")',
  },
  {
    text: 'kepesertaan JKN-KIS terus meningkat dari tahun ke tahun. Dengan capaian yang di raih, Indonesia berhasil menjadi negara dengan capaian cakupan kepesertaan tercepat, kurang lebih 10 tahun jumlah kepesertaan telah mencapai lebih dari 250 juta orang.',
    facts: [{ region: 'Indonesia', metric: 'enrolled_count', value: 250000000, asOf: null }],
  },
  {
    text: '“Kepesertaan JKN-KIS tiap tahun terus meningkat. Sampai dengan 1 Maret 2023, tercatat cakupan perlindungan program JKN-KIS mencapai 252,17 juta jiwa atau 90,79 % dari total penduduk. Capaian ini menjadikan program JKN-KIS di Indonesia menjadi program jaminan kesehatan terbesar di dunia dengan dengan skema tunggal terintegrasi,” ungkapnya.',
    facts: [
      { region: 'Indonesia', metric: 'enrolled_count', value: 252170000, asOf: '2023-03-01' },
      { region: 'Indonesia', metric: 'coverage_pct', value: 90.79, asOf: '2023-03-01' },
    ],
  },
  {
    text: 'Selanjutnya, Dirut BPJS mengatakan bahwa terdapat 22 provinsi dan 334 kabupaten/ kota yang telah mewujudkan UHC diwilayahnya.',
    none: 'counts of regions that reached UHC',
  },
  {
    text: 'Dalam kesempatan tersebut, Kabupaten Klaten juga meraih Penghargaan Universal Health Coverage (UHC) dengan capaian 96%.',
    facts: [{ region: 'Kabupaten Klaten', metric: 'coverage_pct', value: 96, asOf: null }],
  },
  {
    text: '“Terima kasih kepada jajaran Pemerintah Kabupaten Klaten dan BPJS yang telah bekerja sama mewujudkan capaian UHC Klaten 96%.',
    facts: [{ region: 'Kabupaten Klaten', metric: 'coverage_pct', value: 96, asOf: null }],
  },

  // s003: Barito Utara (Batara).
  {
    text: 'MUARA TEWEH, PROKALTENG.CO– Kabupaten Barito Utara (Batara) berhasil mencatatkan prestasi gemilang dengan menyandang status Universal Health Coverage (UHC) prioritas kategori Madya.',
    facts: [],
    categories: [{ region: 'Kabupaten Barito Utara', category: 'Madya', year: null }],
  },
  {
    text: 'Capaian ini, dengan cakupan kepesertaan mencapai 100%, merupakan buah sinergi erat antara Pemkab Batara dan BPJS Kesehatan.',
    facts: [{ region: 'Kabupaten Barito Utara', metric: 'coverage_pct', value: 100, asOf: null }],
  },
  {
    // Rule 6: "untuk menembus kategori Utama, yaitu di atas 90%" is a goal, neither a category nor a figure.
    text: 'Keberhasilan mencapai UHC kategori Madya ditandai dengan seluruh populasi di Batara telah tercatat sebagai peserta JKN.\nNamun, Pemkab tidak berpuas diri. Fokus kini beralih pada peningkatan keaktifan peserta yang saat ini berada di angka 88% untuk menembus kategori Utama, yaitu di atas 90%.',
    facts: [{ region: 'Kabupaten Barito Utara', metric: 'active_pct', value: 88, asOf: null }],
    categories: [{ region: 'Kabupaten Barito Utara', category: 'Madya', year: null }],
  },
  {
    text: '“Sinergi BPJS Kesehatan bersama Pemkab Barito Utara harapannya dapat meningkatkan keaktifan hingga kategori utama. Ini adalah tujuan kita bersama,” ujar Anurman Huda, Deputi Direksi Wilayah VIII BPJS Kesehatan, yang disambut positif oleh Bupati Shalahuddin, jum’at (21/11)',
    none: 'a tier named only as a goal ("harapannya … hingga kategori utama")',
  },

  // s004: Balikpapan.
  {
    text: 'Pemerintah Kota Balikpapan sendiri, sukses mencapai cakupan semesta jaminan kesehatan atau Universal Health Coverage (UHC). Terhitung sejak Maret 2023, telah mencapai 99,58 persen lebih dari jumlah penduduk di Kota Balikpapan telah terdaftar sebagai peserta Program Jaminan Kesehatan Nasional (JKN).',
    facts: [{ region: 'Kota Balikpapan', metric: 'coverage_pct', value: 99.58, asOf: '2023-03' }],
  },

  // s005: Kabupaten Banjar.
  {
    text: 'Sejak tahun 2023 Kabupaten Banjar mendapatkan predikat Universal Health Coverage (UHC) Madya tingkat nasional dalam program Jaminan Kesehatan Nasional (JKN).',
    facts: [],
    categories: [{ region: 'Kabupaten Banjar', category: 'Madya', year: 2023 }],
  },
  {
    // "Cabang Banjarmasin" names a BPJS branch, not the figure's region; "nonaktif" qualifies other participants.
    text: 'Sementara itu Kepala BPJS Cabang Banjarmasin Asmar mengatakan, progam JKN di Kabupaten Banjar sudah berjalan dengan baik.\nKeaktifan peserta BPJS nya sudah 80 persen menjadi fokus bersama karena ada sebagian peserta nonaktif.',
    facts: [{ region: 'Kabupaten Banjar', metric: 'active_pct', value: 80, asOf: null }],
  },

  // ---------------------------------------------------------------------------------------------
  // Written the way Indonesian regional news writes about JKN coverage: forms the dev corpus lacks
  // (other provinces and kabupaten/kota, aliases, same-name pairs, date forms, units, national figures).
  // ---------------------------------------------------------------------------------------------

  // Dates: "per 31 Desember 2024", "hingga akhir 2024", "sampai dengan Juni 2025", "per 31/12/2024", "tahun 2023".
  {
    text: 'Cakupan kepesertaan JKN di Kabupaten Sleman per 31 Desember 2024 mencapai 99,12 persen dari jumlah penduduk.',
    facts: [{ region: 'Kabupaten Sleman', metric: 'coverage_pct', value: 99.12, asOf: '2024-12-31' }],
  },
  {
    text: 'Hingga akhir 2024, sebanyak 1.052.314 jiwa penduduk Kota Semarang telah terdaftar sebagai peserta JKN.',
    facts: [{ region: 'Kota Semarang', metric: 'enrolled_count', value: 1052314, asOf: '2024' }],
  },
  {
    text: 'Sampai dengan Juni 2025, jumlah peserta JKN di Kabupaten Lombok Timur tercatat 1.391.254 jiwa atau 97,8 persen dari total penduduk 1.422.500 jiwa.',
    facts: [
      { region: 'Kabupaten Lombok Timur', metric: 'enrolled_count', value: 1391254, asOf: '2025-06' },
      { region: 'Kabupaten Lombok Timur', metric: 'coverage_pct', value: 97.8, asOf: '2025-06' },
      { region: 'Kabupaten Lombok Timur', metric: 'population', value: 1422500, asOf: '2025-06' },
    ],
  },
  {
    text: 'Data BPJS Kesehatan per 31/12/2024 mencatat cakupan JKN Kota Pekalongan 99,9 persen.',
    facts: [{ region: 'Kota Pekalongan', metric: 'coverage_pct', value: 99.9, asOf: '2024-12-31' }],
  },
  {
    text: 'Pada tahun 2023 cakupan kepesertaan JKN Kabupaten Sumba Barat Daya baru 88,4 persen.',
    facts: [{ region: 'Kabupaten Sumba Barat Daya', metric: 'coverage_pct', value: 88.4, asOf: '2023' }],
  },
  {
    text: 'Di Kabupaten Bener Meriah, 156 ribu warga telah terdaftar sebagai peserta JKN per akhir Maret 2025.',
    facts: [{ region: 'Kabupaten Bener Meriah', metric: 'enrolled_count', value: 156000, asOf: '2025-03' }],
  },
  {
    text: 'Bupati Sragen, Senin (19/5), mengatakan cakupan kepesertaan JKN di Kabupaten Sragen sudah 98,7 persen.',
    // Rule 5: a "Senin (19/5)" event date without a year does not date the figure.
    facts: [{ region: 'Kabupaten Sragen', metric: 'coverage_pct', value: 98.7, asOf: null }],
  },
  {
    text: 'Berdasarkan data per 31 Desember 2024, cakupan kepesertaan JKN di Kabupaten Klungkung mencapai 100,3 persen. Adapun tingkat keaktifan peserta sebesar 88,1 persen.',
    // Rule 5: the date carries forward within the paragraph.
    facts: [
      { region: 'Kabupaten Klungkung', metric: 'coverage_pct', value: 100.3, asOf: '2024-12-31' },
      { region: 'Kabupaten Klungkung', metric: 'active_pct', value: 88.1, asOf: '2024-12-31' },
    ],
  },
  {
    text: 'Data per 31 Desember 2024 menunjukkan cakupan JKN Provinsi Bali mencapai 99,9 persen.\nKabupaten Badung mencatat cakupan 100,2 persen, Kabupaten Gianyar 99,6 persen.',
    // Rule 5: dates do not cross paragraphs.
    facts: [
      { region: 'Provinsi Bali', metric: 'coverage_pct', value: 99.9, asOf: '2024-12-31' },
      { region: 'Kabupaten Badung', metric: 'coverage_pct', value: 100.2, asOf: null },
      { region: 'Kabupaten Gianyar', metric: 'coverage_pct', value: 99.6, asOf: null },
    ],
  },
  {
    text: 'Cakupan JKN Kabupaten Wonogiri Tembus 99 Persen\nWONOGIRI – Dinas Kesehatan mencatat cakupan kepesertaan JKN sudah 99,1 persen per 1 Oktober 2025.',
    // Rule 2: a rounded headline figure and the exact body figure are both recorded.
    facts: [
      { region: 'Kabupaten Wonogiri', metric: 'coverage_pct', value: 99, asOf: null },
      { region: 'Kabupaten Wonogiri', metric: 'coverage_pct', value: 99.1, asOf: '2025-10-01' },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Boyolali meningkat dari 92,5 persen pada 2023 menjadi 96,1 persen pada 2024.',
    facts: [
      { region: 'Kabupaten Boyolali', metric: 'coverage_pct', value: 92.5, asOf: '2023' },
      { region: 'Kabupaten Boyolali', metric: 'coverage_pct', value: 96.1, asOf: '2024' },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN di Kabupaten Purworejo naik menjadi 97,4 persen pada Mei 2025.',
    facts: [{ region: 'Kabupaten Purworejo', metric: 'coverage_pct', value: 97.4, asOf: '2025-05' }],
  },

  // Units and number forms: "%", "per sen", "jiwa", "orang", "peserta", "juta", "ribu", "lebih dari".
  {
    text: 'Pemkab Banyuwangi mencatat cakupan kepesertaan JKN warganya sudah 98,05% per 1 Januari 2025.',
    facts: [{ region: 'Kabupaten Banyuwangi', metric: 'coverage_pct', value: 98.05, asOf: '2025-01-01' }],
  },
  { text: 'Cakupan kepesertaan JKN Kabupaten Aceh Besar mencapai 97 per sen.', facts: [{ region: 'Kabupaten Aceh Besar', metric: 'coverage_pct', value: 97, asOf: null }] },
  { text: 'Peserta JKN di Kabupaten Asmat tercatat 118.345 orang.', facts: [{ region: 'Kabupaten Asmat', metric: 'enrolled_count', value: 118345, asOf: null }] },
  {
    text: 'Hingga 30 April 2025, Kabupaten Kupang mencatat 372 ribu peserta JKN.',
    facts: [{ region: 'Kabupaten Kupang', metric: 'enrolled_count', value: 372000, asOf: '2025-04-30' }],
  },
  {
    text: 'Lebih dari 200 ribu jiwa warga Kota Banjarbaru sudah terlindungi JKN.',
    facts: [{ region: 'Kota Banjarbaru', metric: 'enrolled_count', value: 200000, asOf: null }],
  },
  {
    text: 'Kepesertaan JKN di Jabar mencapai 98,2 persen atau 49,1 juta jiwa.',
    facts: [
      { region: 'Provinsi Jawa Barat', metric: 'coverage_pct', value: 98.2, asOf: null },
      { region: 'Provinsi Jawa Barat', metric: 'enrolled_count', value: 49100000, asOf: null },
    ],
  },
  {
    text: 'Sebanyak 36,8 juta penduduk Jawa Tengah sudah menjadi peserta JKN per Desember 2024.',
    facts: [{ region: 'Provinsi Jawa Tengah', metric: 'enrolled_count', value: 36800000, asOf: '2024-12' }],
  },
  {
    text: 'Per 31 Desember 2024, UHC Kota Parepare mencapai 100,12%.',
    facts: [{ region: 'Kota Parepare', metric: 'coverage_pct', value: 100.12, asOf: '2024-12-31' }],
  },

  // Population beside enrolment.
  {
    text: 'Jumlah penduduk Kabupaten Kutai Kartanegara tercatat 788.000 jiwa, dan 772.000 jiwa di antaranya sudah menjadi peserta JKN.',
    facts: [
      { region: 'Kabupaten Kutai Kartanegara', metric: 'population', value: 788000, asOf: null },
      { region: 'Kabupaten Kutai Kartanegara', metric: 'enrolled_count', value: 772000, asOf: null },
    ],
  },
  {
    text: 'Di Kota Yogyakarta, dari 373.589 penduduk, sebanyak 372.004 orang telah menjadi peserta JKN.',
    facts: [
      { region: 'Kota Yogyakarta', metric: 'population', value: 373589, asOf: null },
      { region: 'Kota Yogyakarta', metric: 'enrolled_count', value: 372004, asOf: null },
    ],
  },
  {
    text: 'Total penduduk Kabupaten Jepara mencapai 1,2 juta jiwa, sementara peserta JKN sebanyak 1,17 juta jiwa.',
    facts: [
      { region: 'Kabupaten Jepara', metric: 'population', value: 1200000, asOf: null },
      { region: 'Kabupaten Jepara', metric: 'enrolled_count', value: 1170000, asOf: null },
    ],
  },
  {
    text: 'Kabupaten Tanah Bumbu (Tanbu) dengan 345.000 penduduk mencatat cakupan JKN 98,1 persen.',
    facts: [
      { region: 'Kabupaten Tanah Bumbu', metric: 'population', value: 345000, asOf: null },
      { region: 'Kabupaten Tanah Bumbu', metric: 'coverage_pct', value: 98.1, asOf: null },
    ],
  },
  {
    text: 'Di Kabupaten Banyumas tercatat 1.720.140 jiwa peserta JKN per 1 Juni 2025 dari 1.806.003 penduduk, atau 95,25 persen.',
    facts: [
      { region: 'Kabupaten Banyumas', metric: 'enrolled_count', value: 1720140, asOf: '2025-06-01' },
      { region: 'Kabupaten Banyumas', metric: 'population', value: 1806003, asOf: '2025-06-01' },
      { region: 'Kabupaten Banyumas', metric: 'coverage_pct', value: 95.25, asOf: '2025-06-01' },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN se-Provinsi Riau per Agustus 2025 tercatat 96,41 persen dari 7,1 juta penduduk.',
    facts: [
      { region: 'Provinsi Riau', metric: 'coverage_pct', value: 96.41, asOf: '2025-08' },
      { region: 'Provinsi Riau', metric: 'population', value: 7100000, asOf: '2025-08' },
    ],
  },

  // Activity (keaktifan, peserta aktif).
  {
    text: 'Tingkat keaktifan peserta JKN di Kota Bandung baru 78,4 persen, jauh di bawah rata-rata nasional.',
    facts: [{ region: 'Kota Bandung', metric: 'active_pct', value: 78.4, asOf: null }],
  },
  { text: 'Di Kabupaten Bandung, peserta aktif JKN mencapai 2,9 juta jiwa.', facts: [{ region: 'Kabupaten Bandung', metric: 'active_count', value: 2900000, asOf: null }] },
  {
    text: 'Jumlah peserta aktif JKN di Kabupaten Gunungkidul sebanyak 612.530 jiwa atau 81,9 persen dari total peserta.',
    facts: [
      { region: 'Kabupaten Gunungkidul', metric: 'active_count', value: 612530, asOf: null },
      { region: 'Kabupaten Gunungkidul', metric: 'active_pct', value: 81.9, asOf: null },
    ],
  },
  {
    text: 'Keaktifan peserta JKN Kabupaten Bima per Mei 2025 di angka 79,45 persen.',
    facts: [{ region: 'Kabupaten Bima', metric: 'active_pct', value: 79.45, asOf: '2025-05' }],
  },
  {
    text: 'Jumlah peserta JKN yang aktif di Kota Pekanbaru mencapai 87,5 persen, sisanya 12,5 persen tidak aktif.',
    facts: [{ region: 'Kota Pekanbaru', metric: 'active_pct', value: 87.5, asOf: null }],
  },
  {
    text: 'Pemprov Kalsel mencatat keaktifan peserta JKN per Desember 2024 sebesar 79,6 persen.',
    facts: [{ region: 'Provinsi Kalimantan Selatan', metric: 'active_pct', value: 79.6, asOf: '2024-12' }],
  },
  {
    text: 'Kota Mataram mencatat 98,6 persen warganya telah terlindungi JKN, dengan keaktifan peserta 81 persen.',
    facts: [
      { region: 'Kota Mataram', metric: 'coverage_pct', value: 98.6, asOf: null },
      { region: 'Kota Mataram', metric: 'active_pct', value: 81, asOf: null },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN Provinsi Nusa Tenggara Timur per 1 Maret 2025 sebesar 96,12 persen, sedangkan keaktifan pesertanya 74,5 persen.',
    facts: [
      { region: 'Provinsi Nusa Tenggara Timur', metric: 'coverage_pct', value: 96.12, asOf: '2025-03-01' },
      { region: 'Provinsi Nusa Tenggara Timur', metric: 'active_pct', value: 74.5, asOf: '2025-03-01' },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Magelang 98,9 persen dan keaktifan 86,7 persen.',
    facts: [
      { region: 'Kabupaten Magelang', metric: 'coverage_pct', value: 98.9, asOf: null },
      { region: 'Kabupaten Magelang', metric: 'active_pct', value: 86.7, asOf: null },
    ],
  },

  // National figures.
  {
    text: 'Secara nasional, jumlah peserta JKN telah mencapai 277 juta jiwa atau 98,45 persen dari total penduduk Indonesia per 1 Januari 2025.',
    facts: [
      { region: 'Indonesia', metric: 'enrolled_count', value: 277000000, asOf: '2025-01-01' },
      { region: 'Indonesia', metric: 'coverage_pct', value: 98.45, asOf: '2025-01-01' },
    ],
  },
  { text: 'Jumlah penduduk Indonesia pada 2024 mencapai 281,6 juta jiwa.', facts: [{ region: 'Indonesia', metric: 'population', value: 281600000, asOf: '2024' }] },
  { text: 'Secara nasional, keaktifan peserta JKN berada di angka 80,23 persen.', facts: [{ region: 'Indonesia', metric: 'active_pct', value: 80.23, asOf: null }] },
  {
    text: 'Hingga 1 Mei 2025 peserta JKN secara nasional berjumlah 279,3 juta.',
    facts: [{ region: 'Indonesia', metric: 'enrolled_count', value: 279300000, asOf: '2025-05-01' }],
  },

  // Regions: provinces by short name, aliases, Pemkab/Pemkot/Pemprov, same-name pairs, press spellings.
  { text: 'Di NTT, peserta JKN mencapai 5,4 juta orang.', facts: [{ region: 'Provinsi Nusa Tenggara Timur', metric: 'enrolled_count', value: 5400000, asOf: null }] },
  {
    text: 'Sumut mencatat cakupan kepesertaan 97,12 persen, Sumbar 96,3 persen.',
    facts: [
      { region: 'Provinsi Sumatera Utara', metric: 'coverage_pct', value: 97.12, asOf: null },
      { region: 'Provinsi Sumatera Barat', metric: 'coverage_pct', value: 96.3, asOf: null },
    ],
  },
  {
    text: 'Tercatat 2.138.021 penduduk Kalsel sudah menjadi peserta JKN per 1 Juli 2025, atau 96,91 persen.',
    facts: [
      { region: 'Provinsi Kalimantan Selatan', metric: 'enrolled_count', value: 2138021, asOf: '2025-07-01' },
      { region: 'Provinsi Kalimantan Selatan', metric: 'coverage_pct', value: 96.91, asOf: '2025-07-01' },
    ],
  },
  {
    text: 'Hingga Oktober 2025, sebanyak 3,08 juta jiwa atau 98,7 persen warga Kalimantan Barat telah menjadi peserta JKN.',
    facts: [
      { region: 'Provinsi Kalimantan Barat', metric: 'enrolled_count', value: 3080000, asOf: '2025-10' },
      { region: 'Provinsi Kalimantan Barat', metric: 'coverage_pct', value: 98.7, asOf: '2025-10' },
    ],
  },
  { text: 'Cakupan kepesertaan JKN di DIY sudah 99,8 persen.', facts: [{ region: 'Provinsi Daerah Istimewa Yogyakarta', metric: 'coverage_pct', value: 99.8, asOf: null }] },
  {
    text: 'Kabupaten Timor Tengah Selatan (TTS) mencatatkan 467.112 peserta JKN atau 95,2 persen.',
    facts: [
      { region: 'Kabupaten Timor Tengah Selatan', metric: 'enrolled_count', value: 467112, asOf: null },
      { region: 'Kabupaten Timor Tengah Selatan', metric: 'coverage_pct', value: 95.2, asOf: null },
    ],
  },
  {
    text: 'Kabupaten Humbang Hasundutan (Humbahas) telah mencapai UHC dengan cakupan 100,2 persen.',
    facts: [{ region: 'Kabupaten Humbang Hasundutan', metric: 'coverage_pct', value: 100.2, asOf: null }],
  },
  { text: 'Kukar mencatat cakupan UHC 98,3 persen hingga akhir 2024.', facts: [{ region: 'Kabupaten Kutai Kartanegara', metric: 'coverage_pct', value: 98.3, asOf: '2024' }] },
  { text: 'Kab. Banjar mencatat cakupan kepesertaan JKN 99,47 persen.', facts: [{ region: 'Kabupaten Banjar', metric: 'coverage_pct', value: 99.47, asOf: null }] },
  {
    text: 'Pemkot Balikpapan menyebut 99,6 persen warganya sudah terdaftar dalam program JKN.',
    facts: [{ region: 'Kota Balikpapan', metric: 'coverage_pct', value: 99.6, asOf: null }],
  },
  {
    text: 'Pemkot Kediri menyebut 292.000 warga kota telah terdaftar sebagai peserta JKN.',
    facts: [{ region: 'Kota Kediri', metric: 'enrolled_count', value: 292000, asOf: null }],
  },
  { text: 'Pemkab Malang mencatat cakupan JKN 96,5 persen.', facts: [{ region: 'Kabupaten Malang', metric: 'coverage_pct', value: 96.5, asOf: null }] },
  {
    text: 'Cakupan kepesertaan JKN di Kota Bogor mencapai 97,6 persen, sementara Kabupaten Bogor 95,8 persen.',
    facts: [
      { region: 'Kota Bogor', metric: 'coverage_pct', value: 97.6, asOf: null },
      { region: 'Kabupaten Bogor', metric: 'coverage_pct', value: 95.8, asOf: null },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN di Kabupaten Sorong sebesar 94,3 persen, adapun Kota Sorong 99,5 persen.',
    facts: [
      { region: 'Kabupaten Sorong', metric: 'coverage_pct', value: 94.3, asOf: null },
      { region: 'Kota Sorong', metric: 'coverage_pct', value: 99.5, asOf: null },
    ],
  },
  {
    text: 'Pemerintah Kota Banjar, Jawa Barat, mencatat cakupan kepesertaan JKN 97,2 persen.',
    facts: [{ region: 'Kota Banjar', metric: 'coverage_pct', value: 97.2, asOf: null }],
  },
  {
    text: 'Cakupan kepesertaan JKN di Banjar mencapai 99 persen, kata Bupati Banjar.',
    // A bupati governs a kabupaten: Kabupaten Banjar, not Kota Banjar.
    facts: [{ region: 'Kabupaten Banjar', metric: 'coverage_pct', value: 99, asOf: null }],
  },
  { text: 'Kabupaten Fakfak meraih UHC dengan cakupan kepesertaan 98,77 persen.', facts: [{ region: 'Kabupaten Fakfak', metric: 'coverage_pct', value: 98.77, asOf: null }] },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Sitaro kini 99,4 persen.',
    facts: [{ region: 'Kabupaten Kepulauan Siau Tagulandang Biaro', metric: 'coverage_pct', value: 99.4, asOf: null }],
  },
  {
    text: 'SITARO mencatat keaktifan peserta JKN 86,2 persen.',
    facts: [{ region: 'Kabupaten Kepulauan Siau Tagulandang Biaro', metric: 'active_pct', value: 86.2, asOf: null }],
  },
  {
    text: 'Cakupan JKN di Kabupaten Pegunungan Bintang (Pegubin) mencapai 96 persen per Februari 2025.',
    facts: [{ region: 'Kabupaten Pegunungan Bintang', metric: 'coverage_pct', value: 96, asOf: '2025-02' }],
  },
  {
    text: 'Capaian UHC Kota Palangka Raya menyentuh 100,4 persen dengan 305.000 peserta.',
    facts: [
      { region: 'Kota Palangkaraya', metric: 'coverage_pct', value: 100.4, asOf: null },
      { region: 'Kota Palangkaraya', metric: 'enrolled_count', value: 305000, asOf: null },
    ],
  },
  {
    text: 'Kabupaten Tojo Una-Una (Touna) mencatat 164 ribu peserta JKN per Maret 2025.',
    facts: [{ region: 'Kabupaten Tojo Una Una', metric: 'enrolled_count', value: 164000, asOf: '2025-03' }],
  },
  { text: 'Sebanyak 98,3 persen penduduk Kota Bau-Bau sudah terdaftar sebagai peserta JKN.', facts: [{ region: 'Kota Bau Bau', metric: 'coverage_pct', value: 98.3, asOf: null }] },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Toli-Toli 96,8 persen, Kabupaten Buol 97,3 persen, dan Kabupaten Banggai Kepulauan 99,0 persen.',
    facts: [
      { region: 'Kabupaten Toli-Toli', metric: 'coverage_pct', value: 96.8, asOf: null },
      { region: 'Kabupaten Buol', metric: 'coverage_pct', value: 97.3, asOf: null },
      { region: 'Kabupaten Banggai Kepulauan', metric: 'coverage_pct', value: 99, asOf: null },
    ],
  },
  {
    text: 'Angka kepesertaan JKN Kabupaten Kepulauan Seribu mencapai 100 persen.',
    facts: [{ region: 'Kabupaten Administrasi Kepulauan Seribu', metric: 'coverage_pct', value: 100, asOf: null }],
  },
  {
    text: 'Kabupaten Sinjai dan Kabupaten Bantaeng masing-masing mencatat cakupan kepesertaan 99,1 persen dan 98,7 persen.',
    facts: [
      { region: 'Kabupaten Sinjai', metric: 'coverage_pct', value: 99.1, asOf: null },
      { region: 'Kabupaten Bantaeng', metric: 'coverage_pct', value: 98.7, asOf: null },
    ],
  },

  // A measurement beside a target, a threshold or a non-active count: only the measurement.
  {
    text: 'Dari 1,1 juta peserta JKN di Kabupaten Jember, sebanyak 210 ribu peserta menunggak iuran.',
    facts: [{ region: 'Kabupaten Jember', metric: 'enrolled_count', value: 1100000, asOf: null }],
  },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Blora sudah 96,2 persen, sedikit di bawah target 98 persen pada 2025.',
    // asOf should be null (2025 is the target's year); left unchecked because a gap cannot yet state a wrong asOf.
    facts: [{ region: 'Kabupaten Blora', metric: 'coverage_pct', value: 96.2 }],
  },
  {
    text: 'Dengan cakupan 99,3 persen, Kota Tegal melampaui syarat minimal UHC 95 persen.',
    facts: [{ region: 'Kota Tegal', metric: 'coverage_pct', value: 99.3, asOf: null }]
  },

  // Not facts: targets, thresholds, definitions, counts of regions, money, segments, non-active, other quantities.
  { text: 'Pemerintah menargetkan cakupan kepesertaan JKN mencapai 98 persen pada 2029.', none: 'a target ("menargetkan … pada 2029")' },
  { text: 'Pemkab Tapanuli Utara menargetkan UHC 99 persen pada akhir 2025.', none: 'a regional target ("menargetkan")' },
  { text: 'Target RPJMN 2025-2029 adalah 98,6 persen penduduk menjadi peserta JKN.', none: 'the RPJMN target' },
  {
    text: 'Untuk meraih UHC, sebuah daerah harus memiliki cakupan kepesertaan minimal 95 persen dari jumlah penduduk.',
    none: 'a threshold ("harus … minimal 95 persen")',
  },
  {
    text: 'Kabupaten Cianjur belum memenuhi syarat UHC, yakni cakupan kepesertaan minimal 95 persen dan keaktifan minimal 80 persen.',
    none: 'thresholds ("syarat … minimal"), even with a region in the sentence',
  },
  {
    text: 'Sebanyak 22 provinsi dan 334 kabupaten/kota telah mencapai UHC dengan cakupan di atas 95 persen.',
    none: 'counts of regions and the threshold they passed',
  },
  { text: 'Saat ini sudah 470 kabupaten/kota dari 514 daerah yang berstatus UHC.', none: 'counts of regions ("470 … dari 514")' },
  { text: 'Sebanyak 3.412 desa di Jawa Timur telah mencapai UHC tingkat desa.', none: 'a count of villages, not people' },
  { text: 'Pemkab Bantul mengalokasikan Rp 45,2 miliar untuk membayar iuran 120.000 peserta PBI APBD.', none: 'money, and a segment count (PBI APBD)' },
  { text: 'Pemprov Kaltim menganggarkan Rp 1,2 triliun untuk jaminan kesehatan warganya pada 2025.', none: 'money' },
  { text: 'Iuran peserta kelas 3 sebesar Rp 42.000 per orang per bulan.', none: 'money (a contribution), and a class segment' },
  { text: 'Di Kota Depok, peserta PBPU atau mandiri tercatat 312.440 jiwa.', none: 'a segment count (PBPU / mandiri)' },
  { text: 'Sebanyak 89.331 peserta kelas 3 di Kabupaten Garut ditanggung pemerintah daerah.', none: 'a segment count (kelas 3)' },
  {
    text: 'Pemkab Sleman menganggarkan iuran bagi 150 ribu warga miskin yang didaftarkan sebagai PBI APBD.',
    none: 'a segment count (PBI APBD)',
  },
  { text: 'Jumlah peserta JKN yang nonaktif di Kabupaten Lebak mencapai 154.000 jiwa.', none: 'a non-active count' },
  { text: 'Sekitar 18 persen peserta mandiri di Kota Medan menunggak iuran.', none: 'a share in arrears ("menunggak"), a non-active share' },
  {
    text: 'Masih ada 3,2 persen penduduk Kabupaten Karawang yang belum terdaftar sebagai peserta JKN.',
    none: 'the unregistered share ("belum terdaftar")',
  },
  { text: 'Cakupan kepesertaan JKN di Kota Cimahi naik 2,3 persen dibanding tahun lalu.', none: 'a change ("naik 2,3 persen"), not a level' },
  { text: 'Indeks kepuasan peserta JKN di Jawa Timur mencapai 91,4 persen pada 2024.', none: 'a satisfaction index' },
  {
    text: 'Sebanyak 96 persen responden di Kota Malang menyatakan puas terhadap layanan BPJS Kesehatan.',
    none: 'a satisfaction survey share ("responden … puas")',
  },
  { text: 'Cakupan imunisasi dasar lengkap di Kabupaten Sumenep mencapai 95,2 persen.', none: 'another programme (imunisasi), although it says "cakupan"' },
  { text: 'Prevalensi stunting di Kabupaten Lombok Tengah turun menjadi 24,1 persen pada 2024.', none: 'another programme (stunting)' },
  { text: 'Capaian vaksinasi campak di Kabupaten Merauke baru 88 persen.', none: 'another programme (vaksinasi)' },
  { text: 'Tingkat kemiskinan di Kabupaten Jeneponto sebesar 14,3 persen.', none: 'another quantity (poverty rate)' },
  { text: 'Sebanyak 1.250 orang tenaga kesehatan di Kabupaten Kapuas telah mengikuti pelatihan.', none: 'a count of health workers, not participants' },

  // Categories: tiers named for a region, with the award year; statuses, goals and definitions are not.
  { text: 'Kabupaten Lamongan meraih UHC Award 2025 kategori Utama.', facts: [], categories: [{ region: 'Kabupaten Lamongan', category: 'Utama', year: 2025 }] },
  { text: 'Pemprov Jatim menerima penghargaan UHC Awards 2024 kategori Paripurna.', facts: [], categories: [{ region: 'Provinsi Jawa Timur', category: 'Paripurna', year: 2024 }] },
  { text: 'Kota Madiun dianugerahi predikat UHC Pratama tahun 2025.', facts: [], categories: [{ region: 'Kota Madiun', category: 'Pratama', year: 2025 }] },
  { text: 'Kota Bekasi meraih UHC Awards 2025 kategori UTAMA.', facts: [], categories: [{ region: 'Kota Bekasi', category: 'Utama', year: 2025 }] },
  { text: 'Kabupaten Magelang meraih UHC kategori Madya tahun 2026.', facts: [], categories: [{ region: 'Kabupaten Magelang', category: 'Madya', year: 2026 }] },
  {
    text: 'Kota Surabaya meraih UHC Awards 2026 kategori Paripurna, sedangkan Kabupaten Sidoarjo kategori Madya.',
    facts: [],
    categories: [
      { region: 'Kota Surabaya', category: 'Paripurna', year: 2026 },
      { region: 'Kabupaten Sidoarjo', category: 'Madya', year: 2026 },
    ],
  },
  {
    text: 'Provinsi Papua Barat Daya dengan sekitar 627 ribu penduduk meraih UHC Awards 2026 kategori Pratama.',
    facts: [{ region: 'Provinsi Papua Barat Daya', metric: 'population', value: 627000, asOf: null }],
    categories: [{ region: 'Provinsi Papua Barat Daya', category: 'Pratama', year: 2026 }],
  },
  { text: 'Kabupaten Ngawi menerima UHC Award 2025.', none: 'an award without a tier is no category' },
  { text: 'Kabupaten Nduga masih masuk kategori UHC Fokus.', none: '"UHC Fokus" is a status, not a tier' },
  { text: 'Pemkab Barru bertekad menuju kategori Utama pada UHC Awards tahun depan.', none: 'a tier named only as a goal ("menuju kategori Utama")' },
  { text: 'Tahun depan Pemkot Bitung menargetkan naik ke kategori Paripurna.', none: 'a tier named only as a goal ("menargetkan naik ke")' },
  {
    text: 'Kabupaten Pati menargetkan keaktifan peserta JKN sebesar 85 persen agar naik ke kategori Madya.',
    none: 'a target figure and a tier named as a goal',
  },
  {
    text: 'Kategori Paripurna diberikan kepada daerah dengan cakupan kepesertaan di atas 98 persen dan keaktifan minimal 90 persen.',
    none: 'a category definition',
  },
  { text: 'Status UHC Prioritas diberikan kepada daerah dengan cakupan kepesertaan di atas 98 persen.', none: 'a status definition' },

  // More forms of regional news: the region after the figure, branch names, lists with colons, ordinary
  // words that look like tiers, flows (new registrations) beside stocks, derived words ("keaktifannya").
  {
    text: 'Cakupan kepesertaan JKN sudah 97 persen," kata Kepala Dinas Kesehatan Kabupaten Purbalingga.',
    facts: [{ region: 'Kabupaten Purbalingga', metric: 'coverage_pct', value: 97, asOf: null }],
  },
  { text: 'Sebanyak 97 persen penduduk sudah terdaftar JKN di Kabupaten Kendal.', facts: [{ region: 'Kabupaten Kendal', metric: 'coverage_pct', value: 97, asOf: null }] },
  {
    text: 'Kepala BPJS Kesehatan Cabang Sibolga mengatakan cakupan kepesertaan JKN Kabupaten Tapanuli Tengah mencapai 98 persen.',
    // The branch is named for Kota Sibolga; the figure belongs to the kabupaten.
    facts: [{ region: 'Kabupaten Tapanuli Tengah', metric: 'coverage_pct', value: 98, asOf: null }],
  },
  {
    text: 'Wilayah kerja BPJS Kesehatan Cabang Sumedang meliputi Kabupaten Sumedang dan Kabupaten Majalengka dengan total 2,1 juta peserta JKN.',
    none: 'rule 4: a branch service area\'s total over two kabupaten',
  },
  {
    text: 'Kabupaten Jombang dan Kabupaten Mojokerto mencatat total 2,4 juta peserta JKN.',
    none: 'rule 4: a sum over several named regions',
  },
  { text: 'Cakupan kepesertaan JKN di Jambi mencapai 95 persen.', facts: [{ region: 'Provinsi Jambi', metric: 'coverage_pct', value: 95, asOf: null }] },
  { text: 'Cakupan kepesertaan JKN Kabupaten Kotabaru mencapai 97,1 persen.', facts: [{ region: 'Kabupaten Kotabaru', metric: 'coverage_pct', value: 97.1, asOf: null }] },
  { text: 'Cakupan kepesertaan JKN Kabupaten Lima Puluh Kota 94,7 persen.', facts: [{ region: 'Kabupaten Lima Puluh Kota', metric: 'coverage_pct', value: 94.7, asOf: null }] },
  { text: 'Kota Gorontalo mencatat cakupan kepesertaan JKN 100,6 persen.', facts: [{ region: 'Kota Gorontalo', metric: 'coverage_pct', value: 100.6, asOf: null }] },
  { text: 'Kabupaten Toba mencatat cakupan JKN sebesar 101,5 persen.', facts: [{ region: 'Kabupaten Toba', metric: 'coverage_pct', value: 101.5, asOf: null }] },
  { text: 'Cakupan kepesertaan JKN Kabupaten Sikka mencapai 98 persen lebih.', facts: [{ region: 'Kabupaten Sikka', metric: 'coverage_pct', value: 98, asOf: null }] },
  { text: 'Cakupan JKN Kabupaten Lombok Utara (KLU) kini 98,7 persen.', facts: [{ region: 'Kabupaten Lombok Utara', metric: 'coverage_pct', value: 98.7, asOf: null }] },
  {
    text: 'Kota Tangerang Selatan (Tangsel) mencatat 1,38 juta peserta JKN atau 98,5 persen dari penduduknya.',
    facts: [
      { region: 'Kota Tangerang Selatan', metric: 'enrolled_count', value: 1380000, asOf: null },
      { region: 'Kota Tangerang Selatan', metric: 'coverage_pct', value: 98.5, asOf: null },
    ],
  },
  {
    text: 'Kota Blitar mencatat cakupan 99,8 persen, Kabupaten Blitar 96,7 persen.',
    facts: [
      { region: 'Kota Blitar', metric: 'coverage_pct', value: 99.8, asOf: null },
      { region: 'Kabupaten Blitar', metric: 'coverage_pct', value: 96.7, asOf: null },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Pekalongan: 97,9 persen; Kota Pekalongan: 99,9 persen.',
    facts: [
      { region: 'Kabupaten Pekalongan', metric: 'coverage_pct', value: 97.9, asOf: null },
      { region: 'Kota Pekalongan', metric: 'coverage_pct', value: 99.9, asOf: null },
    ],
  },
  {
    text: 'Menurut Bupati Pati, keaktifan peserta JKN di daerahnya baru 76 persen.',
    facts: [{ region: 'Kabupaten Pati', metric: 'active_pct', value: 76, asOf: null }],
  },
  {
    text: 'Pemkab Sigi Pertahankan Status UHC\n"Cakupan kepesertaan kita sudah 96 persen," kata Bupati.',
    // The quote's "kita" is the region of the headline.
    facts: [{ region: 'Kabupaten Sigi', metric: 'coverage_pct', value: 96, asOf: null }],
  },
  {
    text: 'Kabupaten Bogor Raih UHC Awards 2026\nSecara nasional, cakupan kepesertaan JKN mencapai 98,3 persen.',
    // "Secara nasional" beats the headline's region; an award without a tier is no category.
    facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 98.3, asOf: null }],
    categories: [],
  },
  {
    text: 'Kota Bitung Raih UHC Madya\nCakupan kepesertaan JKN di Sulawesi Utara mencapai 99,1 persen, sedangkan di Bitung 100,2 persen.',
    facts: [
      { region: 'Provinsi Sulawesi Utara', metric: 'coverage_pct', value: 99.1, asOf: null },
      { region: 'Kota Bitung', metric: 'coverage_pct', value: 100.2, asOf: null },
    ],
    categories: [{ region: 'Kota Bitung', category: 'Madya', year: null }],
  },
  {
    text: 'Jumlah peserta JKN Kabupaten Lebak per Januari 2025 yakni 1.346.921 jiwa (94,1 persen).',
    facts: [
      { region: 'Kabupaten Lebak', metric: 'enrolled_count', value: 1346921, asOf: '2025-01' },
      { region: 'Kabupaten Lebak', metric: 'coverage_pct', value: 94.1, asOf: '2025-01' },
    ],
  },
  {
    text: 'Cakupan UHC Kabupaten Sumedang per 1 Juni 2025 mencapai 98,44 persen dengan jumlah peserta 1.182.555 jiwa dari total penduduk 1.201.200 jiwa.',
    facts: [
      { region: 'Kabupaten Sumedang', metric: 'coverage_pct', value: 98.44, asOf: '2025-06-01' },
      { region: 'Kabupaten Sumedang', metric: 'enrolled_count', value: 1182555, asOf: '2025-06-01' },
      { region: 'Kabupaten Sumedang', metric: 'population', value: 1201200, asOf: '2025-06-01' },
    ],
  },
  {
    text: 'Dari jumlah penduduk 2,3 juta jiwa, peserta JKN di Kabupaten Bekasi mencapai 2,25 juta jiwa.',
    facts: [
      { region: 'Kabupaten Bekasi', metric: 'population', value: 2300000, asOf: null },
      { region: 'Kabupaten Bekasi', metric: 'enrolled_count', value: 2250000, asOf: null },
    ],
  },
  { text: 'BPJS Kesehatan mencatat 45 juta peserta JKN di Jawa Timur.', facts: [{ region: 'Provinsi Jawa Timur', metric: 'enrolled_count', value: 45000000, asOf: null }] },
  {
    text: 'Di Kota Cirebon, 99,1 persen penduduk terdaftar JKN dan 83,2 persen di antaranya peserta aktif.',
    facts: [
      { region: 'Kota Cirebon', metric: 'coverage_pct', value: 99.1, asOf: null },
      { region: 'Kota Cirebon', metric: 'active_pct', value: 83.2, asOf: null },
    ],
  },
  {
    text: 'Kepesertaan JKN di Kabupaten Nabire mencapai 100 persen, sedangkan tingkat keaktifannya 68 persen.',
    facts: [
      { region: 'Kabupaten Nabire', metric: 'coverage_pct', value: 100, asOf: null },
      { region: 'Kabupaten Nabire', metric: 'active_pct', value: 68, asOf: null },
    ],
  },
  {
    text: 'Cakupan JKN Kabupaten Kendal mencapai 98,2 persen. Angka ini naik 1,5 persen dari tahun sebelumnya.',
    // The change ("naik 1,5 persen") is not a level.
    facts: [{ region: 'Kabupaten Kendal', metric: 'coverage_pct', value: 98.2, asOf: null }],
  },
  {
    text: 'Pemerintah Kabupaten Alor menargetkan cakupan kepesertaan 100 persen pada 2026, saat ini baru 94,6 persen.',
    facts: [{ region: 'Kabupaten Alor', metric: 'coverage_pct', value: 94.6, asOf: null }],
  },
  {
    text: 'Kabupaten Bantul menargetkan keaktifan 85 persen. Saat ini keaktifan peserta JKN di Bantul 82,1 persen.',
    facts: [{ region: 'Kabupaten Bantul', metric: 'active_pct', value: 82.1, asOf: null }],
  },
  {
    text: 'Jumlah peserta JKN di Kabupaten Paser tercatat 290.112 jiwa pada 2025, naik dari 281.004 jiwa pada 2024.',
    facts: [
      { region: 'Kabupaten Paser', metric: 'enrolled_count', value: 290112, asOf: '2025' },
      { region: 'Kabupaten Paser', metric: 'enrolled_count', value: 281004, asOf: '2024' },
    ],
  },
  {
    text: 'Hingga Jumat (21/11), jumlah peserta JKN di Kabupaten Paser tercatat 290.112 jiwa.',
    published: '2025-11-24',
    // Rule 5: a "Jumat (21/11)" date is an event date, even when the publication date gives it a year.
    facts: [{ region: 'Kabupaten Paser', metric: 'enrolled_count', value: 290112, asOf: null }],
  },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Kerinci per Jan 2025 mencapai 97,3 persen.',
    facts: [{ region: 'Kabupaten Kerinci', metric: 'coverage_pct', value: 97.3, asOf: '2025-01' }],
  },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Tabalong tercatat 99,1 persen (per 1/4/2025).',
    // asOf should be "2025-04-01"; left unchecked because a gap cannot yet state a wrong asOf (the engine gives null).
    facts: [{ region: 'Kabupaten Tabalong', metric: 'coverage_pct', value: 99.1 }],
  },
  {
    text: 'Sejak program JKN bergulir pada 1 Januari 2014, cakupan kepesertaan di Kota Tual kini mencapai 99 persen.',
    // asOf should be null (2014 is when the programme began); the engine gives "2014-01-01". Left unchecked, as above.
    facts: [{ region: 'Kota Tual', metric: 'coverage_pct', value: 99 }],
  },
  {
    text: 'Pada 2022 lalu cakupan kepesertaan JKN Kabupaten Ende baru 90 persen, kini sudah 97 persen.',
    // The 97 is "kini" (now): its asOf should be null, the engine carries 2022 to it. Left unchecked, as above.
    facts: [
      { region: 'Kabupaten Ende', metric: 'coverage_pct', value: 90, asOf: '2022' },
      { region: 'Kabupaten Ende', metric: 'coverage_pct', value: 97 },
    ],
  },
  {
    text: 'Pemkab Kepulauan Meranti mendaftarkan 12.000 warga miskin sebagai peserta JKN tahun ini.',
    none: 'new registrations in a year (a flow, and poor residents: PBI), not the number enrolled',
  },
  {
    text: 'Sebanyak 5.200 peserta baru didaftarkan Pemkot Singkawang pada Maret 2025.',
    none: 'new participants in a month (a flow), not the number enrolled',
  },

  // Words that look like tiers but are not awards.
  { text: 'Bupati Kendal menyampaikan laporan dalam rapat paripurna DPRD Kabupaten Kendal.', none: '"rapat paripurna" is a council session, not a tier' },
  { text: 'Direktur Utama BPJS Kesehatan Ghufron Mukti hadir di Kabupaten Pati.', none: '"Direktur Utama" is a title, not a tier' },
  { text: 'Klinik Pratama di Kota Kendari bekerja sama dengan BPJS Kesehatan.', none: '"Klinik Pratama" is a clinic type, not a tier' },
  { text: 'Dokter ahli madya di RSUD Kabupaten Sinjai melayani peserta JKN.', none: '"ahli madya" is a rank, not a tier' },
  { text: 'Kantor Cabang Utama BPJS Kesehatan Manado melayani Kota Manado dan Kabupaten Minahasa.', none: '"Kantor Cabang Utama" is an office, not a tier' },
  { text: 'Kabupaten Wajo meraih UHC Awards 2026 kategori Madya untuk ketiga kalinya.', facts: [], categories: [{ region: 'Kabupaten Wajo', category: 'Madya', year: 2026 }] },
  // Dates and categories the engine once got wrong (kept as regressions).
  { text: 'Cakupan kepesertaan JKN Kabupaten Blora sudah 96,2 persen, sedikit di bawah target 98 persen pada 2025.', facts: [{ region: 'Kabupaten Blora', metric: 'coverage_pct', value: 96.2, asOf: null }] },
  { text: 'Sejak program JKN bergulir pada 1 Januari 2014, cakupan kepesertaan Kota Tual kini mencapai 99 persen.', facts: [{ region: 'Kota Tual', metric: 'coverage_pct', value: 99, asOf: null }] },
  {
    text: 'Pada 2022 lalu cakupan kepesertaan JKN Kabupaten Buton baru 90 persen, kini sudah 97 persen.',
    facts: [
      { region: 'Kabupaten Buton', metric: 'coverage_pct', value: 90, asOf: '2022' },
      { region: 'Kabupaten Buton', metric: 'coverage_pct', value: 97, asOf: null },
    ],
  },
  { text: 'Cakupan kepesertaan JKN di Kabupaten Sigi mencapai 97 persen (per 1/4/2025).', facts: [{ region: 'Kabupaten Sigi', metric: 'coverage_pct', value: 97, asOf: '2025-04-01' }] },
  { text: 'Kota Surabaya dan Kabupaten Sidoarjo meraih UHC Award kategori Madya.', facts: [], categories: [{ region: 'Kota Surabaya', category: 'Madya', year: null }, { region: 'Kabupaten Sidoarjo', category: 'Madya', year: null }] },
  { text: 'Kota Jambi, Kabupaten Muaro Jambi dan Kabupaten Batanghari, meraih UHC kategori Pratama pada 2025.', facts: [], categories: [{ region: 'Kota Jambi', category: 'Pratama', year: 2025 }, { region: 'Kabupaten Muaro Jambi', category: 'Pratama', year: 2025 }, { region: 'Kabupaten Batanghari', category: 'Pratama', year: 2025 }] },
  { text: 'Kabupaten Sleman meraih UHC kategori Madya 2026.', facts: [], categories: [{ region: 'Kabupaten Sleman', category: 'Madya', year: 2026 }] },
  { text: 'Kabupaten Kupang baru mencapai 93,4 persen dan menargetkan meraih UHC kategori Madya pada 2025.', facts: [{ region: 'Kabupaten Kupang', metric: 'coverage_pct', value: 93.4, asOf: null }], categories: [] },
  { text: 'Cakupan Kepesertaan JKN di Kota Kupang mencapai 99,3 persen dengan tingkat keaktifan 81 persen.', facts: [{ region: 'Kota Kupang', metric: 'coverage_pct', value: 99.3, asOf: null }, { region: 'Kota Kupang', metric: 'active_pct', value: 81, asOf: null }] },
  { text: 'Kepala BPJS Kesehatan Cabang Tasikmalaya mengatakan, dari jumlah peserta tersebut, peserta aktif sebanyak 934.512 jiwa atau 77,62 persen.', none: 'the only place named is a BPJS branch office, which owns no figure' },
  {
    text: 'Kabupaten Minahasa Utara\nTingkat kepesertaan: 98,52 persen\nTingkat keaktifan: 82,1 persen\nKota Bitung\nTingkat kepesertaan: 99,87 persen\nTingkat keaktifan: 80,4 persen',
    facts: [
      { region: 'Kabupaten Minahasa Utara', metric: 'coverage_pct', value: 98.52, asOf: null },
      { region: 'Kabupaten Minahasa Utara', metric: 'active_pct', value: 82.1, asOf: null },
      { region: 'Kota Bitung', metric: 'coverage_pct', value: 99.87, asOf: null },
      { region: 'Kota Bitung', metric: 'active_pct', value: 80.4, asOf: null },
    ],
  },
  {
    text: 'Capaian UHC Kabupaten Bantul per Januari 2025 sebesar 98,34 persen, meningkat dibanding tahun lalu 97,12 persen.',
    facts: [
      { region: 'Kabupaten Bantul', metric: 'coverage_pct', value: 98.34, asOf: '2025-01' },
      { region: 'Kabupaten Bantul', metric: 'coverage_pct', value: 97.12, asOf: null },
    ],
  },
  {
    text: 'Di Jawa Barat, Kota Depok mencatat 2.056.335 peserta JKN dari 2.123.349 jiwa penduduk (96,84 persen).',
    facts: [
      { region: 'Kota Depok', metric: 'enrolled_count', value: 2056335, asOf: null },
      { region: 'Kota Depok', metric: 'population', value: 2123349, asOf: null },
      { region: 'Kota Depok', metric: 'coverage_pct', value: 96.84, asOf: null },
    ],
  },
  {
    text: 'Jumlah peserta aktif JKN di Kabupaten Bantul sebanyak 812.345 jiwa (79,6 persen), sedangkan peserta nonaktif 208.000 jiwa.',
    facts: [
      { region: 'Kabupaten Bantul', metric: 'active_count', value: 812345, asOf: null },
      { region: 'Kabupaten Bantul', metric: 'active_pct', value: 79.6, asOf: null },
    ],
  },
  {
    text: 'Cakupan kepesertaan JKN Kabupaten Gowa 96 persen, sementara rata-rata nasional 98,2 persen.',
    facts: [
      { region: 'Kabupaten Gowa', metric: 'coverage_pct', value: 96, asOf: null },
      { region: 'Indonesia', metric: 'coverage_pct', value: 98.2, asOf: null },
    ],
  },
  { text: 'Realisasi pendaftaran peserta JKN di Kabupaten Gowa mencapai 95 persen dari target.', none: 'a share of a target reached, not of the population' },
  {
    text: 'Lima daerah di Kalsel meraih UHC Award 2025, yakni Kabupaten Tapin (Madya), Kabupaten Balangan (Pratama) dan Kota Banjarbaru (Madya).',
    facts: [],
    categories: [
      { region: 'Kabupaten Tapin', category: 'Madya', year: 2025 },
      { region: 'Kabupaten Balangan', category: 'Pratama', year: 2025 },
      { region: 'Kota Banjarbaru', category: 'Madya', year: 2025 },
    ],
  },
  {
    text: 'Berikut daftar penerima UHC Award 2026 kategori Utama di Jawa Tengah: Kabupaten Klaten, Kabupaten Sragen dan Kota Surakarta.',
    facts: [],
    categories: [
      { region: 'Kabupaten Klaten', category: 'Utama', year: 2026 },
      { region: 'Kabupaten Sragen', category: 'Utama', year: 2026 },
      { region: 'Kota Surakarta', category: 'Utama', year: 2026 },
    ],
  },
];

// Examples written for the error classes of unseen articles (extractors/sentences-unseen.ts).
SENTENCE_EXAMPLES.push(...UNSEEN_EXAMPLES);
