/**
 * Issue 11, "the README drifts from the program": its sample outputs are the program's own on the bundled
 * database (`npm run docs` writes them; this test regenerates and compares), every SQL query it shows runs
 * against that database, its hints say `npx cakupan` in a clone, and what it says about exit codes is true.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, README, readmeSql, rewrite } from '../../scripts/docs.ts';

const dir = mkdtempSync(join(tmpdir(), 'cakupan-readme-'));
let blocks: Map<string, string>;
let db: string;
const readme = readFileSync(README, 'utf8');

beforeAll(() => {
  ({ blocks, db } = generate(dir));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README cannot drift', () => {
  it('every marked sample is what the program prints now (npm run docs regenerates them)', () => {
    const { stale, unknown } = rewrite(readme, blocks);
    expect(unknown).toEqual([]);
    expect(stale, 'stale README samples: run `npm run docs`').toEqual([]);
    expect([...readme.matchAll(/<!-- docs:([\w-]+) -->/g)].length).toBeGreaterThanOrEqual(blocks.size);
  });

  it('every SQL query of the README runs on the bundled database', () => {
    const sql = readmeSql(readme);
    expect(sql.length).toBeGreaterThanOrEqual(3);
    const d = new Database(db, { readonly: true });
    try {
      for (const q of sql) expect(() => d.prepare(q).all(), q).not.toThrow();
    } finally {
      d.close();
    }
    expect(sql.some((q) => /json_each/.test(q) && /conflict/.test(q))).toBe(true);
  });

  it('hints name the command as a clone runs it, and the exit codes are as written', () => {
    expect(blocks.get('main')).toMatch(/Try: npx cakupan show Kalsel/);
    expect(readme).toMatch(/2 a usage mistake — an\s+unknown flag/);
    for (const args of [['export', '--bogus'], ['show'], ['crawl', '--max-pages', 'x'], ['extract', '--format', 'xml', 'a.txt']]) {
      const r = spawnSync(process.execPath, ['src/bin.js', ...args], { encoding: 'utf8', env: { ...process.env, CAKUPAN_DB: db } });
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/Usage: cakupan /);
    }
  });
});
