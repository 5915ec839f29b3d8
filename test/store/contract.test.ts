/**
 * The store contract, run on both backends (a fresh SQLite file; a fresh PostgreSQL schema): ingest, refresh,
 * the reviewer's word, conflicts, the views, export and stats give the same answers, and refresh runs share work
 * through leased batches.
 */
import { describe, expect, it } from 'vitest';
import { refresh, refreshBatch } from '../../src/store/refresh.ts';
import type { CoverageStore, ExportRow, ExtractionResult, StaleArticle } from '../../src/store/types.ts';
import { BACKENDS, backend, type Backend } from './backends.ts';
import { fakeExtractor, syntheticText, textDoc } from './fixtures/fake-extractor.ts';

const A = ['FAKTA 63 coverage_pct 98.5 2025-06', 'FAKTA 63 enrolled_count 4000000 2025-06 even', 'FAKTA 63.03 active_pct 81 2025', 'FAKTA 62 active_pct 70 2024', 'KATEGORI 63 Madya 2025'].join('\n');

async function seed(b: Backend, docs: [string, string][], version = 1, variant = 0): Promise<CoverageStore> {
  const store = await b.open({ extractorVersion: version });
  const run = await store.startRun('ingest', {});
  const ex = fakeExtractor(variant);
  for (const [url, text] of docs) {
    const doc = textDoc(url, text);
    await store.saveDocument(doc, ex(doc), run);
  }
  await store.recomputeConflicts();
  await store.finishRun(run, 'ok');
  return store;
}

type FactRow = { id: number; article_id: number; region_code: string; metric: string; value: number; extracted_value: number; as_of: string | null; status: string; retired_from: string | null; flags: string; version: number };
const facts = (b: Backend, where = '1 = 1', params: unknown[] = []) => b.all<FactRow>(`SELECT * FROM facts WHERE ${where} ORDER BY id`, params);
const fact = async (b: Backend, where: string, params: unknown[] = []) => (await facts(b, where, params))[0]!;

/** What a scenario leaves behind, minus the instants and ids that differ run to run. */
async function snapshot(store: CoverageStore) {
  const rows: Omit<ExportRow, 'updated_at'>[] = [];
  for await (const r of store.exportRows({ statuses: ['auto', 'accepted', 'corrected', 'rejected', 'retired'] })) {
    const { updated_at: _u, ...rest } = r;
    rows.push(rest);
  }
  const latest = await store.coverageLatest();
  const timeline = await store.timeline('63');
  const stats = await store.stats();
  return { rows, latest, timeline, stats: { ...stats, totals: { ...stats.totals, runs: 0 } } };
}

/** One scenario of every kind of write: ingest, a linked copy, reviews, a refresh with a new extractor. */
async function scenario(b: Backend) {
  let store = await seed(b, [
    ['https://a.example/1', A],
    ['https://b.example/1', A],
    ['https://c.example/2', 'FAKTA 63 coverage_pct 97.1 2025-06\nFAKTA 33.10 active_count 120000 2025'],
    ['https://d.example/3', 'FAKTA 00 coverage_pct 98.2 2025\nFAKTA 62 active_pct 70 2024'],
  ]);
  const cov = await fact(b, "metric = 'coverage_pct' AND value = 97.1");
  await store.reviewFact({ factId: cov.id, version: cov.version, who: 'rina', action: 'correct', changes: { value: 97.2 }, note: 'tabel' });
  const act = await fact(b, "region_code = '62'");
  await store.reviewFact({ factId: act.id, version: act.version, who: 'budi', action: 'accept' });
  await store.close();
  store = await b.open({ extractorVersion: 2 });
  const rec = await refresh(store, { extractor: fakeExtractor(1), progress: false, batchSize: 2 });
  return { store, rec };
}

