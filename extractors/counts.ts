/**
 * Counts of people, built on the number spans: "105.544 jiwa", "590.393 penduduk", "388.540 peserta",
 * "2,7 juta orang", "3,2 juta warga", and bare large numbers ("mencapai 274.898 atau 77,70 persen")
 * whose metric the engine decides from the words around them.
 */
import { alternation, lexicon, WORD_END, WORD_START } from '../src/extract/lexicon.ts';
import type { CountMention, CountUnit, Extractor } from '../src/extract/types.ts';

let unitRe: RegExp | null = null;
let notPeopleRe: RegExp | null = null;
let unitKind: Map<string, CountUnit> | null = null;
let yearContextRe: RegExp | null = null;

function patterns() {
  const lex = lexicon();
  if (!unitRe) {
    const units = [...lex.countUnits.population, ...lex.countUnits.people, ...lex.countUnits.participants];
    // An optional bracketed share may stand between the number and its unit: "102.736 (95,11%) orang".
    unitRe = new RegExp(`^\\s*(?:\\(\\s*[\\d.,]+\\s*%?\\s*\\)\\s*)?(${alternation(units)})${WORD_END}`, 'iu');
    notPeopleRe = new RegExp(`^\\s*(?:${alternation(lex.notPeopleUnits)})${WORD_END}`, 'iu');
    yearContextRe = new RegExp(`${WORD_START}(?:${alternation([...lex.months, ...lex.asOfCues])})\\s*$`, 'iu');
    unitKind = new Map();
    for (const w of lex.countUnits.population) unitKind.set(w, 'population');
    for (const w of lex.countUnits.people) unitKind.set(w, 'people');
    for (const w of lex.countUnits.participants) unitKind.set(w, 'participants');
  }
  return { unitRe, notPeopleRe: notPeopleRe!, unitKind: unitKind! };
}

/** Smallest bare number (no unit, no scale word) read as a count of people: smaller ones are ranks, days, seats. */
export const MIN_BARE_COUNT = 1000;

export const counts: Extractor<'count'> = {
  name: 'counts',
  kind: 'count',
  description: 'A number of people: with a unit (jiwa, penduduk, peserta, orang, warga), a scale word, or thousands separators.',
  find(doc, found) {
    const { unitRe, notPeopleRe, unitKind } = patterns();
    const text = doc.text;
    const inPercent = new Set(found.percent.map((p) => p.number));
    const out: CountMention[] = [];
    for (const n of found.number) {
      if (n.money || inPercent.has(n)) continue;
      const after = text.slice(n.end, n.end + 40);
      const unit = unitRe.exec(after);
      // "sampai dengan Februari 2023 penduduk Aceh …": a year after a month or a date cue is a date, never a count.
      if (n.year && (!unit || yearContextRe!.test(text.slice(Math.max(0, n.start - 24), n.start)))) continue;
      if (unit) {
        const word = unit[1]!;
        out.push({
          kind: 'count',
          start: n.start,
          end: n.end + unit[0].length,
          value: n.value,
          number: n,
          unit: unitKind.get(word.toLowerCase().replace(/\s+/g, ' ')) ?? 'people',
          unitText: word,
        });
        continue;
      }
      if (notPeopleRe.test(after)) continue;
      const grouped = /[.,]\d{3}(?!\d)/.test(n.raw);
      if (n.scale >= 1000 || (grouped && n.value >= MIN_BARE_COUNT && !n.decimal)) {
        out.push({ kind: 'count', start: n.start, end: n.end, value: n.value, number: n, unit: null, unitText: null });
      }
    }
    return out;
  },
  valueOf: (m) => ({ value: m.value, unit: m.unit }),
  examples: [
    { text: '98,8% penduduk HST—sekitar 105.544 jiwa—sudah terdaftar', span: '105.544 jiwa', value: { value: 105544, unit: 'people' } },
    { text: 'dari 590.393 penduduk di Kabupaten Banjar', span: '590.393 penduduk', value: { value: 590393, unit: 'population' } },
    { text: 'Kabupaten Landak menempati urutan kedua yaitu 388.540 peserta JKN', span: '388.540 peserta', value: { value: 388540, unit: 'participants' } },
    { text: 'sudah mencapai 2,7 juta orang atau sekitar 101,89 persen', span: '2,7 juta orang', value: { value: 2700000, unit: 'people' } },
    { text: 'sebanyak 3,2 juta warga Provinsi Sulawesi Tengah', span: '3,2 juta warga', value: { value: 3200000, unit: 'people' } },
    { text: 'sejumlah 102.736 (95,11%) orang merupakan peserta yang aktif', span: '102.736 (95,11%) orang', value: { value: 102736, unit: 'people' } },
    { text: 'Kabupaten Kubu Raya mencapai 274.898 atau 77,70 persen', span: '274.898', value: { value: 274898, unit: null } },
    { text: 'jumlah penduduk Provinsi Sulut sekitar 2,6 juta maka', span: '2,6 juta', value: { value: 2600000, unit: null } },
    { text: 'dari 1.215.386 penduduknay telah menjadi peserta', span: '1.215.386 penduduknay', value: { value: 1215386, unit: 'population' } },
    { text: 'mencapai 278,1 juta jiwa, meningkat', span: '278,1 juta jiwa', value: { value: 278100000, unit: 'people' } },
    { text: 'Kabupaten Fakfak (103.935 jiwa)', span: '103.935 jiwa', value: { value: 103935, unit: 'people' } },
    { text: 'Atau sebanyak 1,138,714 dari 1.215.386', span: '1,138,714', value: { value: 1138714, unit: null } },
    { text: 'sampai dengan Februari 2023 penduduk Aceh telah terdaftar', none: 'a year after a month is a date, not 2.023 people' },
    { text: 'pada tahun 2024 penduduk Kabupaten Sleman', none: 'a year after "tahun" is a date' },
    { text: 'sebanyak 2023 penduduk desa itu', span: '2023 penduduk', value: { value: 2023, unit: 'population' } },
    { text: 'menganggarkan Rp 217 miliar untuk', none: 'money is never a count of people' },
    { text: 'anggaran Rp1.250.000 per bulan', none: 'money after Rp' },
    { text: 'terdapat 206 fasilitas kesehatan', none: 'facilities, not people' },
    { text: 'UHC Award 2023 diberikan kepada 22 Kepala Daerah', none: 'a year and a small bare number' },
    { text: 'Dari total 514 kabupaten/kota se-Indonesia, hanya 75 daerah', none: 'counts of regions have no people unit' },
    { text: 'sebesar 98,77 persen', none: 'a percentage is not a count' },
    { text: 'kurang lebih 10 tahun jumlah kepesertaan', none: 'years of time, not people' },
    { text: 'Sosialisasi diikuti 15 badan usaha', none: 'companies, not people' },
  ],
};
