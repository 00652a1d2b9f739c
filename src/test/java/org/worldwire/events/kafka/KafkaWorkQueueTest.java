package org.worldwire.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.worldwire.store.PendingEntry;

/** Queue instances on one real broker stand for worker processes; each test has its own topics and group. */
@Tag("kafka")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang (a submit waiting on a dead broker) fails instead of stalling CI
class KafkaWorkQueueTest {
    @RegisterExtension
    static final KafkaBroker broker = new KafkaBroker();

    /** What the handlers saw: how often each entry, in which order per source, and any source handled twice at once. */
    static final class Seen {
        final Map<Long, AtomicInteger> times = new ConcurrentHashMap<>();
        final Map<Long, List<Long>> orderBySource = new ConcurrentHashMap<>();
        final Map<Long, String> busySources = new ConcurrentHashMap<>();
        final Set<Long> overlaps = ConcurrentHashMap.newKeySet();

        Consumer<PendingEntry> handler(AtomicInteger mine) {
            return e -> {
                if (busySources.putIfAbsent(e.sourceId(), "busy") != null) overlaps.add(e.sourceId());
                try {
                    Thread.sleep(e.id() % 3); // uneven work, so threads interleave
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                orderBySource.computeIfAbsent(e.sourceId(), k -> Collections.synchronizedList(new ArrayList<>())).add(e.id());
                busySources.remove(e.sourceId());
                times.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet();
                mine.incrementAndGet();
            };
        }
    }

