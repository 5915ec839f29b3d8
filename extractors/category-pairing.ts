/**
 * Which regions a UHC award tier belongs to (issue 9, class 9). The categories extractor finds the tier words; this
 * gives each its regions and year. The engine calls `pairCategories(doc, found)` once per document.
 *
 *  - "Kota Surabaya dan Kabupaten Sidoarjo … kategori Madya": every region of the list before the tier; a bare name
 *    in a typed list takes the list's type ("Kota Malang, Blitar, dan Mojokerto" → Kota Blitar, Kota Mojokerto).
 *  - "… kategori Utama: Kabupaten A, Kabupaten B dan Kota C": the list after it.
 *  - A tier that opens its sentence ("Pada kategori Madya, Kabupaten A mencatat …, sementara B mencapai …",
 *    "Adapun kategori Pratama diraih oleh A dengan …, B dengan …, serta C dengan …"): every region after it, up to
 *    the next tier.
 *  - A province that only says where the awarded regions are is no winner: "tiga kota di Jatim berhasil meraih …",
 *    "kategori Utama di Jawa Tengah: A, B"; nor is a region whose tier is that of counted regions ("Jatim berhasil
 *    meraih penghargaan, yaitu tiga daerah meraih … kategori Utama").
 *  - Goals ("untuk menembus kategori Utama") and definitions are marked by the extractor and give nothing.
 */
import { INDONESIA, toRef, type RegionEntry } from '../src/normalize/regions.ts';
import type { CategoryFact } from '../src/types.ts';
import { confidenceOf } from '../src/extract/confidence.ts';
import { lexicon, wordsRegex } from '../src/extract/lexicon.ts';
import type { CategoryMention, Doc, Found, RegionMention } from '../src/extract/types.ts';
import { clauseStartOf, inside, lastInside } from './gates/util.ts';

/** How many characters from its sentence's start a tier is still the sentence's topic ("Adapun kategori Pratama …"). */
export const TOPIC_REACH = 24;
/** How far before a tier, within its clause, a year still names the tier's award year ("Pada UHC Award 2025 Kota Denpasar meraih kategori Madya"). */
export const YEAR_REACH = 70;
/** How far before a region "bersama", "seperti" mark it as a companion, not a winner ("bersama Provinsi Maluku"). */
export const COMPANION_REACH = 40;

