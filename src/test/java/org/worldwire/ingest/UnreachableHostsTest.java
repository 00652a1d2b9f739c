package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.worldwire.events.LocalEventBus;
import org.worldwire.fetch.FetchConfig;
import org.worldwire.fetch.Fetcher;
import org.worldwire.fetch.HostResolver;
import org.worldwire.fetch.RobotsPolicy;
import org.worldwire.model.Source;
import org.worldwire.schedule.AdaptivePolicy;
import org.worldwire.schedule.HostBackoff;
import org.worldwire.schedule.PollScheduler;
import org.worldwire.schedule.ScheduleConfig;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * Issue 16: many sources on a few hosts that never answer. Without internet the bundled feeds all fail name
 * resolution, and every attempt of every source used to be a WARN line. Now each host is one warning when it goes
 * down and one line when it comes back; the rest shows on the sources' health.
 *
 * <p>Two hosts are loopback addresses nobody listens on (the connection is refused); two are names a stubbed resolver
 * does not know, so no query leaves the machine.
 */
class UnreachableHostsTest {
    private static final int PER_HOST = 10;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger ingestLog = (Logger) LoggerFactory.getLogger("org.worldwire.ingest");
    private final List<AutoCloseable> open = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private SqliteStore store;
    private Poller poller;

    @BeforeEach
    void captureLogs() {
        logged.start();
        ingestLog.addAppender(logged);
    }

    @AfterEach
    void stop() throws Exception {
        ingestLog.detachAppender(logged);
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    @Test
    void aHostThatNeverAnswersIsOneWarningAndShowsOnTheHealthOfEachOfItsSources(@TempDir Path dir) throws Exception {
        int refusingPort = freePort();
        List<String> hosts = List.of("127.0.0.2:" + refusingPort, "127.0.0.3:" + refusingPort,
                "feeds.gone.invalid", "news.gone.invalid");
        start(dir);
        for (String host : hosts) {
            for (int i = 0; i < PER_HOST; i++) store.sources().add(Source.of("http://" + host + "/feed/" + i + ".xml"));
        }
        poller.start();

        Thread.sleep(4_000);

        List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        double attempts = metrics.find("worldwire.polls").counters().stream().mapToDouble(c -> c.count()).sum();
        assertThat(warnings).as(warnings.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n")))
                .hasSize(hosts.size())
                .allMatch(e -> e.getFormattedMessage().startsWith("host unreachable host="));
        assertThat(warnings.stream().map(ILoggingEvent::getFormattedMessage))
                .anyMatch(m -> m.contains("host=127.0.0.2:" + refusingPort) && m.contains("reason=connection"))
                .anyMatch(m -> m.contains("host=feeds.gone.invalid") && m.contains("reason=dns"));
        // Each host was retried several times meanwhile (back-off from 100 ms), yet only the change was a warning …
        assertThat(attempts).isGreaterThan(3.0 * hosts.size());
        // … and far fewer attempts than sources times retries: the host backs off for all its sources at once.
        assertThat(attempts).isLessThan(PER_HOST * hosts.size());
        assertThat(metrics.find("worldwire.polls").tag("outcome", "fetched").counter()).isNull();

        // Every source of a dead host shows the outage, polled or not.
        Map<Boolean, List<SourceHealth>> byOutage = store.sources().health().stream()
                .collect(Collectors.partitioningBy(h -> h.hostOutage() != null));
        assertThat(byOutage.get(false)).isEmpty();
        assertThat(byOutage.get(true)).hasSize(PER_HOST * hosts.size()).allSatisfy(h -> {
            assertThat(h.status()).isEqualTo("unreachable");
            assertThat(h.healthy()).isFalse();
            assertThat(h.hostOutage().reason()).matches("(connection|dns): .+");
            assertThat(h.hostOutage().nextAttempt()).isAfterOrEqualTo(h.hostOutage().since());
        });
    }

    @Test
    void aHostThatComesBackIsOneInfoLineAndItsSourcesAreHealthyAgain(@TempDir Path dir) throws Exception {
        int port = freePort();
        String host = "127.0.0.2:" + port;
        start(dir);
        for (int i = 0; i < PER_HOST; i++) store.sources().add(Source.of("http://" + host + "/feed/" + i + ".xml"));
        poller.start();
        await(() -> store.sources().health().stream().allMatch(h -> h.hostOutage() != null));

        HttpServer publisher = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port), 0);
        publisher.createContext("/", exchange -> {
            byte[] body = """
                    <rss version="2.0"><channel><title>Back</title><link>http://example.org/</link></channel></rss>"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        publisher.start();
        open.add(() -> publisher.stop(0));

        await(() -> store.sources().health().stream().allMatch(h -> h.hostOutage() == null && h.lastSuccess() != null));
        List<String> lines = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).filteredOn(m -> m.startsWith("host unreachable host=" + host)).hasSize(1);
        assertThat(lines).filteredOn(m -> m.startsWith("host reachable again host=" + host)).hasSize(1);
        assertThat(store.sources().health()).allMatch(h -> h.status().equals("ok"));
    }

    /** The ingest parts over a temp store and index, with a resolver that knows no name and a fast host back-off. */
    private void start(Path dir) {
        HostResolver nothingResolves = name -> {
            throw new UnknownHostException(name + " (stubbed resolver: no network in this test)");
        };
        var clock = InstantSource.system();
        store = SqliteStore.open(dir.resolve("worldwire.db"), clock);
        open.add(store);
        LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("index"));
        open.add(index);
        FetchConfig fetchConfig = FetchConfig.defaults().allowingLoopback();
        Fetcher fetcher = new Fetcher(fetchConfig, nothingResolves);
        open.add(fetcher);
        IngestConfig ingest = IngestConfig.defaults();
        LocalWorkQueue work = new LocalWorkQueue(ingest.queueCapacity());
        open.add(work);
        ArticlePipeline pipeline = new ArticlePipeline(ingest, work, fetcher, new RobotsPolicy(fetcher, clock), store.sources(),
                store.queue(), index, new LocalEventBus(), Enrichment.deferred(),
                new StoryPlacement(new org.worldwire.cluster.StoryClusterer(), store.stories(), store.articles(),
                        java.time.Duration.ofDays(3), 1_000, metrics), metrics, clock);
        open.add(pipeline);
        RefreshSource refresh = new RefreshSource(fetcher, store.sources(), store.queue(), work, metrics, clock);
        ScheduleConfig schedule = new ScheduleConfig(60_000, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ZERO);
        PollScheduler scheduler = new PollScheduler(schedule, new AdaptivePolicy(schedule),
                new HostBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)), 16);
        poller = new Poller(ingest, scheduler, refresh, store.sources(), clock);
        open.add(poller);
        pipeline.start();
    }

    /** A loopback port nobody listens on: connecting to it is refused at once. */
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 20 s");
            Thread.sleep(50);
        }
    }
}
