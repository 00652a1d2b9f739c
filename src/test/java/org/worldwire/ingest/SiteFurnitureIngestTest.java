package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.app.Config;
import org.worldwire.app.Worldwire;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.store.ArticleQuery;

/**
 * The real application ingesting a loopback site whose every page carries the same invitation inside the article
 * container, worded so that no furniture rule of a single page knows it: after a few pages, the site's later
 * articles are stored without it, and with all of their own text.
 */
class SiteFurnitureIngestTest {
    private static final int PAGES = 12;
    private static final String BOX = "Komm in unser Forum und rede mit über Raketen, Sterne und alles dazwischen.";
    private static final String[] TOPICS = {"harbour", "bridge", "library", "market", "stadium", "museum", "school",
        "station", "hospital", "theatre", "airport", "park"};

    @Test
    void paragraphsASiteRepeatsOnItsPagesAreLeftOutOfItsLaterArticles(@TempDir Path dataDir) throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        site.createContext("/robots.txt", ex -> send(ex, 404, "text/plain", "none"));
        site.createContext("/feed", ex -> send(ex, 200, "application/rss+xml", feed(base)));
        site.createContext("/a/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring(3));
            send(ex, 200, "text/html; charset=utf-8", page(n));
        });
        site.start();
        Config config = Config.defaults().withDataDir(dataDir).withHost("127.0.0.1").withPort(0).withSeedSources(false)
                .forSimulatedWorld();
        try (Worldwire app = Worldwire.start(config)) {
            Source source = app.addSource(Source.of(base + "/feed"));
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<Article> stored = List.of();
            while (System.nanoTime() < end) {
                stored = app.articles().list(ArticleQuery.latest(100).withSource(source.id()));
                if (stored.size() == PAGES) break;
                Thread.sleep(100);
            }
            assertThat(stored).hasSize(PAGES);
            // every article keeps its own text, whether the box was left out of it or not
            assertThat(stored).allSatisfy(a -> assertThat(String.join("\n", a.paragraphs()))
                    .contains("The new " + topicOf(a) + " opens", "the " + topicOf(a) + " stays open late"));
            long withoutBox = stored.stream().filter(a -> !a.paragraphs().contains(BOX)).count();
            // the first pages teach the site's box; how many depends on the order the pipeline took them in
            assertThat(withoutBox).isGreaterThanOrEqualTo(PAGES - 6);
            Counter dropped = app.metrics().find("worldwire.extract.site.furniture").counter();
            assertThat(dropped).isNotNull();
            assertThat(dropped.count()).isEqualTo((double) withoutBox);
        } finally {
            site.stop(0);
        }
    }

    private static String topicOf(Article a) {
        String t = a.title();
        return t.substring("The new ".length(), t.indexOf(' ', "The new ".length()));
    }

    private static String feed(String base) {
        StringBuilder items = new StringBuilder();
        for (int n = 0; n < PAGES; n++) {
            items.append("<item><guid>p").append(n).append("</guid><title>The new ").append(TOPICS[n])
                    .append(" opens</title><link>").append(base).append("/a/").append(n).append("</link></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Town news</title><link>" + base
                + "/</link>" + items + "</channel></rss>";
    }

    private static String page(int n) {
        String topic = TOPICS[n];
        return """
                <html><head><title>The new %1$s opens</title></head><body>
                <nav><a href="/">Home</a> <a href="/town">Town</a> <a href="/sport">Sport</a></nav>
                <article><h1>The new %1$s opens</h1>
                <p>The new %1$s opens on Monday, after two years of building work, and the mayor, who cut the ribbon on
                Saturday, called it the best thing the town has done in a generation.</p>
                <p>In the summer, the %1$s stays open late on Fridays, with a café, a small stage and, on the first
                weekend, free entry for every child from the town and the villages around it.</p>
                <p>%2$s</p>
                </article><footer>Town News, 1 Market Square</footer></body></html>""".formatted(topic, BOX);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
