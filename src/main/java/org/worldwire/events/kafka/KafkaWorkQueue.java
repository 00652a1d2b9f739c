package org.worldwire.events.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.ingest.WorkQueue;
import org.worldwire.store.PendingEntry;

/**
 * The work queue as a Kafka topic shared by processes: {@link #submit} appends the entry to the entries topic keyed
 * by its source, so one source's entries stay in one partition and in order; {@link #start} joins the workers'
 * consumer group, so the processes share the partitions, and hands the entries to up to {@code workers} handler
 * threads.
 *
 * <p>Guarantees, as {@link WorkQueue} asks:
 * <ul>
 *   <li>At least once: an offset is committed only after the handler returned for that entry and for every earlier
 *       one of its partition. A process that dies, or an instance {@link #close closed} while a handler ran past the
 *       wait, leaves its entries to be delivered again, to another process when the group rebalances.</li>
 *   <li>One source in order: entries with one key start in the order they were submitted, at most
 *       {@code perSource} at once (one by default: one after another); entries of different sources in one partition
 *       run in parallel. The pipeline passes its per-host page limit, so a busy source is fetched as politely as on
 *       one machine without waiting for each of its articles in turn.</li>
 *   <li>Handlers are never interrupted. When the group takes partitions away, what is queued for them is dropped
 *       (it is delivered to their new owner), what runs is waited for (up to {@link #REVOKE_WAIT}) and committed.</li>
 *   <li>Bounded memory: when too many entries are read and not done, the partitions are paused until the workers
 *       have caught up; fetches are capped.</li>
 *   <li>A handler that throws has still had the entry: it is logged and counted done, so one bad entry cannot stop
 *       its partition for good (the pipeline records failures on the source's health).</li>
 *   <li>Back-pressure on {@link #submit}: it waits while the producer's buffer is full or the cluster is away.</li>
 *   <li>Nothing submitted is dropped unreported. An entry the producer took and then failed to write (not written
 *       within {@link #DELIVERY_TIMEOUT}, a sequence error) is handed to it again at once, by a thread of its own
 *       or by the next {@link #submit} before that call's own entry, and by {@link #close}; it may then land after
 *       later entries of its source. An entry the cluster refuses for good (too large, not authorised), or still
 *       unwritten when {@link #close} has waited {@link #FLUSH_WAIT}, is logged with its id and counted in
 *       {@link #sendFailures}: it is still pending in the store, for the next run.</li>
 * </ul>
 *
 * <p>The producer keeps one request in flight per broker. With more, a partition created a moment ago loses
 * entries on brokers before Kafka 4.5 (KAFKA-15591): the first request meets NOT_LEADER_OR_FOLLOWER while the broker
 * is still applying the new partition, the second arrives after and is accepted as the producer's first, and every
 * retry of the first then fails with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout. With one request in
 * flight the second cannot overtake the first.
 *
 * <p>Entries that cannot be read (another version's format, corrupt bytes) are logged and skipped.
 */
public final class KafkaWorkQueue implements WorkQueue {
    private static final Logger log = LoggerFactory.getLogger(KafkaWorkQueue.class);
    /** How long a rebalance waits for handlers still running on partitions taken away (below max.poll.interval.ms). */
    static final Duration REVOKE_WAIT = Duration.ofSeconds(30);
    /** How long {@link #close} waits for running handlers before it leaves them to finish unrecorded. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
    /** Long enough to ride out a broker restart; past it, the producer gives a send up and it is handed over again. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);
    /** How long {@link #close} waits for submitted entries to be written (the producer's buffer flushed). */
    static final Duration FLUSH_WAIT = Duration.ofSeconds(10);
    private static final int LINGER_MS = 5;
    /** How long one attempt to hand a record to the producer waits for room or metadata; submit() then tries again. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration BACKLOG_CACHE = Duration.ofSeconds(1);

    private final KafkaConfig config;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    /** Entries the producer took and later gave up on (a batch expired, a sequence error): to be sent again. */
    private final LinkedBlockingQueue<Outgoing> failed = new LinkedBlockingQueue<>();
    private final Thread resender;
    private volatile boolean closed;
    /** Records handed to the producer whose outcome is not known yet. */
    private final AtomicInteger unacknowledged = new AtomicInteger();
    /** While {@link #close} hands over the failed sends one last time, until {@link #drainDeadline}. */
    private volatile boolean draining;
    private volatile long drainDeadline;
    /** After the last flush: what fails now stays pending in the store only. */
    private volatile boolean giveUp;

