/**
 * Percentages, built on the number spans: a number followed by "%", "persen" or "per sen" (with or
 * without a space), "(94,75)" standing right after a count with no sign at all, and a bare number in a table column
 * headed as a share.
 */
import { alternation, lexicon, WORD_END } from '../src/extract/lexicon.ts';
import type { Extractor, PercentMention } from '../src/extract/types.ts';
import { pipeCellColumn } from '../src/extract/text-table.ts';

let signRe: RegExp | null = null;

export const percentages: Extractor<'percent'> = {
  name: 'percentages',
  kind: 'percent',
  description: 'A number with a percent sign or word; a bare decimal in brackets right after a count.',
  find(doc, found) {
    signRe ??= new RegExp(`^\\s*(?:${alternation(lexicon().percentSigns)})(?:${WORD_END}|(?<=%))`, 'iu');
    const text = doc.text;
    const out: PercentMention[] = [];
    const nums = found.number;
    const hasRules = text.includes('|');
    for (let i = 0; i < nums.length; i++) {
      const n = nums[i]!;
      if (n.scale !== 1 || n.money) continue;
      const after = text.slice(n.end, n.end + 12);
      const sign = signRe.exec(after);
      if (sign) {
        out.push({ kind: 'percent', start: n.start, end: n.end + sign[0].length, value: n.value, number: n, implied: false });
        continue;
      }
      // "1 | Wakatobi | 119.240 | 98,97": a bare number in a table's column headed as a share ("Cakupan (%)", "Keaktifan").
      if (hasRules && n.value <= 200 && !n.year) {
        const col = pipeCellColumn(text, n.start, n.end);
        if (col === 'coverage' || col === 'activity' || (col === 'skip' && n.decimal)) {
          out.push({ kind: 'percent', start: n.start, end: n.end, value: n.value, number: n, implied: true });
          continue;
        }
      }
      // "188.093 (94,75) orang": a decimal share in brackets right after a count.
      const prev = nums[i - 1];
      if (
        prev &&
        n.decimal &&
        n.value <= 100 &&
        text[n.start - 1] === '(' &&
        text[n.end] === ')' &&
        /^\s*\($/.test(text.slice(prev.end, n.start)) &&
        prev.value >= 1000
      ) {
        out.push({ kind: 'percent', start: n.start - 1, end: n.end + 1, value: n.value, number: n, implied: true });
      }
    }
    return out;
  },
  valueOf: (m) => m.value,
  examples: [
    { text: '98,8% penduduk HST', span: '98,8%', value: 98.8 },
    { text: 'mencapai 99,22 persen', span: '99,22 persen', value: 99.22 },
    { text: 'sebesar 84,04 %.', span: '84,04 %', value: 84.04 },
    { text: 'disusul Majene 88,34 Persen', span: '88,34 Persen', value: 88.34 },
    { text: 'mencapai 97 per sen', span: '97 per sen', value: 97 },
    { text: 'mencapai 97persen', span: '97persen', value: 97 },
    { text: 'sekira 188.093 (94,75) orang merupakan peserta aktif', span: '(94,75)', value: 94.75 },
    { text: 'sebanyak 102.736 (95,11%) orang', span: '95,11%', value: 95.11 },
    { text: 'atau 90,79 % dari total penduduk', span: '90,79 %', value: 90.79 },
    { text: 'lebih dari 100 persen penduduk Sulut', span: '100 persen', value: 100 },
    { text: 'mencapai 101,03 persen', span: '101,03 persen', value: 101.03 },
    { text: 'Capai 96%, Kabupaten Klaten', span: '96%', value: 96 },
    { text: 'cakupan kepesertaan mencapai 100%,', span: '100%', value: 100 },
    { text: 'Kabupaten | Cakupan (%)\nKabupaten Bone | 97,45', span: '97,45', value: 97.45 },
    { text: 'Kabupaten | Keaktifan\n| Kabupaten Wajo | 80,1 |', span: '80,1', value: 80.1 },
    { text: 'Kabupaten | Skor\nKabupaten Bone | 97,45', none: 'a bare number under a head that is no share' },
    { text: 'dari 590.393 penduduk', none: 'a count, no percent sign' },
    { text: 'UHC Award 2026 kategori Madya', none: 'a year is not a share' },
    { text: 'indeks kepuasan berada di angka 87,6.', none: 'a bare decimal with no sign and no count before it' },
    { text: 'Kenapa harus mencapai 98, Octavianus mengatakan', none: 'no percent sign' },
    { text: 'nomor (12) dan (13)', none: 'brackets without a count before them' },
  ],
};
