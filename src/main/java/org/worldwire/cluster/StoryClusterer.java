package org.worldwire.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * Online story clustering, one article at a time in arrival order. Not thread-safe: callers serialise {@link #add}.
 *
 * <p>PLACEHOLDER while the real clusterer is built on its own branch: exact-title copies only.
 */
public final class StoryClusterer {
    private final Map<String, long[]> byTitle = new HashMap<>();

    /** Assigns an arriving article to a story and says whether it is a copy. */
    public StoryAssignment add(StoryArticle article) {
        long[] seen = byTitle.get(article.title());
        if (seen != null) return new StoryAssignment(article.id(), seen[1], seen[0], java.util.List.of(), seen[0]);
        byTitle.put(article.title(), new long[] {article.id(), article.id()});
        return new StoryAssignment(article.id(), article.id(), 0, java.util.List.of(), article.id());
    }

    /**
     * Rebuilds state at start from an article stored earlier with its assignment (oldest first), without deciding
     * anything anew.
     */
    public void restore(StoryArticle article, long storyId, long copyOf) {
        byTitle.putIfAbsent(article.title(), new long[] {copyOf != 0 ? copyOf : article.id(), storyId});
    }
}
