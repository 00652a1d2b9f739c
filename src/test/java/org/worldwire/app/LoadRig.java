package org.worldwire.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.worldwire.model.Source;
import org.worldwire.schedule.ScheduleConfig;

/**
 * What {@code bench/load.sh} measures: Worldwire on a port, ingesting as fast as it can from loopback
 * publishers that never stop publishing (until the publisher simulator's {@code serve --demo} replaces this).
 *
 * <p>Arguments: data directory, port, feeds, milliseconds between two items of one feed.
 */
public final class LoadRig {
    private LoadRig() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int feeds = Integer.parseInt(args[2]);
        long period = Long.parseLong(args[3]);
        HttpServer pub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pub.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String base = "http://127.0.0.1:" + pub.getAddress().getPort();
        long start = System.currentTimeMillis();
        pub.createContext("/robots.txt", ex -> reply(ex, 404, "text/plain", "none"));
        pub.createContext("/feed/", ex -> {
            int f = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
            long n = (System.currentTimeMillis() - start) / period + 1;
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire ")
                    .append(f).append("</title><link>").append(base).append("/</link>");
            for (long k = n - 1; k >= Math.max(0, n - 100); k--) {
                rss.append("<item><guid>w").append(f).append('-').append(k).append("</guid><title>Council ")
                        .append(WORDS[(int) ((f * 7 + k) % WORDS.length)]).append(" report ").append(f).append(' ')
                        .append(k).append("</title><link>").append(base).append("/a/").append(f).append('/').append(k)
                        .append("</link><description>Update ").append(k).append(".</description></item>");
            }
            reply(ex, 200, "application/rss+xml", rss.append("</channel></rss>").toString());
        });
        pub.createContext("/a/", ex -> {
            String p = ex.getRequestURI().getPath();
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>").append(p)
                    .append("</title></head><body><article><h1>Report ").append(p).append("</h1>");
            for (int i = 0; i < 8; i++) {
                html.append("<p>The regional council in ").append(WORDS[i]).append(" published its figures on "
                        + "Thursday, and officials said the budget would be reviewed again before the end of the month.</p>");
            }
            reply(ex, 200, "text/html; charset=utf-8", html.append("</article></body></html>").toString());
        });
        pub.start();

        Config config = Config.defaults().withDataDir(data).withHost("127.0.0.1").withPort(port).withSeedSources(false)
                .forSimulatedWorld()
                .withSchedule(new ScheduleConfig(60_000, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ZERO));
        config = config.withWeb(config.web().withBaseUrl("http://127.0.0.1:" + port));
        Worldwire w = Worldwire.start(config);
        for (int i = 0; i < feeds; i++) {
            String url = base + "/feed/" + i;
            if (w.sources().findByFeedUrl(url).isEmpty()) w.addSource(Source.of(url));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            w.close();
            pub.stop(0);
        }));
        System.out.println("READY port=" + w.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static final String[] WORDS = {"Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Accra", "Hanoi", "Perth",
        "Lima", "Oslo", "Dakar", "Seoul", "Cairo", "Bogota", "Riga", "Doha"};

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }
}
