/**
 * Unit gate (issue 9, class 4): only regions of the gazetteer own figures. A figure whose subject is
 *  - a desa, kelurahan, kecamatan, nagari, puskesmas or hospital ("Desa Obel Obel … 2.433 jiwa"), even when the
 *    kabupaten follows as its address ("Desa Rensing Bat, Kecamatan Sakra, Lombok Timur");
 *  - a BPJS branch or deputy area as the place of the figure ("di wilayah kerja BPJS Ungaran", "di wilayah kerjanya");
 *  - an area over several provinces ("wilayah Jawa Tengah–DIY", "untuk wilayah Bali, NTB dan NTT") or an island
 *    ("Pulau Lombok", "Sumatera")
 * is no region's figure. A name once introduced as a desa ("Desa Rensing Bat") stays a desa when it comes back bare.
 *
 * A region right after a unit is its address ("Desa Rensing Bat, Kecamatan Sakra, Lombok Timur", "Kelurahan Banjarejo di Kota
 * Madiun"); the regions a branch serves ("Kantor Cabang Madiun yang membawahi Kota Madiun, …, Ponorogo") are its area.
 *
 * The subject of a figure: the last region or unit before it in its sentence; with none, the first after it in its sentence;
 * then the last one before it in its paragraph, then in the paragraph before.
 */
import { alternation, lexicon, prefixScanner, scanAll } from '../../src/extract/lexicon.ts';
import type { Doc, Found, Span } from '../../src/extract/types.ts';
import type { Gate, GateFigure } from './index.ts';
import { escapeRegex } from '../../src/extract/lexicon.ts';
import { firstInside, hitsOf, lastInside, lowerBound } from './util.ts';
import { inApposition } from '../constructions/region-apposition.ts';

// Patterns with a Unicode property outside a bracket are hoisted: the TypeScript transform turns such a literal into a
// `new RegExp` evaluated at every call.
const UPPER = /\p{Lu}/u;
const CAPITAL_AFTER = /^\s+\p{Lu}/u;

type UnitKind = 'local' | 'branch' | 'area' | 'island';
interface Subject extends Span {
  unit: UnitKind | null;
  word: string;
}

/** How many words a unit's own name may have ("Desa Obel Obel", "Puskesmas Sakra Barat"). */
export const UNIT_NAME_WORDS = 3;
/** Figures given to listed regions one each. */
const EACH_GIVEN = /\b(?:masing-masing|berturut-turut)\b/iu;
/** A region said to belong to a branch area: "yang masuk (wilayah kerja) cabang …", "yang termasuk", "yang berada di". */
const MEMBER_OF = /\byang\s+(?:masuk|termasuk|berada\s+di)\s+(?:dalam\s+|ke\s+)?(?:[\p{L}]+\s+){0,3}$/iu;

/** How far before a branch unit the word that makes it the figure's place ("di", "untuk") may stand. */
export const BRANCH_SUBJECT_REACH = 12;

