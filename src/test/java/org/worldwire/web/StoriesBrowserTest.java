package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;

/**
 * Stories in headless Chromium: the home page leads with a story and its source count, the story page groups its
 * reports by the sources' country beside a timeline, and a new report of a story updates its count in place,
 * without a reload and without moving the page. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class StoriesBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private SiteFixture site;
    private Path chromium;
    private Path profiles;
    private Chromium browser;
    private Source wire, paris, berlin, tokyo;
    private Article quake;

    @BeforeAll
    void start(@TempDir Path dir) {
        Optional<Path> bin = Chromium.find();
        assumeTrue(bin.isPresent(), "chromium is not installed");
        chromium = bin.get();
        profiles = dir.resolve("profiles");
        site = new SiteFixture(dir.resolve("site"));
        wire = site.source("Global Wire", "GB", DisplayPolicy.EXCERPT);
        Source reprint = site.source("Daily Reprint", "GB", DisplayPolicy.EXCERPT);
        paris = site.source("Le Quotidien", "FR", DisplayPolicy.EXCERPT);
        berlin = site.source("Die Zeitung", "DE", DisplayPolicy.EXCERPT);
        tokyo = site.source("Tokyo Times", "JP", DisplayPolicy.EXCERPT);
        site.publish(wire, "Local council approves new library", List.of("A library."), List.of("GB"));
        quake = site.publish(wire, "Earthquake strikes off the coast of Chile", List.of("A magnitude 7.1 quake."), List.of("CL"));
        site.report(quake.id(), quake.id(), reprint, "Earthquake strikes off the coast of Chile, agency says", List.of("CL"));
        site.report(quake.id(), 0, paris, "Un séisme frappe le Chili", List.of("CL"));
    }

    @BeforeEach
    void freshBrowser(org.junit.jupiter.api.TestInfo info) throws Exception {
        browser = Chromium.launch(chromium, profiles.resolve(info.getTestMethod().orElseThrow().getName()));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    @AfterAll
    void stop() {
        if (site != null) site.close();
    }

    private String coverageOnPage() throws Exception {
        return browser.eval("document.querySelector('[data-story=\"" + quake.id() + "\"] .coverage .n').textContent").asText();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theHomePageLeadsWithTheStoryAndItsSourceCount() throws Exception {
        browser.open(site.base() + "/");
        assertThat(browser.eval("document.querySelector('#stories .story .title').textContent").asText())
                .isEqualTo("Earthquake strikes off the coast of Chile");
        assertThat(coverageOnPage()).isEqualTo("2 sources, 2 countries");
        assertThat(browser.eval("document.querySelectorAll('#stories .story').length").asInt())
                .as("the copy is not an entry of its own").isEqualTo(2);
        browser.screenshot(SHOTS.resolve("home-stories.png"));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theStoryPageGroupsReportsByCountryBesideATimeline() throws Exception {
        browser.open(site.base() + "/story/" + quake.id());
        assertThat(browser.eval("Array.from(document.querySelectorAll('.country-group h3')).map(h => h.textContent.trim()).join('|')")
                .asText()).contains("United Kingdom").contains("France");
        assertThat(browser.eval("document.querySelectorAll('.timeline li').length").asInt()).isEqualTo(3);
        assertThat(browser.eval("document.querySelector('.copies summary').textContent").asText())
                .isEqualTo("Reprinted by 1 more source");
        browser.screenshot(SHOTS.resolve("story-page.png"));
    }

    @Test
    @org.junit.jupiter.api.Order(3) // it adds reports and a story, which the others would see
    void aNewReportUpdatesTheCountInPlaceWithoutMovingThePage() throws Exception {
        browser.open(site.base() + "/");
        // the stream is open once the script has connected; give it the time a reader would never notice
        Thread.sleep(500);
        double top = browser.eval("document.querySelector('[data-story=\"" + quake.id() + "\"]').getBoundingClientRect().top").asDouble();
        site.report(quake.id(), 0, berlin, "Erdbeben erschüttert Chile", List.of("CL"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        String shown = coverageOnPage();
        while (!shown.equals("3 sources, 3 countries") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            shown = coverageOnPage();
        }
        assertThat(shown).isEqualTo("3 sources, 3 countries");
        // a new story is announced in a bar over the page, not pushed into the list
        site.publish(tokyo, "Typhoon nears Okinawa", List.of("Winds."), List.of("JP"));
        deadline = System.nanoTime() + 5_000_000_000L;
        while (browser.eval("document.getElementById('news-bar').hidden").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(browser.eval("document.getElementById('news-bar').textContent.trim()").asText()).isEqualTo("1 new story: show it");
        assertThat(browser.eval("document.querySelectorAll('#stories .story').length").asInt()).isEqualTo(2);
        assertThat(browser.eval("document.querySelector('[data-story=\"" + quake.id() + "\"]').getBoundingClientRect().top").asDouble())
                .as("nothing moved under the reader's eyes").isEqualTo(top);
        browser.screenshot(SHOTS.resolve("home-story-updated.png"));
    }
}
