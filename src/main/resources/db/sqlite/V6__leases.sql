-- Leases on roles only one process may fill at a time (the poller), with the time (epoch ms) each runs out.
-- Embedded, one process holds the file: the table keeps the same port meaningful across restarts.
CREATE TABLE leases (
    role    TEXT    PRIMARY KEY,
    holder  TEXT    NOT NULL,
    expires INTEGER NOT NULL
) WITHOUT ROWID;
