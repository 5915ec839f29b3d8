-- The coverage database schema, as built by src/store/migrations/001–009 (generated: do not edit;
-- change a migration, then run `npx tsx src/store/schema-dump.ts`). Tables and views are documented in
-- README.md, "The coverage database". Other stages add their own tables through migrations 010–029.

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
  updated_at        TEXT NOT NULL, published_source TEXT, url_date TEXT,
  UNIQUE (article_id, match_key)
) STRICT;

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

CREATE TABLE refresh_batches (
  id               INTEGER PRIMARY KEY,
  plan_id          INTEGER NOT NULL REFERENCES refresh_plans(id),
  first_article_id INTEGER NOT NULL,
  last_article_id  INTEGER NOT NULL,
  articles         INTEGER NOT NULL,
  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'leased', 'done')),
  lease_run_id     INTEGER REFERENCES runs(id),
  lease_until      INTEGER,              -- ms since the epoch; a lease of a dead run lapses after this
  attempts         INTEGER NOT NULL DEFAULT 0,
  done_run_id      INTEGER REFERENCES runs(id),
  done_at          TEXT
) STRICT;

CREATE TABLE refresh_plans (
  id                INTEGER PRIMARY KEY,
  all_articles      INTEGER NOT NULL CHECK (all_articles IN (0, 1)),  -- refresh --all
  cutoff_run_id     INTEGER NOT NULL,    -- --all: articles not re-extracted since this run; else 0
  extractor_version INTEGER NOT NULL,    -- the version the pass extracts with
  created_run_id    INTEGER NOT NULL REFERENCES runs(id),
  created_at        TEXT NOT NULL,
  batches           INTEGER NOT NULL,
  articles          INTEGER NOT NULL,
  finished_at       TEXT                 -- set once every batch is done
) STRICT;

CREATE TABLE regions (
  code          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('nasional', 'provinsi', 'kabupaten', 'kota')),
  province_code TEXT REFERENCES regions(code),
  population    INTEGER
) STRICT;

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

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT;

CREATE TABLE sites (
  id         INTEGER PRIMARY KEY,
  host       TEXT NOT NULL UNIQUE,
  name       TEXT,
  first_seen TEXT NOT NULL
) STRICT;

CREATE TABLE store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE INDEX articles_extractor_version ON articles(extractor_version);

CREATE INDEX articles_fingerprint ON articles(text_fingerprint);

CREATE INDEX categories_region ON categories(region_code, year);

CREATE INDEX facts_region_metric ON facts(region_code, metric, as_of);

CREATE INDEX facts_status ON facts(status);

CREATE INDEX pages_article ON pages(article_id);

CREATE INDEX pages_canonical ON pages(canonical_url);

CREATE INDEX pages_sha256 ON pages(sha256);

CREATE INDEX refresh_batches_plan ON refresh_batches(plan_id, state, id);

CREATE INDEX refresh_plans_open ON refresh_plans(finished_at, all_articles, extractor_version);

CREATE INDEX reviews_subject ON reviews(subject, subject_id);

CREATE VIEW article_sources AS
SELECT
  a.id            AS article_id,
  a.title,
  a.published,
  p.id            AS page_id,
  p.url,
  p.canonical_url,
  s.host          AS site,
  CASE WHEN p.id = a.page_id THEN 1 ELSE 0 END AS is_primary,
  p.fetched_at
FROM articles a
JOIN pages p ON p.article_id = a.id
JOIN sites s ON s.id = p.site_id;

CREATE VIEW coverage_latest AS
WITH ranked AS (
  SELECT fs.*,
    ROW_NUMBER() OVER (PARTITION BY fs.region_code, fs.metric
                       ORDER BY fs.effective_date DESC NULLS LAST,
                                CASE fs.status WHEN 'corrected' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END,
                                fs.confidence DESC, fs.fact_id DESC) AS rank_in_region,
    COUNT(*) OVER (PARTITION BY fs.region_code, fs.metric) AS n_facts
  FROM facts_sourced fs
  WHERE fs.status IN ('auto', 'accepted', 'corrected')
)
SELECT region_code, region_name, level, province_code, metric, value, as_of, published, effective_date,
       status, confidence, flags, n_facts, fact_id, article_id, source_url, site, title, evidence_text
FROM ranked WHERE rank_in_region = 1;

CREATE VIEW coverage_timeline AS
WITH ranked AS (
  SELECT fs.*,
    ROW_NUMBER() OVER w_best AS rank_in_date,
    COUNT(*)     OVER w_all  AS n_facts,
    MIN(fs.value) OVER w_all AS min_value,
    MAX(fs.value) OVER w_all AS max_value
  FROM facts_sourced fs
  WHERE fs.status IN ('auto', 'accepted', 'corrected')
  WINDOW
    w_all  AS (PARTITION BY fs.region_code, fs.metric, fs.effective_date),
    w_best AS (PARTITION BY fs.region_code, fs.metric, fs.effective_date
               ORDER BY CASE fs.status WHEN 'corrected' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END,
                        fs.confidence DESC, fs.fact_id DESC)
)
SELECT region_code, region_name, level, province_code, metric, effective_date, as_of, published,
       value, min_value, max_value, n_facts, status, confidence, flags,
       fact_id, article_id, source_url, site, title, evidence_text
FROM ranked WHERE rank_in_date = 1;

CREATE VIEW facts_sourced AS
SELECT
  f.id                AS fact_id,
  f.region_code,
  g.name              AS region_name,
  g.level,
  g.province_code,
  f.metric,
  f.value,
  f.as_of,
  f.published,
  COALESCE(f.as_of, f.published) AS effective_date,
  f.status,
  f.confidence,
  f.reasons,
  f.flags,
  f.evidence_text,
  f.evidence_start,
  f.evidence_end,
  f.raw,
  f.extracted_value,
  f.extractor_version,
  f.article_id,
  a.title,
  p.url               AS source_url,
  p.canonical_url,
  s.host              AS site,
  f.version,
  f.updated_at
FROM facts f
JOIN regions g  ON g.code = f.region_code
JOIN articles a ON a.id = f.article_id
JOIN pages p    ON p.id = a.page_id
JOIN sites s    ON s.id = p.site_id;

CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews is append-only: rows cannot be deleted'); END;

CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews is append-only: rows cannot be changed'); END;
