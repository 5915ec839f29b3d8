/**
 * A new EXTRACTOR_VERSION reaches stored data: `refresh` re-extracts with the real extractor every article an older
 * version stored, and what reviewers decided (a correction, a rejection) survives the re-extraction. The store's own
 * refresh tests use a fake extractor; this one runs the real engine on real corpus articles in a real SQLite file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/index.ts';
import { ingest } from '../../src/store/ingest.ts';
import { refresh } from '../../src/store/refresh.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { tempDir } from '../store/helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

type Row = { id: number; region_code: string; metric: string; value: number; extracted_value: number; status: string; version: number };

describe('refresh after an EXTRACTOR_VERSION bump (real extractor)', () => {
  it('re-extracts the articles an older version stored and keeps the reviewers’ corrections and rejections', async () => {
    const db = join(tempDir(), 'v.db');
    const old = openStore(db, { extractorVersion: EXTRACTOR_VERSION - 1 });
    const run = await ingest(old, [join(ROOT, 'corpus/dev/s005.json'), join(ROOT, 'corpus/dev/d001.json')]);
    expect(run.outcome).toBe('ok');
    const rows = () => old.db.prepare("SELECT id, region_code, metric, value, extracted_value, status, version FROM facts WHERE status <> 'retired' ORDER BY id").all() as Row[];
    const before = rows();
    expect(before.length).toBeGreaterThan(3);
    const corrected = before.find((f) => f.metric === 'coverage_pct')!;
    const rejected = before.find((f) => f.id !== corrected.id)!;
    await old.reviewFact({ factId: corrected.id, version: corrected.version, who: 'rina', action: 'correct', changes: { value: corrected.value - 0.5 }, note: 'angka di tabel' });
    await old.reviewFact({ factId: rejected.id, version: rejected.version, who: 'budi', action: 'reject' });
    const stale = (old.db.prepare('SELECT COUNT(*) AS n FROM articles WHERE extractor_version < ?').get(EXTRACTOR_VERSION) as { n: number }).n;
    expect(stale).toBe(2);
    await old.close();

    const store = openStore(db);
    const rec = await refresh(store, { progress: false });
    expect(rec).toMatchObject({ outcome: 'ok', articles_extracted: 2 });
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM articles WHERE extractor_version < ?').get(EXTRACTOR_VERSION) as { n: number }).n).toBe(0);
    const get = (id: number) => store.db.prepare('SELECT id, region_code, metric, value, extracted_value, status, version FROM facts WHERE id = ?').get(id) as Row;
    // The reviewer's value stands; the machine's reading is kept beside it.
    expect(get(corrected.id)).toMatchObject({ status: 'corrected', value: corrected.value - 0.5, extracted_value: corrected.value });
    expect(get(rejected.id)).toMatchObject({ status: 'rejected' });
    // A second refresh has nothing left to do.
    expect(await refresh(store, { progress: false })).toMatchObject({ articles_extracted: 0 });
    await store.close();
  });
});
