package org.worldwire.ingest;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.worldwire.store.PendingEntry;

/**
 * Discovered entries on their way to the workers that turn them into articles: on one machine a bounded in-process
 * queue, scaled out a log shared by processes (entries keyed by source, so one source stays in order and one host
 * is fetched politely).
 *
 * <p>Delivery is at least once. An entry counts as done when the handler returns; one that was in flight when a
 * process died is delivered again, which the store's unique canonical URL makes harmless. Handlers are never
 * interrupted: an interrupt during Lucene or SQLite IO closes their files for good.
 */
public interface WorkQueue extends AutoCloseable {
    /** Hands an entry to the workers, waiting while the queue is full (back-pressure on the pollers). */
    void submit(PendingEntry entry) throws InterruptedException;

    /** Starts delivering entries to {@code handler} on up to {@code workers} threads, until {@link #close}. */
    void start(int workers, Consumer<PendingEntry> handler);

    /** Entries submitted and not yet done, as far as this process can tell. */
    long backlog();

    /**
     * When the oldest entry still waiting for a worker in this process was discovered, for the backlog-age gauge;
     * empty when none waits or the queue cannot tell (a log shared by processes).
     */
    default Optional<Instant> oldestWaiting() {
        return Optional.empty();
    }

    /** Stops delivering and waits for the handlers in progress; what was not delivered stays pending. */
    @Override
    void close();
}
