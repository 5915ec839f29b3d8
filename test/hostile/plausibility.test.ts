/**
 * Issue 12, point 6: absurd values passed with high confidence — "99999999999999999999999999 jiwa" was stored as 1e26
 * enrolled at 0.95, unflagged. The plausibility gate (src/extract/plausibility.ts) names the reason, the store flags
 * the row `implausible`, and confidence stays under the review threshold, so a reviewer sees it first.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEW_THRESHOLD } from '../../src/extract/confidence.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { cli, tempDir } from '../store/helpers.ts';

const ABSURD = 'Peserta JKN Membludak\nKlaten, 2 Mei 2025 - BPJS Kesehatan mencatat jumlah peserta JKN di Kabupaten Klaten mencapai 99999999999999999999999999 jiwa.\n';
const TOO_MANY = 'Peserta JKN Klaten\nKlaten, 2 Mei 2025 - BPJS Kesehatan mencatat jumlah peserta JKN di Kabupaten Klaten mencapai 5.300.000 jiwa per April 2025.\n';

describe('plausibility gate (issue 12.6)', () => {
  it('extract: an absurd count is kept with its reason, under the review threshold', async () => {
    const dir = tempDir();
    const file = join(dir, 'absurd.txt');
    writeFileSync(file, ABSURD);
    const r = await cli(['extract', '--format', 'json', file]);
    expect(r.status, r.stderr).toBe(0);
    const facts = JSON.parse(r.stdout.trim()).facts as { value: number; confidence: number; reasons: string[] }[];
    const absurd = facts.filter((f) => f.value > 1e20);
    expect(absurd.length).toBeGreaterThan(0);
    for (const f of absurd) {
      expect(f.reasons).toContain('implausible:over-national');
      expect(f.confidence).toBeLessThan(REVIEW_THRESHOLD);
    }
  });

  it('store: the rows are flagged implausible and stay out of the high-confidence set', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    writeFileSync(join(dir, 'absurd.txt'), ABSURD);
    writeFileSync(join(dir, 'too-many.txt'), TOO_MANY);
    const r = await cli(['ingest', '--db', db, join(dir, 'absurd.txt'), join(dir, 'too-many.txt')]);
    expect(r.status, r.stderr).toBe(0);
    const store = openStore(db);
    try {
      const rows = store.db.prepare("SELECT value, confidence, reasons, flags FROM facts WHERE metric = 'enrolled_count'").all() as { value: number; confidence: number; reasons: string; flags: string }[];
      expect(rows.map((x) => x.value).sort((a, b) => a - b)).toEqual([5_300_000, 1e26]);
      for (const x of rows) {
        expect(JSON.parse(x.flags)).toContain('implausible');
        expect(x.confidence).toBeLessThan(REVIEW_THRESHOLD);
      }
      // 5.3 million is over 1.5 x Klaten's 2025 population (about 1.3 million): the region's bound, not the nation's.
      expect(JSON.parse(rows.find((x) => x.value === 5_300_000)!.reasons)).toContain('implausible:over-population');
    } finally {
      await store.close();
    }
  });
});
