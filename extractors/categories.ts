/**
 * UHC award tiers: Pratama, Madya, Utama, Paripurna, in any case and with the typos news makes
 * ("kategorri MADYA"), when an award word stands before them ("kategori", "predikat", "UHC", "Awards").
 * A tier named as a goal ("untuk menembus kategori Utama") or in a definition ("Kategori Madya …
 * mensyaratkan") is marked so; the engine gives each award its region and year.
 */
import nlp from 'compromise/one';
import { alternation, lexicon, prefixScanner, scanAll, WORD_END, WORD_START } from '../src/extract/lexicon.ts';
import type { CategoryMention, Extractor } from '../src/extract/types.ts';

/** How far before a tier, within its clause, an accreditation word makes it that grade. @default 60 */
const OTHER_GRADING_REACH = 60;
/** How far after a tier a definition word ("mensyaratkan") still speaks of it. */
export const DEFINITION_REACH = 60;
/** How far before a tier a clause-wide goal word ("agar", "bertekad") still makes it a goal, within one clause. */
export const GOAL_CLAUSE_REACH = 110;

let re: ReturnType<typeof build> | null = null;

// Patterns with a Unicode property outside a bracket are hoisted: the TypeScript transform turns such a literal into a
// `new RegExp` evaluated at every call.
const LETTERS = /\p{L}+/u;
const TWO_WORDS_BEFORE = /(\p{L}+)\s+(\p{L}+)\s*$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/**
 * compromise, tokenizer-only (`compromise/one`), with our Indonesian lexicon: award words are tagged
 * `#AwardCue` (the strong ones, which may stand right before "Utama", also `#StrongCue`), tiers `#Tier`.
 * Only sentences that hold a tier word are tokenized, so the cost stays off the hot path.
 */
/** "Kategori Utama diraih Kota A": a sentence that opens with the tier and names who won it is no definition. */
const WINNERS_AFTER = /^\s*(?:(?:19|20)\d{2}\s+)?(?:juga\s+)?(?:berhasil\s+)?(?:diraih|disabet|diterima|jatuh\s+kepada|dianugerahkan\s+kepada|diberikan\s+(?:(?:antara\s+lain|di\s*antaranya)\s+)?kepada)(?![\p{L}])/iu;
/** … or lists them after a colon, capitalised ("Kategori Utama: Kota Surabaya, …", not "Kategori Utama: cakupan minimal 98 persen"). */
const WINNERS_LISTED = /^\s*:\s*(?!(?:Cakupan|Keaktifan|Kepesertaan|Minimal|Syarat|Kriteria|Peserta|Daerah|Untuk|Bagi)(?![\p{L}]))\p{Lu}/u;
/** How many words may stand between a tier and a word of the future after it ("Pratama pada penilaian tahun depan"). @default 3 */
export const GOAL_AFTER_WORDS = 3;
const TIER_AFTER_CUE = '(#AwardCue|#StrongCue) .{0,3} [#Tier]';
const UTAMA_AFTER_STRONG_CUE = '#StrongCue #StrongCue? [utama]';

function build() {
  const lex = lexicon();
  const words: Record<string, string> = {};
  for (const w of lex.categoryCues) if (!w.includes(' ')) words[w] = 'AwardCue';
  for (const w of ['kategori', 'kategorri', 'katagori', 'predikat', 'uhc', 'award', 'awards']) words[w] = 'StrongCue';
  for (const t of Object.keys(lex.categoryTiers)) words[t] = 'Tier';
  const tier = new RegExp(`${WORD_START}(${alternation(Object.keys(lex.categoryTiers))})${WORD_END}`, 'giu');
  return {
    words,
    tier,
    tierScan: prefixScanner(tier, Object.keys(lex.categoryTiers)),
    notAward: new RegExp(`(?:${alternation(lex.categoryNotAward)})\\s*$`, 'iu'),
    goal: new RegExp(`${WORD_START}(?:${alternation(lex.categoryGoal)})${WORD_END}[^.;,]{0,45}$`, 'iu'),
    goalClause: new RegExp(`${WORD_START}(?:${alternation(lex.categoryGoalClause)})${WORD_END}[^.;,]{0,${GOAL_CLAUSE_REACH}}$`, 'iu'),
    // "kategori Madya tahun depan", also a few words on: "kategori Pratama pada penilaian tahun depan".
    goalAfter: new RegExp(`^\\s*(?:(?:19|20)\\d{2}\\s+)?(?:[\\p{L}\\d]+\\s+){0,${GOAL_AFTER_WORDS}}?(?:${alternation(lex.categoryGoalAfter)})${WORD_END}`, 'iu'),
    // Award words, which may stand right before a tier; two other capitalised words make it a name ("Radityo Egi Pratama").
    cueWord: new RegExp(`^(?:${alternation([...lex.categoryCues, ...lex.awardWords, 'kategori', 'kategorri', 'katagori', 'predikat', 'prioritas'])})$`, 'iu'),
    definition: new RegExp(`${WORD_START}(?:${alternation(lex.categoryDefinition)})${WORD_END}`, 'iu'),
    otherGrading: new RegExp(`${WORD_START}(?:${alternation(lex.categoryOtherGrading)})${WORD_END}[^.;]{0,${OTHER_GRADING_REACH}}$`, 'iu'),
    subjectStart: /^\s*kategor+i\s*$/iu,
    awardWord: new RegExp(`${WORD_START}(?:${alternation(lex.categoryCues)})${WORD_END}`, 'iu'),
    bracketed: new RegExp(`\\((${alternation(Object.keys(lex.categoryTiers))})\\)`, 'giu'),
  };
}

