-- 005 fact dates (issue 11): where a figure's publication date came from ('published' by the page, or the
-- article's 'dateline'), and the date the page's URL holds (src/store/dates.ts), read when the page gives none.
-- The views that combine them into effective_date / date_source are migration 030.
ALTER TABLE facts ADD COLUMN published_source TEXT;
ALTER TABLE facts ADD COLUMN url_date TEXT;
