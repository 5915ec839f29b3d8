/**
 * The review page and the scripted review commands write through the store's one review operation, on both
 * backends: rejecting one of two conflicting figures on the page clears the other's conflict flag, and the audit
 * rows are the same whether the decision came from the page's service or from `CoverageStore.reviewFact`.
 */
import { describe, expect, it } from 'vitest';
import { ReviewService } from '../../src/review/service.ts';
import type { CoverageStore } from '../../src/store/types.ts';
import { backend, BACKENDS, type Backend } from './backends.ts';
import { fakeExtractor, textDoc } from './fixtures/fake-extractor.ts';

async function twoConflicting(b: Backend): Promise<CoverageStore> {
  const store = await b.open();
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

const rows = (b: Backend) => b.all<{ id: number; status: string; flags: string; version: number }>('SELECT id, status, flags, version FROM facts ORDER BY id');
const audit = async (b: Backend) =>
  (await b.all<Record<string, unknown>>('SELECT subject, subject_id, action, who, before, after, note, undoes FROM reviews ORDER BY id')).map((r) => ({
    ...r,
    before: JSON.parse(String(r.before)),
    after: JSON.parse(String(r.after)),
  }));

describe.each(BACKENDS)('one review write path on %s', (kind) => {
  it('a rejection on the review page clears the other figure’s conflict flag, with the same audit row as reviewFact', async () => {
    const pb = await backend(kind);
    const sb = await backend(kind);
    const page = await twoConflicting(pb);
    const script = await twoConflicting(sb);
    try {
      expect((await rows(pb)).map((r) => r.flags)).toEqual(['["conflict"]', '["conflict"]']);
      const svc = new ReviewService(page);
      const res = await svc.reject({ kind: 'fact', id: 2 }, 1, 'rina', 'angka lama');
      expect(res).toMatchObject({ ok: true, fact: { status: 'rejected', version: 2 } });
      await script.reviewFact({ factId: 2, version: 1, who: 'rina', action: 'reject', note: 'angka lama' });
      for (const b of [pb, sb]) expect((await rows(b)).map((r) => [r.status, r.flags])).toEqual([['auto', '[]'], ['rejected', '[]']]);
      expect(await audit(pb)).toEqual(await audit(sb));
      expect((await audit(pb))[0]).toMatchObject({ action: 'reject', before: { status: 'auto', version: 1 }, after: { status: 'rejected', version: 2 }, undoes: null });

      // Undo on the page restores the figure and its conflict, and says which decision it took back.
      const undone = await svc.undo('rina');
      expect(undone).toMatchObject({ ok: true, fact: { status: 'auto', version: 3 } });
      expect((await rows(pb)).map((r) => [r.status, r.flags])).toEqual([['auto', '["conflict"]'], ['auto', '["conflict"]']]);
      expect((await audit(pb)).at(-1)).toMatchObject({ action: 'undo', undoes: 1, after: { status: 'auto', version: 3 } });
      // The audit log as the page shows it: newest first, the undo naming what it undid.
      const log = await svc.audit();
      expect(log.total).toBe(2);
      expect(log.entries.map((e) => [e.action, e.reviewer, e.reason])).toEqual([['undo', 'rina', 'undoes #1'], ['reject', 'rina', 'angka lama']]);

      // Categories take the same path: a correction, then a stale second decision is a conflict, not an overwrite.
      const cat = await svc.correct({ kind: 'category', id: 1 }, 1, 'budi', { region: { code: '63', name: 'Kalimantan Selatan', level: 'provinsi' }, category: 'Utama', asOf: '2025' } as never);
      expect(cat).toMatchObject({ ok: true, fact: { kind: 'category', category: 'Utama', status: 'corrected', version: 2 } });
      expect(await svc.accept({ kind: 'category', id: 1 }, 1, 'rina')).toMatchObject({ ok: false, kind: 'conflict', by: { reviewer: 'budi' } });
    } finally {
      await page.close();
      await script.close();
    }
  });
});
