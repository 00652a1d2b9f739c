package org.worldwire.search;

/**
 * @param score the ranking score of the query's order (adapter-specific scale; only the order of hits is shared)
 * @param snippetHtml a passage with the matched words in {@code <mark>}, everything else HTML-escaped; empty when the
 *     query asked for no highlighting or no passage matched
 */
public record SearchHit(long articleId, float score, String snippetHtml) {}
