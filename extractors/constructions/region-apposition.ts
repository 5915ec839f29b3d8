/**
 * "Kabupaten Banggai, tuan rumah rapat koordinasi JKN se-Sulteng, mencatat 99,02 persen"; "Kabupaten Donggala, yang
 * bertetangga dengan Kota Palu, mencatat 97,3 persen": the subject before an apposition between commas owns the
 * figures of its clause, not a region named inside the apposition (which only says what the subject is).
 *
 * Pattern: REGION "," words [words | cue | "di" | region | "dari" | date | number | GUARD PERCENT]{0,7} "," [words | cue | "di" | "yakni" | guard | "dari" | ","]{0,10} VALUE { [words | cue | "dan" | ","]{0,3} VALUE }
 *
 * Not an apposition: a list of regions ("Kabupaten A, Kabupaten B, …": the part between the commas opens with a region,
 * which the pattern does not allow), a speaker ("Kabupaten Sigi, kata Ahmad, …" or "…, mengatakan …": the figure is then
 * read from the rest of the sentence), a new clause ("…, sedangkan Kota Palu, …").
 */
import type { Construction } from './types.ts';
import { regionOf, textBetween, tokensOf, valueOf } from './types.ts';

/** Verbs and words that introduce what a speaker said ("kata Ahmad", "…, mengatakan …"). */
const SPEECH = 'kata|ujar|menurut|mengatakan|menyebut(?:kan)?|menjelaskan|menuturkan|mengungkapkan|menyampaikan|menambahkan|menegaskan';
/** What opens a clause or a quote rather than an apposition. */
/** A clause's predicate right after the comma: "Ciamis, mencatat keaktifan …" says what the region did, it is no apposition. */
const PREDICATE = 'mencatat|mencatatkan|tercatat|mencapai|meraih|memiliki|sudah|telah|baru|masih|berhasil';
const NOT_APPOSITION = new RegExp(`^\\s*(?:dan|serta|atau|sedangkan|sementara|namun|tetapi|ucap|tutur|katanya|ujarnya|${SPEECH}|${PREDICATE})\\b`, 'iu');
/** A comma, then one to five words without digits up to the mention inside: an apposition's opening ("…, sebagai pusat pemerintahan "). */
const APPOSITION_OPENS = /^\s*,\s*(?:[\p{L}-]+\s+){1,5}$/u;
/** Up to three words ("pada 2003") after the mention inside, then the comma that closes the apposition. */
const APPOSITION_CLOSES = /^(?:\s+[\p{L}\d-]+){0,3}\s*,/u;

/**
 * Whether `inner` stands in an apposition to `head`, read from the text alone: "Di Pulau Bacan, sebagai pusat pemerintahan
 * Halsel, cakupan …", "Kabupaten Sukabumi, daerah terluas kedua di Jawa Barat, baru mencatat …" — a comma after the head,
 * words that open no clause, the inner mention, a closing comma. The unit gate and the engine's region carry read it, for
 * the figures the pattern above does not reach (an island as the head; a later sentence's figure).
 */
export function inApposition(text: string, head: { end: number }, inner: { start: number; end: number }): boolean {
  const between = text.slice(head.end, inner.start);
  return APPOSITION_OPENS.test(between) && !NOT_APPOSITION.test(between.replace(/^\s*,/, '')) && APPOSITION_CLOSES.test(text.slice(inner.end, inner.end + 60));
}
/** After the apposition, a speech verb: the region was the speaker's address ("…, dr. X, mengatakan …"). */
const SPEECH_AFTER = new RegExp(`^\\s*(?:${SPEECH})\\b`, 'iu');

