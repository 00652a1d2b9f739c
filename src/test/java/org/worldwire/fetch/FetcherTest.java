package org.worldwire.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FetcherTest {
    static HostilePublisher publisher;
    static final FetchConfig LOOPBACK = FetchConfig.defaults().allowingLoopback()
            .withTotalTimeout(Duration.ofSeconds(2)).withMaxBytes(1 << 20);

    /** Resolves every name to loopback, except names under .example, which stand for an intranet. */
    static final HostResolver STUB = host -> {
        if (host.endsWith(".example")) return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})};
        if (host.equals("127.0.0.1") || host.equals("localhost")) return new InetAddress[] {InetAddress.getLoopbackAddress()};
        throw new UnknownHostException(host);
    };

    @BeforeAll
    static void start() throws Exception {
        publisher = new HostilePublisher();
    }

    @AfterAll
    static void stop() {
        publisher.close();
    }

    static FetchResult fetch(FetchConfig config, String path) {
        try (Fetcher f = new Fetcher(config, STUB)) {
            return f.fetch(FetchRequest.page(publisher.url(path)));
        }
    }

    static FetchFailure failure(FetchResult r) {
        assertThat(r).isInstanceOf(FetchResult.Failed.class);
        return ((FetchResult.Failed) r).reason();
    }

    @Test
    void fetchesAPage() {
        var r = fetch(LOOPBACK, "/ok");
        assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(new String(f.body())).contains("fine");
            assertThat(f.contentType()).startsWith("text/html");
        });
    }

    @Test
    void loopbackIsRefusedUnlessTheOperatorAllowsIt() {
        assertThat(failure(fetch(FetchConfig.defaults(), "/ok"))).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
    }

    @Test
    void conditionalGetGivesNotModified() {
        try (Fetcher f = new Fetcher(LOOPBACK, STUB)) {
            var r = f.fetch(FetchRequest.feed(publisher.url("/etag"), "\"v1\"", null));
            assertThat(r).isInstanceOf(FetchResult.NotModified.class);
        }
    }

    @Test
    void gzipBodiesAreDecompressed() {
        var r = fetch(LOOPBACK, "/gzip");
        assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> assertThat(new String(f.body())).isEqualTo("<p>compressed</p>"));
    }

    @Test
    void aGzipBombStopsAtTheCap() {
        assertThat(failure(fetch(LOOPBACK, "/gzip-bomb"))).isEqualTo(FetchFailure.TOO_LARGE);
    }

    @Test
    void aHugeBodyWithoutLengthStopsAtTheCap() {
        assertThat(failure(fetch(LOOPBACK, "/huge"))).isEqualTo(FetchFailure.TOO_LARGE);
    }

    @Test
    void aSlowBodyStopsAtTheTotalTime() {
        long start = System.nanoTime();
        assertThat(failure(fetch(LOOPBACK.withTotalTimeout(Duration.ofMillis(700)), "/slow"))).isEqualTo(FetchFailure.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void redirectLoopsAndLongChainsAreStopped() {
        assertThat(failure(fetch(LOOPBACK, "/loop-a"))).isEqualTo(FetchFailure.REDIRECT_LOOP);
        assertThat(failure(fetch(LOOPBACK, "/chain?n=9"))).isEqualTo(FetchFailure.TOO_MANY_REDIRECTS);
        assertThat(fetch(LOOPBACK, "/chain?n=3")).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void redirectsIntoInternalAddressesAreRefusedAfterResolution() {
        // The metadata address is a literal; the intranet name resolves (by the stub) to 10.0.0.7.
        assertThat(failure(fetch(LOOPBACK, "/to-metadata"))).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertThat(failure(fetch(LOOPBACK, "/to-private-name"))).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
        assertThat(failure(fetch(LOOPBACK, "/to-file"))).isEqualTo(FetchFailure.BAD_URL);
    }

    @Test
    void rateLimitsCarryRetryAfter() {
        var r = fetch(LOOPBACK, "/rate-limited");
        assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(FetchFailure.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        });
        assertThat(failure(fetch(LOOPBACK, "/error"))).isEqualTo(FetchFailure.HTTP_ERROR);
    }

    @Test
    void onlyHttpUrlsAreFetched() {
        try (Fetcher f = new Fetcher(LOOPBACK, STUB)) {
            for (String url : new String[] {"javascript:alert(1)", "file:///etc/passwd", "ftp://x/y", "http://user:pw@127.0.0.1/"}) {
                assertThat(failure(f.fetch(FetchRequest.page(url)))).as(url).isEqualTo(FetchFailure.BAD_URL);
            }
        }
    }

    @Test
    void unresolvableNamesFailAsDns() {
        try (Fetcher f = new Fetcher(LOOPBACK, STUB)) {
            assertThat(failure(f.fetch(FetchRequest.page("http://nowhere.invalid/")))).isEqualTo(FetchFailure.DNS);
        }
    }
}
