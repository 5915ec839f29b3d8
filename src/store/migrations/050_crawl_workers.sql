-- 050 crawl workers: a host lease per host, so that many workers (`cakupan worker`, on any number of machines)
-- crawl one host one at a time. A lease lapses at lease_until (ms since the epoch) unless its owner renews it;
-- a dead worker's host is taken over only after that, never earlier. The host's politeness clocks
-- (last_start_at, backoff_until) are in the same row, written before each request.
ALTER TABLE crawl_hosts ADD COLUMN lease_owner TEXT;
ALTER TABLE crawl_hosts ADD COLUMN lease_until INTEGER;
ALTER TABLE crawl_hosts ADD COLUMN lease_since INTEGER;
