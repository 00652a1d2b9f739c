package org.worldwire.search;

import java.io.Closeable;
import java.util.List;
import org.worldwire.model.Article;

/** Full-text search over stored articles. Thread-safe. */
public interface SearchIndex extends Closeable {
    /** Adds or replaces the article (by id). Visible to searches within about a second. */
    void index(Article article);

    /** Searches title and text; see {@link SearchQuery}. Bad query syntax is treated as plain words. */
    List<SearchHit> search(SearchQuery query);

    /** Number of indexed articles. */
    long size();

    @Override
    void close();
}
