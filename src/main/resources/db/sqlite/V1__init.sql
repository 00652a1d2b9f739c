-- Sources we watch, their conditional-GET validators and their health.
CREATE TABLE sources (
    id                 INTEGER PRIMARY KEY,
    feed_url           TEXT    NOT NULL UNIQUE,
    title              TEXT    NOT NULL,
    site_url           TEXT,
    country            TEXT,
    language           TEXT,
    display_policy     TEXT    NOT NULL DEFAULT 'EXCERPT',
    added_at           INTEGER NOT NULL,
    etag               TEXT,
    last_modified      TEXT,
    last_poll          INTEGER,
    last_success       INTEGER,
    last_status        INTEGER,
    last_error         TEXT,
    last_error_message TEXT,
    consecutive_errors INTEGER NOT NULL DEFAULT 0
);

-- Stored articles. AUTOINCREMENT keeps ids increasing forever: the live stream resumes by id.
CREATE TABLE articles (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id         INTEGER NOT NULL,
    url               TEXT    NOT NULL UNIQUE,
    guid              TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    byline            TEXT,
    published         INTEGER,
    discovered        INTEGER NOT NULL,
    stored            INTEGER NOT NULL,
    paragraphs        TEXT    NOT NULL,
    summary           TEXT,
    lead_image        TEXT,
    language          TEXT,
    countries         TEXT    NOT NULL DEFAULT '',
    primary_countries TEXT    NOT NULL DEFAULT '',
    UNIQUE (source_id, guid)
);
CREATE INDEX articles_by_source ON articles (source_id, id);
CREATE INDEX articles_by_language ON articles (language, id);
CREATE INDEX articles_by_stored ON articles (stored);

-- One row per (article, country) so that country pages and filters use an index.
CREATE TABLE article_countries (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    country    TEXT    NOT NULL,
    PRIMARY KEY (country, article_id)
) WITHOUT ROWID;

-- Entries found in feeds whose articles are not stored yet: the durable work queue that lets a restart
-- resume where it stopped (the feed's validators are saved in the same transaction).
CREATE TABLE pending_entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL,
    url         TEXT    NOT NULL UNIQUE,
    guid        TEXT    NOT NULL,
    entry       TEXT    NOT NULL,
    discovered  INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0
);
