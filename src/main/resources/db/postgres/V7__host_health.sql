-- The state of a source's host as the poller last saw it. While a host does not answer, its sources are not polled
-- (the host backs off as a whole), so their own last poll says little: these say since when the host has been
-- unreachable, why, and when it will be tried next. Cleared when the host answers again.
ALTER TABLE sources ADD COLUMN host_down_since BIGINT;
ALTER TABLE sources ADD COLUMN host_error TEXT;
ALTER TABLE sources ADD COLUMN host_next_attempt BIGINT;
