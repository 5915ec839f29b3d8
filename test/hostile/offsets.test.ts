/**
 * Issue 12, point 2: offsets every tool can use. Before, `evidence_start`/`evidence_end` were UTF-16 code
 * units: after an emoji the README's own SQL check returned false, and Python slicing gave shifted evidence.
 * Now the database and the exports count code points; `extract --format json` keeps UTF-16 `start`/`end`
 * and adds `startCodePoint`/`endCodePoint`. Checked in sqlite3, Python and JavaScript, as the README says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { codePointIndex, toCodePointSpan, toUtf16Span, utf16Index } from '../../src/store/offsets.ts';

const BIN = fileURLToPath(new URL('../../src/bin.js', import.meta.url));
// Astral characters (emoji, a flag, mathematical bold letters), combining marks ("e\u0301", "n\u0303") before the figures.
const ARTICLE = `Warga 😷 sehat 🇮🇩 — “𝐉𝐊𝐍 untuk semua” kata Rene\u0301 dan Nin\u0303o 👨‍👩‍👧.

Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen pada Desember 2024 😀, kata Kepala BPJS Kesehatan cabang Klaten.

Sementara itu 🏥 cakupan kepesertaan JKN di Kota Surakarta mencapai 99,12 persen pada 2024.
`;

let dir: string;
let db: string;

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CAKUPAN_DB: db }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cakupan-offsets-'));
  db = join(dir, 'c.db');
  writeFileSync(join(dir, 'emoji.txt'), ARTICLE);
  const r = cli('ingest', '--db', db, join(dir, 'emoji.txt'));
  expect(r.status, r.stderr).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evidence offsets in code points', () => {
  it('the conversion: astral characters count once, combining marks as themselves', () => {
    const t = 'a😷b e\u0301 c';
    expect(codePointIndex(t, 3)).toBe(2); // after "a😷"
    expect(utf16Index(t, 2)).toBe(3);
    for (let cp = 0; cp <= [...t].length; cp++) expect(codePointIndex(t, utf16Index(t, cp))).toBe(cp);
    const span = { start: t.indexOf('b'), end: t.length };
    expect(toUtf16Span(t, toCodePointSpan(t, span))).toEqual(span);
    expect([...t].slice(codePointIndex(t, span.start), codePointIndex(t, span.end)).join('')).toBe(t.slice(span.start, span.end));
  });

  it('stored facts exist and sit after astral characters (the case that used to break)', () => {
    const h = new Database(db, { readonly: true });
    const rows = h.prepare('SELECT f.evidence_start AS s, f.evidence_end AS e, f.evidence_text AS ev, a.text AS text FROM facts f JOIN articles a ON a.id = f.article_id').all() as { s: number; e: number; ev: string; text: string }[];
    h.close();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(r.text.slice(0, r.s)).toMatch(/\p{Extended_Pictographic}/u);
      // Read as UTF-16 units the stored offsets miss: the unit is really code points.
      expect(r.text.slice(r.s, r.e)).not.toBe(r.ev);
    }
  });

  it('SQL (sqlite3 command line): substr(text, evidence_start + 1, evidence_end - evidence_start) = evidence_text', () => {
    for (const table of ['facts', 'categories']) {
      const sql = `SELECT count(*), coalesce(sum(substr(a.text, x.evidence_start + 1, x.evidence_end - x.evidence_start) = x.evidence_text), 0) FROM ${table} x JOIN articles a ON a.id = x.article_id;`;
      const r = spawnSync('sqlite3', [db, sql], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const [n, ok] = r.stdout.trim().split('|').map(Number);
      expect(ok).toBe(n);
      if (table === 'facts') expect(n).toBeGreaterThanOrEqual(2);
    }
  });

  it('Python: text[evidence_start:evidence_end] == evidence_text, from the database and from the CSV export', () => {
    const csv = join(dir, 'facts.csv');
    const ex = cli('export', '--db', db, '--format', 'csv', '--out', csv);
    expect(ex.status, ex.stderr).toBe(0);
    const py = `
import csv, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT a.text, f.evidence_start, f.evidence_end, f.evidence_text FROM facts f JOIN articles a ON a.id = f.article_id").fetchall()
assert len(rows) >= 2, rows
for text, s, e, ev in rows:
    assert text[s:e] == ev, (text[s:e], ev)
texts = dict(con.execute("SELECT p.url, a.text FROM pages p JOIN articles a ON a.id = p.article_id"))
n = 0
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")):
    text = texts[r["source_url"]] if "source_url" in r else next(iter(texts.values()))
    assert text[int(r["evidence_start"]):int(r["evidence_end"])] == r["evidence_text"], r
    n += 1
assert n == len(rows), (n, len(rows))
print("ok", n)
`;
    const r = spawnSync('python3', ['-c', py, db, csv], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok \d+/);
  });

  it('JavaScript: [...text].slice(evidence_start, evidence_end).join("") === evidence_text', () => {
    const h = new Database(db, { readonly: true });
    const rows = h.prepare('SELECT a.text, f.evidence_start, f.evidence_end, f.evidence_text FROM facts f JOIN articles a ON a.id = f.article_id').all() as Record<string, string & number>[];
    h.close();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect([...r.text].slice(r.evidence_start, r.evidence_end).join('')).toBe(r.evidence_text);
  });

  it('extract --format json: start/end stay UTF-16, startCodePoint/endCodePoint beside them', () => {
    const r = cli('extract', '--format', 'json', join(dir, 'emoji.txt'));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { text: string; facts: { evidence: { start: number; end: number; startCodePoint: number; endCodePoint: number; text: string } }[] };
    expect(out.facts.length).toBeGreaterThanOrEqual(2);
    for (const f of out.facts) {
      const e = f.evidence;
      expect(out.text.slice(e.start, e.end)).toBe(e.text);
      expect([...out.text].slice(e.startCodePoint, e.endCodePoint).join('')).toBe(e.text);
      expect(e.startCodePoint).toBeLessThan(e.start);
    }
  });
});
