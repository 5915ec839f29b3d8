/**
 * Indonesian numerals -> numbers. "." groups thousands and "," marks decimals ("98,77" -> 98.77,
 * "105.544" -> 105544); odd forms are read as the writer meant them ("1,138,714" -> 1138714,
 * "98.8" -> 98.8); scale words multiply ("252,17 juta" -> 252170000, "432 ribu" -> 432000).
 */

/** Parses the digits of one numeral (no scale word). Returns null for anything that is not a numeral. */
export function parseNumeral(raw: string): number | null {
  const s = raw.replace(/\s+/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(,\d{3}){2,}$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+\.\d{1,2}$/.test(s)) return Number(s);
  if (/^\d+$/.test(s)) return Number(s);
  return null;
}

/** Multiplies by a scale without floating-point dust: 252.17 * 1e6 = 252170000, not 252170000.00000003. */
export function applyScale(value: number, scale: number): number {
  if (scale === 1) return value;
  return Math.round(value * scale);
}

/** Rounds a percentage to the precision it was written with (at most 4 decimals). */
export function cleanDecimal(value: number): number {
  return Math.round(value * 10000) / 10000;
}
