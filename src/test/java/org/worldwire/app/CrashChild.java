package org.worldwire.app;

import java.nio.file.Path;
import java.time.Duration;
import org.worldwire.model.Source;
import org.worldwire.schedule.ScheduleConfig;

/**
 * The process {@link CrashRecoveryTest} kills: Worldwire on a data directory, watching the test's loopback
 * feeds, polling them every second or so. Prints {@code READY} once it serves.
 */
public final class CrashChild {
    private CrashChild() {}

    /** Arguments: data directory, base URL of the publisher, number of feeds. */
    public static void main(String[] args) throws InterruptedException {
        Worldwire w = Worldwire.start(config(Path.of(args[0])));
        int feeds = Integer.parseInt(args[2]);
        for (int i = 0; i < feeds; i++) {
            String url = args[1] + "/feed/" + i;
            if (w.sources().findByFeedUrl(url).isEmpty()) w.addSource(Source.of(url));
        }
        System.out.println("READY port=" + w.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static Config config(Path dataDir) {
        return Config.defaults().withDataDir(dataDir).withHost("127.0.0.1").withPort(0).withSeedSources(false)
                .forSimulatedWorld()
                .withSchedule(new ScheduleConfig(6_000, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ZERO));
    }
}
