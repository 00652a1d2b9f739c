package org.worldwire.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Source;

/** Where sources, their fetch state and their health live. Implementations are thread-safe. */
public interface SourceStore {
    /** Adds a source, or returns the existing one with the same feed URL. */
    Source add(Source source);

    Optional<Source> find(long id);

    Optional<Source> findByFeedUrl(String feedUrl);

    List<Source> all();

    /** Removes a source; its stored articles stay. */
    boolean remove(long id);

    /** Validators of the last successful fetch, for conditional GET. */
    FeedValidators validators(long sourceId);

    /** Remembers the outcome of one poll: validators on success, the error on failure. */
    void recordPoll(long sourceId, PollRecord poll);

    /**
     * Remembers that the host of these sources does not answer ({@code outage}), or answers again (null). A
     * successful poll of a source clears its outage too.
     */
    void recordHostOutage(Collection<Long> sourceIds, @Nullable HostOutage outage);

    /** Health of every source, for the {@code sources} command, the API and the admin pages. */
    List<SourceHealth> health();
}