    // Consumer side, once started.
    private @Nullable Thread poller;
    private @Nullable ExecutorService pool;
    private volatile boolean stopping;
    private volatile boolean abandoned;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>(); // poll thread only
    private final Map<String, Lane> lanes = new HashMap<>(); // guarded by itself
    private final int perSource;
    private volatile int assigned;

    // backlog(): the group's lag, asked of the cluster at most once per BACKLOG_CACHE.
    private final Object backlogLock = new Object();
    private long backlogAt = Long.MIN_VALUE;
    private long backlog;

    /** A submitted entry and its record, kept until the producer has written it or given up on it. */
    private record Outgoing(PendingEntry entry, ProducerRecord<String, byte[]> record) {}

    private record Delivery(PartitionProgress.Slot slot, @Nullable String key, byte[] value, TopicPartition partition) {}

    /** One source's entries: how many run, and those waiting their turn in order. */
    private static final class Lane {
        final ArrayDeque<Delivery> waiting = new ArrayDeque<>();
        int running;
    }

    /**
     * Connects to the cluster and creates the topics when missing.
     *
     * @throws KafkaUnavailableException when the cluster does not answer within the connect timeout
     */
    public KafkaWorkQueue(KafkaConfig config) {
        this(config, 1);
    }

    /**
     * @param perSource entries of one source handled at once at most, started in order
     * @throws KafkaUnavailableException when the cluster does not answer within the connect timeout
     */
    public KafkaWorkQueue(KafkaConfig config, int perSource) {
        this(config, perSource, DELIVERY_TIMEOUT);
    }

    /** With another delivery timeout: tests let the producer give sends up within seconds. */
    KafkaWorkQueue(KafkaConfig config, Duration deliveryTimeout) {
        this(config, 1, deliveryTimeout);
    }

