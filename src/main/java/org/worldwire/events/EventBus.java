package org.worldwire.events;

import java.util.function.Consumer;
import org.worldwire.model.Article;

/**
 * The seam between ingest and everything that reacts to it. On one machine it is {@link LocalEventBus}; scaled out,
 * an adapter carries the same events between processes. Publishing never blocks on a slow listener for long:
 * listeners hand events to their own queues.
 */
public interface EventBus {
    void publish(NewsEvent event);

    /** @return call it to stop listening */
    Runnable subscribe(Consumer<NewsEvent> listener);

    /** Listens to stored articles only. */
    default Runnable onArticle(Consumer<Article> listener) {
        return subscribe(e -> {
            if (e instanceof NewsEvent.ArticleStored(Article a)) listener.accept(a);
        });
    }

    default void articleStored(Article article) {
        publish(new NewsEvent.ArticleStored(article));
    }
}
