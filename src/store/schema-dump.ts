/**
 * Writes `src/store/schema.sql`: the schema the store's own migrations (001–009) build, as SQLite stores it.
 * Migrations are the source of truth; this file is the one to read. A test fails when it is out of date:
 * regenerate with `npx tsx src/store/schema-dump.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { dumpSchema, migrate } from './migrate.ts';

/** Highest migration number owned by the store (crawl uses 010–019, review 020–029). */
export const STORE_MIGRATIONS_MAX = 9;

export const SCHEMA_FILE = fileURLToPath(new URL('./schema.sql', import.meta.url));

/** The text of schema.sql: a header, then every table, index, view and trigger of migrations 001–009. */
export function storeSchemaText(): string {
  const db = new Database(':memory:');
  try {
    migrate(db, { upTo: STORE_MIGRATIONS_MAX });
    return (
      '-- The coverage database schema, as built by src/store/migrations/001–009 (generated: do not edit;\n' +
      '-- change a migration, then run `npx tsx src/store/schema-dump.ts`). Tables and views are documented in\n' +
      '-- README.md, "The coverage database". Other stages add their own tables through migrations 010–029.\n\n' +
      dumpSchema(db)
    );
  } finally {
    db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, storeSchemaText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
