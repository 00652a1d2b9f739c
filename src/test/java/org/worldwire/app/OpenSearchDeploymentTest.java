package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.search.opensearch.OpenSearchSearchIndex;
import org.worldwire.sim.Publication;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.store.ArticleQuery;

/** {@code search=opensearch://host:port}: the server indexes what it stores into a real OpenSearch node, and its site finds it there. */
@Tag("opensearch")
class OpenSearchDeploymentTest {
    @RegisterExtension
    static final org.worldwire.search.opensearch.OpenSearchNode node = new org.worldwire.search.opensearch.OpenSearchNode();

    @TempDir
    Path data;

    @Test
    void storedArticlesAreSearchableOnTheSiteThroughOpenSearch() throws Exception {
        URI url = URI.create(node.url());
        Deployment deployment = Deployment.EMBEDDED.withSearch("opensearch://" + url.getHost() + ":" + url.getPort());
        HttpClient http = HttpClient.newHttpClient();
        try (PublisherWorld world = PublisherWorld.start(ScaledOutTest.world(2));
                Worldwire app = Worldwire.start(ScaledOutTest.config(data, deployment))) {
            assertThat(app.search()).isInstanceOf(OpenSearchSearchIndex.class);
            Demo.subscribe(app, world);
            Set<String> backlog = world.truth().values().stream().map(Publication::url).collect(Collectors.toSet());
            ScaledOutTest.await("the publishers' backlog is stored", () -> ScaledOutTest.storedUrls(app).containsAll(backlog));
            Article a = app.articles().list(ArticleQuery.latest(1)).getFirst();
            // the longest word of the title: a short one may be a stop word that finds nothing
            String word = Arrays.stream(a.title().split("[\\s\\p{Punct}]+")).max(Comparator.comparingInt(String::length)).orElseThrow();
            URI search = URI.create("http://127.0.0.1:" + app.port() + "/api/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            ScaledOutTest.await("the article is found through the site's search API", () -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && r.body().contains("\"id\":" + a.id());
                } catch (Exception e) {
                    return false;
                }
            });
            ScaledOutTest.await("every stored article indexed once", () -> app.search().size() == app.articles().count());
        }
    }

    @Test
    void aSearchClusterThatDoesNotAnswerCostsTheSearchNotTheSite() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // nothing listens there once the socket is closed
        }
        Deployment deployment = Deployment.EMBEDDED.withSearch("opensearch://127.0.0.1:" + closed);
        HttpClient http = HttpClient.newHttpClient();
        try (Worldwire app = Worldwire.start(ScaledOutTest.config(data, deployment))) {
            String base = "http://127.0.0.1:" + app.port();
            assertThat(get(http, base + "/").statusCode()).isEqualTo(200);
            HttpResponse<String> page = get(http, base + "/search?q=flood");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Search is unavailable right now");
            HttpResponse<String> api = get(http, base + "/api/v1/search?q=flood");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(get(http, base + "/health").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
