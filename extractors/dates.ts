/**
 * Dates, on chrono-node's Indonesian parser ("1 Mei 2025", "Juni 2024", "14/03/2023", "(21/11)"), plus
 * our refinement of what each date is: the as-of of a figure ("per Juni 2024", "hingga 31 Desember 2025",
 * "sampai dengan 1 Maret 2023", "terhitung sejak Maret 2023", "pada 2023", "sepanjang tahun 2025"), an event
 * ("Selasa (14/03/2023)", "(21/11)", year from the publication date), a dateline ("Manokwari, 24 April 2025 -"),
 * or an award year ("UHC Award 2026").
 */
// Only the Indonesian locale: the package's index loads every locale (~0.1 s of `cakupan extract`'s start).
import * as chronoId from 'chrono-node/id';
import { alternation, lexicon, prefixScanner, scanAll, WORD_START } from '../src/extract/lexicon.ts';
import type { DateMention, DateRole, Doc, Extractor } from '../src/extract/types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

let re: ReturnType<typeof build> | null = null;

function build() {
  const lex = lexicon();
  const weekday = alternation(lex.weekdays);
  const patterns = buildPatterns(lex, weekday);
  return {
    ...patterns,
    // Every year-only date opens with one of its cue's first words.
    yearOnlyScan: prefixScanner(patterns.yearOnly, ['semester', 'triwulan', 'kuartal', 'caturwulan', 'q', 'pada', 'hingga', 'sampai', 'per', 'sepanjang', 'akhir', 'awal', 'pertengahan', 'di tahun', 'tahun']),
    // Award years written without a cue word: "UHC Award 2026", "UHC Awards Tahun 2026" (built once, not per document).
    award: new RegExp(`(?:${alternation(lex.awardWords)})\\s+(?:tahun\\s+)?((?:19|20)\\d{2})(?!\\d)`, 'giu'),
  };
}

