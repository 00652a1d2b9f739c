package org.worldwire.events.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.events.EventBus;
import org.worldwire.events.NewsEvent;

/**
 * The event bus of a Worldwire spread over processes: {@link #publish} appends the event to the events topic, and
 * every bus reads that whole topic, so every process (the publisher's own included) hears every event once, in the
 * order the topic holds them.
 *
 * <p>Each bus reads from where the topic ended when it was built: events are notices of what the store already holds,
 * so a process that starts later reads the store, not old news. It reads without a consumer group (it assigns itself
 * every partition), so no offsets are kept and no rebalance ever stops one node because another joined. Listeners
 * run on the bus's one reading thread, one event after another, and must be quick: hand the event to a queue of
 * your own. A failing listener is logged and the others still hear the event.
 *
 * <p>Publishing does not wait for the cluster to acknowledge. While the cluster is away, publishing waits up to
 * five seconds for room and then drops the event with a warning: the article is stored, and readers find it there.
 */
public final class KafkaEventBus implements EventBus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaEventBus.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConfig config;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CopyOnWriteArrayList<Consumer<NewsEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    /**
     * Connects, creates the topics when missing and positions the reader at the end of the events topic, so every
     * event published after this returns is heard.
     *
     * @throws KafkaUnavailableException when the cluster does not answer within the connect timeout
     */
    public KafkaEventBus(KafkaConfig config) {
        this.config = config;
        KafkaTopics.ensure(config);

        Map<String, Object> p = new HashMap<>(KafkaTopics.common(config, "events-producer"));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0); // an event is news: no batching delay
        // Idempotent by default; one request in flight, or on a topic created a moment ago a later event can be
        // written first and an earlier one lost to OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591, see KafkaWorkQueue).
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(p);

        Map<String, Object> c = new HashMap<>(KafkaTopics.common(config, "events-consumer"));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(c);
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Resolve the end now, not lazily at the first poll: an event published right after the constructor
            // returns must lie after our position.
            for (TopicPartition tp : partitions) consumer.position(tp, config.connectTimeout());
        } catch (KafkaException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            producer.close(Duration.ZERO);
            throw KafkaTopics.unavailable(config, e);
        }
        this.reader = Thread.ofPlatform().name("kafka-events").daemon().start(this::read);
    }

    /** The events topic's partitions; a topic created a moment ago may take a moment to show in the metadata. */
    private List<TopicPartition> partitions() {
        long deadline = System.nanoTime() + config.connectTimeout().toNanos();
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(config.eventsTopic(), config.connectTimeout());
            if (!infos.isEmpty()) return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            if (System.nanoTime() > deadline) {
                throw new KafkaException("topic " + config.eventsTopic() + " has no partitions");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while waiting for topic " + config.eventsTopic(), e);
            }
        }
    }

    @Override
    public void publish(NewsEvent event) {
        if (closed) throw new IllegalStateException("the Kafka event bus is closed");
        try {
            producer.send(new ProducerRecord<>(config.eventsTopic(), WireFormat.encode(event)), (meta, e) -> {
                if (e != null) log.warn("kafka event not written event={} reason={}", type(event), e.toString());
            });
        } catch (KafkaException e) {
            log.warn("kafka event dropped event={} servers={} reason={}", type(event), config.bootstrapServers(),
                    e.toString());
        }
    }

    @Override
    public Runnable subscribe(Consumer<NewsEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void read() {
        try {
            while (!closed) {
                try {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) deliver(r);
                } catch (WakeupException e) {
                    // close() woke us: the loop condition ends it
                } catch (KafkaException e) {
                    // a node that stops reading would miss every later event: keep trying
                    log.error("kafka event reader poll failed topic={}", config.eventsTopic(), e);
                    Thread.sleep(1_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    private void deliver(ConsumerRecord<byte[], byte[]> r) {
        NewsEvent event;
        try {
            event = WireFormat.decodeEvent(r.value() == null ? new byte[0] : r.value());
        } catch (IllegalArgumentException e) {
            log.warn("kafka event unreadable, skipped partition={} offset={} reason={}", r.partition(), r.offset(),
                    e.getMessage());
            return;
        }
        for (Consumer<NewsEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.error("event listener failed event={}", type(event), e);
            }
        }
    }

    private static String type(NewsEvent event) {
        return event.getClass().getSimpleName();
    }

    /** Sends what was published, stops reading and waits for the reading thread. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        producer.close(Duration.ofSeconds(5));
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
