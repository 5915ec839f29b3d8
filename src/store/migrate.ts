/**
 * Versioned migrations: every `NNN_name.sql` file in `src/store/migrations/`, applied in number order, each in
 * its own transaction, to SQLite as written and to PostgreSQL translated by `toPostgres` — ONE description of the
 * schema for both backends, so they cannot drift (test/store/schema-parity.test.ts compares the two results).
 * `schema_migrations` lists each applied file, so a file numbered inside a gap (another stage's range) is still
 * applied when it appears later; SQLite also keeps the highest number in `PRAGMA user_version`.
 *
 * CONVENTION FOR ADDING A MIGRATION (full text: src/store/migrations/README.md):
 *  1. next free number in your range (001–009 store, 010–019 crawl, 020–029 review, 030–039 dates/export,
 *     040–049 ingest/WARC, 050–059 crawl workers), file `NNN_what_it_does.sql`;
 *  2. portable SQL only: types TEXT / INTEGER / REAL / BLOB; row ids `id INTEGER PRIMARY KEY` (insert without
 *     them, read them with RETURNING); `) STRICT;`; booleans INTEGER 0/1; JSON as TEXT; `ALTER TABLE … ADD COLUMN`,
 *     `CREATE INDEX`, `DROP INDEX IF EXISTS`, `DROP VIEW IF EXISTS` + `CREATE VIEW` (dependent views too);
 *     standard SQL in views (CASE, COALESCE, windows; a comparison as a value is `CASE WHEN … THEN 1 ELSE 0 END`);
 *     append-only tables via `CREATE TRIGGER x BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'msg'); END;`;
 *  3. never PRAGMA, AUTOINCREMENT, WITHOUT ROWID, INSERT OR …, json_*(), datetime(), table rebuilds — the
 *     translator refuses them. If you truly need dialect SQL, write the pair `NNN_name.sqlite.sql` +
 *     `NNN_name.pg.sql` (same number and name, both required);
 *  4. run `npx vitest run test/store/schema-parity.test.ts test/store/migrations.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/** The folder this store's migrations live in. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE = /^(\d{3})_([A-Za-z0-9_-]+)\.sql$/;

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
}

/** Reads the migrations of a folder in order; refuses two files with the same number. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const f of readdirSync(dir).sort()) {
    const m = FILE.exec(f);
    if (!m) continue;
    const version = Number(m[1]);
    const clash = out.find((x) => x.version === version);
    if (clash) throw new Error(`${join(dir, f)}: migration number ${m[1]} is already used by ${clash.file}`);
    out.push({ version, name: m[2]!, file: f, sql: readFileSync(join(dir, f), 'utf8') });
  }
  return out.sort((a, b) => a.version - b.version);
}

/** What `migrate` did. */
export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Applies every migration not yet recorded, in order, up to `upTo` (tests build older versions with it).
 * A migration that fails is rolled back whole and its error names the file.
 */
export function migrate(db: Database.Database, opts: { dir?: string; upTo?: number } = {}): MigrateResult {
  const all = listMigrations(opts.dir).filter((m) => opts.upTo === undefined || m.version <= opts.upTo);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const from = db.pragma('user_version', { simple: true }) as number;
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]));
  const pending = all.filter((m) => !done.has(m.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)');
  const applied: string[] = [];
  // Table rebuilds ("CREATE new, copy, DROP old, RENAME") need foreign keys off; checked after each file instead.
  const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1;
  if (pending.length) db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      const apply = db.transaction(() => {
        try {
          db.exec(m.sql);
        } catch (err) {
          throw new Error(`migration ${m.file} failed: ${(err as Error).message}`);
        }
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`migration ${m.file} left ${broken.length} rows with broken foreign keys`);
        record.run({ version: m.version, name: m.name, at: new Date().toISOString() });
        const current = db.pragma('user_version', { simple: true }) as number;
        if (m.version > current) db.pragma(`user_version = ${m.version}`);
      });
      apply.immediate();
      applied.push(m.file);
    }
  } finally {
    if (fkWasOn && pending.length) db.pragma('foreign_keys = ON');
  }
  return { from, to: db.pragma('user_version', { simple: true }) as number, applied };
}

/** The schema as SQLite stores it (tables, indexes, views, triggers), in a stable order: for snapshots and tests. */
export function dumpSchema(db: Database.Database): string {
  const rows = db
    .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name")
    .pluck()
    .all() as string[];
  return rows.map((s) => s.trim() + ';').join('\n\n') + '\n';
}
