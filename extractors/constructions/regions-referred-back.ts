/**
 * "… baru dua kabupaten yakni Badung dan Klungkung. Kedua kabupaten tersebut 100 persen penduduk mengikuti program
 * JKN-KIS": "kedua/ketiga … tersebut" refers back to the regions just listed in the paragraph; each has the share.
 *
 * Pattern: words("Kedua|Ketiga|Keempat kabupaten|kota|daerah tersebut|itu|ini") [words | cue]{0,2} PERCENT
 */
import type { RegionMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { textOf, tokensOf, valueOf } from './types.ts';

const REFERENCE = /\b(kedua|ketiga|keempat|kelima)\s+(?:kabupaten(?:\s*\/\s*kota)?|kota|daerah|wilayah|provinsi)(?:\s+(?:tersebut|itu|ini))\b/iu;
const ORDINAL: Record<string, number> = { kedua: 2, ketiga: 3, keempat: 4, kelima: 5 };

export const regionsReferredBack: Construction = {
  name: 'regions-referred-back',
  description: '"Kedua kabupaten tersebut P": the regions just named in the paragraph each have the share.',
  pattern: /w[wQ]{0,2}P/,
  build(m) {
    const ts = tokensOf(m);
    const ref = REFERENCE.exec(textOf(m, ts[0]!));
    if (!ref) return null;
    const n = ORDINAL[ref[1]!.toLowerCase()]!;
    // The last n regions named before the reference in the same paragraph, none of them with a share of its own there.
    const para = m.doc.paragraphs[m.seq.sentence.paragraph]!;
    const before: RegionMention[] = [];
    for (let at = ts[0]!.start; before.length < n; ) {
      const r = m.ix.region.last(para.start, at, (x: RegionMention) => x.role === 'subject');
      if (!r) break;
      if (!before.some((b) => b.region === r.region)) before.unshift(r);
      at = r.start;
    }
    if (before.length !== n) return null;
    return [{ value: valueOf(ts.at(-1)!), region: before[0]!, shared: before.slice(1), reasons: ['region:referred-back'] }];
  },
  examples: [
    {
      text: 'Di Jawa Tengah baru dua kabupaten yakni Kabupaten Sragen dan Kabupaten Wonogiri. Kedua kabupaten tersebut 100 persen penduduknya terdaftar dalam program JKN.',
      facts: [
        { region: 'Kabupaten Sragen', metric: 'coverage_pct', value: 100 },
        { region: 'Kabupaten Wonogiri', metric: 'coverage_pct', value: 100 },
      ],
    },
    {
      text: 'Kota Bitung, Kota Tomohon dan Kota Kotamobagu mendapat penghargaan. Ketiga kota itu mencatat kepesertaan JKN 99 persen.',
      facts: [
        { region: 'Kota Bitung', metric: 'coverage_pct', value: 99 },
        { region: 'Kota Tomohon', metric: 'coverage_pct', value: 99 },
        { region: 'Kota Kotamobagu', metric: 'coverage_pct', value: 99 },
      ],
    },
  ],
};
