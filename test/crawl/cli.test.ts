import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startNewsSite, type NewsSite } from './fixtures/news.ts';
import { KEYWORDS, tempDir } from './helpers.ts';

const BIN = join(process.cwd(), 'src/bin.js');

function run(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((r) => child.on('exit', (code, signal) => r({ code, signal, stdout, stderr })));
  return { child, done };
}

let sites: NewsSite[];
let tmp: ReturnType<typeof tempDir>;
let cfgPath: string;
let dbPath: string;

beforeAll(async () => {
  tmp = tempDir();
  sites = await Promise.all([startNewsSite('Satu'), startNewsSite('Dua')]);
  cfgPath = join(tmp.dir, 'sites.json');
  dbPath = join(tmp.dir, 'crawl.db');
  writeFileSync(
    cfgPath,
    JSON.stringify({ relevance: { keywords: KEYWORDS }, defaults: { delaySeconds: 0.15 }, sites: sites.map((s, i) => ({ name: `Situs ${i}`, url: s.server.origin + '/', sections: ['/kesehatan'] })) }),
  );
});
afterAll(async () => {
  await Promise.all(sites.map((s) => s.server.close()));
  tmp.cleanup();
});

describe('cakupan crawl / crawl-report', () => {
  it('a crawl killed with SIGKILL resumes without refetching what is stored', async () => {
    const args = ['crawl', '--config', cfgPath, '--db', dbPath, '--since', '2025-01-01', '--allow-private'];
    const first = run(args);
    // Kill it once some articles are stored, well before the end.
    const deadline = Date.now() + 20_000;
    let stored = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        const db = new Database(dbPath, { readonly: true, fileMustExist: true });
        try {
          stored = db.prepare(`SELECT count(*) FROM crawl_frontier WHERE outcome = 'ingested'`).pluck().get() as number;
        } finally {
          db.close();
        }
      } catch {
        continue; // not created or not migrated yet
      }
      if (stored >= 2) break;
    }
    first.child.kill('SIGKILL');
    const r1 = await first.done;
    expect(r1.signal).toBe('SIGKILL');
    expect(stored).toBeGreaterThanOrEqual(2);

    const db = new Database(dbPath, { readonly: true });
    const storedBefore = db.prepare(`SELECT url FROM pages`).pluck().all() as string[];
    db.close();
    expect(storedBefore.length).toBeGreaterThanOrEqual(2);
    expect(storedBefore.length).toBeLessThan(sites.length * 4);

    const second = await run(args).done;
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/crawl run \d+: \d+ requests to 2 hosts/);

    const after = new Database(dbPath, { readonly: true });
    const pages = (after.prepare(`SELECT url FROM pages`).pluck().all() as string[]).sort();
    const run2 = after.prepare(`SELECT max(id) FROM runs`).pluck().get() as number;
    const refetched = after
      .prepare(`SELECT url FROM crawl_fetch_log WHERE run_id = ? AND requested = 1 AND url IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(run2, JSON.stringify(storedBefore));
    const runs = after.prepare(`SELECT outcome FROM runs ORDER BY id`).pluck().all();
    // Every stored article with its facts (the fixture says "Kabupaten Klaten mencapai 98,77 persen").
    const factsPerPage = after.prepare(`SELECT p.url, count(f.id) AS n FROM pages p LEFT JOIN facts f ON f.article_id = p.article_id GROUP BY p.id`).all() as { url: string; n: number }[];
    const klaten = after.prepare(`SELECT f.value FROM facts f JOIN pages p ON p.article_id = f.article_id WHERE p.url LIKE '%/101/%' AND f.metric = 'coverage_pct' AND f.region_code = '33.10'`).pluck().all();
    after.close();
    expect(factsPerPage.filter((r) => r.n === 0)).toEqual([]);
    expect(klaten).toEqual([98.77, 98.77]);
    expect(pages).toEqual(sites.flatMap((s) => s.relevant).sort());
    expect(refetched).toEqual([]);
    expect(runs).toEqual(['interrupted', 'ok']);
    for (const s of sites) for (const u of storedBefore.filter((x) => x.startsWith(s.server.origin)))
      expect(s.server.hits.filter((h) => h.path === new URL(u).pathname)).toHaveLength(1);

    // The politeness record holds across the kill: the resumed run waited out the host delay.
    const rep = await run(['crawl-report', '--db', dbPath]).done;
    expect(rep.code, rep.stdout + rep.stderr).toBe(0);
    expect(rep.stdout).toContain('politeness: 0 requests to disallowed paths, 0 gaps shorter than the host delay — no rule broken');
    const json = JSON.parse((await run(['crawl-report', '--db', dbPath, '--json']).done).stdout);
    expect(json.totals.ingested).toBe(8);
    expect(json.hosts).toHaveLength(2);
    expect(json.hosts[0].minGapMs).toBeGreaterThanOrEqual(150);
    // --run: only the resumed run's requests (gaps still checked against the run before it).
    const only2 = JSON.parse((await run(['crawl-report', '--db', dbPath, '--json', '--run', String(run2)]).done).stdout);
    expect(only2.totals.requests).toBeGreaterThan(0);
    expect(only2.totals.requests).toBeLessThan(json.totals.requests);
    expect(only2.totals.shortGaps + only2.totals.disallowedRequests).toBe(0);
  }, 60_000);

  it('refuses a bad config naming the field, and bad flags', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ relevance: { keywords: ['JKN'] }, sites: [{ name: 'x', url: 'http://a.id/', delaySeconds: -1 }] }));
    const r = await run(['crawl', '--config', bad, '--db', join(tmp.dir, 'x.db')]).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: sites[0].delaySeconds`);
    const r2 = await run(['crawl', '--config', cfgPath, '--since', '2025-13-45', '--db', join(tmp.dir, 'x.db')]).done;
    // A bad flag is a usage error: exit 2 and the command's usage.
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('Usage: cakupan crawl');
    expect(r2.stderr).toContain('--since');
  }, 30_000);

  it('without --allow-private, loopback sites are refused, nothing is stored, the exit is 1 naming the flag; given the flag, the same database crawls', async () => {
    const db = join(tmp.dir, 'private.db');
    const r = await run(['crawl', '--config', cfgPath, '--db', db]).done;
    // Issue 11: a crawl that reached no host used to exit 0, and the deferral never named the flag.
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/0 articles ingested/);
    expect(r.stdout).toMatch(/DEFERRED: robots.txt unreachable: .* without --allow-private/);
    expect(r.stderr).toMatch(/no host could be crawled:\n {2}127\.0\.0\.1:\d+: deferred: .*--allow-private/);
    // …and the deferral does not outlive the missing flag (it used to: 0 requests, exit 0).
    const again = await run(['crawl', '--config', cfgPath, '--db', db, '--allow-private']).done;
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toMatch(/DEFERRED/);
    expect(again.stdout).toMatch(/[1-9]\d* articles ingested/);
  }, 60_000);
});

