/**
 * Issue 11, "most figures carry no date" and "UHC award categories are invisible": every stored figure has an
 * effective date and where it comes from (the page URL's date when the page gives none), `export` writes
 * categories, province columns, text codes, a date window with ages, a SQLite copy and a datapackage.json, and
 * `show` and the tables list tiers and mark older figures.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../store/helpers.ts';

let dir: string;
let db: string;

function corpusFile(name: string, url: string | null, text: string): string {
  const f = join(dir, 'in', `${name}.json`);
  writeFileSync(f, JSON.stringify({ id: name, url, title: null, published: null, text, facts: [], categories: [] }));
  return f;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cakupan-research-'));
  mkdirSync(join(dir, 'in'));
  db = join(dir, 'r.db');
  const files = [
    // No date in the text, one in the URL.
    corpusFile('url', 'https://berita.example/kesehatan/2025/09/04/tapin-uhc', 'Cakupan kepesertaan JKN di Kabupaten Tapin mencapai 98,50 persen dari jumlah penduduk.'),
    // The figure's own date, and an award.
    corpusFile(
      'asof',
      'https://berita.example/read/2024/01/10/banjar',
      'Hingga Desember 2023, cakupan kepesertaan JKN Kabupaten Banjar mencapai 97,10 persen. Kabupaten Banjar meraih UHC Award 2023 kategori Madya.',
    ),
    // No date anywhere.
    corpusFile('none', null, 'Cakupan kepesertaan JKN di Kota Banjarmasin mencapai 96,20 persen dari jumlah penduduk.'),
  ];
  // A plain-text article dated by its dateline.
  const txt = join(dir, 'in', 'dateline.txt');
  writeFileSync(txt, 'Manokwari, 24 April 2025 - Cakupan kepesertaan JKN di Kabupaten Manokwari mencapai 93,05 persen dari jumlah penduduk.\n');
  const r = await cli(['ingest', '--db', db, ...files, txt]);
  expect(r.status, r.stderr).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byRegion = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r) => [r.region_name as string, r]));

describe('dates a researcher can use', () => {
  it('every figure has effective_date and date_source; the URL date is read when the page gives none', async () => {
    const r = await cli(['export', '--format', 'json', '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    const rows = byRegion(JSON.parse(r.stdout));
    expect(rows['Kabupaten Tapin']).toMatchObject({ as_of: null, published: null, effective_date: '2025-09-04', date_source: 'url' });
    expect(rows['Kabupaten Banjar']).toMatchObject({ as_of: '2023-12', effective_date: '2023-12', date_source: 'as_of' });
    expect(rows['Kabupaten Manokwari']).toMatchObject({ published: '2025-04-24', effective_date: '2025-04-24', date_source: 'dateline' });
    expect(rows['Kota Banjarmasin']).toMatchObject({ effective_date: null, date_source: 'none' });
    // Province code and name on every row.
    expect(rows['Kabupaten Tapin']).toMatchObject({ region_code: '63.05', province_code: '63', province_name: 'Provinsi Kalimantan Selatan' });
  });

  it('export --latest --since/--until keeps the window and says how old each figure is', async () => {
    const r = await cli(['export', '--latest', '--since', '2024-01-01', '--format', 'json', '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { region_name: string; effective_date: string; age_days: number }[];
    expect(rows.map((x) => x.region_name).sort()).toEqual(['Kabupaten Manokwari', 'Kabupaten Tapin']);
    const tapin = rows.find((x) => x.region_name === 'Kabupaten Tapin')!;
    expect(tapin.age_days).toBe(Math.round((Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - Date.UTC(2025, 8, 4)) / 86_400_000));
    const until = JSON.parse((await cli(['export', '--latest', '--until', '2023-12-31', '--format', 'json', '--db', db])).stdout) as { region_name: string }[];
    expect(until.map((x) => x.region_name)).toEqual(['Kabupaten Banjar']);
    const bad = await cli(['export', '--since', '2025-02-30x', '--db', db]);
    expect(bad.status).toBe(2);
  });

  it('show prints each date with its source and the region\'s tiers by year; the table marks older figures and has a tier column', async () => {
    const r = await cli(['show', '63.03', '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2023-12 +as_of +coverage_pct +97\.10%/);
    expect(r.stdout).toMatch(/UHC award tiers by year:\nyear +UHC tier[^\n]*\n-+[^\n]*\n2023 +Madya +auto/);
    const k = await cli(['show', 'Kalsel', '--db', db]);
    expect(k.stdout).toMatch(/region +code +coverage .* date +from +UHC tier/);
    expect(k.stdout).toMatch(/Kabupaten Banjar +63\.03 +97\.10% \(2023\) .*2023-12 +as_of +Madya 2023/);
    expect(k.stdout).toMatch(/Kabupaten Tapin +63\.05 +98\.50% +.*2025-09-04 +url/);
    expect(k.stdout).toMatch(/Kota Banjarmasin +63\.71 +96\.20% \(n\.d\.\)/);
  });
});

describe('categories everywhere and a research-ready export', () => {
  it('export --kind categories and --kind all', async () => {
    const c = await cli(['export', '--kind', 'categories', '--db', db]);
    expect(c.status, c.stderr).toBe(0);
    const [head, ...lines] = c.stdout.trim().split('\n');
    expect(head).toBe('category_id,region_code,region_name,level,province_code,province_name,tier,year,published,status,confidence,reasons,flags,evidence_text,evidence_start,evidence_end,extractor_version,article_id,title,source_url,site,version,updated_at');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d+,"63\.03",Kabupaten Banjar,kabupaten,"63",Provinsi Kalimantan Selatan,Madya,2023,,auto,/);
    const all = (await cli(['export', '--kind', 'all', '--format', 'ndjson', '--db', db])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
    expect(all.filter((x) => x.kind === 'fact')).toHaveLength(4);
    expect(all.filter((x) => x.kind === 'category')).toHaveLength(1);
  });

  it('codes stay text: quoted in CSV, ="63.03" with --spreadsheet', async () => {
    const csv = (await cli(['export', '--db', db])).stdout;
    expect(csv).toMatch(/\n\d+,"63\.05",Kabupaten Tapin,kabupaten,"63",Provinsi Kalimantan Selatan,coverage_pct,98\.5,/);
    const sheet = (await cli(['export', '--spreadsheet', '--db', db])).stdout;
    expect(sheet).toMatch(/\n\d+,"=""63\.05""",Kabupaten Tapin,kabupaten,"=""63""",/);
  });

  it('--format sqlite writes a clean copy of the published views; --datapackage describes the CSV', async () => {
    const copy = join(dir, 'copy.db');
    const r = await cli(['export', '--format', 'sqlite', '--out', copy, '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    const c = new Database(copy, { readonly: true });
    try {
      const tables = c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(['about', 'categories', 'coverage_latest', 'facts']);
      expect(c.prepare("SELECT region_code, typeof(region_code) t, date_source FROM facts WHERE region_name = 'Kabupaten Tapin'").get()).toEqual({ region_code: '63.05', t: 'text', date_source: 'url' });
      expect(c.prepare('SELECT count(*) FROM categories').pluck().get()).toBe(1);
    } finally {
      c.close();
    }
    expect((await cli(['export', '--format', 'sqlite', '--out', copy, '--db', db])).stderr).toMatch(/already exists; remove it or choose another --out/);
    expect((await cli(['export', '--format', 'sqlite', '--db', db])).status).toBe(2);

    const out = join(dir, 'pkg');
    mkdirSync(out);
    const d = await cli(['export', '--out', join(out, 'facts.csv'), '--datapackage', '--db', db]);
    expect(d.status, d.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    const header = readFileSync(join(out, 'facts.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(pkg.resources[0].path).toBe('facts.csv');
    expect(pkg.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    expect(pkg.resources[0].schema.fields.find((f: { name: string }) => f.name === 'region_code')).toMatchObject({ type: 'string' });
    expect(pkg.resources[0].schema.fields.find((f: { name: string }) => f.name === 'value')).toMatchObject({ type: 'number' });
  });
});
