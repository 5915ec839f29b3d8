-- 040 warc: what `cakupan ingest` has read of each WARC file, so a second run continues where the first stopped,
-- and which WARC record each stored page came from (an article seen by the crawler and in an archive keeps both).

-- One row per WARC file (its local path or URL as given, or as listed in a paths file).
CREATE TABLE warc_files (
  source       TEXT PRIMARY KEY,
  next_offset  INTEGER NOT NULL DEFAULT 0,   -- byte offset (in the file as stored: compressed for .gz) after the last record done
  records      INTEGER NOT NULL DEFAULT 0,   -- records read, all runs
  kept         INTEGER NOT NULL DEFAULT 0,   -- pages that passed every filter and were stored
  facts        INTEGER NOT NULL DEFAULT 0,
  bad          INTEGER NOT NULL DEFAULT 0,   -- broken records skipped (truncated gzip member, wrong length, not HTTP)
  done         INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),   -- read to the end
  size         INTEGER,                      -- bytes of the file when known
  updated_run_id INTEGER,
  updated_at   TEXT NOT NULL
) STRICT;

-- One row per stored page's WARC record.
CREATE TABLE warc_sources (
  source       TEXT NOT NULL,                -- warc_files.source
  record_offset INTEGER NOT NULL,
  url          TEXT NOT NULL,                -- WARC-Target-URI (the page's url in `pages`)
  warc_date    TEXT,
  record_id    TEXT,                         -- WARC-Record-ID
  article_id   INTEGER,
  run_id       INTEGER,
  PRIMARY KEY (source, record_offset, url)
) STRICT;
CREATE INDEX warc_sources_url ON warc_sources(url);
