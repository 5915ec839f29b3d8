/**
 * The WARC resume ledger behind the store boundary (src/store/warc-store.ts) on both backends: a fresh SQLite
 * file and a fresh PostgreSQL schema per test (test/store/backends.ts). The offset moves with its page sources
 * in one transaction; `cakupan ingest FILE.warc.gz --db postgres://…` resumes after a SIGKILL without duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warcLedgerOf, type WarcPageSource } from '../../src/store/warc-store.ts';
import { ingestWarc } from '../../src/warc/ingest.ts';
import { backend, BACKENDS, type Backend } from '../store/backends.ts';
import { articlePage, devArticles, writeWarc, type Rec } from './fixtures.ts';

const KEYWORDS = ['JKN', 'BPJS Kesehatan', 'BPJS', 'UHC', 'kepesertaan', 'jaminan kesehatan'];
const BIN = join(process.cwd(), 'src/bin.js');
/** Pages of the SIGKILL test's file: enough that a kill lands mid-file, few enough to stay quick on a busy machine. */
const N = 60;

let dir: string;
let small: string;
let big: string;
let cfg: string;
const arts = devArticles();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cakupan-warc-ledger-'));
  small = join(dir, 'small.warc.gz');
  await writeWarc(small, arts.slice(0, 6).map((a, i) => ({ url: `https://berita${i % 2}.example.co.id/daerah/${200 + i}/kabar`, html: articlePage(a) })), true);
  const recs: Rec[] = [];
  for (let i = 0; i < N; i++) {
    const a = arts[i % arts.length]!;
    recs.push({ url: `https://kabar${i % 3}.example.co.id/berita/${3000 + i}/laporan`, html: articlePage({ ...a, text: a.text.replace('\n', `\nLaporan nomor ${i} dari redaksi daerah untuk pembaca setia.\n`) }) });
  }
  big = join(dir, 'big.warc.gz');
  await writeWarc(big, recs, true);
  cfg = join(dir, 'sites.json');
  writeFileSync(cfg, JSON.stringify({ relevance: { keywords: KEYWORDS }, sites: [{ name: 'Kabar', url: 'https://kabar0.example.co.id/' }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const n = async (b: Backend, sql: string, params: unknown[] = []) => Number(Object.values((await b.all(sql, params))[0]!)[0]);

describe.each(BACKENDS)('WARC ledger on %s', (kind) => {
  it('opens a file at 0, moves its offset only forward, adds its counters, and writes the offset with its page sources in one transaction', async () => {
    const b = await backend(kind);
    const store = await b.open();
    try {
      const ledger = await warcLedgerOf(store);
      expect(ledger.dialect).toBe(kind);
      const runId = await store.startRun('ingest', {});
      expect(await ledger.get('a.warc.gz')).toBeNull();
      expect(await ledger.open('a.warc.gz', runId)).toEqual({ source: 'a.warc.gz', next_offset: 0, records: 0, kept: 0, facts: 0, bad: 0, done: 0, size: null });
      const page = (offset: number, url: string): WarcPageSource => ({ offset, url, warcDate: '2025-03-02T00:00:00Z', recordId: `<urn:uuid:${offset}>`, articleId: null });
      await ledger.advance('a.warc.gz', runId, { offset: 500, kept: 1, facts: 3 }, [page(100, 'https://x.example.co.id/1')]);
      await ledger.advance('a.warc.gz', runId, { offset: 900, records: 7, bad: 1 });
      // A late, smaller offset (a worker's event behind another) never moves it back.
      await ledger.advance('a.warc.gz', runId, { offset: 400, records: 1 });
      expect(await ledger.get('a.warc.gz')).toMatchObject({ next_offset: 900, records: 8, kept: 1, facts: 3, bad: 1, done: 0 });

      // A batch that fails half-way leaves nothing of it: a page without its URL (neither the page before it
      // nor the offset), and an offset the row refuses after its pages were written (not those pages).
      await expect(ledger.advance('a.warc.gz', runId, { offset: 2000, kept: 2 }, [page(950, 'https://x.example.co.id/2'), { ...page(960, 'x'), url: null as unknown as string }])).rejects.toThrow();
      await expect(ledger.advance('a.warc.gz', runId, { offset: Number.NaN, kept: 1 }, [page(970, 'https://x.example.co.id/4')])).rejects.toThrow();
      expect(await ledger.get('a.warc.gz')).toMatchObject({ next_offset: 900, kept: 1 });
      expect(await n(b, 'SELECT count(*) FROM warc_sources')).toBe(1);

      // The same record again (re-read after a kill) is noted once.
      await ledger.advance('a.warc.gz', runId, { offset: 1200, done: true, size: 1200 }, [page(100, 'https://x.example.co.id/1'), page(1000, 'https://x.example.co.id/3')]);
      expect(await n(b, 'SELECT count(*) FROM warc_sources')).toBe(2);
      expect(await ledger.get('a.warc.gz')).toMatchObject({ next_offset: 1200, done: 1, size: 1200 });
      // Opening a known file keeps its row.
      expect((await ledger.open('a.warc.gz', runId)).next_offset).toBe(1200);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('ingestWarc stores a file through the store, and the same file again reads nothing', async () => {
    const b = await backend(kind);
    const store = await b.open();
    try {
      const r = await ingestWarc(store, [small], { hosts: ['.example.co.id'], keywords: KEYWORDS, workers: 0, progress: false });
      expect(r.files[0]!.error).toBeNull();
      expect(r.files[0]!.counts.kept).toBe(6);
      expect(r.run.outcome).toBe('ok');
      expect(await b.all('SELECT next_offset, done, kept FROM warc_files')).toEqual([{ next_offset: statSync(small).size, done: 1, kept: 6 }]);
      expect(await n(b, 'SELECT count(*) FROM warc_sources WHERE article_id IS NOT NULL')).toBe(6);
      const again = await ingestWarc(store, [small], { hosts: ['.example.co.id'], keywords: KEYWORDS, workers: 0, progress: false });
      expect(again.files[0]!.bytesRead).toBe(0);
      expect(await n(b, 'SELECT count(*) FROM articles')).toBe(6);
      expect(await n(b, 'SELECT count(*) FROM warc_sources')).toBe(6);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('cakupan ingest FILE.warc.gz --db postgres://…', () => {
  it('a SIGKILL mid-file loses nothing committed; the next run resumes at the recorded offset and stores nothing twice', async () => {
    const b = await backend('postgres');
    const args = ['ingest', big, '--db', b.location, '--hosts', '.example.co.id', '--workers', '1', '--no-progress', '--config', cfg];
    const run = () => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (d) => (stdout += d));
      child.stderr!.on('data', (d) => (stderr += d));
      return { child, done: new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((r) => child.on('exit', (code, signal) => r({ code, signal, stdout, stderr }))) };
    };
    const first = run();
    const deadline = Date.now() + 120_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const sources = await n(b, 'SELECT count(*) FROM warc_sources').catch(() => 0); // tables not there yet
      if (sources >= 10) break;
      if (Date.now() > deadline) throw new Error('ingest stored nothing in 120 s');
    }
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    const sources = await n(b, 'SELECT count(*) FROM warc_sources');
    const articles = await n(b, 'SELECT count(*) FROM articles');
    expect(articles).toBeLessThan(N);
    // A page is stored before its record is noted: a kill in between leaves at most that one page unnoted.
    expect(articles - sources).toBeGreaterThanOrEqual(0);
    expect(articles - sources).toBeLessThanOrEqual(1);
    const offset = await n(b, 'SELECT next_offset FROM warc_files');
    expect(offset).toBeGreaterThan(0);
    expect(await n(b, "SELECT count(*) FROM runs WHERE command = 'ingest' AND outcome = 'running'")).toBe(1);

    const second = await run().done;
    expect(second.stderr).toContain(`resuming at offset ${offset}`);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/ingest run \d+ ok: 1 WARC files/);
    expect(await n(b, 'SELECT count(*) FROM articles')).toBe(N);
    expect(await n(b, 'SELECT count(*) FROM pages')).toBe(N);
    expect(await n(b, 'SELECT count(*) FROM warc_sources')).toBe(N);
    expect(await n(b, 'SELECT count(DISTINCT url) FROM warc_sources')).toBe(N);
    expect(await b.all('SELECT next_offset, done FROM warc_files')).toEqual([{ next_offset: statSync(big).size, done: 1 }]);
    // The killed run is found dead and closed as interrupted by the next one.
    expect(await n(b, "SELECT count(*) FROM runs WHERE command = 'ingest' AND outcome = 'interrupted'")).toBe(1);
  }, 240_000);
});
