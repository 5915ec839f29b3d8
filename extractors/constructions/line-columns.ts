/**
 * A table written as text, one region per line, under a line that names the columns:
 *
 *   Berikut datanya (penduduk – peserta – cakupan – keaktifan):
 *   Kota Kupang: 404.120 – 401.377 – 99,32% – 83,05%
 *
 *   Daerah | Penduduk | Peserta | Cakupan | Keaktifan
 *   Ende | 283.806 | 279.114 | 98,35% | 79,6%
 *
 * Every figure of a row is the row's region's, and measures what its column's head says (README definitions:
 * penduduk = population, peserta = enrolled_count, cakupan = coverage_pct, keaktifan = active_pct, peserta aktif =
 * active_count). Without a header line that names as many columns as the row has figures, this is not the
 * construction (the fallback reads each figure's own words instead).
 *
 *   Daerah / Peserta / Cakupan / Keaktifan
 *   Kota Cirebon / 362.418 / 101,62% / 84,07%
 *
 *   No | Kabupaten/Kota | Cakupan (%) | Peserta Nonaktif (%)
 *   1 | Lampung Barat | 99,12 | 17,35
 *
 * (a bare number in a column headed as a share is a percentage: src/extract/table.ts; a column of the missing gives none.)
 *
 * Pattern: [bullet | NUMBER "|"] REGION [":" | "-" | "|" | "/"] VALUE { ("-" | "|" | "/") VALUE }, the row being its whole line.
 */
import type { Metric } from '../../src/types.ts';
import type { Construction, ConstructionMatch, Pairing } from './types.ts';
import { regionOf, textOf, tokensOf, valueOf } from './types.ts';
import { columnOf, headsAbove, type Column } from '../../src/extract/text-table.ts';

function metricOf(c: Column, percent: boolean): Metric | null {
  if (c === 'population') return percent ? null : 'population';
  if (c === 'enrolled') return percent ? 'coverage_pct' : 'enrolled_count';
  if (c === 'active') return percent ? 'active_pct' : 'active_count';
  if (c === 'activity') return percent ? 'active_pct' : 'active_count';
  if (c === 'coverage') return percent ? 'coverage_pct' : null;
  return null;
}

/** The columns of the header line above the row's line (skipping the table's other rows), or null. */
function headerColumns(m: ConstructionMatch, lineStart: number): Column[] | null {
  const heads = headsAbove(m.doc.text, lineStart);
  const cols = heads?.map(columnOf);
  return cols && !cols.some((c) => c === null) ? (cols as Column[]) : null;
}

