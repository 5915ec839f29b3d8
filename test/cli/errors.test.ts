/**
 * Issue 11, "failures are quiet or cryptic": every database or path error names the path and the fix, a
 * read-only database serves the reading commands, nothing is created outside the folder asked for, usage
 * errors exit 2 with the command's usage, a busy port is a clear message, and flag errors are in our words.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'src/bin.js');
const env = { ...process.env, CAKUPAN_DB: '' };
const run = (args: string[], opts: { cwd?: string; uid?: number; gid?: number } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, cwd: opts.cwd, uid: opts.uid, gid: opts.gid });

const dir = mkdtempSync(join(tmpdir(), 'cakupan-errors-'));
const db = join(dir, 'ro', 'cakupan.db');
/** As root, read-only means "as another user": root may write anywhere. */
const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

beforeAll(() => {
  spawnSync('mkdir', ['-p', join(dir, 'ro')]);
  const r = run(['ingest', '--db', db, 'corpus/dev/s005.json', 'corpus/dev/d001.json']);
  expect(r.status, r.stderr).toBe(0);
  chmodSync(db, 0o444);
  chmodSync(join(dir, 'ro'), 0o555);
  chmodSync(dir, 0o755);
}, 60_000);
afterAll(() => {
  chmodSync(join(dir, 'ro'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('errors that say what to do', () => {
  it('a database in a read-only folder serves stats, export, show and review list, and is left as it was', () => {
    const before = statSync(db).mtimeMs;
    for (const args of [['stats'], ['export', '--latest'], ['show', '63.03'], ['review', 'list']]) {
      const r = run([...args, '--db', db], asOther);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(/readonly database/);
    }
    expect(run(['export', '--db', db], asOther).stdout).toMatch(/^fact_id,/);
    expect(statSync(db).mtimeMs).toBe(before);
    expect(existsSync(db + '-wal')).toBe(false);
    // A writing command says what is wrong and what to do.
    const w = run(['ingest', '--db', db, 'corpus/dev/s001.json'], asOther);
    expect(w.status).toBe(1);
    expect(w.stderr).toContain(`${db}: the database is read-only`);
    expect(w.stderr).toMatch(/make both writable, or copy the file/);
  });

  it('--db in a missing folder fails naming the folder and creates nothing', () => {
    const missing = join(dir, 'nonexistent', 'dir', 'x.db');
    const r = run(['ingest', '--db', missing, 'corpus/dev/s005.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${missing}: the folder ${join(dir, 'nonexistent', 'dir')} does not exist; create it first (mkdir -p`);
    expect(existsSync(join(dir, 'nonexistent'))).toBe(false);
  });

  it('a database that cannot be created names the path', () => {
    const r = run(['ingest', '--db', '/proc/x.db', 'corpus/dev/s005.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cakupan ingest: \/proc\/x\.db: cannot open or create the database file here .*give another --db/m);
  });

  it('export --out into a missing folder fails naming it and creates nothing', () => {
    const out = join(dir, 'nowhere', 'out.csv');
    const r = run(['export', '--db', db, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${out}: the folder ${join(dir, 'nowhere')} does not exist`);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('an unknown flag exits 2 and prints the command usage', () => {
    const r = run(['export', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(r.stderr).toContain('Usage: cakupan export [options]');
  });

  it('flag errors are ours, never the validation library wording', () => {
    const r = run(['refresh', '--db', db, '--workers', 'abc']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cakupan refresh: --workers: "abc" is not a number');
    expect(r.stderr).not.toMatch(/expected number|received NaN|Invalid input/);
    expect(r.stderr).toContain('Usage: cakupan refresh');
    const t = run(['review', 'list', '--db', db, '--threshold', '7']);
    expect(t.status).toBe(2);
    expect(t.stderr).toContain('--threshold: "7" is above the largest allowed value, 1');
    // A sites file's errors too: our words, the file and the field named.
    const cfg = join(dir, 'sites.json');
    writeFileSync(cfg, JSON.stringify({ relevance: { keywords: ['JKN'] }, sites: [{ name: 'x', url: 'http://a.id/', delaySeconds: 'a' }] }));
    const c = run(['crawl', '--config', cfg, '--db', join(dir, 'crawl.db')]);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain(`${cfg}: sites[0].delaySeconds: "a" is not a number`);
    expect(c.stderr).not.toMatch(/Invalid input|received string/);
  });

  it('the default database is the clone\'s data/cakupan.db wherever the command runs, and --help says so', () => {
    const r = run(['--help'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`else ${join(process.cwd(), 'data', 'cakupan.db')} (a clone: its data/ folder)`);
  });

  it('a busy review port is a clear message', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const r = spawnSync(process.execPath, [BIN, 'review', '--db', db, '--port', String(port)], { encoding: 'utf8', env, timeout: 20_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`cakupan review: 127.0.0.1:${port} is already in use`);
      expect(r.stderr).toContain('--port 0 takes any free one');
      expect(r.stderr).not.toContain('EADDRINUSE');
    } finally {
      server.close();
    }
  });
});

