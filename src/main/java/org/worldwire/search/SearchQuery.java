package org.worldwire.search;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * @param text what the reader typed
 * @param order relevance, or newest first
 */
public record SearchQuery(
        String text, Order order, @Nullable String country, @Nullable String language, @Nullable Long sourceId, int limit) {

    public enum Order { RELEVANCE, NEWEST }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, Order.RELEVANCE, null, null, null, 20);
    }
}
