package org.worldwire.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.worldwire.model.Article;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.SearchIndexContract;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchUnavailableException;

/** The search contract against a real OpenSearch node, and what only a remote index has to get right. */
@Tag("opensearch")
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang fails instead of stalling CI
class OpenSearchSearchIndexTest extends SearchIndexContract {
    @RegisterExtension
    static final OpenSearchNode node = new OpenSearchNode();

    private static final AtomicInteger indexes = new AtomicInteger();
    private final List<String> created = new ArrayList<>();

    /** A fresh index name on the shared node (deleted after the test). */
    private OpenSearchConfig config() {
        String name = "test-" + indexes.incrementAndGet();
        created.add(name);
        return OpenSearchConfig.of(node.url()).withIndex(name);
    }

    @Override
    protected SearchIndex newIndex() {
        return OpenSearchSearchIndex.open(config(), InstantSource.system());
    }

    @AfterEach
    void deleteIndexes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String name : created) {
            http.send(HttpRequest.newBuilder(URI.create(node.url() + "/" + name)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static Article article(long id, String title, String text) {
        Instant t = Instant.parse("2026-11-29T10:00:00Z").plusSeconds(id);
        return new Article(id, 1 + id % 7, "https://example.org/" + id, "g" + id, title, null, t, t, List.of(text), null,
                null, "en", List.of("US"), List.of("US"));
    }

    @Test
    void reopeningAnExistingIndexKeepsItsArticlesAndItsMapping() {
        OpenSearchConfig config = config();
        try (var index = OpenSearchSearchIndex.open(config, InstantSource.system())) {
            index.index(article(1, "Ministers meet", "The ministers met."));
            index.refresh();
        }
        try (var index = OpenSearchSearchIndex.open(config, InstantSource.system())) {
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.search(SearchQuery.of("minister")).hits()).extracting(h -> h.articleId()).containsExactly(1L);
            index.index(article(2, "Minister resigns", "A minister resigned."));
            index.refresh();
            assertThat(index.size()).isEqualTo(2);
        }
    }

    @Test
    void anIndexOfAnotherMappingIsRefusedWithAClearError() throws Exception {
        OpenSearchConfig config = config();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url() + "/" + config.index()))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThatThrownBy(() -> OpenSearchSearchIndex.open(config, InstantSource.system()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mapping version").hasMessageContaining(config.index());
    }

    @Test
    void aWebNodeFindsArticlesInALanguageThatAWorkerIndexedFirst() throws Exception {
        OpenSearchConfig config = config();
        try (var worker = OpenSearchSearchIndex.open(config, InstantSource.system());
                var web = OpenSearchSearchIndex.open(config, InstantSource.system())) {
            worker.index(article(1, "Flood warning", "Rain."));
            worker.refresh();
            assertThat(web.search(SearchQuery.of("flood")).total()).isEqualTo(1); // the web node has counted English
            Article german = new Article(2, 1, "https://example.org/2", "g2", "Hochwasser in Köln", null, null,
                    Instant.parse("2026-11-29T10:00:00Z"), List.of("Das Hochwasser erreichte die Altstadt."), null, null,
                    "de", List.of("DE"), List.of("DE"));
            worker.index(german);
            worker.refresh();
            Thread.sleep(1_100); // the port's "within about a second"
            assertThat(web.search(SearchQuery.of("hochwasser")).hits()).extracting(h -> h.articleId()).containsExactly(2L);
        }
    }

    @Test
    void indexAllSendsThousandsInOneBulkRequest() {
        List<Article> batch = new ArrayList<>();
        for (long id = 1; id <= 3_000; id++) {
            batch.add(article(id, "Report " + id + (id % 100 == 0 ? " earthquake" : ""), "Text of report number " + id + "."));
        }
        try (var index = OpenSearchSearchIndex.open(config(), InstantSource.system())) {
            index.indexAll(batch);
            index.indexAll(List.of()); // nothing to send: no request, no error
            index.refresh();
            assertThat(index.size()).isEqualTo(3_000);
            var quakes = index.search(SearchQuery.of("earthquake").withLimit(100));
            assertThat(quakes.total()).isEqualTo(30);
            assertThat(quakes.hits()).hasSize(30);
            // replacing by id: the same 3,000 again change nothing but their text
            index.indexAll(batch.stream().map(a -> a.id() == 7 ? article(7, "Flood", "Water everywhere.") : a).toList());
            index.refresh();
            assertThat(index.size()).isEqualTo(3_000);
            assertThat(index.search(SearchQuery.of("flood")).hits()).extracting(h -> h.articleId()).containsExactly(7L);
        }
    }

    @Test
    void anUnreachableNodeFailsEveryCallQuicklyWithSearchUnavailable() throws IOException {
        int closedPort;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        var config = OpenSearchConfig.of("http://127.0.0.1:" + closedPort);
        long t0 = System.nanoTime();
        try (var index = OpenSearchSearchIndex.open(config, InstantSource.system())) { // opening does not fail
            assertThatThrownBy(() -> index.search(SearchQuery.of("flood"))).isInstanceOf(SearchUnavailableException.class)
                    .hasMessageContaining("unavailable").hasMessageContaining("127.0.0.1:" + closedPort);
            assertThatThrownBy(() -> index.index(article(1, "a", "b"))).isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(() -> index.indexAll(List.of(article(1, "a", "b")))).isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(index::size).isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(index::refresh).isInstanceOf(SearchUnavailableException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aNodeThatAcceptsButNeverAnswersTimesOut() throws Exception {
        // A frozen node: the connection is accepted (by the backlog) and nothing is ever read or written.
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var config = OpenSearchConfig.of("http://127.0.0.1:" + silent.getLocalPort())
                    .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800));
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) accepted.add(silent.accept());
                } catch (IOException closed) {
                    // the test is over
                }
            });
            long t0 = System.nanoTime();
            try (var index = OpenSearchSearchIndex.open(config, InstantSource.system())) {
                assertThatThrownBy(() -> index.search(SearchQuery.of("flood"))).isInstanceOf(SearchUnavailableException.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("open and one search, each within the timeout")
                    .isLessThan(Duration.ofSeconds(5));
            silent.close();
            acceptor.join(2_000);
            for (Socket s : accepted) s.close();
        }
    }

    @Test
    void aCallAfterTheNodeComesBackCreatesTheIndexThenSucceeds() {
        // open while the index cannot be made (here: a node that is not there), then on the real node
        var down = OpenSearchSearchIndex.open(OpenSearchConfig.of("http://127.0.0.1:9").withIndex("never"), InstantSource.system());
        down.close();
        try (var index = OpenSearchSearchIndex.open(config(), InstantSource.system())) {
            index.indexAll(List.of(article(1, "Earthquake", "Strong.")));
            index.refresh();
            assertThat(index.search(SearchQuery.of("earthquake")).total()).isEqualTo(1);
        }
    }
}
