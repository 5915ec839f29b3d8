/**
 * "cakupan kepesertaan JKN di ibu kota Provinsi Kepri itu baru mencapai 97,47 persen": the capital city, not the
 * province (data/regions/capitals.csv names each province's seat). "untuk Kota Surabaya sebagai ibu kota Jatim, …
 * capaiannya diangka 99.92 persen": the named city, the province only says what it is the capital of.
 *
 * Pattern: [REGION] words("… ibu kota") REGION(provinsi), then the figures up to the next region
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { DATA_DIR, loadGazetteer, type RegionEntry } from '../../src/normalize/regions.ts';
import type { Construction, Pairing } from './types.ts';
import { regionOf, textOf, tokensOf, valueOf } from './types.ts';

let capitals: Map<string, RegionEntry> | null = null;
/** Province code -> the region of its capital, from data/regions/capitals.csv. */
export function capitalOf(provinceCode: string): RegionEntry | undefined {
  if (!capitals) {
    const g = loadGazetteer();
    const rows = parse(readFileSync(DATA_DIR + 'regions/capitals.csv', 'utf8'), { columns: true, trim: true }) as Record<string, string>[];
    capitals = new Map(rows.map((r) => [r.province_code!, g.byCode.get(r.capital_code!)!]));
  }
  return capitals.get(provinceCode);
}

const IBU_KOTA = /\b(?:ibu\s*kota|ibukota)\s*$/iu;

export const capitalOfProvince: Construction = {
  name: 'capital-of-province',
  description: '"ibu kota Provinsi X": the capital city owns the figures of the clause.',
  // The figures it owns run on to the next region of the sentence; build() reads them (a short pattern keeps matching linear).
  pattern: /R?w[RB]/,
  build(m) {
    const ts = tokensOf(m);
    const wAt = ts.findIndex((t) => t.code === 'w');
    const prov = ts[wAt + 1]!;
    // (The province first: the same two pure tests, and most regions after a word are none.)
    if (regionOf(prov).region.level !== 'provinsi' || !IBU_KOTA.test(textOf(m, ts[wAt]!))) return null;
    const named = wAt === 1 && ts[0]!.code === 'R' && regionOf(ts[0]!).region.level !== 'provinsi' ? regionOf(ts[0]!) : null;
    const entry = named ? undefined : capitalOf(regionOf(prov).region.code);
    if (!named && !entry) return null;
    const out: Pairing[] = [];
    for (const t of m.seq.tokens.slice(m.to)) {
      if (t.code === 'R' || t.code === 'B') break;
      if (t.code !== 'P' && t.code !== 'C') continue;
      out.push(named ? { value: valueOf(t), region: named, reasons: ['region:capital-named'] } : { value: valueOf(t), region: regionOf(prov), entry: entry!, reasons: ['region:capital'] });
    }
    return out.length ? out : null;
  },
  examples: [
    {
      text: 'Berdasarkan data BPJS Kesehatan, cakupan kepesertaan JKN di ibu kota Provinsi Jambi itu baru mencapai 96,1 persen, dengan tingkat keaktifan 79,3 persen.',
      facts: [
        { region: 'Kota Jambi', metric: 'coverage_pct', value: 96.1 },
        { region: 'Kota Jambi', metric: 'active_pct', value: 79.3 },
      ],
    },
    {
      text: 'Kepesertaan JKN di ibu kota Sulawesi Tenggara tersebut tercatat 97,88 persen.',
      facts: [{ region: 'Kota Kendari', metric: 'coverage_pct', value: 97.88 }],
    },
    {
      text: 'Adapun Kota Mataram sebagai ibu kota NTB, capaian kepesertaannya di angka 98,45 persen atau sebanyak 443.120 jiwa.',
      facts: [
        { region: 'Kota Mataram', metric: 'coverage_pct', value: 98.45 },
        { region: 'Kota Mataram', metric: 'enrolled_count', value: 443120 },
      ],
    },
    {
      text: 'Cakupan kepesertaan JKN di Provinsi Sulawesi Tenggara mencapai 95,2 persen.',
      facts: [{ region: 'Provinsi Sulawesi Tenggara', metric: 'coverage_pct', value: 95.2 }],
    },
  ],
};
