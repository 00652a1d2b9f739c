package org.worldwire.search;

/**
 * @param snippetHtml a passage with the matched words in {@code <mark>}; everything else HTML-escaped
 */
public record SearchHit(long articleId, float score, String snippetHtml) {}
