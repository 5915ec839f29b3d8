/**
 * The engine: runs the extractors over a document, reads each sentence as a sequence of typed tokens
 * (src/extract/tokens.ts), matches the constructions of extractors/constructions/ over those sequences
 * (src/extract/match.ts: most specific wins, per figure and per aspect), then pairs every figure with its
 * metric, region and as-of date, applies the guards and the gates (extractors/gates/), and gives each fact
 * its evidence span and named reasons (`construction:<name>` first). The extractors find; the
 * constructions read layouts; the engine does the generic work.
 *
 * For each group of figures that belong together ("581.578 jiwa atau 99,47 persen"):
 *  1. guards: a definition in the sentence, figures after a count of regions, a threshold or target in the
 *     clause, an inactive or segment word of the figure's own words, a construction's drop (a threshold
 *     restated) — dropped;
 *  2. metric: a construction's metric (part-of-whole, population-stated, share-metric-adjacent, …); else the
 *     cue words of the figure's own clause (activity beats coverage), the list it continues, the paragraph's
 *     last metric (an earlier paragraph's lead metric), coverage for a share;
 *  3. region: a construction's region (list items, capital of a province, ranked region, …); else the
 *     fallback cascade: national magnitude or cue; the nearest subject region before it in the sentence;
 *     after it; earlier in the paragraph; a heading line; the article's main region;
 *  4. gates: programme, unit, polarity, threshold (one call, `gates.check`);
 *  5. as-of: a date attached to the figure; a date of its sentence; one carried forward in its paragraph.
 * Then one fact per (region, metric, value): the most confident mention, with the most specific date.
 * Every lookup goes through offset indexes (src/extract/spanindex.ts), so the work is linear in the text.
 */
import { EXTRACTORS } from '../../extractors/index.ts';
import { gatesFor, type GateFigure } from '../../extractors/gates/index.ts';
import { pairCategories as pairCategoryMentions } from '../../extractors/category-pairing.ts';
import { INDONESIA, toRef, type RegionEntry } from '../normalize/regions.ts';
import type { CategoryFact, Fact, Metric } from '../types.ts';
import { confidenceOf } from './confidence.ts';
import { alternation, endsLikeOneOf, lexicon, prefixScanner, scanAll, wordsRegex } from './lexicon.ts';
import { makeDoc, MAX_TITLE_CHARS } from './segment.ts';
import { matchConstructions, type Claim } from './match.ts';
import type { Pairing } from '../../extractors/constructions/types.ts';
import { inApposition } from '../../extractors/constructions/region-apposition.ts';
import { matchSpans, SpanIndex } from './spanindex.ts';
import type { MentionIndexes } from './tokens.ts';
import type {
  CountMention,
  CueFamily,
  CueMention,
  DateMention,
  Doc,
  Found,
  GuardMention,
  PercentMention,
  RegionMention,
  Sentence,
  Span,
} from './types.ts';

/** Counts above this can only be national: the largest province (Jawa Barat) has ~50 million people. */
export const NATIONAL_MAGNITUDE = 60_000_000;
/** A threshold or target word this close before a figure governs it ("minimal sudah mencapai 98 persen"). */
export const THRESHOLD_REACH = 28;
/** A figure this close to a cut-off end of text may have lost the words that qualify it. */
export const TRUNCATION_REACH = 60;
/** How far after a figure another quantity's word ("iuran", "klaim") still qualifies it. @default 25 */
export const OTHER_QUANTITY_REACH = 25;
/** Counting this many regions in a sentence makes its figures totals over regions, not a region's figure. */
export const REGION_COUNT_MIN = 10;

type Value = PercentMention | CountMention;

interface Group {
  members: Value[];
  sentence: Sentence;
  start: number;
  end: number;
}

export function runExtractors(doc: Doc): Found {
  const found: Found = { number: [], percent: [], count: [], date: [], region: [], cue: [], guard: [], category: [] };
  for (const ex of EXTRACTORS) (found as unknown as Record<string, unknown[]>)[ex.kind] = ex.find(doc, found) as unknown[];
  return found;
}

const CLAUSE_BREAK = /;|(?<!\d)[,:]|[,:](?!\d)|\s(?:sedangkan|sementara|kemudian|disusul|diikuti|serta|namun|tetapi|karena|sehingga|padahal|meski|walaupun)\s/giu;

/** Words right after a figure that make it a part of the one before: "di antaranya", "diantaranya", "di antara mereka". */
const PART_AFTER = /^\s*(?:jiwa|orang|peserta|warga)?\s*(?:di\s*antara(?:nya|\s+mereka)?)(?![\p{L}])/iu;

let fillerRe: RegExp | null = null;
/** Words that may stand between two figures of one group: "jiwa, atau baru sebesar", "persen dengan". */
function isGroupGap(gap: string, doc: Doc, start: number, regions: SpanIndex<RegionMention>): boolean {
  if (gap.length > 60) return false;
  fillerRe ??= wordsRegex([
    'atau', 'dengan', 'setara', 'sebesar', 'sekitar', 'sekira', 'baru', 'diposisi', 'posisi', 'di', 'persentase', 'jumlah',
    'mencapai', 'lebih', 'dari', 'kurang', 'hampir', 'yaitu', 'yakni', 'jkn', 'kis', 'jkn-kis', 'peserta', 'jiwa', 'orang',
    'penduduk', 'warga', 'yang', 'telah', 'sudah', 'terdaftar', 'sebagai', 'sebanyak', 'tercatat', 'program', 'angka', 'di angka',
  ]);
  if (!/atau|dengan|setara|—|–|\(/i.test(gap) && gap.trim() !== '') return false;
  if (/\bdari\b/i.test(gap) && !/\batau\b/i.test(gap)) return false; // "X dari Y": a part and its whole, not one figure
  // A bracket closed and a list item ended: "A (99,1 persen; keaktifan 84,6 persen), B (98,07 persen …" are two regions' figures.
  if (/\)\s*[,;]/.test(gap)) return false;
  let rest = gap;
  for (const r of regions.within(start, start + gap.length)) rest = rest.replace(doc.text.slice(r.start, r.end), ' ');
  rest = rest.replace(fillerRe, ' ').replace(/[\s,()—–\-]+/g, '');
  return rest === '';
}

/** Where the clause holding `to` starts, looking no further back than `from` (clause breaks are indexed once per text). */
function clauseStart(breaks: SpanIndex<Span>, from: number, to: number): number {
  return breaks.last(from, to)?.end ?? from;
}

/** End of the last match of an indexed pattern inside [from, to), else `from`. */
function lastMatchEnd(ix: SpanIndex<Span>, from: number, to: number): number {
  return ix.last(from, to)?.end ?? from;
}

function clauseEnd(breaks: SpanIndex<Span>, from: number, to: number): number {
  return breaks.first(from, to)?.start ?? to;
}

interface Ctx {
  doc: Doc;
  found: Found;
  subjects: RegionMention[];
  articleRegion: RegionEntry | null;
  typedCodes: Set<string>;
  dominantProvince: string | null;
  truncated: boolean;
  /** Paragraphs that are page furniture ("Baca juga: …", "Berita ini telah tayang di …"): no figures from them. */
  boilerplate: Set<number>;
  /** Every kind of mention, indexed by offset: a figure looks only at its neighbourhood (linear time). */
  ix: MentionIndexes;
  subjectIx: SpanIndex<RegionMention>;
  /** Clause breaks, " dan "/" serta ", and "kini"/"saat ini" of the whole text, found once. */
  breaks: SpanIndex<Span>;
  ands: SpanIndex<Span>;
  currents: SpanIndex<Span>;
  /** Dates that can date a figure: as-of dates not governed by a target or threshold. */
  asofIx: SpanIndex<DateMention>;
  /** What the constructions decided, per figure. */
  claims: Map<Value, Claim>;
}

/**
 * "Kepala BPJS Kesehatan Cabang Kota Kediri mengatakan, …": the place a speaker's office is named for is no subject of
 * the figures. A region right after "Cabang", "KC", "Kantor Cabang" or "Kedeputian Wilayah" is read as a branch.
 */
const OFFICE_WORDS = ['cabang', 'kc', 'kcu', 'kantor cabang', 'kedeputian wilayah', 'deputi wilayah', 'bpjs kesehatan wilayah'];
const OFFICE_BEFORE = new RegExp(`\\b(?:${alternation(OFFICE_WORDS)})\\s*$`, 'iu');
const PEOPLE_BEFORE = /\b(?:warga|penduduk|masyarakat|peserta)\s+$/iu;
/** How far before a region an office word may stand ("Cabang Kota Kediri"). @default 20 */
export const OFFICE_REACH = 20;
/**
 * "penduduk terbanyak di Indonesia sekitar 50 juta jiwa", "menjadi yang tertinggi di Provinsi Lampung yaitu 98,9%": the
 * region a ranking is made within is its scope, not the owner of the figure; it is read as a location.
 */
