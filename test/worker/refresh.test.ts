/**
 * Two `cakupan worker` processes re-extract one PostgreSQL database at the same time (`cakupan refresh --all
 * --db postgres://…` queued its batches) while a reviewer's decisions are in it: nothing lost, nothing stored
 * twice, every decision kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPgStore, type PgStore } from '../../src/store/postgres.ts';
import { ingest } from '../../src/store/ingest.ts';
import { CORPUS_DIR } from '../../src/store/cli.ts';
import { cli, FAST_CLOCKS, freshSchema, waitFor, type Proc, type TestDb } from './helpers.ts';

interface FactRow {
  id: number;
  article_id: number;
  match_key: string;
  region_code: string;
  metric: string;
  value: number;
  as_of: string | null;
  status: string;
  version: number;
}

let db: TestDb;
let store: PgStore;
let before: FactRow[];
let after: FactRow[];
const decided = new Map<number, { status: string; value: number; as_of: string | null }>();
let articles = 0;
let workers: Proc[];
let enqueue: Proc;
const env = { ...FAST_CLOCKS, CAKUPAN_REFRESH_JOB_BATCH: '6' };

const facts = () => db.query<FactRow>(`SELECT id, article_id, match_key, region_code, metric, value, as_of, status, version FROM facts ORDER BY id`);

beforeAll(async () => {
  db = await freshSchema('wrefresh');
  store = await openPgStore(db.url);
  const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(CORPUS_DIR, f));
  await ingest(store, files, { command: 'ingest' });
  articles = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles`))[0].n;
  // A reviewer at work: accepts, corrects (value and date), rejects.
  const live = (await facts()).filter((f) => f.status === 'auto');
  const pick = (i: number) => live[Math.floor((i * live.length) / 9)]!;
  for (const [i, action] of (['accept', 'correct', 'reject', 'accept', 'correct', 'reject', 'correct'] as const).entries()) {
    const f = pick(i);
    await store.reviewFact({ factId: f.id, version: f.version, who: 'rina', action, ...(action === 'correct' ? { changes: { value: Math.round(f.value * 0.9 * 100) / 100, asOf: '2024-12' } } : {}), note: 'dicek di tabel' });
  }
  before = await facts();
  for (const f of before) if (f.status !== 'auto') decided.set(f.id, { status: f.status, value: f.value, as_of: f.as_of });

  // Both workers up before the work arrives (as services run), stopped with SIGTERM once the plan is done.
  workers = [0, 1].map(() => cli(['worker', '--db', db.url], env));
  await waitFor('both workers to start', () => workers.every((w) => /: started on/.test(w.stderr())), 90_000);
  enqueue = cli(['refresh', '--all', '--db', db.url], env);
  expect((await enqueue.done).code).toBe(0);
  await waitFor('the refresh plan to finish', async () => (await db.query(`SELECT id FROM refresh_plans WHERE finished_at IS NULL`)).length === 0 && (await db.query(`SELECT id FROM refresh_plans`)).length > 0, 120_000);
  for (const w of workers) w.child.kill('SIGTERM');
  const exits = await Promise.all(workers.map((w) => w.done));
  for (const [i, e] of exits.entries()) expect(e, workers[i].stderr()).toEqual({ code: 0, signal: null });
  after = await facts();
}, 240_000);

afterAll(async () => {
  await store?.close();
  await db.drop();
});

describe('two workers refresh one database at once', () => {
  it('queues the plan in batches and both workers take some', () => {
    expect(enqueue.stdout()).toMatch(/plan \d+: \d+ batches \(\d+ articles\) enqueued/);
    for (const w of workers) expect(w.stderr()).toMatch(/job \S+ refresh plan \d+ batch \d+: \d+ articles/);
  });

  it('re-extracts every article exactly once between them', async () => {
    const runs = await db.query<{ n: number }>(`SELECT coalesce(sum(articles_extracted), 0)::int AS n FROM runs WHERE command = 'refresh'`);
    expect(runs[0].n).toBe(articles);
    const open = await db.query(`SELECT id FROM refresh_batches WHERE state <> 'done'`);
    expect(open).toEqual([]);
  });

  it('loses nothing and duplicates nothing', () => {
    const key = (f: FactRow) => `${f.article_id}|${f.match_key}`;
    expect(after.length).toBe(before.length);
    expect(new Set(after.map(key)).size).toBe(after.length);
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    const live = (rows: FactRow[]) => rows.filter((f) => f.status !== 'retired' && f.status !== 'rejected').map((f) => `${key(f)}|${f.region_code}|${f.metric}|${f.value}|${f.as_of}`).sort();
    expect(live(after)).toEqual(live(before));
  });

  it('keeps every reviewer decision as it was made', () => {
    expect(decided.size).toBe(7);
    for (const [id, d] of decided) {
      const f = after.find((x) => x.id === id)!;
      expect({ status: f.status, value: f.value, as_of: f.as_of }).toEqual(d);
    }
    const audit = (s: string) => [...decided.values()].filter((d) => d.status === s).length;
    expect(audit('corrected')).toBe(3);
    expect(audit('rejected')).toBe(2);
    expect(audit('accepted')).toBe(2);
  });
});
