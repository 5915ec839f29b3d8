/**
 * The review page and the scripted review commands write through the store's one review operation: rejecting
 * one of two conflicting figures on the page clears the other's conflict flag, and the audit rows are the same
 * whether the decision came from the page's service or from `CoverageStore.reviewFact`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewService } from '../../src/review/service.ts';
import { openStore, type SqliteStore } from '../../src/store/sqlite.ts';
import { fakeExtractor, textDoc } from './fixtures/fake-extractor.ts';
import { tempDir } from './helpers.ts';

async function twoConflicting(path: string): Promise<SqliteStore> {
  const store = openStore(path);
  const run = await store.startRun('ingest', {});
  const ex = fakeExtractor(0);
  for (const [url, text] of [
    ['https://a.example/1', 'FAKTA 63 coverage_pct 98.5 2025-06'],
    ['https://b.example/1', 'FAKTA 63 coverage_pct 97.0 2025-06\nKATEGORI 63 Madya 2025'],
  ]) {
    const d = textDoc(url!, text!);
    await store.saveDocument(d, ex(d), run);
  }
  await store.recomputeConflicts();
  await store.finishRun(run, 'ok');
  return store;
}

const rows = (s: SqliteStore) => s.db.prepare('SELECT id, status, flags, version FROM facts ORDER BY id').all() as { id: number; status: string; flags: string; version: number }[];
const audit = (s: SqliteStore) =>
  (s.db.prepare('SELECT subject, subject_id, action, who, before, after, note, undoes FROM reviews ORDER BY id').all() as Record<string, unknown>[]).map((r) => ({
    ...r,
    before: JSON.parse(String(r.before)),
    after: JSON.parse(String(r.after)),
  }));

describe('one review write path', () => {
  it('a rejection on the review page clears the other figure’s conflict flag, with the same audit row as reviewFact', async () => {
    const dir = tempDir();
    const page = await twoConflicting(join(dir, 'page.db'));
    const script = await twoConflicting(join(dir, 'script.db'));
    expect(rows(page).map((r) => r.flags)).toEqual(['["conflict"]', '["conflict"]']);
    const svc = new ReviewService(page);
    const res = svc.reject({ kind: 'fact', id: 2 }, 1, 'rina', 'angka lama');
    expect(res).toMatchObject({ ok: true, fact: { status: 'rejected', version: 2 } });
    await script.reviewFact({ factId: 2, version: 1, who: 'rina', action: 'reject', note: 'angka lama' });
    for (const s of [page, script]) expect(rows(s).map((r) => [r.status, r.flags])).toEqual([['auto', '[]'], ['rejected', '[]']]);
    expect(audit(page)).toEqual(audit(script));
    expect(audit(page)[0]).toMatchObject({ action: 'reject', before: { status: 'auto', version: 1 }, after: { status: 'rejected', version: 2 }, undoes: null });

    // Undo on the page restores the figure and its conflict, and says which decision it took back.
    const undone = svc.undo('rina');
    expect(undone).toMatchObject({ ok: true, fact: { status: 'auto', version: 3 } });
    expect(rows(page).map((r) => [r.status, r.flags])).toEqual([['auto', '["conflict"]'], ['auto', '["conflict"]']]);
    expect(audit(page).at(-1)).toMatchObject({ action: 'undo', undoes: 1, after: { status: 'auto', version: 3 } });

    // Categories take the same path: a correction, then a stale second decision is a conflict, not an overwrite.
    const cat = svc.correct({ kind: 'category', id: 1 }, 1, 'budi', { region: { code: '63', name: 'Kalimantan Selatan', level: 'provinsi' }, category: 'Utama', asOf: '2025' } as never);
    expect(cat).toMatchObject({ ok: true, fact: { kind: 'category', category: 'Utama', status: 'corrected', version: 2 } });
    expect(svc.accept({ kind: 'category', id: 1 }, 1, 'rina')).toMatchObject({ ok: false, kind: 'conflict', by: { reviewer: 'budi' } });
    await page.close();
    await script.close();
  });
});
