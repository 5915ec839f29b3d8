/**
 * "Program JKN sudah mencakup 95 persen lebih penduduk di sembilan kabupaten dan kota di wilayah Provinsi Sumatera
 * Barat": a share over a counted group of regions is no region's figure (nor the province's that holds them).
 *
 * Pattern: PERCENT [words("lebih penduduk")] "di" words("sembilan kabupaten dan kota" …)
 */
import type { Construction } from './types.ts';
import { tokensOf, valueOf } from './types.ts';

const GROUP_AFTER = /^\s*(?:lebih\s+)?(?:dari\s+)?(?:penduduk\s+|warga\s+|masyarakat\s+)?(?:di\s+)?(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|\d{1,3})\s+(?:kabupaten|kota|daerah|wilayah|provinsi)\b/iu;

export const shareOfCountedGroup: Construction = {
  name: 'share-of-counted-group',
  description: 'A share said of "sembilan kabupaten dan kota": no single region\'s figure.',
  dropsOnly: true,
  pattern: /P/,
  build(m) {
    const p = tokensOf(m)[0]!;
    if (!GROUP_AFTER.test(m.doc.text.slice(p.end, Math.min(m.seq.sentence.end, p.end + 60)))) return null;
    return [{ value: valueOf(p), drop: 'a share over a counted group of regions', reasons: [] }];
  },
  examples: [
    {
      text: 'Program JKN sudah mencakup 95 persen lebih penduduk di tujuh kabupaten dan kota di wilayah Provinsi Jambi.',
      none: 'a share over seven kabupaten/kota together',
    },
    {
      text: 'Program JKN sudah mencakup 97,4 persen penduduk di Provinsi Jambi.',
      facts: [{ region: 'Provinsi Jambi', metric: 'coverage_pct', value: 97.4 }],
    },
  ],
};
