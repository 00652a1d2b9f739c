-- Stories: every source's report of one event, and the copies reprinted from them. A story's id is the id of the
-- article that founded it; an article's story_id stays NULL only until clustering has placed it (a restart places
-- the ones a crash left unplaced).
ALTER TABLE articles ADD COLUMN story_id BIGINT;
ALTER TABLE articles ADD COLUMN copy_of BIGINT;
CREATE INDEX articles_by_story ON articles (story_id, id);
CREATE INDEX articles_unplaced ON articles (id) WHERE story_id IS NULL;

CREATE TABLE stories (
    id               BIGINT  PRIMARY KEY,
    title            TEXT    NOT NULL,
    summary          TEXT,
    lead_article_id  BIGINT  NOT NULL,
    first_seen       BIGINT  NOT NULL,
    last_update      BIGINT  NOT NULL,
    sources          INTEGER NOT NULL,
    reports          INTEGER NOT NULL,
    articles         INTEGER NOT NULL,
    source_countries INTEGER NOT NULL,
    countries        TEXT    NOT NULL DEFAULT '',
    languages        TEXT    NOT NULL DEFAULT '',
    -- set when the story turned out to be the same event as another: its articles moved there
    merged_into      BIGINT
);
CREATE INDEX stories_by_update ON stories (last_update, id) WHERE merged_into IS NULL;

-- One row per (story, country it is about), so that country and region pages use an index.
CREATE TABLE story_countries (
    story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    country  TEXT   NOT NULL,
    PRIMARY KEY (country, story_id)
);
CREATE INDEX story_countries_by_story ON story_countries (story_id);
