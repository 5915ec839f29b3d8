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
import type pg from 'pg';

/** The folder this store's migrations live in. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE = /^(\d{3})_([A-Za-z0-9_-]+)(?:\.(sqlite|pg))?\.sql$/;

/** One migration: a portable file, or a `.sqlite.sql` + `.pg.sql` pair. */
export interface Migration {
  version: number;
  name: string;
  /** The portable file, or the SQLite file of a pair. */
  file: string;
  /** SQL for SQLite. */
  sql: string;
  /** SQL for PostgreSQL: the portable file translated, or the `.pg.sql` of a pair. */
  pgSql: string;
  /** The PostgreSQL file of a pair (absent for a portable file). */
  pgFile?: string;
}

/** Reads the migrations of a folder in order; refuses two files with the same number and half a pair. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const found = new Map<number, { name: string; portable?: string; sqlite?: string; pg?: string }>();
  for (const f of readdirSync(dir).sort()) {
    const m = FILE.exec(f);
    if (!m) continue;
    const version = Number(m[1]);
    const slot = (m[3] ?? 'portable') as 'portable' | 'sqlite' | 'pg';
    const entry = found.get(version);
    if (!entry) {
      found.set(version, { name: m[2]!, [slot]: f });
      continue;
    }
    const first = entry.portable ?? entry.sqlite ?? entry.pg!;
    if (entry.name !== m[2] || slot === 'portable' || entry.portable || entry[slot])
      throw new Error(`${join(dir, f)}: migration number ${m[1]} is already used by ${first}`);
    entry[slot] = f;
  }
  const out: Migration[] = [];
  for (const [version, e] of found) {
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    if (e.portable) {
      const sql = read(e.portable);
      out.push({ version, name: e.name, file: e.portable, sql, pgSql: toPostgres(sql, e.portable) });
    } else if (e.sqlite && e.pg) {
      out.push({ version, name: e.name, file: e.sqlite, sql: read(e.sqlite), pgSql: read(e.pg), pgFile: e.pg });
    } else {
      const have = e.sqlite ?? e.pg!;
      const want = e.sqlite ? have.replace(/\.sqlite\.sql$/, '.pg.sql') : have.replace(/\.pg\.sql$/, '.sqlite.sql');
      throw new Error(`${join(dir, have)}: half of a dialect pair; add ${want} too (or write one portable ${have.replace(/\.(sqlite|pg)\.sql$/, '.sql')})`);
    }
  }
  return out.sort((a, b) => a.version - b.version);
}

/** SQLite-only constructs a portable migration must not use (see migrations/README.md). */
const NOT_PORTABLE: [RegExp, string][] = [
  [/\bPRAGMA\b/i, 'PRAGMA'],
  [/\bAUTOINCREMENT\b/i, 'AUTOINCREMENT'],
  [/\bWITHOUT\s+ROWID\b/i, 'WITHOUT ROWID'],
  [/\bINSERT\s+OR\s+\w+/i, 'INSERT OR …'],
  [/\bREPLACE\s+INTO\b/i, 'REPLACE INTO'],
  [/\bjson_\w+\s*\(/i, 'json_*()'],
  [/\b(datetime|strftime|julianday|unixepoch)\s*\(/i, 'SQLite date functions'],
  [/\bGLOB\b/i, 'GLOB'],
];

const APPEND_ONLY_TRIGGER = /CREATE\s+TRIGGER\s+(\w+)\s+BEFORE\s+(UPDATE|DELETE)\s+ON\s+(\w+)\s+BEGIN\s+SELECT\s+RAISE\s*\(\s*ABORT\s*,\s*'((?:[^']|'')*)'\s*\)\s*;\s*END\s*;/gi;

/**
 * Translates a portable migration (see migrations/README.md) into PostgreSQL: types, row ids, STRICT, forward
 * foreign keys and append-only triggers. Anything outside the subset is refused with the file's name, so a
 * migration that would work on SQLite only fails the day it is written, not the day someone runs PostgreSQL.
 */
export function toPostgres(sql: string, file = 'migration'): string {
  // Comments first: their words ("REFERENCES", "INTEGER") are not SQL.
  let s = sql.replace(/--[^\n]*/g, '');
  for (const [re, what] of NOT_PORTABLE)
    if (re.test(s)) throw new Error(`${file}: ${what} is SQLite-only; use the portable subset or write ${file.replace(/\.sql$/, '')}.sqlite.sql + .pg.sql (src/store/migrations/README.md)`);
  const triggers: string[] = [];
  s = s.replace(APPEND_ONLY_TRIGGER, (_all, name: string, op: string, table: string, msg: string) => {
    triggers.push(
      `CREATE FUNCTION ${name}_fn() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RAISE EXCEPTION '%', '${msg}'; END $fn$;\n` +
        `CREATE TRIGGER ${name} BEFORE ${op.toUpperCase()} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}_fn();`,
    );
    return `/*trigger ${triggers.length - 1}*/`;
  });
  if (/\bCREATE\s+TRIGGER\b/i.test(s)) throw new Error(`${file}: only the append-only trigger form is portable (src/store/migrations/README.md)`);
  // Foreign keys to a table created later in this file are added once every table exists.
  const deferred: string[] = [];
  s = deferForwardKeys(s, deferred);
  s = s
    .replace(/\)\s*STRICT\s*;/gi, ');')
    .replace(/\bINTEGER\s+PRIMARY\s+KEY\b/gi, 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bREAL\b/g, 'DOUBLE PRECISION')
    .replace(/\bBLOB\b/g, 'BYTEA');
  s = s.replace(/\/\*trigger (\d+)\*\//g, (_a, i: string) => triggers[Number(i)]!);
  return [s.trim(), ...deferred].filter(Boolean).join('\n') + '\n';
}

