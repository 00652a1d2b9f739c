package org.worldwire.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.store.PendingEntry;

/**
 * The work queue of one machine: a bounded in-process queue drained by virtual threads. {@link #submit} waits while
 * it is full, which slows the pollers down instead of growing memory.
 *
 * <p>Nothing here is durable, and nothing needs to be: every entry is pending in the store before it is submitted,
 * so what was queued when the process stopped is submitted again at the next start. Workers poll rather than block
 * in {@code take()}, because {@link #close} must never interrupt them (an interrupt during Lucene or SQLite IO
 * closes their files for good).
 */
public final class LocalWorkQueue implements WorkQueue {
    private static final Logger log = LoggerFactory.getLogger(LocalWorkQueue.class);
    private static final long POLL_MS = 200;
    /** How long {@link #close} waits for handlers in progress (the pipeline aborts their downloads well before). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final ArrayBlockingQueue<PendingEntry> queue;
    private final AtomicInteger running = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    /** @param capacity entries waiting for a worker before {@link #submit} waits; at least 1 */
    public LocalWorkQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("work queue capacity must be at least 1, was " + capacity);
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Queues an entry, waiting while the queue is full.
     *
     * @throws InterruptedException when interrupted, or when the queue is closed meanwhile: the entry stays pending
     *     in the store and the next start submits it again
     */
    @Override
    public void submit(PendingEntry entry) throws InterruptedException {
        if (closed) throw new InterruptedException("work queue closed");
        while (!queue.offer(entry, POLL_MS, TimeUnit.MILLISECONDS)) {
            if (closed) throw new InterruptedException("work queue closed");
        }
    }

    @Override
    public synchronized void start(int workerCount, Consumer<PendingEntry> handler) {
        if (workerCount < 1) throw new IllegalArgumentException("workers must be at least 1, was " + workerCount);
        if (!workers.isEmpty()) throw new IllegalStateException("the work queue is started already");
        if (closed) throw new IllegalStateException("the work queue is closed");
        for (int i = 0; i < workerCount; i++) {
            workers.add(Thread.ofVirtual().name("article-worker-", i).start(() -> work(handler)));
        }
    }

    private void work(Consumer<PendingEntry> handler) {
        while (!closed) {
            PendingEntry entry;
            try {
                entry = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (entry == null) continue;
            running.incrementAndGet();
            try {
                handler.accept(entry);
            } catch (RuntimeException e) {
                // The handler records its own failures; an entry that escapes stays pending for the next start.
                log.error("work queue handler failed entry_id={} source_id={}", entry.id(), entry.sourceId(), e);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Override
    public long backlog() {
        return queue.size() + running.get();
    }

    @Override
    public Optional<Instant> oldestWaiting() {
        PendingEntry oldest = queue.peek();
        return oldest == null ? Optional.empty() : Optional.of(oldest.discovered());
    }

    /** Stops delivering: queued entries are dropped (they are pending in the store); handlers in progress finish. */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        List<Thread> started;
        synchronized (this) {
            started = List.copyOf(workers);
        }
        for (Thread t : started) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                    log.error("work queue handlers still running after close wait_ms={}", CLOSE_WAIT.toMillis());
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        queue.clear();
    }
}
