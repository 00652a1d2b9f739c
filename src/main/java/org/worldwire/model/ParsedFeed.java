package org.worldwire.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a feed document said, as far as it could be read.
 *
 * @param format e.g. "rss20", "rss10", "atom10", "json11"; "unknown" when nothing could be recognised
 * @param hubs WebSub hub URLs the feed advertises (link rel="hub"), absolute
 * @param self the feed's own canonical URL (link rel="self"), or null
 * @param problems human-readable, bounded list of what was wrong with the document (empty when well-formed)
 */
public record ParsedFeed(
        String format,
        @Nullable String title,
        @Nullable String link,
        @Nullable String subtitle,
        @Nullable Instant updated,
        List<String> hubs,
        @Nullable String self,
        List<FeedEntry> entries,
        List<String> problems) {

    public ParsedFeed {
        hubs = List.copyOf(hubs);
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public static ParsedFeed unreadable(String problem) {
        return new ParsedFeed("unknown", null, null, null, null, List.of(), null, List.of(), List.of(problem));
    }

    public boolean wellFormed() {
        return problems.isEmpty();
    }
}