/** A sentence opening with "Keduanya", "Ketiganya", "Kedua daerah itu": the regions of the sentence before. */
const REFERRED_BACK = /^[\s"“'‘]*(keduanya|ketiganya|keempatnya|kedua\s+(?:daerah|kabupaten|kota|wilayah)(?:\s+(?:itu|tersebut))?|ketiga\s+(?:daerah|kabupaten|kota|wilayah)(?:\s+(?:itu|tersebut))?)(?![\p{L}])/iu;
const REFERRED_COUNT: Record<string, number> = { keduanya: 2, kedua: 2, ketiganya: 3, ketiga: 3, keempatnya: 4 };

const COORD = /^\s*(?:,|,?\s*dan|,?\s*serta|,?\s*&)\s*$/iu;

interface Pick {
  m: RegionMention;
  region: RegionEntry;
  reason: string;
  start: number;
  end: number;
}

let res: { bersama: RegExp; plural: RegExp; previous: RegExp; topic: RegExp; locationBefore: RegExp; passive: RegExp; copula: RegExp; listIntro: RegExp } | null = null;

/** A contrast that starts a new clause with other regions: "sementara", "sedangkan", "adapun". */
const CONTRAST_AFTER = /[,;]\s*(?:sementara(?:\s+itu)?|sedangkan|adapun)\b/iu;

export function pairCategories(doc: Doc, found: Found): CategoryFact[] {
  // Most articles name no award tier: every tier below is skipped then, and nothing else adds a category.
  if (found.category.every((c) => c.notAward)) return [];
  res ??= {
    bersama: /\b(?:bersama|beserta|dan sejumlah|seperti)\b[^.]{0,12}$/iu,
    plural: wordsRegex(lexicon().pluralSubjects),
    previous: wordsRegex(lexicon().previousWords),
    topic: /^[\s"“'‘(]*(?:(?:pada|untuk|adapun|sedangkan|sementara|dan|lalu|kemudian|selanjutnya)\s+(?:itu\s+)?)?(?:penghargaan\s+)?(?:uhc\s+)?(?:kategor+i|predikat|katagori)\s*$/iu,
    locationBefore: /(?:^|[^\p{L}])(?:di|se-?)\s*$/iu,
    passive: /^\s*(?:(?:19|20)\d{2}\s+)?(?:ini\s+|tersebut\s+)?(?:juga\s+|pun\s+)?(?:berhasil\s+)?(?:diraih|diterima|disabet|diberikan\s+kepada|jatuh\s+kepada|didapat|diperoleh|dianugerahkan\s+kepada|disandang)(?![\p{L}])/iu,
    copula: /^\s*,?\s*(?:yang\s+)?(?:merupakan|adalah|sebagai|menjadi|ialah)\s*$/iu,
    listIntro: /^\s*[:,]?\s*(?:yaitu|yakni|antara lain|di antaranya|diantaranya|meliputi)?\s*:?\s*$/iu,
  };
  const r = res;
  const text = doc.text;
  const subjects = found.region.filter((x) => x.role === 'subject');
  const typedCodes = new Set(found.region.filter((x) => x.via === 'typed').map((x) => x.region.code));
  const prov = new Map<string, number>();
  for (const x of subjects) if (x.region.provinceCode) prov.set(x.region.provinceCode, (prov.get(x.region.provinceCode) ?? 0) + 1);
  const dominantProvince = [...prov].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const regionCounts = found.guard.filter((g) => g.guard === 'region-count');
  const tiers = found.category;
  const awardYears = found.date.filter((d) => d.role === 'award').map((d) => d.date);
  const articleAwardYear = mostFrequent(awardYears);
  const allYears = new Set(found.date.map((d) => d.date.slice(0, 4)));
  const singleYear = allYears.size === 1 ? [...allYears][0]! : null;
  const out: CategoryFact[] = [];

  /** Same-name regions (Kabupaten/Kota Blitar): the list's type, then the article's typed mentions, then its province. */
  const resolve = (m: RegionMention, listLevel: string | null, reasons: string[]): RegionEntry => {
    if (!m.alternatives.length || m.via === 'typed') return m.region;
    const all = [m.region, ...m.alternatives];
    if (listLevel) {
      const ofLevel = all.filter((x) => x.level === listLevel);
      if (ofLevel.length === 1) {
        reasons.push('category:list-type');
        return ofLevel[0]!;
      }
    }
    const typed = all.filter((x) => typedCodes.has(x.code));
    if (typed.length === 1) {
      reasons.push('region:same-name-context');
      return typed[0]!;
    }
    const inProvince = all.filter((x) => x.provinceCode === dominantProvince);
    if (inProvince.length === 1 && inProvince[0]!.level !== 'provinsi') {
      reasons.push('region:same-name-context');
      return inProvince[0]!;
    }
    if (m.region.level === 'provinsi') return m.region;
    reasons.push('region:ambiguous');
    return m.region;
  };

  /** A province named as where the others are ("tiga kota di Jatim", "di Jawa Tengah: A, B"), not as a winner. */
  const isLocation = (m: RegionMention, others: RegionMention[]) =>
    m.region.level === 'provinsi' &&
    r.locationBefore.test(text.slice(Math.max(0, m.start - 6), m.start)) &&
    (others.some((o) => o.region.provinceCode === m.region.code) || lastInside(regionCounts, Math.max(0, m.start - 40), m.start) !== undefined);

  /** "A, B dan C": the regions coordinated with each other, reading back from the last. */
  // A province joined by a bare comma to one of its own regions is where that region is, not a second winner
  // ("Dari 35 kabupaten/kota di Jawa Tengah, Kabupaten Klaten …").
  const apposition = (a: RegionMention, b: RegionMention) =>
    /^\s*,\s*$/.test(text.slice(a.end, b.start)) &&
    ((a.region.level === 'provinsi' && b.region.provinceCode === a.region.code) || (b.region.level === 'provinsi' && a.region.provinceCode === b.region.code));
  const coordinatedBefore = (xs: RegionMention[]): RegionMention[] => {
    const list: RegionMention[] = [];
    for (let i = xs.length - 1; i >= 0; i--) {
      const x = xs[i]!;
      const next = list[0];
      if (next && (!COORD.test(text.slice(x.end, next.start)) || apposition(x, next) || isLocation(x, [next]))) break;
      list.unshift(x);
    }
    return list;
  };
  const coordinatedAfter = (xs: RegionMention[]): RegionMention[] => {
    const list: RegionMention[] = [];
    for (const x of xs) {
      const last = list.at(-1);
      if (last && !COORD.test(text.slice(last.end, x.start))) break;
      list.push(x);
    }
    return list;
  };
  const listLevelOf = (list: RegionMention[]) => list.find((x) => x.via === 'typed')?.region.level ?? null;

  const dates = [...found.date].sort((a, b) => a.start - b.start);
  for (const [ci, c] of tiers.entries()) {
    if (c.notAward) continue;
    const s = doc.sentenceAt(c.start);
    const inSentence = inside(subjects, s.start, s.end).filter(
      (x) => x.region !== INDONESIA && !r.bersama.test(text.slice(Math.max(s.start, x.start - COMPANION_REACH), x.start)),
    );
    const before = inSentence.filter((x) => x.end <= c.start);
    const nextTier = tiers[ci + 1] && tiers[ci + 1]!.start < s.end ? tiers[ci + 1] : undefined;
    const after = inSentence.filter((x) => x.start >= c.end && (!nextTier || x.end <= nextTier.start));
    r.plural.lastIndex = 0;
    const pluralBefore = r.plural.test(text.slice(s.start, c.start));
    const picks: Pick[] = [];
    const add = (list: RegionMention[], reason: string, span: (m: RegionMention) => [number, number]) => {
      const level = listLevelOf(list);
      for (const m of list) {
        const [start, end] = span(m);
        picks.push({ m, region: m.region, reason: reason === 'category:clause' && list.length > 1 ? 'category:list' : reason, start, end });
      }
      return level;
    };
    let listLevel: string | null = null;
    // "kategori Utama diraih Kabupaten Badung dan kategori Pratama diraih Kabupaten Bangli": the passive names the winners after.
    const topic = (r.topic.test(text.slice(s.start, c.start)) && c.start - s.start <= TOPIC_REACH + 20) || r.passive.test(text.slice(c.end, c.end + 40));
    if (topic && after.length) {
      // "Pada kategori Madya, Kabupaten Lingga …, sementara Kepulauan Anambas …": the tier is the sentence's topic.
      let list = after.filter((x, i) => !(i === 0 && isLocation(x, after.slice(1))));
      // "kategori Utama diraih Kota A, …, sementara Kabupaten B dan C memperoleh kategori Madya": past a contrast word,
      // the regions are the next tier's.
      if (nextTier) {
        const cut = CONTRAST_AFTER.exec(text.slice(c.end, nextTier.start));
        if (cut) list = list.filter((x) => x.start < c.end + cut.index);
      }
      listLevel = add(list, 'category:topic', (m) => [c.start, m.end]);
    } else if (pluralBefore && !after.length) {
      // "sejumlah kabupaten dan kota … menerima penghargaan kategori Madya. Penghargaan tersebut diberikan kepada A, B, C".
      const nextS = doc.sentences[s.index + 1];
      const list = nextS ? inside(subjects, nextS.start, nextS.end) : [];
      listLevel = add(list, 'category:list', (m) => [c.start, m.end]);
    }
    if (!picks.length && !topic && !(pluralBefore && !after.length) && before.length) {
      let cand = before;
      // "Kota Malang, Blitar, dan Mojokerto merupakan tiga kota di Jatim berhasil meraih …": the province is where they are.
      while (cand.length > 1 && isLocation(cand.at(-1)!, cand.slice(0, -1))) cand = cand.slice(0, -1);
      const last = cand.at(-1)!;
      // "Jatim berhasil meraih penghargaan, yaitu tiga daerah meraih … kategori Utama": the counted regions' tier.
      // But "A, B, dan C merupakan tiga kota …": the count restates the list.
      const counted = lastInside(regionCounts, last.end, c.start);
      const restated = counted && r.copula.test(text.slice(last.end, counted.start));
      if ((!counted || restated) && !(cand.length === 1 && isLocation(last, []))) {
        const list = coordinatedBefore(cand);
        listLevel = add(list, 'category:clause', (m) => [m.start, c.end]);
      }
    }
    // The list after the tier when nothing before it won: "… mengantar sejumlah daerah meraih kategori Madya: A, B dan C".
    if (!picks.length && !topic && !(pluralBefore && !after.length) && after.length) {
      // "… kategori Utama di Jawa Tengah: Kabupaten Klaten, …": the province only says where the listed regions are.
      const [first, second] = after;
      const listAfter =
        first && second && first.region.level === 'provinsi' && second.region.provinceCode === first.region.code && r.listIntro.test(text.slice(first.end, second.start))
          ? after.slice(1)
          : after;
      listLevel = add(coordinatedAfter(listAfter), 'category:after', (m) => [c.start, m.end]);
    }
    // "…, serta Kabupaten Tabalong (…). Keduanya meraih kategori Utama": the last regions of the sentence before.
    const referred = !picks.length && !before.length && !after.length ? REFERRED_BACK.exec(text.slice(s.start, c.start)) : null;
    const prevS = doc.sentences[s.index - 1];
    if (referred && prevS && prevS.paragraph >= s.paragraph - 1) {
      const n = REFERRED_COUNT[referred[1]!.toLowerCase().replace(/\s+.*/u, '')] ?? 2;
      const list = inside(subjects, prevS.start, prevS.end).filter((x) => x.region !== INDONESIA && x.region.level !== 'provinsi');
      if (list.length >= n) listLevel = add(list.slice(-n), 'category:referred-back', (m) => [m.start, c.end]);
    }
    if (!picks.length && !before.length && !after.length) {
      const para = doc.paragraphs[s.paragraph]!;
      const x = lastInside(subjects, para.start, s.start);
      if (x && x.region !== INDONESIA) listLevel = add([x], 'category:paragraph', (m) => [m.start, c.end]);
    }
    if (!picks.length) continue;
    const year = yearOf(c, s);
    for (const p of picks) {
      const reasons = [p.reason, ...year.reasons];
      const region = resolve(p.m, listLevel, reasons);
      if (p.m.via === 'alias-unverified') reasons.push('region:alias-unverified');
      out.push({
        region: toRef(region),
        category: c.category,
        year: year.year,
        confidence: confidenceOf(reasons),
        reasons,
        evidence: { start: p.start, end: p.end, text: text.slice(p.start, p.end) },
      });
    }
  }
  return out;

  function yearOf(c: CategoryMention, s: { start: number; end: number }): { year: number | null; reasons: string[] } {
    const s0 = doc.sentenceAt(c.start);
    // "kategori Madya 2026": the year right after the tier.
    const yearAfter = /^\s+(?:tahun\s+)?((?:19|20)\d{2})(?!\d)/iu.exec(text.slice(c.end, c.end + 12));
    if (yearAfter) return { year: Number(yearAfter[1]), reasons: [] };
    // "Pada 2024 meraih kategori Madya, tahun ini naik ke kategori Utama": the year of the tier's own clause.
    const cs = clauseStartOf(text, s.start, c.start);
    const own = inside(dates, Math.max(cs, c.start - YEAR_REACH), c.start).filter((d) => d.role === 'award' || (d.role === 'asof' && d.date.length === 4)).at(-1);
    if (own) return { year: Number(own.date.slice(0, 4)), reasons: [] };
    // "Tahun lalu Kota Kediri meraih kategori Pratama": an earlier award whose year the text does not give — not the article's.
    r.previous.lastIndex = 0;
    if (r.previous.test(text.slice(s.start, c.start))) return { year: null, reasons: ['category:year-previous'] };
    const sentenceYear = inside(dates, s.start, s.end).find((d) => d.role === 'award' || (d.role === 'asof' && d.date.length === 4));
    if (sentenceYear) return { year: Number(sentenceYear.date.slice(0, 4)), reasons: [] };
    if (articleAwardYear) return { year: Number(articleAwardYear), reasons: ['category:year-article'] };
    if (singleYear) return { year: Number(singleYear), reasons: ['category:year-single'] };
    // "… meraih penghargaan UHC Award kategori pratama. Penghargaan … diserahkan … pada Selasa (27/1/2026)": the hand-over's year.
    const para = doc.paragraphs[s0.paragraph]!;
    const event = inside(dates, para.start, para.end).find((d) => d.role === 'event' && /^(?:19|20)\d{2}-/.test(d.date));
    if (event) return { year: Number(event.date.slice(0, 4)), reasons: ['category:year-event'] };
    return { year: null, reasons: [] };
  }
}

function mostFrequent(xs: string[]): string | null {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

import type { SentenceExample } from './sentences.ts';

/** Whole-engine examples of category pairing, run by the example runner. */
export const CATEGORY_EXAMPLES: SentenceExample[] = [
  {
    // Past "sementara", the regions are the next tier's.
    text: 'Penghargaan kategori Utama diraih Kota Pekalongan, sementara Kabupaten Batang dan Kabupaten Kendal memperoleh kategori Madya.',
    categories: [
      { region: 'Kota Pekalongan', category: 'Utama' },
      { region: 'Kabupaten Batang', category: 'Madya' },
      { region: 'Kabupaten Kendal', category: 'Madya' },
    ],
  },
  {
    text: 'Pada UHC Awards 2026, kategori Utama diraih Kabupaten Badung, Gianyar, Klungkung, Tabanan dan Kota Denpasar.',
    facts: [],
    categories: [
      { region: 'Kabupaten Badung', category: 'Utama', year: 2026 },
      { region: 'Kabupaten Gianyar', category: 'Utama', year: 2026 },
      { region: 'Kabupaten Klungkung', category: 'Utama', year: 2026 },
      { region: 'Kabupaten Tabanan', category: 'Utama', year: 2026 },
      { region: 'Kota Denpasar', category: 'Utama', year: 2026 },
    ],
  },
  {
    text: 'Adapun kategori Pratama diraih oleh Kabupaten Kendal dengan cakupan 98,4 persen, Kabupaten Batang dengan cakupan 98,1 persen, serta Kota Pekalongan dengan cakupan 99,0 persen.',
    categories: [
      { region: 'Kabupaten Kendal', category: 'Pratama' },
      { region: 'Kabupaten Batang', category: 'Pratama' },
      { region: 'Kota Pekalongan', category: 'Pratama' },
    ],
  },
  {
    text: 'Pada kategori Madya, Kabupaten Sleman mencatat cakupan 98,99 persen, sementara Kabupaten Bantul mencapai cakupan 99,2 persen.',
    categories: [
      { region: 'Kabupaten Sleman', category: 'Madya' },
      { region: 'Kabupaten Bantul', category: 'Madya' },
    ],
  },
  {
    text: 'Kota Malang, Blitar, dan Mojokerto merupakan tiga kota di Jatim yang meraih UHC Award 2026 kategori Utama.',
    facts: [],
    categories: [
      { region: 'Kota Malang', category: 'Utama', year: 2026 },
      { region: 'Kota Blitar', category: 'Utama', year: 2026 },
      { region: 'Kota Mojokerto', category: 'Utama', year: 2026 },
    ],
  },
  {
    text: 'Sebanyak 26 kabupaten/kota di Jawa Timur meraih penghargaan, yaitu tiga daerah meraih kategori Utama dan 12 daerah meraih kategori Madya.',
    none: 'the province introduces the counted regions that earned the tiers; it earned none itself',
    categories: [],
  },
  {
    text: 'Dalam UHC Award 2026, Provinsi Jawa Tengah mengantar sejumlah daerah meraih kategori Madya: Kabupaten Klaten, Kabupaten Boyolali dan Kota Surakarta.',
    facts: [],
    categories: [
      { region: 'Kabupaten Klaten', category: 'Madya' },
      { region: 'Kabupaten Boyolali', category: 'Madya' },
      { region: 'Kota Surakarta', category: 'Madya' },
    ],
  },
  {
    text: 'Kabupaten Sleman meraih UHC Award 2026 kategori Madya. Bupati berharap ke depan cakupan kepesertaan bisa menyentuh 99 persen dan meraih kategori Utama.',
    categories: [{ region: 'Kabupaten Sleman', category: 'Madya', year: 2026 }],
  },
  {
    text: 'UHC Award 2026 untuk Kabupaten Lampung Selatan diterima langsung oleh Bupati Radityo Egi Pratama di Jakarta.',
    none: 'a person named "… Pratama" is no tier',
    categories: [],
  },
  {
    text: 'Provinsi Bali menyampaikan capaian kabupaten/kotanya: kategori Utama diraih Kabupaten Badung dan kategori Pratama diraih Kabupaten Bangli.',
    categories: [
      { region: 'Kabupaten Badung', category: 'Utama' },
      { region: 'Kabupaten Bangli', category: 'Pratama' },
    ],
  },
  {
    text: 'Pada UHC Award 2024 Kota Yogyakarta meraih kategori Pratama, sedangkan pada UHC Award 2026 Kota Yogyakarta meraih kategori Madya.',
    categories: [
      { region: 'Kota Yogyakarta', category: 'Pratama', year: 2024 },
      { region: 'Kota Yogyakarta', category: 'Madya', year: 2026 },
    ],
  },
  {
    text: 'Pemkab Ngawi meraih penghargaan UHC Award kategori Madya dari pemerintah pusat. Penghargaan diserahkan di Jakarta pada Selasa (27/1/2026).',
    categories: [{ region: 'Kabupaten Ngawi', category: 'Madya', year: 2026 }],
  },
  {
    text: 'Kota Kediri meraih UHC Award 2026 kategori Madya. Tahun lalu Kota Kediri meraih kategori Pratama.',
    categories: [
      { region: 'Kota Kediri', category: 'Madya', year: 2026 },
      { region: 'Kota Kediri', category: 'Pratama', year: null },
    ],
  },
  {
    text: 'Dari 35 kabupaten/kota di Jawa Tengah, Kabupaten Klaten menjadi satu-satunya yang meraih kategori Utama.',
    categories: [{ region: 'Kabupaten Klaten', category: 'Utama' }],
  },
  {
    text: 'Pemkot Blitar menargetkan kategori Paripurna pada UHC Award tahun depan.',
    none: 'a tier named as a goal',
    categories: [],
  },
];
