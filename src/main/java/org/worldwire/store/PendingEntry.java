package org.worldwire.store;

import java.time.Instant;
import org.worldwire.model.FeedEntry;

/** An entry waiting for its article to be fetched, extracted and stored. */
public record PendingEntry(long id, long sourceId, String url, String guid, FeedEntry entry, Instant discovered) {}
