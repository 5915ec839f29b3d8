/**
 * Metric cues: the words that say what a figure measures — coverage ("cakupan kepesertaan", "terdaftar",
 * "tercakup"), activity ("keaktifan", "peserta aktif"), population ("jumlah penduduk", "total penduduk"),
 * participants ("peserta JKN"), registration verbs ("telah menjadi peserta") and national scope
 * ("secara nasional"). The engine pairs each figure with the cues of its clause.
 */
import { findAll, lexicon, wordsRegex } from '../src/extract/lexicon.ts';
import type { CueFamily, CueMention, Extractor } from '../src/extract/types.ts';

let res: [CueFamily, RegExp][] | null = null;

export const metrics: Extractor<'cue'> = {
  name: 'metrics',
  kind: 'cue',
  description: 'Cue phrases for the five metrics and for national scope.',
  find(doc) {
    const c = lexicon().cues;
    res ??= (Object.keys(c) as CueFamily[]).map((f) => [f, wordsRegex(c[f])]);
    const out: CueMention[] = [];
    for (const [family, re] of res) for (const m of findAll(re, doc.text)) out.push({ kind: 'cue', family, word: m.text.toLowerCase(), start: m.start, end: m.end });
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  },
  valueOf: (m) => m.family,
  examples: [
    { text: 'cakupan kepesertaan JKN di Kalimantan Tengah', span: 'cakupan kepesertaan', value: 'coverage' },
    { text: 'tingkat keaktifan peserta berada pada angka 85,24 persen', span: 'keaktifan', value: 'active' },
    { text: 'sebanyak 608.409 tercatat aktif', span: 'tercatat aktif', value: 'active' },
    { text: 'Pengguna aktif JKN KIS di PPU', span: 'Pengguna aktif', value: 'active' },
    { text: 'dari total jumlah penduduk sebanyak 2.631.346 jiwa', span: 'total jumlah penduduk', value: 'population' },
    { text: 'dari total penduduk Kabupaten Gorontalo', span: 'total penduduk', value: 'population' },
    { text: 'penduduk telah terdaftar sebagai peserta', span: 'terdaftar', value: 'coverage' },
    { text: 'lebih dari 99% telah tercakup dalam program JKN', span: 'tercakup', value: 'coverage' },
    { text: 'presentase penduduk sula yang tercover 92,50 %', span: 'tercover', value: 'coverage' },
    { text: 'kepesertaan JKN secara nasional mencapai hingga 98,19 persen', span: 'secara nasional', value: 'national' },
    { text: 'telah menjadi peserta Jaminan Kesehatan Nasional', span: 'telah menjadi peserta', value: 'registration' },
    { text: 'seluruh warga, yang hanya sekitar 700 ribu jiwa', span: 'seluruh warga', value: 'population' },
    { text: 'kepersertaan JKN tertinggi berada di Kota Jayapura', span: 'kepersertaan', value: 'coverage' },
    { text: 'angka keaktifan yang jauh di bawah standar', span: 'keaktifan', value: 'active' },
    { text: 'penghargaan bagi kabupaten diserahkan oleh Menteri', none: 'no metric word' },
  ],
};