/** A pattern's letters in either case, for a regex that must stay case-sensitive elsewhere. */
function caselessAlternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      escapeRegex(w)
        .replace(/\p{L}/gu, (c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`))
        .replace(/ +/g, '\\s+'),
    )
    .join('|');
}

/** The gate's patterns, built once from the lexicon (per document they were a large share of the gate's time). */
let patterns: ReturnType<typeof buildScanned> | null = null;
function buildPatterns() {
  const g = lexicon().gates;
  const lex = lexicon();
  const name = `\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,${UNIT_NAME_WORDS - 1}}`;
  const local = g.localUnits.filter((w) => !g.branchUnits.includes(w));
  return {
    // Local units with their proper name: "Desa Obel Obel", "Puskesmas Sakra", "Kelurahan Panggang".
    // Case-sensitive, so that the name is capitalised ("desa harus …" is no unit); the unit word in any case.
    localRe: new RegExp(`(?<![\\p{L}])(${caselessAlternation(local)})\\s+(${name})`, 'gu'),
    // A name ends where the next unit or region type begins: "Desa Rensing Bat Kecamatan Sakra" is Rensing Bat in Sakra.
    nameEnd: new RegExp(`\\s+(?:${alternation([...g.localUnits, ...lex.regionPrefixes.kabupaten, ...lex.regionPrefixes.kota, ...lex.regionPrefixes.provinsi])})(?![\\p{L}]).*$`, 'isu'),
    typedBefore: new RegExp(`(?:${alternation(local)})\\s+$`, 'iu'),
    // The words grouped: the name must follow each of them ("gugus pulau", "kepulauan", "pulau").
    pulauRe: new RegExp(`(?<![\\p{L}])(?:${caselessAlternation(g.islandWords)})\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?`, 'gu'),
    islandRe: new RegExp(`(?<![\\p{L}])(?:${alternation(g.islands)})(?![\\p{L}])`, 'giu'),
    placeBefore: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(g.unitSubjectBefore)})\\s+(?:[\\p{L}]+\\s+){0,2}$`, 'iu'),
    // … the regions it serves may come as where a count of theirs lies: "… meliputi tujuh kabupaten di Papua Pegunungan".
    servesRe: new RegExp(
      `^\\s*(?:[IVX]+|\\d+)?\\s*,?\\s*(?:yang\\s+)?(?:${alternation(g.branchAreaVerbs)})\\s*:?\\s*(?:(?:\\d+|${alternation(lex.numberWords)})\\s+(?:${alternation(lex.regionCountNouns)})\\s+(?:di|se-?)\\s*)?$`,
      'iu',
    ),
    compassAfter: new RegExp(`^\\s*(?:${alternation(g.compassWords)})(?![\\p{L}])`, 'iu'),
    boilerplate: new RegExp(`^\\s*(?:${alternation(lex.boilerplateLines)})`, 'iu'),
  };
}

/** The patterns and, for those that open with a known word after no letter, their prefix scanners (src/extract/lexicon.ts). */
function buildScanned() {
  const g = lexicon().gates;
  const p = buildPatterns();
  return {
    ...p,
    localScan: prefixScanner(p.localRe, g.localUnits.filter((w) => !g.branchUnits.includes(w))),
    islandScan: prefixScanner(p.islandRe, g.islands),
    // Case-sensitive, but its island words match in either case, after no letter: what the scanner needs.
    pulauScan: prefixScanner(p.pulauRe, g.islandWords),
  };
}

