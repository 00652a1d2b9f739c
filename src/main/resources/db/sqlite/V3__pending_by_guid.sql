-- enqueue asks "is this guid of this source pending already?" for every entry of every poll: index it.
CREATE INDEX pending_by_source_guid ON pending_entries (source_id, guid);
