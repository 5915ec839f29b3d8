-- 030 dates and research columns (issue 11): every figure gets an effective date and where it came from, and every
-- row of the views names its province.
--   date_source: 'as_of' (the figure's own date), 'published' (the page's publication date), 'dateline' (the
--   date printed at the article's start), 'url' (the date in the page's URL, when the page gives none), 'none'.
-- (The two columns are the store's migration 005_fact_dates.sql: the store writes them.)

DROP VIEW IF EXISTS coverage_latest;
DROP VIEW IF EXISTS coverage_timeline;
DROP VIEW IF EXISTS facts_sourced;

-- Every fact with its region, province and source, one row per fact (all statuses). The export reads this.
CREATE VIEW facts_sourced AS
SELECT
  f.id                AS fact_id,
  f.region_code,
  g.name              AS region_name,
  g.level,
  g.province_code,
  gp.name             AS province_name,
  f.metric,
  f.value,
  f.as_of,
  f.published,
  COALESCE(f.as_of, f.published, f.url_date) AS effective_date,
  CASE
    WHEN f.as_of IS NOT NULL THEN 'as_of'
    WHEN f.published IS NOT NULL THEN COALESCE(f.published_source, 'published')
    WHEN f.url_date IS NOT NULL THEN 'url'
    ELSE 'none'
  END                 AS date_source,
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
LEFT JOIN regions gp ON gp.code = g.province_code
JOIN articles a ON a.id = f.article_id
JOIN pages p    ON p.id = a.page_id
JOIN sites s    ON s.id = p.site_id;

-- One row per region, metric and effective date: the best figure for that date.
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
SELECT region_code, region_name, level, province_code, province_name, metric, effective_date, date_source, as_of, published,
       value, min_value, max_value, n_facts, status, confidence, flags,
       fact_id, article_id, source_url, site, title, evidence_text
FROM ranked WHERE rank_in_date = 1;

-- One row per region and metric: the best current figure. Newest effective date first (undated last), then
-- corrected > accepted > auto, then highest confidence.
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
SELECT region_code, region_name, level, province_code, province_name, metric, value, as_of, published, effective_date, date_source,
       status, confidence, flags, n_facts, fact_id, article_id, source_url, site, title, evidence_text
FROM ranked WHERE rank_in_region = 1;

-- Every UHC award category with its region, province and source (all statuses): `cakupan export --kind categories`.
CREATE VIEW categories_sourced AS
SELECT
  c.id                AS category_id,
  c.region_code,
  g.name              AS region_name,
  g.level,
  g.province_code,
  gp.name             AS province_name,
  c.category          AS tier,
  c.year,
  c.published,
  c.status,
  c.confidence,
  c.reasons,
  c.flags,
  c.evidence_text,
  c.evidence_start,
  c.evidence_end,
  c.extractor_version,
  c.article_id,
  a.title,
  p.url               AS source_url,
  s.host              AS site,
  c.version,
  c.updated_at
FROM categories c
JOIN regions g  ON g.code = c.region_code
LEFT JOIN regions gp ON gp.code = g.province_code
JOIN articles a ON a.id = c.article_id
JOIN pages p    ON p.id = a.page_id
JOIN sites s    ON s.id = p.site_id;
