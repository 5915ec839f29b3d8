/**
 * The coverage database: the store boundary (`CoverageStore`), its SQLite implementation and the batch jobs
 * that run on any implementation (`ingest`, `refresh`).
 */
export * from './types.ts';
export { openStore, SqliteStore, type OpenOptions } from './sqlite.ts';
export { openCoverageStore } from './open.ts';
export { isPostgresUrl, redactUrl } from './pg.ts';
export { ingest, ingestDocument, readSource, corpusDocument, expandInputs, CorpusArticle, type IngestOptions } from './ingest.ts';
export { refresh, refreshBatch, BatchLeasedError, type RefreshOptions } from './refresh.ts';
export { extractDocument, FLAGS } from './pipeline.ts';
export { migrate, listMigrations, dumpSchema, MIGRATIONS_DIR } from './migrate.ts';
