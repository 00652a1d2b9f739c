package org.worldwire.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.worldwire.model.Article;

/**
 * The durable queue between discovering entries in a feed and storing their articles. Entries are recorded
 * together with the poll that found them, in one transaction, so a crash between the two can neither lose
 * an entry (the validators would make the next poll a 304) nor store it twice.
 */
public interface IngestQueue {
    /**
     * Records a poll and the entries it found. Entries whose URL, or source and guid, is already stored or
     * pending are skipped.
     *
     * @return the entries recorded, with their queue ids, in the given order
     */
    List<PendingEntry> enqueue(long sourceId, List<NewEntry> entries, Instant discovered, PollRecord poll);

    /** Pending entries with an id above {@code afterId}, oldest first: what a restart resumes. */
    List<PendingEntry> pending(long afterId, int limit);

    /** A pending entry and the article made from it. */
    record Completion(long pendingId, Article article) {}

    /** What completing one entry did. */
    sealed interface Completed {
        /** The article was new and is now stored, with its id. */
        record Stored(Article article) implements Completed {}

        /** An equal article was stored before from another entry (another feed, or the same page under two guids). */
        record Duplicate() implements Completed {}

        /**
         * This very entry was completed before: a work queue delivered it again after the process that stored it
         * died before acknowledging it. The stages after the store (index, story, announcement) may not have run for
         * the article it made, which this carries as stored.
         */
        record Redelivered(Article article) implements Completed {}
    }

    /**
     * Stores the article and removes its pending entry in one transaction.
     *
     * @return the stored article with its id, or empty when an equal article was stored meanwhile
     */
    default Optional<Article> complete(long pendingId, Article article) {
        return completeAll(List.of(new Completion(pendingId, article))).getFirst() instanceof Completed.Stored(Article a)
                ? Optional.of(a) : Optional.empty();
    }

    /**
     * Stores several articles and removes their pending entries in one transaction (one commit, one sync, where a
     * transaction per article would pay both for each).
     *
     * @return for each completion in order, what became of it: stored, a duplicate of an article stored before (or
     *     earlier in the same batch), or an entry completed before whose article is returned
     */
    List<Completed> completeAll(List<Completion> batch);

    long pendingCount();
}
