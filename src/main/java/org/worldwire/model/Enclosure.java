package org.worldwire.model;

import org.jspecify.annotations.Nullable;

/** A media file attached to a feed entry (RSS enclosure, Atom link rel="enclosure", JSON Feed attachment). */
public record Enclosure(String url, @Nullable String type, @Nullable String length) {}
