package org.worldwire.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.worldwire.model.Article;
import org.worldwire.model.Story;

/** Where stories live: which article reports which story, and each story's counts. Thread-safe. */
public interface StoryStore {
    /**
     * Records, in one transaction, that a stored article belongs to a story (as a copy of {@code copyOf}, or a
     * report of its own when it is 0), moves the articles of {@code merged} stories into it, and recounts the story.
     * A story id is the id of the article that founded it, so placing an article under its own id creates the story.
     *
     * @return the story as it now stands
     */
    Story place(long articleId, long storyId, long copyOf, List<Long> merged, long leadArticleId);

    /** One clusterer decision for a stored article, as {@link #place} takes it. */
    record Placement(long articleId, long storyId, long copyOf, List<Long> merged, long leadArticleId) {}

    /**
     * Records several placements, in order, in one transaction, and recounts each story they leave standing once
     * (a story that takes many reports in one batch is read once, not once per report).
     *
     * @return the stories as they now stand, by id; a story merged into another within the batch is absent
     */
    java.util.Map<Long, Story> placeAll(List<Placement> placements);

    /** Files articles discovered before {@code before} that no story holds yet each as a story of its own. */
    int placeAloneBefore(Instant before);

    /**
     * Where to start replaying recent articles into the clusterer: the smallest id among the newest {@code atMost}
     * articles discovered at or after {@code since}, or one past the newest id when there are none.
     */
    long firstRecentId(Instant since, int atMost);

    /** Articles no story holds yet (a crash came between storing and placing them), oldest first. */
    List<Article> unplaced(int limit);

    /**
     * The story, following merges: asking for a story that was folded into another answers with that other one.
     */
    Optional<Story> find(long id);

    /** Stories by latest update, newest first; see {@link StoryQuery}. */
    List<Story> list(StoryQuery query);

    /** Every article of the story (reports and copies), oldest first, at most {@code limit}. */
    List<Article> articles(long storyId, int limit);

    /** The stories the given articles belong to, each once, in the order of the articles. */
    List<Long> storiesOf(List<Long> articleIds);
}
