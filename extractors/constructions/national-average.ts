/**
 * "Rata-rata Nasional di 79,6 persen"; "rerata nasional saat ini 76,70%": a national average is Indonesia's figure,
 * and it measures what the comparison before it measures ("Keaktifan peserta … di bawah rata-rata nasional.
 * Rata-rata Nasional di 79,6 persen" is activity).
 *
 * Pattern: (words | cue)("rata-rata nasional" | "rerata nasional") {words | cue | "di"}{0,3} PERCENT
 */
import type { CueMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { textOf, tokensOf, valueOf } from './types.ts';

const AVERAGE = /\b(?:rata-rata|rerata|rata\s+rata)\s+(?:secara\s+)?nasional|\bnasional\s+(?:rata-rata|rerata)/iu;
const LINK = /^\s*(?:(?:yang|sebesar|di|pada|angka|diangka|saat\s+ini|kini|berada|mencapai|yaitu|yakni|hanya|baru|adalah|sekitar|tercatat|masih|sudah|telah|,|:)\s*)*$/iu;
/** "Sedangkan nasional berada diangka 94,64 persen": "nasional" as the clause's subject. */
const NATIONAL_SUBJECT = /(?:^|\b(?:sedangkan|sementara|adapun|untuk|dan)\s+)(?:angka\s+|capaian\s+)?(?:di\s+tingkat\s+)?nasional\s+(?:berada|mencapai|tercatat|sebesar|diangka|di\s+angka|masih|baru|sudah|telah|hanya|pada)\b/iu;

/** Every average word of a text, for an exec loop (made once; it was rebuilt per match). */
const AVERAGE_ALL = new RegExp(AVERAGE.source, 'giu');

export const nationalAverage: Construction = {
  name: 'national-average',
  description: 'A national average ("rata-rata nasional"): Indonesia, with the metric of the comparison.',
  pattern: /[wQ][wQi]{0,3}P/,
  build(m) {
    const ts = tokensOf(m);
    const text = m.doc.text.slice(ts[0]!.start, ts.at(-1)!.start);
    // The average must be what the figure states: only linking words between them. "Cakupan Kabupaten Tegal sudah di
    // atas rata-rata nasional dengan capaian 97 persen" is the kabupaten's figure.
    const avg = AVERAGE_ALL;
    avg.lastIndex = 0;
    let end = -1;
    for (let a; (a = avg.exec(text)); ) end = a.index + a[0].length;
    const linked = end >= 0 && LINK.test(text.slice(end));
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
  ],
};
