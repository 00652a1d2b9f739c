package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.app.Config;
import org.worldwire.app.Worldwire;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.SourceHealth;

/**
 * The real application, ingesting from hostile publishers on loopback beside one good one: every attack is
 * contained, shows up on its source's health, and the good source's articles are stored, indexed and served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSourcesTest {
    private HostileWorld world;
    private Worldwire app;
    private final Map<String, Source> sources = new java.util.LinkedHashMap<>();

    @BeforeAll
    void ingestFromHostileWorld(@TempDir Path dataDir) throws Exception {
        world = new HostileWorld();
        Config config = Config.defaults().withDataDir(dataDir).withHost("127.0.0.1").withPort(0).withSeedSources(false)
                .forSimulatedWorld();
        // A deadline short enough for a quick test, long enough to read 10 MB on a busy machine.
        app = Worldwire.start(config.withFetch(config.fetch().withTotalTimeout(Duration.ofSeconds(10))));
        for (String name : List.of("good", "gzip-bomb", "slow", "loop-a", "to-metadata", "to-private", "huge", "xxe",
                "billion-laughs", "invalid-utf8", "scripted")) {
            sources.put(name, app.addSource(Source.of(world.url("/feed/" + name))));
        }
        sources.put("metadata-literal", app.addSource(Source.of("http://169.254.169.254/latest/meta-data/")));
        sources.put("private-literal", app.addSource(Source.of("http://10.1.2.3/feed.xml")));

        await(Duration.ofSeconds(60), () -> sources.values().stream().allMatch(s -> health(s).lastPoll() != null)
                && stored("good") >= 3 && stored("scripted") >= 4 && stored("invalid-utf8") >= 1);
        ((LuceneSearchIndex) app.search()).refresh();
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
        if (world != null) world.close();
    }

    @Test
    void eachHostileFeedIsReportedOnItsSourceHealthWithAStableKey() {
        assertThat(errorOf("gzip-bomb")).isEqualTo("too_large");
        assertThat(errorOf("huge")).isEqualTo("too_large");
        assertThat(errorOf("slow")).isEqualTo("timeout");
        assertThat(errorOf("loop-a")).isIn("redirect_loop", "too_many_redirects");
        assertThat(errorOf("to-metadata")).isEqualTo("blocked_address");
        assertThat(errorOf("to-private")).isEqualTo("blocked_address");
        assertThat(errorOf("metadata-literal")).isEqualTo("blocked_address");
        assertThat(errorOf("private-literal")).isEqualTo("blocked_address");
        assertThat(health(sources.get("good")).healthy()).isTrue();
    }

    @Test
    void entityTricksNeitherLeakFilesNorExpand() {
        List<Article> all = app.articles().list(ArticleQuery.latest(1000));
        assertThat(all).allSatisfy(a -> assertThat(text(a)).doesNotContain("root:x:0:0").doesNotContain("lollollol"));
        SourceHealth xxe = health(sources.get("xxe"));
        SourceHealth laughs = health(sources.get("billion-laughs"));
        assertThat(xxe.lastPoll()).isNotNull();
        assertThat(laughs.lastPoll()).isNotNull();
        // Either refused as malformed, or read without the DTD's entities: never expanded.
        assertThat(xxe.lastError()).isIn(null, "malformed_feed");
        assertThat(laughs.lastError()).isIn(null, "malformed_feed");
    }

    @Test
    void goodSourceIsStoredAndIndexedBesideTheAttacks() {
        assertThat(app.articles().list(ArticleQuery.latest(100).withSource(sources.get("good").id())))
                .extracting(Article::title)
                .contains("Harbour reopens after storm", "Parliament passes water bill", "Rail strike ends after talks");
        assertThat(app.search().search(SearchQuery.of("harbour storm")).hits()).isNotEmpty();
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        List<Article> bytes = app.articles().list(ArticleQuery.latest(10).withSource(sources.get("invalid-utf8").id()));
        assertThat(bytes).singleElement().satisfies(a -> assertThat(a.title()).startsWith("Broken").endsWith("bytes survive"));
    }

    @Test
    void fileAndJavascriptLinksNeverBecomeArticles() {
        List<Article> all = app.articles().list(ArticleQuery.latest(1000));
        assertThat(all).extracting(Article::url).allMatch(u -> u.startsWith("http://") || u.startsWith("https://"));
        assertThat(all).extracting(Article::guid).doesNotContain("js-link", "file-link");
        assertThat(app.queue().pendingCount()).isZero();
    }

    @Test
    void hostilePagesKeepTheirFeedTextAndAreCountedAsPageFailures() {
        List<Article> scripted = app.articles().list(ArticleQuery.latest(100).withSource(sources.get("scripted").id()));
        assertThat(scripted).extracting(Article::guid).contains("script-page", "bomb-page", "huge-page", "slow-page");
        // The bomb hits the cap after inflating; the endless body hits the deadline; the undeclared 50 MB page
        // hits the cap, or the deadline first when the machine is busy: contained either way.
        assertThat(pageFailures("too_large")).isGreaterThanOrEqualTo(1);
        assertThat(pageFailures("timeout")).isGreaterThanOrEqualTo(1);
        assertThat(pageFailures("too_large") + pageFailures("timeout")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void noScriptFromASourceIsStoredOrServed() throws Exception {
        List<Article> all = app.articles().list(ArticleQuery.latest(1000));
        assertThat(all).allSatisfy(a -> assertThat(text(a)).doesNotContain(HostileWorld.SCRIPT_MARKER)
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:"));
        Article scripted = all.stream().filter(a -> a.guid().equals("script-page")).findFirst().orElseThrow();
        assertThat(String.join(" ", scripted.paragraphs())).contains("The council met on Tuesday");

        HttpClient http = HttpClient.newHttpClient();
        for (Article a : all) {
            for (String path : List.of("/article/" + a.id(), "/api/v1/articles/" + a.id())) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isIn(200, 301, 302, 308);
                assertThat(r.body()).as(path).doesNotContain(HostileWorld.SCRIPT_MARKER).doesNotContain("javascript:")
                        .doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
                assertThat(r.headers().allValues("Set-Cookie")).as(path + " sets no cookie").isEmpty();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private String errorOf(String name) {
        return String.valueOf(health(sources.get(name)).lastError());
    }

    private SourceHealth health(Source s) {
        Optional<SourceHealth> h = app.sources().health().stream().filter(x -> x.source().id() == s.id()).findFirst();
        return h.orElseThrow();
    }

    private long stored(String name) {
        return app.articles().list(ArticleQuery.latest(100).withSource(sources.get(name).id())).size();
    }

    private double pageFailures(String kind) {
        Counter c = app.metrics().find("worldwire.fetch.errors").tags("stage", "page", "kind", kind).counter();
        return c == null ? 0 : c.count();
    }

    private static String text(Article a) {
        return String.join("\n", a.title(), String.valueOf(a.summary()), String.join("\n", a.paragraphs()),
                String.valueOf(a.leadImage()), String.valueOf(a.byline()));
    }

    private void await(Duration limit, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                String state = app.sources().health().stream()
                        .map(h -> h.source().feedUrl() + " poll=" + h.lastPoll() + " error=" + h.lastError()
                                + " articles=" + h.articlesTotal())
                        .collect(Collectors.joining("\n"));
                throw new AssertionError("pipeline did not settle in " + limit + ":\n" + state);
            }
            Thread.sleep(200);
        }
    }
}
