package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The reader site in headless Debian Chromium: the consent banner, what loads before and after a choice, the
 * advertisement slots, and live arrival of new updates. Screenshots go to target/screenshots/. Skipped when
 * no chromium is installed (CI installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private SiteFixture site;
    private HttpServer adServer;
    private final AtomicInteger adTagHits = new AtomicInteger();
    private Path chromium;
    private Path profiles;
    private Chromium browser;
    private Source wire, arabic;
    private Article lead;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Optional<Path> bin = Chromium.find();
        assumeTrue(bin.isPresent(), "chromium is not installed");
        chromium = bin.get();
        profiles = dir.resolve("profiles");
        // The "third party": an ad server on another origin that counts every request for its tag.
        adServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        adServer.createContext("/adtag.js", ex -> {
            adTagHits.incrementAndGet();
            byte[] js = ("document.querySelectorAll('.ad-tag').forEach(function(e){if(e.querySelector('.third-party-ad'))return;var d=document.createElement('div');"
                    + "d.className='third-party-ad';d.textContent='Third-party ad (test tag)';e.appendChild(d);});")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/javascript");
            ex.sendResponseHeaders(200, js.length);
            ex.getResponseBody().write(js);
            ex.close();
        });
        adServer.start();
        String tag = "http://127.0.0.1:" + adServer.getAddress().getPort() + "/adtag.js";
        site = new SiteFixture(dir.resolve("site"), WebConfig.defaults().withAds(WebConfig.Ads.defaults().withAdTag(tag, null)));
        wire = site.source("Global Wire", "GB", DisplayPolicy.FULL_TEXT);
        arabic = site.source("صحيفة الخليج", "AE", DisplayPolicy.EXCERPT);
        site.publish(wire, "Central banks hold rates as inflation cools", List.of("Rates held steady."), List.of("GB"));
        site.publish(arabic, "ارتفاع أسعار النفط بعد قرار أوبك", List.of("ارتفعت أسعار النفط اليوم بعد قرار المنظمة.",
                "وقال محللون إن السوق ستبقى متقلبة."), List.of("AE"), "ar", "مراسل الخليج", null);
        lead = site.publish(wire, "Coastal cities brace for record storm surge",
                List.of("Forecasters warned of a record storm surge along the coast on Sunday.",
                        "Evacuation orders were issued for low-lying districts.",
                        "Emergency crews positioned pumps and sandbags overnight.",
                        "Officials said shelters had room for ten thousand people.",
                        "The storm is expected to weaken by Tuesday."),
                List.of("GB"), "en", "A. Reporter", null);
    }

    @BeforeEach
    void freshBrowser(org.junit.jupiter.api.TestInfo info) throws Exception {
        browser = Chromium.launch(chromium, profiles.resolve(info.getTestMethod().orElseThrow().getName()));
        adTagHits.set(0);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    @AfterAll
    void stop() {
        if (site != null) site.close();
        if (adServer != null) adServer.stop(0);
    }

    @Test
    void firstVisitShowsTheBannerAndSetsNoCookie() throws Exception {
        browser.open(site.base() + "/");
        assertThat(browser.eval("!!document.getElementById('consent') && document.getElementById('consent').offsetHeight > 0")
                .asBoolean()).isTrue();
        assertThat(browser.eval("document.querySelector('h1').textContent").asText())
                .isEqualTo("Fastest News Updates around the World");
        assertThat(browser.cookies()).isEmpty();
        assertThat(browser.requests).allMatch(u -> u.startsWith(site.base()), "only our own origin");
        assertThat(adTagHits).hasValue(0);
        browser.screenshot(SHOTS.resolve("home-first-visit.png"));
    }

    @Test
    void rejectHidesTheBannerAndLoadsNothingFromThirdParties() throws Exception {
        browser.open(site.base() + Site.articlePath(lead));
        browser.clearRequests();
        browser.clickAndWait("#consent-reject");
        assertThat(browser.eval("document.getElementById('consent') === null").asBoolean()).isTrue();
        assertThat(browser.cookies()).singleElement().asString().startsWith("ww_consent=reject@");
        browser.open(site.base() + "/");
        browser.open(site.base() + Site.articlePath(lead));
        assertThat(browser.requests).isNotEmpty().allMatch(u -> u.startsWith(site.base()), "only our own origin");
        assertThat(adTagHits).hasValue(0);
        assertThat(browser.eval("document.querySelectorAll('.third-party-ad').length").asInt()).isZero();
        browser.screenshot(SHOTS.resolve("article-rejected.png"));
    }

    @Test
    void acceptEnablesTheConfiguredAdTag() throws Exception {
        browser.open(site.base() + Site.articlePath(lead));
        assertThat(adTagHits).hasValue(0);
        browser.clickAndWait("#consent-accept");
        assertThat(browser.cookies()).singleElement().asString().startsWith("ww_consent=accept@");
        waitFor("document.querySelectorAll('.third-party-ad').length >= 2", Duration.ofSeconds(5));
        assertThat(adTagHits.get()).isGreaterThanOrEqualTo(1);
        browser.screenshot(SHOTS.resolve("article-accepted.png"));
    }

    @Test
    void articlePageShowsLabelledAdvertisementSlots() throws Exception {
        browser.open(site.base() + Site.articlePath(lead));
        browser.clickAndWait("#consent-reject");
        String labels = browser.eval("Array.from(document.querySelectorAll('.ad .ad-label')).map(e => e.textContent).join('|')").asText();
        assertThat(labels).isEqualTo("Advertisement|Advertisement");
        assertThat(browser.eval("document.querySelector('.body p:nth-of-type(3)').nextElementSibling.id").asText())
                .isEqualTo("ad-inline");
        browser.screenshot(SHOTS.resolve("article-ads.png"));
        browser.viewport(390, 844, true);
        browser.open(site.base() + Site.articlePath(lead));
        assertThat(browser.eval("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                .as("no sideways scrolling on a phone").isTrue();
        browser.screenshot(SHOTS.resolve("article-phone.png"));
    }

    @Test
    void theWorldMapLeadsToACountryPage() throws Exception {
        browser.open(site.base() + "/map");
        assertThat(browser.eval("document.querySelectorAll('svg a[href^=\"/country/\"]').length").asInt())
                .isGreaterThan(150);
        assertThat(browser.eval("document.querySelector('svg a[href=\"/country/gb\"]').getAttribute('aria-label')").asText())
                .matches("United Kingdom: [2-9]\\d* stories"); // other tests here publish more British news
        assertThat(browser.requests).allMatch(u -> u.startsWith(site.base()), "no map tiles from anyone else");
        browser.screenshot(SHOTS.resolve("map.png"));
        // An SVG link has no click() of its own: dispatch the click a reader's pointer would.
        browser.eval("document.querySelector('svg a[href=\"/country/gb\"]').dispatchEvent("
                + "new MouseEvent('click', {bubbles: true, cancelable: true, view: window}))");
        waitFor("location.pathname === '/country/gb' && document.readyState === 'complete'", Duration.ofSeconds(10));
        assertThat(browser.eval("document.body.textContent").asText())
                .contains("Coastal cities brace for record storm surge").contains("Central banks hold rates");
        browser.screenshot(SHOTS.resolve("country.png"));
    }

    @Test
    void rightToLeftArticlesRenderRightToLeft() throws Exception {
        Article ar = site.store.articles().list(org.worldwire.store.ArticleQuery.latest(10).withSource(arabic.id())).getFirst();
        browser.open(site.base() + Site.articlePath(ar));
        assertThat(browser.eval("getComputedStyle(document.querySelector('.article h1')).direction").asText()).isEqualTo("rtl");
        assertThat(browser.eval("document.querySelector('.article').lang").asText()).isEqualTo("ar");
        browser.screenshot(SHOTS.resolve("article-rtl.png"));
    }

    @Test
    void aNewStoryIsAnnouncedOnTheOpenHomePageWithinTwoSecondsAndOneClickShowsIt() throws Exception {
        browser.open(site.base() + "/");
        browser.eval("window.__marker = 'no reload'");
        waitForStreamClient();
        long t0 = System.nanoTime();
        Article fresh = site.publish(wire, "Breaking: bridge reopens after repairs", List.of("Traffic flows again."), List.of("GB"));
        waitFor("!document.getElementById('news-bar').hidden", Duration.ofSeconds(2));
        Duration took = Chromium.since(t0);
        System.out.println("live arrival on the open home page: " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(browser.eval("window.__marker").asText()).isEqualTo("no reload");
        Thread.sleep(300);
        browser.screenshot(SHOTS.resolve("home-live.png"));
        browser.clickAndWait("#news-bar-link");
        assertThat(browser.eval("document.querySelector('.story-page h1').textContent").asText()).isEqualTo(fresh.title());
    }

    private void waitForStreamClient() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (site.metrics.get("worldwire.web.sse.clients").gauge().value() < 1) {
            assertThat(System.nanoTime()).as("the page opened its live stream").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void waitFor(String condition, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!browser.eval(condition).asBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + condition).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
