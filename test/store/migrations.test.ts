import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../src/store/config.ts';
import { dumpSchema, listMigrations, migrate, MIGRATIONS_DIR } from '../../src/store/migrate.ts';
import { SCHEMA_FILE, STORE_MIGRATIONS_MAX, storeSchemaText } from '../../src/store/schema-dump.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { tempDir } from './helpers.ts';

/** A database as an older cakupan left it: migrated up to `version`, with a little data where tables exist. */
function buildAt(path: string, version: number): void {
  const db = new Database(path);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  migrate(db, { upTo: version });
  if (version >= 1) {
    db.exec(`
      INSERT INTO regions (code, name, level, province_code, population) VALUES ('63', 'Provinsi Kalimantan Selatan', 'provinsi', '63', 4200000);
      INSERT INTO sites (id, host, first_seen) VALUES (1, 'example.id', '2026-01-01');
      INSERT INTO runs (id, command, started_at, extractor_version, outcome) VALUES (1, 'ingest', '2026-01-01', 1, 'ok');
      INSERT INTO pages (id, url, site_id, fetched_at, kind, sha256, size, body) VALUES (1, 'https://example.id/a', 1, '2026-01-01', 'text', 'x', 1, x'00');
      INSERT INTO articles (id, page_id, extractor_version, extracted_at, text_sha256, text_fingerprint, text) VALUES (1, 1, 1, '2026-01-01', 'x', 'y', 'cakupan 98 persen');
      UPDATE pages SET article_id = 1;
      INSERT INTO facts (id, article_id, match_key, region_code, metric, value, as_of, confidence, evidence_start, evidence_end, evidence_text,
                         extracted_value, extractor_version, created_at, updated_at)
        VALUES (1, 1, 'k1', '63', 'coverage_pct', 98, '2025', 0.9, 8, 17, '98 persen', 98, 1, '2026-01-01', '2026-01-01');
      INSERT INTO reviews (subject, subject_id, action, who, at) VALUES ('fact', 1, 'accept', 'tester', '2026-01-02');`);
  }
  db.close();
}

function schemaOf(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return dumpSchema(db);
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  const own = listMigrations().filter((m) => m.version <= STORE_MIGRATIONS_MAX);

  it('numbers the store migrations 001–009 and schema.sql is what they build', () => {
    expect(own.map((m) => m.version)).toEqual(own.map((_, i) => i + 1));
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(storeSchemaText());
  });

  it.each([0, ...own.slice(0, -1).map((m) => m.version)])('upgrades a database at version %i to the latest, keeping its data', async (version) => {
    const dir = tempDir();
    const fresh = join(dir, 'fresh.db');
    const old = join(dir, 'old.db');
    await openStore(fresh).close();
    buildAt(old, version);
    const store = openStore(old);
    const db = store.db;
    expect(db.pragma('user_version', { simple: true })).toBe(listMigrations().at(-1)!.version);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    if (version >= 1) {
      expect(db.prepare('SELECT value, status FROM facts WHERE id = 1').get()).toEqual({ value: 98, status: 'auto' });
      expect(db.prepare("SELECT count(*) FROM reviews WHERE who = 'tester'").pluck().get()).toBe(1);
      expect((await store.coverageLatest()).map((r) => [r.region_code, r.metric, r.value])).toEqual([['63', 'coverage_pct', 98]]);
    }
    await store.close();
    expect(schemaOf(old)).toBe(schemaOf(fresh));
  });

  it('applies any NNN_*.sql in order, including one added later inside a gap, and records each', async () => {
    const dir = tempDir();
    const mig = join(dir, 'migrations');
    mkdirSync(mig);
    for (const m of own) copyFileSync(join(MIGRATIONS_DIR, m.file), join(mig, m.file));
    writeFileSync(join(mig, '015_crawl_frontier.sql'), 'CREATE TABLE frontier (url TEXT PRIMARY KEY, state TEXT NOT NULL) STRICT;');
    writeFileSync(join(mig, 'README.txt'), 'not a migration');
    const path = join(dir, 'c.db');
    let store = openStore(path, { migrationsDir: mig });
    expect(store.db.pragma('user_version', { simple: true })).toBe(15);
    await store.close();

    writeFileSync(join(mig, '012_fetch_log.sql'), 'CREATE TABLE fetch_log (id INTEGER PRIMARY KEY, url TEXT NOT NULL) STRICT;');
    store = openStore(path, { migrationsDir: mig });
    expect(store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([...own.map((m) => m.version), 12, 15]);
    expect(store.db.pragma('user_version', { simple: true })).toBe(15);
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'fetch_log'").pluck().get()).toBe(1);
    await store.close();
  });

  it('rolls back a failing migration whole and names its file', async () => {
    const dir = tempDir();
    const mig = join(dir, 'migrations');
    mkdirSync(mig);
    for (const m of own) copyFileSync(join(MIGRATIONS_DIR, m.file), join(mig, m.file));
    writeFileSync(join(mig, '021_review_broken.sql'), 'CREATE TABLE review_notes (id INTEGER PRIMARY KEY);\nALTER TABLE no_such_table ADD COLUMN x TEXT;');
    const path = join(dir, 'c.db');
    expect(() => openStore(path, { migrationsDir: mig })).toThrow(/021_review_broken\.sql failed: no such table: no_such_table/);
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'review_notes'").pluck().get()).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(own.at(-1)!.version);
    db.close();
  });

  it('refuses two migrations with the same number', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '010_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '010_b.sql'), 'SELECT 1;');
    expect(() => listMigrations(dir)).toThrow(/010_b\.sql: migration number 010 is already used by 010_a\.sql/);
  });

  it('refuses a database written by a newer cakupan', async () => {
    const dir = tempDir();
    const path = join(dir, 'c.db');
    const store = openStore(path);
    store.db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (42, 'from_the_future', 'x')").run();
    await store.close();
    expect(() => openStore(path)).toThrow(/newer cakupan \(migrations unknown here: 042_from_the_future\)/);
  });
});
