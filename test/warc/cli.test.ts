import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { articlePage, devArticles, writeWarc, type Rec } from './fixtures.ts';

const BIN = join(process.cwd(), 'src/bin.js');
const N = 150;

function run(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((r) => child.on('exit', (code, signal) => r({ code, signal, stdout, stderr })));
  return { child, done };
}

let dir: string;
let file: string;
let cfg: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cakupan-warc-cli-'));
  const arts = devArticles();
  const recs: Rec[] = [];
  for (let i = 0; i < N; i++) {
    const a = arts[i % arts.length]!;
    // Each page its own article: the same story with a line of its own after the first paragraph.
    recs.push({ url: `https://kabar${i % 4}.example.co.id/berita/${1000 + i}/laporan`, html: articlePage({ ...a, text: a.text.replace('\n', `\nLaporan nomor ${i} dari redaksi daerah untuk pembaca setia.\n`) }) });
    if (i % 10 === 0) recs.push({ url: `https://luar.example.com/${i}`, html: articlePage(a) });
  }
  file = join(dir, 'big.warc.gz');
  await writeWarc(file, recs, true);
  cfg = join(dir, 'sites.json');
  writeFileSync(cfg, JSON.stringify({ relevance: { keywords: ['JKN', 'BPJS', 'UHC', 'kepesertaan', 'jaminan kesehatan'] }, sites: [{ name: 'Kabar', url: 'https://kabar0.example.co.id/' }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
};

describe('cakupan ingest FILE.warc.gz', () => {
  it('a SIGKILL mid-file loses nothing committed; the next run continues at the recorded offset and stores nothing twice', async () => {
    const db = join(dir, 'kill.db');
    const first = run(['ingest', file, '--db', db, '--hosts', '.example.co.id', '--workers', '1', '--no-progress', '--config', cfg]);
    // Kill once some pages are in, well before the end.
    const deadline = Date.now() + 120_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      let n = 0;
      try {
        n = count(db, 'SELECT count(*) FROM warc_sources');
      } catch {
        // not created yet
      }
      if (n >= 20) break;
      if (Date.now() > deadline) throw new Error('ingest stored nothing in 120 s');
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const storedBefore = count(db, 'SELECT count(*) FROM articles');
    expect(storedBefore).toBeLessThan(N);
    // A page is stored before its record is noted: a kill in between leaves at most that one page unnoted.
    const unnoted = storedBefore - count(db, 'SELECT count(*) FROM warc_sources');
    expect(unnoted).toBeGreaterThanOrEqual(0);
    expect(unnoted).toBeLessThanOrEqual(1);
    const offset = count(db, 'SELECT next_offset FROM warc_files');

    const second = await run(['ingest', file, '--db', db, '--hosts', '.example.co.id', '--workers', '1', '--no-progress', '--config', cfg]).done;
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`resuming at offset ${offset}`);
    expect(count(db, 'SELECT count(*) FROM articles')).toBe(N);
    expect(count(db, 'SELECT count(*) FROM pages')).toBe(N);
    expect(count(db, 'SELECT count(*) FROM warc_sources')).toBe(N);
    expect(count(db, 'SELECT count(DISTINCT url) FROM warc_sources')).toBe(N);
    expect(count(db, 'SELECT done FROM warc_files')).toBe(1);
    expect(second.stdout).toMatch(/ingest run \d+ ok: 1 WARC files/);
  }, 240_000);

  it('refuses WARC and other inputs in one run, and a bad flag, naming them', async () => {
    const mixed = await run(['ingest', file, join(dir, 'x.html'), '--db', join(dir, 'm.db')]).done;
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/x\.html: not a WARC file or paths list; give WARC inputs .* in separate runs/);
    const flag = await run(['ingest', file, '--db', join(dir, 'm.db'), '--workers', 'many', '--config', cfg]).done;
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--workers must be a number/);
  }, 60_000);
});
