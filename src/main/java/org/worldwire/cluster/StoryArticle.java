package org.worldwire.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the clusterer reads of an article.
 *
 * @param id the stored article's id, unique and positive; a story founded by this article takes this id
 * @param sourceId the source it came from: copies and reports from one source count as one source of a story
 * @param time when it arrived (for a stored article, when it was discovered); drives time decay and the windows
 * @param language BCP 47 primary tag, or null when unknown
 * @param countries ISO alpha-2 codes of the countries it mentions, most important first
 */
public record StoryArticle(
        long id, long sourceId, Instant time, @Nullable String language, String title, String text, List<String> countries) {

    public StoryArticle {
        if (id <= 0) throw new IllegalArgumentException("id must be positive, was " + id);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        countries = List.copyOf(countries);
    }
}
