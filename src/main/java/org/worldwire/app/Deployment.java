package org.worldwire.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.worldwire.events.kafka.KafkaConfig;

/**
 * Where this process keeps its state and which part of the work it does: the engines behind the ports that hold
 * state (store, work queue and events, search) and the {@link Role}. The embedded default needs no server: SQLite
 * and Lucene under the data directory, in-process queue and events, every role.
 *
 * <p>Each setting comes from, in this order of precedence: a {@code serve} flag ({@code --store}, {@code --kafka},
 * {@code --search}, {@code --role}, {@code --kafka-prefix}, {@code --poller-lease}), an environment variable
 * ({@code WORLDWIRE_STORE}, … {@code WORLDWIRE_POLLER_LEASE}), a config file of Java properties ({@code store=}, …
 * {@code poller-lease=}), the default. See {@link #resolve}.
 *
 * @param store {@value #SQLITE} (a file under the data directory) or a PostgreSQL URL ({@code postgres://user:pass@host:port/db})
 * @param kafka bootstrap servers ({@code host:port,…}) of the Kafka cluster carrying the work queue and the events;
 *     null for the in-process ones
 * @param search {@value #LUCENE} (an index under the data directory) or an OpenSearch URL ({@code opensearch://host:port})
 * @param kafkaPrefix prepended to the Kafka topic and consumer group names, so that installations can share a cluster
 * @param pollerLease how long the poller's lease lasts without renewal (it is renewed every third of it): how soon a
 *     standby poller takes over from one that died
 */
