/**
 * The date a page's URL holds, for figures whose page gives none: news sites file articles under
 * `/2025/09/04/`, `/read/2023/03/20/…`, `/2024-11-22-judul`, `/20250904…`. Month-only paths (`/2025/09/`) give
 * "2025-09". Only years from URL_DATE_MIN_YEAR to next year are read: `/1945/` in a slug is history, not a date.
 */

/** Oldest year a URL date may have: JKN started in 2014. @default 2014 */
export const URL_DATE_MIN_YEAR = 2014;

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number | null, maxYear: number): boolean {
  if (y < URL_DATE_MIN_YEAR || y > maxYear || m < 1 || m > 12) return false;
  if (d === null) return true;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** "2025-09-04", "2025-09" or null: the first date the URL's path spells. */
export function urlDate(url: string, now = new Date()): string | null {
  let path: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    path = u.pathname;
  } catch {
    return null;
  }
  const maxYear = now.getUTCFullYear() + 1;
  const patterns: [RegExp, boolean][] = [
    [/\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?=\/|$|[-_.])/, true], // /2025/09/04/
    [/(?:^|[/_-])(\d{4})-(\d{2})-(\d{2})(?=\/|$|[-_.])/, true], // /2024-11-22-judul
    [/\/(\d{4})(\d{2})(\d{2})(?=\d{0,12}(?:\/|$|[-_.]))/, true], // /20250904123456/
    [/\/(\d{4})\/(\d{1,2})(?=\/)/, false], // /2025/09/judul
  ];
  for (const [re, withDay] of patterns) {
    const m = re.exec(path);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = withDay ? Number(m[3]) : null;
    if (valid(y, mo, d, maxYear)) return d === null ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}
