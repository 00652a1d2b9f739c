package org.worldwire.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPOutputStream;
import org.worldwire.events.LocalEventBus;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * The serving load check (bench/web.sh): the web app over a real SQLite store and Lucene index with a few
 * thousand articles, while a writer keeps ingesting (store, index, announce, as the pipeline does). An
 * open-loop generator on keep-alive loopback connections sends requests at a fixed rate and measures each
 * from when it was due, so a stall counts against every request it delays. Prints requests/s, p50/p99/max,
 * and the page weight of the home and article pages. With {@code --serve} it only serves and prints the
 * port and the paths of the pages to load, for an outside generator (bench/web.sh runs hey).
 *
 * <p>Arguments: {@code [--rate N] [--seconds N] [--articles N] [--ingest-per-second N] [--serve]}.
 */
public final class WebLoad {
    private WebLoad() {}

    public static void main(String[] args) throws Exception {
        org.worldwire.cli.Main.moreCarriers(); // virtual threads carried as a server's are
        int rate = intArg(args, "--rate", 2000);
        int seconds = intArg(args, "--seconds", 15);
        int seed = intArg(args, "--articles", 5000);
        int ingestRate = intArg(args, "--ingest-per-second", 20);
        boolean serveOnly = Arrays.asList(args).contains("--serve");

        Path dir = Files.createTempDirectory("worldwire-webload");
        SqliteStore store = SqliteStore.open(dir.resolve("worldwire.db"), InstantSource.system());
        LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("index"));
        LocalEventBus events = new LocalEventBus();
        WebApp web = new WebApp(WebConfig.defaults(), store.sources(), store.articles(), store.stories(), index, events,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        int port = web.start("127.0.0.1", 0);

        List<Source> sources = new ArrayList<>();
        String[] countries = {"FR", "DE", "JP", "BR", "KE", "IN", "US", "GB", "AE", "AU", "MX", "NG", "EG", "CN", "RU", "ZA"};
        for (int i = 0; i < 40; i++) {
            sources.add(store.sources().add(new Source(0, "http://127.0.0.1:9/s" + i + "/feed.xml", "Source " + i,
                    "http://127.0.0.1:9/s" + i + "/", countries[i % countries.length], "en",
                    i % 3 == 0 ? DisplayPolicy.FULL_TEXT : DisplayPolicy.EXCERPT)));
        }
        AtomicLong n = new AtomicLong();
        long t0 = System.nanoTime();
        for (int i = 0; i < seed; i++) publish(store, index, events, sources, countries, n.incrementAndGet(), false);
        index.refresh();
        System.out.printf(Locale.ROOT, "seeded %d articles in %d ms%n", seed, (System.nanoTime() - t0) / 1_000_000);

        List<Article> recent = store.articles().list(ArticleQuery.latest(1000));
        String[] articlePaths = recent.stream().map(Site::articlePath).toArray(String[]::new);

        AtomicBoolean ingesting = new AtomicBoolean(true);
        AtomicLong ingested = new AtomicLong();
        Thread writer = Thread.ofPlatform().name("ingest").daemon().start(() -> {
            long interval = 1_000_000_000L / Math.max(1, ingestRate);
            long next = System.nanoTime();
            while (ingesting.get()) {
                publish(store, index, events, sources, countries, n.incrementAndGet(), true);
                ingested.incrementAndGet();
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        });

        System.out.printf(Locale.ROOT, "serving on http://127.0.0.1:%d  ingesting %d articles/s%n", port, ingestRate);
        if (serveOnly) {
            // the pages bench/web.sh offers load to, one per line: name and path
            System.out.println("home /");
            System.out.println("article " + articlePaths[0]);
            System.out.println("country " + Site.countryPath(countries[0]));
            System.out.println("api /api/v1/articles?limit=20");
            System.out.println("search /search?q=storm");
            System.out.flush();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        } else {
            weights(port, articlePaths[0], web);
            run(port, "warm-up (home+article)", rate / 2, 5, i -> i % 2 == 0 ? "/" : articlePaths[i % articlePaths.length]);
            long before = ingested.get();
            run(port, "home", rate, seconds, i -> "/");
            run(port, "article", rate, seconds, i -> articlePaths[ThreadLocalRandom.current().nextInt(articlePaths.length)]);
            System.out.printf(Locale.ROOT, "ingested meanwhile: %d articles%n", ingested.get() - before);
        }
        ingesting.set(false);
        writer.join(2000);
        web.stop();
        index.close();
        store.close();
    }

    private static void publish(SqliteStore store, LuceneSearchIndex index, LocalEventBus events, List<Source> sources,
            String[] countries, long i, boolean announce) {
        Source s = sources.get((int) (i % sources.size()));
        Instant now = Instant.now();
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            paragraphs.add("Paragraph " + p + " of report " + i + ": officials said the situation was developing and "
                    + "more details would follow later in the day, according to people familiar with the matter.");
        }
        String c = countries[(int) ((i * 7) % countries.length)];
        String[] words = {"leaders", "storm", "markets", "election", "talks", "court", "strike", "festival", "rates",
            "border", "vaccine", "budget", "drought", "summit", "protest", "merger", "launch", "quake", "trial", "harvest"};
        String title = "Report " + i + ": " + words[(int) (i % 20)] + " and " + words[(int) ((i / 20) % 20)] + " as "
                + words[(int) ((i / 400) % 20)] + " " + c + " news continues";
        Article a = new Article(0, s.id(), "http://127.0.0.1:9/news/" + i, "g" + i,
                title, "Staff " + (i % 13),
                now.minusSeconds(60), now, paragraphs, null, null, "en", List.of(c), List.of(c));
        store.articles().addIfNew(a).ifPresent(stored -> {
            // every tenth report joins the story of the one before, so the home page has stories of several sources
            long story = i % 10 == 0 && i > 1 ? store.stories().storiesOf(List.of(stored.id() - 1)).stream().findFirst()
                    .orElse(stored.id()) : stored.id();
            store.stories().place(stored.id(), story, 0, List.of(), story);
            index.index(stored);
            if (announce) events.articleStored(stored);
        });
    }

