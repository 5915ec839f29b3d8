/**
 * Programme gate (issue 9, class 2): only JKN gives facts — BPJS Kesehatan, JKN-KIS, KIS, Jamkesda merged into JKN.
 * A figure about BPJS Ketenagakerjaan / BPJamsostek / Jamsostek, Taspen, Asabri, immunisation, hospital or puskesmas
 * accreditation, or a budget share ("80 persen dari pemerintah kabupaten/kota", "10 persen dari APBD") is no coverage
 * fact, even when its sentence says "cakupan kepesertaan … persen".
 *
 * Which programme a figure is about: the nearest programme word before it in its sentence, else the first after it;
 * a sentence that names none takes its paragraph's, when the paragraph names only other programmes; an article that
 * never names JKN but names another programme gives nothing.
 */
import { lexicon } from '../../src/extract/lexicon.ts';
import type { CueMention, Doc, Found } from '../../src/extract/types.ts';
import type { Gate, GateBlock, GateFigure } from './index.ts';
import { clauseStartOf, firstInside, hitsOf, inside, lastInside, type Hit } from './util.ts';

/** Words opening a sentence on a new topic: "Adapun", "Selain itu", "Sementara itu", "Di sisi lain", "Selain JKN". */
const TOPIC_SHIFT = /^\s*(?:adapun|selain\s+itu|selain\s+jkn|sementara\s+itu|di\s+sisi\s+lain|di\s+luar\s+jkn)\b/iu;

/** How far after a share the words naming the budget it is a share of may stand ("80 persen dari pemerintah kabupaten/kota"). */
export const BUDGET_SHARE_REACH = 6;

/** How close after a budget verb a participant word is its object ("membiayai kepesertaan"), not a new statement. */
export const BUDGET_OBJECT_REACH = 3;

/** Cue families that make the words between a budget word and a figure a coverage statement, not a budget line. */
const COVERAGE_FAMILIES = new Set(['coverage', 'coverageWeak', 'registration', 'active', 'population']);

let shareAfterRe: RegExp | null = null;

