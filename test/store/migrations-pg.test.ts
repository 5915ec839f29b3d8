/**
 * Migrations on PostgreSQL, as `migrations.test.ts` checks them on SQLite: an older database is upgraded keeping its
 * data, a file added later inside a gap is applied, a failing file is rolled back whole and named, ten openers at
 * once migrate once, and a database of a newer cakupan is refused.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, migratePg, MIGRATIONS_DIR } from '../../src/store/migrate.ts';
import { openPgStore } from '../../src/store/postgres.ts';
import { createPgPool } from '../../src/store/pg.ts';
import { backend } from './backends.ts';
import { tempDir } from './helpers.ts';

/** A schema as an older cakupan left it: migrated up to `version`, with a little data where tables exist. */
async function buildAt(location: string, version: number): Promise<void> {
  const h = await createPgPool(location);
  try {
    await migratePg(h.pool, { upTo: version });
    if (version >= 1) {
      const q = (sql: string, params: unknown[] = []) => h.pool.query(sql, params);
      await q("INSERT INTO regions (code, name, level, province_code, population) VALUES ('63', 'Provinsi Kalimantan Selatan', 'provinsi', '63', 4200000)");
      await q("INSERT INTO sites (id, host, first_seen) VALUES (1, 'example.id', '2026-01-01')");
      await q("INSERT INTO runs (id, command, started_at, extractor_version, outcome) VALUES (1, 'ingest', '2026-01-01', 1, 'ok')");
      await q("INSERT INTO pages (id, url, site_id, fetched_at, kind, sha256, size, body) VALUES (1, 'https://example.id/a', 1, '2026-01-01', 'text', 'x', 1, $1)", [Buffer.from([0])]);
      await q("INSERT INTO articles (id, page_id, extractor_version, extracted_at, text_sha256, text_fingerprint, text) VALUES (1, 1, 1, '2026-01-01', 'x', 'y', 'cakupan 98 persen')");
      await q('UPDATE pages SET article_id = 1');
      await q(`INSERT INTO facts (id, article_id, match_key, region_code, metric, value, as_of, confidence, evidence_start, evidence_end, evidence_text,
                                  extracted_value, extractor_version, created_at, updated_at)
               VALUES (1, 1, 'k1', '63', 'coverage_pct', 98, '2025', 0.9, 8, 17, '98 persen', 98, 1, '2026-01-01', '2026-01-01')`);
      await q("INSERT INTO reviews (subject, subject_id, action, who, at) VALUES ('fact', 1, 'accept', 'tester', '2026-01-02')");
      for (const t of ['sites', 'runs', 'pages', 'articles', 'facts']) await q(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), 1)`);
    }
  } finally {
    await h.close();
  }
}

describe('migrations on PostgreSQL', () => {
  const all = listMigrations();

  it.each([0, 1, 3, 4, ...all.filter((m) => m.version > 4).slice(0, -1).map((m) => m.version)])('upgrades a schema at version %i to the latest, keeping its data', async (version) => {
    const b = await backend('postgres');
    await buildAt(b.location, version);
    const store = await openPgStore(b.location);
    expect((await b.all<{ v: number }>('SELECT max(version) AS v FROM schema_migrations'))[0]!.v).toBe(all.at(-1)!.version);
    expect((await b.all<{ n: number }>('SELECT count(*) AS n FROM schema_migrations'))[0]!.n).toBe(all.length);
    if (version >= 1) {
      expect(await b.all('SELECT value, status FROM facts WHERE id = 1')).toEqual([{ value: 98, status: 'auto' }]);
      expect(await b.all("SELECT count(*) AS n FROM reviews WHERE who = 'tester'")).toEqual([{ n: 1 }]);
      expect((await store.coverageLatest()).map((r) => [r.region_code, r.metric, r.value])).toEqual([['63', 'coverage_pct', 98]]);
    }
    await store.close();
  });

  it('applies a file added later inside a gap; rolls a failing file back whole and names it; ten openers at once migrate once', async () => {
    const own = all.filter((m) => m.version <= 9);
    const mig = join(tempDir(), 'migrations');
    mkdirSync(mig);
    for (const m of own) copyFileSync(join(MIGRATIONS_DIR, m.file), join(mig, m.file));
    writeFileSync(join(mig, '015_crawl_frontier.sql'), 'CREATE TABLE frontier (url TEXT PRIMARY KEY, state TEXT NOT NULL) STRICT;');
    const b = await backend('postgres');
    const h = await createPgPool(b.location, { max: 10 });
    try {
      const runs = await Promise.all(Array.from({ length: 10 }, () => migratePg(h.pool, { dir: mig })));
      expect(runs.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect(runs.map((r) => r.to)).toEqual(Array(10).fill(15));
      writeFileSync(join(mig, '012_fetch_log.sql'), 'CREATE TABLE fetch_log (id INTEGER PRIMARY KEY, url TEXT NOT NULL) STRICT;');
      writeFileSync(join(mig, '021_review_broken.sql'), 'CREATE TABLE review_notes (id INTEGER PRIMARY KEY);\nALTER TABLE no_such_table ADD COLUMN x TEXT;');
      await expect(migratePg(h.pool, { dir: mig })).rejects.toThrow(/migration 021_review_broken\.sql failed on PostgreSQL: relation "no_such_table" does not exist/);
      expect((await b.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)).toEqual([...own.map((m) => m.version), 12, 15]);
      expect(await b.all("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('fetch_log', 'review_notes')")).toEqual([{ n: 1 }]);
    } finally {
      await h.close();
    }
  });

  it('refuses a database written by a newer cakupan', async () => {
    const b = await backend('postgres');
    await (await openPgStore(b.location)).close();
    await b.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from_the_future', 'x')");
    await expect(openPgStore(b.location)).rejects.toThrow(/newer cakupan \(migrations unknown here: 099_from_the_future\); update cakupan/);
  });
});
