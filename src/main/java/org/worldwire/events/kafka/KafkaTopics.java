package org.worldwire.events.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Worldwire's topics exist, and is the start's check that the cluster answers at all: an unreachable
 * cluster is a {@link KafkaUnavailableException} naming the address after {@link KafkaConfig#connectTimeout()},
 * never a start that hangs while the clients retry in the background.
 *
 * <p>The events topic has one partition: every process reads all of it, so more partitions would buy no sharing and
 * would lose the order in which the workers announced. Its events are kept for a day (they are notices, the store
 * holds the truth). The entries topic has {@link KafkaConfig#partitions()} partitions: the most worker processes
 * that can share the work.
 */
public final class KafkaTopics {
    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);
    private static final String ONE_DAY_MS = Long.toString(Duration.ofDays(1).toMillis());
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private KafkaTopics() {}

    /**
     * Creates the missing topics of {@code config}; existing ones are left as they are, so several processes may
     * call it at once.
     *
     * @throws KafkaUnavailableException when the cluster does not answer in time
     */
    public static void ensure(KafkaConfig config) {
        try (Admin admin = admin(config)) {
            Set<String> existing = call(config, admin.listTopics().names());
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(config.eventsTopic())) {
                missing.add(new NewTopic(config.eventsTopic(), 1, config.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, ONE_DAY_MS)));
            }
            if (!existing.contains(config.entriesTopic())) {
                missing.add(new NewTopic(config.entriesTopic(), config.partitions(), config.replicationFactor()));
            }
            if (missing.isEmpty()) return;
            var results = admin.createTopics(missing).values();
            for (var e : results.entrySet()) {
                try {
                    call(config, e.getValue());
                    log.info("kafka topic created topic={}", e.getKey());
                } catch (KafkaUnavailableException ex) {
                    // another process created it between our listing and our creating: that is what we wanted
                    if (!(ex.getCause() instanceof TopicExistsException)) throw ex;
                }
            }
            awaitLeaders(config, admin, results.keySet());
        }
    }

    /**
     * Waits until every partition of {@code topics} has a leader in the cluster's metadata, so the clients do not
     * start on partitions that have none. The leader's broker may still be applying the new partition for a moment
     * after and answer NOT_LEADER_OR_FOLLOWER: the producers keep one request in flight so that such a retry cannot
     * be overtaken (see {@link KafkaWorkQueue}).
     */
    private static void awaitLeaders(KafkaConfig config, Admin admin, Set<String> topics) {
        long deadline = System.nanoTime() + config.connectTimeout().toNanos();
        while (true) {
            boolean ready;
            try {
                var described = call(config, admin.describeTopics(topics).allTopicNames());
                ready = described.values().stream()
                        .allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            } catch (KafkaUnavailableException e) {
                // Created, but not yet in the metadata of the broker that answered: not ready, not missing.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) throw e;
                ready = false;
            }
            if (ready) return;
            if (System.nanoTime() > deadline) {
                throw unavailable(config, new TimeoutException("partitions of " + topics + " have no leader yet"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable(config, e);
            }
        }
    }

    /** An admin client of {@code config} whose calls give up after the connect timeout. */
    static Admin admin(KafkaConfig config) {
        Map<String, Object> props = new HashMap<>(common(config, "admin"));
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        // With the default (rebootstrap), an admin client idle while no broker answers bootstraps again in a tight
        // loop: hundreds of log lines a second and a busy core for as long as the cluster is away. Without it, it
        // reconnects to the brokers it knows with the usual backoff.
        props.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        try {
            return Admin.create(props);
        } catch (KafkaException e) {
            throw unavailable(config, e);
        }
    }

    /** Settings every client of {@code config} shares. */
    static Map<String, Object> common(KafkaConfig config, String role) {
        // Unique per client, so the broker's logs and quotas tell processes apart (and JMX names do not collide).
        String clientId = config.topicPrefix() + role + "-" + ProcessHandle.current().pid() + "-" + CLIENTS.incrementAndGet();
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                CommonClientConfigs.CLIENT_ID_CONFIG, clientId,
                // A broker that went away is retried quickly but not in a tight loop.
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
    }

    /** Waits for {@code future} at most the connect timeout; a failure becomes a {@link KafkaUnavailableException}. */
    static <T> T call(KafkaConfig config, org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(config, e);
        } catch (ExecutionException e) {
            throw unavailable(config, e.getCause() != null ? e.getCause() : e);
        } catch (TimeoutException e) {
            throw unavailable(config, e);
        }
    }

    static KafkaUnavailableException unavailable(KafkaConfig config, Throwable cause) {
        boolean timedOut = cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        String what = timedOut
                ? "Kafka did not answer at " + config.bootstrapServers() + " within " + config.connectTimeout().toMillis() + " ms"
                : "Kafka at " + config.bootstrapServers() + " failed";
        return new KafkaUnavailableException(what + ": " + cause, cause);
    }
}
