/**
 * Regions, through the gazetteer: typed names ("Kabupaten Banjar", "Kab. Banjar", "Pemkab Batara",
 * "Pemkot Balikpapan", "Pemprov Kalsel", "Bupati Gorontalo"), bare names ("Kayong Utara", "Sulawesi Tengah"),
 * press aliases ("HST", "Kalbar", "SBB"), and "Indonesia". Each mention says its role: the subject of a
 * figure, or a BPJS branch office ("Cabang Pontianak"), a dateline ("Palu (ANTARA) -"), a place of speech
 * ("di Manado, Senin") — which never own a figure.
 */
import { alternation, endsLikeOneOf, lexicon } from '../src/extract/lexicon.ts';
import { foldName, loadGazetteer, type RegionEntry } from '../src/normalize/regions.ts';
import type { Extractor, RegionMention, RegionRole } from '../src/extract/types.ts';

interface Entry {
  region: RegionEntry;
  via: 'name' | 'alias' | 'alias-unverified';
  ambiguous: boolean;
}

interface Trie {
  next: Map<string, Trie>;
  entries: Entry[];
}

/**
 * The words of a text as `/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu` finds them (a run of letters and digits, then an
 * apostrophe and letters: "Jum'at"), read by a loop over the characters with their Unicode class looked up once per
 * character code: the regex was a third of this extractor's time. (`fold` is filled by `foldOf` when needed.)
 */
