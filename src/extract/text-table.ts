/**
 * Tables written as text: rows of one region each under a header line that names the columns.
 *
 *   Berikut datanya (penduduk – peserta – cakupan – keaktifan):
 *   Kota Kupang: 404.120 – 401.377 – 99,32% – 83,05%
 *
 *   No | Kabupaten | Penduduk (jiwa) | Peserta JKN (jiwa) | Cakupan (%)
 *   1 | Wakatobi | 119.240 | 118.012 | 98,97
 *
 * The construction line-columns pairs a row's figures with its header's columns; the percentages extractor reads a bare
 * number in a column headed as a share ("Cakupan (%)", "Keaktifan") as a percentage.
 */

/** How many lines above a row its header may stand (the other rows of the table in between). @default 40 */
export const HEADER_LINES_MAX = 40;

/** Longest line read as a table row. @default 400 */
export const ROW_MAX_CHARS = 400;

/** What a column head names (README definitions); `number`: the rows' running number; `skip`: a share or count of the missing. */
export type Column = 'number' | 'region' | 'population' | 'enrolled' | 'active' | 'coverage' | 'activity' | 'skip';

/** What a column head names; null: a head that is no column of ours (a date, "Keterangan"). */
export function columnOf(head: string): Column | null {
  const h = head.toLowerCase().trim();
  if (/^(?:no\.?|nomor|#)$/u.test(h)) return 'number';
  if (/non-?\s?aktif|tidak\s+aktif|belum|menunggak/u.test(h)) return 'skip';
  if (/\bpeserta\s+aktif\b/u.test(h)) return 'active';
  if (/keaktifan|\baktif\b/u.test(h)) return 'activity';
  if (/cakupan|kepesertaan|\buhc\b|capaian|%|persen/u.test(h)) return 'coverage';
  if (/penduduk|populasi|jumlah\s+jiwa/u.test(h)) return 'population';
  if (/peserta|terdaftar/u.test(h)) return 'enrolled';
  if (/^(?:no\.?\s*)?(?:kabupaten|kota|kab\.?|daerah|wilayah|kabupaten\/kota|kab\/kota|nama\s+daerah|provinsi)\b/u.test(h)) return 'region';
  return null;
}

/** A line of a table's rows: a digit, a column rule ("|" or a spaced dash or slash), a digit. */
const ROW_LINE = /^[^\n]*\d[^\n]*(?:[|]|\s[-–—/]\s)[^\n]*\d/u;

/**
 * The heads of the header line above the line that starts at `lineStart`, skipping the table's other rows, or null:
 * "Kabupaten | Penduduk | Peserta", "… rinciannya (penduduk – peserta – cakupan):", "Daerah / Peserta / Cakupan".
 */
export function headsAbove(text: string, lineStart: number): string[] | null {
  let end = lineStart - 1;
  for (let n = 0; n < HEADER_LINES_MAX && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() === '') return null;
    if (!ROW_LINE.test(line)) {
      const bracket = /\(([^()]*)\)\s*:?\s*$/u.exec(line);
      const piped = line.includes('|');
      // "Daerah / Peserta / Cakupan / Keaktifan": a slash with spaces ("Kabupaten/Kota" is one head).
      const slashed = !piped && /\S\s+\/\s+\S/u.test(line) && !bracket;
      const body = piped || slashed ? line : bracket ? bracket[1]! : null;
      if (!body) return null;
      // Between column rules "|" a head may hold its unit in brackets or a slash: "Cakupan (%)", "Kabupaten/Kota".
      const heads = body.split(piped ? /\s*\|\s*/u : slashed ? /\s+\/\s+/u : /\s*[|–—/]\s*|\s+-\s+/u).filter((h) => h.trim() !== '');
      return heads.length >= 2 ? heads : null;
    }
    end = start - 1;
  }
  return null;
}

/** The column a number standing alone in a cell of a "|" row is in, read from the header above: "| 98,97 |" under "Cakupan (%)". */
export function pipeCellColumn(text: string, start: number, end: number): Column | null {
  // A cell: a rule right before the number and a rule or the line's end right after (most numbers fail this at once).
  if (!/\|[ \t]*$/u.test(text.slice(Math.max(0, start - 8), start)) || !/^[ \t]*(?:\||\n|$)/u.test(text.slice(end, end + 8))) return null;
  // The row's line, looked for within ROW_MAX_CHARS only: a longer line is no table row (and a text of one huge line
  // must not be rescanned from every number).
  const from = Math.max(0, start - ROW_MAX_CHARS);
  const back = text.slice(from, start).lastIndexOf('\n');
  if (back < 0 && from > 0) return null;
  const lineStart = from + back + 1;
  const ahead = text.slice(end, end + ROW_MAX_CHARS);
  const nl = ahead.indexOf('\n');
  if (nl < 0 && end + ahead.length < text.length) return null;
  const lineEnd = nl < 0 ? text.length : end + nl;
  if (lineEnd - lineStart > ROW_MAX_CHARS) return null;
  const before = text.slice(lineStart, start);
  const heads = headsAbove(text, lineStart);
  if (!heads) return null;
  // Cells between the rules; an outer rule ("| 1 | Wakatobi | … |") opens or closes no cell.
  const cells = text.slice(lineStart, lineEnd).split('|');
  const opened = cells[0]!.trim() === '' ? 1 : 0;
  const closed = cells.length > 1 && cells.at(-1)!.trim() === '' ? 1 : 0;
  if (cells.length - opened - closed !== heads.length) return null;
  const head = heads[before.split('|').length - 1 - opened];
  return head === undefined ? null : columnOf(head);
}
