/**
 * Polarity gate (issue 9, class 3): counts and shares of what is missing are not coverage — "belum terdaftar",
 * "belum tercover", "non kepesertaan", "tidak aktif", "tinggal 4,31 persen", "tersisa 2,4 persen", "kurang 380 peserta",
 * "masih perlu menambah sekitar 12 ribu jiwa", "yang harus mendaftar", "sisanya"; nor quotas and NIK counts.
 *
 * A figure is missing-polarity when
 *  - a missing word stands before it in its clause, close (MISSING_REACH): "tinggal", "tersisa", "kurang", "kuota", "NIK";
 *  - a missing phrase follows its group at once ("… sekitar 1 juta jiwa belum terdaftar", "… 4,31 persen lagi"), with no
 *    "atau" between (in "1.508 atau 97,43 persen atau yang belum hanya 24 orang" the "yang belum" opens the next figure),
 *    and beginning within MISSING_AFTER_REACH;
 *  - its clause opens with an anaphor ("Jumlahnya sekitar 33 ribu") and the sentence before named what is missing.
 */
import { alternation, lexicon, prefixScanner, scanAll } from '../../src/extract/lexicon.ts';
import type { Doc, Found } from '../../src/extract/types.ts';
import type { Gate, GateFigure } from './index.ts';
import { clauseEndOf, clauseStartOf, hitsOf, inside, lastInside, lowerBound } from './util.ts';

let negated: { re: RegExp; scan: ((text: string) => RegExpExecArray[]) | null } | null = null;
let phrases: Record<'afterRe' | 'notAfter' | 'anaphorRe' | 'anaphorInRe' | 'openerRe', RegExp> | null = null;

// Patterns with a Unicode property outside a bracket are hoisted: the TypeScript transform turns such a literal into a
// `new RegExp` evaluated at every call.
const LETTER = /\p{L}/u;
const CAPITALISED_AFTER = /^\s+\p{Lu}\p{Ll}/u;
const CAPITALISED_LAST = /\s\p{Lu}\p{Ll}+$/u;

/** How far before a figure a missing word still governs it ("tinggal 4,31 persen", "kurang 380 peserta"). */
export const MISSING_REACH = 60;
/** How far after a figure's group a missing phrase may begin ("5,57 persen penduduk … belum terdaftar"). */
export const MISSING_AFTER_REACH = 40;

/** The words a figure in apposition may open with: "…, sekitar 19.800 orang". */
const APPOSITION = /^\s*(?:(?:yakni|yaitu)\s+)?(?:sekitar|kira-kira|kurang\s+lebih|hampir|lebih\s+dari|sebanyak|mencapai|yakni|yaitu)?\s*$/iu;
/** What may stand between the missing phrase and the comma of the apposition: two words at most ("tersisa sedikit, yakni …"). */
const APPOSITION_GAP = /^\s*(?:[\p{L}-]+\s*){0,2}$/u;

/** Longest line read as a headline, where capitals carry no sentence boundary. */
export const HEADLINE_MAX_CHARS = 150;