function wordsOf(text: string): { start: number; end: number; fold: string }[] {
  const words: { start: number; end: number; fold: string }[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.codePointAt(i)!;
    if (!(classOf(c) & LETTER_OR_DIGIT)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += c > 0xffff ? 2 : 1;
    for (let d; i < n && classOf((d = text.codePointAt(i)!)) & LETTER_OR_DIGIT; ) i += d > 0xffff ? 2 : 1;
    const q = text.charCodeAt(i);
    if (q === 0x27 || q === 0x2019) {
      let j = i + 1;
      for (let d; j < n && classOf((d = text.codePointAt(j)!)) & LETTER; ) j += d > 0xffff ? 2 : 1;
      if (j > i + 1) i = j;
    }
    words.push({ start, end: i, fold: '' });
  }
  return words;
}

/** A word's lower case, made when the trie first asks for it (most words start no gazetteer name). */
function foldOf(text: string, w: { start: number; end: number; fold: string }): string {
  return (w.fold ||= text.slice(w.start, w.end).toLowerCase());
}

/**
 * The trie's first words spelled out character by character, for a walk over a word's characters (ASCII letters
 * read in lower case) that finds the node the word starts with no lower-cased copy of the word and no string hash
 * (most words start no name, and the map lookup was this extractor's hottest line). Exact: an ASCII character's lower
 * case is its ASCII lower case, so a word whose characters are all ASCII folds to the string walked; the walk fails
 * only where no first word goes on with that character, at a position where every first word is still ASCII (a first
 * word's path stops before its first non-ASCII character). At a word's first non-ASCII character the word is looked
 * up as before, through its lower case (which may be ASCII again: the Kelvin sign's is "k").
 */
interface FirstWords {
  /** A symbol (1 + its index) per folded ASCII code that some first word's path holds; 0 for none. */
  symbolOf: Uint8Array;
  symbols: number;
  /** `next[state * symbols + symbol - 1]`: the next state (0: none; state 0 is the start). */
  next: Int32Array;
  /** The trie node of the first word that ends at a state. */
  nodeAt: (Trie | undefined)[];
}

function firstWords(root: Trie): FirstWords {
  const paths = [...root.next.keys()].map((k) => {
    const ascii = /^[\x00-\x7f]*/.exec(k)![0];
    // Keys are lower case (foldName); one that were not could not be reached, by the walk nor by the lookup.
    return { key: k, path: ascii, whole: ascii.length === k.length };
  });
  const symbolOf = new Uint8Array(128);
  let symbols = 0;
  for (const { path } of paths) for (let i = 0; i < path.length; i++) symbolOf[path.charCodeAt(i)] ||= ++symbols;
  const rows: Int32Array[] = [new Int32Array(symbols)];
  const nodeAt: (Trie | undefined)[] = [undefined];
  for (const { key, path, whole } of paths) {
    let state = 0;
    for (let i = 0; i < path.length; i++) {
      const sym = symbolOf[path.charCodeAt(i)]! - 1;
      if (!rows[state]![sym]) {
        rows[state]![sym] = rows.length;
        rows.push(new Int32Array(symbols));
        nodeAt.push(undefined);
      }
      state = rows[state]![sym]!;
    }
    if (whole && path.length) nodeAt[state] = root.next.get(key);
  }
  const next = new Int32Array(rows.length * symbols);
  rows.forEach((row, state) => next.set(row, state * symbols));
  return { symbolOf, symbols, next, nodeAt };
}

/** The trie node a word starts (its first word's), or undefined: through `firstWords`, exactly `root.next.get(fold)`. */
function firstNode(text: string, w: { start: number; end: number; fold: string }, root: Trie, fw: FirstWords): Trie | undefined {
  let state = 0;
  for (let k = w.start; k < w.end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return root.next.get(foldOf(text, w));
    const sym = fw.symbolOf[asciiLower(c)]!;
    if (!sym) return undefined;
    state = fw.next[state * fw.symbols + sym - 1]!;
    if (!state) return undefined;
  }
  return fw.nodeAt[state];
}

const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

const LETTER = 1;
const LETTER_OR_DIGIT = 3;
const IS_LETTER = /^\p{L}$/u;
const IS_DIGIT = /^\p{N}$/u;
/** Per UTF-16 code below 0x10000: 0 not looked up yet, else 4 + LETTER (1) or DIGIT (2) bits. */
const classes = new Uint8Array(0x10000);
function classOf(cp: number): number {
  if (cp < 0x10000) {
    let k = classes[cp]!;
    if (k === 0) classes[cp] = k = 4 | lookUp(cp);
    return k & 3;
  }
  return lookUp(cp);
}
function lookUp(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return IS_LETTER.test(ch) ? LETTER : IS_DIGIT.test(ch) ? 2 : 0;
}

let built: ReturnType<typeof build> | null = null;

function build() {
  const g = loadGazetteer();
  const lex = lexicon();
  const root: Trie = { next: new Map(), entries: [] };
  const add = (phrase: string, e: Entry) => {
    let node = root;
    for (const w of foldName(phrase).split(' ')) {
      if (!node.next.has(w)) node.next.set(w, { next: new Map(), entries: [] });
      node = node.next.get(w)!;
    }
    if (!node.entries.some((x) => x.region === e.region)) node.entries.push(e);
  };
  for (const r of g.regions) {
    add(r.bare, { region: r, via: 'name', ambiguous: false });
    const official = r.bare.replace(/\bKep\.? /, 'Kepulauan ');
    if (official !== r.bare) add(official, { region: r, via: 'name', ambiguous: false });
  }
  for (const a of g.aliases) add(a.alias, { region: g.byCode.get(a.code)!, via: a.verified ? 'alias' : 'alias-unverified', ambiguous: a.ambiguous });
  const prefix = (words: string[]) => new RegExp(`(?:^|[^\\p{L}])(${alternation(words)})\\s*$`, 'iu');
  const weekday = alternation(lex.weekdays);
  // Exact pre-tests of the end-anchored patterns below on the 40 characters before a name: the last letter must end one
  // of their words (most candidates fail it, and the patterns scan all 40 positions).
  const always = () => true;
  const ends = (words: readonly string[], closers = '') => endsLikeOneOf(words, closers) ?? always;
  const may = {
    kabupaten: ends(lex.regionPrefixes.kabupaten),
    kota: ends(lex.regionPrefixes.kota),
    provinsi: ends(lex.regionPrefixes.provinsi),
    branch: ends(lex.branchPrefixes, ')'),
    waterBody: ends(lex.waterBodyWords),
    eventAt: ends(['di']),
    ambiguousOk: ends(['di', 'ke', 'dari', 'penduduk', 'warga', 'wilayah', 'daerah']),
    listItemBefore: ends([',', ';', 'dan', 'serta']),
  };
  return {
    root,
    may,
    first: firstWords(root),
    typed: {
      kabupaten: prefix(lex.regionPrefixes.kabupaten),
      kota: prefix(lex.regionPrefixes.kota),
      provinsi: prefix(lex.regionPrefixes.provinsi),
    },
    branch: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(lex.branchPrefixes)})\\s*(?:\\(\\p{Lu}+\\)\\s*)?$`, 'iu'),
    location: new RegExp(`^\\s*,\\s*(?:${weekday})\\b`, 'iu'),
    // A sea, strait or lake named for a region ("Selat Malaka", "Laut Natuna", "Danau Toba") is a place, not the region.
    waterBody: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(lex.waterBodyWords)})\\s+$`, 'iu'),
    notRegion: new RegExp(`(?:${alternation(lex.notRegionPhrases)})`, 'giu'),
    ambiguousOk: /(?:^|[^\p{L}])(?:di|ke|dari|penduduk|warga|wilayah|daerah)\s+$/iu,
    // A list item: after a figure and a comma or "dan" ("89,09 persen, indramayu"), right before its own figure.
    listItemBefore: new RegExp(`\\d\\s*(?:${alternation(lex.percentSigns)})?\\s*(?:,|;|,?\\s+dan|,?\\s+serta)\\s+$`, 'iu'),
    figureAfter: /^\s+\d[\d.,]*\s*(?:%|persen)/iu,
    // Capitalised, as a name's next word: "Jakarta International Expo" (not "Jakarta, hotel …").
    venueAfter: new RegExp(`^\\s+(?:${alternation(lex.venueWordsAfter.map((w) => w.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase())))})(?![\\p{L}])`, 'u'),
  };
}

