-- 004 refresh batches: a refresh splits the stale articles into id ranges ("batches") that runs lease, so two
-- refreshes at once, or many workers, share one pass and each run row counts only what that run stored.

-- One pass over the stale articles: every run of `refresh` (or worker) with the same selection joins the open plan.
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
CREATE INDEX refresh_plans_open ON refresh_plans(finished_at, all_articles, extractor_version);

-- One id range of a plan; leased by one run at a time, done in the same transaction as its writes.
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
CREATE INDEX refresh_batches_plan ON refresh_batches(plan_id, state, id);
