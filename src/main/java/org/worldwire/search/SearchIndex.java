package org.worldwire.search;

import java.io.Closeable;
import java.util.List;
import org.worldwire.model.Article;

/**
 * Full-text search over stored articles: Lucene on one machine, OpenSearch when scaled out. Both answer the same
 * {@link SearchQuery} the same way (query syntax, filters, facets, highlighting, cursors), which the shared contract
 * tests check. Thread-safe.
 */
public interface SearchIndex extends Closeable {
    /** Adds or replaces the article (by id). Visible to searches within about a second. */
    void index(Article article);

    /** Adds or replaces several articles at once (one request or one lock where an adapter can). */
    default void indexAll(List<Article> articles) {
        for (Article a : articles) index(a);
    }

    /**
     * Searches titles and texts.
     *
     * @throws SearchSyntaxException when the text is not valid {@link SearchSyntax} or the cursor is not one of this
     *     query's
     */
    SearchResult search(SearchQuery query);

    /** Number of indexed articles. */
    long size();

    /** Makes everything indexed so far visible to searches now. */
    void refresh();

    @Override
    void close();
}
