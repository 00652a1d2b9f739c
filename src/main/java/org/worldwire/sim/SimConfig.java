package org.worldwire.sim;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link PublisherWorld} looks and behaves. Start from {@link #defaults()} and change what matters with the
 * {@code with…} methods.
 *
 * @param publishers number of publishers, at least 1
 * @param seed fixes names, formats, faults, rates and every generated text
 * @param meanRatePerMinute mean articles per minute per publisher
 * @param rateSkew sigma of the log-normal spread of per-publisher rates around the mean (0: all equal; 1.5: a few
 *     busy sources and a long quiet tail, like the real web); the mean is kept
 * @param faultyShare share of publishers, 0 to 1, that get a {@link FaultKind} other than NONE
 * @param initialArticles articles each publisher has already published at start (backdated), so a demo shows
 *     content at once
 * @param feedSize items a feed keeps
 * @param bindAddress address to listen on; loopback unless you mean to serve other machines
 * @param port 0 picks a free port
 * @param autoPublish true: publishers publish on their own Poisson clocks; false: only {@link
 *     PublisherWorld#publishNow(int)} publishes
 * @param hubUrl when set, feeds advertise this WebSub hub with {@code <link rel="hub">}
 * @param slowDelay how long a {@link FaultKind#TIMEOUT} source hangs before answering
 * @param maxCachedArticles bound on article pages kept in memory across the world; older pages answer 410 Gone
 *     (their truth is kept)
 * @param syndicatedShare share of new articles that are a copy of a recent story of another publisher of the same
 *     language (wire copy), for de-duplication and clustering
 */
public record SimConfig(
        int publishers,
        long seed,
        double meanRatePerMinute,
        double rateSkew,
        double faultyShare,
        int initialArticles,
        int feedSize,
        String bindAddress,
        int port,
        boolean autoPublish,
        @Nullable URI hubUrl,
        Duration slowDelay,
        int maxCachedArticles,
        double syndicatedShare) {

    public SimConfig {
        if (publishers < 1) throw new IllegalArgumentException("publishers must be at least 1, got " + publishers);
        if (!(meanRatePerMinute >= 0) || Double.isInfinite(meanRatePerMinute))
            throw new IllegalArgumentException("meanRatePerMinute must be a finite number >= 0, got " + meanRatePerMinute);
        if (!(rateSkew >= 0) || rateSkew > 5) throw new IllegalArgumentException("rateSkew must be in [0, 5], got " + rateSkew);
        if (!(faultyShare >= 0 && faultyShare <= 1))
            throw new IllegalArgumentException("faultyShare must be in [0, 1], got " + faultyShare);
        if (!(syndicatedShare >= 0 && syndicatedShare <= 1))
            throw new IllegalArgumentException("syndicatedShare must be in [0, 1], got " + syndicatedShare);
        if (initialArticles < 0) throw new IllegalArgumentException("initialArticles must be >= 0, got " + initialArticles);
        if (feedSize < 1) throw new IllegalArgumentException("feedSize must be at least 1, got " + feedSize);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        if (maxCachedArticles < 1) throw new IllegalArgumentException("maxCachedArticles must be at least 1");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(slowDelay, "slowDelay");
        if (slowDelay.isNegative()) throw new IllegalArgumentException("slowDelay must not be negative");
    }

    /** 20 publishers on an ephemeral loopback port, 1 article per minute each, 10 % faulty, 10 articles of backlog. */
    public static SimConfig defaults() {
        return new SimConfig(20, 42L, 1.0, 1.0, 0.1, 10, 20, "127.0.0.1", 0, true, null,
                Duration.ofSeconds(15), 50_000, 0.1);
    }

    public SimConfig withPublishers(int n) {
        return new SimConfig(n, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize, bindAddress,
                port, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(publishers, s, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize,
                bindAddress, port, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withMeanRatePerMinute(double r) {
        return new SimConfig(publishers, seed, r, rateSkew, faultyShare, initialArticles, feedSize, bindAddress,
                port, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withRateSkew(double sigma) {
        return new SimConfig(publishers, seed, meanRatePerMinute, sigma, faultyShare, initialArticles, feedSize,
                bindAddress, port, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withFaultyShare(double share) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, share, initialArticles, feedSize,
                bindAddress, port, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withInitialArticles(int n) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, n, feedSize, bindAddress,
                port, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withFeedSize(int n) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, n,
                bindAddress, port, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withBindAddress(String address) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize,
                address, port, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withPort(int p) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize,
                bindAddress, p, autoPublish, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withAutoPublish(boolean auto) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize,
                bindAddress, port, auto, hubUrl, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withHubUrl(@Nullable URI hub) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize,
                bindAddress, port, autoPublish, hub, slowDelay, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withSlowDelay(Duration d) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize,
                bindAddress, port, autoPublish, hubUrl, d, maxCachedArticles, syndicatedShare);
    }

    public SimConfig withMaxCachedArticles(int n) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize,
                bindAddress, port, autoPublish, hubUrl, slowDelay, n, syndicatedShare);
    }

    public SimConfig withSyndicatedShare(double share) {
        return new SimConfig(publishers, seed, meanRatePerMinute, rateSkew, faultyShare, initialArticles, feedSize,
                bindAddress, port, autoPublish, hubUrl, slowDelay, maxCachedArticles, share);
    }
}