/**
 * Moves each column's `REFERENCES t(c)` that points at a table created later in the same SQL out of its
 * `CREATE TABLE` into `deferred` (as `ALTER TABLE … ADD FOREIGN KEY`). Column definitions are split at the
 * table body's top-level commas, so any layout works ("a (id …, b_id INTEGER REFERENCES b(id))" on one line).
 */
function deferForwardKeys(sql: string, deferred: string[]): string {
  const head = /CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s*\(/gi;
  const tables = [...sql.matchAll(head)].map((m) => ({ name: m[1]!.toLowerCase(), open: m.index! + m[0].length }));
  let out = '';
  let pos = 0;
  tables.forEach((t, i) => {
    let depth = 1;
    let end = t.open;
    for (; end < sql.length && depth > 0; end++) {
      if (sql[end] === '(') depth++;
      else if (sql[end] === ')') depth--;
      else if (sql[end] === "'") end = sql.indexOf("'", end + 1);
    }
    const close = end - 1; // the body's closing parenthesis
    const later = new Set(tables.slice(i + 1).map((x) => x.name));
    const parts: string[] = [];
    let d = 0;
    let from = t.open;
    for (let k = t.open; k < close; k++) {
      const ch = sql[k];
      if (ch === "'") k = sql.indexOf("'", k + 1);
      else if (ch === '(') d++;
      else if (ch === ')') d--;
      else if (ch === ',' && d === 0) {
        parts.push(sql.slice(from, k));
        from = k + 1;
      }
    }
    parts.push(sql.slice(from, close));
    const fixed = parts.map((def) => {
      const m = /^(\s*)(\w+)\b([\s\S]*?)\s+REFERENCES\s+(\w+)\s*\((\w+)\)/i.exec(def);
      if (!m || !later.has(m[4]!.toLowerCase()) || /^(CONSTRAINT|FOREIGN|PRIMARY|UNIQUE|CHECK)$/i.test(m[2]!)) return def;
      deferred.push(`ALTER TABLE ${t.name} ADD FOREIGN KEY (${m[2]}) REFERENCES ${m[4]}(${m[5]});`);
      return def.slice(0, m.index) + m[1] + m[2] + m[3] + def.slice(m.index + m[0].length);
    });
    out += sql.slice(pos, t.open) + fixed.join(',');
    pos = close;
  });
  return out + sql.slice(pos);
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

/**
 * The same on PostgreSQL (the pool's schema): every migration not yet recorded, translated, each in its own
 * transaction (a failing one is rolled back whole and named; those before it stay applied, as on SQLite).
 * Concurrent openers (many workers starting together) queue on an advisory lock of the schema.
 */
export async function migratePg(pool: pg.Pool, opts: { dir?: string; upTo?: number } = {}): Promise<MigrateResult> {
  const all = listMigrations(opts.dir).filter((m) => opts.upTo === undefined || m.version <= opts.upTo);
  const client = await pool.connect();
  // A session lock, held across the per-file transactions: a second opener waits, then finds nothing to do.
  await client.query("SELECT pg_advisory_lock(hashtext(current_schema() || ':cakupan-migrate'))");
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    BIGINT PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const done = new Set((await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    const from = done.size ? Math.max(...done) : 0;
    const applied: string[] = [];
    let to = from;
    for (const m of all.filter((x) => !done.has(x.version))) {
      await client.query('BEGIN');
      try {
        await client.query(m.pgSql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${m.pgFile ?? m.file} failed on PostgreSQL: ${(err as Error).message}`);
      }
      applied.push(m.pgFile ?? m.file);
      to = Math.max(to, m.version);
    }
    return { from, to, applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext(current_schema() || ':cakupan-migrate'))").catch(() => undefined);
    client.release();
  }
}

/** The schema as SQLite stores it (tables, indexes, views, triggers), in a stable order: for snapshots and tests. */
export function dumpSchema(db: Database.Database): string {
  const rows = db
    .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name")
    .pluck()
    .all() as string[];
  return rows.map((s) => s.trim() + ';').join('\n\n') + '\n';
}