    private KafkaWorkQueue(KafkaConfig config, int perSource, Duration deliveryTimeout) {
        if (perSource < 1) throw new IllegalArgumentException("perSource must be at least 1, was " + perSource);
        this.config = config;
        this.perSource = perSource;
        KafkaTopics.ensure(config);
        Map<String, Object> props = new HashMap<>(KafkaTopics.common(config, "entries-producer"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true); // retries keep each source's order
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1); // see the class comment
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis()); // then submit() tries again
        int deliveryMs = (int) deliveryTimeout.toMillis();
        // The producer insists on delivery.timeout.ms >= linger.ms + request.timeout.ms (30 s by default).
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, (deliveryMs - LINGER_MS) / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(props);
        this.admin = KafkaTopics.admin(config);
        this.resender = Thread.ofPlatform().name("kafka-entries-resend").daemon().start(this::resendLoop);
    }

    @Override
    public void submit(PendingEntry entry) throws InterruptedException {
        if (closed) throw new IllegalStateException("the Kafka work queue is closed");
        var outgoing = new Outgoing(entry,
                new ProducerRecord<>(config.entriesTopic(), Long.toString(entry.sourceId()), WireFormat.encode(entry)));
        // What the producer gave up on goes first: it was submitted earlier, and the pollers wait until it is
        // handed over again (back-pressure), so a failing cluster cannot pile up entries in memory.
        resendFailed();
        send(outgoing);
    }

    /** Sends failures again as they come, so they are not left waiting for a poller that has nothing to submit. */
    private void resendLoop() {
        try {
            while (!closed) {
                Outgoing o = failed.poll(100, TimeUnit.MILLISECONDS);
                if (o == null) continue;
                try {
                    send(o);
                } catch (InterruptedException | RuntimeException e) {
                    failed.add(o); // closing: close() hands it over or reports it
                    return;
                }
            }
        } catch (InterruptedException e) {
            // nobody interrupts this thread; should it happen, close() still hands over what is left
        }
    }

    /** Hands the entries of failed sends to the producer again, oldest first. */
    private void resendFailed() throws InterruptedException {
        for (Outgoing o; (o = failed.poll()) != null; ) {
            try {
                send(o);
            } catch (InterruptedException | RuntimeException e) {
                failed.add(o); // still owed: close() hands it over or reports it
                throw e;
            }
        }
    }

    /**
     * Hands {@code o} to the producer, waiting while the producer's buffer is full or the cluster is away. Returns
     * when the producer has taken it, or when it was refused for good (logged and counted).
     */
    private void send(Outgoing o) throws InterruptedException {
        PendingEntry entry = o.entry();
        Thread caller = Thread.currentThread();
        while (true) {
            if (closed && !draining) throw new IllegalStateException("the Kafka work queue is closed");
            if (draining && System.nanoTime() > drainDeadline) { // close() has waited long enough for the cluster
                refused(entry, closedFirst());
                return;
            }
            // The producer reports some failures inside send(), on this thread, through the callback rather than by
            // throwing: above all a timeout waiting for the topic's metadata while the cluster is away. Those are
            // retried here. Failures reported later, on the producer's thread, go to failedLater().
            var immediate = new AtomicReference<@Nullable Exception>();
            unacknowledged.incrementAndGet(); // the callback runs exactly when send() does not throw
            try {
                producer.send(o.record(), (meta, e) -> {
                    try {
                        if (e == null) return;
                        if (Thread.currentThread() == caller) {
                            immediate.set(e);
                        } else {
                            failedLater(o, e);
                        }
                    } finally { // after failedLater: close() never sees an entry neither unacknowledged nor queued again
                        unacknowledged.decrementAndGet();
                    }
                });
            } catch (InterruptException e) {
                unacknowledged.decrementAndGet();
                Thread.interrupted(); // Kafka set the flag again; the checked exception carries it now
                throw new InterruptedException("interrupted while submitting entry " + entry.id());
            } catch (KafkaException e) {
                unacknowledged.decrementAndGet();
                if (closed && !draining) {
                    throw new IllegalStateException("the Kafka work queue was closed while submitting", e);
                }
                immediate.set(e);
            }
            Exception failure = immediate.get();
            if (failure == null) return;
            if (!(failure instanceof RetriableException)) { // too large, not authorised: trying again will not help
                refused(entry, failure);
                return;
            }
            // The buffer stayed full, or the cluster is away: the pollers wait, as on a full in-process queue.
            log.warn("kafka entries producer blocked source_id={} servers={} reason={}",
                    entry.sourceId(), config.bootstrapServers(), failure.getMessage());
            if (Thread.interrupted()) throw new InterruptedException("interrupted while submitting entry " + entry.id());
        }
    }

    /**
     * On the producer's thread: the producer gave up on an entry it had taken. Unless the record itself is refused
     * or this queue is past its last flush, it is kept to be sent again: by the resend thread, the next
     * {@link #submit} or {@link #close}. It is never dropped unlogged.
     */
    private void failedLater(Outgoing o, Exception e) {
        if (giveUp || refusedForGood(e)) {
            refused(o.entry(), e);
            return;
        }
        failed.add(o);
        resends.incrementAndGet();
        log.warn("kafka entry not written, to be sent again entry_id={} source_id={} topic={} reason={}",
                o.entry().id(), o.entry().sourceId(), config.entriesTopic(), e.toString());
    }

    private void refused(PendingEntry entry, Exception e) {
        sendFailures.incrementAndGet();
        log.error("kafka entry not written, left pending in the store entry_id={} source_id={} topic={} reason={}",
                entry.id(), entry.sourceId(), config.entriesTopic(), e.toString());
    }

    private static KafkaException closedFirst() {
        return new KafkaException("the Kafka work queue closed before the entry could be written");
    }

    /** Failures that another attempt with the same record and producer cannot mend. */
    private static boolean refusedForGood(Exception e) {
        return e instanceof RecordTooLargeException || e instanceof InvalidRecordException
                || e instanceof AuthorizationException || e instanceof AuthenticationException
                || e instanceof UnsupportedVersionException || e instanceof InvalidTopicException
                || e instanceof SerializationException;
    }

    @Override
    public synchronized void start(int workers, Consumer<PendingEntry> handler) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        if (poller != null) throw new IllegalStateException("the Kafka work queue is started already");
        if (closed) throw new IllegalStateException("the Kafka work queue is closed");
        int maxInFlight = Math.max(32, workers * 8);
        Map<String, Object> props = new HashMap<>(KafkaTopics.common(config, "entries-consumer"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new group owes every entry ever submitted
        // Cooperative rebalancing takes away only the partitions that move, so work elsewhere goes on meanwhile.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // A worker killed outright is noticed within 10 s and its partitions move on.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxInFlight);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var consumer = new KafkaConsumer<String, byte[]>(props);
        AtomicInteger threadNo = new AtomicInteger();
        pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "kafka-worker-" + threadNo.incrementAndGet()));
        var loop = new PollLoop(consumer, handler, pool, maxInFlight);
        poller = Thread.ofPlatform().name("kafka-entries-poll").start(loop);
    }

    /**
     * Entries submitted and not yet done in the whole group: the committed offsets' lag behind the ends of the
     * partitions, asked of the cluster at most once a second; the last answer while the cluster is away.
     */
    @Override
    public long backlog() {
        synchronized (backlogLock) {
            long now = System.nanoTime();
            if (backlogAt != Long.MIN_VALUE && now - backlogAt < BACKLOG_CACHE.toNanos()) return backlog;
            try {
                backlog = groupLag();
            } catch (KafkaException | KafkaUnavailableException e) {
                log.debug("kafka backlog unknown topic={} reason={}", config.entriesTopic(), e.toString());
            }
            backlogAt = now;
            return backlog;
        }
    }

    private long groupLag() {
        var description = KafkaTopics.call(config, admin.describeTopics(List.of(config.entriesTopic()))
                .allTopicNames()).get(config.entriesTopic());
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(config.entriesTopic(), p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = KafkaTopics.call(config,
                admin.listConsumerGroupOffsets(config.groupId()).partitionsToOffsetAndMetadata());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>(), earliest = new HashMap<>();
        for (TopicPartition tp : partitions) {
            latest.put(tp, OffsetSpec.latest());
            if (committed.get(tp) == null) earliest.put(tp, OffsetSpec.earliest());
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = KafkaTopics.call(config, admin.listOffsets(latest).all());
        Map<TopicPartition, ListOffsetsResultInfo> starts = earliest.isEmpty() ? Map.of()
                : KafkaTopics.call(config, admin.listOffsets(earliest).all());
        long lag = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata done = committed.get(tp);
            long from = done != null ? done.offset() : starts.get(tp).offset();
            lag += Math.max(0, ends.get(tp).offset() - from);
        }
        return lag;
    }

    /**
     * Entries this instance gave up on since it began: refused by the cluster (too large, not authorised) or still
     * unwritten when it closed. Each is logged with its id and is still pending in the store.
     */
    public long sendFailures() {
        return sendFailures.get();
    }

    /** Entries the producer had taken and then failed to write, kept to be sent again (counted once per failure). */
    public long resends() {
        return resends.get();
    }

    /** Entries read from the topic and not yet done in this instance: queued for a worker or running. */
    int inFlight() {
        return inFlight.get();
    }

    /** Partitions this instance holds now; 0 before {@link #start} and between rebalances. */
    public int assignedPartitions() {
        return assigned;
    }

    /**
     * Flushes what was submitted, stops reading, drops what no handler has started (it stays pending in the topic),
     * waits for the running handlers (up to {@link #CLOSE_WAIT}), commits what they finished and leaves the group.
     */
    @Override
    public void close() {
        stop(false);
    }

    /**
     * Stops as a killed process would: leaves the group at once, commits nothing more, waits for nothing, and drops
     * submitted entries not yet sent (they are still pending in the store); running handlers go on, unrecorded, and
     * their entries are delivered again to whoever takes the partitions.
     */
    void abandon() {
        stop(true);
    }

    private void stop(boolean abandon) {
        Thread t;
        ExecutorService workers;
        synchronized (this) {
            if (closed) return;
            closed = true;
            abandoned = abandon;
            stopping = true;
            t = poller;
            workers = pool;
        }
        if (t != null) {
            try {
                t.join(CLOSE_WAIT.plusSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (workers != null) workers.shutdown(); // never shutdownNow: handlers are not interrupted
        try {
            // It stops within a poll once closed, or after the attempt it is blocked in; then close() alone hands over.
            resender.join(MAX_BLOCK.plus(POLL).plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!abandon) handOver(FLUSH_WAIT);
        giveUp = true;
        producer.close(abandon ? Duration.ZERO : Duration.ofSeconds(1));
        for (Outgoing o; (o = failed.poll()) != null; ) {
            refused(o.entry(), closedFirst());
        }
        admin.close(Duration.ofSeconds(1));
    }

    /**
     * Waits up to {@code wait} until every submitted entry is written, sending again what the producer gave up on
     * meanwhile; what is still unwritten after it is reported by {@link #stop}.
     */
    private void handOver(Duration wait) {
        drainDeadline = System.nanoTime() + wait.toNanos();
        draining = true;
        try {
            while (true) {
                resendFailed();
                if (failed.isEmpty() && unacknowledged.get() == 0) return;
                if (System.nanoTime() > drainDeadline) return;
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // whatever it was, close() still closes the clients and reports what is owed
            log.warn("kafka entries not all handed over on close topic={} reason={}", config.entriesTopic(), e.toString());
        }
    }

    /** The consumer's thread: reads, dispatches, pauses, commits; the rebalance callbacks run on it too. */
    private final class PollLoop implements Runnable, ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Consumer<PendingEntry> handler;
        private final ExecutorService workers;
        private final int maxInFlight;
        private boolean paused;

        PollLoop(KafkaConsumer<String, byte[]> consumer, Consumer<PendingEntry> handler, ExecutorService workers,
                int maxInFlight) {
            this.consumer = consumer;
            this.handler = handler;
            this.workers = workers;
            this.maxInFlight = maxInFlight;
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(List.of(config.entriesTopic()), this);
                while (!stopping) {
                    try {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) dispatch(r);
                        flowControl();
                        commit();
                    } catch (KafkaException e) {
                        // a worker that stops reading would hold its partitions and do nothing: keep trying
                        log.error("kafka work queue poll failed topic={} group={}", config.entriesTopic(),
                                config.groupId(), e);
                        pause(Duration.ofSeconds(1));
                    }
                }
                if (!abandoned) release(List.copyOf(progress.keySet()), CLOSE_WAIT);
            } catch (RuntimeException e) {
                log.error("kafka work queue stopped topic={} group={}", config.entriesTopic(), config.groupId(), e);
            } finally {
                if (abandoned) dropAll();
                try {
                    consumer.close(abandoned
                            ? CloseOptions.timeout(Duration.ZERO).withGroupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                            : CloseOptions.timeout(Duration.ofSeconds(5)));
                } catch (RuntimeException e) {
                    log.warn("kafka consumer close failed group={}", config.groupId(), e);
                }
            }
        }

        private void dispatch(ConsumerRecord<String, byte[]> r) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            PartitionProgress p = progress.computeIfAbsent(tp, k -> new PartitionProgress());
            var d = new Delivery(p.add(r.offset()), r.key(), r.value() == null ? new byte[0] : r.value(), tp);
            inFlight.incrementAndGet();
            if (d.key() != null) {
                synchronized (lanes) {
                    Lane lane = lanes.computeIfAbsent(d.key(), k -> new Lane());
                    if (lane.running >= perSource) { // the source's share of workers is busy: this one waits its turn
                        lane.waiting.add(d);
                        return;
                    }
                    lane.running++;
                }
            }
            workers.execute(() -> work(d));
        }

        /** Runs {@code first}, then whatever of the same source waits for a turn. */
        private void work(Delivery first) {
            Delivery d = first;
            while (d != null) {
                if (d.slot().start()) {
                    try {
                        handle(d);
                    } finally { // even an Error: a poison entry must not hold its partition for ever
                        d.slot().finish();
                        inFlight.decrementAndGet();
                    }
                }
                if (d.key() == null) return;
                synchronized (lanes) {
                    Lane lane = lanes.get(d.key());
                    Delivery next = lane == null ? null : lane.waiting.poll();
                    if (next == null && lane != null && --lane.running == 0) lanes.remove(d.key());
                    d = next;
                }
            }
        }

        private void handle(Delivery d) {
            PendingEntry entry;
            try {
                entry = WireFormat.decodeEntry(d.value());
            } catch (IllegalArgumentException e) {
                log.warn("kafka entry unreadable, skipped partition={} offset={} reason={}",
                        d.partition(), d.slot().offset, e.getMessage());
                return;
            }
            try {
                handler.accept(entry);
            } catch (RuntimeException | StackOverflowError e) {
                log.error("work handler failed entry_id={} source_id={}", entry.id(), entry.sourceId(), e);
            }
        }

        /** Pauses every partition while too much is read and not done; resumes at half. */
        private void flowControl() {
            int n = inFlight.get();
            if (n >= maxInFlight) {
                consumer.pause(consumer.assignment()); // again each round: partitions assigned since come paused too
                if (!paused) log.debug("kafka entries paused in_flight={}", n);
                paused = true;
            } else if (paused && n <= maxInFlight / 2) {
                consumer.resume(consumer.paused());
                paused = false;
            }
        }

        /** Commits each partition's finished prefix, asynchronously: a lost commit only means a replay. */
        private void commit() {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (var e : progress.entrySet()) {
                long next = e.getValue().committable();
                if (next >= 0) offsets.put(e.getKey(), new OffsetAndMetadata(next));
            }
            if (offsets.isEmpty()) return;
            consumer.commitAsync(offsets, (o, e) -> {
                if (e != null) log.warn("kafka commit failed group={} reason={}", config.groupId(), e.toString());
            });
        }

        /**
         * Gives up {@code partitions}: drops what no handler started, waits for what runs, commits what finished.
         * What is still running after {@code wait} will be delivered again by the partition's next owner.
         */
        private void release(Collection<TopicPartition> partitions, Duration wait) {
            List<PartitionProgress> leaving = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                PartitionProgress p = progress.get(tp);
                if (p == null) continue;
                inFlight.addAndGet(-p.cancelQueued());
                leaving.add(p);
            }
            long deadline = System.nanoTime() + wait.toNanos();
            while (leaving.stream().anyMatch(PartitionProgress::running) && System.nanoTime() < deadline
                    && !Thread.currentThread().isInterrupted()) {
                pause(Duration.ofMillis(10));
            }
            if (leaving.stream().anyMatch(PartitionProgress::running)) {
                log.warn("kafka handlers still running on released partitions, to be delivered again partitions={}",
                        partitions);
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : partitions) {
                PartitionProgress p = progress.get(tp);
                if (p == null) continue;
                long next = p.committable();
                if (next >= 0) offsets.put(tp, new OffsetAndMetadata(next));
            }
            try {
                if (!offsets.isEmpty()) consumer.commitSync(offsets);
            } catch (KafkaException e) {
                log.warn("kafka commit on release failed group={} reason={}", config.groupId(), e.toString());
            } finally {
                for (TopicPartition tp : partitions) progress.remove(tp);
            }
        }

        private static void pause(Duration d) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void dropAll() {
            for (PartitionProgress p : progress.values()) inFlight.addAndGet(-p.cancelQueued());
            progress.clear();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned = consumer.assignment().size();
            if (paused) consumer.pause(partitions);
            log.info("kafka partitions assigned group={} partitions={}", config.groupId(), partitions.size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (abandoned) return;
            release(partitions, REVOKE_WAIT);
            assigned = Math.max(0, consumer.assignment().size() - partitions.size());
            if (!partitions.isEmpty()) {
                log.info("kafka partitions revoked group={} partitions={}", config.groupId(), partitions.size());
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already someone else's: committing would fail, and their entries are delivered there again.
            for (TopicPartition tp : partitions) {
                PartitionProgress p = progress.remove(tp);
                if (p != null) inFlight.addAndGet(-p.cancelQueued());
            }
            assigned = Math.max(0, consumer.assignment().size() - partitions.size());
            log.warn("kafka partitions lost group={} partitions={}", config.groupId(), partitions.size());
        }
    }
}