function buildPatterns(lex: ReturnType<typeof lexicon>, weekday: string) {
  return {
    parser: chronoId.casual.clone(),
    // Only paragraphs with a month name or a d/m pattern go through chrono (speed), and only the words around them.
    dateCues: /(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|sep|okt|nov|des)\b|\d\/\d/gi,
    eventBefore: new RegExp(`(?:${weekday})\\s*,?\\s*\\(?\\s*$|\\(\\s*$`, 'iu'),
    weekdayBefore: new RegExp(`(?:${weekday})\\s*,?\\s*\\(?\\s*$`, 'iu'),
    notAsOf: new RegExp(`${WORD_START}(?:${alternation(lex.dateNotAsOf)})\\s+(?:\\S+\\s+){0,4}$`, 'iu'),
    weekdayInside: new RegExp(`^(?:${weekday})\\b`, 'iu'),
    datelineBefore: /^[\p{Lu}][\p{L}.'’ ]{1,40},\s*$/u,
    datelineAfter: /^\s*[-–—]/,
    cueBefore: new RegExp(`${WORD_START}(${alternation(lex.asOfCues)})\\s*(?:tahun\\s+|bulan\\s+|tanggal\\s+)?$`, 'iu'),
    yearOnly: new RegExp(
      `${WORD_START}(?<cue>(?:semester|triwulan|kuartal|caturwulan)\\s+(?:[ivx]+|\\d)(?:\\s+tahun)?|q[1-4]|pada akhir tahun|pada akhir|hingga akhir tahun|hingga akhir|sampai akhir tahun|sampai akhir|pada tahun|pada|per|sepanjang tahun|sepanjang|hingga|sampai|akhir tahun|awal tahun|pertengahan tahun|akhir|awal|pertengahan|di tahun|tahun)\\s+(?<year>(?:19|20)\\d{2})(?![\\d/]|[.,-]\\d|\\s*[-–]\\s*\\d)`,
      'giu',
    ),
    awardBefore: new RegExp(`(?:${alternation(lex.awardWords)})\\s*(?:\\(\\p{Lu}+\\))?\\s*(?:tahun\\s*)?$`, 'iu'),
    lawBefore: /\b(?:nomor|no\.?)\s*\d+\s*$/i,
  };
}

function roleFor(doc: Doc, start: number, end: number, matched: string): { role: DateRole; cue: string | null } {
  const p = re!;
  const text = doc.text;
  const para = doc.paragraphs.find((x) => x.start <= start && start < x.end) ?? { start: 0, end: text.length };
  const before = text.slice(Math.max(para.start, start - 40), start);
  const cueFirst = p.cueBefore.exec(before);
  // "(per 1/4/2025)" dates a figure; "Selasa (14/3/2023)" and "(19/5/2025)" date an event.
  if (p.weekdayInside.test(matched) || p.weekdayBefore.test(before) || (!cueFirst && (p.eventBefore.test(before) || text[end] === ')'))) return { role: 'event', cue: null };
  // "Sejak program JKN bergulir pada 1 Januari 2014": the start of something, not the date of a figure.
  if (p.notAsOf.test(before)) return { role: 'other', cue: null };
  if (p.datelineBefore.test(text.slice(para.start, start)) && p.datelineAfter.test(text.slice(end, end + 4))) return { role: 'dateline', cue: null };
  return { role: 'asof', cue: cueFirst ? cueFirst[1]!.toLowerCase() : null };
}

/** Characters of context chrono gets on each side of a month name or d/m pattern. */
const CHRONO_REACH = 80;

type ChronoResult = ReturnType<ReturnType<typeof chronoId.casual.clone>['parse']>[number];
/** A chrono result placed in the paragraph: where its text starts, the text, the parsed start date. */
type Placed = { index: number; text: string; start: ChronoResult['start'] };

/**
 * chrono's results for one paragraph, parsing only windows around the month names and d/m patterns in it (`cues`, as
 * [start, end) in the paragraph, in text order; chrono's cost grows with the text it is given; a date is a few words
 * around them). A window is widened to whole words; when a result touches a window's inner edge (it might run on
 * past it), the whole paragraph is parsed instead.
 */
function chronoResults(parser: ReturnType<typeof chronoId.casual.clone>, slice: string, cues: readonly [number, number][], refDate: Date): Placed[] {
  const windows: [number, number][] = [];
  for (const [cueStart, cueEnd] of cues) {
    let a = Math.max(0, cueStart - CHRONO_REACH);
    let b = Math.min(slice.length, cueEnd + CHRONO_REACH);
    while (a > 0 && !/\s/.test(slice[a - 1]!)) a--;
    while (b < slice.length && !/\s/.test(slice[b]!)) b++;
    const last = windows.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  if (windows.length === 1 && windows[0]![0] === 0 && windows[0]![1] === slice.length) return parser.parse(slice, refDate);
  const out: Placed[] = [];
  for (const [a, b] of windows) {
    for (const r of parser.parse(slice.slice(a, b), refDate)) {
      const end = r.index + r.text.length;
      if ((a > 0 && r.index === 0) || (b < slice.length && end >= b - a)) return parser.parse(slice, refDate);
      out.push({ index: r.index + a, text: r.text, start: r.start });
    }
  }
  return out;
}

export const dates: Extractor<'date'> = {
  name: 'dates',
  kind: 'date',
  description: 'Dates with what they date: a figure (as-of), an event, a dateline or an award year.',
  find(doc) {
    re ??= build();
    const text = doc.text;
    const out: DateMention[] = [];
    const ref = doc.published ? new Date(`${doc.published}T12:00:00Z`) : undefined;
    // The cues of the whole text in one pass, then by paragraph: a cue holds no line break (month names are letters,
    // "d/d" has none), and a paragraph ends at one or at the text's end, where `\b` holds as at the end of the
    // paragraph's own slice; so a paragraph's cues are exactly those the pattern finds in its slice.
    const cues: [number, number][] = [];
    re.dateCues.lastIndex = 0;
    for (let m; (m = re.dateCues.exec(text)); ) cues.push([m.index, m.index + m[0].length]);
    let ci = 0;
    for (const para of doc.paragraphs) {
      while (ci < cues.length && cues[ci]![0] < para.start) ci++;
      const inPara: [number, number][] = [];
      for (; ci < cues.length && cues[ci]![1] <= para.end; ci++) inPara.push([cues[ci]![0] - para.start, cues[ci]![1] - para.start]);
      if (inPara.length) {
        const slice = text.slice(para.start, para.end);
        for (const r of chronoResults(re.parser, slice, inPara, ref ?? new Date('2000-01-01T00:00:00Z'))) {
          const s = r.start;
          // Weekdays alone, "pagi", "kemarin", "saat ini": no written date.
          if (!s.isCertain('month') || !/\d/.test(r.text)) continue;
          const start = para.start + r.index;
          const end = start + r.text.length;
          const yearKnown = s.isCertain('year') || Boolean(ref);
          if (!yearKnown) continue;
          const y = s.get('year')!;
          const date = s.isCertain('day') ? `${y}-${pad(s.get('month')!)}-${pad(s.get('day')!)}` : `${y}-${pad(s.get('month')!)}`;
          const { role, cue } = roleFor(doc, start, end, r.text);
          // A slash date without a year ("(21/11)") is an event date whose year comes from the publication.
          out.push({ kind: 'date', start, end, date, role: s.isCertain('year') ? role : 'event', cue });
        }
      }
    }
    for (const m of scanAll(re.yearOnly, text, re.yearOnlyScan)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((d) => d.start < end && start < d.end)) continue;
      const before = text.slice(Math.max(0, start - 40), start + m.groups!.cue!.length + 1);
      let role: DateRole = 'asof';
      if (re.awardBefore.test(text.slice(Math.max(0, start - 40), start)) || re.awardBefore.test(before.trimEnd())) role = 'award';
      else if (re.notAsOf.test(text.slice(Math.max(0, start - 40), start))) role = 'other';
      else if (re.lawBefore.test(text.slice(Math.max(0, start - 20), start))) role = 'other';
      out.push({ kind: 'date', start, end, date: m.groups!.year!, role, cue: m.groups!.cue!.toLowerCase() });
    }
    // Award years written without a cue word: "UHC Award 2026", "UHC Awards Tahun 2026".
    const award = re.award;
    award.lastIndex = 0;
    for (let m; (m = award.exec(text)); ) {
      const start = m.index + m[0].length - 4;
      if (out.some((d) => d.start <= start && start < d.end)) {
        for (const d of out) if (d.start <= start && start < d.end) d.role = 'award';
        continue;
      }
      out.push({ kind: 'date', start, end: start + 4, date: m[1]!, role: 'award', cue: null });
    }
    return out.sort((a, b) => a.start - b.start);
  },
  valueOf: (m) => ({ date: m.date, role: m.role }),
  examples: [
    { text: 'data terkini per 1 Mei 2025 dari 590.393 penduduk', span: '1 Mei 2025', value: { date: '2025-05-01', role: 'asof' } },
    { text: 'sudah terdaftar dalam program JKN per Juni 2024.', span: 'Juni 2024', value: { date: '2024-06', role: 'asof' } },
    { text: 'Berdasarkan data hingga 31 Desember 2025, cakupan', span: '31 Desember 2025', value: { date: '2025-12-31', role: 'asof' } },
    { text: 'Sampai dengan 1 Maret 2023, tercatat cakupan', span: '1 Maret 2023', value: { date: '2023-03-01', role: 'asof' } },
    { text: 'Terhitung sejak Maret 2023, telah mencapai 99,58 persen', span: 'Maret 2023', value: { date: '2023-03', role: 'asof' } },
    { text: 'Berdasarkan Data Kepesertaan JKN Januari 2026, dari total penduduk', span: 'Januari 2026', value: { date: '2026-01', role: 'asof' } },
    { text: 'meningkat dari 267,3 juta jiwa pada 2023.', span: 'pada 2023', value: { date: '2023', role: 'asof' } },
    { text: 'sebesar 89,65 persen peserta aktif sepanjang tahun 2025, sebuah angka', span: 'sepanjang tahun 2025', value: { date: '2025', role: 'asof' } },
    { text: 'dibandingkan tahun 2024, ketika cakupan UHC', span: 'tahun 2024', value: { date: '2024', role: 'asof' } },
    { text: 'di Balai Sudirman, Tebet, Jakarta Selatan pada Selasa, (14/03/2023).', span: '14/03/2023', value: { date: '2023-03-14', role: 'event' } },
    { text: 'kebijakan program BPJS kesehatan, Senin (19/5/2025) pagi', span: '19/5/2025', value: { date: '2025-05-19', role: 'event' } },
    { text: 'yang disambut positif oleh Bupati Shalahuddin, jum’at (21/11)', published: '2024-11-22', span: '21/11', value: { date: '2024-11-21', role: 'event' } },
    { text: 'di Balai Sudirman Tebet Jakarta Selatan, Selasa, 14 Maret 2023.', span: 'Selasa, 14 Maret 2023', value: { date: '2023-03-14', role: 'event' } },
    { text: 'Manokwari, 24 April 2025 - Badan Penyelenggara Jaminan Sosial', span: '24 April 2025', value: { date: '2025-04-24', role: 'dateline' } },
    { text: 'meraih UHC Award 2026 kategori Madya.', span: '2026', value: { date: '2026', role: 'award' } },
    { text: 'pada ajang UHC Awards Tahun 2026 menerima penghargaan', span: 'Tahun 2026', value: { date: '2026', role: 'award' } },
    { text: 'Peraturan Presiden Nomor 36 Tahun 2023 tentang Peta Jalan', span: 'Tahun 2023', value: { date: '2023', role: 'other' } },
    { text: 'per 1 Agustus 2025 sudah mencapai 99,22 persen, Selasa (2/9).', span: '1 Agustus 2025', value: { date: '2025-08-01', role: 'asof' } },
    { text: 'cakupan mencapai 97 persen (per 1/4/2025).', span: '1/4/2025', value: { date: '2025-04-01', role: 'asof' } },
    { text: 'Sejak program JKN bergulir pada 1 Januari 2014, kepesertaan', span: '1 Januari 2014', value: { date: '2014-01-01', role: 'other' } },
    { text: 'Kabupaten Pakpak Bharat, hasil pemekaran dari Kabupaten Dairi pada 2003, mencatat', span: 'pada 2003', value: { date: '2003', role: 'other' } },
    { text: 'cakupan kepesertaan hingga akhir 2024 mencapai 97 persen', span: 'hingga akhir 2024', value: { date: '2024', role: 'asof' } },
    { text: 'pada semester I 2025 mencapai 99 persen', span: 'semester I 2025', value: { date: '2025', role: 'asof' } },
    // Long paragraphs: chrono reads only the words around each month name (chronoResults), with the same results.
    { text: 'Pemerintah kabupaten bersama BPJS Kesehatan terus memperluas kepesertaan warga melalui pendataan dari rumah ke rumah, dan berdasarkan data per 1 Mei 2025 cakupan kepesertaan JKN sudah mencapai 98,41 persen dari seluruh penduduk yang tercatat di dinas kependudukan setempat.', span: '1 Mei 2025', value: { date: '2025-05-01', role: 'asof' } },
    { text: 'Rapat koordinasi yang digelar di aula kantor bupati pada Selasa (14/10/2025) membahas pendanaan iuran warga miskin, sementara data kepesertaan yang dipaparkan dalam rapat itu, yakni kondisi hingga 30 September 2025, menunjukkan kenaikan dibanding tahun lalu.', span: '30 September 2025', value: { date: '2025-09-30', role: 'asof' } },
    { text: 'jum’at (21/11)', none: 'a slash date without a year and no publication date has no year to give' },
    { text: 'Visi Misi Presiden tahun 2020-2024', none: 'a span of years is a period, not a date' },
    { text: 'kurang lebih 10 tahun jumlah kepesertaan', none: 'a duration' },
    { text: 'pada tahun berikutnya', none: 'no year stated' },
  ],
};
