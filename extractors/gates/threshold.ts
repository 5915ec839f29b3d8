/**
 * Threshold/target gate (issue 9, class 7; the guard words are here, how constructions use them is the engine's):
 *  - a tier's criteria or UHC restated as reached, the number right after ("mewujudkan UHC 98%", "mencapai UHC 98,6
 *    persen") — the award threshold, not a measurement;
 *  - a figure joined by "dan" to a threshold or target figure takes its reading ("target 98 persen dan tingkat keaktifan
 *    75 persen", "sudah di atas 98 persen dan keaktifannya lebih dari 80 persen");
 *  - counted regions said to exceed a level ("empat kabupaten … sudah melampaui 98 persen"): a threshold, their own
 *    figures follow;
 *  - a figure for a time to come, a word of the future in its clause ("tahun 2024 mendatang 98 persen", "tahun depan
 *    mewajibkan … mencapai 98 persen").
 */
import { alternation, endsLikeOneOf, lexicon, wordsRegex } from '../../src/extract/lexicon.ts';
import type { Doc, Found, GuardMention } from '../../src/extract/types.ts';
import type { Gate, GateFigure } from './index.ts';
import { clauseStartOf, hitsOf, lastInside } from './util.ts';

/** How close before a figure a threshold, target or criterion word governs it (as the engine's THRESHOLD_REACH). */
export const GUARD_REACH = 28;
/** How close before a figure an exceeding verb or a word of the future stands ("melampaui 98 persen"). */
export const VERB_REACH = 20;

const GOVERNING = new Set(['threshold', 'target', 'criterion', 'definition']);

let reachedRe: RegExp | null = null;
let reachedMay: ((s: string) => boolean) | null = null;
let carryWordsRe: RegExp | null = null;

