package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;

/** The site, API, feeds and sitemaps over a real store and index, asked through HTTP on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SiteFixture site;
    private Source lemonde, wire, hostile;
    private Article paris, again, tokyo, arabic, evil, fullText;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new SiteFixture(dir, WebConfig.defaults().withAds(WebConfig.Ads.defaults()
                .withAdTag("http://127.0.0.1:1/adtag.js", null)));
        lemonde = site.source("Le Journal", "FR", DisplayPolicy.EXCERPT);
        wire = site.source("Open Wire", "JP", DisplayPolicy.FULL_TEXT);
        hostile = site.source("<b>Evil</b> & Co", null, DisplayPolicy.EXCERPT);
        paris = site.publish(lemonde, "Paris hosts climate summit as talks stall",
                List.of("First paragraph about the summit in Paris.", "Second paragraph.", "Third paragraph.",
                        "Fourth paragraph with the end."), List.of("FR"), "en", "Jeanne Reporter", "http://127.0.0.1:1/lead.jpg");
        // a later report of the same story, as the clusterer would place it
        again = site.publish(lemonde, "Paris climate summit talks stall again", List.of("More."), List.of("FR"), List.of("FR"),
                "en", null, null, paris.id(), 0);
        tokyo = site.publish(wire, "Tokyo markets close higher on tech rally",
                List.of("Stocks rose in Tokyo.", "Tech led gains.", "Exporters rallied.", "The yen slipped.", "Analysts expect more."),
                List.of("JP"));
        arabic = site.publish(wire, "قمة المناخ في باريس تتعثر", List.of("نص عربي عن القمة."), List.of("FR"), "ar", null, null);
        evil = site.publish(hostile, "<script>alert('x')</script> headline", List.of("<img src=x onerror=alert(1)>"), List.of());
        fullText = site.publish(wire, "Tokyo markets extend rally into second day",
                List.of("Stocks rose again in Tokyo on Tuesday."), List.of("JP"));
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void homeShowsTaglineAndTheLatestNewestFirst() throws Exception {
        HttpResponse<String> r = site.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("Fastest News Updates around the World");
        assertThat(html.indexOf("Tokyo markets extend rally")).isLessThan(html.indexOf("Paris hosts climate summit"));
        assertThat(html).contains("href=\"/region/europe\"").contains("href=\"/country/fr\"");
        assertThat(html).contains("<time datetime=").contains("title=\"").contains("just now");
    }

    @Test
    void theMapShadesCountriesOfTodaysNewsAndLinksEachToItsPage() throws Exception {
        HttpResponse<String> r = site.get("/map");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        String html = r.body();
        assertThat(html).contains("<svg").contains("href=\"/country/fr\"").contains("href=\"/country/jp\"");
        // France is mentioned by three of today's articles, Japan by two: both are counted.
        assertThat(html).contains("aria-label=\"France: 3 stories\"").contains("aria-label=\"Japan: 2 stories\"");
    }

    @Test
    void firstVisitShowsTheBannerAndSetsNoCookieAndLinksNothingThirdParty() throws Exception {
        HttpResponse<String> r = site.get(Site.articlePath(paris));
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(r.body()).contains("id=\"consent\"").contains("id=\"consent-accept\"")
                .contains("id=\"consent-reject\"").contains("id=\"consent-settings\"").contains("href=\"/privacy\">Read More");
        // no script, stylesheet or image from anywhere else; the publisher's picture is withheld
        assertThat(r.body()).doesNotContainPattern("(src|href)=\"https?://[^\"]*\\.(js|css|jpg)")
                .doesNotContain("adtag.js").contains("class=\"withheld\"");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self';"));
    }

    @Test
    void globalPrivacyControlCountsAsRejection() throws Exception {
        HttpResponse<String> r = site.get(Site.articlePath(paris), "Sec-GPC", "1", "Cookie", "ww_consent=accept");
        assertThat(r.body()).doesNotContain("id=\"consent\"").doesNotContain("adtag.js").contains("Global Privacy Control");
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void acceptingStoresTheChoiceInOneFirstPartyCookieAndEnablesTheAdTag() throws Exception {
        HttpResponse<String> post = site.postForm("/consent", "choice=accept&return=" + Site.articlePath(paris),
                "Origin", site.base());
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(post.headers().firstValue("Location")).hasValue(Site.articlePath(paris));
        assertThat(post.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("ww_consent=accept;").contains("Max-Age=15552000").contains("SameSite=Lax").contains("Path=/");
        HttpResponse<String> page = site.get(Site.articlePath(paris), "Cookie", "ww_consent=accept");
        assertThat(page.body()).doesNotContain("id=\"consent\"").contains("<script async src=\"http://127.0.0.1:1/adtag.js\">")
                .contains("<img src=\"http://127.0.0.1:1/lead.jpg\"");
    }

    @Test
    void rejectingShowsHouseAdsOnly() throws Exception {
        HttpResponse<String> post = site.postForm("/consent", "choice=reject&return=/", "Origin", site.base());
        assertThat(post.headers().allValues("Set-Cookie")).singleElement().asString().startsWith("ww_consent=reject;");
        HttpResponse<String> page = site.get(Site.articlePath(paris), "Cookie", "ww_consent=reject");
        assertThat(page.body()).doesNotContain("id=\"consent\"").doesNotContain("adtag.js").contains("class=\"ad-house\"");
    }

    @Test
    void settingsStoresNothingAndOpensTheChoices() throws Exception {
        HttpResponse<String> post = site.postForm("/consent", "choice=settings&return=/", "Origin", site.base());
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(post.headers().firstValue("Location")).hasValue("/privacy#choices");
        assertThat(post.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void consentFromAnotherSiteIsRefusedAndReturnPathsStayLocal() throws Exception {
        assertThat(site.postForm("/consent", "choice=accept", "Origin", "http://127.0.0.2:8080").statusCode()).isEqualTo(403);
        HttpResponse<String> r = site.postForm("/consent", "choice=reject&return=//elsewhere.example/x", "Origin", site.base());
        assertThat(r.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void articlePageShowsHeadlineSourceBylineExcerptOriginalLinkAndBothAdSlots() throws Exception {
        String html = site.get(Site.articlePath(paris)).body();
        assertThat(html).contains("<h1 dir=\"auto\">Paris hosts climate summit as talks stall</h1>")
                .contains("Le Journal").contains("France").contains("\uD83C\uDDEB\uD83C\uDDF7")
                .contains("Jeanne Reporter").contains("Read the full story at Le Journal")
                .contains("href=\"" + paris.url() + "\"").contains("This is an excerpt.");
        assertThat(html).contains("id=\"ad-inline\"").contains("id=\"ad-side\"");
        assertThat(html.split("<span class=\"ad-label\">Advertisement</span>", -1)).hasSize(3);
    }

    @Test
    void fullTextSourcesShowEveryParagraphWithTheAdAfterTheThird() throws Exception {
        String html = site.get(Site.articlePath(tokyo)).body();
        assertThat(html).contains("Analysts expect more.").doesNotContain("This is an excerpt.");
        int third = html.indexOf("<p>Exporters rallied.</p>");
        int ad = html.indexOf("id=\"ad-inline\"");
        int fourth = html.indexOf("<p>The yen slipped.</p>");
        assertThat(third).isLessThan(ad);
        assertThat(ad).isLessThan(fourth);
    }

    @Test
    void articleMetadataHasCanonicalOpenGraphAndNewsArticleJsonLd() throws Exception {
        String html = site.get(Site.articlePath(paris)).body();
        assertThat(html).contains("<link rel=\"canonical\" href=\"http://127.0.0.1" + Site.articlePath(paris) + "\">")
                .contains("<meta property=\"og:type\" content=\"article\">")
                .contains("<meta property=\"og:title\" content=\"Paris hosts climate summit as talks stall — Le Journal\">")
                .contains("<meta name=\"description\" content=\"First paragraph");
        String ld = html.substring(html.indexOf("<script type=\"application/ld+json\">") + 35);
        JsonNode node = JSON.readTree(ld.substring(0, ld.indexOf("</script>")));
        assertThat(node.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(node.get("headline").asText()).isEqualTo(paris.title());
        assertThat(node.get("author").get("name").asText()).isEqualTo("Jeanne Reporter");
    }

    @Test
    void sourceTextIsEscapedEverywhere() throws Exception {
        for (String path : List.of("/", Site.articlePath(evil), "/source/" + hostile.id())) {
            String html = site.get(path).body();
            assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>Evil</b>");
        }
        assertThat(site.get(Site.articlePath(evil)).body()).contains("&lt;script&gt;alert(");
        String ld = site.get(Site.articlePath(evil)).body();
        assertThat(ld.substring(ld.indexOf("application/ld+json"))).doesNotContain("<script>alert");
    }

    @Test
    void rightToLeftTitlesCarryTheirLanguageAndDirAuto() throws Exception {
        String html = site.get(Site.articlePath(arabic)).body();
        assertThat(html).contains("<article class=\"article\" lang=\"ar\">").contains("<h1 dir=\"auto\">قمة المناخ في باريس تتعثر</h1>");
        assertThat(site.get("/").body()).contains("dir=\"auto\" lang=\"ar\">قمة المناخ");
    }

    @Test
    void articleUrlsCarryAReadableSlugAndOldSlugsRedirect() throws Exception {
        assertThat(Site.articlePath(paris)).isEqualTo("/article/" + paris.id() + "-paris-hosts-climate-summit-as-talks-stall");
        HttpResponse<String> r = site.get("/article/" + paris.id() + "-old-title");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue(Site.articlePath(paris));
        assertThat(site.get(Site.articlePath(arabic)).statusCode()).isEqualTo(200);
        assertThat(site.get("/article/999999-nothing").statusCode()).isEqualTo(404);
        assertThat(site.get("/article/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesAnswer304WhenTheEtagMatches() throws Exception {
        for (String path : List.of("/", Site.articlePath(paris), "/api/v1/articles", "/feed.rss")) {
            HttpResponse<String> first = site.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = site.get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    @Test
    void pagesAreCompressedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> gz = site.getBytes("/", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Fastest News Updates");
        }
        HttpResponse<byte[]> br = site.getBytes("/", "Accept-Encoding", "br");
        assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
    }

    @Test
    void apiListsArticlesWithFiltersAndCursorPagination() throws Exception {
        JsonNode page1 = JSON.readTree(site.get("/api/v1/articles?limit=2").body());
        assertThat(page1.get("articles")).hasSize(2);
        assertThat(page1.get("articles").get(0).get("id").asLong()).isEqualTo(fullText.id());
        String cursor = page1.get("next_cursor").asText();
        JsonNode page2 = JSON.readTree(site.get("/api/v1/articles?limit=2&cursor=" + cursor).body());
        assertThat(page2.get("articles").get(0).get("id").asLong()).isLessThan(Long.parseLong(cursor));

        JsonNode jp = JSON.readTree(site.get("/api/v1/articles?country=jp").body());
        assertThat(jp.get("articles")).extracting(n -> n.get("id").asLong()).containsExactly(fullText.id(), tokyo.id());
        JsonNode src = JSON.readTree(site.get("/api/v1/articles?source=" + lemonde.id()).body());
        assertThat(src.get("articles")).extracting(n -> n.get("title").asText()).containsExactly(again.title(), paris.title());
        assertThat(src.get("articles").get(0).get("source").get("country").asText()).isEqualTo("FR");
        JsonNode ar = JSON.readTree(site.get("/api/v1/articles?language=ar").body());
        assertThat(ar.get("articles")).extracting(n -> n.get("id").asLong()).containsExactly(arabic.id());
        JsonNode q = JSON.readTree(site.get("/api/v1/articles?q=tokyo").body());
        assertThat(q.get("articles")).extracting(n -> n.get("id").asLong()).containsExactly(fullText.id(), tokyo.id());
        // with q, pages follow the search's own cursor
        JsonNode q1 = JSON.readTree(site.get("/api/v1/articles?q=tokyo&limit=1").body());
        assertThat(q1.get("articles")).extracting(n -> n.get("id").asLong()).containsExactly(fullText.id());
        JsonNode q2 = JSON.readTree(site.get("/api/v1/articles?q=tokyo&limit=1&cursor=" + q1.get("next_cursor").asText()).body());
        assertThat(q2.get("articles")).extracting(n -> n.get("id").asLong()).containsExactly(tokyo.id());
        assertThat(q2.get("next_cursor").isNull()).isTrue();
        assertThat(site.get("/api/v1/articles?q=paris&cursor=" + q1.get("next_cursor").asText()).statusCode())
                .as("another search's cursor").isEqualTo(400);
        JsonNode since = JSON.readTree(site.get("/api/v1/articles?since=2100-01-01T00:00:00Z").body());
        assertThat(since.get("articles")).isEmpty();
    }

    @Test
    void apiAnswersBadParametersWith400AndAClearMessage() throws Exception {
        HttpResponse<String> r = site.get("/api/v1/articles?since=yesterday");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("since").contains("ISO-8601");
        assertThat(site.get("/api/v1/articles?limit=5000").statusCode()).isEqualTo(400);
        assertThat(site.get("/api/v1/articles?country=xyz").statusCode()).isEqualTo(400);
        assertThat(site.get("/api/v1/articles/123456789").statusCode()).isEqualTo(404);
    }

    @Test
    void apiGivesOneArticleTheSourcesAndTheOpenApiDescription() throws Exception {
        JsonNode a = JSON.readTree(site.get("/api/v1/articles/" + tokyo.id()).body());
        assertThat(a.get("full_text").asBoolean()).isTrue();
        assertThat(a.get("text").asText()).contains("Analysts expect more.");
        JsonNode p = JSON.readTree(site.get("/api/v1/articles/" + paris.id()).body());
        assertThat(p.get("full_text").asBoolean()).isFalse();
        assertThat(p.get("link").asText()).isEqualTo("http://127.0.0.1" + Site.articlePath(paris));
        JsonNode sources = JSON.readTree(site.get("/api/v1/sources").body());
        assertThat(sources.get("sources")).extracting(n -> n.get("title").asText()).contains("Le Journal", "Open Wire");
        JsonNode openapi = JSON.readTree(site.get("/api/openapi.json").body());
        assertThat(openapi.get("paths").has("/api/v1/stream")).isTrue();
    }

    @Test
    void feedsOutAreWellFormedForHomeAndSections() throws Exception {
        for (String path : List.of("/feed.rss", "/feed.atom", "/country/jp/feed.rss", "/country/jp/feed.atom",
                "/region/asia-pacific/feed.rss", "/source/" + lemonde.id() + "/feed.atom")) {
            HttpResponse<String> r = site.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            Document doc = xml(r.body());
            assertThat(doc.getDocumentElement().getTagName()).isIn("rss", "feed");
        }
        assertThat(site.get("/country/jp/feed.rss").body()).contains("Tokyo markets").doesNotContain("Paris hosts");
        JsonNode jf = JSON.readTree(site.get("/feed.json").body());
        assertThat(jf.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(jf.get("items").get(0).get("title").asText()).isEqualTo(fullText.title());
        assertThat(site.get("/country/jp/feed.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/feed.rss").body()).contains("&lt;script&gt;alert");
    }

    @Test
    void sitemapsListSectionsAndTheNewsOfTheLast48Hours() throws Exception {
        String sitemap = site.get("/sitemap.xml").body();
        xml(sitemap);
        assertThat(sitemap).contains("<loc>http://127.0.0.1/region/europe</loc>").contains("/country/jp</loc>")
                .contains(Site.articlePath(paris));
        String news = site.get("/news-sitemap.xml").body();
        xml(news);
        assertThat(news).contains("<news:title>Tokyo markets close higher on tech rally</news:title>")
                .contains("<news:language>ar</news:language>");
        assertThat(site.get("/robots.txt").body()).contains("Sitemap: http://127.0.0.1/news-sitemap.xml");
    }

    @Test
    void sectionPagesShowOnlyTheirArticles() throws Exception {
        String jp = site.get("/country/jp").body();
        assertThat(jp).contains("Tokyo markets close higher").doesNotContain("Paris hosts").contains("Japan");
        String europe = site.get("/region/europe").body();
        assertThat(europe).contains("Paris hosts").contains("قمة المناخ").doesNotContain("Tokyo markets close");
        String asia = site.get("/region/asia-pacific").body();
        assertThat(asia).contains("Tokyo markets close").doesNotContain("Paris hosts");
        String source = site.get("/source/" + lemonde.id()).body();
        assertThat(source).contains("Paris hosts").contains("talks stall again").doesNotContain("Tokyo markets");
        assertThat(site.get("/country/JP").statusCode()).isEqualTo(301);
        assertThat(site.get("/country/zz").statusCode()).isEqualTo(404);
        assertThat(site.get("/region/atlantis").statusCode()).isEqualTo(404);
        assertThat(site.get("/source/987654").statusCode()).isEqualTo(404);
    }

    @Test
    void searchHighlightsMatchesInRelevanceOrNewestOrder() throws Exception {
        String html = site.get("/search?q=tokyo").body();
        assertThat(html).contains("<mark>").contains("Tokyo markets close higher").contains("Tokyo markets extend rally");
        String newest = site.get("/search?q=tokyo&order=newest").body();
        assertThat(newest.indexOf("Tokyo markets extend")).isLessThan(newest.indexOf("Tokyo markets close"));
        assertThat(site.get("/search?q=%3Cscript%3E").body()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(site.get("/search").statusCode()).isEqualTo(200);
    }

    @Test
    void searchPageOffersFacetLinksMoreResultsAndExplainsSyntaxErrors() throws Exception {
        String html = site.get("/search?q=tokyo+OR+summit").body();
        assertThat(html).contains("aria-label=\"Narrow the search\"").contains("Language:")
                .contains("href=\"/search?q=tokyo+OR+summit&amp;language=en\"");
        var bad = site.get("/search?q=" + enc("\"prime minister"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("the quote at 1 is never closed").contains("value=\"&#34;prime minister\"");
        String first = site.get("/search?q=tokyo+OR+summit+OR+markets&limit=1").body();
        assertThat(first).contains("results for");
        var foreign = site.get("/search?q=tokyo&cursor=AAAA");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("cursor");
    }

    @Test
    void searchApiAnswersHitsTotalFacetsAndCursorsAndRefusesBadSyntax() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var page = json.readTree(site.get("/api/v1/search?q=tokyo&facets=country,language&limit=1&order=newest").body());
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("total_exact").asBoolean()).isTrue();
        assertThat(page.path("hits")).hasSize(1);
        assertThat(page.at("/hits/0/article/title").asText()).contains("Tokyo markets extend");
        assertThat(page.at("/hits/0/snippet_html").asText()).contains("<mark>");
        assertThat(page.at("/facets/language/0/value").asText()).isEqualTo("en");
        String cursor = page.path("next_cursor").asText();
        var second = json.readTree(site.get("/api/v1/search?q=tokyo&facets=country,language&limit=1&order=newest&cursor="
                + enc(cursor)).body());
        assertThat(second.at("/hits/0/article/title").asText()).contains("Tokyo markets close");
        var bad = site.get("/api/v1/search?q=" + enc("(flood"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("error").asText()).contains("'(' at 1 is never closed");
        assertThat(site.get("/api/v1/search?q=tokyo&cursor=" + enc(cursor)).statusCode()).isEqualTo(400);
        assertThat(site.get("/api/v1/search?q=tokyo&facets=colour").statusCode()).isEqualTo(400);
        assertThat(site.get("/api/v1/search?q=tokyo&from=2026-12-01&to=2026-11-30").statusCode()).isEqualTo(400);
    }

    @Test
    void searchFiltersByCountryAndLanguageAndKeepsTheChoiceInTheForm() throws Exception {
        assertThat(site.get("/search?q=tokyo&country=fr").body()).contains("0 results").doesNotContain("Tokyo markets close");
        String fr = site.get("/search?q=summit&country=FR&language=en").body();
        assertThat(fr).contains("Paris hosts climate summit").contains("<option value=\"fr\" selected>France</option>")
                .contains("<option value=\"en\" selected>English</option>");
        assertThat(site.get("/search?q=" + enc("القمة") + "&language=ar").body()).contains("قمة المناخ");
        assertThat(site.get("/search?q=" + enc("القمة") + "&language=en").body()).doesNotContain("قمة المناخ");
        // Unknown codes are refused with the reason, never silently dropped.
        var bad = site.get("/search?q=tokyo&country=zz");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("country must be an ISO 3166-1 alpha-2 code, was &#39;zz&#39;");
        assertThat(site.get("/search?q=tokyo&language=klingon").statusCode()).isEqualTo(400);
    }

    @Test
    void feedsOutFilterByLanguage() throws Exception {
        String ar = site.get("/feed.rss?language=ar").body();
        xml(ar);
        assertThat(ar).contains("قمة المناخ").doesNotContain("Tokyo markets").contains("(Arabic)");
        String frEnglish = site.get("/country/fr/feed.atom?language=EN").body();
        assertThat(frEnglish).contains("Paris hosts").doesNotContain("قمة المناخ");
        assertThat(site.get("/region/europe/feed.json?language=ar").body()).contains("قمة المناخ").doesNotContain("Paris hosts");
        assertThat(site.get("/source/" + wire.id() + "/feed.rss?language=ja").body()).doesNotContain("Tokyo markets");
        HttpResponse<String> bad = site.get("/feed.rss?language=english");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ISO 639");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void storyPageGathersTheReportsOfItsStory() throws Exception {
        String html = site.get(Site.storyPath(paris.id())).body();
        assertThat(html).contains("Paris hosts climate summit as talks stall").contains("Paris climate summit talks stall again")
                .doesNotContain("Tokyo markets");
        assertThat(site.get(Site.storyPath(again.id())).statusCode()).as("no story of its own").isEqualTo(404);
    }

    @Test
    void articlePagesListTheOtherReportsOfTheirStory() throws Exception {
        String html = site.get(Site.articlePath(again), "Cookie", "ww_consent=reject").body();
        assertThat(html).contains("Other reports").contains("Paris hosts climate summit as talks stall");
    }

    @Test
    void privacyPageIsGeneratedFromTheConfiguration() throws Exception {
        String html = site.get("/privacy").body();
        assertThat(html).contains("<code>ww_consent</code>").contains("180 days").contains("first-party")
                .contains("http://127.0.0.1:1").contains("id=\"choices\"").contains("not made yet");
        assertThat(site.get("/privacy", "Cookie", "ww_consent=reject").body()).contains("<strong id=\"current-choice\">rejected</strong>");
    }

    @Test
    void everyPageHasTheFooterChoicesLinkAndMetadata() throws Exception {
        for (String path : List.of("/", "/country/fr", "/region/asia-pacific", "/search?q=x", "/privacy", Site.articlePath(paris),
                Site.storyPath(paris.id()), "/source/" + wire.id())) {
            String html = site.get(path).body();
            assertThat(html).as(path).contains("id=\"privacy-choices\"").contains("<title>").contains("rel=\"canonical\"")
                    .contains("og:title").contains("name=\"description\"");
        }
    }

    @Test
    void healthAndMetricsReport() throws Exception {
        JsonNode h = JSON.readTree(site.get("/health").body());
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("articles").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(h.get("sources").asLong()).isEqualTo(3);
        site.get("/");
        assertThat(site.get("/metrics").body()).contains("worldwire_http_requests_seconds").contains("route=\"/\"");
    }

    @Test
    void staticAssetsAreSmallAndCachedForAYear() throws Exception {
        String html = site.get("/").body();
        String css = html.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\".*", "$1");
        HttpResponse<String> r = site.get(css);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(site.web.assetBytes()).isLessThan(12_000);
        assertThat(site.get("/static/site.css").statusCode()).isEqualTo(404);
    }

    private static Document xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }
}
