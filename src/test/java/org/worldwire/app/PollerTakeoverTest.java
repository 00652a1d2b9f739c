package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.ingest.PollerLease;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.store.postgres.PostgresServer;
import org.worldwire.store.postgres.PostgresStore;

/**
 * Issue 12: two pollers on one PostgreSQL database, and only the one holding the lease polls; the other takes over
 * when the first stops (at once, it releases the lease) or dies (when the lease runs out).
 */
@Tag("postgres")
class PollerTakeoverTest {
    static final Duration LEASE = Duration.ofSeconds(3);

    PostgresServer pg;
    String db;

    @BeforeEach
    void database() {
        pg = PostgresServer.shared();
        db = pg.createMigratedDatabase();
    }

    @AfterEach
    void drop() {
        pg.dropDatabase(db);
    }

    Config config(Path dir) {
        // Role all on the shared database, with this process's own queue: the lease is what keeps the polls single.
        return ScaledOutTest.config(dir, Deployment.EMBEDDED.withStore(pg.url(db)).withPollerLease(LEASE));
    }

    static double polls(Worldwire app) {
        return app.metrics().find("worldwire.polls").counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void onlyTheLeaseHolderPollsAndTheStandbyTakesOverWhenItStops(@TempDir Path a, @TempDir Path b) throws Exception {
        try (PublisherWorld world = PublisherWorld.start(ScaledOutTest.world(3));
                Worldwire first = Worldwire.start(config(a))) {
            ScaledOutTest.await("the first poller holds the lease", first::polling);
            Demo.subscribe(first, world);
            try (Worldwire second = Worldwire.start(config(b))) {
                ScaledOutTest.await("the first polls", () -> polls(first) >= 3);
                Thread.sleep(LEASE.toMillis()); // a full lease: renewals keep it with the first
                assertThat(second.polling()).isFalse();
                assertThat(polls(second)).as("polls by the standby").isZero();

                first.close();
                long stopped = System.nanoTime();
                ScaledOutTest.await("the standby takes the released lease", second::polling);
                // released, so taken at the standby's next attempt (a third of the lease), not after the lease
                assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(LEASE.plusSeconds(1));
                ScaledOutTest.await("the standby polls", () -> polls(second) >= 3);
                var fresh = world.publishNow(2);
                ScaledOutTest.await("and stores what is published now", () ->
                        ScaledOutTest.storedUrls(second).contains(fresh.url().toString()));
            }
        }
    }

    @Test
    void aPollerThatDiedHoldsTheLeaseUntilItRunsOutThenTheStandbyPolls(@TempDir Path a) throws Exception {
        // A poller killed outright (kill -9) leaves its lease row behind, unrenewed and unreleased.
        try (PostgresStore dead = PostgresStore.open(pg.url(db), InstantSource.system())) {
            assertThat(dead.leases().tryAcquire(PollerLease.ROLE, "killed-poller", LEASE)).isTrue();
        }
        long killed = System.nanoTime();
        try (PublisherWorld world = PublisherWorld.start(ScaledOutTest.world(2));
                Worldwire standby = Worldwire.start(config(a))) {
            Demo.subscribe(standby, world);
            Thread.sleep(LEASE.toMillis() / 2);
            assertThat(standby.polling()).isFalse();
            assertThat(polls(standby)).as("polls while the dead poller's lease lasts").isZero();
            ScaledOutTest.await("the standby takes the expired lease", standby::polling);
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isGreaterThanOrEqualTo(LEASE);
            ScaledOutTest.await("the standby polls", () -> polls(standby) >= 2);
        }
    }
}
