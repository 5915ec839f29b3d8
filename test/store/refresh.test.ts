import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { refresh } from '../../src/store/refresh.ts';
import type { CoverageStore, Extractor } from '../../src/store/types.ts';
import { BACKENDS, backend, type Backend } from './backends.ts';
import { fakeExtractor, textDoc } from './fixtures/fake-extractor.ts';

type FactRow = { id: number; article_id: number; region_code: string; metric: string; value: number; extracted_value: number; as_of: string | null; status: string; retired_from: string | null; flags: string; version: number };

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

const facts = (b: Backend) => b.all<FactRow>('SELECT * FROM facts ORDER BY id');
const fact = async (b: Backend, where: string) => (await b.all<FactRow>(`SELECT * FROM facts WHERE ${where}`))[0]!;

const A = ['FAKTA 63 coverage_pct 98.5 2025-06', 'FAKTA 63 enrolled_count 4000000 2025-06 even', 'FAKTA 63.03 active_pct 81 2025', 'FAKTA 62 active_pct 70 2024'].join('\n');

describe.each(BACKENDS)('refresh on %s', (kind) => {
  it('re-extracts only older versions, updates, retires and adds facts, and is idempotent', async () => {
    const b = await backend(kind);
    let store = await seed(b, [['https://a.example/1', A]]);
    expect(await facts(b)).toHaveLength(4);
    const same = await refresh(store, { extractor: fakeExtractor(0) });
    expect(same).toMatchObject({ command: 'refresh', outcome: 'ok', articles_extracted: 0 });
    await store.close();

    store = await b.open({ extractorVersion: 2 });
    const rec = await refresh(store, { extractor: fakeExtractor(1) });
    expect(rec).toMatchObject({ outcome: 'ok', articles_extracted: 1, facts_added: 0, facts_updated: 3, facts_retired: 1, facts_revived: 0 });
    expect(await fact(b, "metric = 'coverage_pct'")).toMatchObject({ value: 98.4, extracted_value: 98.4, status: 'auto', version: 2 });
    expect(await fact(b, "metric = 'enrolled_count'")).toMatchObject({ status: 'retired', retired_from: 'auto', value: 4000000 });
    const audit = await b.all<{ action: string; who: string; before: string; after: string }>('SELECT action, who, before, after FROM reviews ORDER BY id');
    expect(audit.map((a) => a.action).sort()).toEqual(['reextract', 'reextract', 'reextract', 'retire']);
    expect(audit.every((a) => a.who === 'cakupan refresh')).toBe(true);
    expect(JSON.parse(audit.find((a) => a.action === 'retire')!.after)).toMatchObject({ status: 'retired' });

    const again = await refresh(store, { extractor: fakeExtractor(1) });
    expect(again).toMatchObject({ articles_extracted: 0, facts_updated: 0 });
    const all = await refresh(store, { all: true, extractor: fakeExtractor(1) });
    expect(all).toMatchObject({ articles_extracted: 1, facts_added: 0, facts_updated: 0, facts_retired: 0 });
    expect((await facts(b)).map((f) => f.version)).toEqual([2, 2, 2, 2]);
    await store.close();
  });

  it('keeps the reviewer’s word when the same evidence is extracted again, and revives a retired fact with its status', async () => {
    const b = await backend(kind);
    let store = await seed(b, [['https://a.example/1', A]]);
    const id = async (m: string) => (await fact(b, `metric = '${m}'`)).id;
    await store.reviewFact({ factId: await id('coverage_pct'), version: 1, who: 'rina', action: 'accept' });
    await store.reviewFact({ factId: (await fact(b, "region_code = '63.03'")).id, version: 1, who: 'rina', action: 'correct', changes: { value: 81.5, asOf: '2025-12' }, note: 'angka di tabel' });
    await store.reviewFact({ factId: (await fact(b, "region_code = '62'")).id, version: 1, who: 'budi', action: 'reject' });
    await store.reviewFact({ factId: await id('enrolled_count'), version: 1, who: 'budi', action: 'accept' });
    await expect(store.reviewFact({ factId: await id('coverage_pct'), version: 1, who: 'budi', action: 'reject' })).rejects.toThrow(/changed since version 1 \(now 2\); reload it/);
    await store.close();

    store = await b.open({ extractorVersion: 2 });
    await refresh(store, { extractor: fakeExtractor(1) });
    expect(await fact(b, "metric = 'coverage_pct'")).toMatchObject({ status: 'accepted', value: 98.5, extracted_value: 98.4, flags: '["extraction_differs"]' });
    expect(await fact(b, "region_code = '63.03'")).toMatchObject({ status: 'corrected', value: 81.5, as_of: '2025-12', extracted_value: 80.9 });
    expect(await fact(b, "region_code = '62'")).toMatchObject({ status: 'rejected', value: 70 });
    expect(await fact(b, "metric = 'enrolled_count'")).toMatchObject({ status: 'retired', retired_from: 'accepted' });
    await store.close();

    store = await b.open({ extractorVersion: 3 });
    const rec = await refresh(store, { extractor: fakeExtractor(2) });
    expect(rec).toMatchObject({ facts_revived: 1, facts_retired: 0 });
    expect(await fact(b, "metric = 'enrolled_count'")).toMatchObject({ status: 'accepted', retired_from: null, value: 4000000 });
    expect(await fact(b, "metric = 'coverage_pct'")).toMatchObject({ status: 'accepted', value: 98.5, flags: '["ratio_mismatch_gazetteer"]' });
    expect(await b.all("SELECT who, action, note FROM reviews WHERE who <> 'cakupan refresh' ORDER BY id")).toEqual([
      { who: 'rina', action: 'accept', note: null },
      { who: 'rina', action: 'correct', note: 'angka di tabel' },
      { who: 'budi', action: 'reject', note: null },
      { who: 'budi', action: 'accept', note: null },
    ]);
    expect((await b.all<{ action: string }>("SELECT action FROM reviews WHERE who = 'cakupan refresh' ORDER BY id")).map((r) => r.action)).toEqual(['retire', 'revive']);
    await expect(b.run("UPDATE reviews SET who = 'x'")).rejects.toThrow(/append-only/);
    await expect(b.run('DELETE FROM reviews')).rejects.toThrow(/append-only/);
    await store.close();
  });

  it('flags percentages above 100, enrolled ÷ population off the stated percentage, and conflicting figures across articles', async () => {
    const b = await backend(kind);
    const store = await seed(b, [
      ['https://a.example/1', 'FAKTA 62 coverage_pct 100.18 2025-12-31\nFAKTA 62 active_pct 85.24 2025-12-31'],
      ['https://a.example/2', 'FAKTA 63.03 coverage_pct 98 2025-06\nFAKTA 63.03 enrolled_count 500000 2025-06\nFAKTA 63.03 population 590393 2025-06'],
      ['https://a.example/3', 'FAKTA 63.03 coverage_pct 98 2025\nFAKTA 63.03 enrolled_count 578585 2025'],
      ['https://b.example/1', 'FAKTA 62 coverage_pct 99.5 2025-12-31'],
      ['https://b.example/2', 'FAKTA 62 active_pct 85.24 2025-12-31'],
    ]);
    const flags = async (url: string, metric: string) =>
      JSON.parse((await b.all<{ flags: string }>('SELECT f.flags FROM facts f JOIN articles a ON a.id = f.article_id JOIN pages p ON p.id = a.page_id WHERE p.url = ? AND f.metric = ?', [url, metric]))[0]!.flags);
    expect(await flags('https://a.example/1', 'coverage_pct')).toEqual(['over_100', 'conflict']);
    expect(await flags('https://b.example/1', 'coverage_pct')).toEqual(['conflict']);
    expect(await flags('https://a.example/1', 'active_pct')).toEqual([]);
    expect(await flags('https://a.example/2', 'coverage_pct')).toEqual(['ratio_mismatch']);
    expect(await flags('https://a.example/2', 'enrolled_count')).toEqual(['ratio_mismatch']);
    // 578,585 of the gazetteer's 590,393 is 98.0 %: consistent.
    expect(await flags('https://a.example/3', 'coverage_pct')).toEqual([]);

    const other = await fact(b, "value = 99.5");
    await store.reviewFact({ factId: other.id, version: other.version, who: 'rina', action: 'reject' });
    expect(await flags('https://a.example/1', 'coverage_pct')).toEqual(['over_100']);
    expect(await flags('https://b.example/1', 'coverage_pct')).toEqual([]);
    await store.recomputeConflicts();
    expect(await flags('https://a.example/1', 'coverage_pct')).toEqual(['over_100']);
    // A correction that makes two articles disagree flags both at once.
    const active = await fact(b, "value = 85.24 AND article_id = (SELECT max(article_id) FROM facts WHERE metric = 'active_pct')");
    await store.reviewFact({ factId: active.id, version: active.version, who: 'rina', action: 'correct', changes: { value: 85.42 } });
    expect(await flags('https://a.example/1', 'active_pct')).toEqual(['conflict']);
    expect(await flags('https://b.example/2', 'active_pct')).toEqual(['conflict']);
    const stats = await store.stats();
    expect(stats.byFlag).toEqual([
      { flag: 'conflict', facts: 2 },
      { flag: 'over_100', facts: 1 },
      { flag: 'ratio_mismatch', facts: 2 },
    ]);
    await store.close();
  });

  it('coverage_latest takes the newest date, then the reviewer’s word over a more confident machine; coverage_timeline keeps one row per date', async () => {
    const b = await backend(kind);
    const store = await seed(b, [
      ['https://a.example/1', 'FAKTA 63 coverage_pct 97 2024-12'],
      ['https://a.example/2', 'FAKTA 63 coverage_pct 98.1 2025-06'],
      ['https://a.example/3', 'FAKTA 63 coverage_pct 98.2 2025-06'],
      ['https://a.example/4', 'FAKTA 63 coverage_pct 90 -'],
    ]);
    await b.run('UPDATE facts SET confidence = 0.99 WHERE value = 98.2');
    const low = await fact(b, 'value = 98.1');
    await store.reviewFact({ factId: low.id, version: low.version, who: 'rina', action: 'accept' });
    const latest = await store.coverageLatest();
    expect(latest).toHaveLength(1);
    expect(latest[0]).toMatchObject({ region_code: '63', region_name: 'Provinsi Kalimantan Selatan', metric: 'coverage_pct', value: 98.1, status: 'accepted', effective_date: '2025-06', n_facts: 4, source_url: 'https://a.example/2' });
    const timeline = await store.timeline('63');
    expect(timeline.map((r) => [r.effective_date, r.value, r.n_facts, r.min_value, r.max_value])).toEqual([
      [null, 90, 1, 90, 90],
      ['2024-12', 97, 1, 97, 97],
      ['2025-06', 98.1, 2, 98.1, 98.2],
    ]);
    await store.close();
  });

  it('refresh --all resumes a pass that was killed instead of starting over', async () => {
    const b = await backend(kind);
    const store = await seed(b, [1, 2, 3, 4, 5].map((i) => [`https://a.example/${i}`, `FAKTA 63 coverage_pct 9${i} 2025`]));
    // A `refresh --all` that got through articles 1 and 2, then died (its pid no longer exists).
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const [{ id: killed }] = (await b.all<{ id: number }>(
      "INSERT INTO runs (command, args, started_at, extractor_version, pid, host) VALUES ('refresh', '{\"all\":true,\"cutoff\":null}', 'x', 1, ?, ?) RETURNING id",
      [dead, hostname()],
    )) as [{ id: number }];
    await b.run('UPDATE articles SET extracted_run_id = ? WHERE id <= 2', [killed]);
    const resumed = await refresh(store, { all: true, extractor: fakeExtractor(0) });
    expect(resumed).toMatchObject({ outcome: 'ok', articles_extracted: 3, resumes_run_id: killed });
    expect(await b.all('SELECT outcome FROM runs WHERE id = ?', [killed])).toEqual([{ outcome: 'interrupted' }]);
    const fresh = await refresh(store, { all: true, extractor: fakeExtractor(0) });
    expect(fresh).toMatchObject({ articles_extracted: 5, resumes_run_id: null });
    await store.close();
  });

  it('leaves an article whose re-extraction fails or is refused as it was, and says which page and field', async () => {
    const b = await backend(kind);
    let store = await seed(b, [['https://a.example/1', A], ['https://a.example/2', 'FAKTA 62 coverage_pct 95 2025']]);
    await store.close();
    const failing: Extractor = (doc) => {
      if (doc.url.endsWith('/1')) throw new Error('extractor exploded');
      const ex = fakeExtractor(1)(doc);
      return { ...ex, facts: ex.facts.map((f) => ({ ...f, evidence: { ...f.evidence, text: 'not in the text' } })) };
    };
    store = await b.open({ extractorVersion: 2 });
    const errors: string[] = [];
    const rec = await refresh(store, { extractor: failing, onError: (url, e) => errors.push(`${url} | ${e.message}`) });
    expect(rec).toMatchObject({ outcome: 'partial', errors: 2, articles_extracted: 0 });
    expect(errors).toEqual(['https://a.example/1 | extractor exploded', 'https://a.example/2 | https://a.example/2: facts[0].evidence.text: does not equal the article text at 0..29']);
    expect(rec.message).toMatch(/2 articles could not be re-extracted; first: https:\/\/a\.example\/1: extractor exploded/);
    expect((await b.all<{ v: number }>('SELECT extractor_version AS v FROM articles ORDER BY id')).map((r) => r.v)).toEqual([1, 1]);
    expect((await facts(b)).every((f) => f.status === 'auto' && f.version === 1)).toBe(true);
    await store.close();
  });
});
