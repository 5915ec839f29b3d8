/**
 * "… baru dua kabupaten yakni Badung dan Klungkung. Kedua kabupaten tersebut 100 persen penduduk mengikuti program
 * JKN-KIS": "kedua/ketiga … tersebut" refers back to the regions just listed in the paragraph; each has the share.
 *
 * "… meliputi Aceh Barat, Kota Banda Aceh dan Pidie. Di tiga daerah itu, tingkat keaktifan masing-masing 76,4 persen,
 * 82,1 persen dan 79,3 persen": a cardinal reference ("dua/tiga … daerah itu") with "masing-masing" and as many shares
 * as regions gives each region its share in order.
 *
 * Pattern: words("Kedua|Ketiga|Keempat kabupaten|kota|daerah tersebut|itu|ini") [words | cue]{0,2} PERCENT
 *        | words("(di) dua|tiga|… kabupaten|kota|daerah tersebut|itu|ini") [","] [words | cue]{0,2} "masing-masing" [words]
 *          PERCENT { ("," | "dan") PERCENT }
 */
import type { RegionMention } from '../../src/extract/types.ts';
import type { Construction } from './types.ts';
import { textOf, tokensOf, valueOf } from './types.ts';

const REFERENCE = /\b(kedua|ketiga|keempat|kelima)\s+(?:kabupaten(?:\s*\/\s*kota)?|kota|daerah|wilayah|provinsi)(?:\s+(?:tersebut|itu|ini))\b/iu;
const ORDINAL: Record<string, number> = { kedua: 2, ketiga: 3, keempat: 4, kelima: 5 };
const CARDINAL_REFERENCE = /\b(dua|tiga|empat|lima)\s+(?:kabupaten(?:\s*\/\s*kota)?|kota|daerah|wilayah|provinsi)(?:\s+(?:tersebut|itu|ini))\b/iu;
const CARDINAL: Record<string, number> = { dua: 2, tiga: 3, empat: 4, lima: 5 };

export const regionsReferredBack: Construction = {
  name: 'regions-referred-back',
  description: '"Kedua kabupaten tersebut P": the regions just named in the paragraph each have the share.',
  // The count of a cardinal reference reads as a guard of region counts ("tiga daerah"), its "itu" as a word.
  pattern: /(?:w|Gw)(?:[wQ]{0,2}P|,?[wQ]{0,2}m[wQ]{0,2}P(?:,?&?P)*)/,
  build(m) {
    const ts = tokensOf(m);
    const head = ts[0]!.code === 'G' ? m.doc.text.slice(ts[0]!.start, ts[1]!.end) : textOf(m, ts[0]!);
    const ordinal = ts[0]!.code === 'w' ? REFERENCE.exec(head) : null;
    const cardinal = ordinal ? null : CARDINAL_REFERENCE.exec(head);
    const respectively = ts.some((t) => t.code === 'm');
    // "dua daerah itu" without "masing-masing" is a sum or average over them (engine `referredRegionsBefore`), not this.
    if (!ordinal && !(cardinal && respectively)) return null;
    const n = ordinal ? ORDINAL[ordinal[1]!.toLowerCase()]! : CARDINAL[cardinal![1]!.toLowerCase()]!;
    const values = ts.filter((t) => t.code === 'P').map(valueOf);
    if (respectively && values.length > 1 && values.length !== n) return null;
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
    if (values.length > 1) return values.map((v, i) => ({ value: v, region: before[i]!, reasons: ['region:referred-back'] }));
    return [{ value: values[0]!, region: before[0]!, shared: before.slice(1), reasons: ['region:referred-back'] }];
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
    {
      text: 'Wilayah kerja Cabang Meulaboh meliputi Aceh Barat, Nagan Raya dan Kabupaten Aceh Jaya. Di tiga daerah itu, tingkat keaktifan masing-masing 76,4 persen, 82,1 persen dan 79,3 persen.',
      facts: [
        { region: 'Kabupaten Aceh Barat', metric: 'active_pct', value: 76.4 },
        { region: 'Kabupaten Nagan Raya', metric: 'active_pct', value: 82.1 },
        { region: 'Kabupaten Aceh Jaya', metric: 'active_pct', value: 79.3 },
      ],
    },
    {
      text: 'Cakupan di Kabupaten Sumba Barat (96,2 persen) dan Kabupaten Sumba Timur (97,4 persen) belum UHC. Keaktifan peserta di dua kabupaten itu masing-masing baru 71,5 persen dan 73,8 persen.',
      facts: [
        { region: 'Kabupaten Sumba Barat', metric: 'coverage_pct', value: 96.2 },
        { region: 'Kabupaten Sumba Timur', metric: 'coverage_pct', value: 97.4 },
        { region: 'Kabupaten Sumba Barat', metric: 'active_pct', value: 71.5 },
        { region: 'Kabupaten Sumba Timur', metric: 'active_pct', value: 73.8 },
      ],
    },
    {
      text: 'Kabupaten Sumba Barat dan Kabupaten Sumba Timur sudah bergabung. Rata-rata keaktifan di dua kabupaten itu 72,6 persen.',
      none: 'an average over the regions referred back (definition rule 4: no sums over several named regions)',
    },
  ],
};