export const lineColumns: Construction = {
  name: 'line-columns',
  description: 'Rows "region: figure – figure – …" or "region | figure | …" under a header line naming the columns.',
  pattern: /^w?(?:Nw)?w?R[:\-w]?[PC](?:[-w][PC])+w?$/,
  build(m) {
    const ts = tokensOf(m);
    const text = m.doc.text;
    const regionTok = ts.find((t) => t.code === 'R')!;
    const lineStart = text.lastIndexOf('\n', regionTok.start) + 1;
    const lineEndAt = text.indexOf('\n', regionTok.start);
    const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
    // The row is its whole line: nothing but a bullet or the row's number ("3 |") before the region, nothing after the last figure.
    if (!/^\s*(?:[•·*\-–]|\|?\s*\d{1,3}\.?\s*\||\|)?\s*$/u.test(text.slice(lineStart, regionTok.start))) return null;
    const values = ts.filter((t) => t.code === 'P' || t.code === 'C');
    if (!/^\s*\|?\s*$/u.test(text.slice(values.at(-1)!.end, lineEnd))) return null;
    // A word between figures must be a column rule "|", not words.
    if (ts.some((t) => t.code === 'w' && !/^[|•·*/]$/u.test(textOf(m, t)))) return null;
    let cols = headerColumns(m, lineStart);
    if (!cols) return null;
    const numbered = ts.some((t) => t.code === 'N' && t.end <= regionTok.start);
    if (numbered !== (cols[0] === 'number')) return null;
    if (numbered) cols = cols.slice(1);
    if (cols[0] === 'region') cols = cols.slice(1);
    if (cols.length !== values.length) return null;
    const region = regionOf(regionTok);
    const out: Pairing[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = valueOf(values[i]!);
      // A column of the missing ("Peserta Nonaktif (%)") gives no fact, and the row's other columns still do.
      if (cols[i] === 'skip') {
        out.push({ value: v, drop: 'column of the missing' });
        continue;
      }
      const metric = metricOf(cols[i]!, v.kind === 'percent');
      if (!metric) return null;
      out.push({ value: v, region, metric, reasons: ['region:line', 'metric:column'] });
    }
    return out;
  },
  examples: [
    {
      text: 'Data per 1 Agustus 2025 (penduduk – peserta – cakupan – keaktifan):\nKota Kupang: 404.120 – 401.377 – 99,32% – 83,05%\nKabupaten Sikka: 346.614 – 338.020 – 97,52% – 78,4%',
      facts: [
        { region: 'Kota Kupang', metric: 'population', value: 404120 },
        { region: 'Kota Kupang', metric: 'enrolled_count', value: 401377 },
        { region: 'Kota Kupang', metric: 'coverage_pct', value: 99.32 },
        { region: 'Kota Kupang', metric: 'active_pct', value: 83.05 },
        { region: 'Kabupaten Sikka', metric: 'population', value: 346614 },
        { region: 'Kabupaten Sikka', metric: 'enrolled_count', value: 338020 },
        { region: 'Kabupaten Sikka', metric: 'coverage_pct', value: 97.52 },
        { region: 'Kabupaten Sikka', metric: 'active_pct', value: 78.4 },
      ],
    },
    {
      text: 'Kepesertaan JKN di Flores per Mei 2025:\nDaerah | Penduduk | Peserta | Cakupan | Keaktifan\nEnde | 283.806 | 279.114 | 98,35% | 79,6%\nNagekeo | 165.020 | 166.101 | 100,66% | 82,3%',
      facts: [
        { region: 'Kabupaten Ende', metric: 'population', value: 283806 },
        { region: 'Kabupaten Ende', metric: 'enrolled_count', value: 279114 },
        { region: 'Kabupaten Ende', metric: 'coverage_pct', value: 98.35 },
        { region: 'Kabupaten Ende', metric: 'active_pct', value: 79.6 },
        { region: 'Kabupaten Nagekeo', metric: 'population', value: 165020 },
        { region: 'Kabupaten Nagekeo', metric: 'enrolled_count', value: 166101 },
        { region: 'Kabupaten Nagekeo', metric: 'coverage_pct', value: 100.66 },
        { region: 'Kabupaten Nagekeo', metric: 'active_pct', value: 82.3 },
      ],
    },
    {
      text: 'Rekap kepesertaan JKN per Juni 2025.\nDaerah / Peserta / Cakupan / Keaktifan\nKota Tegal / 281.400 / 100,9% / 82,35%\nKabupaten Brebes / 1.912.300 / 97,6% / 74,1%',
      facts: [
        { region: 'Kota Tegal', metric: 'enrolled_count', value: 281400 },
        { region: 'Kota Tegal', metric: 'coverage_pct', value: 100.9 },
        { region: 'Kota Tegal', metric: 'active_pct', value: 82.35 },
        { region: 'Kabupaten Brebes', metric: 'enrolled_count', value: 1912300 },
        { region: 'Kabupaten Brebes', metric: 'coverage_pct', value: 97.6 },
        { region: 'Kabupaten Brebes', metric: 'active_pct', value: 74.1 },
      ],
    },
    {
      // A slash inside a head ("Kabupaten/Kota") is no column rule, and a row without the header is no table row.
      text: 'Kabupaten/Kota / Cakupan / Keaktifan\nKabupaten Pemalang / 98,2% / 77,9%',
      facts: [
        { region: 'Kabupaten Pemalang', metric: 'coverage_pct', value: 98.2 },
        { region: 'Kabupaten Pemalang', metric: 'active_pct', value: 77.9 },
      ],
    },
    {
      // Numbered rows, bare numbers under share heads, and a column of the missing (no fact).
      text: 'Rekap cakupan JKN:\nNo | Kabupaten/Kota | Cakupan (%) | Peserta Nonaktif (%)\n1 | Kabupaten Karo | 98,12 | 18,35\n2 | Dairi | 97,05 | 21,60',
      facts: [
        { region: 'Kabupaten Karo', metric: 'coverage_pct', value: 98.12 },
        { region: 'Kabupaten Dairi', metric: 'coverage_pct', value: 97.05 },
      ],
    },
    {
      // Outer rules, counts under "(jiwa)" heads, a bare share under "Keaktifan (%)".
      text: 'Kabupaten | Penduduk (jiwa) | Peserta (jiwa) | Keaktifan (%)\n| Kabupaten Sinjai | 262.140 | 259.300 | 78,40 |',
      facts: [
        { region: 'Kabupaten Sinjai', metric: 'population', value: 262140 },
        { region: 'Kabupaten Sinjai', metric: 'enrolled_count', value: 259300 },
        { region: 'Kabupaten Sinjai', metric: 'active_pct', value: 78.4 },
      ],
    },
    { text: 'Skor | Kabupaten | Nilai\nA | Kabupaten Bone | 87,5', none: 'a table whose heads name none of our columns' },
    {
      // The header's order decides: activity first here.
      text: 'Rekap BPJS Kesehatan (keaktifan – cakupan):\nKota Bima: 81,2% – 99,7%',
      facts: [
        { region: 'Kota Bima', metric: 'active_pct', value: 81.2 },
        { region: 'Kota Bima', metric: 'coverage_pct', value: 99.7 },
      ],
    },
  ],
};