const RANK_SCOPE_BEFORE = /\b(?:ter(?:tinggi|endah|rendah|besar|kecil|baik|buruk|banyak|sedikit|padat)|paling\s+\p{L}+)(?:\s+(?:kedua|ketiga|keempat|kelima|ke-?\d+))?\s+(?:di\s+|se-?)(?:seluruh\s+)?(?:wilayah\s+)?$/iu;
/** Exact pre-tests of the two patterns above: the last letter before the name must end one of their last words. */
const OFFICE_MAY = endsLikeOneOf(OFFICE_WORDS)!;
const RANK_MAY = endsLikeOneOf(['di', 'se', 'se-', 'seluruh', 'wilayah'])!;
function officesAsBranches(doc: Doc, found: Found): Found {
  const all = new SpanIndex(found.region);
  const region = found.region.map((r) => {
    // "73 Persen Warga Bali Tercover BPJS Kesehatan, Badung – …": a region named as people's home is no dateline.
    if (r.role === 'dateline' && PEOPLE_BEFORE.test(doc.text.slice(Math.max(0, r.start - 15), r.start))) return { ...r, role: 'subject' as const };
    if (r.role !== 'subject') return r;
    const before = doc.text.slice(Math.max(0, r.start - OFFICE_REACH - 10), r.start);
    if (OFFICE_MAY(before) && OFFICE_BEFORE.test(before)) return { ...r, role: 'branch' as const };
    // Only with a ranked region before it in the sentence, or for Indonesia: "tertinggi di Kabupaten Malinau 100,56 persen"
    // says where the highest figure is.
    if (RANK_MAY(before) && RANK_SCOPE_BEFORE.test(before)) {
      const s = doc.sentenceAt(r.start);
      const ranked = all.some(s.start, r.start, (x) => x.role === 'subject' && x !== r);
      if (ranked || r.region === INDONESIA) return { ...r, role: 'location' as const };
    }
    return r;
  });
  return { ...found, region };
}

let boilerRe: RegExp | null = null;
/** "kini", "saat ini" over a whole text, made once with its prefix scanner. */
let currentsRe: { re: RegExp; scan: ((text: string) => RegExpExecArray[]) | null } | null = null;

// Patterns with a Unicode property outside a bracket are hoisted: the TypeScript transform turns such a literal into a
// `new RegExp` evaluated at every call.
const ENDS_LOWER = /\p{Ll}$/u;
const LETTER = /\p{L}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

