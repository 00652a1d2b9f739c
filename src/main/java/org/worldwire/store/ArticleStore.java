package org.worldwire.store;

import java.util.List;
import java.util.Optional;
import org.worldwire.model.Article;

/** Where articles live. Implementations are thread-safe; every add is one atomic commit. */
public interface ArticleStore {
    /**
     * Stores the article unless one with the same canonical URL, or the same source and guid, is stored.
     *
     * @return the stored article with its id, or empty when it was a duplicate
     */
    Optional<Article> addIfNew(Article article);

    /** True when an article with this canonical URL, or this source and guid, is already stored. */
    boolean isKnown(long sourceId, String guid, String url);

    Optional<Article> find(long id);

    /** Newest first (by id, which follows storage order), filtered; see {@link ArticleQuery}. */
    List<Article> list(ArticleQuery query);

    /** Articles with an id greater than {@code afterId}, oldest first: the live stream's resume. */
    List<Article> after(long afterId, int limit);

    long count();

    /** How many articles discovered at or after {@code since} are about each country (ISO alpha-2): the map's shading. */
    java.util.Map<String, Integer> countriesSince(java.time.Instant since);
}
