package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Country and region sections hold the stories about a country; the API's filter finds every mention. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SiteFixture site;
    private Article summit, quake;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new SiteFixture(dir);
        Source wire = site.source("World Wire", "GB", DisplayPolicy.EXCERPT);
        // About Turkey; Japan and Brazil come up only as other delegations.
        summit = site.publishAbout(wire, "Leaders gather in Ankara for trade summit", List.of("TR"), List.of("TR", "JP", "BR"));
        quake = site.publishAbout(wire, "Strong earthquake shakes northern Japan", List.of("JP"), List.of("JP"));
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void aCountryPageShowsTheStoriesAboutItNotEveryMention() throws Exception {
        String japan = site.get("/country/jp").body();
        assertThat(japan).contains("Strong earthquake shakes northern Japan").doesNotContain("trade summit");
        assertThat(site.get("/country/tr").body()).contains("trade summit");
        assertThat(site.get("/country/br").body()).doesNotContain("trade summit");
        assertThat(site.get("/country/jp/feed.rss").body()).contains("earthquake").doesNotContain("trade summit");
    }

    @Test
    void regionPagesFollowThePrimaryCountries() throws Exception {
        assertThat(site.get("/region/americas").body()).doesNotContain("trade summit");
        assertThat(site.get("/region/asia-pacific").body()).contains("earthquake").doesNotContain("trade summit");
    }

    @Test
    void theApiCountryFilterFindsEveryArticleThatMentionsTheCountry() throws Exception {
        JsonNode jp = JSON.readTree(site.get("/api/v1/articles?country=jp").body());
        assertThat(jp.get("articles")).extracting(n -> n.get("id").asLong()).containsExactly(quake.id(), summit.id());
    }

    @Test
    void theMapCountsStoriesAboutEachCountry() throws Exception {
        String map = site.get("/map").body();
        assertThat(map).contains("id=\"country-jp\" data-count=\"1\"").contains("id=\"country-tr\" data-count=\"1\"")
                .contains("id=\"country-br\" data-count=\"0\"");
    }
}