    @Test
    @Order(1)
    void twoWorkersShareTheEntriesEachDeliveredOnceAndEverySourceInOrder() throws Exception {
        KafkaConfig config = broker.config("share.").withGroupId("share-workers");
        var seen = new Seen();
        AtomicInteger byA = new AtomicInteger(), byB = new AtomicInteger();
        try (var a = new KafkaWorkQueue(config); var b = new KafkaWorkQueue(config); var poller = new KafkaWorkQueue(config)) {
            a.start(3, seen.handler(byA));
            b.start(3, seen.handler(byB));
            await(Duration.ofSeconds(30), () -> a.assignedPartitions() > 0 && b.assignedPartitions() > 0
                    && a.assignedPartitions() + b.assignedPartitions() == config.partitions(), "both workers assigned");

            List<Long> expected = new ArrayList<>();
            for (int seq = 0; seq < 15; seq++) {
                for (long source = 1; source <= 20; source++) {
                    long id = source * 1000 + seq;
                    poller.submit(WireFormatTest.entry(id, source));
                    expected.add(id);
                }
            }
            await(Duration.ofSeconds(30), () -> seen.times.size() == expected.size(), "all 300 entries handled");

            assertThat(seen.times.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(seen.times.values()).allSatisfy(n -> assertThat(n.get()).as("delivered once").isEqualTo(1));
            assertThat(seen.overlaps).as("no source handled twice at once").isEmpty();
            seen.orderBySource.forEach((source, ids) -> assertThat(ids).as("source %d in order", source).isSorted());
            assertThat(byA.get()).as("worker a had a share").isPositive();
            assertThat(byB.get()).as("worker b had a share").isPositive();
            await(Duration.ofSeconds(15), () -> poller.backlog() == 0, "the group's backlog drained");
        }
    }

    @Test
    @Order(2)
    void aSourceMayRunAsManyEntriesAtOnceAsItsShareAllowsStartedInOrder() throws Exception {
        KafkaConfig config = broker.config("share2.").withGroupId("share2-workers");
        Map<Long, List<Long>> started = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> most = new ConcurrentHashMap<>();
        Set<Long> done = ConcurrentHashMap.newKeySet();
        try (var worker = new KafkaWorkQueue(config, 2); var poller = new KafkaWorkQueue(config)) {
            worker.start(8, e -> {
                started.computeIfAbsent(e.sourceId(), k -> Collections.synchronizedList(new ArrayList<>())).add(e.id());
                int now = running.computeIfAbsent(e.sourceId(), k -> new AtomicInteger()).incrementAndGet();
                most.computeIfAbsent(e.sourceId(), k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                running.get(e.sourceId()).decrementAndGet();
                done.add(e.id());
            });
            await(Duration.ofSeconds(30), () -> worker.assignedPartitions() == config.partitions(), "assigned");
            for (int seq = 0; seq < 30; seq++) {
                for (long source = 1; source <= 2; source++) poller.submit(WireFormatTest.entry(source * 1000 + seq, source));
            }
            await(Duration.ofSeconds(30), () -> done.size() == 60, "all 60 entries handled");
        }
        // Handed to threads in order: two threads may record their starts the other way round, no more than that.
        started.forEach((source, ids) -> {
            for (int i = 2; i < ids.size(); i++) {
                assertThat(ids.get(i)).as("source %d in order: %s", source, ids)
                        .isGreaterThan(Collections.max(ids.subList(0, i - 1)));
            }
        });
        assertThat(most.values()).as("at most two of a source at once, and two did run together")
                .allSatisfy(n -> assertThat(n.get()).isEqualTo(2));
    }

    @Test
    @Order(2)
    void aStuckWorkerReadsNoFurtherThanItsBoundAndCatchesUpOnceFree() throws Exception {
        KafkaConfig config = broker.config("bound.").withGroupId("bound-workers");
        var release = new CountDownLatch(1);
        Set<Long> handled = ConcurrentHashMap.newKeySet();
        try (var poller = new KafkaWorkQueue(config); var worker = new KafkaWorkQueue(config)) {
            worker.start(1, e -> {
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                handled.add(e.id());
            });
            for (long id = 1; id <= 400; id++) poller.submit(WireFormatTest.entry(id, id)); // 400 sources: no lane waits
            await(Duration.ofSeconds(20), () -> worker.inFlight() > 0, "the worker reading");
            Thread.sleep(1_500); // time to read far more, were it not paused

            // 1 worker: at most 32 in flight before pausing, plus one poll's worth (max.poll.records = 32) over it
            assertThat(worker.inFlight()).isBetween(1, 64);
            release.countDown();
            await(Duration.ofSeconds(30), () -> handled.size() == 400, "all 400 handled once the worker is free");
        } finally {
            release.countDown();
        }
    }

    @Test
    @Order(3)
    void anEntryWhoseHandlerHadNotReturnedWhenItsWorkerDiedIsDeliveredAgain() throws Exception {
        KafkaConfig config = broker.config("kill.").withGroupId("kill-workers");
        var release = new CountDownLatch(1);
        var entered = new CountDownLatch(1);
        List<Long> byDead = Collections.synchronizedList(new ArrayList<>());
        List<Long> bySurvivor = Collections.synchronizedList(new ArrayList<>());
        try (var poller = new KafkaWorkQueue(config); var survivor = new KafkaWorkQueue(config)) {
            var doomed = new KafkaWorkQueue(config);
            doomed.start(2, e -> {
                byDead.add(e.id());
                if (e.id() == 1) {
                    entered.countDown();
                    try {
                        release.await(); // stuck in the middle of entry 1 when its process dies
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            poller.submit(WireFormatTest.entry(1, 5));
            poller.submit(WireFormatTest.entry(2, 5)); // the same source: waits behind entry 1
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("the doomed worker took entry 1").isTrue();

            doomed.abandon(); // killed: no commit, no goodbye to its handler
            survivor.start(2, e -> bySurvivor.add(e.id()));
            await(Duration.ofSeconds(30), () -> bySurvivor.containsAll(List.of(1L, 2L)), "entries 1 and 2 delivered again");

            assertThat(bySurvivor).as("the source's order holds after the move").containsSubsequence(1L, 2L);
            assertThat(byDead).as("the dead worker never got past entry 1").containsExactly(1L);
            release.countDown();
        } finally {
            release.countDown();
        }
    }

    @Test
    @Order(4)
    void noSubmittedEntryIsLostWhenTheBrokerCrashesAndComesBack() throws Exception {
        KafkaConfig config = broker.config("restart.").withGroupId("restart-workers");
        var seen = new Seen();
        try (var poller = new KafkaWorkQueue(config)) {
            for (long id = 1; id <= 40; id++) poller.submit(WireFormatTest.entry(id, id % 7));
            await(Duration.ofSeconds(20), () -> written(config) == 40, "the first 40 written to the topic");
            // No worker has committed yet: the backlog counts from the start of the partitions.
            await(Duration.ofSeconds(5), () -> poller.backlog() == 40, "the backlog to count the first 40");

            Thread submitting;
            try {
                broker.kill();
                Thread.sleep(1_500); // the producer notices and forgets the topic's metadata
                // Submitted while the broker is down: submit() waits (back-pressure) until the broker is back.
                submitting = Thread.ofPlatform().start(() -> {
                    try {
                        for (long id = 41; id <= 60; id++) poller.submit(WireFormatTest.entry(id, id % 7));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread.sleep(500);
            } finally {
                broker.restart();
            }
            submitting.join(Duration.ofSeconds(60));
            assertThat(submitting.isAlive()).as("submit returns once the broker is back").isFalse();

            try (var worker = new KafkaWorkQueue(config)) {
                worker.start(3, seen.handler(new AtomicInteger()));
                await(Duration.ofSeconds(60), () -> seen.times.size() == 60, "all 60 entries handled");
                // the poller's admin client found the broker again
                await(Duration.ofSeconds(15), () -> poller.backlog() == 0, "the group's backlog drained");
            }
            assertThat(seen.times.keySet()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList());
            assertThat(poller.sendFailures()).isZero();
        }
    }

    /**
     * The producer gives up on a send after its delivery timeout (2 s here, 5 min in use): the entry is kept and
     * handed to it again, not logged and forgotten. A paused broker keeps the connections, so the producer keeps
     * the topic's metadata and takes the entries into its buffer, where they expire.
     */
    @Test
    @Order(5)
    void anEntryTheProducerGaveUpOnIsSentAgain() throws Exception {
        KafkaConfig config = broker.config("expire.").withGroupId("expire-workers");
        var seen = new Seen();
        try (var poller = new KafkaWorkQueue(config, Duration.ofSeconds(2))) {
            for (long id = 1; id <= 10; id++) poller.submit(WireFormatTest.entry(id, id % 3));
            await(Duration.ofSeconds(20), () -> written(config) == 10, "the first 10 written to the topic");

            Thread submitting;
            try {
                broker.pause();
                // Not on the test thread: once the producer has given the paused broker up, submit() waits for it.
                submitting = Thread.ofPlatform().start(() -> {
                    try {
                        for (long id = 11; id <= 20; id++) poller.submit(WireFormatTest.entry(id, id % 3));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                await(Duration.ofSeconds(20), () -> poller.resends() >= 1, "the producer to give a send up");
            } finally {
                broker.resume();
            }
            submitting.join(Duration.ofSeconds(60));
            assertThat(submitting.isAlive()).as("submit returns once the broker answers").isFalse();

            try (var worker = new KafkaWorkQueue(config)) {
                worker.start(2, seen.handler(new AtomicInteger()));
                await(Duration.ofSeconds(60), () -> seen.times.size() == 20, "all 20 entries handled");
            }
            assertThat(seen.times.keySet()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(poller.resends()).as("entries given up and sent again").isPositive();
            assertThat(poller.sendFailures()).isZero();
        }
    }

    /**
     * A topic created a moment ago: its leader may answer NOT_LEADER_OR_FOLLOWER to the first requests. With several
     * requests in flight a later one overtook the first, which then failed with OUT_OF_ORDER_SEQUENCE_NUMBER until it
     * expired (KAFKA-15591): before the fix, 5 of 8 fresh topics here lost entries. Each round is a fresh topic.
     */
    @Test
    @Order(6)
    void everyEntrySubmittedToATopicCreatedAMomentAgoIsWritten() throws Exception {
        for (int round = 1; round <= 3; round++) {
            KafkaConfig config = broker.config("fresh" + round + ".").withGroupId("fresh-workers");
            try (var poller = new KafkaWorkQueue(config)) {
                for (long id = 1; id <= 400; id++) poller.submit(WireFormatTest.entry(id, id)); // every partition
                await(Duration.ofSeconds(20), () -> written(config) == 400, "all 400 written to topic " + round);
                await(Duration.ofSeconds(5), () -> poller.backlog() == 400, "the backlog to count all 400");
                assertThat(poller.sendFailures()).isZero();
            }
        }
    }

    /** Records in the entries topic: the sum of its partitions' end offsets, asked of the broker directly. */
    private static long written(KafkaConfig config) {
        try (var admin = KafkaTopics.admin(config)) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int p = 0; p < config.partitions(); p++) ends.put(new TopicPartition(config.entriesTopic(), p), OffsetSpec.latest());
            return KafkaTopics.call(config, admin.listOffsets(ends).all()).values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset).sum();
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            Thread.sleep(50);
        }
    }
}
