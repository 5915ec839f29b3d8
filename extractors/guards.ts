/**
 * Guards: what is NOT a coverage fact. Thresholds and criteria ("minimal 95%", "syarat minimal 94 persen",
 * "mensyaratkan"), targets and hopes ("target 99 persen pada 2029", "berharap … 98 persen"), inactive and
 * unregistered people ("nonaktif", "belum terdaftar"), participant segments (PBI, PBPU, PPU, kelas),
 * totals over a branch's area ("tersebar di delapan kabupaten"), satisfaction indices, and counts of
 * regions ("22 provinsi dan 334 kabupaten/kota").
 */
import { alternation, findAll, lexicon, prefixScanner, scanAll, wordsRegex, WORD_START, WORD_END } from '../src/extract/lexicon.ts';
import type { Extractor, GuardKind, GuardMention } from '../src/extract/types.ts';

let res: ReturnType<typeof build> | null = null;

// Patterns with a Unicode property outside a bracket are hoisted: the TypeScript transform turns such a literal into a
// `new RegExp` evaluated at every call.
const LETTER_BEFORE = /\p{L}\s+$/u;

function buildPatterns() {
  const lex = lexicon();
  const g = lex.guards;
  return {
    kinds: (['threshold', 'target', 'definition', 'criterion', 'inactive', 'segment', 'aggregate', 'otherQuantity', 'change', 'flow', 'joint'] as const).map(
      (k) => [k === 'otherQuantity' ? 'other-quantity' : k, wordsRegex(g[k])] as [GuardKind, RegExp],
    ),
    notInactive: wordsRegex(g.notInactive),
    regionCount: new RegExp(
      `${WORD_START}(?:\\d+|${alternation(lex.numberWords)})\\s+(?:${alternation(lex.regionCountNouns)})${WORD_END}`,
      'giu',
    ),
  };
}

function build() {
  const built = buildPatterns();
  // Every count of regions opens with a digit or a number word.
  return { ...built, regionCountScan: prefixScanner(built.regionCount, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ...lexicon().numberWords]) };
}

export const guards: Extractor<'guard'> = {
  name: 'guards',
  kind: 'guard',
  description: 'Words that make a nearby number a threshold, a target, a segment, an inactive count or a count of regions.',
  find(doc) {
    res ??= build();
    const text = doc.text;
    const out: GuardMention[] = [];
    const negated: [number, number][] = [];
    for (const m of findAll(res.notInactive, text)) negated.push([m.start, m.end]);
    for (const [guard, re] of res.kinds) {
      for (const { start, end, text: word } of findAll(re, text)) {
        // "peserta yang tidak menunggak" is the opposite of inactive.
        if (guard === 'inactive' && negated.some(([s, e]) => s <= start && end <= e)) continue;
        out.push({ kind: 'guard', guard, word: word.toLowerCase(), start, end });
      }
    }
    for (const m of scanAll(res.regionCount, text, res.regionCountScan)) {
      // "per 1 Januari 2025 Provinsi Jambi": a year closing a date, not a count of provinces.
      if (/^(?:19|20)\d{2}\s/u.test(m[0]) && LETTER_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      out.push({ kind: 'guard', guard: 'region-count', word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
    }
    return out.sort((a, b) => a.start - b.start);
  },
  valueOf: (m) => m.guard,
  examples: [
    { text: 'cakupan kepesertaan minimal 95 persen peserta', span: 'minimal', value: 'threshold' },
    { text: 'melampaui 94 persen syarat minimal untuk UHC', span: 'syarat minimal', value: 'criterion' },
    { text: 'meraih UHC dengan cakupan kepesertaan ≥ 95% dari total penduduk', span: '≥', value: 'threshold' },
    { text: 'BPJS Kesehatan Targetkan Cakupan 100 Persen', span: 'Targetkan', value: 'target' },
    { text: 'Pemkot tahun depan mewajibkan program UHC mencapai 98 persen', span: 'mewajibkan', value: 'target' },
    { text: 'Kategori Madya pada UHC Award mensyaratkan cakupan', span: 'mensyaratkan', value: 'definition' },
    { text: 'melampaui target nasional sebesar 98,24 persen', span: 'target', value: 'target' },
    { text: 'sudah di atas Rencana Pembangunan Jangka Menengah Nasional (RPJMN) 98,6 persen', span: 'RPJMN', value: 'target' },
    { text: 'Dia berharap kepesertaan JKN semua kabupaten', span: 'berharap', value: 'target' },
    { text: '8,98% dari total populasi masih tercatat sebagai peserta nonaktif', span: 'nonaktif', value: 'inactive' },
    { text: 'tinggal 5,38 persen atau 101.429 orang yang belum terdaftar', span: 'belum terdaftar', value: 'inactive' },
    { text: 'peserta menunggak 135 ribu orang', span: 'menunggak', value: 'inactive' },
    { text: 'penerima bantuan iuran jaminan kesehatan (PBI JK) sebanyak 1.051.728 peserta', span: 'penerima bantuan iuran', value: 'segment' },
    { text: 'Lalu pekerja penerima upah (PPU) sebanyak 379.393 peserta', span: 'pekerja penerima upah', value: 'segment' },
    { text: 'peserta mandiri (PBPU) 115.457 peserta', span: 'peserta mandiri', value: 'segment' },
    { text: 'yang mana tersebar di delapan kabupaten dan satu kota di Papua', span: 'tersebar di', value: 'aggregate' },
    { text: 'terdapat 22 provinsi dan 334 kabupaten/kota yang telah mewujudkan UHC', span: '22 provinsi', value: 'region-count' },
    { text: 'Dari total 514 kabupaten/kota se-Indonesia', span: '514 kabupaten/kota', value: 'region-count' },
    { text: 'Per 1 Maret 2025 Provinsi Jambi mencatat', none: 'a year closing a date counts no provinces' },
    { text: 'indeks kepuasan peserta JKN terus meningkat', span: 'indeks kepuasan', value: 'other-quantity' },
    { text: 'jumlah peserta naik 2,5 persen dibanding tahun lalu', span: 'naik', value: 'change' },
    { text: 'terdapat penambahan 12.000 peserta baru', span: 'penambahan', value: 'change' },
    { text: 'sebanyak 40 persen iuran ditanggung pemerintah provinsi', span: 'iuran', value: 'other-quantity' },
    { text: 'Sebanyak 5.200 peserta baru didaftarkan Pemkot Singkawang', span: 'peserta baru', value: 'flow' },
    { text: 'mencatat total 2,4 juta peserta JKN', span: 'total', value: 'joint' },
    { text: '2,89 juta tercatat sebagai peserta aktif atau peserta yang tidak menunggak', none: '"tidak menunggak" (not in arrears) is not an inactive count' },
    { text: 'cakupan kepesertaan JKN di Kalimantan Tengah tercatat mencapai 100,18 persen', none: 'a plain statement of coverage' },
  ],
};