/** An event's verb and "di" right before a name: the name is the venue ("diserahkan di Jakarta", "digelar di Surabaya"). */
const EVENT_AT = /(?:^|[^\p{L}])(?:diserahkan|digelar|diselenggarakan|berlangsung|dilaksanakan|diadakan|bertempat)\s+di\s+$/iu;

// Patterns with a Unicode property outside a bracket are hoisted: the TypeScript transform turns such a literal into a
// `new RegExp` evaluated at every call.
const DATELINE_SEPARATOR = /^.{0,60}?(?:\(ANTARA\)\s*[-–—]|[-–—|](?=\s*\p{Lu})|\s[-–—]\s)/su;
const DATELINE_SEPARATORS = /\(ANTARA\)\s*[-–—]|\s?[-–—|]\s?(?=\s*\p{Lu})/gu;
const DASH_OR_BAR = /[-–—|]/;
const SITE_DATELINE = /^([\p{L} ]{2,30}),\s*[\p{L}]+\.(?:com|id|co\.id|net)/iu;
const LIST_LINE_AFTER = /^\s*(?:\d|\p{Ll}[^.!?]{0,30}?\d)/u;
const UPPER = /\p{Lu}/u;

/** Where the dateline of a paragraph ends ("Palu (ANTARA) -", "KAYANTARA.COM, TANJUNG SELOR –"), or -1. */
function datelineEnd(text: string, paraStart: number, paraEnd: number): number {
  const head = text.slice(paraStart, Math.min(paraEnd, paraStart + 70));
  // Every separator holds a dash or a bar: a head without one (most paragraphs) has none, and the pattern is not run.
  const m = DASH_OR_BAR.test(head) ? DATELINE_SEPARATOR.exec(head) : null;
  // A line of a list or table names its region before a dash, then figures or a metric word: "Kota Sorong — cakupan 99,1
  // persen", "Kabupaten Sikka: 320.114 – 99,2%". That is no dateline.
  if (m && LIST_LINE_AFTER.test(head.slice(m[0].length))) return -1;
  if (m) {
    // The last separator inside the head: "GM – Kota Gorontalo – Hingga …".
    const all = [...head.slice(0, 62).matchAll(DATELINE_SEPARATORS)];
    const last = all.at(-1);
    return paraStart + (last ? last.index! + last[0].length : m[0].length);
  }
  // The site's name is the head up to its first comma, 2 to 30 characters in (letters and spaces hold none).
  const comma = head.indexOf(',');
  const site = comma >= 2 && comma <= 30 ? SITE_DATELINE.exec(head) : null;
  return site ? paraStart + site[1]!.length : -1;
}

