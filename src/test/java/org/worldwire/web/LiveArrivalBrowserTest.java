package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.app.Config;
import org.worldwire.app.Demo;
import org.worldwire.app.Worldwire;
import org.worldwire.model.Article;
import org.worldwire.sim.SimArticle;
import org.worldwire.store.ArticleQuery;

/**
 * The whole system in a browser: the publisher simulator publishes, Worldwire notices, fetches, extracts and
 * stores the article, and the home page already open in Chromium shows it without a reload.
 */
class LiveArrivalBrowserTest {

    @Test
    void anArticleTheSimulatorPublishesAppearsOnTheOpenHomePage(@TempDir Path dir) throws Exception {
        Optional<Path> bin = Chromium.find();
        assumeTrue(bin.isPresent(), "chromium is not installed");
        try (Demo demo = Demo.start(6);
                Worldwire app = Worldwire.start(Demo.configure(Config.defaults().withDataDir(dir.resolve("data"))
                        .withHost("127.0.0.1").withPort(0)));
                Chromium browser = Chromium.launch(bin.get(), dir.resolve("profile"))) {
            demo.subscribe(app);
            String base = "http://127.0.0.1:" + app.port();
            // the backlog arrives first; wait until the site shows some of it
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (app.articles().count() == 0) {
                assertThat(System.nanoTime()).as("the demo's backlog was ingested").isLessThan(deadline);
                Thread.sleep(100);
            }
            browser.open(base + "/");
            browser.eval("window.__marker = 'no reload'");
            while (app.metrics().get("worldwire.web.sse.clients").gauge().value() < 1) {
                assertThat(System.nanoTime()).as("the page opened its live stream").isLessThan(deadline);
                Thread.sleep(20);
            }
            long t0 = System.nanoTime();
            SimArticle published = demo.world().publishNow();
            long limit = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            Article stored = null;
            while (stored == null) {
                for (Article a : app.articles().list(ArticleQuery.latest(100))) {
                    // By URL only: a wire copy of an earlier story carries the same headline under another address.
                    // placed in its story too: it is stored a moment before it is placed
                    if (a.url().equals(org.worldwire.dedup.UrlCanonicalizer.canonicalize(published.url().toString()))
                            && a.storyId() != 0) stored = a;
                }
                assertThat(System.nanoTime()).as("the published article was ingested: " + published.url()).isLessThan(limit);
                Thread.sleep(20);
            }
            Duration ingested = Chromium.since(t0);
            // A new story is announced in the bar; a report of a story on the page updates its count in place.
            org.worldwire.model.Story story = app.stories().find(stored.storyId()).orElseThrow();
            String present = "!document.getElementById('news-bar').hidden || Array.from(document.querySelectorAll("
                    + "'[data-story=\"" + story.id() + "\"] .coverage .n')).some(e => e.textContent.startsWith('"
                    + story.sources() + " source'))";
            long shownBy = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!browser.eval(present).asBoolean()) {
                assertThat(System.nanoTime()).as("the stored article reached the open page within 2 s").isLessThan(shownBy);
                Thread.sleep(20);
            }
            Duration took = Chromium.since(t0);
            System.out.println("simulator publish -> stored: " + ingested.toMillis() + " ms; -> shown on the open home page: "
                    + took.toMillis() + " ms (stored -> shown " + (took.toMillis() - ingested.toMillis()) + " ms)");
            assertThat(browser.eval("window.__marker").asText()).isEqualTo("no reload");
            browser.screenshot(Path.of("target", "screenshots", "home-live-demo.png"));
            // Publish -> stored comes by WebSub push once the demo's hub has verified the subscription (a few hundred
            // ms), else by the poller's schedule; it is not asserted tightly because a busy CI machine may still be
            // verifying. Stored -> shown is the site's part, asserted above at 2 s.
        }
    }
}
