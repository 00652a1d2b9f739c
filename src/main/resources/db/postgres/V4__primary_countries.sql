-- Sections (country and region pages, their feeds, the map) file an article under the countries it is about;
-- article_countries keeps every country it mentions, for the API's country filter. (SQLite's version of this
-- step also backfills older rows; a PostgreSQL database never held articles without this table.)
CREATE TABLE article_primary_countries (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    country    TEXT   NOT NULL,
    PRIMARY KEY (country, article_id)
);
