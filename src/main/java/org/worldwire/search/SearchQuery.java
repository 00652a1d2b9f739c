package org.worldwire.search;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One search as every adapter answers it alike.
 *
 * @param text what the reader typed, in the syntax of {@link SearchSyntax}; blank matches every article
 * @param order how hits are ranked
 * @param filters which articles may match at all (they do not change the scores)
 * @param facets which facet counts to return, over every match and not just the page
 * @param cursor {@link SearchResult#nextCursor()} of the previous page of the same query, or null for the first page
 * @param limit hits on this page, 1 to 1000
 * @param highlight whether hits carry a highlighted passage (programs asking for ids need none)
 */
public record SearchQuery(
        String text, Order order, Filters filters, Set<Facet> facets, @Nullable String cursor, int limit, boolean highlight) {

    /** How hits are ranked. */
    public enum Order {
        /** Text relevance alone. */
        RELEVANCE,
        /**
         * Text relevance blended with recency, as a news reader expects: of two equally good matches the newer comes
         * first, and a fresh report outranks a slightly better match from last month. Recency adds
         * {@code weight * pivot / (pivot + age)} to the text score (age from the article's {@link org.worldwire.model.Article#shownTime()}, the time readers see),
         * the same formula as Lucene's distance feature query and OpenSearch's {@code distance_feature}.
         */
        NEWS,
        /** Newest first (by shown time, then id), relevance ignored. */
        NEWEST
    }

    /** Facets an adapter counts. */
    public enum Facet { COUNTRY, LANGUAGE, SOURCE }

    /**
     * @param country ISO 3166 alpha-2, upper case, or null for any
     * @param language ISO 639-1, lower case, or null for any
     * @param from articles whose shown time is at or after this instant, or null
     * @param to articles whose shown time is before this instant, or null
     */
    public record Filters(@Nullable String country, @Nullable String language, @Nullable Long sourceId,
            @Nullable Instant from, @Nullable Instant to) {
        public static final Filters NONE = new Filters(null, null, null, null, null);

        public Filters {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("the date range is empty: from " + from + " is not before to " + to);
            }
        }
    }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(filters, "filters");
        facets = facets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facets));
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
    }

    /** The first page of 20 news-ranked, highlighted hits for {@code text}, unfiltered, no facets. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Order.NEWS, Filters.NONE, Set.of(), null, 20, true);
    }

    public SearchQuery withOrder(Order o) {
        return new SearchQuery(text, o, filters, facets, cursor, limit, highlight);
    }

    public SearchQuery withFilters(Filters f) {
        return new SearchQuery(text, order, f, facets, cursor, limit, highlight);
    }

    public SearchQuery withFacets(Set<Facet> f) {
        return new SearchQuery(text, order, filters, f, cursor, limit, highlight);
    }

    public SearchQuery withCursor(@Nullable String c) {
        return new SearchQuery(text, order, filters, facets, c, limit, highlight);
    }

    public SearchQuery withLimit(int l) {
        return new SearchQuery(text, order, filters, facets, cursor, l, highlight);
    }

    public SearchQuery withHighlight(boolean h) {
        return new SearchQuery(text, order, filters, facets, cursor, limit, h);
    }
}