export const programmeGate: Gate = {
  name: 'programme',
  description: 'Figures about other programmes (BPJS Ketenagakerjaan, Taspen, Asabri, immunisation, accreditation) and budget shares are not JKN coverage.',
  prepare(doc: Doc, found: Found) {
    const g = lexicon().gates;
    const text = doc.text;
    // (Literals, not spreads of the hit: a spread per hit was a visible share of the gate.)
    const jkn = hitsOf(text, g.jknProgramme).map((h) => ({ start: h.start, end: h.end, word: h.word, jkn: true, insurance: false }));
    // Other social insurance shares JKN's words ("peserta", "kepesertaan"); other topics (immunisation, accreditation) do not.
    const insurance = hitsOf(text, g.otherInsurance).map((h) => ({ start: h.start, end: h.end, word: h.word, jkn: false, insurance: true }));
    const other = [...insurance, ...hitsOf(text, g.otherProgramme).map((h) => ({ start: h.start, end: h.end, word: h.word, jkn: false, insurance: false }))];
    // "BPJS Kesehatan" inside "BPJS Ketenagakerjaan"? No: distinct words. But "jaminan kesehatan" is no JKN word inside
    // another programme's name; overlapping hits keep the longer.
    const programme = [...jkn, ...other].sort((a, b) => a.start - b.start || b.end - a.end).filter((h, i, xs) => i === 0 || h.start >= xs[i - 1]!.end);
    const articleJkn = programme.some((p) => p.jkn);
    const articleOther = programme.some((p) => !p.jkn);
    const budget = hitsOf(text, g.budgetWords);
    const shareWords = hitsOf(text, g.budgetShareWords);
    // Built once per process (the lexicon does not change while it runs); per document it was a visible share of the gate.
    shareAfterRe ??= new RegExp(`^\\s*(?:persen|%)?\\s{0,${BUDGET_SHARE_REACH}}(?:${g.budgetShareAfter.map((w) => w.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&').replace(/ +/g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu');
    const shareAfter = shareAfterRe;
    const cues = found.cue.filter((c: CueMention) => COVERAGE_FAMILIES.has(c.family));
    const participantCues = found.cue.filter((c: CueMention) => c.family !== 'national' && c.family !== 'population');
    const block = (f: GateFigure, h: Hit, why: string): GateBlock => ({ gate: 'programme', reason: 'gate:programme', word: `${why}: ${h.word}`, start: h.start, end: h.end });

    return (f: GateFigure) => {
      const grp = f.group ?? f;
      const s = doc.sentenceAt(f.start);
      // A share of a budget: "80 persen dari pemerintah kabupaten/kota", "10 persen dari APBD".
      if (f.kind === 'percent') {
        const m = shareAfter.exec(text.slice(f.end, f.end + 60));
        if (m) return { gate: 'programme', reason: 'gate:programme', word: `budget share: ${m[0].trim().toLowerCase()}`, start: f.end, end: f.end + m[0].length };
      }
      // A budget line in the figure's clause with no coverage word between: "Rp5 miliar untuk 14.000 warga",
      // "membiayai sekitar 53.784 jiwa", "mengalokasikan anggaran … sebesar 10 persen".
      const cs = clauseStartOf(text, s.start, grp.start);
      const b = lastInside(budget, cs, grp.start);
      // A participant word right after the budget verb is what it pays for ("membiayai kepesertaan 35.000 warga").
      const freeCues = (from: number) => inside(cues, from, grp.start).filter((c) => c.start > from + BUDGET_OBJECT_REACH);
      if (b && !freeCues(b.end).length) return block(f, b, 'budget');
      // A share of an allocation, across the clause: "mengalokasikan anggaran … dengan persentase besaran beragam, 20 persen".
      const sh = f.kind === 'percent' ? lastInside(shareWords, s.start, grp.start) : undefined;
      if (sh && !freeCues(sh.end).length) return block(f, sh, 'budget share');
      // Programme of the sentence.
      const before = lastInside(programme, s.start, grp.start);
      const after = before ? undefined : firstInside(programme, grp.end, s.end);
      const own = before ?? after;
      if (own) return own.jkn ? null : block(f, own, 'programme');
      // A sentence naming no programme: its paragraph's, when that names only other programmes — for other topics only
      // when the sentence has no participant word either ("Cakupan kepesertaan mencapai 97 persen" after an immunisation
      // sentence is JKN's).
      const para = doc.paragraphs[s.paragraph]!;
      // A later sentence that opens a new topic ("Adapun BPJS Ketenagakerjaan …", "Selain itu, …") does not speak for the
      // sentences before it.
      const inPara = inside(programme, para.start, para.end).filter((p) => p.start < s.start || !TOPIC_SHIFT.test(text.slice(doc.sentenceAt(p.start).start, p.start)));
      const participantWords = inside(participantCues, s.start, s.end).length > 0;
      if (inPara.length && inPara.every((p) => !p.jkn) && (!participantWords || !articleJkn || inPara.some((p) => p.insurance))) return block(f, inPara.at(-1)!, 'paragraph programme');
      if (!articleJkn && articleOther) return block(f, programme.find((p) => !p.jkn)!, 'article programme');
      return null;
    };
  },
  examples: [
    { text: 'Cakupan perlindungan pekerja informal di Kabupaten Mahakam Ulu baru 31,5 persen.', none: 'the protection of informal workers (BPJS Ketenagakerjaan), not JKN coverage' },
    { text: 'Sebanyak 61.870 pekerja informal telah terdaftar, atau 38 persen dari total pekerja informal di Kabupaten Trenggalek.', none: 'a share of informal workers is no share of the population' },
    {
      text: 'Cakupan kepesertaan JKN Kabupaten Trenggalek 98,1 persen, termasuk pekerja informal.',
      facts: [{ region: 'Kabupaten Trenggalek', metric: 'coverage_pct', value: 98.1 }],
    },
    {
      text: 'Cakupan kepesertaan BPJS Ketenagakerjaan di Kabupaten Klaten baru mencapai 42,5 persen dari total pekerja.',
      none: 'BPJS Ketenagakerjaan is another programme: its "cakupan kepesertaan" is no JKN coverage',
    },
    {
      text: 'BPJamsostek Cabang Solo mencatat sebanyak 125.400 pekerja di Kota Surakarta telah terdaftar sebagai peserta.',
      none: 'BPJamsostek participants are workers insured for work accidents, not JKN participants',
    },
    {
      text: 'Kepesertaan Taspen di Provinsi Jambi tercatat 38.210 orang, sedangkan Asabri 12.004 orang.',
      none: 'Taspen and Asabri are pension programmes',
    },
    {
      text: 'Cakupan imunisasi dasar lengkap di Kabupaten Bantul mencapai 96,4 persen pada 2024.',
      none: 'immunisation coverage is another "cakupan"',
    },
    { text: 'Penerima Kartu Indonesia Pintar (KIP) di Kabupaten Sampang mencapai 84.500 siswa atau 91 persen dari sasaran.', none: 'another card, another programme' },
    { text: 'Dinkes mencatat cakupan ASI eksklusif di Kabupaten Banyumas 72,3 persen.', none: 'breastfeeding coverage is another "cakupan"' },
    { text: 'Cakupan pemberian tablet tambah darah bagi remaja putri di Kota Tegal mencapai 88 persen.', none: 'another health programme\'s "cakupan"' },
    {
      text: 'Dari 27 puskesmas di Kabupaten Gianyar, sebanyak 92,6 persen telah terakreditasi paripurna.',
      none: 'accreditation shares are not JKN figures',
    },
    {
      text: 'Anggaran akan dibagi secara proporsional, yakni 60 persen dari pemerintah kabupaten/kota dan 40 persen dari Pemprov Jawa Timur.',
      none: 'a budget split between governments is no coverage share',
    },
    {
      text: 'Pemkab Buleleng menyiapkan anggaran Rp5 miliar untuk 14.000 warga miskin pada 2025.',
      none: 'the people a budget pays for are no enrolment figure',
    },
    {
      text: 'Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,2 persen, sedangkan kepesertaan BPJS Ketenagakerjaan baru 37 persen.',
      facts: [{ region: 'Kabupaten Klaten', metric: 'coverage_pct', value: 98.2 }],
    },
    {
      text: 'BPJS Ketenagakerjaan Cabang Kudus mencatat kenaikan kepesertaan pekerja rentan. Jumlah peserta aktif di Kabupaten Kudus kini 84.300 orang.',
      none: 'a paragraph about BPJS Ketenagakerjaan: its "peserta aktif" are not JKN participants',
    },
    {
      text: 'Kepesertaan JKN di Jawa Tengah terus naik.\nSecara provinsi, Jawa Tengah per Mei 2025 mencatat cakupan 98,7 persen. Adapun BPJS Ketenagakerjaan Cabang Semarang melaporkan 88.200 pekerja informal terdaftar.',
      facts: [{ region: 'Provinsi Jawa Tengah', metric: 'coverage_pct', value: 98.7, asOf: '2025-05' }],
    },
    {
      text: 'Cakupan imunisasi dasar di Kabupaten Bantul 96,4 persen. Cakupan kepesertaan JKN-nya mencapai 99,2 persen.',
      facts: [{ region: 'Kabupaten Bantul', metric: 'coverage_pct', value: 99.2 }],
    },
    { text: 'Dengan anggaran Rp12 miliar, Pemkab Bangli membiayai kepesertaan 35.000 warga miskin.', none: 'people a budget pays for' },
    { text: 'Pemkab Tuban mengucurkan 12 persen anggaran kesehatan untuk iuran JKN warga miskin.', none: 'a share of a budget' },
    {
      text: 'Dengan dukungan anggaran daerah Kabupaten Tuban berhasil mencapai UHC 98,5 persen.',
      facts: [{ region: 'Kabupaten Tuban', metric: 'coverage_pct', value: 98.5 }],
    },
    {
      text: 'Berkat dukungan APBD, cakupan kepesertaan JKN Kota Madiun mencapai 99,1 persen.',
      facts: [{ region: 'Kota Madiun', metric: 'coverage_pct', value: 99.1 }],
    },
  ],
};
