package org.worldwire.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.worldwire.events.NewsEvent;
import org.worldwire.model.Story;

/** Three buses on one real broker stand for three processes: two web nodes and a worker that publishes. */
@Tag("kafka")
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang fails instead of stalling CI
class KafkaEventBusTest {
    @RegisterExtension
    static final KafkaBroker broker = new KafkaBroker();

    @Test
    void everyProcessHearsEveryEventAnotherPublished() throws Exception {
        KafkaConfig config = broker.config("bus.");
        try (var web1 = new KafkaEventBus(config); var web2 = new KafkaEventBus(config);
                var worker = new KafkaEventBus(config)) {
            BlockingQueue<NewsEvent> heard1 = new LinkedBlockingQueue<>(), heard2 = new LinkedBlockingQueue<>();
            web1.subscribe(heard1::add);
            web2.subscribe(heard2::add);

            var stored = new NewsEvent.ArticleStored(WireFormatTest.article(1));
            var updated = new NewsEvent.StoryUpdated(story(41), true, List.of(7L));
            worker.publish(stored);
            worker.publish(updated);

            for (BlockingQueue<NewsEvent> heard : List.of(heard1, heard2)) {
                assertThat(heard.poll(15, TimeUnit.SECONDS)).isEqualTo(stored);
                assertThat(heard.poll(15, TimeUnit.SECONDS)).as("in the order published").isEqualTo(updated);
            }
            assertThat(heard1.poll(300, TimeUnit.MILLISECONDS)).as("each event once").isNull();
            assertThat(heard2).isEmpty();
        }
    }

    @Test
    void aNewBusHearsOnlyWhatFollowsAndSurvivesBadRecordsAndFailingListeners() throws Exception {
        KafkaConfig config = broker.config("late.");
        var early = new KafkaEventBus(config);
        early.articleStored(WireFormatTest.article(1)); // before the web node starts: old news, not heard
        early.close(); // flushes it to the topic
        try (var web = new KafkaEventBus(config); var worker = new KafkaEventBus(config);
                var raw = rawProducer(config)) {
            BlockingQueue<NewsEvent> heard = new LinkedBlockingQueue<>();
            web.subscribe(e -> { throw new IllegalStateException("a broken listener"); });
            Runnable unsubscribe = web.subscribe(heard::add);

            raw.send(new ProducerRecord<>(config.eventsTopic(), "{\"v\":1,\"type\":\"nonsense\"".getBytes())).get();
            raw.send(new ProducerRecord<>(config.eventsTopic(), "{\"v\":9,\"type\":\"from_the_future\"}".getBytes())).get();
            var after = new NewsEvent.ArticleStored(WireFormatTest.article(2));
            worker.publish(after);

            assertThat(heard.poll(15, TimeUnit.SECONDS)).isEqualTo(after);

            unsubscribe.run();
            worker.articleStored(WireFormatTest.article(3));
            assertThat(heard.poll(1, TimeUnit.SECONDS)).as("no events after unsubscribing").isNull();
        }
    }

    private static Story story(long id) {
        Instant t = WireFormatTest.T;
        return new Story(id, "Floods in the north", "Rivers rose overnight.", id, t, t.plusSeconds(90), 2, 2, 3, 1,
                List.of("DE"), List.of("de", "en"));
    }

    private static KafkaProducer<byte[], byte[]> rawProducer(KafkaConfig config) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
