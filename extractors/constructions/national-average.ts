/**
 * "Rata-rata Nasional di 79,6 persen"; "rerata nasional saat ini 76,70%": a national average is Indonesia's figure,
 * and it measures what the comparison before it measures ("Keaktifan peserta … di bawah rata-rata nasional.
 * Rata-rata Nasional di 79,6 persen" is activity).
 *
 * Pattern: (words | cue)("rata-rata nasional" | "rerata nasional") {words | cue | "di" | date}{0,4} PERCENT
 *
 * The average's own date may stand between them ("rata-rata nasional yang pada akhir 2024 sebesar 98,19 persen"), and a
 * region earlier in the sentence does not own it ("Angka Riau itu berada di atas rata-rata nasional …").
 */
import type { CueMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { textOf, tokensOf, valueOf } from './types.ts';

const AVERAGE = /\b(?:rata-rata|rerata|rata\s+rata)\s+(?:secara\s+)?nasional|\bnasional\s+(?:rata-rata|rerata)/iu;
const LINK = /^\s*(?:(?:yang|sebesar|di|pada|per|akhir|awal|pertengahan|hingga|sampai|tahun|angka|diangka|saat\s+ini|kini|berada|mencapai|yaitu|yakni|hanya|baru|adalah|sekitar|tercatat|masih|sudah|telah|,|:)\s*)*$/iu;
/** "Sedangkan nasional berada diangka 94,64 persen": "nasional" as the clause's subject. */
const NATIONAL_SUBJECT = /(?:^|\b(?:sedangkan|sementara|adapun|untuk|dan)\s+)(?:angka\s+|capaian\s+)?(?:di\s+tingkat\s+)?nasional\s+(?:berada|mencapai|tercatat|sebesar|diangka|di\s+angka|masih|baru|sudah|telah|hanya|pada)\b/iu;

/** Every average word of a text, for an exec loop (made once; it was rebuilt per match). */
const AVERAGE_ALL = new RegExp(AVERAGE.source, 'giu');
/** The word AVERAGE and NATIONAL_SUBJECT both hold, in the same flags: a text without it matches neither. */
const NATIONAL_WORD = /nasional/iu;

export const nationalAverage: Construction = {
  name: 'national-average',
  description: 'A national average ("rata-rata nasional"): Indonesia, with the metric of the comparison.',
  pattern: /[wQ][wQiDy]{0,4}P/,
  build(m) {
    const ts = tokensOf(m);
    const text = m.doc.text.slice(ts[0]!.start, ts.at(-1)!.start);
    // (Most figures: no average and no national subject, so null below; found by one literal search.)
    if (!NATIONAL_WORD.test(text)) return null;
    // The average must be what the figure states: only linking words between them. "Cakupan Kabupaten Tegal sudah di
    // atas rata-rata nasional dengan capaian 97 persen" is the kabupaten's figure.
    const avg = AVERAGE_ALL;
    avg.lastIndex = 0;
    let end = -1;
    for (let a; (a = avg.exec(text)); ) end = a.index + a[0].length;
    // The average's date is no word between them: "… rata-rata nasional yang pada akhir 2024 sebesar 98,19 persen".
    let between = end >= 0 ? text.slice(end) : '';
    const from = ts[0]!.start;
    for (const t of ts) if (t.code === 'D' && t.start - from >= end) between = between.slice(0, t.start - from - end) + ' '.repeat(t.end - t.start) + between.slice(t.end - from - end);
    const linked = end >= 0 && LINK.test(between);
    if (!linked && !NATIONAL_SUBJECT.test(text)) return null;
    const v = valueOf(ts.at(-1)!);
    // The metric: the nearest activity or coverage cue before the figure in its paragraph.
    const para = m.doc.paragraphs[m.seq.sentence.paragraph]!;
    const cue = m.ix.cue.last(para.start, v.start, (c: CueMention) => c.family === 'active' || c.family === 'coverage' || /cakupan|kepesertaan/iu.test(c.word));
    const metric = cue?.family === 'active' ? 'active_pct' : 'coverage_pct';
    void textOf;
    return [{ value: v, region: 'national', metric, reasons: ['region:national-average'] }];
  },
  examples: [
    {
      text: 'Keaktifan peserta JKN di Banten masih di bawah rata-rata nasional. Rata-rata nasional di 80,2 persen, sedangkan di Banten baru 74 persen.',
      facts: [
        { region: 'Indonesia', metric: 'active_pct', value: 80.2 },
        { region: 'Provinsi Banten', metric: 'active_pct', value: 74 },
      ],
    },
    {
      text: 'Tingkat keaktifan peserta JKN di Provinsi Lampung 71,2%, sedangkan rerata nasional saat ini 76,70%.',
      facts: [
        { region: 'Provinsi Lampung', metric: 'active_pct', value: 71.2 },
        { region: 'Indonesia', metric: 'active_pct', value: 76.7 },
      ],
    },
    {
      text: 'Cakupan kepesertaan JKN di Provinsi Jambi baru 91,2 persen, sedangkan nasional berada di angka 95,8 persen.',
      facts: [
        { region: 'Provinsi Jambi', metric: 'coverage_pct', value: 91.2 },
        { region: 'Indonesia', metric: 'coverage_pct', value: 95.8 },
      ],
    },
    {
      text: 'Cakupan kepesertaan JKN Kabupaten Tegal sudah di atas rata-rata nasional dengan capaian 98,9 persen.',
      facts: [{ region: 'Kabupaten Tegal', metric: 'coverage_pct', value: 98.9 }],
    },
    {
      text: 'Cakupan kepesertaan JKN Kabupaten Tegal sudah di atas rata-rata nasional yang sebesar 98,1 persen.',
      facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 98.1 }],
    },
    // "rerata nasional" is the same average; the comparison word before it ("di bawah") is no threshold.
    {
      text: 'Tingkat keaktifan peserta JKN di Kabupaten Sintang baru 74,6 persen, di bawah rerata nasional 80,3 persen.',
      facts: [
        { region: 'Kabupaten Sintang', metric: 'active_pct', value: 74.6 },
        { region: 'Indonesia', metric: 'active_pct', value: 80.3 },
      ],
    },
    {
      text: 'Secara provinsi, cakupan JKN di Bengkulu 96,2 persen, masih di bawah rerata nasional 98,4 persen.',
      facts: [
        { region: 'Provinsi Bengkulu', metric: 'coverage_pct', value: 96.2 },
        { region: 'Indonesia', metric: 'coverage_pct', value: 98.4 },
      ],
    },
    // A province earlier in the sentence, and the average's own date between it and its figure.
    {
      text: 'Capaian Kalimantan Barat itu masih di bawah rata-rata nasional yang pada pertengahan 2025 sebesar 98,3 persen.',
      facts: [{ region: 'Indonesia', metric: 'coverage_pct', value: 98.3 }],
    },
    {
      text: 'Cakupan kepesertaan JKN Provinsi Jambi 97,1 persen, di bawah rata-rata nasional per Juni 2025 yakni 98,3 persen.',
      facts: [
        { region: 'Provinsi Jambi', metric: 'coverage_pct', value: 97.1 },
        // asOf left unchecked: the comparison word "di bawah" still reads as a threshold that governs the date (engine
        // `governedByGuard`), so the average's "per Juni 2025" is not given to it yet.
        { region: 'Indonesia', metric: 'coverage_pct', value: 98.3 },
      ],
    },
    {
      text: 'Keaktifan peserta JKN di Kota Bengkulu 84 persen, di atas rerata nasional tahun 2024 yang hanya 79,4 persen.',
      facts: [
        { region: 'Kota Bengkulu', metric: 'active_pct', value: 84 },
        { region: 'Indonesia', metric: 'active_pct', value: 79.4 },
      ],
    },
    // Not the average's figure: a word other than a link stands between them ("Kabupaten Kapuas Hulu … rerata nasional
    // karena capaiannya 99,2 persen" is the kabupaten's).
    {
      text: 'Cakupan kepesertaan JKN Kabupaten Kapuas Hulu melampaui rerata nasional karena capaiannya kini 99,2 persen.',
      facts: [{ region: 'Kabupaten Kapuas Hulu', metric: 'coverage_pct', value: 99.2 }],
    },
  ],
};