export const regionApposition: Construction = {
  name: 'region-apposition',
  description: 'A region, an apposition between commas, then its figures: the region before the apposition owns them.',
  pattern: /R,w(?:[wQiRBfDN]|GP){0,7},[wQiyGf,]{0,10}[PC](?:[wQ&,]{0,3}[PC])*/,
  build(m) {
    const ts = tokensOf(m);
    const second = ts.findIndex((t, i) => i > 1 && t.code === ',');
    // The figures after the apposition (a threshold inside it, "… yang cakupannya masih di bawah 95 persen, …", is not paired).
    const firstValue = ts.findIndex((t, i) => i > second && (t.code === 'P' || t.code === 'C'));
    if (NOT_APPOSITION.test(m.doc.text.slice(ts[2]!.start, ts[second]!.start))) return null;
    if (SPEECH_AFTER.test(textBetween(m, ts[second]!, ts[firstValue]!))) return null;
    const region = regionOf(ts[0]!);
    return ts.filter((t, i) => i > second && (t.code === 'P' || t.code === 'C')).map((t) => ({ value: valueOf(t), region, reasons: ['region:apposition'] }));
  },
  examples: [
    {
      text: 'Sementara Kabupaten Banggai, tuan rumah rapat koordinasi JKN se-Sulteng, mencatat 99,02 persen.',
      facts: [{ region: 'Kabupaten Banggai', metric: 'coverage_pct', value: 99.02 }],
    },
    {
      text: 'Kabupaten Donggala, yang bertetangga dengan Kota Palu, mencatat cakupan kepesertaan JKN 97,3 persen.',
      facts: [{ region: 'Kabupaten Donggala', metric: 'coverage_pct', value: 97.3 }],
    },
    {
      text: 'Adapun Kabupaten Garut, daerah terluas ketiga di Jawa Barat, baru mencatat cakupan 96,8 persen dengan jumlah peserta 2,6 juta jiwa.',
      facts: [
        { region: 'Kabupaten Garut', metric: 'coverage_pct', value: 96.8 },
        { region: 'Kabupaten Garut', metric: 'enrolled_count', value: 2600000 },
      ],
    },
    {
      text: 'Kota Bima, pintu gerbang timur Provinsi NTB, sudah mencapai cakupan 99,4 persen.',
      facts: [{ region: 'Kota Bima', metric: 'coverage_pct', value: 99.4 }],
    },
    // A threshold inside the apposition stays a threshold; the figure after it is the head's.
    {
      text: 'Kabupaten Tambrauw, satu-satunya daerah di Papua Barat Daya yang cakupannya masih di bawah 95 persen, baru mencapai 93,1 persen.',
      facts: [{ region: 'Kabupaten Tambrauw', metric: 'coverage_pct', value: 93.1 }],
    },
    // The next sentence's figure carries the head, not the region named inside the apposition (inApposition).
    {
      text: 'Kabupaten Cianjur, daerah dengan penduduk terbanyak ketiga di Jawa Barat, mencatat cakupan 97,1 persen. Keaktifan pesertanya 70,4 persen.',
      facts: [
        { region: 'Kabupaten Cianjur', metric: 'coverage_pct', value: 97.1 },
        { region: 'Kabupaten Cianjur', metric: 'active_pct', value: 70.4 },
      ],
    },
    // A list, not an apposition: each region keeps its own figure.
    {
      text: 'Cakupan JKN Kabupaten Sigi, Kabupaten Poso, dan Kota Palu masing-masing 98,1 persen, 97,5 persen dan 99,9 persen.',
      facts: [
        { region: 'Kabupaten Sigi', metric: 'coverage_pct', value: 98.1 },
        { region: 'Kabupaten Poso', metric: 'coverage_pct', value: 97.5 },
        { region: 'Kota Palu', metric: 'coverage_pct', value: 99.9 },
      ],
    },
    // A new clause after the comma: its own region owns the figure.
    {
      text: 'Kabupaten Sigi sudah UHC, sedangkan Kabupaten Poso, yang terluas di Sulteng, baru 95,2 persen.',
      facts: [{ region: 'Kabupaten Poso', metric: 'coverage_pct', value: 95.2 }],
    },
  ],
};
