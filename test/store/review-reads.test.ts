/**
 * The review stage's reads give the same rows on SQLite (`SqliteReviewReads`, what the review service uses) and on
 * PostgreSQL (`PgReviewReads`): both stores are filled through the store API with the same articles and the same
 * reviewer decisions, then every read is asked the same questions.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PgReviewReads } from '../../src/store/review-reads-pg.ts';
import type { QueueFilterParams, QueueHalf, ReviewReads } from '../../src/store/review-reads.ts';
import type { PgStore } from '../../src/store/postgres.ts';
import type { SqliteStore } from '../../src/store/sqlite.ts';
import type { CoverageStore } from '../../src/store/types.ts';
import { ALL_ARTICLES, seedExtraction } from '../review/seed.ts';
import { backend } from './backends.ts';

async function fill(store: CoverageStore): Promise<void> {
  const runId = await store.startRun('ingest', { seed: true });
  for (const a of ALL_ARTICLES)
    await store.saveDocument(
      { url: a.url, bytes: Buffer.from(a.text, 'utf8'), kind: 'text', contentType: 'text/plain; charset=utf-8', status: 200, headers: {}, fetchedAt: '2026-02-01T00:00:00.000Z', titleHint: a.title, publishedHint: a.published },
      seedExtraction(a),
      runId,
    );
  await store.finishRun(runId, 'ok');
  await store.recomputeConflicts();
  // The same decisions on both: an accept, a rejection with its reason, a correction of a figure and of a category.
  await store.reviewItem({ subject: 'fact', id: 1, version: 1, who: 'ana', action: 'accept' });
  await store.reviewItem({ subject: 'fact', id: 2, version: 1, who: 'ana', action: 'reject', note: 'target, not a figure' });
  await store.reviewItem({ subject: 'fact', id: 3, version: 1, who: 'budi', action: 'correct', changes: { value: 590400 } });
  await store.reviewItem({ subject: 'category', id: 1, version: 1, who: 'budi', action: 'correct', changes: { year: 2025 } });
}

/** Times of writes differ between the two fills: dropped before comparing. */
function timeless(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(timeless);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'at' && k !== 'last').map(([k, x]) => [k, timeless(x)]));
  return v;
}

