package org.worldwire.events;

import java.util.List;
import org.worldwire.model.Article;
import org.worldwire.model.Story;

/** What the ingest side announces to readers of every kind: the live stream, caches, webhooks, other web nodes. */
public sealed interface NewsEvent {
    /**
     * A new article was stored, indexed and, on one machine, placed in its story. Scaled out, the lease holder places
     * it a moment later and announces its story then. At least once: an article whose worker died before
     * acknowledging its entry is announced again by the worker that gets the entry next.
     */
    record ArticleStored(Article article) implements NewsEvent {}

    /**
     * A story was founded or gained an article; {@code merged} are stories folded into it by that article, whose
     * pages now lead to this one.
     */
    record StoryUpdated(Story story, boolean created, List<Long> merged) implements NewsEvent {
        public StoryUpdated {
            merged = List.copyOf(merged);
        }
    }
}