export const unitGate: Gate = {
  name: 'unit',
  description: 'Figures for a desa, kecamatan, puskesmas, hospital, a BPJS branch area, a multi-province area or an island are no region of the gazetteer.',
  prepare(doc: Doc, found: Found) {
    const g = lexicon().gates;
    const text = doc.text;
    const regions = found.region.filter((r) => r.role === 'subject');
    const subjects: Subject[] = regions.map((r) => ({ start: r.start, end: r.end, unit: null, word: text.slice(r.start, r.end) }));
    const allRegions = found.region;
    const overlapsRegion = (s: number, e: number) => {
      // Mentions are sorted and never overlap one another: only the one before `s` and those from `s` on can touch.
      const i = lowerBound(allRegions, s);
      return (i > 0 && allRegions[i - 1]!.end > s) || (i < allRegions.length && allRegions[i]!.start < e);
    };
    patterns ??= buildScanned();
    const { localRe, nameEnd, typedBefore, pulauRe, islandRe, localScan, islandScan, pulauScan, placeBefore, servesRe, compassAfter, boilerplate } = patterns;
    const names = new Set<string>();
    for (const m of scanAll(localRe, text, localScan)) {
      if (overlapsRegion(m.index!, m.index! + m[1]!.length)) continue;
      const own = m[2]!.replace(nameEnd, '');
      const end = m.index! + m[0].length - (m[2]!.length - own.length);
      subjects.push({ start: m.index!, end, unit: 'local', word: m[1]!.toLowerCase() });
      names.add(own);
    }
    // The same names, bare, later: "untuk Rensing Bat memiliki jumlah penduduk 1.532".
    if (names.size) {
      const bare = new RegExp(`(?<![\\p{L}])(?:${[...names].map(escapeRegex).join('|')})(?![\\p{L}])`, 'gu');
      const taken = new Set(subjects.filter((x) => x.unit === 'local').map((x) => x.start));
      for (const m of text.matchAll(bare)) {
        const s = m.index!;
        const before = text.slice(Math.max(0, s - 16), s);
        if (taken.has(s) || typedBefore.test(before) || overlapsRegion(s, s + m[0].length)) continue;
        subjects.push({ start: s, end: s + m[0].length, unit: 'local', word: 'desa/unit name' });
      }
    }
    // Branch areas as the place of a figure: "di wilayah kerja BPJS Ungaran", "di wilayah kerjanya".
    // The branch words are rare, the place words common: find the first, then look just before each.
    const branchHits = hitsOf(text, g.branchUnits);
    for (const h of branchHits) {
      if (!placeBefore.test(text.slice(Math.max(0, h.start - BRANCH_SUBJECT_REACH - 24), h.start))) continue;
      // "Kabupaten Samosir, yang masuk wilayah kerja cabang lain, tercatat …": the region's membership, not the figure's place.
      if (MEMBER_OF.test(text.slice(Math.max(0, h.start - BRANCH_SUBJECT_REACH - 24), h.start))) continue;
      subjects.push({ start: h.start, end: h.end, unit: 'branch', word: h.word });
    }
    const regionSubject = new Map(subjects.filter((x) => x.unit === null).map((x) => [x.start, x]));
    // A branch and the regions it serves: "Kantor Cabang Madiun yang membawahi Kota Madiun, Kabupaten Madiun, … mencatat
    // 2,1 juta peserta" — those regions together are the branch's area, none of them owns its figures.
    for (const h of branchHits) {
      // The branch's own name follows its word ("Kantor Cabang Madiun"), then the verb, then the regions.
      let i = lowerBound(allRegions, h.end);
      const own = allRegions[i];
      if (own && /^\s*$/.test(text.slice(h.end, own.start))) i++;
      const first = allRegions[i];
      const from = i > 0 && allRegions[i - 1]!.start >= h.end ? allRegions[i - 1]!.end : h.end;
      if (!first || !servesRe.test(text.slice(from, first.start))) continue;
      for (let j = i; j < allRegions.length; j++) {
        const x = regionSubject.get(allRegions[j]!.start) ?? null;
        if (x) [x.unit, x.word] = ['area', `${h.word} area`];
        const next = allRegions[j + 1];
        if (!next || !/^\s*(?:,|,?\s*dan|,?\s*serta)\s*$/iu.test(text.slice(allRegions[j]!.end, next.start))) break;
      }
    }
    // Areas over several provinces: "wilayah Jawa Tengah–DIY", "Jateng dan DIY", "Bali, NTB dan NTT".
    // Any role: "Jawa Timur–Bali" may look like a dateline ("KOTA –") to the region extractor.
    // A branch-named province opens such an area too: "Kedeputian Wilayah Jawa Tengah dan DIY".
    const provs = found.region.filter((r) => r.region.level === 'provinsi');
    for (let i = 0; i + 1 < provs.length; i++) {
      let j = i;
      while (j + 1 < provs.length && /^\s*(?:[–—\-/&,]|,?\s*(?:dan|serta))\s*$/iu.test(text.slice(provs[j]!.end, provs[j + 1]!.start))) j++;
      if (j === i) continue;
      const a = provs[i]!;
      const z = provs[j]!;
      const each = /^\s*(?:masing-masing|secara berturut-turut|berturut-turut)/iu.test(text.slice(z.end, z.end + 30));
      // Any provinces named together own no figure: a sum over named regions, or a BPJS area ("Jateng dan DIY").
      if (!each) {
        for (let k = i; k <= j; k++) {
          const sub = regionSubject.get(provs[k]!.start);
          if (sub) sub.unit = 'area';
        }
        const sub = regionSubject.get(a.start);
        if (sub) sub.word = text.slice(a.start, z.end);
      }
      i = j;
    }
    // Islands and multi-province names: "Pulau Lombok", "Sumatera" (not "Sumatera Utara", which is a region).
    // "Pulau Sumbawa", "Pulau Nias": the island, even when a kabupaten bears its name.
    for (const m of scanAll(pulauRe, text, pulauScan)) {
      const s = m.index!;
      const e = s + m[0].length;
      // "Kepulauan Nias" is the archipelago, not Kabupaten Nias; "Kepulauan Riau", "Kabupaten Kepulauan Sula", "Pulau Morotai"
      // are regions whose own name holds the island word (their mention covers it).
      const at = lowerBound(allRegions, s + 1) - 1;
      if (at >= 0 && allRegions[at]!.start <= s && allRegions[at]!.end > s) continue;
      let marked = false;
      for (let i = lowerBound(allRegions, s); i < allRegions.length && allRegions[i]!.start < e; i++) {
        const x = regionSubject.get(allRegions[i]!.start);
        if (x && x.unit === null) [x.unit, x.word, marked] = ['island', m[0], true];
      }
      if (!marked) subjects.push({ start: s, end: e, unit: 'island', word: m[0] });
    }
    for (const m of scanAll(islandRe, text, islandScan)) {
      const s = m.index!;
      const e = s + m[0].length;
      // "Sumatra Utara" spelt as the gazetteer does not: a province, not the island.
      // "Jawa Pos", "Sumatera Ekspres": a capitalised word after it makes it part of a name (a newspaper, a company).
      if (!UPPER.test(text[s]!) || overlapsRegion(s, e) || compassAfter.test(text.slice(e, e + 12)) || CAPITAL_AFTER.test(text.slice(e, e + 3))) continue;
      subjects.push({ start: s, end: e, unit: 'island', word: m[0] });
    }
    subjects.sort((a, b) => a.start - b.start);
    const areaRegion = new Set(subjects.filter((x) => x.unit === 'area').map((x) => x.start));

    return (f: GateFigure) => {
      const grp = f.group ?? f;
      const s = doc.sentenceAt(f.start);
      // … unless a later sentence gives them one each: "… meliputi A, B dan C. Di tiga daerah itu, keaktifan masing-masing …".
      if (f.region && areaRegion.has(f.region.start)) return f.region.end <= s.start && EACH_GIVEN.test(text.slice(s.start, s.end)) ? null : block(f.region, 'area');
      // Before it in its sentence; after it in its sentence ("Sebanyak 2.363 jiwa di Desa Obel Obel telah terdaftar"); earlier in
      // its paragraph; the paragraph before.
      let subj = lastInside(subjects, s.start, grp.start) ?? firstInside(subjects, grp.end, s.end);
      if (!subj) {
        const para = doc.paragraphs[s.paragraph]!;
        subj = lastInside(subjects, para.start, s.start);
        if (!subj) {
          // The paragraph before, for a BPJS area or a local unit it spoke of ("… di wilayah kerjanya baru mencapai 83 persen."
          // then "Dari total penduduk sebanyak 40,9 juta jiwa …") — not an island of a "Baca juga" line.
          const prevPara = doc.paragraphs[s.paragraph - 1];
          const carried = prevPara && !boilerplate.test(text.slice(prevPara.start, prevPara.end)) ? lastInside(subjects, prevPara.start, prevPara.end) : undefined;
          subj = carried && carried.unit !== 'island' ? carried : undefined;
        }
      }
      if (!subj) return null;
      subj = appositionHead(subj, s.start);
      if (subj.unit) return block(subj, subj.unit);
      // A region right after a unit, as its address: "Desa Rensing Bat, Kecamatan Sakra, Lombok Timur, penduduknya …".
      let cur = subj;
      for (let guard = 0; guard < 4; guard++) {
        const prev = lastInside(subjects, Math.max(s.start, cur.start - 60), cur.start);
        if (!prev || !/^\s*,?\s*(?:di\s+)?$/iu.test(text.slice(prev.end, cur.start))) return null;
        if (prev.unit === 'local') return block(prev, 'local');
        // "di wilayah Kedeputian Jawa Barat": the region names the BPJS area, it is not the province.
        if (prev.unit === 'branch' && /^\s*$/.test(text.slice(prev.end, cur.start))) return block(prev, 'branch');
        cur = prev;
      }
      return null;
    };

    /** The head of an apposition the subject stands in (inApposition): "Di Pulau Bacan, sebagai pusat pemerintahan Halsel, cakupan …" is the island's figure. */
    function appositionHead(x: Subject, from: number): Subject {
      const head = lastInside(subjects, from, x.start);
      return head && inApposition(text, head, x) ? head : x;
    }

    function block(x: Span & { word?: string }, kind: UnitKind | 'area') {
      return { gate: 'unit' as const, reason: 'gate:unit' as const, word: `${kind}: ${x.word ?? text.slice(x.start, x.end)}`, start: x.start, end: x.end };
    }
  },
  examples: [
    { text: 'Desa Sukamaju, Kecamatan Cibeber, Kabupaten Cianjur, penduduknya 3.120 jiwa dan yang sudah terdaftar JKN 3.050 jiwa atau 97,76 persen.', none: 'a desa is no region of the gazetteer, even with its kabupaten as address' },
    { text: 'Di Kelurahan Panggang, Kota Semarang, cakupan kepesertaan JKN mencapai 99,1 persen.', none: 'a kelurahan figure is not the kota figure' },
    { text: 'Puskesmas Sakra melayani 24.300 peserta JKN dari Kabupaten Lombok Timur.', none: 'the participants of a puskesmas are not the kabupaten enrolment' },
    { text: 'Peserta JKN di wilayah kerja BPJS Kesehatan Cabang Ungaran telah mencapai 2.336.816 jiwa.', none: 'a BPJS branch area is no region' },
    { text: 'Cakupan kepesertaan JKN di Kepulauan Mentawai dan Kepulauan Nias rata-rata sudah 96 persen.', none: 'an archipelago ("Kepulauan Nias") is no kabupaten, and an average over two places is no region\'s' },
    { text: 'Cakupan JKN Kepulauan Banggai Capai 97,4 Persen', none: 'an archipelago named as such is not the kabupaten of the same name (Kabupaten Banggai)' },
    { text: 'Per Juni 2025, cakupan kepesertaan JKN di Kepulauan Selayar mencapai 98,2 persen.', facts: [{ region: 'Kabupaten Kepulauan Selayar', metric: 'coverage_pct', value: 98.2 }] },
    { text: 'Cakupan kepesertaan JKN Provinsi Kepulauan Bangka Belitung mencapai 99,1 persen.', facts: [{ region: 'Provinsi Kepulauan Bangka Belitung', metric: 'coverage_pct', value: 99.1 }] },
    { text: 'Cakupan kepesertaan JKN di Pulau Madura baru 94,2 persen.', none: 'an island is no region' },
    { text: 'Hingga Mei 2025, cakupan kepesertaan JKN di Kabupaten Pulau Morotai tercatat 97,5 persen.', facts: [{ region: 'Kabupaten Pulau Morotai', metric: 'coverage_pct', value: 97.5 }] },
    {
      text: 'Kantor Cabang Sibolga membawahi Kota Sibolga, Kabupaten Tapanuli Tengah dan Kabupaten Nias. Di tiga daerah itu, cakupan kepesertaan masing-masing 99,1 persen, 97,6 persen dan 95,2 persen.',
      facts: [
        { region: 'Kota Sibolga', metric: 'coverage_pct', value: 99.1 },
        { region: 'Kabupaten Tapanuli Tengah', metric: 'coverage_pct', value: 97.6 },
        { region: 'Kabupaten Nias', metric: 'coverage_pct', value: 95.2 },
      ],
    },
    {
      text: 'Kantor Cabang Sibolga membawahi Kota Sibolga, Kabupaten Tapanuli Tengah dan Kabupaten Nias. Di tiga daerah itu, jumlah peserta mencapai 612.400 jiwa.',
      none: 'the total of the regions a branch serves (definition rule 4), not one of theirs',
    },
    { text: 'Per 30 April 2025, cakupan JKN di wilayah Jawa Timur–Bali telah mencapai 98,1 persen.', none: 'an area over two provinces is no single region' },
    { text: 'Kepesertaan JKN untuk wilayah Sulut, Gorontalo dan Malut mencapai 6,1 juta jiwa.', none: 'a BPJS area over three provinces' },
    { text: 'Cakupan kepesertaan JKN di Pulau Lombok sudah mencapai 96,3 persen.', none: 'an island is no region' },
    { text: 'Kelurahan Banjarejo di Kota Madiun mencatat 98 persen warganya terdaftar JKN.', none: 'a kelurahan figure, its kota as address' },
    { text: 'Di wilayah Kedeputian Jawa Barat, cakupan kepesertaan mencapai 96,5 persen.', none: 'a BPJS deputy area named after a province is not the province' },
    { text: 'Di tingkat Kedeputian Wilayah Sumatera Selatan dan Bengkulu, cakupan kepesertaan sudah 97,9 persen dengan keaktifan 78,2 persen.', none: 'a BPJS deputy area over two provinces is neither of them' },
    { text: 'Sebanyak 2.363 jiwa di Desa Obel Obel, Lombok Timur, telah terdaftar JKN.', none: 'the desa named after the figure is its subject' },
    {
      text: 'Dua desa itu adalah Desa Sukamulia Kecamatan Sakra dan Desa Pringgabaya Kecamatan Sambelia. Untuk Sukamulia, jumlah penduduknya 2.410 jiwa dan yang terdaftar 2.350 jiwa.',
      none: 'a desa named bare after it was introduced ("Desa Sukamulia Kecamatan Sakra": the name stops at "Kecamatan")',
    },
    {
      text: 'Kantor Cabang Madiun yang membawahi Kota Madiun, Kabupaten Madiun, Magetan, Ngawi dan Ponorogo mencatat 2,1 juta peserta.',
      none: 'a branch total over the regions it serves',
    },
    { text: 'Kantor Cabang Sintang yang membawahi lima kabupaten di Kalimantan Barat mencatat 1.102.400 peserta JKN.', none: 'a branch total over a count of kabupaten in a province: not the province\'s' },
    { text: 'BPJS Kesehatan Cabang Merauke, yang wilayah kerjanya meliputi empat kabupaten di Papua Selatan, mencatat 598.300 peserta.', none: 'the branch\'s area, named as its kabupaten in a province' },
    {
      text: 'BPJS Kesehatan Kedeputian Wilayah VII yang meliputi Kabupaten Sidoarjo, Kota Surabaya dan Kabupaten Gresik mencatat 5,2 juta peserta.',
      none: 'a deputy area over the regions it serves',
    },
    { text: 'Di Pulau Sumbawa, kepesertaan JKN sudah mencapai 95,4 persen.', none: 'the island of Sumbawa is not Kabupaten Sumbawa' },
    { text: 'Di Pulau Samosir, yang seluruhnya masuk Kabupaten Samosir, cakupan JKN sudah 97,8 persen.', none: 'the island heads the apposition that names the kabupaten: the figure is the island\'s' },
    { text: 'Di Pulau Muna, tempat Kabupaten Muna Barat berada, kepesertaan JKN baru 94,1 persen.', none: 'an island, then an apposition naming a kabupaten on it' },
    {
      text: 'Kabupaten Lombok Utara, di ujung utara Pulau Lombok, mencatat cakupan 98,6 persen.',
      facts: [{ region: 'Kabupaten Lombok Utara', metric: 'coverage_pct', value: 98.6 }],
    },
    {
      text: 'Kota Bima, pintu gerbang Pulau Sumbawa, sudah mencapai cakupan 99,4 persen.',
      facts: [{ region: 'Kota Bima', metric: 'coverage_pct', value: 99.4 }],
    },
    { text: 'Secara keseluruhan kepesertaan JKN se-Kalimantan baru 94,1 persen.', none: 'an island over several provinces' },
    {
      text: 'Seperti dikutip Jawa Pos Radar Madiun, Senin. Cakupan kepesertaan JKN di kota itu mencapai 99,3 persen, kata Wali Kota Madiun.',
      facts: [{ region: 'Kota Madiun', metric: 'coverage_pct', value: 99.3 }],
    },
    {
      text: 'Cakupan kepesertaan JKN di Sumatra Utara mencapai 95,2 persen.',
      gap: 'the gazetteer does not know the spelling "Sumatra Utara"; the island gate must not be what blocks it',
      facts: [{ region: 'Provinsi Sumatera Utara', metric: 'coverage_pct', value: 95.2 }],
    },
    {
      text: 'Kepala BPJS Kesehatan Cabang Ende menyatakan cakupan kepesertaan JKN di Kabupaten Manggarai Barat mencapai 99,49 persen.',
      facts: [{ region: 'Kabupaten Manggarai Barat', metric: 'coverage_pct', value: 99.49 }],
    },
    {
      text: 'Dua desa meraih penghargaan. Secara keseluruhan di Kabupaten Lombok Timur baru mencapai 89,91 persen dari 1.392.099 jiwa penduduk.',
      facts: [
        { region: 'Kabupaten Lombok Timur', metric: 'coverage_pct', value: 89.91 },
        { region: 'Kabupaten Lombok Timur', metric: 'population', value: 1392099 },
      ],
    },
  ],
};
