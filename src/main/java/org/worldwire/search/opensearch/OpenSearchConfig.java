package org.worldwire.search.opensearch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the OpenSearch index lives and how long to wait for it.
 *
 * @param url the node's HTTP address, {@code http://host:9200} (a load balancer in front of a cluster works too)
 * @param index the index name; every worker and web node of one installation uses the same
 * @param shards primary shards, set when the index is created (one is right up to tens of millions of articles)
 * @param replicas copies of each shard, set when the index is created (0 for a single node)
 * @param connectTimeout how long to wait for a connection: an unreachable node fails a call after this
 * @param requestTimeout how long to wait for an answer; a bulk request of thousands of articles must fit in it
 */
public record OpenSearchConfig(URI url, String index, int shards, int replicas, Duration connectTimeout,
        Duration requestTimeout) {
    public static final String DEFAULT_INDEX = "worldwire-articles";

    public OpenSearchConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("the OpenSearch url must be http://host:port or https://host:port, was " + url);
        }
        // OpenSearch's own rules for index names, checked here so a bad one fails at start and not at the first write
        if (!index.matches("[a-z0-9][a-z0-9._-]{0,200}")) {
            throw new IllegalArgumentException("an OpenSearch index name is lower-case letters, digits, '.', '_' and '-', was '" + index + "'");
        }
        if (shards < 1 || replicas < 0) throw new IllegalArgumentException("shards must be >= 1 and replicas >= 0");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** The default index on one node: 1 shard, no replica, 2 s to connect, 30 s to answer. */
    public static OpenSearchConfig of(String url) {
        return new OpenSearchConfig(URI.create(url), DEFAULT_INDEX, 1, 0, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    public OpenSearchConfig withIndex(String i) {
        return new OpenSearchConfig(url, i, shards, replicas, connectTimeout, requestTimeout);
    }

    public OpenSearchConfig withShards(int s, int r) {
        return new OpenSearchConfig(url, index, s, r, connectTimeout, requestTimeout);
    }

    public OpenSearchConfig withTimeouts(Duration connect, Duration request) {
        return new OpenSearchConfig(url, index, shards, replicas, connect, request);
    }
}
