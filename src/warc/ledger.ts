/**
 * What `cakupan ingest` has read of each WARC file (`warc_files`, migration 040) and where each stored page
 * came from (`warc_sources`): one prepared statement per intent. The offset is written after the pages before
 * it are stored, so a run killed at any point resumes at a record whose pages are either all stored or
 * re-read (and then found stored: nothing twice).
 */
import type Database from 'better-sqlite3';

export interface WarcFileRow {
  source: string;
  next_offset: number;
  records: number;
  kept: number;
  facts: number;
  bad: number;
  done: number;
  size: number | null;
}

export class WarcLedger {
  private readonly s;

  constructor(readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      get: p(`SELECT source, next_offset, records, kept, facts, bad, done, size FROM warc_files WHERE source = ?`),
      start: p(`INSERT INTO warc_files (source, next_offset, updated_run_id, updated_at) VALUES (@source, 0, @runId, @now) ON CONFLICT(source) DO NOTHING`),
      advance: p(`UPDATE warc_files SET next_offset = max(next_offset, @offset), records = records + @records, kept = kept + @kept, facts = facts + @facts, bad = bad + @bad,
                    done = @done, size = coalesce(@size, size), updated_run_id = @runId, updated_at = @now WHERE source = @source`),
      addSource: p(`INSERT INTO warc_sources (source, record_offset, url, warc_date, record_id, article_id, run_id)
                    VALUES (@source, @offset, @url, @warcDate, @recordId, @articleId, @runId) ON CONFLICT (source, record_offset, url) DO NOTHING`),
    };
  }

  get(source: string): WarcFileRow | null {
    return (this.s.get.get(source) as WarcFileRow | undefined) ?? null;
  }

  /** The row of a file, created at offset 0 when new. */
  open(source: string, runId: number): WarcFileRow {
    this.s.start.run({ source, runId, now: new Date().toISOString() });
    return this.get(source)!;
  }

  /** Moves a file's offset on (never back) and adds to its counters, in one transaction with the page sources given. */
  advance(
    source: string,
    runId: number,
    f: { offset: number; records?: number; kept?: number; facts?: number; bad?: number; done?: boolean; size?: number | null },
    pages: { offset: number; url: string; warcDate: string | null; recordId: string | null; articleId: number | null }[] = [],
  ): void {
    this.db.transaction(() => {
      for (const p of pages) this.s.addSource.run({ source, runId, ...p });
      this.s.advance.run({ source, runId, offset: f.offset, records: f.records ?? 0, kept: f.kept ?? 0, facts: f.facts ?? 0, bad: f.bad ?? 0, done: f.done ? 1 : 0, size: f.size ?? null, now: new Date().toISOString() });
    })();
  }
}