describe('one crawl at a time', () => {
  it('refuses to start while another crawl runs on the same database', async () => {
    const db = join(tmp.dir, 'busy.db');
    const slow = join(tmp.dir, 'slow.json');
    writeFileSync(slow, JSON.stringify({ relevance: { keywords: KEYWORDS }, defaults: { delaySeconds: 2 }, sites: [{ name: 'Lambat', url: sites[0].server.origin + '/' }] }));
    const first = run(['crawl', '--config', slow, '--db', db, '--allow-private']);
    // Wait until the first crawl has its run row.
    for (let i = 0; i < 200; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        const d = new Database(db, { readonly: true, fileMustExist: true });
        const n = d.prepare(`SELECT count(*) FROM runs WHERE command = 'crawl' AND outcome = 'running'`).pluck().get() as number;
        d.close();
        if (n) break;
      } catch {
        // not there yet
      }
    }
    const second = await run(['crawl', '--config', cfgPath, '--db', db, '--allow-private']).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/crawl run 1 \(pid \d+ on .*\) is still running/);
    first.child.kill('SIGTERM'); // a graceful stop: the run is recorded interrupted
    expect((await first.done).code).toBe(0);
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT outcome FROM runs ORDER BY id').pluck().all()).toEqual(['interrupted', 'failed']);
    d.close();
  }, 30_000);
});
