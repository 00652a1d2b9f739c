package org.worldwire.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.worldwire.model.Article;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchResult;

/**
 * A search index that is still opening on a thread of its own: every call waits until it is open, then goes to it.
 * The site is built with this one, so that its port opens while the index opens (a few hundred ms on a cold JVM) and
 * only a search that arrives meanwhile waits; home and article pages come from the store. A failed open throws its
 * error at every call; {@link #close} waits for the open to end and closes what it opened.
 */
final class OpeningSearchIndex implements SearchIndex {
    private final CompletableFuture<SearchIndex> opened;

    OpeningSearchIndex(CompletableFuture<SearchIndex> opened) {
        this.opened = opened;
    }

    /** The open index, once it is: waits for it, or throws why it could not open. */
    SearchIndex await() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    @Override
    public void index(Article article) {
        await().index(article);
    }

    @Override
    public void indexAll(List<Article> articles) {
        await().indexAll(articles);
    }

    @Override
    public SearchResult search(SearchQuery query) {
        return await().search(query);
    }

    @Override
    public long size() {
        return await().size();
    }

    @Override
    public void refresh() {
        await().refresh();
    }

    @Override
    public void close() {
        SearchIndex index;
        try {
            index = opened.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return; // it never opened: nothing to close
        }
        index.close();
    }
}
