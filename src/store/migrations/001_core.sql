-- 001 core: the tables of the coverage database. Dates are ISO 8601 text; JSON columns hold JSON text.

-- Facts about the database file itself (gazetteer fingerprint, creator).
CREATE TABLE store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row per news site (URL host); "local" for files read from disk and the bundled corpus.
CREATE TABLE sites (
  id         INTEGER PRIMARY KEY,
  host       TEXT NOT NULL UNIQUE,
  name       TEXT,
  first_seen TEXT NOT NULL
) STRICT;

-- One row per batch job (ingest, refresh, main), written when it starts and updated as it goes.
CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  command            TEXT NOT NULL,
  args               TEXT NOT NULL DEFAULT '{}',
  started_at         TEXT NOT NULL,
  finished_at        TEXT,
  outcome            TEXT NOT NULL DEFAULT 'running'
                     CHECK (outcome IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  extractor_version  INTEGER NOT NULL,
  pid                INTEGER,
  host               TEXT,
  resumes_run_id     INTEGER REFERENCES runs(id),
  pages_seen         INTEGER NOT NULL DEFAULT 0,
  pages_unchanged    INTEGER NOT NULL DEFAULT 0,
  articles_new       INTEGER NOT NULL DEFAULT 0,
  articles_linked    INTEGER NOT NULL DEFAULT 0,
  articles_extracted INTEGER NOT NULL DEFAULT 0,
  facts_added        INTEGER NOT NULL DEFAULT 0,
  facts_updated      INTEGER NOT NULL DEFAULT 0,
  facts_retired      INTEGER NOT NULL DEFAULT 0,
  facts_revived      INTEGER NOT NULL DEFAULT 0,
  errors             INTEGER NOT NULL DEFAULT 0,
  message            TEXT
) STRICT;

-- The gazetteer: Indonesia ("00"), 38 provinces and 514 kabupaten/kota (Kemendagri 2025 codes).
CREATE TABLE regions (
  code          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('nasional', 'provinsi', 'kabupaten', 'kota')),
  province_code TEXT REFERENCES regions(code),
  population    INTEGER
) STRICT;

-- One row per fetched or read document: the bytes exactly as received (gzip), and what came with them.
CREATE TABLE pages (
  id             INTEGER PRIMARY KEY,
  url            TEXT NOT NULL UNIQUE,
  canonical_url  TEXT,
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  fetched_at     TEXT NOT NULL,
  status         INTEGER,
  headers        TEXT NOT NULL DEFAULT '{}',
  content_type   TEXT,
  kind           TEXT NOT NULL CHECK (kind IN ('html', 'text')),
  sha256         TEXT NOT NULL,
  size           INTEGER NOT NULL,
  body_encoding  TEXT NOT NULL DEFAULT 'gzip' CHECK (body_encoding IN ('gzip', 'identity')),
  title_hint     TEXT,
  published_hint TEXT,
  article_id     INTEGER REFERENCES articles(id),
  ingest_run_id  INTEGER REFERENCES runs(id),
  body           BLOB NOT NULL
) STRICT;
CREATE INDEX pages_sha256 ON pages(sha256);
CREATE INDEX pages_article ON pages(article_id);
CREATE INDEX pages_canonical ON pages(canonical_url);

-- One row per distinct article text (small columns first: scans by version never read the text). Pages carrying the same text (republished copies) point to one article.
CREATE TABLE articles (
  id                INTEGER PRIMARY KEY,
  page_id           INTEGER NOT NULL REFERENCES pages(id),
  extractor_version INTEGER NOT NULL,
  extracted_at      TEXT NOT NULL,
  extracted_run_id  INTEGER REFERENCES runs(id),
  text_sha256       TEXT NOT NULL,
  text_fingerprint  TEXT NOT NULL,
  method            TEXT,
  title             TEXT,
  published         TEXT,
  text              TEXT NOT NULL
) STRICT;
CREATE INDEX articles_fingerprint ON articles(text_fingerprint);
CREATE INDEX articles_extractor_version ON articles(extractor_version);

-- One row per extracted figure. `value`, `as_of`, `region_code` and `metric` are the current word
-- (the reviewer's when corrected); `extracted_*` keep what the machine last said.
CREATE TABLE facts (
  id                INTEGER PRIMARY KEY,
  article_id        INTEGER NOT NULL REFERENCES articles(id),
  match_key         TEXT NOT NULL,
  region_code       TEXT NOT NULL REFERENCES regions(code),
  metric            TEXT NOT NULL
                    CHECK (metric IN ('coverage_pct', 'active_pct', 'enrolled_count', 'active_count', 'population')),
  value             REAL NOT NULL CHECK (value >= 0),
  as_of             TEXT,
  published         TEXT,
  confidence        REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  reasons           TEXT NOT NULL DEFAULT '[]',
  evidence_start    INTEGER NOT NULL,
  evidence_end      INTEGER NOT NULL,
  evidence_text     TEXT NOT NULL,
  raw               TEXT,
  extracted_value   REAL NOT NULL,
  extracted_as_of   TEXT,
  extractor_version INTEGER NOT NULL,
  status            TEXT NOT NULL DEFAULT 'auto'
                    CHECK (status IN ('auto', 'accepted', 'corrected', 'rejected', 'retired')),
  retired_from      TEXT,
  flags             TEXT NOT NULL DEFAULT '[]',
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (article_id, match_key)
) STRICT;
CREATE INDEX facts_region_metric ON facts(region_code, metric, as_of);
CREATE INDEX facts_status ON facts(status);

-- One row per UHC award category mention ("UHC Award 2026 kategori Madya"), same life cycle as facts.
CREATE TABLE categories (
  id                INTEGER PRIMARY KEY,
  article_id        INTEGER NOT NULL REFERENCES articles(id),
  match_key         TEXT NOT NULL,
  region_code       TEXT NOT NULL REFERENCES regions(code),
  category          TEXT NOT NULL CHECK (category IN ('Pratama', 'Madya', 'Utama', 'Paripurna')),
  year              INTEGER,
  published         TEXT,
  confidence        REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  reasons           TEXT NOT NULL DEFAULT '[]',
  evidence_start    INTEGER NOT NULL,
  evidence_end      INTEGER NOT NULL,
  evidence_text     TEXT NOT NULL,
  extracted_category TEXT NOT NULL,
  extracted_year    INTEGER,
  extractor_version INTEGER NOT NULL,
  status            TEXT NOT NULL DEFAULT 'auto'
                    CHECK (status IN ('auto', 'accepted', 'corrected', 'rejected', 'retired')),
  retired_from      TEXT,
  flags             TEXT NOT NULL DEFAULT '[]',
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (article_id, match_key)
) STRICT;
CREATE INDEX categories_region ON categories(region_code, year);

-- Append-only audit of every change to a fact or category after it was first stored: reviewer decisions
-- and the machine's own re-extractions (who = "cakupan refresh").
CREATE TABLE reviews (
  id         INTEGER PRIMARY KEY,
  subject    TEXT NOT NULL CHECK (subject IN ('fact', 'category')),
  subject_id INTEGER NOT NULL,
  action     TEXT NOT NULL,
  who        TEXT NOT NULL,
  at         TEXT NOT NULL,
  before     TEXT,
  after      TEXT,
  note       TEXT,
  run_id     INTEGER REFERENCES runs(id)
) STRICT;
CREATE INDEX reviews_subject ON reviews(subject, subject_id);

CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews is append-only: rows cannot be changed'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews is append-only: rows cannot be deleted'); END;
