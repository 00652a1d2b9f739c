package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;

/** HTTP as clients expect it: HEAD mirrors GET, the stream serves any client, an icon is there. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpBehaviourTest {
    private SiteFixture site;
    private Article article;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new SiteFixture(dir);
        article = site.publish(site.source("Wire", "GB", DisplayPolicy.EXCERPT), "Bridge reopens", List.of("Traffic."), List.of("GB"));
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private HttpResponse<byte[]> send(String method, String path) throws Exception {
        return site.http.send(HttpRequest.newBuilder(URI.create(site.base() + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void headAnswersWithTheStatusAndHeadersOfGetAndNoBody() throws Exception {
        // RFC 9110 §9.3.2: the same header fields as GET, without content
        for (String path : List.of("/", Site.articlePath(article), "/story/" + article.storyId(), "/api/v1/articles",
                "/api/v1/stories", "/feed.rss", "/sitemap.xml", "/health", "/favicon.ico", "/privacy")) {
            HttpResponse<byte[]> get = send("GET", path);
            HttpResponse<byte[]> head = send("HEAD", path);
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).as(path).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.body()).as(path).isEmpty();
        }
        assertThat(send("HEAD", "/no/such/page").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> stream = send("HEAD", "/api/v1/stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
    }

    @Test
    void theStreamServesEventsToAClientThatSendsNoAcceptHeader() throws Exception {
        // java.net.http sends no Accept header unless told to, as curl sends only */*
        HttpResponse<InputStream> r = site.http.send(HttpRequest.newBuilder(URI.create(site.base() + "/api/v1/stream?after=0"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            boolean sawArticle = false;
            while ((line = in.readLine()) != null) {
                if (line.equals("event: article")) {
                    sawArticle = true;
                    break;
                }
            }
            assertThat(sawArticle).as("the replay after id 0 sends the stored article").isTrue();
        }
    }

    @Test
    void everyPageLinksAnIconThatIsServed() throws Exception {
        String home = site.get("/").body();
        assertThat(home).contains("<link rel=\"icon\" href=\"/favicon.ico\"").contains("type=\"image/svg+xml\"");
        String svgHref = home.replaceAll("(?s).*<link rel=\"icon\" href=\"([^\"]+\\.svg)\".*", "$1");
        HttpResponse<byte[]> svg = site.getBytes(svgHref);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        HttpResponse<byte[]> ico = site.getBytes("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        // an ICO file starts with reserved 0, type 1 (icon)
        assertThat(ico.body()).startsWith(0, 0, 1, 0);
    }

    @Test
    void aMalformedParameterIsA400ThatSaysWhatIsWrongOnPagesAndInTheApi() throws Exception {
        for (String path : List.of("/source/1?before=yesterday", "/search?q=x&order=best", "/search?q=x&country=zz",
                "/feed.rss?language=klingon", "/country/fr/feed.atom?language=12")) {
            HttpResponse<String> r = site.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("must be");
        }
        for (String path : List.of("/api/v1/articles?limit=many", "/api/v1/articles?since=today", "/api/v1/stories?limit=0",
                "/api/v1/stories?country=Narnia", "/api/v1/articles?cursor=-3")) {
            HttpResponse<String> r = site.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(path).get().asString().startsWith("application/json");
            assertThat(r.body()).as(path).startsWith("{\"error\":").contains("must");
        }
    }

    @Test
    void theConsentBannersReadMoreLinkHasADescriptiveName() throws Exception {
        assertThat(site.get("/").body()).contains(">Read More<span class=\"vh\"> about cookies and your privacy choices</span></a>");
    }
}
