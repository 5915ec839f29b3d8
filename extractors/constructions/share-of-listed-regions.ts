/**
 * "hanya ada tiga kabupaten kota yang cakupannya mencapai 100 persen, diantaranya ada Kabupaten Sampang dengan jumlah
 * peserta 950.430 jiwa, Kota Malang 867.042 serta Kota Mojokerto sebanyak 140.442 jiwa": a share said of a counted
 * group of regions, which are then listed, is each listed region's share. Regions with a share of their own in the list
 * ("enam kabupaten sudah melampaui 100 persen, yaitu A (104,20%) …") keep theirs.
 *
 * Pattern: PERCENT ["," words] ("yaitu" | "diantaranya" | …) { … REGION … }
 */
import type { Construction, Pairing } from './types.ts';
import { regionOf, tokensOf, valueOf } from './types.ts';

const COUNTED_GROUP = /\b(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|\d{1,2})\s+(?:kabupaten(?:\s*\/?\s*kota)?|kota|daerah|wilayah)\b/iu;

export const shareOfListedRegions: Construction = {
  name: 'share-of-listed-regions',
  description: 'A share said of "tiga kabupaten/kota", then the list of them: each listed region has it.',
  pattern: /P,?w?yw?R[^;P,&RB]*(?:(?:,&?|&)R[^;P,&RB]*)*/,
  build(m) {
    const ts = tokensOf(m);
    const p = ts[0]!;
    const sentenceBefore = m.doc.text.slice(m.seq.sentence.start, p.start);
    if (!COUNTED_GROUP.test(sentenceBefore)) return null;
    const regions = ts.filter((t) => t.code === 'R').map(regionOf);
    if (regions.length < 2) return null;
    const share = valueOf(p);
    const out: Pairing[] = [{ value: share, region: regions[0]!, shared: regions.slice(1), reasons: ['region:listed-group'] }];
    return out;
  },
  examples: [
    {
      text: 'Hanya ada tiga kabupaten/kota yang cakupannya mencapai 100 persen, diantaranya Kabupaten Sumenep, Kota Madiun serta Kota Batu.',
      facts: [
        { region: 'Kabupaten Sumenep', metric: 'coverage_pct', value: 100 },
        { region: 'Kota Madiun', metric: 'coverage_pct', value: 100 },
        { region: 'Kota Batu', metric: 'coverage_pct', value: 100 },
      ],
    },
    {
      text: 'Ada dua kabupaten dengan tingkat keaktifan peserta di bawah 70 persen, yaitu Kabupaten Nias Barat dan Kabupaten Nias Utara.',
      none: '"di bawah 70 persen" is a bar both fall under, not a figure of either',
    },
  ],
};