/** A headline: most of its words capitalised. */
function titleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => LETTER.test(w));
  return words.length > 0 && words.filter((w) => /^[\p{Lu}\d"“'‘(]/u.test(w)).length / words.length >= 0.6;
}

export const polarityGate: Gate = {
  name: 'polarity',
  description: 'Counts and shares of the unregistered, the inactive, what remains to reach a target, quotas and NIK counts are not coverage.',
  prepare(doc: Doc, found: Found) {
    const g = lexicon().gates;
    const text = doc.text;
    const verbs = alternation(g.missingVerbs);
    // Words that may stand between a figure and what says it is missing: its unit, "yang", "masih", a place.
    const filler = alternation(g.missingFiller);
    // "belum terdaftar", "tidak tercover", "yang belum menjadi peserta": a missing verb phrase, masked out where it is no
    // polarity at all ("belum mencapai", "belum lama ini", "kurang lebih").
    const notMissing = hitsOf(text, g.notMissing);
    // Masks are sorted and do not overlap one another: the one starting last at or before a hit is the only one that can hold it.
    const masked = (h: { start: number; end: number }) => {
      const i = lowerBound(notMissing, h.start + 1) - 1;
      return i >= 0 && notMissing[i]!.end >= h.end;
    };
    // Built once per process with its prefix scanner: it opens with "yang" or a negation, after no letter.
    negated ??= (() => {
      const re = new RegExp(`(?<![\\p{L}])(?:yang\\s+)?(?:${alternation(g.negations)})\\s+(?:${verbs})(?![\\p{L}])`, 'giu');
      return { re, scan: prefixScanner(re, ['yang', ...g.negations]) };
    })();
    const before = [
      // (Not `hitsOf(text, g.missingBefore, g.notMissing)`: `masked` drops the same hits, found once above. Masks are one
      // regex's matches, sorted and apart, so a mask holds a hit exactly when the last one starting at or before it does.)
      ...hitsOf(text, g.missingBefore).filter((h) => !masked(h)),
      ...scanAll(negated.re, text, negated.scan).map((m) => ({ start: m.index!, end: m.index! + m[0].length, word: m[0].toLowerCase().replace(/\s+/g, ' ') })).filter((h) => !masked(h)),
    ].sort((a, b) => a.start - b.start);
    // A coverage word between a missing word and the figure speaks of coverage again: "Dengan tambahan tersebut, cakupan
    // kepesertaan naik menjadi 98 persen".
    // ("aktif" inside "tidak aktif" is no such word.)
    const inactive = found.guard.filter((x) => x.guard === 'inactive');
    const coverageCues = found.cue.filter(
      (c) => (c.family === 'coverage' || c.family === 'active' || c.family === 'coverageWeak') && !inside(inactive, c.start - 20, c.end + 1).some((x) => x.start <= c.start && c.end <= x.end),
    );
    const populationCues = found.cue.filter((c) => c.family === 'population');
    // The patterns below depend on the lexicon only: built once per process, not per document.
    phrases ??= {
      afterRe: new RegExp(
        `^[\\s,]*(?:(?:${filler})\\s+){0,4}(?:(?:yang\\s+)?(?:${alternation(g.negations)})\\s+(?:${verbs})|${alternation(g.missingAfter)})(?![\\p{L}])`,
        'iu',
      ),
      notAfter: new RegExp(`^[\\s,]*(?:(?:${filler})\\s+){0,4}(?:${alternation(g.notMissing)})(?![\\p{L}])`, 'iu'),
      anaphorRe: new RegExp(`^\\s*(?:${alternation(g.anaphors)})(?![\\p{L}])`, 'iu'),
      anaphorInRe: new RegExp(`(?<![\\p{L}])(?:${alternation(g.anaphors)})(?![\\p{L}])`, 'iu'),
      openerRe: new RegExp(`^[\\s"“'‘(]*(?:${alternation(g.missingOpeners)})(?![\\p{L}])`, 'iu'),
    };
    const { afterRe, notAfter, anaphorRe, anaphorInRe, openerRe } = phrases;
    const missingSentence = (from: number, to: number) => lastInside(before, from, to) !== undefined;
    const figures = [...found.percent, ...found.count].sort((a, b) => a.start - b.start);
    // "Sisanya, sebanyak 1,2 persen … belum memiliki JKN": a sentence that opens with the rest speaks of the missing.
    // Segment counts: "PPU sebanyak 340.000 jiwa", "PBI APBN sebanyak 410.225 jiwa" — but not "PPU" naming Penajam Paser Utara.
    const segments = hitsOf(text, g.segmentWords).filter((h) => {
      const i = lowerBound(found.region, h.start + 1) - 1;
      return !(i >= 0 && found.region[i]!.end >= h.end);
    });
    // What a clause may end on for an anaphor after its comma to count it: a missing word, an inactive one ("menunggak"), or
    // a segment ("… didaftarkan sebagai peserta PPU, jumlahnya sekitar 86.400 jiwa").
    const missingOrInactive = [...before, ...inactive, ...segments].sort((a, b) => a.start - b.start);

    // Whether a paragraph is a headline: asked only after a capital, and once per paragraph (it is the paragraph's alone).
    const headlines = new Map<number, boolean>();
    const isHeadline = (paragraph: number): boolean => {
      let h = headlines.get(paragraph);
      if (h === undefined) {
        const para = doc.paragraphs[paragraph]!;
        headlines.set(paragraph, (h = para.end - para.start <= HEADLINE_MAX_CHARS && titleCase(text.slice(para.start, para.end))));
      }
      return h;
    };

    return (f: GateFigure) => {
      const grp = f.group ?? f;
      const s = doc.sentenceAt(f.start);
      const cs = clauseStartOf(text, s.start, f.start);
      const b = lastInside(before, Math.max(cs, f.start - MISSING_REACH), f.start);
      // … and so does a population word: "… belum terdaftar dari total penduduk 2,49 juta jiwa" is the population.
      if (b && !inside(coverageCues, b.end, f.start).length && !inside(populationCues, b.end, f.start).length) return { gate: 'polarity', reason: 'gate:polarity', word: b.word, start: b.start, end: b.end };
      // In apposition to a missing phrase just before the comma: "warga yang belum terdaftar, sekitar 19.800 orang, …", "… yang
      // belum terdaftar tinggal sedikit, yakni sekitar 3.100 jiwa".
      if (cs > s.start && text[cs - 1] === ',' && APPOSITION.test(text.slice(cs, f.start))) {
        const ap = lastInside(before, Math.max(s.start, cs - 1 - MISSING_REACH), cs - 1);
        if (ap && APPOSITION_GAP.test(text.slice(ap.end, cs - 1))) return { gate: 'polarity', reason: 'gate:polarity', word: ap.word, start: ap.start, end: ap.end };
      }
      if (openerRe.test(text.slice(s.start, f.start)) && !inside(coverageCues, s.start, f.start).length) {
        return { gate: 'polarity', reason: 'gate:polarity', word: 'the rest (sisanya)', start: s.start, end: f.start };
      }
      const seg = lastInside(segments, Math.max(cs, f.start - MISSING_REACH), f.start);
      if (seg && !inside(coverageCues, seg.end, f.start).length) return { gate: 'polarity', reason: 'gate:polarity', word: `segment: ${seg.word}`, start: seg.start, end: seg.end };
      const ce = clauseEndOf(text, grp.end, s.end);
      // A region between the figure and the phrase is its place, not a new subject ("210 ribu jiwa di Kabupaten Jember belum
      // tercover"): it reads as "wilayah", a filler word.
      let tail = text.slice(grp.end, Math.min(ce, grp.end + MISSING_AFTER_REACH + 40));
      for (const r of inside(found.region, grp.end, grp.end + tail.length)) {
        const a0 = r.start - grp.end;
        tail = tail.slice(0, a0) + 'wilayah' + ' '.repeat(r.end - r.start - 7 > 0 ? r.end - r.start - 7 : 0) + tail.slice(r.end - grp.end);
      }
      // "Peserta aktif mencapai 695.856 Peserta non aktif 145.224": a capital right after the figure starts a new statement
      // (a missing full stop) — except in a headline, where every word is capitalised.
      // The unit may be that capital itself ("695.856 Peserta non aktif": the count took "Peserta" as its unit).
      const newStatement = (CAPITALISED_AFTER.test(tail) || CAPITALISED_LAST.test(text.slice(grp.start, grp.end))) && !isHeadline(s.paragraph);
      const a = newStatement ? null : afterRe.exec(tail);
      if (a && a[0].length <= MISSING_AFTER_REACH + 30 && !notAfter.test(tail)) {
        const start = grp.end + (a[0].length - a[0].trimStart().length);
        return { gate: 'polarity', reason: 'gate:polarity', word: a[0].trim().toLowerCase().replace(/\s+/g, ' '), start, end: grp.end + a[0].length };
      }
      // "… peserta yang menunggak, jumlahnya sekitar 55 ribu jiwa": an anaphor in the figure's clause points at the clause
      // before the comma; when that clause closes on what is missing, so is the figure.
      if (cs > s.start && text[cs - 1] === ',' && anaphorInRe.test(text.slice(cs, f.start))) {
        const w = lastInside(missingOrInactive, Math.max(s.start, cs - 1 - MISSING_REACH), cs - 1);
        if (w && !inside(figures, w.end, cs).length && !inside(coverageCues, cs, f.start).length) {
          return { gate: 'polarity', reason: 'gate:polarity', word: `anaphor of ${text.slice(w.start, w.end).toLowerCase()}`, start: w.start, end: w.end };
        }
      }
      // "Jumlahnya sekitar 33 ribu": the anaphor points at the sentence before.
      const prev = doc.sentences[s.index - 1];
      // Only when that sentence gave no figure of its own: after "… 1 juta peserta, yang belum terdaftar 20 ribu.", "Dari jumlah
      // tersebut, 85 persen aktif" speaks of the participants.
      if (
        prev &&
        prev.paragraph >= s.paragraph - 1 &&
        anaphorRe.test(text.slice(s.start, f.start).replace(/^[\s"“”'‘’]+/, '')) &&
        missingSentence(prev.start, prev.end) &&
        !inside(figures, prev.start, prev.end).length
      ) {
        return { gate: 'polarity', reason: 'gate:polarity', word: 'anaphor of a missing count', start: s.start, end: f.start };
      }
      return null;
    };
  },
  examples: [
    { text: 'Kebutuhan UHC di Provinsi Sumatera Utara tinggal 3,8 persen lagi.', none: 'what remains to reach UHC is not coverage' },
    { text: 'Sisanya tidak aktif karena menunggak iuran, jumlahnya sekitar 310 ribu peserta se-Kalbar.', none: 'the rest, inactive: "aktif" inside "tidak aktif" speaks of no activity' },
    { text: 'Dinkes menyisir desa agar warga Kabupaten Wonogiri yang belum terdaftar, sekitar 12.400 orang, segera masuk JKN.', none: 'a missing count in apposition' },
    {
      text: 'Warga Kabupaten Sukoharjo yang sudah terdaftar, sekitar 890.000 orang, tercatat sebagai peserta JKN.',
      facts: [{ region: 'Kabupaten Sukoharjo', metric: 'enrolled_count', value: 890000 }],
    },
    { text: 'Masih tersisa 2,4 persen warga Kota Kupang yang belum terakomodasi dalam program JKN.', none: 'the share still missing' },
    { text: 'Untuk mencapai UHC, Kabupaten Serang kurang 1.250 peserta lagi.', none: 'what is lacking to reach UHC' },
    { text: 'Kabupaten Lebak masih perlu menambah sekitar 12 ribu jiwa agar mencapai UHC.', none: 'people still to be added' },
    { text: 'Masyarakat Jawa Barat yang harus mendaftar BPJS Kesehatan adalah sebanyak 1.421.932 jiwa.', none: 'people who still have to register' },
    { text: 'Sebanyak 773.304 masyarakat Provinsi NTT belum menjadi peserta JKN.', none: 'the unregistered' },
    { text: 'Artinya, sekitar 4,2 persen penduduk atau sekitar 210 ribu jiwa di Kabupaten Jember belum tercover JKN.', none: 'the uncovered share and count' },
    { text: 'Dari jumlah tersebut, sisanya sebanyak 65.300 jiwa di Kabupaten Garut belum memiliki JKN.', none: '"sisanya": the rest, who are not covered' },
    { text: 'Kabupaten Pandeglang mendapat kuota PBI sebanyak 520 ribu jiwa.', none: 'a quota is no enrolment' },
    { text: 'Banyak NIK warga Kabupaten Sumbawa belum berstatus online. Jumlahnya sekitar 21 ribu, kata Bupati.', none: '"Jumlahnya" counts the NIK of the sentence before' },
    { text: 'Tercatat 5.900 penduduk Kota Bima masih non kepesertaan JKN.', none: 'non-participants' },
    { text: 'Dinsos memverifikasi warga yang masih menunggak iuran, jumlahnya di Kabupaten Bone sekitar 23 ribu jiwa.', none: '"jumlahnya" after a comma counts the clause before: those in arrears' },
    { text: 'Pemkot mendata ulang peserta nonaktif, yang di Kota Palu jumlahnya mencapai 41.800 jiwa.', none: 'an anaphor inside the clause, pointing at the inactive before the comma' },
    {
      text: 'BPJS Kesehatan mendata ulang peserta yang terdaftar, jumlahnya di Kabupaten Wajo kini 388.200 jiwa.',
      facts: [{ region: 'Kabupaten Wajo', metric: 'enrolled_count', value: 388200 }],
    },
    {
      text: 'Warga Kabupaten Soppeng yang belum terdaftar sudah didata, sementara cakupan kepesertaan jumlahnya kini 97,1 persen.',
      facts: [{ region: 'Kabupaten Soppeng', metric: 'coverage_pct', value: 97.1 }],
    },
    {
      text: 'Peserta JKN di Kabupaten Kendal tercatat 1.020.400 jiwa, yang belum terdaftar tinggal 18 ribu jiwa. Dari jumlah tersebut, sebanyak 79,4 persen merupakan peserta aktif.',
      facts: [
        { region: 'Kabupaten Kendal', metric: 'enrolled_count', value: 1020400 },
        { region: 'Kabupaten Kendal', metric: 'active_pct', value: 79.4 },
      ],
    },
    { text: '54 Ribu Warga Kota Bima Belum Terdaftar JKN', none: 'a headline about the unregistered' },

    { text: 'Sisanya, sebanyak 1,2 persen atau 11.400 jiwa penduduk Kabupaten Jembrana, belum memiliki JKN.', none: '"Sisanya" opens a sentence about the uncovered' },
    { text: 'Peserta PBPU di Kota Denpasar sebanyak 210.300 jiwa dan PPU sebanyak 340.000 jiwa.', none: 'segment counts (PBPU, PPU) are no enrolment' },
    { text: 'Di Kabupaten Sumbawa, PBI APBN sebanyak 410.225 jiwa dan BP sebanyak 12.004 jiwa.', none: 'segment counts (PBI APBN, BP)' },
    { text: 'Dari peserta di Kabupaten Karo, 212.000 jiwa merupakan PBI APBN dan 48.300 jiwa PBI APBD.', none: 'segment counts named after each count: the first segment is closed off from the second count by "dan"' },
    {
      text: 'Di Kabupaten Dairi, 270.400 jiwa sudah terdaftar sebagai peserta JKN dan 60.100 jiwa di antaranya PBI APBD.',
      facts: [{ region: 'Kabupaten Dairi', metric: 'enrolled_count', value: 270400 }],
    },
    {
      text: 'Kabupaten Maros mencatat 402.100 peserta JKN, sekitar 180.000 jiwa di antaranya PBI APBN.',
      facts: [{ region: 'Kabupaten Maros', metric: 'enrolled_count', value: 402100 }],
    },
    { text: 'Cakupan JKN Kabupaten Konawe Utara tinggi karena banyak pekerja smelter didaftarkan sebagai peserta PPU, jumlahnya sekitar 21.500 jiwa.', none: '"jumlahnya" after a comma counts the segment the clause before ends on' },
    {
      text: 'Peserta JKN di Kota Tomohon tercatat 98.200 jiwa, jumlahnya naik dari tahun lalu.',
      facts: [{ region: 'Kota Tomohon', metric: 'enrolled_count', value: 98200 }],
    },
    { text: 'Di Kabupaten Sinjai warga belum terdaftar tersisa sedikit, yakni sekitar 3.100 jiwa.', none: 'a missing phrase before ", yakni" introduces the count after it' },
    {
      text: 'Cakupan kepesertaan JKN di PPU mencapai 96,77 persen.',
      facts: [{ region: 'Kabupaten Penajam Paser Utara', metric: 'coverage_pct', value: 96.77 }],
    },
    { text: 'Warga Kabupaten Dompu yang belum terdaftar sebanyak 12.480 jiwa.', none: 'the unregistered, named before the count' },
    {
      text: 'Kota Mataram belum menjadi UHC Prioritas dengan cakupan kepesertaan 97,5 persen.',
      facts: [{ region: 'Kota Mataram', metric: 'coverage_pct', value: 97.5 }],
    },
    {
      text: 'Dengan tambahan kuota tersebut cakupan kepesertaan JKN Kabupaten Bima naik menjadi 98,3 persen.',
      facts: [{ region: 'Kabupaten Bima', metric: 'coverage_pct', value: 98.3 }],
    },
    {
      text: 'Hingga Juni 2025, sebanyak 1.204.500 jiwa atau 97,6 persen penduduk Kabupaten Jember sudah terdaftar JKN.',
      facts: [
        { region: 'Kabupaten Jember', metric: 'enrolled_count', value: 1204500 },
        { region: 'Kabupaten Jember', metric: 'coverage_pct', value: 97.6 },
      ],
    },
    {
      text: 'Kabupaten Tulang Bawang Barat belum mencapai UHC dengan cakupan kepesertaan 86,25 persen.',
      facts: [{ region: 'Kabupaten Tulang Bawang Barat', metric: 'coverage_pct', value: 86.25 }],
    },
    {
      text: 'Cakupan kepesertaan JKN di Kota Kupang kurang lebih 96 persen.',
      facts: [{ region: 'Kota Kupang', metric: 'coverage_pct', value: 96 }],
    },
  ],
};
