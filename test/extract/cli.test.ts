/** `cakupan extract` as a user runs it: real files, a real child process, the JSON-line contract. */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractResult } from '../../src/types.ts';

const bin = join(process.cwd(), 'src/bin.js');
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const dir = mkdtempSync(join(tmpdir(), 'cakupan-extract-'));
const s005 = JSON.parse(readFileSync('corpus/dev/s005.json', 'utf8'));
const article = join(dir, 'banjar.txt');
writeFileSync(article, s005.text);

describe('cakupan extract', () => {
  it('prints one JSON object per input with facts, evidence and categories', () => {
    const r = run(['extract', '--format', 'json', article]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = ExtractResult.parse(JSON.parse(lines[0]!));
    expect(out.source).toBe(article);
    expect(out.text).toBe(s005.text);
    const keys = out.facts.map((f) => `${f.region.code}|${f.metric}|${f.value}|${f.asOf}`).sort();
    expect(keys).toEqual(
      ['63.03|population|590393|2025-05-01', '63.03|enrolled_count|581578|2025-05-01', '63.03|coverage_pct|99.47|2025-05-01', '63.03|active_count|472638|null', '63.03|active_pct|80.05|null', '63.03|active_pct|80|null'].sort(),
    );
    for (const f of out.facts) expect(out.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
    expect(out.categories.map((c) => [c.region.name, c.category, c.year])).toEqual([['Kabupaten Banjar', 'Madya', 2023]]);
  });

  it('reads stdin with "-" and takes --published for "(21/11)"-style dates', () => {
    const r = run(['extract', '--format', 'json', '--published', '2024-11-22', '-'], 'Kabupaten Barito Utara mencatat cakupan kepesertaan mencapai 100%, Jumat (21/11).');
    expect(r.status, r.stderr).toBe(0);
    const out = ExtractResult.parse(JSON.parse(r.stdout));
    expect(out.published).toBe('2024-11-22');
    expect(out.facts.map((f) => [f.region.name, f.metric, f.value, f.asOf])).toEqual([['Kabupaten Barito Utara', 'coverage_pct', 100, null]]);
  });

  it('takes the publication date and headline a plain-text article prints ("Manokwari, 24 April 2025 - …")', () => {
    const d017 = JSON.parse(readFileSync('corpus/dev/d017.json', 'utf8'));
    const file = join(dir, 'papua-barat.txt');
    writeFileSync(file, d017.text);
    const out = ExtractResult.parse(JSON.parse(run(['extract', '--format', 'json', file]).stdout));
    expect(out.published).toBe('2025-04-24');
    expect(out.title).toBe(d017.title);
    // The publication date is never a figure's as-of.
    expect(out.facts.find((f) => f.metric === 'coverage_pct' && f.value === 93.05)!.asOf).toBeNull();
  });

  it('reads an HTML page and a URL through the text stage (a real server on 127.0.0.1)', async () => {
    const page = readFileSync('corpus/html/s005.html');
    const server = createServer((req, res) => {
      if (req.url === '/berita/banjar') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/berita/banjar`;
    try {
      const child = spawn(process.execPath, [bin, 'extract', '--format', 'json', 'corpus/html/s005.html', url, `${url}-missing`], {
        env: { ...process.env, CAKUPAN_ALLOW_PRIVATE: '1' },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (err += c));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(1); // the missing page
      expect(err).toContain(`${url}-missing: HTTP 404`);
      const [file, fetched] = out.trim().split('\n').map((l) => ExtractResult.parse(JSON.parse(l)));
      for (const r of [file!, fetched!]) {
        expect(r.method).not.toBe('text');
        expect(r.text).not.toContain('Scroll ke bawah');
        expect(r.facts.map((f) => `${f.region.code}|${f.metric}|${f.value}`)).toContain('63.03|coverage_pct|99.47');
        for (const f of r.facts) expect(r.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
      }
      expect(fetched!.source).toBe(url);
      expect(fetched!.facts).toEqual(file!.facts);
    } finally {
      server.close();
    }
  });

  it('refuses a URL on a private address unless allowed', () => {
    const r = run(['extract', 'http://127.0.0.1:9/berita']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('http://127.0.0.1:9/berita: fetch failed');
  });

  it('prints a table by default', () => {
    const r = run(['extract', article]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Kabupaten Banjar');
    expect(r.stdout).toContain('coverage_pct');
    expect(r.stdout).toContain('99.47');
  });

  it('names each bad input, exits non-zero, and still processes the good ones', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const badUtf8 = join(dir, 'latin1.txt');
    writeFileSync(badUtf8, Buffer.from('Kabupaten Banjar 99,47 persen \xe9\xff', 'latin1'));
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const missing = join(dir, 'missing.txt');
    const r = run(['extract', '--format', 'json', empty, binary, article, badUtf8, big, folder, missing]);
    expect(r.status).toBe(1);
    const good = r.stdout.trim().split('\n').map((l) => ExtractResult.parse(JSON.parse(l)));
    expect(good.map((g) => g.source)).toEqual([article]);
    const errs = r.stderr;
    expect(errs).toContain(`${empty}: empty input`);
    expect(errs).toContain(`${binary}: binary data`);
    expect(errs).toContain(`${badUtf8}: not valid UTF-8`);
    expect(errs).toContain(`${big}: file is`);
    expect(errs).toContain(`${folder}: is a directory`);
    expect(errs).toContain(`${missing}: no such file`);
  });

  it('refuses a bad --published or --format with a message naming the flag', () => {
    const r = run(['extract', '--published', '23-11-2026', article]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--published');
    const f = run(['extract', '--format', 'xml', article]);
    expect(f.status).toBe(2);
    expect(f.stderr).toContain('--format');
  });

  it('answers --help with the subcommands', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['extract', 'eval']) expect(r.stdout).toContain(c);
  });
});
