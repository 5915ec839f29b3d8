-- 020 review: what the review page needs beyond the core audit table.

-- An undo names the review row it reverts, so "undo my last action" walks back one step at a time
-- and the log shows which decision was taken back (the reverted row itself is never changed).
ALTER TABLE reviews ADD COLUMN undoes INTEGER REFERENCES reviews(id);

-- "My last action" (undo) and the per-reviewer progress read the log by reviewer, newest first.
CREATE INDEX reviews_who ON reviews(who, id);
