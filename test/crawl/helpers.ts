/** Shared setup of the crawl tests: a migrated database in a temp dir and a config for fixture sites. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/migrate.ts';
import { parseSites, type Site, type SitesConfig } from '../../src/crawl/sites.ts';

export const KEYWORDS = ['JKN', 'BPJS Kesehatan', 'BPJS', 'UHC', 'kepesertaan', 'jaminan kesehatan'];

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cakupan-crawl-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db);
  return db;
}

export function config(sites: Partial<Site>[], extra: Partial<SitesConfig> = {}): SitesConfig {
  return parseSites({ relevance: { keywords: KEYWORDS, offTopicSections: ['olahraga', 'otomotif'] }, defaults: { delaySeconds: 0.05 }, sites: sites.map((s, i) => ({ name: `site ${i}`, ...s })), ...extra }, 'test config');
}
