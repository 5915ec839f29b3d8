import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, truncateSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite.ts';
import { fakeExtractor, fakeFacts, syntheticText, textDoc } from './fixtures/fake-extractor.ts';
import { BACKENDS, backend, type Backend } from './backends.ts';
import { cli, tempDir } from './helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CHILD = join(ROOT, 'test/store/fixtures/refresh-child.ts');
/** Articles in the crash and concurrency databases: enough for dozens of commits per refresh. */
const ARTICLES = 1200;
/** SIGKILLs per crash test run: "many", while keeping the suite fast. */
const KILLS = 6;

async function seed(path: string, n = ARTICLES): Promise<void> {
  const store = openStore(path, { extractorVersion: 1 });
  const run = await store.startRun('ingest', {});
  const ex = fakeExtractor(1);
  for (let i = 0; i < n; i++) {
    const d = textDoc(`https://s.example/${i}`, syntheticText(i));
    await store.saveDocument(d, ex(d), run);
  }
  await store.finishRun(run, 'ok');
  await store.close();
}

/** The same seed on any backend (a SQLite path or a PostgreSQL URL). */
async function seedAt(b: Backend, n = ARTICLES): Promise<void> {
  const store = await b.open({ extractorVersion: 1 });
  const run = await store.startRun('ingest', {});
  const ex = fakeExtractor(1);
  for (let i = 0; i < n; i++) {
    const d = textDoc(`https://s.example/${i}`, syntheticText(i));
    await store.saveDocument(d, ex(d), run);
  }
  await store.finishRun(run, 'ok');
  await store.close();
}

/**
 * The invariant a crash must not break, on any backend: every article's live facts are exactly what its recorded
 * extractor version produces (nothing half-written, nothing lost), and no fact is stored twice.
 */
async function checkConsistentAt(b: Backend): Promise<{ versions: Map<number, number> }> {
  if (b.kind === 'sqlite') expect(await b.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  expect(await b.all('SELECT count(*) AS n FROM (SELECT article_id, match_key FROM facts GROUP BY 1, 2 HAVING count(*) > 1) d')).toEqual([{ n: 0 }]);
  const articles = await b.all<{ id: number; v: number; text: string }>('SELECT id, extractor_version AS v, text FROM articles ORDER BY id');
  const live = await b.all<{ article_id: number; region_code: string; metric: string; value: number; as_of: string | null; evidence_text: string }>(
    "SELECT article_id, region_code, metric, value, as_of, evidence_text FROM facts WHERE status IN ('auto', 'accepted', 'corrected') ORDER BY article_id, evidence_start",
  );
  const byArticle = new Map<number, unknown[][]>();
  for (const f of live) {
    const list = byArticle.get(f.article_id) ?? [];
    list.push([f.region_code, f.metric, f.value, f.as_of, f.evidence_text]);
    byArticle.set(f.article_id, list);
  }
  expect(articles).toHaveLength(ARTICLES);
  const versions = new Map<number, number>();
  for (const r of articles) {
    versions.set(r.v, (versions.get(r.v) ?? 0) + 1);
    const want = fakeFacts(r.text, r.v).facts.map((f) => [f.region.code, f.metric, f.value, f.asOf, f.evidence.text]);
    expect(byArticle.get(r.id) ?? [], `article ${r.id} at version ${r.v}`).toEqual(want);
  }
  return { versions };
}

/** Starts a refresh child; resolves `started` when it has opened the store and begins work. */
function startChild(db: string, version: number, goFile?: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD, db, String(version), '20', ...(goFile ? [goFile] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onStart: () => void;
  let onReady: () => void;
  const started = new Promise<void>((r) => (onStart = r));
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('ready\n')) onReady();
    if (out.includes('start\n')) onStart();
  });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const startedOrDied = Promise.race([
    started,
    exited.then(({ code, signal }) => {
      if (!out.includes('start\n')) throw new Error(`refresh child exited (${code ?? signal}) before starting: ${err}`);
    }),
  ]);
  return { child, started: startedOrDied, ready, exited, output: () => out, errors: () => err };
}

