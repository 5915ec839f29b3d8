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
 * Pattern: [bullet] REGION [":" | "-" | "|" | "/"] VALUE { ("-" | "|" | "/") VALUE }, the row being its whole line.
 */
import type { Metric } from '../../src/types.ts';
import type { Construction, ConstructionMatch, Pairing } from './types.ts';
import { regionOf, textOf, tokensOf, valueOf } from './types.ts';

/** How many lines above a row its header may stand (the other rows of the table in between). @default 40 */
export const HEADER_LINES_MAX = 40;

type Column = 'region' | 'population' | 'enrolled' | 'active' | 'coverage' | 'activity';

/** What a column head names; null: a head that is no column of ours (a date, "Keterangan"). */
function columnOf(head: string): Column | null {
  const h = head.toLowerCase().trim();
  if (/\bpeserta\s+aktif\b/u.test(h)) return 'active';
  if (/keaktifan|\baktif\b/u.test(h)) return 'activity';
  if (/cakupan|kepesertaan|\buhc\b|capaian|%|persen/u.test(h)) return 'coverage';
  if (/penduduk|populasi|jumlah\s+jiwa/u.test(h)) return 'population';
  if (/peserta|terdaftar/u.test(h)) return 'enrolled';
  if (/^(?:no\.?\s*)?(?:kabupaten|kota|kab\.?|daerah|wilayah|kabupaten\/kota|kab\/kota|nama\s+daerah)\b/u.test(h)) return 'region';
  return null;
}

function metricOf(c: Column, percent: boolean): Metric | null {
  if (c === 'population') return percent ? null : 'population';
  if (c === 'enrolled') return percent ? 'coverage_pct' : 'enrolled_count';
  if (c === 'active') return percent ? 'active_pct' : 'active_count';
  if (c === 'activity') return percent ? 'active_pct' : 'active_count';
  if (c === 'coverage') return percent ? 'coverage_pct' : null;
  return null;
}

const ROW_LINE = /^[^\n]*\d[^\n]*(?:[|]|\s[-–—/]\s)[^\n]*\d/u;

/** The columns of the header line above the row's line (skipping the table's other rows), or null. */
function headerColumns(m: ConstructionMatch, lineStart: number): Column[] | null {
  const text = m.doc.text;
  let end = lineStart - 1;
  for (let n = 0; n < HEADER_LINES_MAX && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() === '') return null;
    if (!ROW_LINE.test(line)) {
      // "Kabupaten | Penduduk | Peserta | Cakupan | Keaktifan", or "… rinciannya (penduduk – peserta – cakupan):".
      const bracket = /\(([^()]*)\)\s*:?\s*$/u.exec(line);
      // … or "Daerah / Peserta / Cakupan / Keaktifan" (a slash with spaces; "Kabupaten/Kota" is one head).
      const slashed = /\S\s+\/\s+\S/u.test(line) && !bracket;
      const body = line.includes('|') || slashed ? line : bracket ? bracket[1]! : null;
      if (!body) return null;
      const heads = body.split(slashed ? /\s+\/\s+/u : /\s*[|–—/]\s*|\s+-\s+/u).filter((h) => h.trim() !== '');
      const cols = heads.map(columnOf);
      if (heads.length < 2 || cols.some((c) => c === null)) return null;
      return cols as Column[];
    }
    end = start - 1;
  }
  return null;
}

export const lineColumns: Construction = {
  name: 'line-columns',
  description: 'Rows "region: figure – figure – …" or "region | figure | …" under a header line naming the columns.',
  pattern: /^w?R[:\-w]?[PC](?:[-w][PC])+$/,
  build(m) {
    const ts = tokensOf(m);
    const text = m.doc.text;
    const regionTok = ts.find((t) => t.code === 'R')!;
    const lineStart = text.lastIndexOf('\n', regionTok.start) + 1;
    const lineEndAt = text.indexOf('\n', regionTok.start);
    const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
    // The row is its whole line: nothing but a bullet before the region, nothing after the last figure.
    if (!/^\s*[•·*\-–]?\s*$/u.test(text.slice(lineStart, regionTok.start))) return null;
    if (text.slice(ts.at(-1)!.end, lineEnd).trim() !== '') return null;
    // A word between figures must be a column rule "|", not words.
    if (ts.some((t) => t.code === 'w' && !/^[|•·*/]$/u.test(textOf(m, t)))) return null;
    const values = ts.filter((t) => t.code === 'P' || t.code === 'C');
    let cols = headerColumns(m, lineStart);
    if (!cols) return null;
    if (cols[0] === 'region') cols = cols.slice(1);
    if (cols.length !== values.length) return null;
    const region = regionOf(regionTok);
    const out: Pairing[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = valueOf(values[i]!);
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
      // The header's order decides: activity first here.
      text: 'Rekap BPJS Kesehatan (keaktifan – cakupan):\nKota Bima: 81,2% – 99,7%',
      facts: [
        { region: 'Kota Bima', metric: 'active_pct', value: 81.2 },
        { region: 'Kota Bima', metric: 'coverage_pct', value: 99.7 },
      ],
    },
  ],
};
