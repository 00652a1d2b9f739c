package org.worldwire.events;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.model.Article;

/**
 * Announces every newly stored article to its listeners (the live stream, caches, webhooks). A listener
 * must return quickly: it runs on the storing thread. A failing listener is logged and does not stop others.
 */
public final class ArticleEvents {
    private static final Logger log = LoggerFactory.getLogger(ArticleEvents.class);
    private final CopyOnWriteArrayList<Consumer<Article>> listeners = new CopyOnWriteArrayList<>();

    /** @return call it to stop listening */
    public Runnable subscribe(Consumer<Article> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void articleStored(Article article) {
        for (Consumer<Article> l : listeners) {
            try {
                l.accept(article);
            } catch (RuntimeException e) {
                log.error("article listener failed article_id={}", article.id(), e);
            }
        }
    }

    public int listenerCount() {
        return listeners.size();
    }
}
