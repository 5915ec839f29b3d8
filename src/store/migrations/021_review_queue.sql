-- 021 review queue: the queue is "status = 'auto' ordered by confidence", counted and paged on every page
-- of the review site; these indexes keep that inside an index, with or without a province filter.
CREATE INDEX facts_review_queue ON facts(status, confidence);
CREATE INDEX categories_review_queue ON categories(status, confidence);
CREATE INDEX facts_review_region ON facts(status, region_code, confidence);