export const regions: Extractor<'region'> = {
  name: 'regions',
  kind: 'region',
  description: 'Province, kabupaten and kota names, typed or bare, and press aliases, resolved through the gazetteer.',
  find(doc) {
    built ??= build();
    const { root, may, first, typed, branch, location, waterBody, notRegion, ambiguousOk, venueAfter, listItemBefore, figureAfter } = built;
    const text = doc.text;
    const words = wordsOf(text);
    const blocked: [number, number][] = [];
    // Phrases that hold a region's name without naming the region: "Kartu Indonesia Sehat", "dari Sabang sampai Merauke".
    notRegion.lastIndex = 0;
    for (let m; (m = notRegion.exec(text)); ) blocked.push([m.index, m.index + m[0].length]);

    const out: RegionMention[] = [];
    // A paragraph's dateline end, found when a mention there first asks (most paragraphs have no mention that does).
    const datelines: (number | undefined)[] = [];
    let bi = 0;
    for (let i = 0; i < words.length; i++) {
      let node = firstNode(text, words[i]!, root, first);
      if (!node) continue;
      // Longest gazetteer phrase starting at word i.
      let best: { j: number; entries: Entry[] } | null = null;
      for (let j = i; j < words.length && node; j++) {
        if (j > i) node = node.next.get(foldOf(text, words[j]!));
        if (node?.entries.length) best = { j, entries: node.entries };
        if (j > i && text.slice(words[j - 1]!.end, words[j]!.start).trim() !== '') break; // no punctuation inside a name
      }
      if (!best) continue;
      const start = words[i]!.start;
      const end = words[best.j]!.end;
      const before = text.slice(Math.max(0, start - 40), start);
      let entries = best.entries;
      let mentionStart = start;
      let via: RegionMention['via'] | null = null;
      for (const level of ['provinsi', 'kabupaten', 'kota'] as const) {
        const t = may[level](before) ? typed[level].exec(before) : null;
        if (!t) continue;
        const ofLevel = entries.filter((e) => e.region.level === level);
        if (ofLevel.length) {
          entries = ofLevel;
          mentionStart = start - (before.length - before.lastIndexOf(t[1]!));
          via = 'typed';
          break;
        }
      }
      if (!via) {
        // Bare names and aliases are proper nouns: "penduduk sula" is not a mention.
        // Except as an item of a list of figures, typed in haste: "Garut 89,09 persen, indramayu 90,14 persen".
        if (!UPPER.test(text[start]!) && !(may.listItemBefore(before) && listItemBefore.test(before) && figureAfter.test(text.slice(end, end + 16)))) continue;
        const nonAmbiguous = entries.filter((e) => !e.ambiguous);
        if (!nonAmbiguous.length && !(may.ambiguousOk(before) && ambiguousOk.test(before))) continue;
        if (nonAmbiguous.length) entries = nonAmbiguous;
        // Mentions come in text order: skip the blocked phrases that end before this one (linear over the text).
        while (bi < blocked.length && blocked[bi]![1] <= start) bi++;
        if (bi < blocked.length && blocked[bi]![0] <= start && end <= blocked[bi]![1]) continue;
        // "Jakarta International Expo", "Surabaya Town Square": a venue named after the city, not the city; "Malang Raya",
        // "Bolaang Mongondow Raya": the greater area around it (several regions), not the region.
        if (venueAfter.test(text.slice(end, end + 24))) continue;
        via = entries[0]!.via;
        // A bare name that is also a province is the province ("Gorontalo", "Bengkulu").
        entries = [...entries].sort((a, b) => rank(a.region) - rank(b.region));
      }
      // "(PPU)" right after the full name is the same mention.
      const prev = out.at(-1);
      if (prev && text[start - 1] === '(' && prev.end >= start - 2 && entries.some((e) => e.region === prev.region)) {
        i = best.j;
        continue;
      }
      let role: RegionRole = 'subject';
      if (may.branch(before) && branch.test(before)) role = 'branch';
      else if (location.test(text.slice(end, end + 12)) && /\bdi\s+$/i.test(before)) role = 'location';
      // Where an event took place: "UHC Awards 2025 yang diserahkan di Jakarta, Kabupaten Bone …".
      else if (may.eventAt(before) && EVENT_AT.test(before)) role = 'location';
      else if (may.waterBody(before) && waterBody.test(before)) role = 'location';
      else {
        const pi = doc.sentenceAt(start).paragraph;
        const p = doc.paragraphs[pi];
        const d = p ? (datelines[pi] ??= datelineEnd(text, p.start, p.end)) : -1;
        if (d > 0 && end <= d) role = 'dateline';
      }
      out.push({
        kind: 'region',
        start: mentionStart,
        end,
        region: entries[0]!.region,
        alternatives: entries.slice(1).map((e) => e.region),
        via,
        role,
      });
      i = best.j;
    }
    return out;
  },
  valueOf: (m) => ({ code: m.region.code, role: m.role }),
  examples: [
    { text: 'Kabupaten Banjar mendapatkan predikat', span: 'Kabupaten Banjar', value: { code: '63.03', role: 'subject' } },
    { text: 'kerja sama dengan Pemerintah Kota Banjar', span: 'Pemerintah Kota Banjar', value: { code: '32.79', role: 'subject' } },
    { text: 'Kab. Banjar meraih UHC', span: 'Kab. Banjar', value: { code: '63.03', role: 'subject' } },
    { text: 'antara Pemkab Batara dan BPJS Kesehatan', span: 'Pemkab Batara', value: { code: '62.05', role: 'subject' } },
    { text: 'Pemkot Balikpapan terima penghargaan', span: 'Pemkot Balikpapan', value: { code: '64.71', role: 'subject' } },
    { text: 'Gubernur Kalsel menyerahkan', span: 'Gubernur Kalsel', value: { code: '63', role: 'subject' } },
    { text: 'Pemprov Kaltim menganggarkan', span: 'Pemprov Kaltim', value: { code: '64', role: 'subject' } },
    { text: '98,8% penduduk HST—sekitar', span: 'HST', value: { code: '63.07', role: 'subject' } },
    { text: 'Kabupaten Hulu Sungai Tengah (HST) baru saja meraih', span: 'Kabupaten Hulu Sungai Tengah', value: { code: '63.07', role: 'subject' } },
    { text: 'cakupan peserta JKN di PPU mencapai 96,77 persen', span: 'PPU', value: { code: '64.09', role: 'subject' } },
    { text: 'dari penduduk yang ada di Kalbar atau', span: 'Kalbar', value: { code: '61', role: 'subject' } },
    { text: 'Saat ini Kabupaten Kayong Utara merupakan kabupaten', span: 'Kabupaten Kayong Utara', value: { code: '61.11', role: 'subject' } },
    { text: 'disusul Majene 88,34 Persen', span: 'Majene', value: { code: '76.05', role: 'subject' } },
    { text: 'Kabupaten SBB 207.901 peserta', span: 'Kabupaten SBB', value: { code: '81.06', role: 'subject' } },
    { text: 'Seram Bagian Timur (SBT) 148.431 peserta', span: 'Seram Bagian Timur', value: { code: '81.05', role: 'subject' } },
    { text: 'Kabupaten Kepulauan Siau Tagulandang Biaro (SITARO), Kabupaten', span: 'Kabupaten Kepulauan Siau Tagulandang Biaro', value: { code: '71.09', role: 'subject' } },
    { text: 'diikuti Kabupaten Fakfak (103.935 jiwa)', span: 'Kabupaten Fakfak', value: { code: '92.03', role: 'subject' } },
    { text: 'jumlah penduduk Provinsi Sulut sekitar 2,6 juta', span: 'Provinsi Sulut', value: { code: '71', role: 'subject' } },
    { text: 'Cakupan kesehatan semesta di provinsi Gorontalo sampai', span: 'provinsi Gorontalo', value: { code: '75', role: 'subject' } },
    { text: 'Kota Gorontalo yang sudah UHC', span: 'Kota Gorontalo', value: { code: '75.71', role: 'subject' } },
    { text: 'Diterima Bupati Gorontalo, Sofyan Puhi', span: 'Bupati Gorontalo', value: { code: '75.01', role: 'subject' } },
    { text: 'Sementara di kabupaten Gorontalo Utara (Gorut) jumlah', span: 'kabupaten Gorontalo Utara', value: { code: '75.05', role: 'subject' } },
    { text: 'lebih dari 98% dari total penduduk Indonesia.', span: 'Indonesia', value: { code: '00', role: 'subject' } },
    { text: 'Kepala BPJS Kesehatan Cabang Palu HS Rumondang', span: 'Palu', value: { code: '72.71', role: 'branch' } },
    { text: 'wilayah kerja Kantor Cabang Utama (KCU) Manado BPJS Kesehatan', span: 'Manado', value: { code: '71.71', role: 'branch' } },
    { text: 'Palu (ANTARA) - Badan Penyelenggara Jaminan Sosial', span: 'Palu', value: { code: '72.71', role: 'dateline' } },
    { text: 'Kabupaten Sikka — cakupan 98,7 persen, keaktifan 80,4 persen', span: 'Kabupaten Sikka', value: { code: '53.07', role: 'subject' } },
    { text: 'Kota Kupang: 404.120 – 401.377 – 99,32%', span: 'Kota Kupang', value: { code: '53.71', role: 'subject' } },
    { text: 'Ende – Pemerintah Kabupaten Ende menambah 4.200 peserta', span: 'Ende', value: { code: '53.08', role: 'dateline' } },
    { text: 'KAYANTARA.COM, TANJUNG SELOR – Pemerintah Provinsi', span: 'TANJUNG SELOR', value: undefined, gap: 'Tanjung Selor is a town, not in the gazetteer' },
    { text: 'kata Deputi Direksi BPJS Kesehatan Wilayah 10 Octavianus Ramba di Manado, Senin.', span: 'Manado', value: { code: '71.71', role: 'location' } },
    { text: 'Penghargaan yang digelar di Surabaya itu diterima Bupati.', span: 'Surabaya', value: { code: '35.78', role: 'location' } },
    { text: 'Kapal nelayan dari Laut Natuna merapat pagi ini.', span: 'Natuna', value: { code: '21.03', role: 'location' } },
    { text: 'Kota di tepi Selat Bali itu terus menambah peserta.', span: 'Bali', value: { code: '51', role: 'location' } },
    { text: 'Wisata Danau Toba ramai pengunjung.', span: 'Toba', value: { code: '12.12', role: 'location' } },
    { text: 'Cakupan JKN Kabupaten Natuna naik.', span: 'Kabupaten Natuna', value: { code: '21.03', role: 'subject' } },
    { text: 'UHC awards yang di terima oleh ibu Bupati lepulauan Sula ini', span: 'Sula', value: { code: '82.05', role: 'subject' } },
    { text: 'program Jaminan Kesehatan Nasional Kartu Indonesia Sehat (JKN KIS)', none: '"Kartu Indonesia Sehat" is the card, not the country' },
    { text: 'pekerja penerima upah (PPU) sebanyak 379.393 peserta', none: 'PPU here is the participant segment Pekerja Penerima Upah' },
    { text: 'dengan presentase penduduk sula yang tercover', none: 'a lower-case bare name is not a proper noun' },
    { text: 'Kabupaten Garut 89,09 persen, indramayu 90,14 persen', span: 'indramayu', value: { code: '32.12', role: 'subject' } },
    { text: 'cakupan 95 persen, batu akik jadi cendera mata', none: 'a lower-case word after a figure is no list item without its own figure' },
    { text: 'kerja sama dengan mitra BPJS Kesehatan', none: '"mitra" (partner) is not Minahasa Tenggara' },
    { text: 'semua orang, dari Sabang sampai Merauke, memiliki kesempatan yang sama', none: 'a saying about the whole country, not Kota Sabang or Merauke' },
    { text: 'Provinsi Sulawesi Selatan', span: 'Provinsi Sulawesi Selatan', value: { code: '73', role: 'subject' } },
    { text: 'menerima penghargaan di Jakarta International Expo (JIEXPO) Kemayoran', none: 'a venue named after the city' },
    { text: 'acara digelar di Surabaya Convention Hall', none: 'a venue named after the city' },
    { text: 'warga Surabaya menonton di mall', span: 'Surabaya', value: { code: '35.78', role: 'subject' } },
    { text: 'cakupan JKN di kawasan Malang Raya mencapai 98 persen', none: 'the greater Malang area, several regions' },
  ],
};

function rank(r: RegionEntry): number {
  return r.level === 'provinsi' ? 0 : r.level === 'kabupaten' ? 1 : r.level === 'kota' ? 2 : 3;
}