describe.each(BACKENDS)('crash safety on %s', (kind) => {
  it(`survives ${KILLS} SIGKILLs at random points of a refresh: no fact duplicated or lost, no batch counted twice, the next refresh completes`, async () => {
    const b = await backend(kind);
    await seedAt(b);
    let killedMidRun = 0;
    for (let i = 0; i < KILLS; i++) {
      const c = startChild(b.location, 2 + i);
      await c.started;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 600)));
      c.child.kill('SIGKILL');
      const { signal } = await c.exited;
      const [last] = await b.all<{ outcome: string }>("SELECT outcome FROM runs WHERE command = 'refresh' ORDER BY id DESC LIMIT 1");
      if (signal === 'SIGKILL' && (last!.outcome === 'running' || last!.outcome === 'interrupted')) killedMidRun++;
      await checkConsistentAt(b);
    }
    expect(killedMidRun).toBeGreaterThan(0);
    const last = startChild(b.location, 2 + KILLS);
    const { code } = await last.exited;
    expect(last.errors()).toBe('');
    expect(code).toBe(0);
    const rec = JSON.parse(last.output().split('done ')[1]!);
    expect(rec).toMatchObject({ outcome: 'ok', errors: 0, articles_extracted: ARTICLES });
    const { versions } = await checkConsistentAt(b);
    expect([...versions]).toEqual([[2 + KILLS, ARTICLES]]);
    // Every batch done is counted in the run that did it, exactly once.
    const counted = await b.all<{ run: number; n: number; extracted: number }>(
      `SELECT r.id AS run, (SELECT COALESCE(sum(articles), 0) FROM refresh_batches WHERE done_run_id = r.id) AS n, r.articles_extracted AS extracted
       FROM runs r WHERE r.command = 'refresh' ORDER BY r.id`,
    );
    for (const c of counted) expect(c.extracted, `run ${c.run}`).toBe(c.n);
    expect(await b.all("SELECT count(*) AS n FROM runs WHERE command = 'refresh' AND outcome = 'running'")).toEqual([{ n: 0 }]);
    expect(await b.all("SELECT count(*) AS n FROM runs WHERE command = 'refresh' AND outcome = 'interrupted'")).toEqual([{ n: killedMidRun }]);
  }, 240_000);

  it('two refresh processes at once split the work: together every article once, each run row only its own (issue 12, point 8)', async () => {
    const b = await backend(kind);
    await seedAt(b);
    // Both open the store, then start their refreshes together (a go file), so neither can finish before the other begins.
    const go = join(tempDir(), 'go');
    const [c1, c2] = [startChild(b.location, 2, go), startChild(b.location, 2, go)];
    await Promise.race([Promise.all([c1.ready, c2.ready]), Promise.all([c1.exited, c2.exited])]);
    writeFileSync(go, '');
    const [e1, e2] = [await c1.exited, await c2.exited];
    expect([e1.code, e2.code, c1.errors(), c2.errors()]).toEqual([0, 0, '', '']);
    const [r1, r2] = [c1, c2].map((c) => JSON.parse(c.output().split('done ')[1]!) as { id: number; articles_extracted: number; outcome: string });
    expect(r1!.articles_extracted + r2!.articles_extracted).toBe(ARTICLES);
    expect(r1!.articles_extracted).toBeGreaterThan(0);
    expect(r2!.articles_extracted).toBeGreaterThan(0);
    const { versions } = await checkConsistentAt(b);
    expect([...versions]).toEqual([[2, ARTICLES]]);
    expect(await b.all("SELECT id, articles_extracted AS n, outcome FROM runs WHERE command = 'refresh' ORDER BY id")).toEqual(
      [r1!, r2!].sort((x, y) => x.id - y.id).map((r) => ({ id: r.id, n: r.articles_extracted, outcome: 'ok' })),
    );
  }, 240_000);
});

