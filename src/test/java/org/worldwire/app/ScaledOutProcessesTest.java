package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.events.kafka.KafkaBroker;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlSource;
import org.worldwire.search.opensearch.OpenSearchNode;
import org.worldwire.sim.Publication;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimArticle;
import org.worldwire.store.postgres.PostgresServer;
import org.worldwire.store.postgres.PostgresStore;

/**
 * Issue 12, end to end in separate processes: a poller (and a standby), two workers and a web node, each its own JVM
 * ({@link ScaledChild}), on one PostgreSQL, one Kafka broker and one OpenSearch node, watching simulated publishers on
 * loopback. Each phase publishes while something fails — a worker killed with SIGKILL mid-ingest, the polling poller
 * killed while a standby waits, Kafka stopped and started again, PostgreSQL restarted — and then checks that every
 * published article is stored exactly once, searchable through the web node, and streamed to a client of it, and
 * that the web node kept answering meanwhile.
 *
 * <p>The engines and the processes start once for the class; the phases run in order on the same installation.
 */
@Tag("postgres")
@Tag("kafka")
@Tag("opensearch")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaledOutProcessesTest {
    @RegisterExtension
    static final KafkaBroker broker = new KafkaBroker();
    @RegisterExtension
    static final OpenSearchNode node = new OpenSearchNode();

    /** Short enough that a standby takes over within seconds, as PollerTakeoverTest does; the default is 15 s. */
    static final Duration LEASE = Duration.ofSeconds(4);
    static final Duration WITHIN = Duration.ofSeconds(60);
    static final int PUBLISHERS = 4;
    static final String INDEX = "worldwire-articles";
    static final Pattern READY = Pattern.compile("READY port=(\\d+)");

    @TempDir
    static Path dir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Child> children = new ArrayList<>();
    final List<String> streamed = new CopyOnWriteArrayList<>();
    /** What the web node answered to /health and / while the phases ran: each failure with its phase. */
    final List<String> webFailures = new CopyOnWriteArrayList<>();
    volatile String phase = "start";
    /** When worker-a was killed; articles it stored but had not announced then are never announced (see checkConsistent). */
    volatile boolean monitoring = true;
    PostgresServer pg;
    String db;
    PublisherWorld world;
    Child web;
    Child workerA;
    Child workerB;
    Child pollerA;
    Child pollerB;
    int published;

    /** A child JVM, its log and the port it answers on. */
    record Child(String name, Process process, Path log, int port) {
        String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    @BeforeAll
    void start() throws Exception {
        pg = PostgresServer.shared();
        db = pg.createMigratedDatabase();
        deleteIndex(); // the OpenSearch node is shared with other classes, which use the same default index name
        // a long feed: an outage of a few seconds leaves every new item still on it
        world = PublisherWorld.start(ScaledOutTest.world(PUBLISHERS).withFeedSize(60).withSyndicatedShare(0.3));
        try (PostgresStore store = PostgresStore.open(pg.url(db), InstantSource.system())) {
            for (OpmlSource s : Opml.read(world.opml().getBytes(StandardCharsets.UTF_8))) {
                store.sources().add(s.toSource(DisplayPolicy.FULL_TEXT));
            }
        }
        // Web first, so that its stream client sees every article from the backlog on.
        web = spawn("web", "web");
        Thread.ofVirtual().name("stream-client").start(this::stream);
        Thread.ofVirtual().name("web-monitor").start(this::monitorWeb);
        workerA = spawn("worker-a", "worker");
        workerB = spawn("worker-b", "worker");
        pollerA = spawn("poller-a", "poller");
        await("poller-a holds the lease", () -> polling(pollerA));
        pollerB = spawn("poller-b", "poller");
    }

    @AfterAll
    void stop() throws Exception {
        monitoring = false;
        for (Child c : children) {
            c.process.destroy();
        }
        for (Child c : children) {
            if (!c.process.waitFor(20, TimeUnit.SECONDS)) c.process.destroyForcibly();
        }
        if (world != null) world.close();
        if (pg != null && db != null) pg.dropDatabase(db);
        deleteIndex();
    }

    @Test
    @Order(1)
    void everyArticleIsStoredOnceSearchableAndStreamedThroughTheWebNode() throws Exception {
        phase = "steady";
        await("the backlog is stored", () -> storedUrls().containsAll(truth()));
        publish(12, Duration.ofMillis(250));
        assertConsistent();
        assertThat(get(web, "/health")).contains("\"status\":\"ok\"");
        assertThat(get(workerA, "/health")).contains("\"role\":\"worker\"");
        assertThat(polling(pollerB)).as("the standby polls nothing").isFalse();
    }

    @Test
    @Order(2)
    void aWorkerKilledMidIngestLosesAndDuplicatesNothing() throws Exception {
        phase = "worker killed";
        Thread publishing = Thread.ofVirtual().start(() -> publishQuietly(40, Duration.ofMillis(200)));
        long before = storedUrls().size();
        await("ingest under way", () -> storedUrls().size() >= before + 5);
        workerA.process.destroyForcibly(); // SIGKILL: no shutdown hook, its partitions move to worker-b
        assertThat(workerA.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        publishing.join();
        assertConsistent();
    }

    @Test
    @Order(3)
    void thePollerKilledWhileAStandbyWaitsLosesAndDuplicatesNothing() throws Exception {
        phase = "poller killed";
        assertThat(polling(pollerA)).isTrue();
        Thread publishing = Thread.ofVirtual().start(() -> publishQuietly(30, Duration.ofMillis(250)));
        Thread.sleep(1_500);
        pollerA.process.destroyForcibly();
        long killed = System.nanoTime();
        assertThat(pollerA.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        await("the standby takes the lease once it runs out", () -> polling(pollerB));
        // renewed every third of the lease, so it outlives its holder by at least two thirds of it
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("the dead poller's lease lasted")
                .isGreaterThanOrEqualTo(LEASE.multipliedBy(2).dividedBy(3));
        publishing.join();
        assertConsistent();
    }

    @Test
    @Order(4)
    void kafkaStoppedAndStartedAgainLosesAndDuplicatesNothing() throws Exception {
        phase = "kafka down";
        Thread publishing = Thread.ofVirtual().start(() -> publishQuietly(30, Duration.ofMillis(250)));
        Thread.sleep(1_000);
        broker.kill();
        Thread.sleep(5_000); // pages and health read PostgreSQL and OpenSearch meanwhile
        broker.restart();
        phase = "kafka back";
        publishing.join();
        assertConsistent();
    }

    @Test
    @Order(5)
    void postgresRestartedLosesAndDuplicatesNothing() throws Exception {
        phase = "postgres restart";
        Thread publishing = Thread.ofVirtual().start(() -> publishQuietly(30, Duration.ofMillis(250)));
        Thread.sleep(1_000);
        pg.restart();
        phase = "postgres back";
        publishing.join();
        assertConsistent();
        await("the web node answers again", () -> {
            try {
                return get(web, "/health").contains("\"status\":\"ok\"");
            } catch (Exception | AssertionError e) {
                return false;
            }
        });
    }

    // ---------------------------------------------------------------- checks

    /**
     * Everything published so far: stored once (by URL) in PostgreSQL, indexed once in OpenSearch and found through
     * the web node's search API, streamed to the web node's client; nothing left pending; the web node answered
     * health and home page throughout (but while PostgreSQL itself restarted).
     */
    void assertConsistent() throws Exception {
        try {
            checkConsistent();
        } catch (AssertionError e) {
            StringBuilder logs = new StringBuilder(e.getMessage());
            for (Child c : children) {
                List<String> lines = Files.readAllLines(c.log);
                logs.append("\n--- ").append(c.name).append(" (last lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
            throw new AssertionError(logs.toString(), e);
        }
    }

    void checkConsistent() throws Exception {
        Set<String> truth = truth();
        await(phase + ": every published article stored", () -> storedUrls().containsAll(truth));
        await(phase + ": nothing left pending", () -> scalar("SELECT COUNT(*) FROM pending_entries") == 0);
        assertThat(storedUrls()).as(phase + ": stored articles are exactly the published ones").isEqualTo(truth);
        assertThat(scalar("SELECT COUNT(*) FROM articles")).as(phase + ": stored once each").isEqualTo(truth.size());
        await(phase + ": every stored article indexed once", () -> indexCount() == truth.size());
        // A worker killed between its store transaction and its announcement leaves an article stored; the entry
        // redelivered to the other worker finishes it (index, story, announcement) instead of skipping a duplicate.
        Set<String> expected = truth;
        await(phase + ": every stored article streamed by the web node", () -> streamedUrls().containsAll(expected));
        // One process places every worker's articles: none is left out, and a syndicated copy lands in its
        // original's story whichever worker stored each.
        await(phase + ": every article placed in a story",
                () -> scalar("SELECT COUNT(*) FROM articles WHERE story_id IS NULL") == 0);
        Map<String, Long> storyOf = byUrl("story_id");
        int copies = 0;
        for (Publication copy : world.truth().values()) {
            if (copy.copyOf() == null || !storyOf.containsKey(copy.copyOf())) continue;
            copies++;
            assertThat(storyOf.get(copy.url())).as(phase + ": the copy %s is in its original's story", copy.url())
                    .isEqualTo(storyOf.get(copy.copyOf()));
        }
        // Through the web node's search API: the latest article of each publisher, by the longest word of its title.
        Map<String, Long> ids = byUrl("id");
        for (int p = 0; p < PUBLISHERS; p++) {
            int publisher = p;
            Publication latest = world.truth().values().stream().filter(a -> a.publisher() == publisher)
                    .max(Comparator.comparing(Publication::publishedAt)).orElseThrow();
            String word = Arrays.stream(latest.title().split("[\\s\\p{Punct}]+"))
                    .max(Comparator.comparingInt(String::length)).orElseThrow();
            long id = ids.get(latest.url());
            await(phase + ": found through the web node's search: " + latest.title(), () -> {
                try {
                    return get(web, "/api/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8) + "&limit=50")
                            .contains("\"id\":" + id);
                } catch (Exception | AssertionError e) {
                    return false;
                }
            });
        }
        List<String> failures = webFailures.stream().filter(f -> !f.startsWith("postgres restart")).toList();
        assertThat(failures).as("the web node answered health and pages").isEmpty();
        for (Child c : List.of(web, workerB, pollerB)) {
            assertThat(c.process.isAlive()).as(c.name + " still runs").isTrue();
        }
        System.out.printf("scaled-out processes: %s: %d published, %d stored once, %d stream lines, %d copies in their"
                + " original's story, %d stories%n", phase, truth.size(), storedUrls().size(), streamed.size(), copies,
                storyOf.values().stream().distinct().count());
    }

    Set<String> truth() {
        return world.truth().values().stream().map(Publication::url).collect(Collectors.toSet());
    }

    Set<String> streamedUrls() {
        Set<String> truth = truth();
        Set<String> seen = new HashSet<>();
        for (String line : streamed) {
            for (String url : truth) if (line.contains(url)) seen.add(url);
        }
        return seen;
    }

    Set<String> storedUrls() {
        Set<String> urls = new HashSet<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db)); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT url FROM articles")) {
            while (rs.next()) urls.add(rs.getString(1));
        } catch (SQLException e) {
            return Set.of(); // PostgreSQL restarting: nothing to read now, the caller waits
        }
        return urls;
    }

    /** Each stored article's URL with a number of its row: its {@code column}. */
    Map<String, Long> byUrl(String column) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db)); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT url, " + column + " FROM articles")) {
            while (rs.next()) values.put(rs.getString(1), rs.getLong(2));
        }
        return values;
    }

    long scalar(String sql) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db)); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    long indexCount() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/" + INDEX + "/_count")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    void deleteIndex() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(node.url() + "/" + INDEX)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    // ---------------------------------------------------------------- publishing, clients

    /** Publishes {@code n} articles round-robin over the publishers, one every {@code every}. */
    void publish(int n, Duration every) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            SimArticle a = world.publishNow(published++ % PUBLISHERS);
            assertThat(a.url()).isNotNull();
            Thread.sleep(every);
        }
    }

    void publishQuietly(int n, Duration every) {
        try {
            publish(n, every);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stream() {
        try {
            http.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/v1/stream")).header("Accept", "text/event-stream")
                    .build(), HttpResponse.BodyHandlers.ofLines()).body().forEach(streamed::add);
        } catch (Exception e) {
            // the web node stopping ends the stream
        }
    }

    void monitorWeb() {
        while (monitoring) {
            for (String path : List.of("/health", "/")) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) webFailures.add(phase + ": " + path + " answered " + r.statusCode());
                } catch (IOException e) {
                    if (monitoring) webFailures.add(phase + ": " + path + " " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    boolean polling(Child c) {
        try {
            return get(c, "/health").contains("\"polling\":true");
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    String get(Child c, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(c.base() + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(c.name + " " + path).isEqualTo(200);
        return r.body();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WITHIN + ": " + what);
            Thread.sleep(200);
        }
    }

    // ---------------------------------------------------------------- child processes

    Child spawn(String name, String role) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URI search = URI.create(node.url());
        Path data = Files.createDirectories(dir.resolve(name));
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(java, "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, ScaledChild.class.getName(), data.toString(), role,
                pg.url(db), broker.bootstrapServers(), "opensearch://" + search.getHost() + ":" + search.getPort(),
                "processes.", Long.toString(LEASE.toMillis()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                Child c = new Child(name, p, log, Integer.parseInt(m.group(1)));
                children.add(c);
                return c;
            }
            if (!p.isAlive()) throw new AssertionError(name + " died at start:\n" + Files.readString(log));
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError(name + " not ready in 90 s:\n" + Files.readString(log));
    }
}
