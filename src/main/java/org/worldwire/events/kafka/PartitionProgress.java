package org.worldwire.events.kafka;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The records of one partition handed to the workers, in the order they were read, and how far each got: the offset
 * safe to commit is the one after the longest run of finished records from the oldest, so no commit ever passes an
 * entry whose handler has not returned.
 *
 * <p>The queue is confined to the poll thread ({@link #add}, {@link #committable}, {@link #cancelQueued},
 * {@link #running}); workers touch only their own {@link Slot}.
 */
final class PartitionProgress {
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    private long committed = -1;

    /** One record's state: queued, then running and done, or skipped when its partition was taken away first. */
    static final class Slot {
        private static final int QUEUED = 0, RUNNING = 1, DONE = 2, SKIPPED = 3;
        final long offset;
        private final AtomicInteger state = new AtomicInteger(QUEUED);

        Slot(long offset) {
            this.offset = offset;
        }

        /** Claims the record for a worker; false when it was skipped, and then the worker must leave it. */
        boolean start() {
            return state.compareAndSet(QUEUED, RUNNING);
        }

        void finish() {
            state.set(DONE);
        }

        /** Marks a record no worker has started as never to be started; false when one already has. */
        boolean skip() {
            return state.compareAndSet(QUEUED, SKIPPED);
        }

        boolean isRunning() {
            return state.get() == RUNNING;
        }

        boolean isDone() {
            return state.get() == DONE;
        }
    }

    Slot add(long offset) {
        Slot slot = new Slot(offset);
        slots.add(slot);
        return slot;
    }

    /**
     * Drops the finished records at the head and returns the offset to commit when it moved since the last call
     * (the next offset to read, as Kafka counts), or -1 when it did not.
     */
    long committable() {
        long next = -1;
        while (!slots.isEmpty() && slots.peekFirst().isDone()) next = slots.pollFirst().offset + 1;
        if (next < 0 || next == committed) return -1;
        committed = next;
        return next;
    }

    /** Skips every record no worker has started yet; returns how many. */
    int cancelQueued() {
        int skipped = 0;
        for (Slot s : slots) if (s.skip()) skipped++;
        return skipped;
    }

    /** Whether a worker is still running one of its records. */
    boolean running() {
        for (Slot s : slots) if (s.isRunning()) return true;
        return false;
    }

    /** Records read and neither finished-and-committable nor dropped. */
    int size() {
        return slots.size();
    }
}
