/**
 * The exact pre-tests of src/extract/lexicon.ts skip a pattern only where it cannot match: `endsLikeOneOf` never
 * rejects a string its pattern matches. Strings are built from the words themselves, in other cases, with the
 * characters /iu folds to ASCII ones ("ſ", the Kelvin sign) and other white space, so that most of them match.
 */
import { describe, expect, it } from 'vitest';
import { alternation, endsLikeOneOf, lexicon } from '../../src/extract/lexicon.ts';

const lex = lexicon();
const typedPrefix = (words: readonly string[]) => new RegExp(`(?:^|[^\\p{L}])(${alternation(words)})\\s*$`, 'iu');
/** Pre-test and pattern pairs as the region extractor and the engine use them. */
const CASES: { name: string; words: readonly string[]; closers?: string; re: RegExp; more?: string[] }[] = [
  { name: 'kabupaten', words: lex.regionPrefixes.kabupaten, re: typedPrefix(lex.regionPrefixes.kabupaten) },
  { name: 'kota', words: lex.regionPrefixes.kota, re: typedPrefix(lex.regionPrefixes.kota) },
  { name: 'provinsi', words: lex.regionPrefixes.provinsi, re: typedPrefix(lex.regionPrefixes.provinsi) },
  {
    name: 'branch',
    words: lex.branchPrefixes,
    closers: ')',
    re: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(lex.branchPrefixes)})\\s*(?:\\(\\p{Lu}+\\)\\s*)?$`, 'iu'),
  },
  { name: 'water', words: lex.waterBodyWords, re: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(lex.waterBodyWords)})\\s+$`, 'iu') },
  {
    name: 'list item',
    words: [',', ';', 'dan', 'serta'],
    more: ['98 persen', '5%', '89,09', '7 '],
    re: new RegExp(`\\d\\s*(?:${alternation(lex.percentSigns)})?\\s*(?:,|;|,?\\s+dan|,?\\s+serta)\\s+$`, 'iu'),
  },
  {
    name: 'rank scope',
    words: ['di', 'se', 'se-', 'seluruh', 'wilayah'],
    more: ['tertinggi', 'terbesar di', 'terbanyak se', 'paling tinggi di seluruh', 'terendah kedua di wilayah', 'ke-2'],
    re: /\b(?:ter(?:tinggi|endah|rendah|besar|kecil|baik|buruk|banyak|sedikit|padat)|paling\s+\p{L}+)(?:\s+(?:kedua|ketiga|keempat|kelima|ke-?\d+))?\s+(?:di\s+|se-?)(?:seluruh\s+)?(?:wilayah\s+)?$/iu,
  },
];

const ODD = ['\u212A', 'ſ', 'İ', 'ı', '\u00a0', '\t', '\n', '\u3000', 'é', '(', ')', '(KCU)', '.', '-', '98', '%', 'persen', ',', ';', 'x', 'Kab', 'terbesar', 'paling banyak', 'kedua'];

describe('endsLikeOneOf', () => {
  for (const c of CASES) {
    it(`never rejects a string the ${c.name} pattern matches`, () => {
      const may = endsLikeOneOf(c.words, c.closers)!;
      let seed = 7;
      const pick = <T>(xs: readonly T[]) => xs[((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % xs.length]!;
      const more = c.more ?? [];
      const pool = [...c.words, ...c.words, ...more, ...more, ...more, ...more, ...ODD];
      let matched = 0;
      for (let n = 0; n < 20000; n++) {
        let s = '';
        for (let i = 0, k = 1 + (n % 4); i < k; i++) {
          const w = pick(pool);
          const form = pick([w, w.toUpperCase(), w.replace(/k/g, '\u212A').replace(/s/g, 'ſ'), w.replace(/ /g, pick(['\u00a0', '\t', '  ']))]);
          s += form + pick([' ', '', '  ', '\u00a0', ',']);
        }
        if (!c.re.test(s)) continue;
        matched++;
        expect(may(s), JSON.stringify(s)).toBe(true);
      }
      expect(matched).toBeGreaterThan(30);
    });
  }
});
