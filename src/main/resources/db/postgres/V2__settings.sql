-- Operator settings kept with the data: the admin password's and API token's hashes, never the secrets.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
