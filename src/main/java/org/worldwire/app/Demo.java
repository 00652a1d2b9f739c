package org.worldwire.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlSource;
import org.worldwire.schedule.ScheduleConfig;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimConfig;

/**
 * {@code serve --demo}: a world of simulated publishers on loopback, started in-process and watched, so a
 * machine without internet shows a live site within seconds.
 */
public final class Demo implements AutoCloseable {
    private final PublisherWorld world;

    private Demo(PublisherWorld world) {
        this.world = world;
    }

    /** A lively world: a few articles a minute per publisher, a backlog to show at once, some faulty sources. */
    public static Demo start(int publishers) {
        return new Demo(PublisherWorld.start(SimConfig.defaults()
                .withPublishers(publishers)
                .withMeanRatePerMinute(2.0)
                .withInitialArticles(8)));
    }

    /** The demo's configuration: loopback allowed, one politeness slot per feed, polls every few seconds. */
    public static Config configure(Config base) {
        return base.forSimulatedWorld()
                .withSeedSources(false)
                .withSchedule(new ScheduleConfig(3_000, Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ZERO));
    }

    /** Adds every simulated publisher as a source of the running system. */
    public int subscribe(Worldwire app) {
        int n = 0;
        for (OpmlSource s : Opml.read(world.opml().getBytes(StandardCharsets.UTF_8))) {
            app.addSource(s.toSource(DisplayPolicy.FULL_TEXT));
            n++;
        }
        return n;
    }

    public PublisherWorld world() {
        return world;
    }

    @Override
    public void close() {
        world.close();
    }
}
