package org.worldwire.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlSource;
import org.worldwire.schedule.ScheduleConfig;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimConfig;
import org.worldwire.sim.hub.SimHub;

/**
 * {@code serve --demo}: a world of simulated publishers on loopback, started in-process and watched, so a
 * machine without internet shows a live site within seconds.
 */
public final class Demo implements AutoCloseable {
    private final SimHub hub;
    private final PublisherWorld world;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Demo(SimHub hub, PublisherWorld world) {
        this.hub = hub;
        this.world = world;
        // Like a real publisher with a hub: every publication pings the hub, which fetches the feed and pushes it,
        // so subscribers see it at once instead of at their next poll.
        world.addListener(a -> Thread.ofVirtual().start(() -> ping(world.publisher(a.publisher()).feedUrl())));
    }

    /** A lively world: a few articles a minute per publisher, a backlog to show at once, some faulty sources. */
    public static Demo start(int publishers) {
        SimHub hub;
        try {
            hub = SimHub.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo's WebSub hub", e);
        }
        return new Demo(hub, PublisherWorld.start(SimConfig.defaults()
                .withPublishers(publishers)
                .withMeanRatePerMinute(2.0)
                .withInitialArticles(8)
                // the demo's pages live in the server's own heap; the server fetches each within seconds of its
                // publication, so 1,000 pages (12 minutes of the demo) is plenty, where 50,000 filled the heap
                .withMaxCachedArticles(1_000)
                .withHubUrl(hub.uri())));
    }

    private void ping(URI feed) {
        try {
            SimHub.ping(client, hub.uri(), feed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo's configuration: loopback allowed, one politeness slot per feed, polls every few seconds. */
    public static Config configure(Config base) {
        return base.forSimulatedWorld()
                .withSeedSources(false)
                .withSchedule(new ScheduleConfig(3_000, Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ZERO));
    }

    /** Adds every simulated publisher as a source of the running system. */
    public int subscribe(Worldwire app) {
        return subscribe(app, world);
    }

    /**
     * Adds every publisher of a simulated world as a source, full text shown (the simulator's own texts).
     *
     * @return how many were added
     */
    public static int subscribe(Worldwire app, PublisherWorld world) {
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
        hub.close();
        client.close();
    }
}