export const thresholdGate: Gate = {
  name: 'threshold',
  description: 'Award criteria restated as reached, figures joined to a target, counted regions exceeding a level, and future figures are no measurements.',
  prepare(doc: Doc, found: Found) {
    const g = lexicon().gates;
    const text = doc.text;
    // Built once per process (the lexicon does not change while it runs).
    reachedRe ??= new RegExp(`(?<![\\p{L}])(?:${alternation(g.thresholdReached)})\\s*$`, 'iu');
    // Its exact pre-test: the last letter before the figure must end one of the words (most clauses end on none).
    reachedMay ??= endsLikeOneOf(g.thresholdReached) ?? (() => true);
    const reached = reachedRe;
    const mayReach = reachedMay;
    const exceed = hitsOf(text, g.exceedVerbs);
    const future = hitsOf(text, g.futureWords);
    const governing = found.guard.filter((x: GuardMention) => GOVERNING.has(x.guard));
    const regionCounts = found.guard.filter((x: GuardMention) => x.guard === 'region-count');
    const targets = governing.filter((x) => x.guard === 'target');
    const percents = found.percent;
    carryWordsRe ??= wordsRegex(g.targetCarry, 'giu');
    const carryWords = carryWordsRe;
    // Numbers of regulations and years may stand between too ("… dan diperbarui melalui Pergub Nomor 46 Tahun 2021 menjadi 98 persen").
    const onlyCarry = (gap: string) => gap.replace(carryWords, ' ').replace(/[\s()%./\d]+/g, '') === '';
    const governed = (p: { start: number }) => {
      const s = doc.sentenceAt(p.start);
      const cs = clauseStartOf(text, s.start, p.start);
      return lastInside(governing, Math.max(cs, p.start - GUARD_REACH), p.start);
    };

    return (f: GateFigure) => {
      const s = doc.sentenceAt(f.start);
      const cs = clauseStartOf(text, s.start, f.start);
      const before = text.slice(Math.max(cs, f.start - 40), f.start);
      const r = mayReach(before) ? reached.exec(before) : null;
      // Thresholds are whole numbers, or a decimal in a sentence that speaks of the target ("… mencapai target yang telah
      // ditentukan, … kita telah mencapai UHC 98,6 persen"); "telah mencapai UHC 98,21 persen per Desember" is a measurement.
      if (r && (Number.isInteger(f.value) || lastInside(targets, s.start, s.end))) return { gate: 'threshold', reason: 'gate:threshold', word: r[0].trim().toLowerCase(), start: f.start - r[0].length, end: f.start };
      // Joined to a threshold/target figure before it in the sentence.
      if (f.kind === 'percent') {
        const prev = lastInside(percents, s.start, f.start);
        if (prev && prev.end <= f.start && onlyCarry(text.slice(prev.end, f.start)) && /\b(?:dan|serta|maupun|dengan)\b/iu.test(text.slice(prev.end, f.start))) {
          // A target governs its whole clause ("target RPJMN pada 2029 adalah cakupan 98,6 persen dengan keaktifan 85 persen").
          const gw = governed(prev) ?? lastInside(targets, clauseStartOf(text, s.start, prev.start), prev.start);
          if (gw) return { gate: 'threshold', reason: 'gate:threshold', word: `joined to ${gw.word}`, start: gw.start, end: f.start };
        }
      }
      const v = lastInside(exceed, Math.max(cs, f.start - VERB_REACH), f.start);
      if (v && lastInside(regionCounts, s.start, v.start)) return { gate: 'threshold', reason: 'gate:threshold', word: `counted regions ${v.word}`, start: v.start, end: v.end };
      const fu = lastInside(future, cs, f.start);
      if (fu) return { gate: 'threshold', reason: 'gate:threshold', word: fu.word, start: fu.start, end: fu.end };
      return null;
    };
  },
  examples: [
    { text: 'Tentu ini menjadi capaian dari Jawa Tengah dengan mewujudkan UHC 98%.', none: 'the UHC threshold restated as reached' },
    { text: 'Guna mencapai target 98 persen dan tingkat keaktifan 75 persen, Kabupaten Sumbawa butuh dukungan semua pihak.', none: 'both figures are targets' },
    { text: 'UHC prioritas berarti cakupan peserta sudah di atas 98 persen dan keaktifannya lebih dari 80 persen.', none: 'a status defined by two thresholds' },
    { text: 'Sebanyak lima kabupaten di Provinsi Bali sudah melampaui 98 persen kepesertaan.', none: 'counted regions over a threshold: not a measurement' },
    { text: 'Target kepesertaan tahun 2026 mendatang 99 persen untuk Kabupaten Sleman.', none: 'a figure for a year to come' },
    { text: 'Bila semua berjalan sesuai rencana, kemungkinan bulan Agustus Provinsi Sumatera Utara telah mencapai UHC 98,6 persen.', none: 'a figure foreseen, not measured' },
    { text: 'Jika target yang ditentukan tercapai, Kabupaten Deli Serdang telah mencapai UHC 98,6 persen.', none: 'UHC restated with the target\'s own number' },
    {
      text: 'Kabupaten Gianyar telah mencapai UHC 98,21 persen per Desember 2025.',
      facts: [{ region: 'Kabupaten Gianyar', metric: 'coverage_pct', value: 98.21 }],
    },
    {
      text: 'Dari target 98 persen per Maret 2024, Kabupaten Lombok Timur baru mencapai 95,95 persen.',
      facts: [{ region: 'Kabupaten Lombok Timur', metric: 'coverage_pct', value: 95.95 }],
    },
    {
      text: 'Kabupaten Klaten telah mencapai UHC dengan cakupan kepesertaan 98,4 persen dan keaktifan 81,2 persen.',
      facts: [
        { region: 'Kabupaten Klaten', metric: 'coverage_pct', value: 98.4 },
        { region: 'Kabupaten Klaten', metric: 'active_pct', value: 81.2 },
      ],
    },
  ],
};
