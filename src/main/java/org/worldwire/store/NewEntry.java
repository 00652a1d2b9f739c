package org.worldwire.store;

import org.worldwire.model.FeedEntry;

/** A feed entry not seen before, under its canonical URL and its guid (the URL when the feed gave none). */
public record NewEntry(String url, String guid, FeedEntry entry) {}
