-- 022: drop 021's facts(status, region_code, confidence). A province filter now reads the store's
-- facts(region_code, …) index instead (a province is a few thousand rows), and every fact written by a
-- refresh no longer pays for a third review index.
DROP INDEX IF EXISTS facts_review_region;
