/**
 * "Lubuklinggau 81,20 persen, Mura 78,65 persen, Muratara 74,10 persen": a list item whose name the gazetteer does not know
 * (a local short name, a misspelling, a town) owns its figure all the same — the list's earlier region does not. With its
 * owner unknown, the figure gives no fact (precision first: README, each value belongs to the region of its own list item).
 *
 * Pattern: VALUE "," WORDS VALUE, the words a capitalised name of one to three words standing right before the figure.
 */
import type { Construction } from './types.ts';
import { textOf, tokensOf, valueOf } from './types.ts';

/** One to three capitalised words: a name. */
const NAME = /^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*$/u;
/** Capitalised words that open a clause or name a time, not a place. */
const NOT_A_NAME = /^\s*(?:sementara|sedangkan|adapun|lalu|kemudian|disusul|diikuti|dan|serta|atau|tahun|pada|per|hingga|sampai|sekitar|hampir|mencapai|baru|sudah|masih|yakni|yaitu|rata-rata|total|jumlah|target|sekarang|kini|saat)\b/iu;

export const unnamedListItem: Construction = {
  name: 'unnamed-list-item',
  description: 'A list item named by a word the gazetteer does not know owns its figure: no fact for the region before it.',
  dropsOnly: true,
  pattern: /[PC],w[PC]/,
  build(m) {
    const ts = tokensOf(m);
    const name = textOf(m, ts[2]!);
    if (!NAME.test(name) || NOT_A_NAME.test(name)) return null;
    return [{ value: valueOf(ts[3]!), drop: `a list item the gazetteer does not know: ${name.trim()}`, reasons: [] }];
  },
  examples: [
    {
      text: 'Tingkat keaktifan peserta per daerah: Kota Lubuk Linggau 81,20 persen, Mura 78,65 persen, Muratara 74,10 persen.',
      facts: [
        { region: 'Kota Lubuk Linggau', metric: 'active_pct', value: 81.2 },
        { region: 'Kabupaten Musi Rawas Utara', metric: 'active_pct', value: 74.1 },
      ],
    },
    {
      text: 'Cakupan JKN Kabupaten Karo 98,1 persen, Sidikalang 97,2 persen.',
      facts: [{ region: 'Kabupaten Karo', metric: 'coverage_pct', value: 98.1 }],
    },
    // A known region, or a clause opener, is no unnamed item.
    {
      text: 'Cakupan JKN Kabupaten Karo 98,1 persen, Dairi 97,2 persen.',
      facts: [
        { region: 'Kabupaten Karo', metric: 'coverage_pct', value: 98.1 },
        { region: 'Kabupaten Dairi', metric: 'coverage_pct', value: 97.2 },
      ],
    },
  ],
};