describe('review reads on SQLite and PostgreSQL', () => {
  it('answer every read with the same rows', { timeout: 120_000 }, async () => {
    const lite = await backend('sqlite');
    const post = await backend('postgres');
    const ls = (await lite.open()) as SqliteStore;
    const ps = (await post.open()) as PgStore;
    try {
      await fill(ls);
      await fill(ps);
      const a: ReviewReads = ls.reviewReads();
      const b = new PgReviewReads(ps.pool);
      const same = async (what: string, x: unknown, y: Promise<unknown>) => expect(timeless(await y), what).toEqual(timeless(await x));

      const p = { threshold: 0.7, seed: 7, buckets: 400_000 };
      const filters: QueueFilterParams[] = [{}, { province: '63' }, { metric: 'coverage_pct' }, { site: 'kalsel.example.id' }, { province: '62', metric: 'coverage_pct' }];
      let queued = 0;
      for (const f of filters)
        for (const half of ['doubtful', 'sample'] as QueueHalf[]) {
          const n = await a.queueCount(half, f, p);
          queued += n;
          await same(`count ${half} ${JSON.stringify(f)}`, n, b.queueCount(half, f, p));
          const page = await a.queuePage(half, f, p, 0, 100);
          await same(`page ${half} ${JSON.stringify(f)}`, page, b.queuePage(half, f, p, 0, 100));
          await same(`page 1..2 ${half}`, a.queuePage(half, f, p, 1, 2), b.queuePage(half, f, p, 1, 2));
          for (const r of page) {
            const it = (await a.item(r.kind, r.id)) as { confidence: number };
            await same(`rank ${r.kind} ${r.id}`, a.queueRank(half, f, p, { ...r, confidence: it.confidence }), b.queueRank(half, f, p, { ...r, confidence: it.confidence }));
          }
        }
      expect(queued).toBeGreaterThan(0);
      const facts = await a.queuePage('doubtful', {}, { ...p, threshold: 2 }, 0, 1000);
      expect(facts.length).toBeGreaterThan(10);
      let sampled = 0;
      for (const r of facts) {
        await same(`item ${r.kind} ${r.id}`, a.item(r.kind, r.id), b.item(r.kind, r.id));
        const s = await a.isSampled(r.id, p);
        if (s) sampled++;
        await same(`sampled ${r.id}`, s, b.isSampled(r.id, p));
        await same(`history ${r.kind} ${r.id}`, a.history(r.kind, r.id), b.history(r.kind, r.id));
        await same(`last review ${r.kind} ${r.id}`, a.lastReview(r.kind, r.id), b.lastReview(r.kind, r.id));
        const f = (await a.item(r.kind, r.id)) as { article_id: number; region_code: string };
        await same(`source ${f.article_id}`, a.source(f.article_id), b.source(f.article_id));
        await same(`article ${f.article_id}`, a.article(f.article_id), b.article(f.article_id));
        await same(`others ${f.region_code}`, a.others(f.region_code, r.id, 5), b.others(f.region_code, r.id, 5));
        await same(`gold facts ${f.article_id}`, a.goldFacts(f.article_id), b.goldFacts(f.article_id));
        await same(`gold categories ${f.article_id}`, a.goldCategories(f.article_id), b.goldCategories(f.article_id));
        await same(`timeline ${f.region_code}`, a.timeline(f.region_code), b.timeline(f.region_code));
        await same(`region ${f.region_code}`, a.regionName(f.region_code), b.regionName(f.region_code));
      }
      expect(sampled).toBeGreaterThan(0);
      expect(sampled).toBeLessThan(facts.length);
      expect(await a.item('fact', 2)).toMatchObject({ status: 'rejected', note: 'target, not a figure' });
      await same('missing item', a.item('fact', 99_999), b.item('fact', 99_999));
      await same('missing region', a.regionName('99.99'), b.regionName('99.99'));
      for (const who of ['ana', 'budi', 'nobody']) await same(`by ${who}`, a.byReviewer(who), b.byReviewer(who));
      await same('audit', a.audit(3), b.audit(3));
      await same('audit count', a.auditCount(), b.auditCount());
      await same('provinces', a.provinces(), b.provinces());
      await same('sites', a.sites(), b.sites());
      for (const levels of [['provinsi'], ['kabupaten', 'kota'], ['provinsi', 'kabupaten', 'kota']]) await same(`coverage ${levels}`, a.coverage(levels), b.coverage(levels));
      expect((await a.coverage(['kabupaten', 'kota'])).length).toBeGreaterThan(0);
      await same('status counts', a.statusCounts().then((r) => r.sort((x, y) => x.status.localeCompare(y.status))), b.statusCounts().then((r) => r.sort((x, y) => x.status.localeCompare(y.status))));
      await same('queue counts', a.queueCounts(p), b.queueCounts(p));
      await same('reviews since', a.reviewsSince('2000-01-01'), b.reviewsSince('2000-01-01'));
      await same('reviewer stats', a.reviewerStats(), b.reviewerStats());
      await same('gold articles', a.goldArticles(), b.goldArticles());
      expect(await b.stamp()).toMatch(/^\d+\/.+\/\d+$/);
    } finally {
      await ls.close();
      await ps.close();
    }
  });

  it('`cakupan review export-gold` writes the same files from a PostgreSQL database as from SQLite', { timeout: 120_000 }, async () => {
    const run = promisify(execFile);
    const out = mkdtempSync(join(tmpdir(), 'cakupan-gold-'));
    try {
      const files: Record<string, Record<string, string>> = {};
      for (const kind of ['sqlite', 'postgres'] as const) {
        const b = await backend(kind);
        const st = await b.open();
        await fill(st);
        await st.close();
        for (const partial of [false, true]) {
          const dir = join(out, `${kind}-${partial}`);
          const r = await run(process.execPath, ['src/bin.js', 'review', 'export-gold', '--db', b.location, '--out', dir, ...(partial ? ['--partial'] : [])]);
          expect(r.stdout).toMatch(partial ? /^[1-9]\d* gold articles/ : /^0 gold articles/);
          files[`${kind}-${partial}`] = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
        }
      }
      expect(Object.keys(files['sqlite-true']!).length).toBeGreaterThan(0);
      expect(files['postgres-true']).toEqual(files['sqlite-true']);
      expect(files['postgres-false']).toEqual(files['sqlite-false']);
      // The corrected figure is in the gold, with the reviewer's value.
      expect(Object.values(files['postgres-true']!).join('')).toContain('590400');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
