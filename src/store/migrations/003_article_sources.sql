-- 003 article sources: every page that carries an article, the first one found and its republished copies.
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
