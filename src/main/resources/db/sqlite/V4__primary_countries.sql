-- Sections (country and region pages, their feeds, the map) file an article under the countries it is about;
-- article_countries keeps every country it mentions, for the API's country filter.
CREATE TABLE article_primary_countries (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    country    TEXT    NOT NULL,
    PRIMARY KEY (country, article_id)
) WITHOUT ROWID;

-- Articles stored before this table existed: split their comma-separated primary_countries.
WITH RECURSIVE split (id, rest, item) AS (
    SELECT id, primary_countries || ',', '' FROM articles WHERE primary_countries <> ''
    UNION ALL
    SELECT id, substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1) FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO article_primary_countries (article_id, country) SELECT id, item FROM split WHERE item <> '';
