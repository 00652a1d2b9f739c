-- enqueue asks "is this guid of this source pending already?" for every entry of every poll: index it. Unique
-- here, where several processes may enqueue at once: the constraint, not a check before the insert, keeps one.
ALTER TABLE pending_entries ADD CONSTRAINT pending_by_source_guid UNIQUE (source_id, guid);