public record Deployment(String store, @Nullable String kafka, String kafkaPrefix, String search, Role role,
        Duration pollerLease) {
    public static final String SQLITE = "sqlite";
    public static final String LUCENE = "lucene";
    public static final String LOCAL = "local";
    public static final Duration DEFAULT_POLLER_LEASE = Duration.ofSeconds(15);
    public static final String DEFAULT_KAFKA_PREFIX = "worldwire.";
    /** Everything in this process, nothing to run beside it. */
    public static final Deployment EMBEDDED = new Deployment(SQLITE, null, DEFAULT_KAFKA_PREFIX, LUCENE, Role.ALL,
            DEFAULT_POLLER_LEASE);

    /** The settings by name, as flags, environment variables and the config file spell them. */
    public enum Key {
        STORE, KAFKA, SEARCH, ROLE, KAFKA_PREFIX, POLLER_LEASE;

        public String property() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String flag() {
            return "--" + property();
        }

        public String env() {
            return "WORLDWIRE_" + name();
        }
    }

    public Deployment {
        Objects.requireNonNull(role, "role");
        store = store(Objects.requireNonNull(store, "store"));
        kafka = kafka == null ? null : kafka(kafka);
        search = search(Objects.requireNonNull(search, "search"));
        KafkaConfig.checkTopicPrefix(kafkaPrefix);
        if (pollerLease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the poller lease lasts at least a second, was " + pollerLease);
        }
        // The fields are not assigned yet inside the compact constructor: judge the parameters.
        if (role != Role.ALL && (store.equals(SQLITE) || kafka == null)) {
            throw new IllegalArgumentException("role " + role.key() + " shares its work with other processes, so it needs"
                    + " a shared store and Kafka: set store to a postgres:// URL (was " + redact(store) + ") and kafka to"
                    + " the bootstrap servers (was " + (kafka == null ? LOCAL : kafka) + "); only role all runs on"
                    + " SQLite and in-process queues");
        }
    }

    /** Whether the store is a database other processes share (PostgreSQL), rather than this process's own file. */
    public boolean sharedStore() {
        return !store.equals(SQLITE);
    }

    /** Whether the search index is a cluster other processes share, rather than this process's own Lucene index. */
    public boolean sharedSearch() {
        return !search.equals(LUCENE);
    }

    public @Nullable KafkaConfig kafkaConfig() {
        return kafka == null ? null : KafkaConfig.of(kafka).withTopicPrefix(kafkaPrefix).withGroupId(kafkaPrefix + "workers");
    }

    public Deployment withStore(String s) {
        return new Deployment(s, kafka, kafkaPrefix, search, role, pollerLease);
    }

    public Deployment withKafka(@Nullable String servers) {
        return new Deployment(store, servers, kafkaPrefix, search, role, pollerLease);
    }

    public Deployment withSearch(String s) {
        return new Deployment(store, kafka, kafkaPrefix, s, role, pollerLease);
    }

    public Deployment withRole(Role r) {
        return new Deployment(store, kafka, kafkaPrefix, search, r, pollerLease);
    }

    public Deployment withKafkaPrefix(String prefix) {
        return new Deployment(store, kafka, prefix, search, role, pollerLease);
    }

    public Deployment withPollerLease(Duration ttl) {
        return new Deployment(store, kafka, kafkaPrefix, search, role, ttl);
    }

    /**
     * Picks each setting from the first of: {@code flags} (keyed by {@link Key#property}: what the command line gave,
     * absent when not given), {@code env} ({@link Key#env}, blank counts as unset), the properties file
     * {@code configFile} when given, the embedded default.
     *
     * @throws IllegalArgumentException naming where a bad value came from (flag, variable, file and key), for an
     *     unreadable or missing config file, an unknown key in it, or a combination no process can run (a role other
     *     than all without PostgreSQL and Kafka)
     */
    public static Deployment resolve(Map<String, String> flags, Map<String, String> env, @Nullable Path configFile) {
        Map<Key, String> file = configFile == null ? Map.of() : readFile(configFile);
        Map<Key, Setting> chosen = new LinkedHashMap<>();
        for (Key k : Key.values()) {
            String flag = flags.get(k.property());
            String fromEnv = env.get(k.env());
            if (flag != null) chosen.put(k, new Setting(flag, "flag " + k.flag()));
            else if (fromEnv != null && !fromEnv.isBlank()) chosen.put(k, new Setting(fromEnv, "environment variable " + k.env()));
            else if (file.containsKey(k)) chosen.put(k, new Setting(file.get(k), "config file " + configFile + ", key " + k.property()));
        }
        String store = value(chosen.get(Key.STORE), SQLITE, Deployment::store);
        String kafkaValue = value(chosen.get(Key.KAFKA), LOCAL, v -> v.strip().equalsIgnoreCase(LOCAL) ? LOCAL : kafka(v));
        String search = value(chosen.get(Key.SEARCH), LUCENE, Deployment::search);
        Role role = value(chosen.get(Key.ROLE), Role.ALL, Role::parse);
        String prefix = value(chosen.get(Key.KAFKA_PREFIX), DEFAULT_KAFKA_PREFIX, v -> KafkaConfig.checkTopicPrefix(v.strip()));
        Duration lease = value(chosen.get(Key.POLLER_LEASE), DEFAULT_POLLER_LEASE, v -> Duration.ofSeconds(leaseSeconds(v)));
        return new Deployment(store, kafkaValue.equals(LOCAL) ? null : kafkaValue, prefix, search, role, lease);
    }

    /** Whole seconds, with or without a trailing "s": long enough to renew three times, short enough to matter. */
    static long leaseSeconds(String value) {
        String v = value.strip();
        if (v.endsWith("s")) v = v.substring(0, v.length() - 1);
        long seconds;
        try {
            seconds = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("poller-lease is whole seconds such as 15 or 15s, was '" + value.strip() + "'");
        }
        if (seconds < 3 || seconds > 3_600) {
            throw new IllegalArgumentException("poller-lease must be 3 to 3600 seconds, was " + seconds);
        }
        return seconds;
    }

    private record Setting(String value, String from) {}

    private static <T> T value(@Nullable Setting s, T fallback, java.util.function.Function<String, T> check) {
        if (s == null) return fallback;
        try {
            return check.apply(s.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.from() + ": " + e.getMessage(), e);
        }
    }

    private static Map<Key, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<Key, String> values = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            Key key = null;
            for (Key k : Key.values()) if (k.property().equals(name.strip())) key = k;
            if (key == null) {
                throw new IllegalArgumentException("config file " + file + ": unknown key '" + name + "' (known: "
                        + String.join(", ", java.util.Arrays.stream(Key.values()).map(Key::property).toList()) + ")");
            }
            values.put(key, p.getProperty(name));
        }
        return values;
    }

    /** {@value #SQLITE} or a PostgreSQL URL; the URL's details are checked when the store opens. */
    static String store(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase(SQLITE)) return SQLITE;
        if (v.startsWith("postgres://") || v.startsWith("postgresql://") || v.startsWith("jdbc:postgresql:")) return v;
        throw new IllegalArgumentException("store must be '" + SQLITE + "' or a PostgreSQL URL"
                + " (postgres://user:password@host:port/database), was '" + redact(v) + "'");
    }

    static String kafka(String value) {
        String v = value.strip();
        try {
            return KafkaConfig.of(v).bootstrapServers();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kafka must be '" + LOCAL + "' or bootstrap servers host:port[,host:port…]: "
                    + e.getMessage(), e);
        }
    }

    static String search(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase(LUCENE)) return LUCENE;
        if (v.startsWith("opensearch://")) {
            try {
                URI u = new URI(v);
                if (u.getHost() != null && u.getPort() > 0 && u.getPort() <= 65_535) return v;
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new IllegalArgumentException("an OpenSearch URL names a host and a port (opensearch://host:port), was '"
                    + redact(v) + "'");
        }
        throw new IllegalArgumentException("search must be '" + LUCENE + "' or an OpenSearch URL (opensearch://host:port),"
                + " was '" + redact(v) + "'");
    }

    /** A URL with any password hidden, for messages and logs. */
    static String redact(String url) {
        String u = url.length() > 200 ? url.substring(0, 200) + "…" : url;
        return u.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** What this process runs on, for the start log line; passwords hidden. */
    public String describe() {
        return "role=" + role.key() + " store=" + redact(store) + " kafka=" + (kafka == null ? LOCAL : kafka)
                + " search=" + redact(search);
    }
}
