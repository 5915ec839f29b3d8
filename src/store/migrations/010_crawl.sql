-- 010 crawl: the crawler's frontier, per-host politeness state, robots.txt copies and the fetch log.
-- Times here are integer milliseconds since the epoch (gaps between requests are computed on them).

-- One row per canonical URL the crawler knows, whatever its state.
CREATE TABLE crawl_frontier (
  url             TEXT PRIMARY KEY,             -- canonical URL (src/crawl/url.ts)
  host            TEXT NOT NULL,                -- politeness key: host[:port]
  site            TEXT NOT NULL,                -- the configured site (its home URL) this URL belongs to
  kind            TEXT NOT NULL CHECK (kind IN ('sitemap', 'feed', 'listing', 'article')),
  depth           INTEGER NOT NULL DEFAULT 0,   -- listing depth from a section seed
  redirects       INTEGER NOT NULL DEFAULT 0,   -- redirect hops that led here (at most MAX_REDIRECTS)
  state           TEXT NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'leased', 'done', 'skipped', 'failed')),
  lease_run_id    INTEGER,                      -- runs.id holding the lease
  lease_until     INTEGER,                      -- the lease lapses after this (a killed crawl)
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_run_at     INTEGER NOT NULL DEFAULT 0,   -- not fetched before this (backoff, refresh)
  priority        INTEGER NOT NULL DEFAULT 0,   -- lower first: sitemaps/feeds, then articles, then listings
  title           TEXT,                         -- hints from the link: feed/sitemap title, anchor text
  summary         TEXT,
  hint_date       TEXT,                         -- YYYY-MM-DD from the sitemap, feed or URL
  discovered_from TEXT,
  etag            TEXT,                         -- validators for conditional GET
  last_modified   TEXT,
  content_hash    TEXT,                         -- sha256 of the article text (dedup)
  last_status     INTEGER,
  outcome         TEXT,                         -- ingested, irrelevant, out-of-window, duplicate, not-modified, ...
  fetched_at      INTEGER,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX crawl_frontier_ready ON crawl_frontier(host, state, priority, next_run_at);
CREATE INDEX crawl_frontier_hash ON crawl_frontier(content_hash) WHERE content_hash IS NOT NULL;

-- Politeness state of each host, kept across runs so a resumed crawl does not hurry a host.
CREATE TABLE crawl_hosts (
  host            TEXT PRIMARY KEY,
  last_start_at   INTEGER NOT NULL DEFAULT 0,   -- start of the latest request
  backoff_until   INTEGER NOT NULL DEFAULT 0,
  failures        INTEGER NOT NULL DEFAULT 0,   -- consecutive
  delay_ms        INTEGER,                      -- delay in force: max(Crawl-delay, floor)
  deferred_until  INTEGER,
  deferred_reason TEXT,
  updated_at      INTEGER NOT NULL
) STRICT;

-- Every robots.txt fetched (append-only): the report re-checks each logged request against the copy in force.
CREATE TABLE crawl_robots (
  id          INTEGER PRIMARY KEY,
  host        TEXT NOT NULL,
  url         TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('rules', 'allow-all', 'disallow-all')),
  status      INTEGER,
  body        TEXT NOT NULL,
  note        TEXT NOT NULL,
  fetched_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX crawl_robots_host ON crawl_robots(host, fetched_at);

-- One row per request made (and per request refused by robots.txt, with requested = 0). Append-only.
CREATE TABLE crawl_fetch_log (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER,
  host        TEXT NOT NULL,
  url         TEXT NOT NULL,                    -- the URL requested (robots.txt included)
  kind        TEXT NOT NULL,                    -- robots, sitemap, feed, listing, article
  requested   INTEGER NOT NULL CHECK (requested IN (0, 1)),
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  status      INTEGER,
  bytes       INTEGER,                          -- on the wire
  delay_ms    INTEGER,                          -- the host delay in force for this request
  waited_ms   INTEGER,                          -- time spent at the politeness gate
  robots      TEXT NOT NULL CHECK (robots IN ('allowed', 'disallowed', 'robots-file')),
  robots_id   INTEGER REFERENCES crawl_robots(id),
  error       TEXT,
  outcome     TEXT
) STRICT;
CREATE INDEX crawl_fetch_log_host ON crawl_fetch_log(host, started_at);
CREATE INDEX crawl_fetch_log_run ON crawl_fetch_log(run_id);

CREATE TRIGGER crawl_fetch_log_no_update BEFORE UPDATE ON crawl_fetch_log
BEGIN SELECT RAISE(ABORT, 'crawl_fetch_log is append-only: rows cannot be changed'); END;
CREATE TRIGGER crawl_fetch_log_no_delete BEFORE DELETE ON crawl_fetch_log
BEGIN SELECT RAISE(ABORT, 'crawl_fetch_log is append-only: rows cannot be deleted'); END;
CREATE TRIGGER crawl_robots_no_update BEFORE UPDATE ON crawl_robots
BEGIN SELECT RAISE(ABORT, 'crawl_robots is append-only: rows cannot be changed'); END;
