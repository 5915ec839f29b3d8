/**
 * The gazetteer: every province and kabupaten/kota of Indonesia (Kemendagri 2025 codes) plus the
 * country, with the names and aliases the press uses. Built from `data/regions/*.csv`, loaded once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Level, RegionRef } from '../types.ts';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** One region of the gazetteer. */
export interface RegionEntry {
  /** Kemendagri code: "63", "63.03"; "00" for Indonesia. */
  code: string;
  /** Canonical output name: "Provinsi Kalimantan Selatan", "Kabupaten Banjar", "Kota Banjar", "Indonesia". */
  name: string;
  level: Level;
  /** The name without its type word: "Kalimantan Selatan", "Banjar". */
  bare: string;
  provinceCode: string | null;
  population: number | null;
}

/** A press alias of a region ("HST", "Kalsel", "Batara"). */
export interface AliasEntry {
  alias: string;
  code: string;
  /** Confirmed in a dev article or a stored page; `unverified` ones get lower confidence. */
  verified: boolean;
  /** "AMBIGUOUS: …" aliases are also common words or other places: matched only with region context. */
  ambiguous: boolean;
  note: string;
}

export interface Gazetteer {
  regions: RegionEntry[];
  aliases: AliasEntry[];
  byCode: Map<string, RegionEntry>;
  /** Names, aliases and codes -> candidate regions (case-insensitive), best first. */
  resolve(query: string): RegionRef[];
}

export const INDONESIA: RegionEntry = {
  code: '00',
  name: 'Indonesia',
  level: 'nasional',
  bare: 'Indonesia',
  provinceCode: null,
  population: null,
};

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(DATA_DIR + file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}

export function toRef(r: RegionEntry): RegionRef {
  return { name: r.name, level: r.level, code: r.code };
}

/** Folds case, dots and spacing so "Kab. Banjar", "kabupaten  banjar" and "KABUPATEN BANJAR" meet. */
export function foldName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[.’']/g, ' ')
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let cached: Gazetteer | null = null;

/** Alias kinds that spell the whole name another way (not a short form or an abbreviation of it). */
const FULL_NAME_KINDS = new Set(['spelling_variant', 'new_name', 'old_name']);
const LEVEL_WORD: Record<Exclude<Level, 'nasional'>, string> = { provinsi: 'Provinsi', kabupaten: 'Kabupaten', kota: 'Kota' };

/** Loads the gazetteer from `data/regions/` (once per process). */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const display = new Map(readCsv('regions/display-names.csv').map((r) => [r.code!, r.name!]));
  const regions: RegionEntry[] = [INDONESIA];
  for (const p of readCsv('regions/provinces.csv')) {
    regions.push({
      code: p.code!,
      name: display.get(p.code!) ?? `Provinsi ${p.name}`,
      level: 'provinsi',
      bare: p.name!,
      provinceCode: p.code!,
      population: Number(p.population_2025) || null,
    });
  }
  for (const r of readCsv('regions/regencies.csv')) {
    const name = display.get(r.code!) ?? r.name!;
    regions.push({
      code: r.code!,
      name,
      level: r.type as Level,
      bare: name.replace(/^(Kabupaten|Kota)( Administrasi)? /, ''),
      provinceCode: r.province_code!,
      population: Number(r.population_2025) || null,
    });
  }
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const aliasRows = readCsv('regions/aliases.csv');
  const readKind = new Map(aliasRows.map((a) => [a.alias!, a.kind!]));
  const aliases: AliasEntry[] = aliasRows.map((a) => ({
    alias: a.alias!,
    code: a.code!,
    verified: a.evidence !== 'unverified',
    ambiguous: (a.ambiguity ?? '').startsWith('AMBIGUOUS'),
    note: a.ambiguity ?? '',
  }));
  for (const a of aliases) if (!byCode.has(a.code)) throw new Error(`data/regions/aliases.csv: alias ${a.alias} names unknown code ${a.code}`);

  // Folded lookup for resolve(): full names, bare names, official names, aliases.
  const index = new Map<string, RegionEntry[]>();
  const add = (key: string, r: RegionEntry) => {
    const k = foldName(key);
    const list = index.get(k) ?? [];
    if (!list.includes(r)) list.push(r);
    index.set(k, list);
  };
  for (const r of regions) {
    add(r.name, r);
    add(r.bare, r);
    add(r.code, r);
    if (r.level === 'provinsi') add(`prov ${r.bare}`, r);
    if (r.level === 'kabupaten') add(`kab ${r.bare}`, r);
  }
  // The official names where the display name differs ("Provinsi Daerah Khusus Ibukota Jakarta", "Kabupaten Fak Fak").
  for (const p of readCsv('regions/provinces.csv')) add(`Provinsi ${p.name}`, byCode.get(p.code!)!);
  for (const r of readCsv('regions/regencies.csv')) add(r.name!, byCode.get(r.code!)!);
  for (const a of aliases) {
    const r = byCode.get(a.code)!;
    add(a.alias, r);
    // A variant of the whole name takes the level word as the name does: "Kota Baubau", "Kota Lubuklinggau".
    const kind = readKind.get(a.alias);
    if (kind && FULL_NAME_KINDS.has(kind) && !a.ambiguous && r.level !== 'nasional') add(`${LEVEL_WORD[r.level]} ${a.alias}`, r);
  }
  add('nasional', INDONESIA);
  add('ri', INDONESIA);

  const levelRank: Record<Level, number> = { nasional: 0, provinsi: 1, kabupaten: 2, kota: 3 };
  cached = {
    regions,
    aliases,
    byCode,
    resolve(query: string): RegionRef[] {
      const hits = index.get(foldName(query)) ?? [];
      return [...hits].sort((a, b) => levelRank[a.level] - levelRank[b.level]).map(toRef);
    },
  };
  return cached;
}
