package org.worldwire.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters for listing stories, most recently updated first. Null means "any".
 *
 * @param country ISO alpha-2: only stories about this country
 * @param language only stories reported in this language
 * @param since only stories updated at or after this time
 * @param before cursor: only stories updated before this (last update, id) pair of the previous page
 */
public record StoryQuery(
        @Nullable String country, @Nullable String language, @Nullable Instant since, @Nullable Cursor before, int limit) {

    /** Where the previous page ended. */
    public record Cursor(Instant lastUpdate, long id) {}

    public StoryQuery {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
    }

    public static StoryQuery latest(int limit) {
        return new StoryQuery(null, null, null, null, limit);
    }

    public StoryQuery about(String iso2) {
        return new StoryQuery(iso2, language, since, before, limit);
    }

    public StoryQuery inLanguage(String lang) {
        return new StoryQuery(country, lang, since, before, limit);
    }

    public StoryQuery updatedSince(Instant t) {
        return new StoryQuery(country, language, t, before, limit);
    }

    public StoryQuery after(Cursor c) {
        return new StoryQuery(country, language, since, c, limit);
    }
}
