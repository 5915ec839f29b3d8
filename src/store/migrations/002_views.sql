-- 002 views: what a researcher opens first.

-- Every fact with its region and its source, one row per fact (all statuses). The export reads this.
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

-- One row per region, metric and date (as-of, else publication date): the best figure for that date.
-- Best = corrected > accepted > auto, then highest confidence, then the newest fact.
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

-- One row per region and metric: the best current figure. Newest date first (as-of, else publication
-- date; undated figures last), then corrected > accepted > auto, then highest confidence.
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
