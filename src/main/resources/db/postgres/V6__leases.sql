-- Leases on roles only one process may fill at a time (the poller), with the time (epoch ms, by the database
-- server's clock) each runs out. A poller on another machine takes the row over once it has run out.
CREATE TABLE leases (
    role    TEXT   PRIMARY KEY,
    holder  TEXT   NOT NULL,
    expires BIGINT NOT NULL
);
