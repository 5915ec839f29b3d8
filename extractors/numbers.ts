/**
 * Numbers as Indonesian news writes them: "98,8" · "105.544" · "1.200.000" · "252,17 juta" · "432 ribu"
 * · "1,138,714" · "98.8". Everything else (percentages, counts) is built on these spans.
 */
import { alternation, lexicon, prefixScanner, scanAll, wordsRegex, WORD_END } from '../src/extract/lexicon.ts';
import { applyScale, cleanDecimal, parseNumeral } from '../src/normalize/numbers.ts';
import type { Extractor, NumberMention } from '../src/extract/types.ts';

// Alternatives in order: dotted thousands, comma thousands (two groups or more, "1,138,714"),
// an English decimal ("98.8", one or two digits after the dot), a plain or comma-decimal number.
const NUMERAL = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?![\d,])|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?`;

/**
 * Forms with a stray space, read as the writer meant them only where the words after leave no doubt:
 * "87, 86 persen" / "87, 9 persen" (a space after the decimal comma, two decimals — or one after a two-digit whole part — and a
 * percent sign right after), "7, 9 juta jiwa" (a scale
 * word right after), "212. 118 jiwa" (a space after the thousands point, a unit of people right after). Never after
 * another "N, " (a list: "90, 91, 92 persen"), and never "5, 6 dan 7" (no sign or scale right after).
 */
function spacedNumerals(lex: ReturnType<typeof lexicon>): string {
  const signs = alternation(lex.percentSigns);
  const scales = alternation(Object.keys(lex.scale));
  const units = alternation([...lex.countUnits.population, ...lex.countUnits.people, ...lex.countUnits.participants]);
  return [
    String.raw`(?<!\d\s*,\s*)\d{1,3},\s\d{2}(?=\s*(?:${signs}))`,
    String.raw`(?<!\d\s*,\s*)[1-9]\d{1,2},\s\d(?=\s*(?:${signs}))`,
    String.raw`(?<!\d\s*,\s*)\d{1,3},\s\d{1,2}(?=\s*(?:${scales})${WORD_END})`,
    String.raw`\d{1,3}(?:\.\s?\d{3})*\.\s\d{3}(?:\.\s?\d{3})*(?=\s*(?:${units})${WORD_END})`,
  ].join('|');
}

let numberRe: RegExp | null = null;
let approxRe: RegExp | null = null;
let peopleAfterRe: RegExp | null = null;
let numberScan: ((text: string) => RegExpExecArray[]) | null = null;

function patterns() {
  const lex = lexicon();
  numberRe ??= new RegExp(
    String.raw`(?<![\d.,\p{L}])(?<!\p{L}-)(?<num>${spacedNumerals(lex)}|${NUMERAL})(?!\d)(?!(?!persen|prosen)\p{L})(?:\s*(?<scale>${alternation(Object.keys(lex.scale))})${WORD_END})?`,
    'giu',
  );
  approxRe ??= new RegExp(`(?:${alternation(lex.approx)})\\s*$`, 'iu');
  peopleAfterRe ??= new RegExp(`^\\s*(?:${alternation([...lex.countUnits.population, ...lex.countUnits.people, ...lex.countUnits.participants])})${WORD_END}`, 'iu');
  // Every numeral opens with a digit, after no digit, point, comma or letter: its prefix scanner (src/extract/lexicon.ts).
  numberScan ??= prefixScanner(numberRe, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  return { numberRe, numberScan, approxRe, peopleAfterRe, lex };
}

export const numbers: Extractor<'number'> = {
  name: 'numbers',
  kind: 'number',
  description: 'Indonesian numerals with their scale words, read as the writer meant them.',
  find(doc) {
    const { numberRe, numberScan, approxRe, peopleAfterRe, lex } = patterns();
    const text = doc.text;
    const out: NumberMention[] = [];
    for (const m of scanAll(numberRe, text, numberScan)) {
      let digits = m.groups!.num!.replace(/\s+/g, '');
      // "681,447 jiwa", "818,859 peserta": one comma group of three digits before a unit of people is thousands (people
      // are counted whole), as "1,138,714" is; "1,245 juta jiwa" keeps its decimal (a scale word follows).
      if (!m.groups!.scale && /^\d{1,3},\d{3}$/.test(digits) && peopleAfterRe.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) digits = digits.replace(',', '');
      const base = parseNumeral(digits);
      if (base === null) continue;
      const scaleWord = m.groups!.scale?.toLowerCase() ?? null;
      const scale = scaleWord ? lex.scale[scaleWord]! : 1;
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const money = /\bRp\.?\s*$|\bIDR\s*$|\$\s*$/i.test(before) || (scaleWord !== null && lex.moneyScales.includes(scaleWord)) || /^\s*rupiah/i.test(after);
      const value = scale === 1 ? cleanDecimal(base) : applyScale(base, scale);
      out.push({
        kind: 'number',
        start: m.index,
        end: m.index + m[0].length,
        value,
        raw: m[0],
        scale,
        decimal: /^\d+,\d+$|^\d+\.\d{1,2}$|^\d{1,3}(?:\.\d{3})+,\d+$/.test(digits),
        approx: approxRe.test(before),
        money,
        year: scale === 1 && /^(19|20)\d{2}$/.test(digits),
      });
    }
    return out;
  },
  valueOf: (m) => m.value,
  examples: [
    { text: 'sebesar 98,8% penduduk', span: '98,8', value: 98.8 },
    { text: 'sekitar 105.544 jiwa', span: '105.544', value: 105544 },
    { text: 'mencapai 1.200.000 peserta', span: '1.200.000', value: 1200000 },
    { text: 'mencapai 252,17 juta jiwa', span: '252,17 juta', value: 252170000 },
    { text: 'baru sekitar 432 ribu peserta JKN', span: '432 ribu', value: 432000 },
    { text: 'sebanyak 3,2 juta warga Provinsi Sulawesi Tengah', span: '3,2 juta', value: 3200000 },
    { text: 'Atau sebanyak 1,138,714 dari', span: '1,138,714', value: 1138714 },
    { text: 'sekira 188.093 (94,75) orang', span: '188.093', value: 188093 },
    { text: 'presentase penduduk yang tercover 92,50 %', span: '92,50', value: 92.5 },
    { text: 'cakupan 98.8 persen', span: '98.8', value: 98.8 },
    { text: 'mencapai 2,7 juta orang', span: '2,7 juta', value: 2700000 },
    { text: 'jumlah peserta 278,1 juta jiwa', span: '278,1 juta', value: 278100000 },
    { text: 'sekitar 700 ribu jiwa', span: '700 ribu', value: 700000 },
    { text: 'sebanyak 56 Ribu Peserta', span: '56 Ribu', value: 56000 },
    { text: 'tercatat 4.292.369 dari penduduk', span: '4.292.369', value: 4292369 },
    { text: 'mencapai 100,18 persen.', span: '100,18', value: 100.18 },
    { text: 'angka 85,24 persen', span: '85,24', value: 85.24 },
    { text: 'sebanyak 2.631.346 jiwa', span: '2.631.346', value: 2631346 },
    { text: 'mencapai 9 juta penduduk', span: '9 juta', value: 9000000 },
    { text: 'sekitar 1,5 jt jiwa', span: '1,5 jt', value: 1500000 },
    { text: 'Kabupaten Batang 87, 86 persen', span: '87, 86', value: 87.86 },
    { text: 'Prosentase aktif 82, 64 persen', span: '82, 64', value: 82.64 },
    { text: 'cakupan di Kabupaten Kendal 96, 05% dari total penduduk', span: '96, 05', value: 96.05 },
    { text: 'tercatat 7, 9 juta jiwa atau sekitar 91,9 persen', span: '7, 9 juta', value: 7900000 },
    { text: 'peserta JKN sebanyak 3, 45 juta orang', span: '3, 45 juta', value: 3450000 },
    { text: 'sebanyak 212. 118 jiwa telah terdaftar', span: '212. 118', value: 212118 },
    { text: 'Kabupaten Karo mencatat 402,315 jiwa peserta JKN', span: '402,315', value: 402315 },
    { text: 'dari total penduduk 96,118 orang', span: '96,118', value: 96118 },
    { text: 'peserta aktif 1,245 juta jiwa', span: '1,245 juta', value: 1245000 },
    { text: 'indeks kepuasan 87,125 poin', span: '87,125', value: 87.125 },
    { text: 'penduduknya 1.045. 230 jiwa', span: '1.045. 230', value: 1045230 },
    { text: 'sebanyak 1,138,714 dari 1.215.386 penduduk', span: '1,138,714', value: 1138714 },
    { text: 'Garut 89,09 persen, Indramayu 90,14 persen', span: '90,14', value: 90.14 },
    { text: 'Garut 89,09 persen, Indramayu 90,14 persen', span: '89,09', value: 89.09 },
    { text: 'keaktifan peserta mencapai 87, 9 persen', span: '87, 9', value: 87.9 },
    { text: 'naik 5, 6 persen', span: '6', value: 6 },
    { text: 'kelas 1, 2 dan 3', span: '2', value: 2 },
    { text: 'pada triwulan 5, 6 dan 7', span: '6', value: 6 },
    { text: 'masing-masing 95, 96 dan 97 persen', span: '96', value: 96 },
    { text: 'berturut-turut 90, 91, 92 persen', span: '92', value: 92 },
    { text: 'Pada 2023, 95 persen warga', span: '95', value: 95 },
    { text: 'KH Maruf Amin', none: 'no digits, no number' },
    { text: 'Covid-19', none: 'a digit glued to letters is a name, not a figure' },
    { text: 'JKN-KIS dan BPJS', none: 'no digits' },
  ],
};
