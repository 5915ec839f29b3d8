/**
 * Issue 12, points 3–5: input hygiene. Before: `extract -` read all of standard input before refusing it
 * (500 MB reached 1.18 GB RSS); UTF-16 files with a BOM were refused as "binary" (the NUL check ran before
 * decoding); a NUL after the first 8 KiB was stored, cutting SQLite's `length()`/`substr` and written raw into
 * the CSV export; a UTF-8 page served as `charset=utf-16` lost its text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { checkInputBytes, decodeText, InputError, readStreamBounded, stripControls } from '../../src/text/input.ts';
import { decodeHtml } from '../../src/text/decode.ts';
import { extractArticle } from '../../src/text/index.ts';

const BIN = fileURLToPath(new URL('../../src/bin.js', import.meta.url));
const FACT = 'Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen pada Desember 2024, kata Kepala BPJS Kesehatan cabang Klaten.';
let dir: string;

const cli = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cakupan-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('size limits while reading', () => {
  it('a stream is refused as soon as it passes the limit: the rest is never read', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(64 * 1024, 0x61));
      },
    });
    await expect(readStreamBounded(endless, '-', 1024 * 1024)).rejects.toThrow(/^-: input is larger than the 1048576-byte limit/);
    expect(pulled).toBeLessThan(40); // 1 MiB is 16 chunks; stream buffering adds a few
  });

  it('`extract -` stops reading standard input past 20 MiB (it used to read all of it first)', async () => {
    const child = spawn(process.execPath, [BIN, 'extract', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let written = 0;
    let closed = false;
    child.stdin.on('error', () => (closed = true));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.on('exit', () => (closed = true));
    // Offer up to 200 MiB; the command must refuse long before.
    while (!closed && written < 200 * 1024 * 1024) {
      const ok = child.stdin.write(chunk);
      written += chunk.length;
      if (!ok) await new Promise<void>((r) => (closed ? r() : child.stdin.once('drain', r) && child.once('exit', () => r())));
    }
    child.stdin.destroy();
    const code = await exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/cakupan extract: -: input is larger than the 20971520-byte limit/);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});

describe('BOM first, then the binary check', () => {
  for (const [name, enc] of [['UTF-16 LE', 'utf-16le'], ['UTF-16 BE', 'utf-16be'], ['UTF-8', 'utf-8']] as const) {
    it(`a ${name} text file with a byte-order mark is read (UTF-16 was refused as binary)`, () => {
      const text = `${FACT}\n`;
      let bytes: Buffer;
      if (enc === 'utf-16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      else if (enc === 'utf-16be') bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      else bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
      const file = join(dir, `${enc}.txt`);
      writeFileSync(file, bytes);
      expect(() => checkInputBytes(file, bytes, 1 << 20)).not.toThrow();
      expect(decodeText(bytes)).toBe(text);
      const r = cli(['extract', '--format', 'json', file]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.text).toBe(text);
      expect(out.facts.map((f: { value: number }) => f.value)).toContain(98.77);
    });
  }

  it('a UTF-16 HTML page with a BOM is read', () => {
    const html = `<!doctype html><html><head><title>JKN</title></head><body><article><p>${FACT}</p></article></body></html>`;
    const file = join(dir, 'page16.html');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]));
    const r = cli(['extract', '--format', 'json', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).text).toContain('98,77 persen');
  });

  it('short UTF-8 text dense with emoji is text, not binary (its bytes are not control characters)', () => {
    const bytes = Buffer.from('😷🇮🇩 𝐉𝐊𝐍 😀😀 Rene\u0301.\n');
    expect(() => checkInputBytes('emoji.txt', bytes, 1 << 20)).not.toThrow();
  });

  it('binary data without a BOM is still refused, naming the input', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => checkInputBytes('image.txt', png, 1 << 20)).toThrow(InputError);
    expect(() => checkInputBytes('image.txt', png, 1 << 20)).toThrow(/^image\.txt: binary data/);
  });
});

describe('NUL and other control characters', () => {
  it('are stripped; tab, newline and carriage return stay; a form feed becomes a newline', () => {
    expect(stripControls('a\u0000b\u0007c\td\r\ne\u000cf\u007fg\u0085h')).toBe('abc\td\r\ne\nfgh');
  });

  it('a NUL after the first 8 KiB is not stored, and the CSV export holds no raw NUL', () => {
    const filler = 'Berita lain tentang kesehatan warga di daerah. '.repeat(200); // ~9.4 KB before the NUL
    const text = `${filler}\n\nAwal\u0000 paragraf\u0001.\n\n${FACT}\n`;
    const file = join(dir, 'nul.txt');
    writeFileSync(file, text);
    const db = join(dir, 'nul.db');
    const ing = cli(['ingest', '--db', db, file], { CAKUPAN_DB: db });
    expect(ing.status, ing.stderr).toBe(0);
    const h = new Database(db, { readonly: true });
    const a = h.prepare("SELECT text, length(text) AS n, instr(text, char(0)) AS nul FROM articles").get() as { text: string; n: number; nul: number };
    const fact = h.prepare("SELECT substr(a.text, f.evidence_start + 1, f.evidence_end - f.evidence_start) = f.evidence_text AS ok FROM facts f JOIN articles a ON a.id = f.article_id").all() as { ok: number }[];
    h.close();
    expect(a.nul).toBe(0);
    expect(a.text).not.toMatch(/[\u0000\u0001]/);
    expect(a.n).toBe([...a.text].length); // SQLite sees the whole text, not up to a NUL
    expect(a.text).toContain('Awal paragraf.');
    expect(fact.length).toBeGreaterThan(0);
    expect(fact.every((f) => f.ok === 1)).toBe(true);
    const csv = join(dir, 'nul.csv');
    const ex = cli(['export', '--db', db, '--format', 'csv', '--out', csv], { CAKUPAN_DB: db });
    expect(ex.status, ex.stderr).toBe(0);
    const bytes = readFileSync(csv);
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes.includes(0)).toBe(false);
  });

  it('HTML: a NUL after 8 KiB is not in the article text', () => {
    const html = `<html><body><div>${'<!-- x -->'.repeat(1000)}</div><article><p>Awal\u0000 paragraf yang panjang tentang kepesertaan JKN di Klaten.</p><p>${FACT}</p></article></body></html>`;
    const a = extractArticle(Buffer.from(html));
    expect(a.text).toContain('Awal paragraf');
    expect(a.text).not.toContain('\u0000');
  });
});

describe('a wrong charset label', () => {
  const page = `<!doctype html><html><head><title>JKN Klaten</title></head><body><article><p>${FACT} Kata “Café” ditulis benar.</p></article></body></html>`;

  it('a UTF-8 page served as charset=utf-16 is read as UTF-8 (it used to lose its text)', () => {
    const d = decodeHtml(Buffer.from(page), 'text/html; charset=utf-16');
    expect(d.charset).toBe('utf-8');
    expect(d.html).toContain('98,77 persen');
    const a = extractArticle(Buffer.from(page), { contentType: 'text/html; charset=utf-16' });
    expect(a.text).toContain('Kata “Café” ditulis benar.');
  });

  it('a right UTF-16 label is still believed', () => {
    const d = decodeHtml(Buffer.from(page, 'utf16le'), 'text/html; charset=utf-16le');
    expect(d.charset).toBe('utf-16le');
    expect(d.html).toContain('98,77 persen');
  });
});

describe('a wrong charset label on a feed or sitemap', () => {
  it('a UTF-8 feed served as charset=utf-16 keeps its links', async () => {
    const { decodeDocument } = await import('../../src/crawl/charset.ts');
    const feed = '<?xml version="1.0"?><rss><channel><item><title>JKN Café</title><link>https://berita.id/a</link></item></channel></rss>';
    const d = decodeDocument(Buffer.from(feed), 'application/rss+xml; charset=utf-16');
    expect(d.text).toBe(feed);
  });

  it('a NUL in a feed title is stripped before it becomes a frontier or page title hint', async () => {
    const { decodeDocument } = await import('../../src/crawl/charset.ts');
    const feed = '<?xml version="1.0"?><rss><channel><item><title>JKN\u0000 Klaten</title><link>https://berita.id/a</link></item></channel></rss>';
    expect(decodeDocument(Buffer.from(feed), 'application/rss+xml').text).toContain('<title>JKN Klaten</title>');
    expect(decodeDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(feed, 'utf16le')])).text).not.toContain('\u0000');
  });
});
