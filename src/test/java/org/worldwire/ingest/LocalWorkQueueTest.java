package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.worldwire.model.FeedEntry;
import org.worldwire.store.PendingEntry;

/** The in-process work queue: bounded with back-pressure, delivered once each, closed without interrupting anyone. */
class LocalWorkQueueTest {
    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    static PendingEntry entry(long id) {
        String url = "http://127.0.0.1:1/" + id;
        return new PendingEntry(id, 1, url, url, new FeedEntry(url, url, "t", null, null, null, null, null, List.of(), List.of()),
                T0.plusSeconds(id));
    }

    @Test
    void submitWaitsWhileFullAndEveryEntryIsHandledOnce() throws Exception {
        try (LocalWorkQueue queue = new LocalWorkQueue(2)) {
            queue.submit(entry(1));
            queue.submit(entry(2));
            assertThat(queue.backlog()).isEqualTo(2);
            assertThat(queue.oldestWaiting()).contains(T0.plusSeconds(1));
            Thread blocked = Thread.ofVirtual().start(() -> {
                try {
                    queue.submit(entry(3));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(blocked.join(Duration.ofMillis(500))).as("submit returned while the queue was full").isFalse();

            Set<Long> handled = ConcurrentHashMap.newKeySet();
            CountDownLatch all = new CountDownLatch(3);
            queue.start(2, e -> {
                assertThat(handled.add(e.id())).as("delivered twice: %s", e.id()).isTrue();
                all.countDown();
            });
            assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(blocked.join(Duration.ofSeconds(2))).isTrue();
            assertThat(handled).containsExactlyInAnyOrder(1L, 2L, 3L);
        }
    }

    @Test
    void closeLetsTheRunningHandlerFinishWithoutInterruptAndDropsWhatWaits() throws Exception {
        LocalWorkQueue queue = new LocalWorkQueue(10);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Set<Long> finished = ConcurrentHashMap.newKeySet();
        queue.start(1, e -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException ie) {
                throw new AssertionError("a handler was interrupted", ie);
            }
            finished.add(e.id());
        });
        queue.submit(entry(1));
        queue.submit(entry(2));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Thread closing = Thread.ofVirtual().start(queue::close);
        assertThat(closing.join(Duration.ofMillis(300))).as("close waits for the running handler").isFalse();
        release.countDown();
        assertThat(closing.join(Duration.ofSeconds(5))).isTrue();
        assertThat(finished).containsExactly(1L); // entry 2 stays pending in the store for the next start
        assertThat(queue.backlog()).isZero();
        assertThatThrownBy(() -> queue.submit(entry(3))).isInstanceOf(InterruptedException.class)
                .hasMessageContaining("closed");
    }
}
