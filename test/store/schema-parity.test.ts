/**
 * One description of the schema, two databases: every migration in src/store/migrations is applied to a fresh
 * SQLite file and a fresh PostgreSQL schema, and the two results must have the same tables, columns (type,
 * nullability, key), foreign keys, indexes, views (with their columns in order) and triggers.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate, migratePg, toPostgres } from '../../src/store/migrate.ts';
import { createPgPool, dropPgSchema } from '../../src/store/pg.ts';
import { TEST_PG_URL } from './backends.ts';

interface Shape {
  tables: Record<string, { columns: string[]; foreignKeys: string[] }>;
  indexes: Record<string, string>;
  views: Record<string, string[]>;
  triggers: string[];
}

const TYPE: Record<string, string> = { TEXT: 'text', INTEGER: 'integer', REAL: 'real', BLOB: 'blob', bigint: 'integer', 'double precision': 'real', bytea: 'blob', text: 'text' };

function sqliteShape(db: Database.Database): Shape {
  const names = (type: string) =>
    db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all(type) as string[];
  const tables: Shape['tables'] = {};
  for (const t of names('table')) {
    const cols = db.pragma(`table_info(${t})`) as { name: string; type: string; notnull: number; pk: number }[];
    const fks = db.pragma(`foreign_key_list(${t})`) as { table: string; from: string; to: string }[];
    tables[t] = {
      columns: cols.map((c) => `${c.name} ${TYPE[c.type] ?? c.type}${c.notnull || c.pk ? ' not null' : ''}${c.pk ? ' pk' : ''}`).sort(),
      foreignKeys: fks.map((f) => `${f.from} -> ${f.table}(${f.to})`).sort(),
    };
  }
  const indexes: Shape['indexes'] = {};
  for (const i of db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string; tbl_name: string }[]) {
    const cols = (db.pragma(`index_info(${i.name})`) as { name: string }[]).map((c) => c.name);
    indexes[i.name] = `${i.tbl_name}(${cols.join(', ')})`;
  }
  const views: Shape['views'] = {};
  for (const v of names('view')) views[v] = (db.pragma(`table_info(${v})`) as { name: string }[]).map((c) => c.name);
  return { tables, indexes, views, triggers: names('trigger') };
}

async function pgShape(url: string, schema: string): Promise<Shape> {
  const h = await createPgPool(url, { schema });
  try {
    const rows = async <T>(sql: string) => (await h.pool.query(sql, [schema])).rows as T[];
    const tables: Shape['tables'] = {};
    const cols = await rows<{ table_name: string; column_name: string; data_type: string; is_nullable: string; pk: boolean }>(
      `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable,
              EXISTS (SELECT 1 FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k
                        ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
                      WHERE tc.table_schema = $1 AND tc.table_name = c.table_name AND tc.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name) AS pk
       FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
    );
    for (const c of cols) {
      const t = (tables[c.table_name] ??= { columns: [], foreignKeys: [] });
      t.columns.push(`${c.column_name} ${TYPE[c.data_type] ?? c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''}${c.pk ? ' pk' : ''}`);
    }
    for (const t of Object.values(tables)) t.columns.sort();
    const fks = await rows<{ table_name: string; column_name: string; ref_table: string; ref_column: string }>(
      `SELECT cl.relname AS table_name, a.attname AS column_name, rc.relname AS ref_table, ra.attname AS ref_column
       FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
       JOIN pg_class rc ON rc.oid = k.confrelid
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
       JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
       WHERE k.contype = 'f' AND n.nspname = $1`,
    );
    for (const f of fks) tables[f.table_name]!.foreignKeys.push(`${f.column_name} -> ${f.ref_table}(${f.ref_column})`);
    for (const t of Object.values(tables)) t.foreignKeys.sort();
    const indexes: Shape['indexes'] = {};
    const idx = await rows<{ name: string; table_name: string; columns: string[] }>(
      `SELECT i.relname AS name, t.relname AS table_name,
              array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) ORDER BY i.relname`,
    );
    for (const i of idx) indexes[i.name] = `${i.table_name}(${i.columns.join(', ')})`;
    const views: Shape['views'] = {};
    const vcols = await rows<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.views v ON v.table_schema = c.table_schema AND v.table_name = c.table_name
       WHERE c.table_schema = $1 ORDER BY c.table_name, c.ordinal_position`,
    );
    for (const c of vcols) (views[c.table_name] ??= []).push(c.column_name);
    const triggers = (await rows<{ name: string }>(`SELECT DISTINCT trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = $1 ORDER BY 1`)).map((r) => r.name);
    return { tables, indexes, views, triggers };
  } finally {
    await h.close();
  }
}

describe('one schema description for SQLite and PostgreSQL', () => {
  it('every migration in the folder builds the same tables, columns, keys, indexes, views and triggers on both', async () => {
    const db = new Database(':memory:');
    migrate(db);
    const lite = sqliteShape(db);
    db.close();
    const schema = `t_parity_${process.pid}`;
    try {
      const h = await createPgPool(TEST_PG_URL, { schema });
      const res = await migratePg(h.pool);
      await h.close();
      expect(res.applied).toEqual(listMigrations().map((m) => m.pgFile ?? m.file));
      const pg = await pgShape(TEST_PG_URL, schema);
      expect(Object.keys(pg.tables).sort()).toEqual(Object.keys(lite.tables).sort());
      for (const t of Object.keys(lite.tables)) expect(pg.tables[t], `table ${t}`).toEqual(lite.tables[t]);
      expect(pg.indexes).toEqual(lite.indexes);
      expect(pg.views).toEqual(lite.views);
      expect(pg.triggers).toEqual(lite.triggers);
      expect(Object.keys(lite.views)).toEqual(expect.arrayContaining(['coverage_latest', 'coverage_timeline', 'facts_sourced']));
    } finally {
      await dropPgSchema(TEST_PG_URL, schema);
    }
  });

  it('refuses SQLite-only SQL in a portable migration, naming the file and the way out', () => {
    expect(() => toPostgres("UPDATE facts SET flags = json_insert(flags, '$[#]', 'x');", '031_flags.sql')).toThrow(/031_flags\.sql: json_\*\(\) is SQLite-only; .*031_flags\.sqlite\.sql \+ \.pg\.sql/);
    expect(() => toPostgres('PRAGMA foreign_keys = OFF;', '032_x.sql')).toThrow(/032_x\.sql: PRAGMA is SQLite-only/);
    expect(() => toPostgres('CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; END;', '033_t.sql')).toThrow(/only the append-only trigger form is portable/);
  });

  it('translates types, row ids, STRICT, forward foreign keys and append-only triggers', () => {
    const pg = toPostgres(
      `CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id), score REAL NOT NULL, body BLOB) STRICT;
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id)) STRICT;
CREATE TRIGGER a_no_update BEFORE UPDATE ON a
BEGIN SELECT RAISE(ABORT, 'a is append-only'); END;`.replace('b_id INTEGER REFERENCES b(id), ', 'b_id INTEGER REFERENCES b(id),\n'),
    );
    expect(pg).toContain('id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY');
    expect(pg).toContain('score DOUBLE PRECISION NOT NULL, body BYTEA)');
    expect(pg).not.toMatch(/STRICT|REFERENCES b\(id\),/);
    expect(pg).toContain('ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b(id);');
    expect(pg).toContain('a_id BIGINT REFERENCES a(id)');
    expect(pg).toMatch(/CREATE FUNCTION a_no_update_fn\(\) RETURNS trigger LANGUAGE plpgsql AS \$fn\$ BEGIN RAISE EXCEPTION '%', 'a is append-only'; END \$fn\$;\nCREATE TRIGGER a_no_update BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION a_no_update_fn\(\);/);
  });
});
