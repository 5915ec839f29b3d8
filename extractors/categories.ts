/**
 * UHC award tiers: Pratama, Madya, Utama, Paripurna, in any case and with the typos news makes
 * ("kategorri MADYA"), when an award word stands before them ("kategori", "predikat", "UHC", "Awards").
 * A tier named as a goal ("untuk menembus kategori Utama") or in a definition ("Kategori Madya …
 * mensyaratkan") is marked so; the engine gives each award its region and year.
 */
import { alternation, lexicon, WORD_END, WORD_START } from '../src/extract/lexicon.ts';
import type { CategoryMention, Extractor } from '../src/extract/types.ts';

/** How far after a tier a definition word ("mensyaratkan") still speaks of it. */
export const DEFINITION_REACH = 60;

let re: ReturnType<typeof build> | null = null;

function build() {
  const lex = lexicon();
  return {
    tier: new RegExp(`${WORD_START}(${alternation(Object.keys(lex.categoryTiers))})${WORD_END}`, 'giu'),
    cueBefore: new RegExp(`${WORD_START}(?:${alternation(lex.categoryCues)})${WORD_END}[^.;:\\n]{0,12}$`, 'iu'),
    // "Utama" is also an everyday word ("Direktur Utama", "tujuan utama"): only right after "kategori"/"predikat"/"UHC".
    utamaCue: /(?:kategor+i|katagori|predikat|uhc|awards?)\s*(?:uhc\s*)?$/iu,
    notAward: new RegExp(`(?:${alternation(lex.categoryNotAward)})\\s*$`, 'iu'),
    goal: new RegExp(`${WORD_START}(?:${alternation(lex.categoryGoal)})${WORD_END}[^.;,]{0,30}$`, 'iu'),
    definition: new RegExp(`${WORD_START}(?:${alternation(lex.categoryDefinition)})${WORD_END}`, 'iu'),
    subjectStart: /^\s*kategor+i\s*$/iu,
  };
}

export const categories: Extractor<'category'> = {
  name: 'categories',
  kind: 'category',
  description: 'UHC award tiers after an award word, marked when named as a goal or a definition.',
  find(doc) {
    re ??= build();
    const lex = lexicon();
    const text = doc.text;
    const out: CategoryMention[] = [];
    re.tier.lastIndex = 0;
    for (let m; (m = re.tier.exec(text)); ) {
      const start = m.index;
      const end = start + m[0].length;
      const sentence = doc.sentenceAt(start);
      const before = text.slice(Math.max(sentence.start, start - 40), start);
      const word = m[1]!.toLowerCase();
      if (!re.cueBefore.test(before)) continue;
      if (word === 'utama' && (!re.utamaCue.test(before) || re.notAward.test(before))) continue;
      let notAward: CategoryMention['notAward'] = null;
      const kategoriStart = before.search(/kategor+i\s*$/iu);
      if (re.goal.test(text.slice(Math.max(sentence.start, start - 50), start))) notAward = 'goal';
      // A definition speaks of the tier itself, close around it: "Kategori Madya pada UHC Award mensyaratkan …".
      else if (re.definition.test(text.slice(Math.max(sentence.start, start - 40), Math.min(sentence.end, end + DEFINITION_REACH))) || (kategoriStart >= 0 && re.subjectStart.test(text.slice(sentence.start, start))))
        notAward = 'definition';
      out.push({ kind: 'category', start, end, category: lex.categoryTiers[word]!, notAward });
    }
    return out;
  },
  valueOf: (m) => ({ category: m.category, notAward: m.notAward }),
  examples: [
    { text: 'menerima Penghargaan Universal Health Coverage (UHC) Award 2026 kategori Madya dalam kegiatan', span: 'Madya', value: { category: 'Madya', notAward: null } },
    { text: 'meraih penghargaan Universal Health Coverage (UHC) Awards Kategori Madya.', span: 'Madya', value: { category: 'Madya', notAward: null } },
    { text: 'menyandang status Universal Health Coverage (UHC) prioritas kategori Madya.', span: 'Madya', value: { category: 'Madya', notAward: null } },
    { text: 'UHC awards yang di terima oleh ibu Bupati lepulauan Sula ini adalah kategorri MADYA, dengan', span: 'MADYA', value: { category: 'Madya', notAward: null } },
    { text: 'Papua Tengah sendiri diketahui mendapatkan Penghargaan UHC Award 2024 untuk Kategori Utama dan juga', span: 'Utama', value: { category: 'Utama', notAward: null } },
    { text: 'Sejak tahun 2023 Kabupaten Banjar mendapatkan predikat Universal Health Coverage (UHC) Madya tingkat nasional', span: 'Madya', value: { category: 'Madya', notAward: null } },
    { text: 'Provinsi Sulawesi Utara pada ajang UHC Awards Tahun 2026 menerima penghargaan kategori Pratama.', span: 'Pratama', value: { category: 'Pratama', notAward: null } },
    { text: 'Pencapaian UHC Madya menjadi modal dasar yang kuat', span: 'Madya', value: { category: 'Madya', notAward: null } },
    { text: 'meraih UHC Award 2026 kategori Paripurna.', span: 'Paripurna', value: { category: 'Paripurna', notAward: null } },
    { text: 'peserta yang saat ini berada di angka 88% untuk menembus kategori Utama, yaitu di atas 90%.', span: 'Utama', value: { category: 'Utama', notAward: 'goal' } },
    { text: 'harapannya dapat meningkatkan keaktifan hingga kategori utama.', span: 'utama', value: { category: 'Utama', notAward: 'goal' } },
    { text: 'Kategori Madya pada UHC Award mensyaratkan cakupan kepesertaan JKN di atas 95 persen.', span: 'Madya', value: { category: 'Madya', notAward: 'definition' } },
    { text: 'Direktur Utama BPJS Kesehatan, Ali Ghufron Mukti', none: '"Direktur Utama" is a job title' },
    { text: 'wilayah kerja Kantor Cabang Utama (KCU) Manado', none: '"Kantor Cabang Utama" is an office' },
    { text: 'Tujuan utama program ini adalah', none: 'everyday "utama" (main)' },
    { text: 'Madya Hotel di Jakarta', none: 'no award word before the tier' },
  ],
};
