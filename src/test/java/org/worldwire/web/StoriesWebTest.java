package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;

/** The site and the API lead with stories: one entry per event, its sources counted, its copies folded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoriesWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SiteFixture site;
    private Article quake, copy, frReport, deReport, lone, merged;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new SiteFixture(dir);
        Source wire = site.source("Global Wire", "GB", DisplayPolicy.EXCERPT);
        Source reprint = site.source("Daily Reprint", "GB", DisplayPolicy.EXCERPT);
        Source paris = site.source("Le Quotidien", "FR", DisplayPolicy.EXCERPT);
        Source berlin = site.source("Die Zeitung", "DE", DisplayPolicy.EXCERPT);
        lone = site.publish(wire, "Local council approves new library", List.of("A library."), List.of("GB"));
        quake = site.publish(wire, "Earthquake strikes off the coast of Chile", List.of("A magnitude 7.1 quake."), List.of("CL"));
        copy = site.report(quake.id(), quake.id(), reprint, "Earthquake strikes off the coast of Chile, agency says", List.of("CL"));
        frReport = site.report(quake.id(), 0, paris, "Un séisme frappe le Chili", List.of("CL"));
        deReport = site.report(quake.id(), 0, berlin, "Erdbeben erschüttert Chile", List.of("CL"));
        merged = site.publish(berlin, "Separate early report of the quake", List.of("Early."), List.of("CL"));
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void theHomePageRanksStoriesAndShowsTheirCoverageNotEachCopy() throws Exception {
        String home = site.get("/").body();
        assertThat(home).contains("Earthquake strikes off the coast of Chile").contains("3 sources, 3 countries")
                .doesNotContain("agency says").doesNotContain("Un séisme");
        assertThat(home.indexOf("Earthquake strikes off")).as("the story with most sources leads")
                .isLessThan(home.indexOf("Local council approves"));
        assertThat(home).contains("href=\"/story/" + quake.id() + "\"");
    }

    @Test
    void theStoryPageGroupsReportsBySourceCountryWithATimelineAndFoldsCopies() throws Exception {
        String page = site.get("/story/" + quake.id()).body();
        assertThat(page).contains("Reports by the sources' country").contains("Timeline");
        int uk = page.indexOf("United Kingdom"), france = page.indexOf("France"), germany = page.indexOf("Germany");
        assertThat(uk).isPositive();
        assertThat(france).isPositive();
        assertThat(germany).isPositive();
        assertThat(page).contains("Reprinted by 1 more source").contains("Daily Reprint");
        assertThat(page).contains("(copy)").contains(">first<").contains("+&lt;1 min");
    }

    @Test
    void aStoryFoldedIntoAnotherLeadsThere() throws Exception {
        site.store.stories().place(merged.id(), quake.id(), 0, List.of(merged.id()), quake.id());
        HttpResponse<String> r = site.get("/story/" + merged.id());
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("/story/" + quake.id());
        JsonNode api = JSON.readTree(site.get("/api/v1/stories/" + merged.id()).body());
        assertThat(api.at("/story/id").asLong()).isEqualTo(quake.id());
    }

    @Test
    void theApiListsStoriesWithCursorsAndFilters() throws Exception {
        JsonNode page1 = JSON.readTree(site.get("/api/v1/stories?limit=1").body());
        assertThat(page1.get("stories")).hasSize(1);
        String cursor = page1.get("next_cursor").asText();
        JsonNode page2 = JSON.readTree(site.get("/api/v1/stories?limit=1&cursor=" + cursor).body());
        assertThat(page2.get("stories").get(0).get("id").asLong()).isNotEqualTo(page1.get("stories").get(0).get("id").asLong());
        JsonNode chile = JSON.readTree(site.get("/api/v1/stories?country=cl").body());
        assertThat(chile.get("stories")).extracting(n -> n.get("id").asLong()).contains(quake.id()).doesNotContain(lone.id());
        JsonNode fr = JSON.readTree(site.get("/api/v1/stories?language=en&q=library").body());
        assertThat(fr.get("stories")).extracting(n -> n.get("id").asLong()).containsExactly(lone.id());
        JsonNode top = JSON.readTree(site.get("/api/v1/stories?order=top").body());
        assertThat(top.get("stories").get(0).get("id").asLong()).isEqualTo(quake.id());
        assertThat(top.get("stories").get(0).get("sources").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(site.get("/api/v1/stories?cursor=yesterday").statusCode()).isEqualTo(400);
        assertThat(site.get("/api/v1/stories?order=best").statusCode()).isEqualTo(400);
    }

    @Test
    void theApiStoryHasItsReportsWithTheirCopiesAndEveryArticleNamesItsStory() throws Exception {
        JsonNode s = JSON.readTree(site.get("/api/v1/stories/" + quake.id()).body());
        assertThat(s.at("/story/title").asText()).isEqualTo("Earthquake strikes off the coast of Chile");
        JsonNode reports = s.get("reports");
        JsonNode first = reports.get(0);
        assertThat(first.at("/article/id").asLong()).isEqualTo(quake.id());
        assertThat(first.get("copies")).extracting(n -> n.get("id").asLong()).containsExactly(copy.id());
        assertThat(reports).extracting(n -> n.at("/article/id").asLong()).contains(frReport.id(), deReport.id())
                .doesNotContain(copy.id());
        JsonNode a = JSON.readTree(site.get("/api/v1/articles/" + copy.id()).body());
        assertThat(a.get("story").asLong()).isEqualTo(quake.id());
        assertThat(a.get("copy_of").asLong()).isEqualTo(quake.id());
    }

    @Test
    void theHomeFeedCarriesTopStoriesLinkingToTheirCoverage() throws Exception {
        String rss = site.get("/feed.rss").body();
        assertThat(rss).contains("<title>Earthquake strikes off the coast of Chile</title>")
                .contains("/story/" + quake.id() + "</link>").doesNotContain("agency says");
        JsonNode json = JSON.readTree(site.get("/feed.json").body());
        assertThat(json.get("items").get(0).get("url").asText()).endsWith("/story/" + quake.id());
    }

    @Test
    void anArticlePageLeadsToItsStoryAndItsOtherReports() throws Exception {
        String page = site.get(Site.articlePath(frReport)).body();
        assertThat(page).contains("href=\"/story/" + quake.id() + "\"").contains("Erdbeben erschüttert Chile")
                .doesNotContain("agency says");
    }
}