function context(doc: Doc, found: Found): Ctx {
  const subjects = found.region.filter((r) => r.role === 'subject');
  const freq = new Map<RegionEntry, number>();
  for (const r of subjects) if (r.region !== INDONESIA) freq.set(r.region, (freq.get(r.region) ?? 0) + 1);
  let articleRegion: RegionEntry | null = null;
  let best = 0;
  for (const [r, n] of freq) if (n > best) [articleRegion, best] = [r, n];
  const prov = new Map<string, number>();
  for (const r of subjects) if (r.region.provinceCode) prov.set(r.region.provinceCode, (prov.get(r.region.provinceCode) ?? 0) + 1);
  const dominantProvince = [...prov].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const typedCodes = new Set(found.region.filter((r) => r.via === 'typed').map((r) => r.region.code));
  const tail = doc.text.trimEnd();
  const lastPara = doc.paragraphs.at(-1);
  // A text that stops mid-word ("… kepesertaan JKN ya") was cut; one that ends in a headline ("… terlindungi JKN") was not.
  const lastLine = lastPara ? doc.text.slice(lastPara.start, lastPara.end) : '';
  const truncated = !/[.!?"”’)\]*]$/.test(tail) && ENDS_LOWER.test(tail) && !isTitleCase(lastLine);
  // Built once per process: the lexicon does not change while it runs.
  boilerRe ??= new RegExp(`^\\s*(?:${alternation(lexicon().boilerplateLines)})`, 'iu');
  const boilerplate = new Set<number>();
  doc.paragraphs.forEach((p, i) => {
    if (boilerRe!.test(doc.text.slice(p.start, p.end))) boilerplate.add(i);
  });
  const valueNumbers = new Set<unknown>();
  for (const v of found.percent) valueNumbers.add(v.number);
  for (const v of found.count) valueNumbers.add(v.number);
  const ix: MentionIndexes = {
    percent: new SpanIndex(found.percent),
    count: new SpanIndex(found.count),
    region: new SpanIndex(found.region),
    date: new SpanIndex(found.date),
    category: new SpanIndex(found.category),
    guard: new SpanIndex(found.guard),
    cue: new SpanIndex(found.cue),
    number: new SpanIndex(found.number.filter((n) => !valueNumbers.has(n))),
  };
  const breaks = matchSpans(CLAUSE_BREAK, doc.text);
  const ands = matchSpans(/\s(?:dan|serta)\s/giu, doc.text);
  currentsRe ??= (() => {
    const re = new RegExp(currentRe().source, 'giu');
    return { re, scan: prefixScanner(re, lexicon().currentWords) };
  })();
  const currents = new SpanIndex(scanAll(currentsRe.re, doc.text, currentsRe.scan).map((m) => ({ start: m.index, end: m.index + m[0].length })));
  const asofIx = new SpanIndex(found.date.filter((d) => d.role === 'asof' && !governedByGuard({ doc, breaks, ix }, d)));
  const claims = matchConstructions(doc, ix);
  return { doc, found, subjects, articleRegion, typedCodes, dominantProvince, truncated, boilerplate, ix, subjectIx: new SpanIndex(subjects), breaks, ands, currents, asofIx, claims };
}

function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => LETTER.test(w));
  return line.length <= MAX_TITLE_CHARS && words.length > 0 && words.filter((w) => /^[\p{Lu}\d"“'‘(]/u.test(w)).length / words.length >= 0.6;
}

/** Picks between same-name regions (Kabupaten/Kota Banjar) by the article's typed mentions, then its province. */
function resolveSameName(m: RegionMention, ctx: Ctx, reasons: string[]): RegionEntry {
  if (!m.alternatives.length || m.via === 'typed') return m.region;
  const all = [m.region, ...m.alternatives];
  const typed = all.filter((r) => ctx.typedCodes.has(r.code));
  if (typed.length === 1) {
    reasons.push('region:same-name-context');
    return typed[0]!;
  }
  const inProvince = all.filter((r) => r.provinceCode === ctx.dominantProvince);
  if (inProvince.length === 1 && inProvince[0]!.level !== 'provinsi') {
    reasons.push('region:same-name-context');
    return inProvince[0]!;
  }
  if (m.region.level === 'provinsi') return m.region;
  reasons.push('region:ambiguous');
  return m.region;
}

function viaReasons(m: RegionMention, reasons: string[]): void {
  if (m.via === 'alias-unverified') reasons.push('region:alias-unverified');
}

let domainRe: RegExp | null = null;

export function extract(
  text: string,
  published: string | null = null,
  title: string | null = null,
  aboutJkn = false,
): { facts: Fact[]; categories: CategoryFact[]; dateline: string | null } {
  // An article that never names JKN, BPJS or UHC is about something else: its percentages are not coverage.
  debugPairing = Boolean(process.env.CAKUPAN_DEBUG_PAIRING);
  domainRe ??= wordsRegex(lexicon().domainWords, 'i');
  if (!aboutJkn && !domainRe.test(text)) return { facts: [], categories: [], dateline: null };
  const doc = makeDoc(text, published, title);
  const found = officesAsBranches(doc, runExtractors(doc));
  const ctx = context(doc, found);
  // "Manokwari, 24 April 2025 - …": the article states its own date.
  const dateline = found.date.find((d) => d.role === 'dateline' && d.date.length === 10)?.date ?? null;
  return { facts: dedupeFacts(pairFigures(ctx)), categories: dedupeCategories(pairCategoryMentions(doc, found)), dateline };
}

function groupsOf(ctx: Ctx): Group[] {
  const { doc, found } = ctx;
  const values: Value[] = [...found.percent, ...found.count].sort((a, b) => a.start - b.start);
  const groups: Group[] = [];
  for (const v of values) {
    const sentence = doc.sentenceAt(v.start);
    const last = groups.at(-1);
    if (last && last.sentence === sentence) {
      const overlap = v.start < last.end;
      // Two figures a construction gives to different regions are two items of a list, not one figure's two forms.
      const a = ctx.claims.get(last.members.at(-1)!)?.region?.pairing;
      const b = ctx.claims.get(v)?.region?.pairing;
      const apart = a && b && (a.region !== b.region || a.entry !== b.entry);
      // "… 1.219.870 warga telah terdaftar, dengan 1.046.650 di antaranya berstatus aktif": a part of the figure before, not its other form.
      const partOf = PART_AFTER.test(doc.text.slice(v.end, v.end + 20));
      if (overlap || (!apart && !partOf && isGroupGap(doc.text.slice(last.end, v.start), doc, last.end, ctx.ix.region))) {
        last.members.push(v);
        last.end = Math.max(last.end, v.end);
        continue;
      }
    }
    groups.push({ members: [v], sentence, start: v.start, end: v.end });
  }
  return groups;
}

interface Windows {
  /** From the previous group (or sentence start) to the group. */
  before: Span;
  /** The clause part of `before`. */
  clause: Span;
  /** From the group to the next clause break, next group or sentence end. */
  after: Span;
}

function windowsOf(g: Group, prev: Group | undefined, next: Group | undefined, breaks: SpanIndex<Span>): Windows {
  const bStart = prev && prev.sentence === g.sentence ? prev.end : g.sentence.start;
  const aEndLimit = next && next.sentence === g.sentence ? next.start : g.sentence.end;
  return {
    before: { start: bStart, end: g.start },
    clause: { start: clauseStart(breaks, bStart, g.start), end: g.start },
    after: { start: g.end, end: clauseEnd(breaks, g.end, aEndLimit) },
  };
}

const guardIn = (guards: SpanIndex<GuardMention>, s: Span, kinds: string[]) => guards.some(s.start, s.end, (x) => kinds.includes(x.guard));

function pairFigures(ctx: Ctx): Fact[] {
  const { doc, found } = ctx;
  const text = doc.text;
  const guards = ctx.ix.guard;
  // A cue inside an inactive phrase ("peserta tidak aktif") is no cue of activity.
  const cues = new SpanIndex(found.cue.filter((c) => !guards.touching(c.start, c.end).some((g) => g.guard === 'inactive' && g.start <= c.start && c.end <= g.end)));
  const groups = groupsOf(ctx);
  const gates = gatesFor(doc, found);
  const facts: Fact[] = [];
  const aggregateValues = new Set<number>();
  /**
   * The metric family carried to a share that names none: the last one of its paragraph; from an earlier paragraph, that
   * paragraph's lead family ("… Dengan prosentase aktif peserta 83,89 persen." / "Kemudian untuk Kabupaten Batang 87, 86
   * persen." is coverage, the block's lead, in an article where every paragraph opens with coverage).
   */
  let carry: { family: 'active' | 'coverage'; paragraph: number; lead: 'active' | 'coverage' } | null = null;
  /** Values a guard dropped, per sentence: "belum mencapai 95 persen …, sementara B sudah mencapai 95 persen". */
  const droppedIn = new Map<Sentence, Set<number>>();
  const dropped = { push: ({ sentence, value }: { sentence: Sentence; value: number }) => void (droppedIn.get(sentence) ?? droppedIn.set(sentence, new Set()).get(sentence)!).add(value) };
  const lastFactIn = new Map<Sentence, Fact>();
  /** The region of the last fact given in each paragraph, for a later paragraph that refers back to it ("Dari seluruh peserta itu, …"). */
  const lastRegionOfParagraph = new Map<number, RegionEntry>();
  /** The last fact of a sentence inside and outside brackets: a list "A 99 persen (keaktifan 85 persen), B 98 persen (84 persen)" carries each position's metric. */
  const lastFactAt = new Map<Sentence, { inside?: Fact; outside?: Fact }>();
  /**
   * Region code -> value -> the metric a share had where a metric word named it. (Was one map by `${code}|${value}`: the
   * same pairs, as a value's string is its number's, ±0 alike; made per figure, the string was the costlier part.)
   */
  const shareMetric = new Map<string, Map<number, Metric>>();
  /**
   * The region of the last share and the metric family of the first share of that region's run: a region's figures follow
   * the order the previous region's did, so a bare share for a new region restarts at coverage ("Kota A mencapai 100,4
   * persen dengan keaktifan 86 persen, sedangkan Kabupaten B 98,1 persen": B's 98,1 is coverage, not activity).
   */
  let shareRun: { code: string; first: 'active' | 'coverage'; opened: 'active' | 'coverage'; paragraph: number } | null = null;
  /** Paragraph|region code -> the metric family of the region's first share there. */
  const runOpen = new Map<string, 'active' | 'coverage'>();

  // Sentence-wide guards first: definitions, region counts, branch totals.
  const sentenceGuard = new Map<Sentence, string>();
  for (const s of doc.sentences) {
    const gs = guards.within(s.start, s.end);
    if (gs.some((g) => g.guard === 'definition')) sentenceGuard.set(s, 'definition');
    // "Kabupaten Samosir, yang masuk wilayah kerja cabang lain, …": a region's membership of a branch area, not the area's total.
    else if (gs.some((g) => g.guard === 'aggregate' && !MEMBER_OF.test(text.slice(Math.max(s.start, g.start - 30), g.start)))) sentenceGuard.set(s, 'aggregate');
  }
  // In an area's sentence, the groups a region named after the area's words owns (ownRegionAfterArea) are not the area's.
  const areaOwned = new Set(groups.filter((g) => sentenceGuard.get(g.sentence) === 'aggregate' && ownRegionAfterArea(ctx, g)));
  for (const g of groups) if (sentenceGuard.get(g.sentence) === 'aggregate' && !areaOwned.has(g)) for (const m of g.members) if (m.kind === 'count') aggregateValues.add(m.value);

  groups.forEach((g, gi) => {
    const prev = groups[gi - 1];
    const next = groups[gi + 1];
    const w = windowsOf(g, prev, next, ctx.breaks);
    // 1. Guards.
    const sGuard = (areaOwned.has(g) ? undefined : sentenceGuard.get(g.sentence)) ?? (countedRegionsBefore(ctx, g) ? 'region-count' : referredRegionsBefore(text, g) ? 'regions-referred' : undefined);
    if (sGuard) {
      debugDrop(ctx, g, `sentence:${sGuard}`);
      return g.members.forEach((m) => dropped.push({ sentence: g.sentence, value: m.value }));
    }
    // The text stops mid-clause right after the figure: what qualified it may be cut ("1,3 juta warga … ya").
    if (ctx.truncated && g.sentence.index === doc.sentences.length - 1 && w.after.end >= g.sentence.end && g.end > text.trimEnd().length - TRUNCATION_REACH && text.slice(g.end).trim() !== '') return debugDrop(ctx, g, 'text:cut-off');
    if (ctx.boilerplate.has(g.sentence.paragraph)) return debugDrop(ctx, g, 'boilerplate');
    // "di bawah rata-rata nasional 98,2 persen": the comparison word is about the national figure, which it names, not a threshold.
    const ownNational = ctx.ix.cue.last(Math.max(w.clause.start, g.start - THRESHOLD_REACH), g.start, (c) => c.family === 'national' && NATIONAL_OWN.test(text.slice(c.end, g.start)));
    const near: Span = { start: Math.max(w.clause.start, g.start - THRESHOLD_REACH, ownNational?.end ?? 0), end: g.start };
    const afterNear: Span = { start: g.end, end: Math.min(w.after.end, g.end + 30) };
    // The figure's own words end at the next " dan": "Peserta aktif 1,023 juta dan peserta non aktif 307,5 ribu".
    // Nor do the segments a total "terdiri dari": "5.313.535 jiwa yang terdiri dari berbagai segmen kepesertaan seperti PBI".
    const composition = /\b(?:yang\s+)?(?:terdiri\s+(?:atas|dari)|meliputi)\b/iu.exec(text.slice(w.after.start, w.after.end));
    const ownEnd = Math.min(ctx.ands.first(w.after.start, w.after.end)?.start ?? w.after.end, composition ? w.after.start + composition.index : w.after.end);
    // … and where the next figure's own words begin ("695.856 Peserta non aktif 145.224").
    const nextOwn = next && next.sentence === g.sentence ? (guards.first(g.end, next.start, (x) => belongsToNext(text, x, g, next))?.start ?? cues.first(g.end, next.start, (x) => belongsToNext(text, x, g, next))?.start) : undefined;
    // … and at a capitalised metric word right after the figure, a sentence whose full stop the page lost: "mencapai
    // 87,86 persen Peserta yang belum terdaftar akan didata ulang".
    const restart = cues.touching(g.end, Math.min(w.after.end, g.end + 3)).find((c) => c.start >= g.end && CAPITALISED.test(text.slice(c.start, c.start + 2)) && /^\s+$/u.test(text.slice(g.end, c.start)));
    const ownSpan: Span = { start: w.clause.start, end: Math.min(ownEnd, nextOwn ?? ownEnd, restart?.start ?? ownEnd) };
    // A figure its own population word names ("… belum terdaftar dari total penduduk 2,49 juta jiwa") is the population,
    // whatever the unregistered words before that word say.
    const popCue = cues.touching(Math.max(w.clause.start, g.start - POPULATION_CUE_REACH), g.start).filter((c) => c.family === 'population' && c.end <= g.start && /^\s*(?:sebanyak|sebesar|sekitar|mencapai|yakni|yaitu)?\s*$/iu.test(text.slice(c.end, g.start))).at(-1);
    const guardHit =
      (guardIn(guards, near, ['threshold', 'criterion']) && 'threshold') ||
      (guardIn(guards, w.clause, ['target']) && 'target') ||
      (guardIn(guards, afterNear, ['definition', 'criterion']) && 'criterion-after') ||
      // "95 persen dari target": a share of a target reached, not of the population.
      (/^\s*(?:persen\s+|%\s*)?(?:dari|terhadap)\s+target/iu.test(text.slice(g.end, g.end + 30)) && 'of-target') ||
      // "keaktifan 80 hingga 85 persen": a band (a tier's criterion), not a measurement; "dari 95 hingga 98 persen" is a change.
      (RANGE_BEFORE.test(text.slice(Math.max(g.sentence.start, g.start - 25), g.start)) && 'range') ||
      // "Kalau keaktifan sudah 85 persen, Madya juga bisa": a figure in a condition's clause is supposed, not measured.
      (CONDITION_OPENS.test(text.slice(w.clause.start, g.start)) && 'condition') ||
      // "Target Pemprov Sultra, cakupan 98 persen dan keaktifan 80 persen pada 2025": a sentence that opens with the target
      // speaks of it up to a contrast ("sementara", "namun", …).
      (TARGET_OPENS.test(text.slice(g.sentence.start, g.start)) && 'target-sentence') ||
      // "… 85 persen untuk Madya, dan 90 persen untuk Utama": a tier's criterion.
      (tierAfterRe().test(text.slice(g.end, g.end + 30)) && 'criterion-tier') ||
      // "Ambang batas kategori Madya adalah keaktifan 80 persen": a tier being defined before the figure in its clause.
      (ctx.ix.category.some(w.clause.start, g.start, (c) => c.notAward === 'definition') && 'criterion-definition') ||
      (guards.some(popCue ? popCue.start : ownSpan.start, ownSpan.end, (x) => ['inactive', 'segment', 'flow'].includes(x.guard) && !belongsToNext(text, x, g, next)) && 'polarity-or-segment') ||
      // Another quantity's word qualifies a figure it stands next to ("iuran 42.000"), not one a clause away ("92 persen
      // merupakan peserta aktif yang secara rutin membayar iuran").
      (guards.some(ownSpan.start, Math.min(ownSpan.end, g.end + OTHER_QUANTITY_REACH), (x) => x.guard === 'other-quantity' && !belongsToNext(text, x, g, next)) && 'other-quantity') ||
      (isChange(guards, near, text) && 'change') ||
      (g.members.every((m) => ctx.claims.get(m)?.drop) && 'construction-drop');
    if (guardHit) {
      debugDrop(ctx, g, guardHit);
      for (const m of g.members) dropped.push({ sentence: g.sentence, value: m.value });
      return;
    }

    // 2. Metric family of the group: the cues before it in its clause speak first ("Cakupan kepesertaan … 99,3 persen
    // dengan tingkat keaktifan 81 persen"), then the words after it ("89,65 persen peserta aktif"); activity beats coverage.
    // A "dan" also closes the clause a cue belongs to: "99,1 persen penduduk terdaftar JKN dan 83,2 persen di antaranya aktif".
    // A bracketed aside with a figure of its own closes the clause for cues too: "sudah mencapai UHC Non Prioritas
    // (keaktifan peserta di bawah 80 persen) dengan capaian 98,88 persen" is not activity.
    const close = lastIndexIn(text, ')', g.sentence.start, g.start);
    const open = close >= g.sentence.start ? lastIndexIn(text, '(', g.sentence.start, close) : -1;
    const aside = open >= g.sentence.start && (ctx.ix.percent.some(open, close + 1) || ctx.ix.count.some(open, close + 1)) ? close + 1 : -1;
    const cueClauseStart = Math.max(w.clause.start, aside, lastMatchEnd(ctx.ands, w.clause.start, g.start));
    // Overlap, not containment: "2.430.237 peserta aktif" — the unit belongs to the count, the cue runs past it.
    const beforeCues = cues.touching(cueClauseStart, g.end);
    // After the figure, only up to the next " dan ": "cakupan 100,26 persen dan tingkat keaktifan 95,47 persen".
    // A cue after the figure that stands nearer the next figure governs that one, not this: "Kota A 99,1 persen (keaktifan
    // 84,2 persen)", "cakupannya 99,5 persen dengan keaktifan 81 persen" — the 99,1 and the 99,5 are no activity.
    const afterAll = cues.touching(w.after.start, ctx.ands.first(w.after.start, w.after.end)?.start ?? w.after.end);
    const afterCues = afterAll.filter((c) => !cueOfNext(text, c, g, next));
    // … and it says what this figure is not: a share right before "(keaktifan …)" / "dengan keaktifan …" is the coverage.
    const contrast = afterAll.some((c) => c.family === 'active' && cueOfNext(text, c, g, next));
    const spanCues = [...beforeCues, ...afterCues];
    const has = (cs: CueMention[], ...fs: CueFamily[]) => cs.some((c) => fs.includes(c.family));
    const metricReasons: string[] = [];
    let family: 'active' | 'coverage' | null = has(beforeCues, 'active')
      ? 'active'
      : has(beforeCues, 'coverage', 'registration')
        ? 'coverage'
        : has(afterCues, 'active')
          ? 'active'
          : has(spanCues, 'coverage', 'registration', 'participant')
            ? 'coverage'
            : null;
    if (family) metricReasons.push(g.members.length > 1 ? 'metric:pair' : 'metric:cue');
    else if (contrast && g.members.every((m) => m.kind === 'percent')) {
      family = 'coverage';
      metricReasons.push('metric:contrast');
    } else {
      const sentenceBefore = cues.within(Math.max(g.sentence.start, aside), g.start);
      let above: 'active' | 'coverage' | null = null;
      const here = inBracket(text, g.start, g.sentence.start) ? 'inside' : 'outside';
      const lastInSentence = lastFactAt.get(g.sentence)?.[here] ?? lastFactIn.get(g.sentence);
      const prevInSentence = lastInSentence && lastInSentence.evidence.start >= g.sentence.start && lastInSentence.evidence.end <= g.start ? lastInSentence : undefined;
      if (prevInSentence) {
        family = prevInSentence.metric.startsWith('active') ? 'active' : 'coverage';
        metricReasons.push('metric:list');
      } else if (sentenceBefore.some((c) => c.family === 'active')) {
        family = 'active';
        metricReasons.push('metric:cue');
      } else if (sentenceBefore.some((c) => ['coverage', 'registration', 'participant'].includes(c.family))) {
        family = 'coverage';
        metricReasons.push('metric:cue');
      } else if (cues.some(g.sentence.start, g.sentence.end, (c) => c.family === 'coverageWeak')) {
        family = 'coverage';
        metricReasons.push('metric:weak-cue');
      } else if ((above = familyAbove(ctx, g.sentence.paragraph))) {
        // An interview's answer measures what the question right above asks ("Keaktifan di Tuban sendiri berapa?" / "Sekitar
        // 78 persen untuk Tuban."), a list's lines what the line introducing them says.
        family = above;
        metricReasons.push('metric:above');
      } else if (carry) {
        family = carry.paragraph === g.sentence.paragraph ? carry.family : carry.lead;
        metricReasons.push('metric:carry');
      } else {
        family = 'coverage';
        metricReasons.push('metric:default');
      }
      // A share above 100 percent is no activity (active participants are a part of those enrolled): one the metric was
      // only carried to is coverage — "Daerah mana yang sudah di atas 100 persen? Kota A sudah 100,6 persen".
      if (family === 'active' && g.members.some((m) => m.kind === 'percent' && m.value > 100)) {
        family = 'coverage';
        metricReasons.splice(0, metricReasons.length, 'metric:over-100');
      }
    }

    // 3. Region of the group.
    const claimed = g.members.map((m) => ctx.claims.get(m)?.region).find((c) => c);
    const regionPick = claimed ? claimedRegion(ctx, claimed.pairing) : pickRegion(ctx, g, w, lastRegionOfParagraph.get(g.sentence.paragraph - 1));
    if (!regionPick) return debugDrop(ctx, g, 'no region');
    // A bare share carried or listed to activity, for another region than the last share's, whose run opened with coverage:
    // the new region's run opens with coverage too (only outside brackets: "A 99 persen (keaktifan 85 persen), B 98 persen
    // (84 persen)" keeps each place's metric).
    let restarted = false;
    if (
      family === 'active' &&
      ['metric:carry', 'metric:list'].includes(metricReasons[0]!) &&
      (metricReasons[0] === 'metric:carry' ? shareRun?.opened : shareRun?.first) === 'coverage' &&
      // Within a paragraph the order must show there: "Keaktifan se-provinsi baru 76,9 persen. Kota A lebih baik, 80,3
      // persen" stays activity when the province's coverage stood in an earlier paragraph.
      (shareRun!.paragraph === g.sentence.paragraph || (metricReasons[0] === 'metric:carry' && carry?.paragraph !== g.sentence.paragraph)) &&
      (!inBracket(text, g.start, g.sentence.start) || ownBracketOpens(text, g, regionPick.mentions[0], ctx)) &&
      regionPick.regions.every((r) => r.code !== shareRun!.code) &&
      g.members.every((m) => m.kind === 'percent' && !ctx.claims.get(m)?.metric)
    ) {
      family = 'coverage';
      restarted = true;
      metricReasons.push('metric:new-region');
    }
    // A lone figure with no metric word anywhere in its sentence, whose region is not in its sentence either, is too loose.
    // (A metric word earlier in the same paragraph is enough: "… target nasional Universal Health Coverage … . Bahkan capaian kita berada
    // di angka 98,65 persen".)
    const para = doc.paragraphs[g.sentence.paragraph]!;
    if (
      g.members.length === 1 &&
      !cues.some(para.start, g.sentence.end) &&
      ['region:paragraph', 'region:article'].includes(regionPick.reasons[0]!) &&
      !g.members.some((m) => ctx.claims.get(m)?.metric)
    )
      return debugDrop(ctx, g, 'loose: no metric word, region from afar');

    // 4. As-of date.
    const asOf = pickAsOf(ctx, g, w);

    for (const m of g.members) {
      if (m.kind === 'count' && aggregateValues.has(m.value)) continue;
      // The gates (extractors/gates/): programme, unit, polarity, threshold.
      const mention = regionPick.mentions[0];
      // (The region set after the literal, not spread into it: the same figure, without copying an object per figure.)
      const figure: GateFigure = { start: m.start, end: m.end, kind: m.kind, value: m.value, group: { start: g.start, end: g.end }, clause: ownSpan };
      if (mention) figure.region = mention;
      const block = gates.check(figure);
      if (debugPairing && block) console.error(`pairing: ${block.reason} "${block.word}" drops ${text.slice(m.start, m.end)}`);
      if (block) {
        dropped.push({ sentence: g.sentence, value: m.value });
        continue;
      }
      const claim = ctx.claims.get(m);
      if (claim?.drop) continue;
      const by = claim?.by.length ? claim.by : ['fallback'];
      const reasons = [...by.map(constructionReason), ...regionPick.reasons, ...(claim?.metric ? claim.metric.pairing.reasons ?? [] : metricReasons)];
      let metric: Metric;
      if (m.kind === 'percent') {
        metric = claim?.metric?.pairing.metric ?? (family === 'active' ? 'active_pct' : 'coverage_pct');
        // In a list, each member takes the metric of the figure at its own place (inside or outside the brackets) before it.
        const listed = !claim?.metric && !restarted && metricReasons[0] === 'metric:list' ? lastFactAt.get(g.sentence)?.[inBracket(text, m.start, g.sentence.start) ? 'inside' : 'outside'] : undefined;
        if (listed && listed.metric.endsWith('_pct')) metric = listed.metric;
        // A share the article already gave with its metric word keeps that metric when repeated without one:
        // "… mencapai 98,79 persen …" then "Dengan capaian 98,79 persen, DKI Jakarta …".
        const code = regionPick.regions[0]!.code;
        const seen = shareMetric.get(code)?.get(m.value);
        if (!claim?.metric && seen && seen !== metric && ['metric:carry', 'metric:default', 'metric:weak-cue'].includes(metricReasons[0]!)) {
          metric = seen;
          reasons.push('metric:repeated');
        }
        if (!shareMetric.get(code)?.has(m.value) && (claim?.metric || ['metric:cue', 'metric:pair'].includes(metricReasons[0]!))) {
          (shareMetric.get(code) ?? shareMetric.set(code, new Map()).get(code)!).set(m.value, metric);
        }
        if (m.implied) reasons.push('value:implied-percent');
        if (m.value > 100) reasons.push('value:over-100');
        if (m.value > 150) continue; // not a share of anybody
        // "belum mencapai 95 persen …, sementara Bolaang Mongondow Utara sudah mencapai 95 persen": a threshold restated.
        if (droppedIn.get(g.sentence)?.has(m.value)) continue;
      } else {
        const cm = claim?.metric?.pairing.metric ?? countMetric(ctx, m, g, w, family, cues);
        if (!cm) continue;
        metric = cm;
        if (m.value >= NATIONAL_MAGNITUDE && regionPick.regions[0] !== INDONESIA) continue;
      }
      if (m.number.approx) reasons.push('value:approx');
      for (const [ri, region] of regionPick.regions.entries()) {
        const mention = regionPick.mentions[ri];
        const span = evidence(text, m, mention && mention.start >= g.sentence.start && mention.end <= g.sentence.end ? mention : undefined, spanCues);
        const fact: Fact = {
          region: toRef(region),
          metric,
          value: m.value,
          asOf: asOf,
          confidence: confidenceOf(reasons),
          reasons: [...new Set(reasons)],
          evidence: span,
          raw: text.slice(m.number.start, m.end),
        };
        facts.push(fact);
        lastFactIn.set(g.sentence, fact);
        lastRegionOfParagraph.set(g.sentence.paragraph, region);
        // `opened`: the family of the region's first share in the paragraph, also when a list gave its regions' shares series
        // by series ("A dan B masing-masing V1 dan V2, dengan keaktifan masing-masing W1 dan W2"): what a metric carried to
        // the next sentence restarts from.
        const runKey = `${g.sentence.paragraph}|${fact.region.code}`;
        if (metric.endsWith('_pct') && !runOpen.has(runKey)) runOpen.set(runKey, metric.startsWith('active') ? 'active' : 'coverage');
        if (metric.endsWith('_pct') && shareRun?.code !== fact.region.code) shareRun = { code: fact.region.code, first: metric.startsWith('active') ? 'active' : 'coverage', opened: runOpen.get(runKey)!, paragraph: g.sentence.paragraph };
        const at = lastFactAt.get(g.sentence) ?? {};
        at[inBracket(text, m.start, g.sentence.start) ? 'inside' : 'outside'] = fact;
        lastFactAt.set(g.sentence, at);
      }
    }
    if (family && g.members.some((m) => m.kind === 'percent')) {
      const lead = carry && carry.paragraph === g.sentence.paragraph ? carry.lead : family;
      carry = { family, paragraph: g.sentence.paragraph, lead };
    }
  });
  return facts;
}

/** `construction:<name>`, one string per construction (made once: every fact names one or more). */
const constructionReasons = new Map<string, string>();
function constructionReason(name: string): string {
  let r = constructionReasons.get(name);
  if (r === undefined) constructionReasons.set(name, (r = `construction:${name}`));
  return r;
}

/** The group is the first figure of a bracket opened right after its region: "Kabupaten B (98,07 persen; keaktifan …)". */
function ownBracketOpens(text: string, g: Group, mention: Span | undefined, ctx: Ctx): boolean {
  if (!mention) return false;
  const open = lastIndexIn(text, '(', mention.end, g.start);
  if (open < mention.end || text.slice(mention.end, open).trim() !== '') return false;
  return !ctx.ix.percent.some(open, g.start) && !ctx.ix.count.some(open, g.start);
}

/**
 * "total peserta di lima daerah itu mencapai 7,32 juta jiwa, dengan rata-rata keaktifan 78,3 persen": a figure after a
 * group of regions named before and referred back to ("lima daerah itu", "keempat kabupaten tersebut") is a sum or an
 * average over them, no region's own (README rule 4) — when a word of summing or averaging says so, and unless the
 * sentence gives them one each ("masing-masing").
 */
const REFERRED_REGIONS = /\b(?:(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|\d{1,2})\s+|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+)(?:daerah|kabupaten(?:\/kota)?|kota|wilayah)\s+(?:itu|tersebut|ini)\b/iu;
/** Only with a word of summing or averaging: "Kedua kabupaten tersebut 100 persen" gives each the figure; "8 kabupaten tersebut, yaitu …" lists them. */
const AGGREGATE_WORD = /\b(?:total|rata-rata|gabungan|keseluruhan|seluruhnya|akumulasi)\b/iu;
const EACH_GIVEN = /\b(?:masing-masing|berturut-turut)\b/iu;
function referredRegionsBefore(text: string, g: Group): boolean {
  const before = text.slice(g.sentence.start, g.start);
  return REFERRED_REGIONS.test(before) && AGGREGATE_WORD.test(before) && !EACH_GIVEN.test(text.slice(g.sentence.start, g.sentence.end));
}

/** How far before a figure its own population word may stand ("total penduduk sebanyak 2,49 juta"), in characters. @default 30 */
export const POPULATION_CUE_REACH = 30;

/** A region said to belong to an area: "yang masuk", "yang termasuk", "yang berada di". */
const MEMBER_OF = /\byang\s+(?:masuk|termasuk|berada\s+di)\s+(?:dalam\s+|ke\s+)?$/iu;

let changeResultRe: RegExp | null = null;
/** "naik 2,5 persen" is a change, not a level; "meningkat menjadi 98 persen" is a level. */
function isChange(guards: SpanIndex<GuardMention>, near: Span, text: string): boolean {
  const change = guards.last(near.start, near.end, (g) => g.guard === 'change');
  if (!change) return false;
  changeResultRe ??= wordsRegex(lexicon().guards.changeResult);
  changeResultRe.lastIndex = 0;
  return !changeResultRe.test(text.slice(change.end, near.end));
}

/**
 * "Selamat untuk 22 provinsi dan 334 kabupaten/kota dengan cakupan … lebih dari 95%": figures after a count of many
 * regions are totals over them. Figures before the count, or after a region named since, are a region's own
 * ("Pemkot Blitar meraih kepesertaan 101,80%, menjadi salah satu dari 12 Pemda").
 */
function countedRegionsBefore(ctx: Ctx, g: Group): boolean {
  const count = ctx.ix.guard.last(g.sentence.start, g.start, (x) => x.guard === 'region-count' && countsManyRegions(x.word));
  if (!count) return ctx.ix.guard.some(g.start, g.end, (x) => x.guard === 'region-count' && countsManyRegions(x.word));
  // "Jumlah peserta JKN di Provinsi Lampung dan 15 kabupaten/kota telah mencapai … 98,46%": the province named with its count.
  const named = ctx.subjectIx.last(g.sentence.start, count.start);
  if (named && /^\s*(?:dan|serta|beserta)\s*$/iu.test(ctx.doc.text.slice(named.end, count.start))) return false;
  return !ctx.subjectIx.some(count.end, g.start);
}

/** Whether a position stands inside an open bracket of its sentence. */
function inBracket(text: string, pos: number, sentenceStart: number): boolean {
  const open = lastIndexIn(text, '(', sentenceStart, pos);
  // (A ')' at or after the '(' closes it: `text.lastIndexOf(')', pos) < open` read within the bracket.)
  return open >= 0 && lastIndexIn(text, ')', open, pos) < 0;
}

/**
 * `text.lastIndexOf(ch, pos)` when at or after `from`, else -1: the backward scan stops at `from` (the sentence's start, a
 * mention's end) instead of running to the text's start for every figure, where an earlier `ch` decides nothing.
 */
function lastIndexIn(text: string, ch: string, from: number, pos: number): number {
  if (pos < from) return -1;
  const i = text.slice(from, pos + 1).lastIndexOf(ch);
  return i < 0 ? -1 : from + i;
}

/**
 * A metric cue between two figures that stands nearer the next one, with no comma, semicolon or "dan" between it and that
 * figure, is the next figure's: "99,1 persen (keaktifan 84,2 persen)". One a comma or "dan" closes stays with the figure
 * before: "1.084.602 jiwa di antaranya merupakan peserta aktif, dan 54.112 jiwa masih tidak aktif".
 */
function cueOfNext(text: string, x: Span, g: Group, next: Group | undefined): boolean {
  // "99,64 persen (keaktifan 90,11)": a cue opening a bracket after the figure is the bracket's number's, even one no
  // percentage was read from.
  if (x.start >= g.end && /^\s*(?:persen|%)?\s*\(\s*$/iu.test(text.slice(g.end, x.start)) && /^[^()]{0,20}\d[^()]*\)/u.test(text.slice(x.end, x.end + 40))) return true;
  return belongsToNext(text, x, g, next);
}

/** A figure closing a band "80 hingga 85 persen" / "80–85 persen" (not "dari 80 hingga 85 persen", a change). */
const RANGE_BEFORE = /(?<!\bdari\s{1,3})(?<![\d.,])\d{1,3}(?:[.,]\d+)?\s*(?:persen|%)?\s*(?:hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|[-–])\s*$/iu;
/** A clause that opens with a condition: "Kalau …", "Jika …", "Apabila …", "Seandainya …". */
/** Not "Kalau untuk Kota Ambon sendiri …" (as for) nor "Jika dibandingkan dengan …", "Jika dilihat dari …". */
const CONDITION_OPENS = /^[\s"“'‘]*(?:kalau|jika|jikalau|apabila|bila|seandainya|andaikan)\s+(?!(?:untuk|soal|bicara|berbicara|dilihat|melihat|dibandingkan|membandingkan|dibanding|mengacu|merujuk|berdasarkan|menurut|di|dari|ditotal|dihitung|digabung|dijumlahkan)\b)/iu;

/** A sentence opening with its target ("Target …", "Sasaran …"), with no contrast word before the figure. */
const TARGET_OPENS = /^[\s"“'‘]*(?:target|sasaran)(?![\p{L}])(?![^]*?(?:\bsementara\b|\bsedangkan\b|\bnamun\b|\btetapi\b|\brealisasi|\bcapaian|\btercatat\b|\bbaru\b|\btercapai\b|\bterlampaui\b|\bmelampaui\b|\bsudah\b|\btelah\b))/iu;

let tierAfter: RegExp | null = null;
/** A share followed by "untuk [kategori] <tier>" gives that tier's criterion. */
function tierAfterRe(): RegExp {
  tierAfter ??= new RegExp(`^\\s*(?:persen\\s+|%\\s*)?untuk\\s+(?:kategori\\s+|predikat\\s+)?(?:${alternation(Object.keys(lexicon().categoryTiers))})(?![\\p{L}])`, 'iu');
  return tierAfter;
}

/**
 * A word between two figures of a sentence is the next one's when it stands nearer that figure and nothing closes it off
 * from it (CLOSES_OFF): in "412.000 jiwa merupakan PBI APBN dan 205.700 jiwa PBI APBD" the first
 * "PBI APBN" is the first figure's, though nearer the second.
 */
function belongsToNext(text: string, x: Span, g: Group, next: Group | undefined): boolean {
  if (!next || next.sentence !== g.sentence || x.start < g.end || x.end > next.start) return false;
  return next.start - x.end <= x.start - g.end && !CLOSES_OFF.test(text.slice(x.end, next.start));
}
/** What closes a word off from the figure after it: a comma (not one that introduces that figure: ", yakni sekitar 88 ribu"), a semicolon, a full stop, "dan", "serta". */
const CLOSES_OFF = /[;.]|,(?!\s*(?:yakni|yaitu|sekitar|sebanyak|mencapai|atau)\b)|\b(?:dan|serta)\b/iu;

/** Set CAKUPAN_DEBUG_PAIRING=1 to see on stderr why a figure gave no fact (read once per extraction: `process.env` is slow). */
let debugPairing = false;
function debugDrop(ctx: Ctx, g: Group, why: string): void {
  if (debugPairing) console.error(`pairing: ${why} drops ${ctx.doc.text.slice(g.start, g.end)}`);
}

/**
 * "Di wilayah kerja Cabang A yang meliputi Kabupaten B dan C, sebanyak 276.303 jiwa penduduk Kota A telah terdaftar …, atau
 * 98,76 persen": the area frames the sentence, but a figure named with its own region after the area's words (and the
 * figures after it) is that region's, not the area's total.
 */
function ownRegionAfterArea(ctx: Ctx, g: Group): boolean {
  const area = ctx.ix.guard.last(g.sentence.start, g.start, (x) => x.guard === 'aggregate');
  if (!area) return false;
  for (const v of [...ctx.ix.count.within(area.end, g.end), ...ctx.ix.percent.within(area.end, g.end)]) {
    const claim = ctx.claims.get(v)?.region;
    if (claim?.by === 'value-region-after' && claim.pairing.region !== 'national' && v.start <= g.start) return true;
  }
  return false;
}

function countsManyRegions(word: string): boolean {
  const n = /^(\d+)/.exec(word);
  return /provinsi/i.test(word) || (n !== null && Number(n[1]) >= REGION_COUNT_MIN);
}

let dariRe: RegExp | null = null;

function countMetric(ctx: Ctx, m: CountMention, g: Group, w: Windows, family: 'active' | 'coverage' | null, cues: SpanIndex<CueMention>): Metric | null {
  const text = ctx.doc.text;
  // Not an approximation's "dari": "lebih dari 280 juta jiwa penduduk Indonesia telah terdaftar" is no whole.
  dariRe ??= /(?:^|\s)(?<!(?:lebih|kurang)\s+)dari\s+(?:total\s+|jumlah\s+|total\s+jumlah\s+)?$/iu;
  const idx = g.members.indexOf(m);
  const ownBefore: Span = idx === 0 ? w.before : { start: g.members[idx - 1]!.end, end: m.start };
  const ownAfter: Span = idx === g.members.length - 1 ? w.after : { start: m.end, end: g.members[idx + 1]!.start };
  const beforeCues = cues.within(ownBefore.start, ownBefore.end);
  const afterCues = cues.within(ownAfter.start, ownAfter.end);
  const nearestBefore = beforeCues.filter((c) => c.family !== 'coverageWeak' && c.family !== 'national').at(-1);
  const registration = afterCues.some((c) => c.family === 'registration');
  const wholeOfPart = dariRe.test(text.slice(Math.max(ownBefore.start, m.start - 20), m.start));
  if (wholeOfPart && m.unit === 'population') return 'population';
  if (nearestBefore?.family === 'population' && m.start - nearestBefore.end < 40) return 'population';
  // "dengan kepesertaan sekitar 194 ribu penduduk": the participants, counted in people.
  const participantJustBefore = nearestBefore && nearestBefore.family !== 'active' && nearestBefore.family !== 'population' && m.start - nearestBefore.end < 25;
  if (m.unit === 'population' && !registration && !participantJustBefore) return 'population';
  if (family === 'active') return 'active_count';
  if (family === 'coverage' || registration || m.unit === 'participants') return 'enrolled_count';
  return null;
}

interface RegionPick {
  regions: RegionEntry[];
  mentions: (RegionMention | undefined)[];
  reasons: string[];
}

/** Words that refer back to participants counted before: "dari seluruh peserta itu", "dari jumlah tersebut", "angka itu". */
const REFERS_BACK = /(?<![\p{L}])(?:(?:peserta|jumlah|angka|total)\s+(?:itu|tersebut)|dari\s+(?:seluruh|total|jumlah)\s+(?:peserta\s+)?(?:itu|tersebut))(?![\p{L}])/iu;

/** A region referred back to by its level: "di kabupaten itu", "kota tersebut", "provinsi ini" (not "lima kabupaten itu", nor "ibu kota provinsi itu"). */
const LEVEL_ANAPHOR = /(?<!(?:\d|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|belasan|puluhan|kedua|ketiga|keempat|kelima|seluruh|semua|para|beberapa|sejumlah|banyak)\s+)(?<!kota\s+)(?<![\p{L}])(kabupaten|kota|provinsi)\s+(?:itu|tersebut|ini)(?![\p{L}])(?![^]*(?:kabupaten|kota|provinsi)\s+(?:itu|tersebut|ini))/iu;

/** The words that may stand between a national cue and its own figure. */
const NATIONAL_OWN = /^\s*(?:yang\s+)?(?:sudah\s+|telah\s+|baru\s+)?(?:sebesar|mencapai|berada\s+di\s+angka|di\s+angka)?\s*$/iu;

function pickRegion(ctx: Ctx, g: Group, w: Windows, regionOfParagraphBefore?: RegionEntry): RegionPick | null {
  const { doc } = ctx;
  const subjects = ctx.subjectIx;
  const beforeWin = ctx.ix.cue.within(w.before.start, w.before.end);
  // National: a magnitude no region has, or "secara nasional".
  if (g.members.some((m) => m.kind === 'count' && m.value >= NATIONAL_MAGNITUDE)) {
    return { regions: [INDONESIA], mentions: [undefined], reasons: ['region:magnitude'] };
  }
  // "… sudah di atas rata-rata nasional dengan capaian 98,9 persen": a comparison with the nation, not its figure.
  const compared = (c: CueMention) => /(?:di\s*atas|di\s*bawah|melampaui|melebihi|dibanding(?:kan)?|daripada|lebih\s+(?:tinggi|rendah)\s+dari)\s*$/iu.test(doc.text.slice(Math.max(0, c.start - 25), c.start));
  // … unless the figure is the national cue's own: "di bawah capaian nasional yang sudah 98,3 persen", "di bawah rata-rata
  // nasional 98,2 persen" (nothing but "yang sudah", "sebesar", … between them).
  const owns = (c: CueMention) => NATIONAL_OWN.test(doc.text.slice(c.end, g.start));
  if (beforeWin.some((c) => c.family === 'national' && (!compared(c) || owns(c)))) return { regions: [INDONESIA], mentions: [undefined], reasons: ['region:national-cue'] };
  // "Secara nasional, BPJS Kesehatan melaporkan 282,7 juta peserta …, dengan keaktifan sekitar 80 persen": a national
  // scope opened earlier in the sentence holds for its later figures until a region is named.
  const scope = ctx.ix.cue.within(g.sentence.start, w.before.start).filter((c) => c.family === 'national' && !compared(c)).at(-1);
  if (scope && !subjects.some(scope.end, g.start)) return { regions: [INDONESIA], mentions: [undefined], reasons: ['region:national-scope'] };
  const one = (m: RegionMention, reason: string): RegionPick => {
    const reasons = [reason];
    const region = resolveSameName(m, ctx, reasons);
    viaReasons(m, reasons);
    return { regions: [region], mentions: [m], reasons };
  };
  const text = doc.text;
  // "Jumlah peserta JKN di kabupaten itu 177.530 jiwa", "cakupan di kota itu 99,71 persen": the last region of that level
  // named before (not the last region of any level), when no region stands between the anaphor and the figure.
  const anaphor = LEVEL_ANAPHOR.exec(text.slice(g.sentence.start, g.start));
  if (anaphor && !subjects.some(g.sentence.start + anaphor.index, g.start)) {
    const level = anaphor[1]!.toLowerCase() as RegionEntry['level'];
    const from = doc.paragraphs[Math.max(0, g.sentence.paragraph - 1)]!.start;
    const earlier = subjects.within(from, g.sentence.start + anaphor.index);
    // … not a region named inside an apposition ("Kabupaten Bener Meriah, pemekaran dari Aceh Tengah, …").
    const m = earlier.filter((x, i) => x.region.level === level && !(i > 0 && inApposition(text, earlier[i - 1]!, x))).at(-1);
    if (m) return one(m, 'region:level-anaphor');
  }
  // ("A dan B masing-masing …" is the construction region-list-masing-masing.)
  const sentenceBefore = subjects.within(g.sentence.start, g.start);
  if (sentenceBefore.length) {
    let m = sentenceBefore.at(-1)!;
    // "Pemerintah Kota Banjar, Jawa Barat, mencatat …": a province in apposition names where the kota is.
    const prevM = sentenceBefore.at(-2);
    if (prevM && m.region.level === 'provinsi' && prevM.region.provinceCode === m.region.code && /^\s*,\s*$/.test(text.slice(prevM.end, m.start))) m = prevM;
    // "Kabupaten Jombang dan Kabupaten Mojokerto mencatat total 2,4 juta": a sum over named regions is no region's figure.
    if (coordinatedBefore(ctx, sentenceBefore).length > 1 && !/^\s*\(/.test(text.slice(m.end, m.end + 3))) {
      const between = text.slice(m.end, g.start);
      if (!ctx.ix.percent.some(m.end, g.start) && !ctx.ix.count.some(m.end, g.start) && /\b(?:total|gabungan|keduanya|bersama-sama)\b/iu.test(between)) return null;
    }
    return one(m, 'region:clause');
  }
  const sentenceAfter = subjects.within(g.start, g.sentence.end);
  if (sentenceAfter.length) return one(sentenceAfter[0]!, 'region:after');
  const para = doc.paragraphs[g.sentence.paragraph]!;
  let paraBefore = subjects.last(para.start, g.sentence.start);
  // Not a region named inside an apposition: "Kabupaten Sukabumi, daerah terluas kedua di Jawa Barat, … . Keaktifan pesertanya …".
  const head = paraBefore && subjects.last(para.start, paraBefore.start);
  if (head && inApposition(text, head, paraBefore!)) paraBefore = head;
  if (paraBefore) return one(paraBefore, 'region:paragraph');
  // An interview's answer: the question right above names whose figure it gives ("Berapa cakupan JKN di Bojonegoro saat
  // ini?" / "Per 1 Januari 2026, cakupannya 99,05 persen."), or asks for the nation's.
  const question = questionAbove(ctx, g.sentence.paragraph);
  if (question === 'national') return { regions: [INDONESIA], mentions: [undefined], reasons: ['region:question'] };
  if (question) return one(question, 'region:question');
  // "Dari seluruh peserta itu, yang berstatus aktif hanya sekitar 80 persen": a paragraph naming no region that refers back
  // to the participants counted in the paragraph before takes that paragraph's last fact's region (the nation's too).
  if (regionOfParagraphBefore && REFERS_BACK.test(text.slice(g.sentence.start, g.start))) return { regions: [regionOfParagraphBefore], mentions: [undefined], reasons: ['region:referred-back'] };
  // A list under a heading line: "Kota Bitung" / "Tingkat kepesertaan: 99,87 persen" / "Tingkat keaktifan: 80,4 persen".
  const heading = headingAbove(ctx, g.sentence.paragraph);
  if (heading) return one(heading, 'region:heading');
  if (ctx.articleRegion) return { regions: [ctx.articleRegion], mentions: [undefined], reasons: ['region:article'] };
  return null;
}

/** How many lines above a figure a region heading may stand. */
export const HEADING_REACH = 6;
/** Longest line read as a region heading ("2. Kabupaten Kepulauan Talaud:"). */
export const HEADING_MAX_CHARS = 60;

/** The nearest line above that is only a region name (a heading), within reach and with no other region between. */
/** Longest paragraph read as an interviewer's question. @default 300 */
export const QUESTION_MAX_CHARS = 300;

/** The paragraph right above when it is an interviewer's question (short, ending with "?"). */
function questionBefore(ctx: Ctx, paragraph: number): Span | null {
  const para = ctx.doc.paragraphs[paragraph - 1];
  return para && para.end - para.start <= QUESTION_MAX_CHARS && /\?["”’']?\s*$/u.test(ctx.doc.text.slice(para.start, para.end)) ? para : null;
}

/**
 * What the lines of a paragraph measure when they say it nowhere themselves: what the question right above asks for
 * ("Keaktifan di Tuban sendiri berapa?"), or what the line introducing their list says ("Adapun tingkat keaktifan peserta
 * masing-masing daerah yaitu:" over "- Tabalong: 85,62 persen" lines) — activity or coverage by its metric cue, or null.
 */
function familyAbove(ctx: Ctx, paragraph: number): 'active' | 'coverage' | null {
  let para: Span | null = questionBefore(ctx, paragraph);
  if (!para) {
    const text = ctx.doc.text;
    const line = (p: Span) => text.slice(p.start, p.end);
    const own = ctx.doc.paragraphs[paragraph]!;
    if (!LIST_LINE.test(line(own))) return null;
    for (let p = paragraph - 1; p >= Math.max(0, paragraph - HEADING_REACH) && !para; p--) {
      const above = ctx.doc.paragraphs[p]!;
      if (/:\s*$/u.test(line(above))) para = above;
      else if (!LIST_LINE.test(line(above))) return null;
    }
    if (!para) return null;
  }
  const cues = ctx.ix.cue.within(para.start, para.end);
  return cues.some((c) => c.family === 'active') ? 'active' : cues.some((c) => c.family === 'coverage' || c.family === 'registration') ? 'coverage' : null;
}

/** A line of a list: a bullet or a number first ("- Tabalong: 85,62 persen", "2. Kota Banjar …"). */
const LIST_LINE = /^\s*(?:[•·*\-–]|\d{1,2}[.)])\s/u;

/** The region the question right above a paragraph asks about (its last subject), 'national' for a question about the nation, or null. */
function questionAbove(ctx: Ctx, paragraph: number): RegionMention | 'national' | null {
  const para = questionBefore(ctx, paragraph);
  if (!para) return null;
  const region = ctx.subjectIx.last(para.start, para.end);
  const national = ctx.ix.cue.within(para.start, para.end).filter((c) => c.family === 'national').at(-1);
  if (national && (!region || region.start < national.start)) return 'national';
  return region ?? null;
}

function headingAbove(ctx: Ctx, paragraph: number): RegionMention | null {
  const { doc } = ctx;
  for (let p = paragraph - 1; p >= Math.max(0, paragraph - HEADING_REACH); p--) {
    const para = doc.paragraphs[p]!;
    const regions = ctx.subjectIx.within(para.start, para.end);
    if (!regions.length) continue;
    const line = doc.text.slice(para.start, para.end);
    const rest = line.replace(doc.text.slice(regions[0]!.start, regions[0]!.end), '').replace(/[\s\d.:)(•*–-]+/g, '');
    if (regions.length === 1 && line.length <= HEADING_MAX_CHARS && rest === '') return regions[0]!;
    return null;
  }
  return null;
}

/** The regions named together right before a point: "A, B dan C" (adjacent mentions joined by commas, "dan", "serta"). */
function coordinatedBefore(ctx: Ctx, regions: RegionMention[]): RegionMention[] {
  const text = ctx.doc.text;
  const list: RegionMention[] = [];
  for (let i = regions.length - 1; i >= 0; i--) {
    const r = regions[i]!;
    const next = list[0];
    if (next && !/^\s*(?:,|,?\s*dan|,?\s*serta)\s*$/iu.test(text.slice(r.end, next.start))) break;
    list.unshift(r);
  }
  return list;
}

function pickAsOf(ctx: Ctx, g: Group, w: Windows): string | null {
  const { doc } = ctx;
  const text = doc.text;
  // A date governed by a target or threshold ("di bawah target 98 persen pada 2025") dates the target, not a figure.
  const asof = ctx.asofIx;
  // "kini", "saat ini": the figure is current, so no earlier date carries to it ("Pada 2022 … 90 persen, kini 97 persen").
  const current = (from: number) => ctx.currents.some(from, g.start);
  // A date attached to the figure: "631.362 jiwa per 1 Mei 2025", "267,3 juta jiwa pada 2023".
  // Not across "dari": "98,77 % (± 37,958 juta jiwa) dari total populasi semester II 2024" dates the whole, not the part.
  const own = asof.first(g.end, w.after.end);
  if (own && own.start - g.end < 40 && !datesTheWhole(ctx, g, own)) return own.date;
  // "meningkat dibanding tahun lalu 97,12 persen": an earlier period the text does not date.
  previousWordsRe ??= wordsRegex(lexicon().previousWords, 'i');
  if (previousWordsRe.test(text.slice(w.clause.start, g.start))) return null;
  const before = asof.last(g.sentence.start, g.start, (d) => !isOwnedByOther(d, g, ctx) && !current(d.end));
  if (before) return before.date;
  const after = asof.first(g.end, g.sentence.end, (d) => !datesTheWhole(ctx, g, d));
  if (after) return after.date;
  const para = doc.paragraphs[g.sentence.paragraph]!;
  const carried = asof.last(para.start, g.sentence.start, (d) => !isOwnedByOther(d, g, ctx) && !current(d.end));
  return carried?.date ?? null;
}

/** How close after a date the whole's count stands for the date to be the whole's ("dari total populasi semester II 2024 sekitar 38,430 juta jiwa"). @default 30 */
export const WHOLE_DATE_REACH = 30;
/** A date after "dari" that heads the whole's count dates that count, not the part before it. */
function datesTheWhole(ctx: Ctx, g: Group, d: DateMention): boolean {
  if (!/\bdari\b/iu.test(ctx.doc.text.slice(g.end, d.start))) return false;
  return ctx.ix.count.some(d.end, Math.min(g.sentence.end, d.end + WHOLE_DATE_REACH + 20), (c) => c.start - d.end <= WHOLE_DATE_REACH);
}

let currentWordsRe: RegExp | null = null;
let previousWordsRe: RegExp | null = null;
function currentRe(): RegExp {
  currentWordsRe ??= wordsRegex(lexicon().currentWords, 'i');
  return currentWordsRe;
}

function governedByGuard(ctx: Pick<Ctx, 'doc' | 'breaks' | 'ix'>, d: DateMention): boolean {
  const s = ctx.doc.sentenceAt(d.start);
  const from = clauseStart(ctx.breaks, s.start, d.start);
  return ctx.ix.guard.some(from, d.start, (g) => g.guard === 'target' || g.guard === 'threshold');
}

/** "meningkat dari 267,3 juta jiwa pada 2023": the year belongs to that figure and does not carry. */
function isOwnedByOther(d: DateMention, g: Group, ctx: Ctx): boolean {
  if (d.date.length !== 4) return false;
  const textBefore = ctx.doc.text.slice(Math.max(0, d.start - 30), d.start);
  const near = (v: Span) => v.end <= d.start && d.start - v.end < 30 && !g.members.includes(v as Value) && !/[,;.]|\bdari\b/iu.test(ctx.doc.text.slice(v.end, d.start));
  return (ctx.ix.percent.touching(d.start - 30, d.start).some(near) || ctx.ix.count.touching(d.start - 30, d.start).some(near)) && textBefore.length > 0;
}

function evidence(text: string, m: PercentMention | CountMention, region: RegionMention | undefined, cues: CueMention[]): { start: number; end: number; text: string } {
  let start = m.start;
  let end = m.end;
  if (region) {
    start = Math.min(start, region.start);
    end = Math.max(end, region.end);
  }
  // The nearest cue, the earliest of equally near ones (what a stable sort by distance put first).
  let cue: CueMention | undefined;
  for (const c of cues) if (c.family !== 'participant' && (!cue || Math.abs(c.start - m.start) < Math.abs(cue.start - m.start))) cue = c;
  if (cue && Math.abs(cue.start - m.start) < 80) {
    start = Math.min(start, cue.start);
    end = Math.max(end, cue.end);
  }
  // "Kabupaten Kepulauan Talaud (98,1%" reads better with its closing bracket.
  if (text[end] === ')' && countOf(text, '(', start, end) > countOf(text, ')', start, end)) end++;
  return { start, end, text: text.slice(start, end) };
}

/** How many times `ch` stands in text[start, end). */
function countOf(text: string, ch: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text[i] === ch) n++;
  return n;
}

const specificity = (d: string | null) => (d ? d.length : 0);

function dedupeFacts(facts: Fact[]): Fact[] {
  // One slot per (region, metric, value), in the order each was first seen. (Was one map by `${code}|${metric}|${value}`:
  // the same triples — a value's string is its number's, ±0 alike — and the same order; the string per fact cost most.)
  const out: Fact[] = [];
  const slots = new Map<string, Map<number, number>>();
  for (const f of facts) {
    const key = `${f.region.code}|${f.metric}`;
    const byValue = slots.get(key) ?? slots.set(key, new Map()).get(key)!;
    const at = byValue.get(f.value);
    if (at === undefined) {
      byValue.set(f.value, out.push(f) - 1);
      continue;
    }
    const have = out[at]!;
    const asOf = specificity(f.asOf) > specificity(have.asOf) ? f.asOf : have.asOf;
    const best = f.confidence > have.confidence ? f : have;
    out[at] = { ...best, asOf };
  }
  return out;
}

function dedupeCategories(cats: CategoryFact[]): CategoryFact[] {
  const byKey = new Map<string, CategoryFact>();
  for (const c of cats) {
    const key = `${c.region.code}|${c.category}`;
    const have = byKey.get(key);
    if (!have || c.confidence > have.confidence || (have.year === null && c.year !== null)) {
      byKey.set(key, have && c.year === null ? { ...c, year: have.year } : c);
    }
  }
  return [...byKey.values()];
}

/** The region a construction named for a figure. */
function claimedRegion(ctx: Ctx, p: Pairing): RegionPick {
  if (p.region === 'national') return { regions: [INDONESIA], mentions: [undefined], reasons: [...(p.reasons ?? [])] };
  const reasons = [...(p.reasons ?? [])];
  const owners = [p.region!, ...(p.shared ?? [])];
  const regions = owners.map((m, i) => (i === 0 && p.entry ? p.entry : resolveSameName(m, ctx, reasons)));
  for (const m of owners) viaReasons(m, reasons);
  return { regions, mentions: owners, reasons: [...new Set(reasons)] };
}
