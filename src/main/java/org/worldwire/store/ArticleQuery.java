package org.worldwire.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters for listing articles, newest first. Null means "any".
 *
 * @param beforeId cursor: only articles with a smaller id (the last id of the previous page)
 * @param country ISO alpha-2, matched against the article's countries (and, when it has none, its source's)
 * @param sinceDiscovered only articles discovered at or after this time
 * @param aboutCountry whether {@code country} must be one the article is about (a section page), not only one it
 *     mentions (the API's filter)
 */
public record ArticleQuery(
        @Nullable Long sourceId,
        @Nullable String country,
        @Nullable String language,
        @Nullable Instant sinceDiscovered,
        @Nullable Long beforeId,
        int limit,
        boolean aboutCountry) {

    public ArticleQuery {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
    }

    public ArticleQuery(@Nullable Long sourceId, @Nullable String country, @Nullable String language,
            @Nullable Instant sinceDiscovered, @Nullable Long beforeId, int limit) {
        this(sourceId, country, language, sinceDiscovered, beforeId, limit, false);
    }

    public static ArticleQuery latest(int limit) {
        return new ArticleQuery(null, null, null, null, null, limit);
    }

    public ArticleQuery withSource(long id) {
        return new ArticleQuery(id, country, language, sinceDiscovered, beforeId, limit, aboutCountry);
    }

    /** Articles that mention the country. */
    public ArticleQuery withCountry(String iso2) {
        return new ArticleQuery(sourceId, iso2, language, sinceDiscovered, beforeId, limit, false);
    }

    /** Articles about the country: those filed in its section. */
    public ArticleQuery about(String iso2) {
        return new ArticleQuery(sourceId, iso2, language, sinceDiscovered, beforeId, limit, true);
    }

    public ArticleQuery withLanguage(String lang) {
        return new ArticleQuery(sourceId, country, lang, sinceDiscovered, beforeId, limit, aboutCountry);
    }

    public ArticleQuery since(Instant t) {
        return new ArticleQuery(sourceId, country, language, t, beforeId, limit, aboutCountry);
    }

    public ArticleQuery before(long id) {
        return new ArticleQuery(sourceId, country, language, sinceDiscovered, id, limit, aboutCountry);
    }
}