describe('reliability', () => {
  it('readers keep reading consistent snapshots while a refresh writes', async () => {
    const dir = tempDir();
    const db = join(dir, 'rw.db');
    await seed(db);
    const reader = new Database(db, { readonly: true });
    const snapshot = reader.prepare(
      `SELECT a.id, a.extractor_version AS v, a.text, (SELECT count(*) FROM facts f WHERE f.article_id = a.id AND f.status = 'auto') AS live FROM articles a`,
    );
    const c = startChild(db, 2);
    await c.started;
    let reads = 0;
    const seenVersions = new Set<string>();
    let running = true;
    void c.exited.then(() => (running = false));
    while (running) {
      const rows = snapshot.all() as { id: number; v: number; text: string; live: number }[];
      for (const r of rows) expect(r.live, `article ${r.id}`).toBe(fakeFacts(r.text, r.v).facts.length);
      seenVersions.add([...new Set(rows.map((r) => r.v))].sort().join(','));
      reads++;
      await new Promise((r) => setImmediate(r));
    }
    expect((await c.exited).code).toBe(0);
    reader.close();
    expect(reads).toBeGreaterThan(0);
    // At least one read saw the refresh half-way (some articles at version 1, some at 2) or before/after it.
    expect([...seenVersions].every((v) => ['1', '1,2', '2'].includes(v))).toBe(true);
  }, 60_000);

  it('a database locked by another writer gets a wait, then a clear error; it works once the lock is gone', async () => {
    const db = join(tempDir(), 'busy.db');
    await openStore(db).close();
    const other = new Database(db);
    other.prepare('BEGIN IMMEDIATE').run();
    const store = openStore(db, { busyTimeoutMs: 150 });
    await expect(store.startRun('ingest', {})).rejects.toThrow(`${db}: the database is locked by another writer; waited 150 ms and gave up`);
    other.prepare('COMMIT').run();
    other.close();
    const run = await store.startRun('ingest', {});
    const d = textDoc('https://a.example/1', 'FAKTA 63 coverage_pct 98 2025');
    await expect(store.saveDocument(d, fakeExtractor()(d), run)).resolves.toMatchObject({ kind: 'new' });
    await store.close();
  });

  describe('a corrupt or foreign file given as --db gets a clear error and is not modified', () => {
    const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    const cases: [string, (path: string) => void | Promise<void>, RegExp][] = [
      ['a text file', (p) => writeFileSync(p, 'region,value\nKalsel,98\n'), /is not a SQLite database \(it starts with "region,value\\nKal"\); it was not modified/],
      [
        'another program’s SQLite database',
        (p) => {
          const d = new Database(p);
          d.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, \'x\')');
          d.close();
        },
        /is a SQLite database of another program \(tables: customers\); it was not modified/,
      ],
      [
        'a SQLite file with another application_id',
        (p) => {
          const d = new Database(p);
          d.pragma('application_id = 1234');
          d.close();
        },
        /another program \(application_id 0x4d2\)/,
      ],
      [
        'a cakupan database with damaged pages',
        async (p) => {
          await seed(p, 300);
          const fd = openSync(p, 'r+');
          writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 4096 * 3);
          closeSync(fd);
        },
        /the database is corrupt/,
      ],
      [
        'a truncated cakupan database',
        async (p) => {
          await seed(p, 300);
          truncateSync(p, Math.floor(statSync(p).size / 2));
        },
        /the database is corrupt/,
      ],
    ];
    it.each(cases)('%s', async (_name, make, message) => {
      const p = join(tempDir(), 'given.db');
      await make(p);
      const before = sha(p);
      expect(() => openStore(p)).toThrow(message);
      const r = await cli(['export', '--format', 'csv', '--db', p]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^cakupan export: ${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
      expect(r.stderr).toMatch(message);
      expect(sha(p)).toBe(before);
      expect(existsSync(p + '-journal')).toBe(false);
    });
  });
});
