package org.worldwire.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters for listing articles, newest first. Null means "any".
 *
 * @param beforeId cursor: only articles with a smaller id (the last id of the previous page)
 * @param country ISO alpha-2, matched against the article's countries (and, when it has none, its source's)
 * @param sinceDiscovered only articles discovered at or after this time
 */
public record ArticleQuery(
        @Nullable Long sourceId,
        @Nullable String country,
        @Nullable String language,
        @Nullable Instant sinceDiscovered,
        @Nullable Long beforeId,
        int limit) {

    public ArticleQuery {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
    }

    public static ArticleQuery latest(int limit) {
        return new ArticleQuery(null, null, null, null, null, limit);
    }

    public ArticleQuery withSource(long id) {
        return new ArticleQuery(id, country, language, sinceDiscovered, beforeId, limit);
    }

    public ArticleQuery withCountry(String iso2) {
        return new ArticleQuery(sourceId, iso2, language, sinceDiscovered, beforeId, limit);
    }

    public ArticleQuery withLanguage(String lang) {
        return new ArticleQuery(sourceId, country, lang, sinceDiscovered, beforeId, limit);
    }

    public ArticleQuery since(Instant t) {
        return new ArticleQuery(sourceId, country, language, t, beforeId, limit);
    }

    public ArticleQuery before(long id) {
        return new ArticleQuery(sourceId, country, language, sinceDiscovered, id, limit);
    }
}
