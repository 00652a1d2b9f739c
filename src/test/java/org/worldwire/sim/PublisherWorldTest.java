package org.worldwire.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PublisherWorldTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A healthy, quiet world shared by the tests that only read or publish on demand. */
    private static PublisherWorld world;

    @BeforeAll
    static void startWorld() {
        world = PublisherWorld.start(SimConfig.defaults().withPublishers(24).withFaultyShare(0).withAutoPublish(false)
                .withInitialArticles(5).withFeedSize(10).withSyndicatedShare(0));
    }

    @AfterAll
    static void stopWorld() {
        world.close();
    }

    static HttpResponse<byte[]> get(URI url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5));
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String utf8(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static org.w3c.dom.Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder db = f.newDocumentBuilder();
        db.setErrorHandler(null);
        return db.parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void servesEveryFeedFormatWellFormedWithItsBacklog() throws Exception {
        Set<FeedFormat> seen = EnumSet.noneOf(FeedFormat.class);
        for (Publisher p : world.publishers()) {
            HttpResponse<byte[]> r = get(p.feedUrl());
            assertThat(r.statusCode()).as(p.feedUrl().toString()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith(p.format().mediaType()));
            seen.add(p.format());
            if (p.format() == FeedFormat.JSON_FEED) {
                JsonNode feed = JSON.readTree(r.body());
                assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
                assertThat(feed.get("items").size()).isBetween(5, 10);
                assertThat(feed.get("items").get(0).get("date_published").asText()).isNotBlank();
                continue;
            }
            org.w3c.dom.Document doc = parseXml(r.body());
            String root = doc.getDocumentElement().getLocalName();
            int items = switch (p.format()) {
                case RSS2 -> {
                    assertThat(root).isEqualTo("rss");
                    yield doc.getElementsByTagName("item").getLength();
                }
                case ATOM -> {
                    assertThat(root).isEqualTo("feed");
                    yield doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength();
                }
                case RSS1_RDF -> {
                    assertThat(root).isEqualTo("RDF");
                    yield doc.getElementsByTagNameNS("http://purl.org/rss/1.0/", "item").getLength();
                }
                case JSON_FEED -> throw new AssertionError();
            };
            // Other tests of this class publish into the shared world, so count what this publisher has.
            long published = world.truth().values().stream().filter(x -> x.publisher() == p.index()).count();
            assertThat(items).as(p.feedUrl().toString()).isEqualTo((int) Math.min(10, published));
        }
        assertThat(seen).as("a world of 24 publishers mixes formats").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void answers304ToConditionalGetsUntilSomethingIsPublished() throws Exception {
        Publisher p = world.publisher(3);
        HttpResponse<byte[]> first = get(p.feedUrl());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).isPresent();

        assertThat(get(p.feedUrl(), "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(p.feedUrl(), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get(p.feedUrl(), "If-None-Match", "\"something-else\"", "If-Modified-Since", lastModified)
                .statusCode()).as("If-None-Match wins over If-Modified-Since").isEqualTo(200);

        SimArticle a = world.publishNow(3);
        HttpResponse<byte[]> after = get(p.feedUrl(), "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(utf8(after)).contains(Text.escapeXml(a.title()).isEmpty() ? "" : jsonOrXml(p, a.title()));
    }

    private static String jsonOrXml(Publisher p, String text) {
        return p.format() == FeedFormat.JSON_FEED ? Text.escapeJson(text) : Text.escapeXml(text);
    }

    @Test
    void sendsGzipOnlyWhenTheClientAcceptsIt() throws Exception {
        Publisher p = world.publisher(1);
        HttpResponse<byte[]> plain = get(p.feedUrl());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> zipped = get(p.feedUrl(), "Accept-Encoding", "gzip, deflate");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(zipped.body().length).isLessThan(plain.body().length);

        assertThat(get(p.feedUrl(), "Accept-Encoding", "gzip;q=0, identity").headers().firstValue("Content-Encoding"))
                .isEmpty();
    }

    @Test
    void anArticlePageIsTheSameWholePageCompressedOrNotAndAgain() throws Exception {
        SimArticle a = world.publishNow(2);
        HttpResponse<byte[]> zipped = get(a.url(), "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] page = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        String html = new String(page, java.nio.charset.StandardCharsets.UTF_8);
        // Kept compressed once rendered, its body text dropped from memory: later readers still get every paragraph.
        assertThat(html).contains(Text.escapeXml(a.paragraphs().getLast()));
        HttpResponse<byte[]> plain = get(a.url());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(page);
        assertThat(get(a.url(), "Accept-Encoding", "gzip").body()).isEqualTo(zipped.body());
    }

    @Test
    void publishNowShowsInTheFeedAndRecordsTheTrueTime() throws Exception {
        Publisher p = world.publisher(5);
        Instant before = Instant.now();
        SimArticle a = world.publishNow(5);
        Instant after = Instant.now();

        assertThat(a.publishedAt()).isBetween(before, after);
        assertThat(world.truth()).containsKey(a.url().toString());
        assertThat(world.truth().get(a.url().toString()).publishedAt()).isEqualTo(a.publishedAt());
        assertThat(world.trueTime(a.feedLink().toString())).hasValue(a.publishedAt());
        assertThat(a.title()).isNotBlank();
        assertThat(a.paragraphs()).hasSizeGreaterThanOrEqualTo(4);

        String feed = utf8(get(p.feedUrl()));
        assertThat(feed).contains(jsonOrXml(p, a.feedLink().toString()));
        int at = feed.indexOf(jsonOrXml(p, a.feedLink().toString()));
        int otherFirst = feed.indexOf("/articles/");
        assertThat(at).as("newest first").isLessThanOrEqualTo(otherFirst + 200);

        HttpResponse<byte[]> page = get(a.feedLink());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(utf8(page)).contains(Text.escapeXml(a.paragraphs().getLast()));
    }

    @Test
    void articlePagesCarryTheClutterAndMetadataOfRealNewsSites() throws Exception {
        Set<String> bodies = new java.util.HashSet<>();
        for (int i = 0; i < 9; i++) {
            SimArticle a = world.publishNow(i);
            String html = utf8(get(a.url()));
            Document doc = Jsoup.parse(html, a.url().toString());
            assertThat(doc.select("h1, h2.post-title").text()).contains(a.title());
            assertThat(html).contains("- Advertisement -", "This website uses cookies", "opt-out", "Read More");
            assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(a.url().toString());
            assertThat(doc.select("nav, .menu-main").size()).isPositive();
            assertThat(doc.select("#comments").size()).isEqualTo(1);
            assertThat(doc.select("footer").size()).isEqualTo(1);
            assertThat(doc.select("html").attr("lang")).isEqualTo(a.language());
            if (a.language().equals("ar")) assertThat(doc.select("html").attr("dir")).isEqualTo("rtl");

            String ld = doc.select("script[type=application/ld+json]").first().data();
            JsonNode meta = JSON.readTree(ld);
            assertThat(meta.get("@type").asText()).isEqualTo("NewsArticle");
            assertThat(meta.get("headline").asText()).isEqualTo(a.title());
            assertThat(Instant.parse(meta.get("datePublished").asText())).isEqualTo(a.publishedAt());
            assertThat(meta.get("author").get(0).get("name").asText()).isEqualTo(a.author());
            assertThat(meta.get("image").get(0).asText()).startsWith("http://");
            assertThat(doc.select("[class~=ad-slot|adsbygoogle]").size() + doc.select(".ad-slot, ins.adsbygoogle").size())
                    .isPositive();
            assertThat(a.title()).contains(a.placeName());
            bodies.add(doc.select("body").attr("class") + doc.select("article, .td-post-content, .post-body").first().tagName());
        }
        assertThat(bodies).as("several site templates").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void homePagesAdvertiseTheirFeed() throws Exception {
        Publisher p = world.publisher(2);
        Document home = Jsoup.parse(utf8(get(p.homeUrl())), p.homeUrl().toString());
        assertThat(home.select("link[rel=alternate]").first().absUrl("href")).isEqualTo(p.feedUrl().toString());
        assertThat(home.select("ul.latest li")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void opmlListsEveryFeedWithItsCountryAndLanguage() throws Exception {
        org.w3c.dom.Document opml = parseXml(world.opml().getBytes(StandardCharsets.UTF_8));
        NodeList outlines = opml.getElementsByTagName("outline");
        assertThat(outlines.getLength()).isEqualTo(world.publishers().size());
        for (int i = 0; i < outlines.getLength(); i++) {
            Element o = (Element) outlines.item(i);
            Publisher p = world.publisher(i);
            assertThat(o.getAttribute("xmlUrl")).isEqualTo(p.feedUrl().toString());
            assertThat(o.getAttribute("htmlUrl")).isEqualTo(p.homeUrl().toString());
            assertThat(o.getAttribute("type")).isEqualTo("rss");
            assertThat(o.getAttribute("text")).isEqualTo(p.name());
            assertThat(o.getAttributeNS(PublisherWorld.OPML_NAMESPACE, "country")).isEqualTo(p.country());
            assertThat(o.getAttributeNS(PublisherWorld.OPML_NAMESPACE, "language")).isEqualTo(p.language());
        }
        assertThat(utf8(get(world.baseUrl().resolve("world.opml")))).isEqualTo(world.opml());
    }

    @Test
    void worldsFromOneSeedAreTheSame() {
        SimConfig config = SimConfig.defaults().withPublishers(10).withAutoPublish(false).withInitialArticles(2);
        try (PublisherWorld a = PublisherWorld.start(config.withSeed(7));
                PublisherWorld b = PublisherWorld.start(config.withSeed(7));
                PublisherWorld c = PublisherWorld.start(config.withSeed(8))) {
            assertThat(names(a)).isEqualTo(names(b)).isNotEqualTo(names(c));
            assertThat(titles(a)).isEqualTo(titles(b)).isNotEqualTo(titles(c));
            assertThat(a.publishNow(3).title()).isEqualTo(b.publishNow(3).title());
        }
    }

    private static List<String> names(PublisherWorld w) {
        return w.publishers().stream().map(p -> p.name() + p.format() + p.fault() + p.ratePerMinute()).toList();
    }

    private static List<String> titles(PublisherWorld w) {
        return w.truth().values().stream().map(p -> p.url().replaceFirst("^http://[^/]+", "") + p.title()).sorted().toList();
    }

    @Test
    void mentionsRealPlacesInSeveralLanguages() {
        Set<String> languages = new java.util.HashSet<>();
        Set<String> countries = new java.util.HashSet<>();
        for (Publication p : world.truth().values()) {
            languages.add(p.language());
            countries.add(p.placeCountry());
        }
        assertThat(languages).hasSizeGreaterThanOrEqualTo(5);
        assertThat(countries).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void servesManyClientsAtOnce() throws Exception {
        List<URI> urls = new ArrayList<>();
        for (Publisher p : world.publishers()) urls.add(p.feedUrl());
        for (Publication p : world.truth().values()) urls.add(URI.create(p.url()));
        int clients = 12, perClient = 30;
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        URI u = urls.get((seed * 31 + i * 7) % urls.size());
                        HttpResponse<byte[]> r = get(u, "Accept-Encoding", "gzip");
                        if (r.statusCode() == 200 && r.body().length > 100) ok.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("simulator: %d requests from %d clients in %.2f s = %.0f req/s%n", clients * perClient,
                clients, seconds, clients * perClient / seconds);
        assertThat(ok.get()).isEqualTo(clients * perClient);
    }

    @Test
    void unknownPathsAnswer404AndOtherMethods405() throws Exception {
        assertThat(get(world.baseUrl().resolve("p/999/feed.xml")).statusCode()).isEqualTo(404);
        assertThat(get(world.baseUrl().resolve("p/0/articles/999999-nothing.html")).statusCode()).isEqualTo(404);
        assertThat(get(world.baseUrl().resolve("nowhere")).statusCode()).isEqualTo(404);
        assertThat(get(world.baseUrl().resolve("robots.txt")).statusCode()).isEqualTo(200);
        HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(world.publisher(0).feedUrl())
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        HttpResponse<byte[]> head = CLIENT.send(HttpRequest.newBuilder(world.publisher(0).feedUrl())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void publishesFarFasterThanThePipelineBenchNeeds() {
        try (PublisherWorld w = PublisherWorld.start(SimConfig.defaults().withPublishers(100).withFaultyShare(0.1)
                .withAutoPublish(false).withInitialArticles(0).withMaxCachedArticles(2_000))) {
            for (int i = 0; i < 1_000; i++) w.publishNow(); // warm-up
            int n = 3_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                SimArticle a = w.publishNow();
                assertThat(w.publisher(a.publisher()).faulty()).isFalse();
            }
            double perSecond = n / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("simulator: publishNow() %.0f articles/s on one thread%n", perSecond);
            assertThat(w.publishedCount()).isEqualTo(4_000);
            // The pipeline bench wants 500 new articles/s end to end; publication must not be what limits it.
            assertThat(perSecond).isGreaterThan(500);
        }
    }

    // ------------------------------------------------------------ worlds of their own

    @Test
    void faultySourcesFaultAsConfigured() throws Exception {
        SimConfig config = SimConfig.defaults().withPublishers(FaultKind.FAULTS.length).withFaultyShare(1)
                .withAutoPublish(false).withInitialArticles(3).withSlowDelay(Duration.ofSeconds(3));
        try (PublisherWorld faulty = PublisherWorld.start(config)) {
            Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
            for (Publisher p : faulty.publishers()) {
                kinds.add(p.fault());
                switch (p.fault()) {
                    case HTTP_500 -> assertThat(get(p.feedUrl()).statusCode()).isEqualTo(500);
                    case RATE_LIMITED -> {
                        HttpResponse<byte[]> r = get(p.feedUrl());
                        assertThat(r.statusCode()).isEqualTo(429);
                        assertThat(r.headers().firstValue("Retry-After")).hasValue("120");
                    }
                    case TIMEOUT -> {
                        long t0 = System.nanoTime();
                        assertThatThrownBy(() -> CLIENT.send(HttpRequest.newBuilder(p.feedUrl())
                                .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofByteArray()))
                                .isInstanceOf(HttpTimeoutException.class);
                        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
                    }
                    case MALFORMED -> {
                        HttpResponse<byte[]> r = get(p.feedUrl());
                        assertThat(r.statusCode()).isEqualTo(200);
                        if (p.format() == FeedFormat.JSON_FEED) {
                            assertThatThrownBy(() -> JSON.readTree(r.body())).isInstanceOf(IOException.class);
                        } else {
                            assertThatThrownBy(() -> parseXml(r.body())).isInstanceOf(org.xml.sax.SAXException.class);
                        }
                    }
                    case WRONG_CHARSET -> {
                        HttpResponse<byte[]> r = get(p.feedUrl());
                        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).endsWith("charset=utf-8");
                        assertThat(isValidUtf8(r.body())).as("feed bytes of " + p.language()).isFalse();
                        SimArticle a = faulty.publishNow(p.index());
                        assertThat(isValidUtf8(get(a.url()).body())).isFalse();
                    }
                    case ARTICLE_404 -> {
                        assertThat(get(p.feedUrl()).statusCode()).isEqualTo(200);
                        assertThat(get(faulty.publishNow(p.index()).url()).statusCode()).isEqualTo(404);
                    }
                    case NONE -> throw new AssertionError("every publisher should be faulty");
                }
            }
            assertThat(kinds).containsExactlyInAnyOrder(FaultKind.FAULTS);
        }
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void faultyShareIsDealtExactly() {
        try (PublisherWorld w = PublisherWorld.start(SimConfig.defaults().withPublishers(40).withFaultyShare(0.25)
                .withAutoPublish(false).withInitialArticles(0))) {
            assertThat(w.publishers().stream().filter(Publisher::faulty).count()).isEqualTo(10);
        }
    }

    @Test
    void publishesOnItsOwnClockAtRoughlyTheConfiguredRateAndPausesAtZero() throws Exception {
        // 40 publishers × 150 per minute = 100 articles per second.
        SimConfig config = SimConfig.defaults().withPublishers(40).withMeanRatePerMinute(150).withRateSkew(1.0)
                .withInitialArticles(0).withFaultyShare(0).withAutoPublish(false);
        try (PublisherWorld w = PublisherWorld.start(config)) {
            List<SimArticle> seen = new CopyOnWriteArrayList<>();
            w.addListener(seen::add);
            assertThat(w.totalRatePerSecond()).as("autoPublish=false starts paused").isZero();
            Thread.sleep(200);
            assertThat(w.publishedCount()).isZero();

            w.setTotalRatePerSecond(100);
            assertThat(w.totalRatePerSecond()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-6));
            Instant start = Instant.now();
            Thread.sleep(1_500);
            w.setRateMultiplier(0);
            Instant end = Instant.now();
            long n = w.publishedCount();
            // Poisson: 150 expected, sd ≈ 12; the lower bound is loose because builders share this machine.
            assertThat(n).isBetween(50L, 150L + 6 * 13);
            assertThat(seen).hasSize((int) n);
            assertThat(seen).allSatisfy(a -> assertThat(a.publishedAt()).isBetween(start, end));
            Thread.sleep(100);
            long paused = w.publishedCount();
            Thread.sleep(300);
            assertThat(w.publishedCount()).as("multiplier 0 pauses publication").isEqualTo(paused);
        }
    }

    @Test
    void boundsCachedPagesButKeepsEveryTruth() throws Exception {
        try (PublisherWorld w = PublisherWorld.start(SimConfig.defaults().withPublishers(2).withFaultyShare(0)
                .withAutoPublish(false).withInitialArticles(0).withFeedSize(50).withMaxCachedArticles(10))) {
            List<SimArticle> all = new ArrayList<>();
            for (int i = 0; i < 30; i++) all.add(w.publishNow(i % 2));
            assertThat(w.truth()).hasSize(30);
            assertThat(get(all.getFirst().url()).statusCode()).isEqualTo(410);
            assertThat(get(all.getLast().url()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void feedsKeepOnlyTheNewestItems() throws Exception {
        try (PublisherWorld w = PublisherWorld.start(SimConfig.defaults().withPublishers(1).withFaultyShare(0)
                .withAutoPublish(false).withInitialArticles(8).withFeedSize(5))) {
            String feed = utf8(get(w.publisher(0).feedUrl()));
            int count = feed.split("/articles/", -1).length - 1;
            assertThat(count).isBetween(5, 5 * 3); // RDF lists each link thrice, the others once or twice
            for (Publication p : w.truth().values()) {
                String path = URI.create(p.url()).getPath();
                boolean newest = Long.parseLong(path.replaceAll(".*/articles/(\\d+)-.*", "$1")) > 3;
                assertThat(feed.contains(path)).as(path).isEqualTo(newest);
            }
        }
    }
}
