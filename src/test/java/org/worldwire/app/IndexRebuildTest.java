package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.search.SearchQuery;
import org.worldwire.store.sqlite.SqliteStore;

/** A search index that lacks most articles (deleted, or of an older layout) is filled while the server serves. */
class IndexRebuildTest {
    @TempDir
    Path data;

    @Test
    void aMissingIndexIsRebuiltInTheBackgroundWhileTheSiteAnswers() throws Exception {
        int articles = (int) Engines.CATCH_UP_IN_BACKGROUND + 1_500;
        try (SqliteStore store = SqliteStore.open(data.resolve("worldwire.db"), InstantSource.system())) {
            Source s = store.sources().add(new Source(0, "http://127.0.0.1:9/feed.xml", "Loopback Times", "http://127.0.0.1:9/",
                    "FR", "en", DisplayPolicy.FULL_TEXT));
            Instant now = Instant.now();
            for (int i = 0; i < articles; i++) {
                String word = i % 100 == 0 ? "glacier" : "harbour";
                store.articles().addIfNew(new Article(0, s.id(), "http://127.0.0.1:9/a/" + i, "g" + i, "Report " + i + " on the " + word,
                        null, now.minusSeconds(i), now, List.of("The " + word + " report number " + i + " was filed today."), null, null,
                        "en", List.of("FR"), List.of("FR")));
            }
        }
        Config config = Config.defaults().withDataDir(data).withHost("127.0.0.1").withPort(0).withSeedSources(false);
        HttpClient http = HttpClient.newHttpClient();
        try (Worldwire app = Worldwire.start(config)) {
            // the site answers at once, whatever the index holds yet
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (app.search().size() < articles && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(app.search().size()).isEqualTo(articles);
            app.search().refresh();
            assertThat(app.search().search(SearchQuery.of("glacier").withLimit(100)).total()).isEqualTo(articles / 100 + (articles % 100 > 0 ? 1 : 0));
        }
    }
}
