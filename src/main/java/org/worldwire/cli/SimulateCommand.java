package org.worldwire.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.worldwire.sim.Publisher;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run a world of simulated news publishers on loopback until Ctrl-C.",
            "Prints the feed URLs (or, with --opml, the OPML) so a server can subscribe to them."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--publishers", defaultValue = "20", description = "Number of publishers (default: ${DEFAULT-VALUE}).")
    int publishers;

    @Option(names = "--rate", defaultValue = "1", description = "Mean articles per minute per publisher (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--skew", defaultValue = "1", description = "Log-normal spread of per-publisher rates, 0 = all equal (default: ${DEFAULT-VALUE}).")
    double skew;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--faulty", defaultValue = "0.1", description = "Share of faulty publishers, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double faulty;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for names, formats, faults and text (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backlog", defaultValue = "10", description = "Articles each feed already has at start (default: ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = "--feed-size", defaultValue = "20", description = "Items per feed (default: ${DEFAULT-VALUE}).")
    int feedSize;

    @Option(names = "--slow-seconds", defaultValue = "15", description = "How long timing-out sources hang (default: ${DEFAULT-VALUE}).")
    int slowSeconds;

    @Option(names = "--cached-pages", defaultValue = "50000", description = "Article pages kept in memory; older ones answer 410 Gone (default: ${DEFAULT-VALUE}).")
    int cachedPages;

    @Option(names = "--hub", description = "WebSub hub URL the feeds advertise.")
    @Nullable String hub;

    @Option(names = "--opml", description = "Print the world as OPML instead of one feed URL per line.")
    boolean opml;

    @Option(names = "--truth", description = "Write the truth log (JSON lines: url, publishedAt, …) to this file on exit.")
    @Nullable Path truth;

    @Option(names = "--duration", description = "Stop after this many seconds instead of at Ctrl-C.")
    @Nullable Integer durationSeconds;

    @Option(names = "--until-stdin-closes", description = {"Also stop when standard input ends: a parent process that",
            "holds it open ends it when it exits, however it exits."})
    boolean untilStdinCloses;

    @Override
    public Integer call() throws Exception {
        SimConfig config = SimConfig.defaults()
                .withPublishers(publishers).withMeanRatePerMinute(rate).withRateSkew(skew).withPort(port)
                .withBindAddress(bind).withFaultyShare(faulty).withSeed(seed).withInitialArticles(backlog)
                .withFeedSize(feedSize).withSlowDelay(Duration.ofSeconds(slowSeconds))
                .withHubUrl(hub == null ? null : java.net.URI.create(hub)).withMaxCachedArticles(cachedPages);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try (PublisherWorld world = PublisherWorld.start(config)) {
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            if (untilStdinCloses) {
                // A benchmark's server that died of an error (or a kill) left its world publishing for hours before.
                Thread.ofPlatform().daemon().name("stdin-watch").start(() -> {
                    try {
                        while (System.in.read() >= 0) {
                            // what the parent writes means nothing; only the end does
                        }
                    } catch (IOException e) {
                        // an unreadable standard input is as good as a closed one
                    }
                    stop.countDown();
                });
            }
            if (opml) {
                out.print(world.opml());
            } else {
                for (Publisher p : world.publishers()) out.println(p.feedUrl());
            }
            out.flush();
            err.printf("worldwire simulate: %d publishers at %s (OPML at %sworld.opml), %.2f articles/s; Ctrl-C to stop%n",
                    world.publishers().size(), world.baseUrl(), world.baseUrl(), world.totalRatePerSecond());
            err.flush();
            if (durationSeconds != null) {
                stop.await(durationSeconds, java.util.concurrent.TimeUnit.SECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            } else {
                stop.await();
            }
            world.setRateMultiplier(0);
            try {
                if (truth != null) writeTruth(world, truth);
                err.printf("worldwire simulate: %d articles published%s%n", world.publishedCount(),
                        truth == null ? "" : ", truth written to " + truth);
                err.flush();
            } finally {
                stopped.countDown();
            }
        }
        return 0;
    }

    private static void writeTruth(PublisherWorld world, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            world.writeTruth(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the truth log to " + file + ": " + e.getMessage(), e);
        }
    }
}
