package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.client.ApiClient;
import org.worldwire.client.ApiException;
import org.worldwire.client.api.ArticlesApi;
import org.worldwire.client.api.OperationsApi;
import org.worldwire.client.api.SourcesApi;
import org.worldwire.client.api.StoriesApi;
import org.worldwire.client.model.ArticlePage;
import org.worldwire.client.model.Report;
import org.worldwire.client.model.StoryDetail;
import org.worldwire.client.model.StoryPage;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;

/**
 * A Java client generated from our OpenAPI document (openapi-generator, at build time: see the pom) reads a running
 * site: if the document's paths, parameters or schemas drift from what the server answers, the generated client
 * fails to call it or to parse the answer, so this keeps the document honest from a consumer's side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTest {
    private SiteFixture site;
    private ApiClient client;
    private Source wire, paris;
    private Article quake, copy, report, lone;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new SiteFixture(dir);
        wire = site.source("Global Wire", "GB", DisplayPolicy.EXCERPT);
        Source reprint = site.source("Daily Reprint", "GB", DisplayPolicy.EXCERPT);
        paris = site.source("Le Quotidien", "FR", DisplayPolicy.EXCERPT);
        lone = site.publish(wire, "Local council approves new library", List.of("A library."), List.of("GB"));
        quake = site.publish(wire, "Earthquake strikes off the coast of Chile", List.of("A magnitude 7.1 quake."),
                List.of("CL"));
        copy = site.report(quake.id(), quake.id(), reprint, "Earthquake strikes off the coast of Chile, agency says",
                List.of("CL"));
        report = site.report(quake.id(), 0, paris, "Un séisme frappe le Chili", List.of("CL"));
        client = new ApiClient();
        client.updateBaseUri(site.base());
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void listsTheStoredArticlesNewestFirstPageByPage() throws ApiException {
        ArticlesApi articles = new ArticlesApi(client);
        ArticlePage all = articles.listArticles(null, null, null, null, null, null, null);
        assertThat(all.getArticles()).extracting(a -> a.getId().longValue())
                .containsExactly(report.id(), copy.id(), quake.id(), lone.id());
        assertThat(all.getArticles()).extracting(a -> a.getTitle()).contains(quake.title(), lone.title());
        var first = all.getArticles().get(3);
        assertThat(first.getSource().getTitle()).isEqualTo("Global Wire");
        assertThat(first.getSource().getId()).isEqualTo(wire.id());
        assertThat(first.getCountries()).containsExactly("GB");
        assertThat(first.getLink()).isEqualTo("http://127.0.0.1" + Site.articlePath(lone));
        assertThat(first.getPublished()).isNotNull();

        ArticlePage one = articles.listArticles(null, null, null, null, null, null, 1);
        assertThat(one.getArticles()).extracting(a -> a.getId().longValue()).containsExactly(report.id());
        ArticlePage next = articles.listArticles(null, null, null, null, null, one.getNextCursor(), 1);
        assertThat(next.getArticles()).extracting(a -> a.getId().longValue()).containsExactly(copy.id());

        ArticlePage fromParis = articles.listArticles(null, paris.id(), null, null, null, null, null);
        assertThat(fromParis.getArticles()).extracting(a -> a.getTitle()).containsExactly("Un séisme frappe le Chili");
    }

    @Test
    void getsAnArticleWithItsStoryAndWhatItCopies() throws ApiException {
        var a = new ArticlesApi(client).getArticle(copy.id());
        assertThat(a.getTitle()).isEqualTo(copy.title());
        assertThat(a.getStory()).isEqualTo(quake.id());
        assertThat(a.getCopyOf()).isEqualTo(quake.id());
        assertThat(new ArticlesApi(client).getArticle(lone.id()).getCopyOf()).isNull();
    }

    @Test
    void listsStoriesAndGetsOneWithItsReportsAndCopies() throws ApiException {
        StoriesApi stories = new StoriesApi(client);
        StoryPage chile = stories.listStories("CL", null, null, null, null, null, null);
        assertThat(chile.getStories()).extracting(s -> s.getId().longValue()).containsExactly(quake.id());
        StoryPage top = stories.listStories(null, null, null, null, "top", null, null);
        assertThat(top.getStories().getFirst().getId()).isEqualTo(quake.id());
        assertThat(top.getStories().getFirst().getSources()).isEqualTo(2);

        StoryDetail detail = stories.getStory(quake.id());
        assertThat(detail.getStory().getTitle()).isEqualTo(quake.title());
        assertThat(detail.getStory().getLeadArticle()).isEqualTo(quake.id());
        assertThat(detail.getReports()).extracting(r -> r.getArticle().getId().longValue())
                .containsExactlyInAnyOrder(quake.id(), report.id());
        Report lead = detail.getReports().stream().filter(r -> r.getArticle().getId() == quake.id()).findFirst()
                .orElseThrow();
        assertThat(lead.getCopies()).extracting(c -> c.getId().longValue()).containsExactly(copy.id());
    }

    @Test
    void readsTheSourcesAndTheHealthCheck() throws ApiException {
        assertThat(new SourcesApi(client).listSources().getSources()).extracting(s -> s.getTitle())
                .containsExactlyInAnyOrder("Global Wire", "Daily Reprint", "Le Quotidien");
        var health = new OperationsApi(client).health();
        assertThat(health.getStatus()).isEqualTo("ok");
        assertThat(health.getArticles()).isEqualTo(site.store.articles().count());
    }

    @Test
    void refusalsArriveAsApiExceptionsWithTheDocumentedErrorBody() throws Exception {
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> new StoriesApi(client).getStory(quake.id() + 1000));
        assertThat(missing.getCode()).isEqualTo(404);
        var error = new ObjectMapper().readValue(missing.getResponseBody(), org.worldwire.client.model.Error.class);
        assertThat(error.getError()).isNotBlank();

        ApiException badCursor = catchThrowableOfType(ApiException.class,
                () -> new ArticlesApi(client).listArticles(null, null, null, null, null, "yesterday", null));
        assertThat(badCursor.getCode()).isEqualTo(400);
    }
}
