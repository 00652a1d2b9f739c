package org.worldwire.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What extraction found on an article page. {@code paragraphs} are plain text, in reading order; headings
 * and list items are paragraphs of their own.
 */
public record ArticleContent(
        @Nullable String title,
        List<String> authors,
        @Nullable Instant published,
        @Nullable Instant modified,
        List<String> paragraphs,
        @Nullable String leadImage,
        @Nullable String siteName,
        @Nullable String description,
        @Nullable String canonicalUrl,
        @Nullable String language) {

    public ArticleContent {
        authors = List.copyOf(authors);
        paragraphs = List.copyOf(paragraphs);
    }

    /** The body as one string, paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
