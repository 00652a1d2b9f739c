package org.worldwire.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item of a feed, with the field meanings of the feed conformance suite: {@code link} is absolute,
 * {@code summary} and {@code content} are HTML strings or plain text as the feed declared them.
 */
public record FeedEntry(
        @Nullable String id,
        @Nullable String link,
        @Nullable String title,
        @Nullable String summary,
        @Nullable String content,
        @Nullable Instant published,
        @Nullable Instant updated,
        @Nullable String author,
        List<String> categories,
        List<Enclosure> enclosures) {

    public FeedEntry {
        categories = List.copyOf(categories);
        enclosures = List.copyOf(enclosures);
    }
}
