package org.worldwire.cluster;

import java.util.List;

/**
 * Where one article went.
 *
 * @param storyId the story it joined; equal to the article's id when it founded a new one
 * @param copyOf the id of the earlier article it is a copy of (exact or near), or 0 when it is a report of its own
 * @param merged stories found to be the same event as {@code storyId} and folded into it by this article: every
 *     article of theirs now belongs to {@code storyId}
 * @param leadArticleId the story's most representative report after this article (its headline is the story's title)
 */
public record StoryAssignment(long articleId, long storyId, long copyOf, List<Long> merged, long leadArticleId) {
    public StoryAssignment {
        merged = List.copyOf(merged);
    }

    public boolean newStory() {
        return storyId == articleId;
    }

    public boolean isCopy() {
        return copyOf != 0;
    }
}