/** How many sentences' tokenizations are remembered: pages repeat sentences (headline, caption, body), and tokenizing is the cost. */
export const TOKENIZE_CACHE_SIZE = 512;
const tokenized = new Map<string, { offset: { start: number; length: number } }[]>();

/** The tier terms after an award word in one sentence, as compromise finds them (offsets into the sentence). */
function tierHits(sText: string, words: Record<string, string>): { offset: { start: number; length: number } }[] {
  const have = tokenized.get(sText);
  if (have) return have.map((h) => ({ offset: { ...h.offset } }));
  const tagged = nlp(sText, words);
  const hits = [...tagged.match(TIER_AFTER_CUE, 0).json({ offset: true }), ...tagged.match(UTAMA_AFTER_STRONG_CUE, 0).json({ offset: true })].map(
    (h: { offset: { start: number; length: number } }) => ({ offset: { start: h.offset.start, length: h.offset.length } }),
  );
  if (tokenized.size >= TOKENIZE_CACHE_SIZE) tokenized.delete(tokenized.keys().next().value!);
  tokenized.set(sText, hits);
  return hits.map((h) => ({ offset: { ...h.offset } }));
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
    const sentences = new Set<number>();
    for (const m of scanAll(re.tier, text, re.tierScan)) sentences.add(doc.sentenceAt(m.index).index);
    for (const si of sentences) {
      const sentence = doc.sentences[si]!;
      const sText = text.slice(sentence.start, sentence.end);
      const hits = tierHits(sText, re.words);
      // "Kabupaten Tapin (Madya), Kabupaten Balangan (Pratama)": a tier in brackets after a region, in a sentence about the award.
      if (re.awardWord.test(sText)) {
        for (const b of sText.matchAll(re.bracketed)) hits.push({ offset: { start: b.index! + 1, length: b[1]!.length } });
      }
      const seen = new Set<number>();
      for (const h of hits) {
        // The term's text may carry punctuation ("Utama,"): the span is the tier word itself.
        const termText = sText.slice(h.offset.start, h.offset.start + h.offset.length);
        const word = LETTERS.exec(termText);
        if (!word) continue;
        const start = sentence.start + h.offset.start + word.index;
        const end = start + word[0].length;
        const tier = word[0].toLowerCase();
        if (seen.has(start) || !(tier in lex.categoryTiers)) continue;
        seen.add(start);
        const before = text.slice(Math.max(sentence.start, start - 40), start);
        if (tier === 'utama' && re.notAward.test(before)) continue;
        // "seluruh puskesmas … telah terakreditasi, sembilan di antaranya dengan predikat Paripurna": an accreditation grade.
        if (re.otherGrading.test(text.slice(Math.max(sentence.start, start - OTHER_GRADING_REACH - 15), start))) continue;
        let notAward: CategoryMention['notAward'] = null;
        // "Bupati Lampung Selatan Radityo Egi Pratama": a tier word inside a person's name.
        // Two capitalised words before it, neither an award word: a given name and a middle name ("Kategori Pemda Utama" is a tier).
        // (The words before are looked for only before a capitalised tier: the two tests are pure, their order free.)
        if (CAPITALISED.test(word[0])) {
          const prevWords = TWO_WORDS_BEFORE.exec(before);
          const cueWord = re.cueWord;
          if (prevWords && [prevWords[1]!, prevWords[2]!].every((w) => CAPITALISED.test(w) && !cueWord.test(w))) continue;
        }
        if (
          re.goal.test(text.slice(Math.max(sentence.start, start - 65), start)) ||
          re.goalClause.test(text.slice(Math.max(sentence.start, start - GOAL_CLAUSE_REACH - 20), start)) ||
          re.goalAfter.test(text.slice(end, end + 45))
        )
          notAward = 'goal';
        // A definition speaks of the tier itself, close around it: "Kategori Madya pada UHC Award mensyaratkan …".
        else if (
          re.definition.test(text.slice(Math.max(sentence.start, start - 40), Math.min(sentence.end, end + DEFINITION_REACH))) ||
          (before.search(/kategor+i\s*$/iu) >= 0 && re.subjectStart.test(text.slice(sentence.start, start)) && !WINNERS_AFTER.test(text.slice(end, end + 30)) && !WINNERS_LISTED.test(text.slice(end, end + 30)))
        )
          notAward = 'definition';
        out.push({ kind: 'category', start, end, category: lex.categoryTiers[tier]!, notAward });
      }
    }
    out.sort((a, b) => a.start - b.start);
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
    { text: 'Lima daerah di Kalsel meraih UHC Award 2025, yakni Kabupaten Tapin (Madya), Kabupaten Balangan (Pratama).', span: 'Madya', value: { category: 'Madya', notAward: null } },
    { text: 'peserta yang saat ini berada di angka 88% untuk menembus kategori Utama, yaitu di atas 90%.', span: 'Utama', value: { category: 'Utama', notAward: 'goal' } },
    { text: 'harapannya dapat meningkatkan keaktifan hingga kategori utama.', span: 'utama', value: { category: 'Utama', notAward: 'goal' } },
    { text: 'Kategori Madya pada UHC Award mensyaratkan cakupan kepesertaan JKN di atas 95 persen.', span: 'Madya', value: { category: 'Madya', notAward: 'definition' } },
    { text: 'Penerima UHC Awards 2026:\nKategori Utama: Kota Blitar dan Kabupaten Kediri.', span: 'Utama', value: { category: 'Utama', notAward: null } },
    { text: 'Kategori Pratama diberikan antara lain kepada Kabupaten Ngawi.', span: 'Pratama', value: { category: 'Pratama', notAward: null } },
    { text: 'Penerima UHC Awards 2026:\nKategori Utama: cakupan minimal 98 persen dan keaktifan minimal 90 persen.', span: 'Utama', value: { category: 'Utama', notAward: 'definition' } },
    { text: 'Kami akan terus mendorong agar cakupan kepesertaan JKN bisa menyentuh 99 persen atau lebih dan meraih kategori utama.', span: 'utama', value: { category: 'Utama', notAward: 'goal' } },
    { text: 'Pemkab Bantul bertekad meraih penghargaan UHC kategori Paripurna pada tahun depan.', span: 'Paripurna', value: { category: 'Paripurna', notAward: 'goal' } },
    { text: 'Kota Denpasar meraih UHC Award kategori Madya, dan kategori Utama tahun depan.', span: 'Utama', value: { category: 'Utama', notAward: 'goal' } },
    { text: 'Kota Denpasar meraih UHC Award kategori Madya, dan kategori Utama tahun depan.', span: 'Madya', value: { category: 'Madya', notAward: null } },
    { text: 'Hingga akhir 2025 Kabupaten Badung meraih penghargaan UHC kategori Utama.', span: 'Utama', value: { category: 'Utama', notAward: null } },
    { text: 'penghargaan UHC Award 2026 diterima langsung oleh Bupati Radityo Egi Pratama di Jakarta', none: '"Egi Pratama" is a person\'s name' },
    { text: 'penghargaan UHC diserahkan kepada Wakil Bupati Dimas Adi Utama', none: '"Adi Utama" is a person\'s name' },
    { text: 'Direktur Utama BPJS Kesehatan, Ali Ghufron Mukti', none: '"Direktur Utama" is a job title' },
    { text: 'wilayah kerja Kantor Cabang Utama (KCU) Manado', none: '"Kantor Cabang Utama" is an office' },
    { text: 'Tujuan utama program ini adalah', none: 'everyday "utama" (main)' },
    { text: 'Madya Hotel di Jakarta', none: 'no award word before the tier' },
    { text: 'Pemkot Mataram Bidik UHC Awards Kategori Paripurna', span: 'Paripurna', value: { category: 'Paripurna', notAward: 'goal' } },
    { text: 'Tahun ini Pemkab Klaten membidik penghargaan UHC kategori Utama.', span: 'Utama', value: { category: 'Utama', notAward: 'goal' } },
    { text: 'Kepala Dinas Kesehatan menjelaskan, kriteria kategori Madya adalah cakupan minimal 98 persen.', span: 'Madya', value: { category: 'Madya', notAward: 'definition' } },
    { text: 'Semua rumah sakit di Kabupaten Tabanan telah terakreditasi, empat di antaranya dengan predikat Paripurna.', none: 'a hospital accreditation grade, not a UHC tier' },
    { text: 'Puskesmas Kuta Selatan meraih akreditasi Utama dari Kementerian Kesehatan.', none: 'an accreditation grade, not a UHC tier' },
  ],
};
