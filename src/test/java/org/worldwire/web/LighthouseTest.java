package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.app.Config;
import org.worldwire.app.Demo;
import org.worldwire.app.Worldwire;
import org.worldwire.model.Article;
import org.worldwire.model.Story;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.StoryQuery;

/**
 * Google's Lighthouse (the npm package, on Debian's Chromium, mobile form factor) on the page types of a running
 * demo while it ingests: home, a story, an article, a country and a search page. Accessibility, best practices and
 * SEO must pass every audit (search results are noindex, so the search page may fail "is crawlable" alone),
 * performance must score at least {@value #PERFORMANCE}, and the layout must not shift (CLS 0).
 * Reports go to target/lighthouse/.
 */
class LighthouseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LIGHTHOUSE = Path.of(".tools/npm/node_modules/.bin/lighthouse");
    private static final double PERFORMANCE = 0.98;

    @Test
    void everyPageTypeScoresFullMarksAndHoldsStill(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = Chromium.find();
        if (System.getenv("CI") == null) {
            assumeTrue(chromium.isPresent() && Files.isExecutable(LIGHTHOUSE), "chromium and lighthouse are installed by .ci/run");
        }
        try (Demo demo = Demo.start(12);
                Worldwire app = Worldwire.start(Demo.configure(Config.defaults().withDataDir(dir.resolve("data"))
                        .withHost("127.0.0.1").withPort(0)))) {
            demo.subscribe(app);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (app.stories().list(StoryQuery.latest(1)).isEmpty() || app.articles().count() < 20) {
                assertThat(System.nanoTime()).as("the demo's backlog was ingested").isLessThan(deadline);
                Thread.sleep(200);
            }
            String base = "http://127.0.0.1:" + app.port();
            Story story = app.stories().list(StoryQuery.latest(1)).getFirst();
            Article article = app.articles().list(ArticleQuery.latest(1)).getFirst();
            String country = story.countries().isEmpty() ? "fr" : story.countries().getFirst().toLowerCase(java.util.Locale.ROOT);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home", base + "/");
            pages.put("story", base + "/story/" + story.id());
            pages.put("article", base + Site.articlePath(article));
            pages.put("country", base + "/country/" + country);
            pages.put("search", base + "/search?q=" + java.net.URLEncoder.encode(story.title().split(" ")[0], StandardCharsets.UTF_8));
            List<String> failures = new ArrayList<>();
            for (var page : pages.entrySet()) {
                JsonNode report = run(chromium.orElseThrow(), page.getValue(), dir.resolve("chrome-" + page.getKey()),
                        Path.of("target", "lighthouse", page.getKey() + ".json"));
                // Performance is timed on a shared machine: Lighthouse's own guidance is to judge several runs, so a
                // page below the mark gets up to two more, and the best counts. The other categories are not timed.
                for (int again = 1; again <= 2 && report.at("/categories/performance/score").asDouble() < PERFORMANCE; again++) {
                    JsonNode retry = run(chromium.orElseThrow(), page.getValue(), dir.resolve("chrome-" + page.getKey() + again),
                            Path.of("target", "lighthouse", page.getKey() + "-" + again + ".json"));
                    if (retry.at("/categories/performance/score").asDouble() > report.at("/categories/performance/score").asDouble()) {
                        report = retry;
                    }
                }
                JsonNode categories = report.path("categories");
                double cls = report.at("/audits/cumulative-layout-shift/numericValue").asDouble(-1);
                String scores = page.getKey() + ": performance " + categories.at("/performance/score").asDouble()
                        + ", accessibility " + categories.at("/accessibility/score").asDouble()
                        + ", best practices " + categories.at("/best-practices/score").asDouble()
                        + ", SEO " + categories.at("/seo/score").asDouble() + ", CLS " + cls;
                System.out.println("lighthouse " + scores);
                for (String c : List.of("accessibility", "best-practices", "seo")) {
                    String failed = failing(report, c);
                    // search results are noindex on purpose: crawlers should index stories, not result lists
                    if (page.getKey().equals("search") && c.equals("seo")) failed = failed.replaceFirst("^is-crawlable ?;? ?", "");
                    if (!failed.isBlank()) failures.add(scores + " — " + failed);
                }
                if (categories.at("/performance/score").asDouble() < PERFORMANCE) failures.add(scores + " — " + failing(report, "performance"));
                if (cls != 0) failures.add(scores + " — the layout shifted");
            }
            assertThat(failures).isEmpty();
        }
    }

    private static JsonNode run(Path chromium, String url, Path profile, Path out) throws Exception {
        Files.createDirectories(out.getParent());
        ProcessBuilder pb = new ProcessBuilder(LIGHTHOUSE.toAbsolutePath().toString(), url, "--quiet", "--output=json",
                "--output-path=" + out.toAbsolutePath(), "--form-factor=mobile", "--max-wait-for-load=30000",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run"
                        + " --disable-background-networking --disable-component-update --disable-sync --user-data-dir=" + profile)
                .redirectErrorStream(true);
        pb.environment().put("CHROME_PATH", chromium.toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("lighthouse finished: " + log).isTrue();
        assertThat(p.exitValue()).as("lighthouse: " + log).isZero();
        return JSON.readTree(out.toFile());
    }

    /** The audits of a category that did not pass, for the failure message. */
    private static String failing(JsonNode report, String category) {
        List<String> out = new ArrayList<>();
        for (JsonNode ref : report.at("/categories/" + category + "/auditRefs")) {
            JsonNode a = report.path("audits").path(ref.path("id").asText());
            if (ref.path("weight").asDouble() > 0 && !a.path("score").isNull() && a.path("score").asDouble(1) < 1) {
                out.add(a.path("id").asText() + " " + a.path("displayValue").asText(""));
            }
        }
        return String.join("; ", out);
    }
}
