package org.worldwire.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.worldwire.model.Article;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.PollRecord;
import org.worldwire.store.Store;
import org.worldwire.store.StoreException;

/**
 * What only a shared database has to get right: two stores with their own pools stand for two processes (workers
 * on two machines) working on one database at once; the server itself restarts under a store.
 */
@Tag("postgres")
class PostgresSharedDatabaseTest {
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static PostgresServer server;
    String database;
    final List<Store> opened = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @BeforeEach
    void createDatabase() {
        database = server.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        opened.forEach(Store::close);
        server.dropDatabase(database);
    }

    Store process() {
        Store s = PostgresStore.open(server.jdbcUrl(database), 4, InstantSource.fixed(NOW));
        opened.add(s);
        return s;
    }

    static Article article(long sourceId, String url, String guid) {
        return new Article(0, sourceId, url, guid, "Title " + guid, null, null, NOW, List.of("p"), null, null, "en",
                List.of("GB"), List.of("GB"));
    }

    static NewEntry entry(String url) {
        return new NewEntry(url, url, new FeedEntry(url, url, "t", null, null, NOW, null, null, List.of(), List.of()));
    }

    @Test
    void twoWorkersCompletingTheSameEntriesStoreEachArticleOnce() throws Exception {
        Store a = process(), b = process();
        long src = a.sources().add(Source.of("https://example.org/feed")).id();
        List<NewEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) entries.add(entry("https://example.org/" + i));
        List<PendingEntry> pending = a.queue().enqueue(src, entries, NOW, new PollRecord(NOW, 200, 40, null, null, null));

        // Both workers got every entry (a redelivered message, say) and race through them from opposite ends.
        Set<Long> storedIds = ConcurrentHashMap.newKeySet();
        List<Callable<Integer>> workers = new ArrayList<>();
        for (Store via : List.of(a, b)) {
            boolean reversed = via == b;
            workers.add(() -> {
                int stored = 0;
                for (int i = 0; i < pending.size(); i++) {
                    PendingEntry p = pending.get(reversed ? pending.size() - 1 - i : i);
                    Optional<Article> done = via.queue().complete(p.id(), article(src, p.url(), p.guid()));
                    if (done.isPresent()) {
                        stored++;
                        storedIds.add(done.get().id());
                    }
                }
                return stored;
            });
        }
        int total = 0;
        for (Future<Integer> f : runTogether(workers)) total += f.get();

