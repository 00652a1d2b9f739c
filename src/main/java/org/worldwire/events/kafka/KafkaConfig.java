package org.worldwire.events.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the Kafka cluster is and how Worldwire names its parts there; validated on construction, so a bad value
 * fails at start with a message that names it.
 *
 * @param bootstrapServers {@code host:port} pairs separated by commas, e.g. {@code 127.0.0.1:9092}
 * @param topicPrefix prepended to every topic name, so installations can share a cluster (e.g. {@code worldwire.})
 * @param groupId the consumer group the workers of one installation share
 * @param partitions partitions of the discovered-entries topic when it is created: the most worker processes that
 *     can share the work (an existing topic keeps its own)
 * @param replicationFactor copies of each partition when a topic is created: 1 on one broker, 3 on a real cluster
 * @param connectTimeout how long the start waits for the cluster before it gives up with the address
 */
public record KafkaConfig(
        String bootstrapServers,
        String topicPrefix,
        String groupId,
        int partitions,
        short replicationFactor,
        Duration connectTimeout) {

    // Kafka topic names allow [a-zA-Z0-9._-] up to 249 characters; the longest suffix is "entries".
    private static final Pattern TOPIC_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{0,200}");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[a-zA-Z0-9._-]+):(\\d{1,5})");

    public KafkaConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        bootstrapServers = String.join(",", servers(bootstrapServers));
        checkTopicPrefix(topicPrefix);
        if (groupId.isBlank()) throw new IllegalArgumentException("Kafka consumer group id must not be blank");
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("Kafka partitions must be 1..10000, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("Kafka replication factor must be at least 1, was " + replicationFactor);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("Kafka connect timeout must be positive, was " + connectTimeout);
        }
    }

    /**
     * @return {@code prefix}, when Kafka accepts topic names that start with it
     * @throws IllegalArgumentException saying which characters it may hold
     */
    public static String checkTopicPrefix(String prefix) {
        if (!TOPIC_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Kafka topic prefix may hold only letters, digits, '.', '_' and '-'"
                    + " (at most 200), was '" + prefix + "'");
        }
        return prefix;
    }

    /** The cluster at {@code bootstrapServers} with the defaults: prefix {@code worldwire.}, 12 partitions, one copy. */
    public static KafkaConfig of(String bootstrapServers) {
        return new KafkaConfig(bootstrapServers, "worldwire.", "worldwire-workers", 12, (short) 1,
                Duration.ofSeconds(15));
    }

    public KafkaConfig withTopicPrefix(String prefix) {
        return new KafkaConfig(bootstrapServers, prefix, groupId, partitions, replicationFactor, connectTimeout);
    }

    public KafkaConfig withGroupId(String group) {
        return new KafkaConfig(bootstrapServers, topicPrefix, group, partitions, replicationFactor, connectTimeout);
    }

    public KafkaConfig withPartitions(int count) {
        return new KafkaConfig(bootstrapServers, topicPrefix, groupId, count, replicationFactor, connectTimeout);
    }

    public KafkaConfig withReplicationFactor(short copies) {
        return new KafkaConfig(bootstrapServers, topicPrefix, groupId, partitions, copies, connectTimeout);
    }

    public KafkaConfig withConnectTimeout(Duration timeout) {
        return new KafkaConfig(bootstrapServers, topicPrefix, groupId, partitions, replicationFactor, timeout);
    }

    /** The topic of stored articles and updated stories, read by every process. */
    public String eventsTopic() {
        return topicPrefix + "events";
    }

    /** The topic of discovered entries, keyed by source, shared by the workers' consumer group. */
    public String entriesTopic() {
        return topicPrefix + "entries";
    }

    private static List<String> servers(String list) {
        List<String> servers = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("Kafka bootstrap servers must name at least one host:port");
        }
        for (String s : servers) {
            var m = HOST_PORT.matcher(s);
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65_535) {
                throw new IllegalArgumentException("Kafka bootstrap server must be host:port with a port 1..65535,"
                        + " was '" + s + "'");
            }
        }
        return servers;
    }
}
