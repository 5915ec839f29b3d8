/**
 * The gazetteer's name lookup (`resolve`): what a reviewer types, what gold files and other tools write. Every
 * official name of the Kemendagri list resolves to its code, with or without its level word, and so do the whole-name
 * variants of aliases.csv with the level word in front ("Kota Baubau"); short forms and abbreviations stay bare.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadGazetteer } from '../../src/normalize/regions.ts';

const g = loadGazetteer();
const code = (name: string) => g.resolve(name).map((r) => r.code);
const csv = (file: string) =>
  readFileSync(new URL(`../../data/regions/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

describe('gazetteer resolve', () => {
  it('resolves every official province name with "Provinsi" in front, also where the display name differs', () => {
    const provinces = csv('provinces.csv');
    expect(provinces.length).toBe(38);
    for (const [c, name] of provinces) expect(code(`Provinsi ${name}`), name).toEqual([c]);
    expect(code('Provinsi Daerah Khusus Ibukota Jakarta')).toEqual(['31']);
    expect(g.resolve('Provinsi Daerah Khusus Ibukota Jakarta')[0]!.name).toBe('Provinsi DKI Jakarta');
  });

  it('resolves every official kabupaten/kota name, also where the display name differs', () => {
    const regencies = csv('regencies.csv');
    expect(regencies.length).toBe(514);
    for (const [c, , , name] of regencies) expect(code(name!), name).toContain(c);
    expect(code('Kabupaten Fak Fak')).toEqual(['92.03']);
    expect(code('Kabupaten Fakfak')).toEqual(['92.03']);
  });

  it('puts the level word in front of whole-name spelling variants, not of short forms', () => {
    expect(code('Kota Baubau')).toEqual(['74.72']);
    expect(code('Kota Lubuklinggau')).toEqual(['16.73']);
    expect(code('Lubuklinggau')).toEqual(['16.73']);
    // "Jaksel" is an abbreviation: "Kota Jaksel" is not a name anyone writes, and stays unknown.
    expect(code('Jaksel')).toEqual(['31.74']);
    expect(code('Kota Jaksel')).toEqual([]);
  });
});