        assertThat(total).as("completions that stored an article").isEqualTo(40);
        assertThat(storedIds).hasSize(40);
        assertThat(a.articles().count()).isEqualTo(40);
        assertThat(b.queue().pendingCount()).isZero();
    }

    @Test
    void twoPollersEnqueueingTheSameEntriesRecordEachOnce() throws Exception {
        Store a = process(), b = process();
        long src = a.sources().add(Source.of("https://example.org/feed")).id();
        List<NewEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) entries.add(entry("https://example.org/" + i));
        List<Callable<Integer>> pollers = new ArrayList<>();
        for (Store via : List.of(a, b)) {
            pollers.add(() -> via.queue().enqueue(src, entries, NOW, new PollRecord(NOW, 200, 30, null, null, null)).size());
        }
        int total = 0;
        for (Future<Integer> f : runTogether(pollers)) total += f.get();
        assertThat(total).isEqualTo(30);
        assertThat(a.queue().pendingCount()).isEqualTo(30);
    }

    @Test
    void aReaderFollowingByIdMissesNoArticleWhileTwoProcessesStore() throws Exception {
        Store a = process(), b = process(), reader = process();
        long src = a.sources().add(Source.of("https://example.org/feed")).id();
        AtomicBoolean writing = new AtomicBoolean(true);
        // The live stream resumes after the last id it sent: an id committed after a greater one would be skipped.
        Set<Long> seen = new TreeSet<>();
        Callable<Integer> follower = () -> {
            long last = 0;
            boolean more = true;
            while (more) {
                more = writing.get();
                for (List<Article> page; !(page = reader.articles().after(last, 50)).isEmpty(); ) {
                    for (Article x : page) seen.add(x.id());
                    last = page.getLast().id();
                }
            }
            return seen.size();
        };
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Store via = w % 2 == 0 ? a : b;
            int lane = w;
            writers.add(() -> {
                for (int i = 0; i < 50; i++) via.articles().addIfNew(article(src, "https://example.org/" + lane + "/" + i, lane + "-" + i));
                return 50;
            });
        }
        try (ExecutorService followerThread = Executors.newSingleThreadExecutor()) {
            Future<Integer> followed = followerThread.submit(follower);
            for (Future<Integer> f : runTogether(writers)) f.get();
            writing.set(false);
            assertThat(followed.get()).isEqualTo(200);
        }
        assertThat(seen).hasSize(200);
        assertThat(a.articles().count()).isEqualTo(200);
    }

    @Test
    void theLeaseMovesToASecondPollerOnceTheFirstStopsRenewing() throws Exception {
        Store first = process(), second = process();
        Duration ttl = Duration.ofMillis(400);
        assertThat(first.leases().tryAcquire("poller", "host-a:1", ttl)).isTrue();
        assertThat(second.leases().tryAcquire("poller", "host-b:2", ttl)).isFalse();
        assertThat(first.leases().tryAcquire("poller", "host-a:1", ttl)).as("renewed").isTrue();
        assertThat(second.leases().holder("poller")).contains("host-a:1");

        Thread.sleep(ttl.toMillis() + 150); // the first poller died: nobody renews
        assertThat(second.leases().holder("poller")).isEmpty();
        assertThat(second.leases().tryAcquire("poller", "host-b:2", Duration.ofMinutes(1))).isTrue();
        assertThat(first.leases().tryAcquire("poller", "host-a:1", ttl)).as("back from the dead, too late").isFalse();
        assertThat(first.leases().holder("poller")).contains("host-b:2");
    }

    @Test
    void twoPollersAskingAtOnceNeverBothGetTheLease() throws Exception {
        Store a = process(), b = process();
        for (int round = 0; round < 10; round++) {
            String role = "poller-" + round;
            List<Callable<Integer>> askers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Store via = w % 2 == 0 ? a : b;
                String holder = "holder-" + w;
                askers.add(() -> via.leases().tryAcquire(role, holder, Duration.ofMinutes(1)) ? 1 : 0);
            }
            int winners = 0;
            for (Future<Integer> f : runTogether(askers)) winners += f.get();
            assertThat(winners).as("round " + round).isEqualTo(1);
        }
    }

    @Test
    void migrationsBuildTheSchemaOnAnEmptyDatabaseAndThenChangeNothing() throws Exception {
        String url = server.jdbcUrl(database);
        Flyway flyway = Flyway.configure().dataSource(url, null, null).locations("classpath:db/postgres").load();
        int versions = flyway.info().pending().length;
        assertThat(versions).isGreaterThanOrEqualTo(6);

        // Two processes starting at once on the empty database: Flyway's lock lets one migrate, the other waits.
        List<Callable<Integer>> starts = List.of(() -> process().articles().count() == 0 ? 1 : 0,
                () -> process().articles().count() == 0 ? 1 : 0);
        for (Future<Integer> f : runTogether(starts)) assertThat(f.get()).isEqualTo(1);

        assertThat(flyway.info().applied()).hasSize(versions);
        assertThat(flyway.migrate().migrationsExecuted).as("a second run").isZero();
        process();
        assertThat(flyway.info().applied()).hasSize(versions);
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                        AND table_name <> 'flyway_schema_history' ORDER BY table_name""")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) tables.add(rs.getString(1));
            assertThat(tables).containsExactly("article_countries", "article_primary_countries", "articles", "leases",
                    "pending_entries", "settings", "sources", "stories", "story_countries");
        }
    }

    @Test
    void aRestartedServerLosesNothingAndTheStoreCarriesOn() throws Exception {
        Store s = process();
        long src = s.sources().add(Source.of("https://example.org/feed")).id();
        List<PendingEntry> pending = s.queue().enqueue(src, List.of(entry("https://example.org/a"), entry("https://example.org/b")),
                NOW, new PollRecord(NOW, 200, 2, null, null, null));
        s.queue().complete(pending.get(0).id(), article(src, "https://example.org/a", "https://example.org/a"));

        server.restart();

        // The pool's connections died with the server: the next calls get new ones.
        assertThat(s.queue().pending(0, 10)).extracting(PendingEntry::url).containsExactly("https://example.org/b");
        assertThat(s.queue().complete(pending.get(1).id(), article(src, "https://example.org/b", "https://example.org/b"))).isPresent();
        assertThat(s.articles().count()).isEqualTo(2);
        assertThat(s.queue().pendingCount()).isZero();
    }

    @Test
    void anUnreachableServerOrAMissingDatabaseIsAClearError() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> PostgresStore.open("postgres://worldwire:secret@127.0.0.1:" + closedPort + "/news", InstantSource.system()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach the PostgreSQL server")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PostgresStore.open(server.jdbcUrl("no_such_db"), InstantSource.system()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> PostgresStore.open("mysql://127.0.0.1/news", InstantSource.system()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPostgresUrlWithCredentialsOpensTheDatabase() {
        Store s = PostgresStore.open("postgres://postgres:unused@127.0.0.1:" + server.port() + "/" + database, 2, InstantSource.fixed(NOW));
        opened.add(s);
        assertThat(s.sources().add(Source.of("https://example.org/feed")).id()).isPositive();
    }

    /** Starts every task at the same moment, each on its own thread. */
    static <T> List<Future<T>> runTogether(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> out = new ArrayList<>();
        for (Callable<T> t : tasks) {
            out.add(pool.submit(() -> {
                go.await();
                return t.call();
            }));
        }
        go.countDown();
        pool.shutdown();
        return out;
    }
}