describe.each(BACKENDS)('store contract on %s', (kind) => {
  it('stores a document once: new, then unchanged state, then linked from a copy with the same text', async () => {
    const b = await backend(kind);
    const store = await b.open();
    const run = await store.startRun('ingest', { test: true });
    const ex = fakeExtractor(0);
    const d1 = textDoc('https://a.example/1', A);
    expect(await store.saveDocument(d1, ex(d1), run)).toMatchObject({ kind: 'new', counts: { articles_new: 1, facts_added: 4 } });
    expect(await store.pageState('https://a.example/1')).toMatchObject({ articleId: 1, extractorVersion: store.extractorVersion });
    expect(await store.pageState('https://nowhere.example/')).toBeNull();
    const d2 = textDoc('https://b.example/copy', A);
    expect(await store.saveDocument(d2, ex(d2), run)).toMatchObject({ kind: 'linked', articleId: 1 });
    expect(await store.saveDocument(d1, ex(d1), run)).toMatchObject({ kind: 'updated', articleId: 1 });
    const rec = await store.finishRun(run, 'ok');
    expect(rec).toMatchObject({ command: 'ingest', outcome: 'ok', pages_seen: 3, articles_new: 1, articles_linked: 1, facts_added: 4 });
    expect(await b.all('SELECT count(*) AS n FROM facts')).toEqual([{ n: 4 }]);
    expect(await b.all('SELECT count(*) AS n FROM categories')).toEqual([{ n: 1 }]);
    expect(await b.all('SELECT url, is_primary FROM article_sources ORDER BY page_id')).toEqual([
      { url: 'https://a.example/1', is_primary: 1 },
      { url: 'https://b.example/copy', is_primary: 0 },
    ]);
    await store.close();
  });

  it('refresh keeps the reviewer’s word, retires what is no longer extracted, and audits every change', async () => {
    const b = await backend(kind);
    let store = await seed(b, [['https://a.example/1', A]]);
    const cov = await fact(b, "metric = 'coverage_pct'");
    await store.reviewFact({ factId: cov.id, version: 1, who: 'rina', action: 'accept' });
    const act = await fact(b, "region_code = '63.03'");
    await store.reviewFact({ factId: act.id, version: 1, who: 'rina', action: 'correct', changes: { value: 81.5, asOf: '2025-12' }, note: 'angka di tabel' });
    await expect(store.reviewFact({ factId: cov.id, version: 1, who: 'budi', action: 'reject' })).rejects.toThrow(/changed since version 1 \(now 2\); reload it/);
    await store.close();

    store = await b.open({ extractorVersion: 2 });
    const rec = await refresh(store, { extractor: fakeExtractor(1), progress: false });
    expect(rec).toMatchObject({ outcome: 'ok', articles_extracted: 1, facts_retired: 1 });
    expect(await fact(b, "metric = 'coverage_pct'")).toMatchObject({ status: 'accepted', value: 98.5, extracted_value: 98.4, flags: '["extraction_differs"]' });
    expect(await fact(b, "region_code = '63.03'")).toMatchObject({ status: 'corrected', value: 81.5, as_of: '2025-12', extracted_value: 80.9 });
    expect(await fact(b, "metric = 'enrolled_count'")).toMatchObject({ status: 'retired', retired_from: 'auto' });
    expect(await b.all("SELECT who, action, note FROM reviews WHERE who <> 'cakupan refresh' ORDER BY id")).toEqual([
      { who: 'rina', action: 'accept', note: null },
      { who: 'rina', action: 'correct', note: 'angka di tabel' },
    ]);
    await expect(b.run("UPDATE reviews SET who = 'x'")).rejects.toThrow(/append-only/);
    await expect(b.run('DELETE FROM reviews')).rejects.toThrow(/append-only/);
    expect(await refresh(store, { extractor: fakeExtractor(1), progress: false })).toMatchObject({ articles_extracted: 0 });
    await store.close();
  });

  it('rejecting one of two conflicting figures clears the other’s conflict flag, with one audit row', async () => {
    const b = await backend(kind);
    const store = await seed(b, [
      ['https://a.example/1', 'FAKTA 63 coverage_pct 98.5 2025-06'],
      ['https://b.example/1', 'FAKTA 63 coverage_pct 97.0 2025-06'],
    ]);
    const both = await facts(b);
    expect(both.map((f) => JSON.parse(f.flags))).toEqual([['conflict'], ['conflict']]);
    await store.reviewFact({ factId: both[1]!.id, version: both[1]!.version, who: 'rina', action: 'reject', note: 'salah ketik' });
    const after = await facts(b);
    expect(after.map((f) => [f.status, JSON.parse(f.flags)])).toEqual([
      ['auto', []],
      ['rejected', []],
    ]);
    expect(await b.all("SELECT subject, subject_id, action, who, note FROM reviews ORDER BY id")).toEqual([
      { subject: 'fact', subject_id: both[1]!.id, action: 'reject', who: 'rina', note: 'salah ketik' },
    ]);
    // Reopening brings the conflict back, and a full recompute agrees with the per-decision recheck.
    await store.reviewFact({ factId: both[1]!.id, version: after[1]!.version, who: 'rina', action: 'reopen' });
    expect((await facts(b)).map((f) => JSON.parse(f.flags))).toEqual([['conflict'], ['conflict']]);
    expect(await store.recomputeConflicts()).toBe(0);
    await store.close();
  });

  it('two refreshes at once share one plan, with a reviewer at work: every article refreshed once, each run counts its own, every correction kept', async () => {
    const b = await backend(kind);
    const n = 60;
    const seeded = await seed(b, Array.from({ length: n }, (_, i) => [`https://s.example/${i}`, syntheticText(i)] as [string, string]), 1, 1);
    await seeded.close();
    // A reviewer's corrections before the pass, and more decisions while the two runs write.
    const reviewer = await b.open();
    const before = await facts(b, "metric = 'coverage_pct' AND status = 'auto'");
    for (const f of before.slice(0, 5)) await reviewer.reviewFact({ factId: f.id, version: f.version, who: 'rina', action: 'correct', changes: { value: 55.5 } });
    const [s1, s2] = [await b.open({ extractorVersion: 2 }), await b.open({ extractorVersion: 2 })];
    const ex = fakeExtractor(2);
    // A slow extractor (a few ms per batch) so the two runs interleave batch by batch.
    const slow = async (batch: StaleArticle[]): Promise<ExtractionResult[]> => {
      await new Promise((r) => setTimeout(r, 15));
      return batch.map((article) => ({ article, extraction: ex(article) }));
    };
    const during = async () => {
      // Decisions on the next facts while the refreshes run: a stale version is refused, never lost silently.
      let made = 0;
      for (const f of before.slice(5, 15)) {
        await new Promise((r) => setTimeout(r, 10));
        const cur = await fact(b, 'id = ?', [f.id]);
        try {
          await reviewer.reviewFact({ factId: f.id, version: cur.version, who: 'budi', action: 'correct', changes: { value: 44.4 } });
          made++;
        } catch (err) {
          expect(String(err)).toMatch(/changed (since version|while saving)/);
        }
      }
      return made;
    };
    const [r1, r2, made] = await Promise.all([
      refresh(s1, { extractBatch: slow, batchSize: 5, progress: false }),
      refresh(s2, { extractBatch: slow, batchSize: 5, progress: false }),
      during(),
    ]);
    expect(made).toBeGreaterThan(0);
    // Every correction kept, by value and status, with exactly one audit row each.
    expect((await facts(b, "status = 'corrected' AND value = 55.5")).length).toBe(5);
    expect((await facts(b, "status = 'corrected' AND value = 44.4")).length).toBe(made);
    expect(await b.all("SELECT who, count(*) AS n FROM reviews WHERE action = 'correct' GROUP BY who ORDER BY who")).toEqual([
      { who: 'budi', n: made },
      { who: 'rina', n: 5 },
    ]);
    await reviewer.close();
    expect(r1.articles_extracted + r2.articles_extracted).toBe(n);
    expect(r1.articles_extracted).toBeGreaterThan(0);
    expect(r2.articles_extracted).toBeGreaterThan(0);
    expect(await b.all('SELECT extractor_version AS v, count(*) AS n FROM articles GROUP BY extractor_version')).toEqual([{ v: 2, n }]);
    expect(await b.all('SELECT count(*) AS n FROM (SELECT article_id, match_key FROM facts GROUP BY article_id, match_key HAVING count(*) > 1) d')).toEqual([{ n: 0 }]);
    expect(await b.all('SELECT count(*) AS plans, min(finished_at) IS NOT NULL AS closed FROM refresh_plans')).toEqual([{ plans: 1, closed: kind === 'sqlite' ? 1 : true }]);
    const done = await b.all<{ run: number; n: number }>('SELECT done_run_id AS run, sum(articles) AS n FROM refresh_batches GROUP BY done_run_id ORDER BY done_run_id');
    expect(done).toEqual([
      { run: r1.id, n: r1.articles_extracted },
      { run: r2.id, n: r2.articles_extracted },
    ].sort((x, y) => x.run - y.run));
    await s1.close();
    await s2.close();
  });

  it('a batch leased by a run that died is taken over at once; one whose lease is live is not', async () => {
    const b = await backend(kind);
    const seeded = await seed(b, Array.from({ length: 10 }, (_, i) => [`https://s.example/${i}`, syntheticText(i)] as [string, string]), 1, 1);
    await seeded.close();
    const store = await b.open({ extractorVersion: 2 });
    const dead = await store.startRun('refresh', { all: false });
    const plan = await store.planRefresh({ all: false, runId: dead, cutoffRunId: 0, batchSize: 5 });
    expect(plan).toMatchObject({ batches: 2, articles: 10, joined: false });
    const held = await store.leaseRefreshBatch({ planId: plan.id, runId: dead, leaseMs: 60_000 });
    expect(held).toMatchObject({ firstArticleId: 1, lastArticleId: 5 });
    const live = await store.startRun('refresh', { all: false });
    // The first batch is held by a running run with a live lease: the other run gets the second.
    expect(await store.leaseRefreshBatch({ planId: plan.id, runId: live, leaseMs: 60_000 })).toMatchObject({ firstArticleId: 6 });
    expect(await store.leaseRefreshBatch({ planId: plan.id, runId: live, leaseMs: 60_000 })).toBeNull();
    // While its holder runs, a worker handed that batch fails the job (to be retried), never completes it undone.
    await expect(refreshBatch(store, { planId: plan.id, batchId: held!.id }, live, { extractor: fakeExtractor(2) })).rejects.toThrow(/batch \d+ is leased by another running refresh/);
    await store.finishRun(dead, 'interrupted');
    const job = await refreshBatch(store, { planId: plan.id, batchId: held!.id }, live, { extractor: fakeExtractor(2) });
    expect(job).toMatchObject({ counts: { articles_extracted: 5 } });
    // The dead run's late write is refused: the batch is no longer its own.
    const late = await store.saveExtractions([], dead, { batchId: held!.id });
    expect(late).toMatchObject({ leaseLost: true, counts: { articles_extracted: 0 } });
    expect(await store.finishRefreshPlan(plan.id)).toBe(false);
    // A batch done already: the job is a no-op.
    expect(await refreshBatch(store, { planId: plan.id, batchId: held!.id }, live, { extractor: fakeExtractor(2) })).toBeNull();
    await store.close();
  });

  it('gives the same export, views and stats as the other backend for the same writes', async () => {
    const mine = await scenario(await backend(kind));
    const other = await scenario(await backend(kind === 'sqlite' ? 'postgres' : 'sqlite'));
    expect(mine.rec).toMatchObject({ outcome: 'ok', articles_extracted: 3 });
    const [a, c] = [await snapshot(mine.store), await snapshot(other.store)];
    expect(a.rows.length).toBeGreaterThan(5);
    expect(a).toEqual(c);
    expect(a.latest.find((r) => r.region_code === '63' && r.metric === 'coverage_pct')).toMatchObject({ value: 97.2, status: 'corrected' });
    await mine.store.close();
    await other.store.close();
  });
});
