package org.worldwire.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of a search.
 *
 * @param hits this page, ranked
 * @param total how many articles match (query and filters), counted exactly up to at least 10,000
 * @param totalExact false when {@code total} is a lower bound (an adapter may stop counting past 10,000)
 * @param facets for each facet asked for, the values with their counts over all matches, most frequent first (at
 *     most 50 each)
 * @param nextCursor pass it back in {@link SearchQuery#cursor()} for the next page; null on the last page. Paging by
 *     cursor never repeats or skips a hit of an index that does not change meanwhile, at any depth.
 */
public record SearchResult(List<SearchHit> hits, long total, boolean totalExact,
        Map<SearchQuery.Facet, List<FacetCount>> facets, @Nullable String nextCursor) {

    /** One value of a facet (a country code, a language code, a source id as text) and its count. */
    public record FacetCount(String value, long count) {}

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    public static SearchResult empty() {
        return new SearchResult(List.of(), 0, true, Map.of(), null);
    }
}