    private static void weights(int port, String articlePath, WebApp web) throws IOException {
        for (String[] page : new String[][] {{"home", "/"}, {"article", articlePath}}) {
            byte[] html = fetch(port, page[1]);
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
                g.write(html);
            }
            System.out.printf(Locale.ROOT, "page weight %-7s html %6d B + css/js %5d B = %6d B   (html gzipped %5d B)%n",
                    page[0], html.length, web.assetBytes(), html.length + web.assetBytes(), gz.size());
        }
    }

    /**
     * Sends {@code rate} requests a second for {@code seconds} over 64 keep-alive connections, each request
     * due at a fixed time; latency is measured from that due time.
     */
    private static void run(int port, String label, int rate, int seconds, java.util.function.IntFunction<String> path)
            throws Exception {
        int connections = 64;
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        long[][] lat = new long[connections][];
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            int conn = c;
            lat[c] = new long[(int) (total / connections + 1)];
            threads[c] = Thread.ofPlatform().daemon().start(() -> {
                int k = 0;
                Socket socket = null;
                try {
                    for (long i = conn; i < total; i += connections) {
                        long due = start + i * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) LockSupport.parkNanos(wait);
                        try {
                            if (socket == null) socket = open(port);
                            get(socket, path.apply((int) i));
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            if (socket != null) socket.close();
                            socket = null;
                        }
                        lat[conn][k++] = System.nanoTime() - due;
                    }
                } catch (IOException ignored) {
                    // closing failed: nothing to measure
                } finally {
                    lat[conn] = Arrays.copyOf(lat[conn], k);
                    try {
                        if (socket != null) socket.close();
                    } catch (IOException ignored) {
                        // done anyway
                    }
                }
            });
        }
        for (Thread t : threads) t.join();
        long elapsed = System.nanoTime() - start;
        long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT,
                "%-24s target %5d req/s  achieved %7.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d%n",
                label, rate, all.length / (elapsed / 1e9), pct(all, 0.50), pct(all, 0.99), all[all.length - 1] / 1e6,
                errors.get());
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        return s;
    }

    private static byte[] fetch(int port, String path) throws IOException {
        try (Socket s = open(port)) {
            return get(s, path);
        }
    }

    /** One HTTP/1.1 GET on a kept-alive socket; reads the whole body (length-delimited or chunked). */
    private static byte[] get(Socket s, String path) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: worldwire-webload\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = buffered(s);
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 200")) throw new IOException("unexpected status: " + status);
        long length = -1;
        boolean chunked = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Long.parseLong(h.substring(15).strip());
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size; (size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else {
            throw new IOException("response without length");
        }
        return body.toByteArray();
    }

    private static final ThreadLocal<Object[]> BUFFERS = new ThreadLocal<>();

    /** One buffered stream per socket, kept across requests so read-ahead bytes are not lost. */
    private static InputStream buffered(Socket s) throws IOException {
        Object[] b = BUFFERS.get();
        if (b == null || b[0] != s) {
            b = new Object[] {s, new BufferedInputStream(s.getInputStream(), 64 * 1024)};
            BUFFERS.set(b);
        }
        return (InputStream) b[1];
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') break;
            if (c != '\r') b.append((char) c);
        }
        return b.toString();
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        }
        return dflt;
    }
}
