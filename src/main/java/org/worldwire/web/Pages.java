package org.worldwire.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.model.Story;
import org.worldwire.search.SearchHit;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchSyntaxException;
import org.worldwire.store.ArticleQuery;
import org.worldwire.web.Views.AdSlot;
import org.worldwire.web.Views.ArticlePage;
import org.worldwire.web.Views.Choice;
import org.worldwire.web.Views.Chrome;
import org.worldwire.web.Views.CountryLink;
import org.worldwire.web.Views.FacetGroup;
import org.worldwire.web.Views.FacetLink;
import org.worldwire.web.Views.FeedLink;
import org.worldwire.web.Views.Item;
import org.worldwire.web.Views.Meta;
import org.worldwire.web.Views.River;
import org.worldwire.web.Views.SearchResult;
import org.worldwire.web.Views.StoryList;
import org.worldwire.web.Views.StoryPage;

/** The reader site's HTML pages: parse the request, one query, render, send with an ETag. */
final class Pages {
    private static final long SECOND = 1_000_000_000L;
    private final Site site;
    private final Templates templates;
    private final ResponseCache cache;
    /**
     * Article id to the slug of its title, which never changes once stored: every article request checks its address
     * against it before the page cache, and reading the article from the store (its text parsed) on each request cost
     * more than serving the cached page.
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, String> articleSlugs = new java.util.concurrent.ConcurrentHashMap<>();

    Pages(Site site, Templates templates, ResponseCache cache) {
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    // ---- home ----------------------------------------------------------------------------------------

    void home(Context ctx) {
        Consent consent = Http.consent(ctx, site.config);
        Rendered r = cache.get("home|" + consent, SECOND, 30 * SECOND, () -> {
            List<Story> top = site.topStories(null, null, site.config.riverSize());
            List<CountryLink> countries = site.countriesOfStories(top, 16);
            WebConfig c = site.config;
            Meta meta = new Meta(c.siteName() + " — " + c.tagline(),
                    c.tagline() + ": the top stories from sources around the world, as they break.", site.abs("/"),
                    "website", null, ApiJson.forScript(Map.of("@context", "https://schema.org", "@type", "WebSite",
                            "name", c.siteName(), "url", site.abs("/"),
                            "potentialAction", Map.of("@type", "SearchAction",
                                    "target", site.abs("/search?q={query}"), "query-input", "required name=query"))),
                    storyFeeds(new FeedsOut.Channel(c.siteName() + " — top stories", c.tagline(), "/", true)));
            return render("home", ctx, consent, "/", meta, Map.of(
                    "stories", new StoryList(site.storyEntries(top), ""), "countries", countries));
        });
        Http.sendPage(ctx, r, consent, site.config);
    }

    private River river(List<Article> list, String filterSource, String filterCountries, @Nullable String olderBase) {
        long last = list.stream().mapToLong(Article::id).max().orElse(0);
        String older = olderBase != null && list.size() >= site.config.riverSize()
                ? olderBase + "?before=" + list.getLast().id() : null;
        return new River(site.items(list, true), last, filterSource, filterCountries, older);
    }

    // ---- article and story ---------------------------------------------------------------------------

    void article(Context ctx) {
        String idSlug = ctx.pathParam("idslug");
        int dash = idSlug.indexOf('-');
        long id = parseId(dash < 0 ? idSlug : idSlug.substring(0, dash));
        String slug = articleSlugs.get(id);
        Article known = null;
        if (slug == null) {
            known = site.articles.find(id).orElseThrow(() -> new NotFoundResponse("No article " + id));
            slug = Text.slug(known.title());
            if (articleSlugs.size() >= ResponseCache.MAX_ENTRIES) articleSlugs.clear();
            articleSlugs.put(id, slug);
        }
        String canonical = Site.articlePath(id, slug);
        String givenSlug = dash < 0 ? "" : idSlug.substring(dash + 1);
        if (!givenSlug.equals(slug) && !givenSlug.equals(decode(slug))) {
            ctx.redirect(canonical, io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Consent consent = Http.consent(ctx, site.config);
        Article first = known;
        // other reports of its story may arrive at any time: kept briefly, as the story pages are
        Rendered r = cache.get("article|" + id + "|" + consent, 2 * SECOND, 30 * SECOND, () -> {
            Article a = first != null ? first
                    : site.articles.find(id).orElseThrow(() -> new NotFoundResponse("No article " + id));
            ArticlePage page = articlePage(a, consent);
            Source s = site.sourceOrUnknown(a.sourceId());
            Meta meta = new Meta(a.title() + " — " + s.title(), Text.excerpt(a.paragraphs(), a.summary(), 160),
                    site.abs(canonical), "article", Urls.httpOrNull(a.leadImage()), newsArticleJsonLd(a, s), List.of());
            return render("article", ctx, consent, canonical, meta, Map.of("a", page));
        });
        Http.sendPage(ctx, r, consent, site.config);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    ArticlePage articlePage(Article a, Consent consent) {
        Item item = site.item(a, site.clock.instant(), false);
        List<String> paragraphs = site.shownParagraphs(a);
        String image = Urls.httpOrNull(a.leadImage());
        boolean allowImage = image != null && (consent.thirdPartyAllowed() || image.startsWith(site.config.baseUrl() + "/"));
        WebConfig.Ads ads = site.config.ads();
        AdSlot inline = null, side = null;
        if (ads.enabled()) {
            boolean tag = consent.thirdPartyAllowed() && ads.hasThirdPartyTag();
            inline = new AdSlot("ad-inline", ads.houseAdHtml(), tag ? Urls.httpOrNull(ads.adTagScriptUrl()) : null,
                    tag ? ads.adTagHtml() : null);
            side = new AdSlot("ad-side", ads.houseAdHtml(), tag ? Urls.httpOrNull(ads.adTagScriptUrl()) : null,
                    tag ? ads.adTagHtml() : null);
        }
        int adAfter = Math.max(1, Math.min(ads.paragraphAfter(), paragraphs.size()));
        String original = Urls.httpOrNull(a.url());
        List<Item> related = site.items(site.otherReports(a, 5), false);
        return new ArticlePage(item, a.byline(), paragraphs, site.fullText(a), original == null ? "#" : original,
                allowImage ? image : null, image != null && !allowImage, inline, side, adAfter,
                a.storyId() == 0 ? null : Site.storyPath(a.storyId()),
                related);
    }

    private String newsArticleJsonLd(Article a, Source s) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", a.title());
        ld.put("url", site.abs(Site.articlePath(a)));
        ld.put("mainEntityOfPage", site.abs(Site.articlePath(a)));
        ld.put("datePublished", Text.iso(a.shownTime()));
        ld.put("dateModified", Text.iso(a.discovered()));
        ld.put("isBasedOn", a.url());
        if (a.byline() != null) ld.put("author", Map.of("@type", "Person", "name", a.byline()));
        ld.put("publisher", Map.of("@type", "Organization", "name", s.title()));
        String image = Urls.httpOrNull(a.leadImage());
        if (image != null) ld.put("image", List.of(image));
        if (a.language() != null) ld.put("inLanguage", a.language());
        ld.put("description", Text.excerpt(a.paragraphs(), a.summary(), 200));
        return ApiJson.forScript(ld);
    }

    void story(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        Story st = site.stories.find(id).orElseThrow(() -> new NotFoundResponse("No story " + id));
        if (st.id() != id) {
            // folded into another story when the two turned out to be one event
            ctx.redirect(Site.storyPath(st.id()), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Consent consent = Http.consent(ctx, site.config);
        Rendered r = cache.get("story|" + id + "|" + consent, SECOND, 30 * SECOND, () -> {
            StoryPage page = site.storyPage(st, site.stories.articles(id, MAX_STORY_ARTICLES));
            String lead = st.summary() != null ? st.summary() : "Every report of this story: " + st.title();
            Meta meta = new Meta(st.title() + " — full coverage", Site.coverage(st.sources(), st.sourceCountries())
                    + ". " + lead, site.abs(Site.storyPath(id)), "website", null, null, List.of());
            return render("story", ctx, consent, Site.storyPath(id), meta, Map.of("page", page));
        });
        Http.sendPage(ctx, r, consent, site.config);
    }

    private static final int MAX_STORY_ARTICLES = 500;

    // ---- sections ------------------------------------------------------------------------------------

    void source(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        Source s = site.source(id).orElseThrow(() -> new NotFoundResponse("No source " + id));
        Long before = beforeParam(ctx);
        Consent consent = Http.consent(ctx, site.config);
        String path = Site.sourcePath(id);
        Rendered r = cache.get("source|" + id + "|" + before + "|" + consent, SECOND, 30 * SECOND, () -> {
            ArticleQuery q = ArticleQuery.latest(site.config.riverSize()).withSource(id);
            List<Article> list = site.articles.list(before == null ? q : q.before(before));
            String country = Text.iso2(s.country());
            String lead = "Updates from " + s.title() + (country == null ? "" : ", " + Text.countryName(country)) + ".";
            FeedsOut.Channel ch = new FeedsOut.Channel(s.title() + " — " + site.config.siteName(), lead, path);
            Meta meta = new Meta(s.title() + " — " + site.config.siteName(), lead, site.abs(path), "website", null, null,
                    feeds(ch));
            return section(ctx, consent, path, meta, s.title(), lead, river(list, String.valueOf(id), "", path), null,
                    country == null ? List.of() : List.of(site.countryLink(country, 0)));
        });
        Http.sendPage(ctx, r, consent, site.config);
    }

    void country(Context ctx) {
        String iso2 = Text.iso2(ctx.pathParam("iso2"));
        if (iso2 == null) throw new NotFoundResponse("No country " + ctx.pathParam("iso2"));
        if (!ctx.pathParam("iso2").equals(iso2.toLowerCase(java.util.Locale.ROOT))) {
            ctx.redirect(Site.countryPath(iso2), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Consent consent = Http.consent(ctx, site.config);
        String path = Site.countryPath(iso2);
        Rendered r = cache.get("country|" + iso2 + "|" + consent, SECOND, 30 * SECOND, () -> {
            List<Story> top = site.topStories(iso2, null, site.config.riverSize());
            String name = Text.countryName(iso2);
            String lead = "The top stories about " + name + ".";
            Meta meta = new Meta(name + " — " + site.config.siteName(), lead, site.abs(path), "website", null, null,
                    storyFeeds(new FeedsOut.Channel(name + " — " + site.config.siteName(), lead, path, true)));
            List<CountryLink> here = List.of();
            Optional<String> region = site.regions.regionOf(iso2);
            return section(ctx, consent, path, meta, Text.flag(iso2) + " " + name,
                    lead + region.map(rg -> " Part of " + rg + ".").orElse(""), null,
                    new StoryList(site.storyEntries(top), iso2), here);
        });
        Http.sendPage(ctx, r, consent, site.config);
    }

    void region(Context ctx) {
        String region = site.regions.bySlug(ctx.pathParam("name"));
        if (region == null) throw new NotFoundResponse("No region " + ctx.pathParam("name"));
        Consent consent = Http.consent(ctx, site.config);
        String path = Site.regionPath(region);
        Rendered r = cache.get("region|" + region + "|" + consent, SECOND, 30 * SECOND, () -> {
            java.util.Set<String> members = java.util.Set.copyOf(site.regions.countriesIn(region));
            List<Story> top = site.topStories(null, members, site.config.riverSize());
            String lead = "The top stories from " + region + ".";
            Meta meta = new Meta(region + " — " + site.config.siteName(), lead, site.abs(path), "website", null, null,
                    storyFeeds(new FeedsOut.Channel(region + " — " + site.config.siteName(), lead, path, true)));
            List<CountryLink> countries = site.countriesOfStories(top, 40).stream()
                    .filter(c -> members.contains(c.iso2())).toList();
            return section(ctx, consent, path, meta, region, lead, null,
                    new StoryList(site.storyEntries(top), String.join(" ", members)), countries);
        });
        Http.sendPage(ctx, r, consent, site.config);
    }

    /** The world map: countries shaded by how many articles mentioned them in the last 24 hours. */
    void map(Context ctx) {
        Consent consent = Http.consent(ctx, site.config);
        Rendered r = cache.get("map|" + consent, 30 * SECOND, 60 * SECOND, () -> {
            var counts = site.articles.countriesSince(site.clock.instant().minus(java.time.Duration.ofHours(24)));
            String lead = "Where the news of the last 24 hours happened: the darker a country, the more stories mention it.";
            Meta meta = new Meta("World map — " + site.config.siteName(), lead, site.abs("/map"), "website", null, null,
                    List.of());
            // Our own markup from bundled shapes; the renderer escapes the country names it writes.
            gg.jte.Content svg = output -> output.writeContent(WorldMap.SVG.render(counts, Text::countryName));
            return render("map", ctx, consent, "/map", meta, Map.of("lead", lead, "svg", svg,
                    "total", counts.values().stream().mapToInt(Integer::intValue).sum()));
        });
        Http.sendPage(ctx, r, consent, site.config);
    }

    /** Read at the first map page, not when the server starts: mending its outlines took a part of every start. */
    private static final class WorldMap {
        static final org.worldwire.web.map.WorldMapSvg SVG = org.worldwire.web.map.WorldMapSvg.load();
    }

    // ---- search and privacy --------------------------------------------------------------------------

    /** Results a search page shows; more come by the cursor link. */
    static final int SEARCH_PAGE = 20;

    /**
     * The search page: news-ranked results with highlighted passages, facet counts that narrow the search as links,
     * a link to the next results, and a query the syntax refuses explained on the page with status 400. The same
     * search within a second is served from the cache (readers of a breaking story type the same words at once).
     */
    void search(Context ctx) {
        SearchQuery sq = Api.searchQuery(ctx, SEARCH_PAGE, java.util.EnumSet.allOf(SearchQuery.Facet.class), true);
        Consent consent = Http.consent(ctx, site.config);
        ctx.header("X-Robots-Tag", "noindex");
        Rendered r;
        try {
            r = cache.get("search|" + consent + "|" + sq, SECOND, SECOND, () -> searchPage(ctx, consent, sq, null));
        } catch (SearchSyntaxException e) {
            r = searchPage(ctx, consent, sq, e.getMessage());
            Http.applyPageHeaders(ctx, consent, site.config);
            ctx.status(400).contentType(r.contentType()).result(r.body());
            return;
        } catch (org.worldwire.search.SearchUnavailableException e) {
            // A search cluster that does not answer costs the reader this page, not the site.
            r = searchPage(ctx, consent, sq, "Search is unavailable right now. Please try again in a moment.");
            Http.applyPageHeaders(ctx, consent, site.config);
            ctx.status(503).header("Retry-After", "5").contentType(r.contentType()).result(r.body());
            return;
        }
        Http.sendPage(ctx, r, consent, site.config);
    }

    private Rendered searchPage(Context ctx, Consent consent, SearchQuery sq, @Nullable String error) {
        String q = sq.text();
        List<SearchResult> results = new ArrayList<>();
        List<FacetGroup> facets = List.of();
        long total = 0;
        boolean exact = true;
        String more = null;
        if (error == null && !q.isEmpty()) {
            org.worldwire.search.SearchResult found = site.search.search(sq);
            Instant now = site.clock.instant();
            for (SearchHit h : found.hits()) {
                site.articles.find(h.articleId()).ifPresent(a ->
                        results.add(new SearchResult(site.item(a, now, false), Snippets.safe(h.snippetHtml()))));
            }
            total = found.total();
            exact = found.totalExact();
            facets = facetGroups(ctx, sq, found);
            if (found.nextCursor() != null) more = searchHref(ctx, "cursor", found.nextCursor());
        }
        String title = q.isEmpty() ? "Search" : q + " — search";
        Meta meta = new Meta(title + " — " + site.config.siteName(), "Search the latest news from around the world.",
                site.abs("/search"), "website", null, null, List.of());
        String order = sq.order().name().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("q", q);
        params.put("order", order);
        params.put("results", results);
        params.put("countries", countryChoices(sq.filters().country()));
        params.put("languages", languageChoices(sq.filters().language()));
        params.put("facets", facets);
        params.put("total", (exact ? "" : "more than ") + total);
        params.put("error", error == null ? "" : error);
        params.put("more", more == null ? "" : more);
        params.put("paged", sq.cursor() != null);
        return render("search", ctx, consent, "/search", meta, params);
    }

    /** Facet counts as links that add the value to the search's filters; a value already filtered on removes it. */
    private List<FacetGroup> facetGroups(Context ctx, SearchQuery sq, org.worldwire.search.SearchResult found) {
        List<FacetGroup> out = new ArrayList<>();
        for (var e : found.facets().entrySet()) {
            String param = e.getKey().name().toLowerCase(java.util.Locale.ROOT);
            String active = switch (e.getKey()) {
                case COUNTRY -> sq.filters().country();
                case LANGUAGE -> sq.filters().language();
                case SOURCE -> sq.filters().sourceId() == null ? null : sq.filters().sourceId().toString();
            };
            List<FacetLink> links = new ArrayList<>();
            for (var c : e.getValue()) {
                String label = switch (e.getKey()) {
                    case COUNTRY -> Text.countryName(c.value());
                    case LANGUAGE -> Text.languageName(c.value());
                    case SOURCE -> sourceName(c.value());
                };
                boolean on = c.value().equalsIgnoreCase(String.valueOf(active));
                String value = e.getKey() == SearchQuery.Facet.COUNTRY ? c.value().toLowerCase(java.util.Locale.ROOT) : c.value();
                links.add(new FacetLink(label, c.count(), searchHref(ctx, param, on ? null : value), on));
                if (links.size() == 12) break;
            }
            if (!links.isEmpty()) {
                String name = switch (e.getKey()) {
                    case COUNTRY -> "Country";
                    case LANGUAGE -> "Language";
                    case SOURCE -> "Source";
                };
                out.add(new FacetGroup(name, links));
            }
        }
        out.sort(java.util.Comparator.comparing(FacetGroup::name));
        return out;
    }

    private String sourceName(String id) {
        try {
            return site.source(Long.parseLong(id)).map(org.worldwire.model.Source::title).orElse("Source " + id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** This search's address with one parameter set (or removed when null) and, but for the cursor itself, page one. */
    private static String searchHref(Context ctx, String name, @Nullable String value) {
        StringBuilder b = new StringBuilder("/search");
        char sep = '?';
        for (var e : new java.util.TreeMap<>(ctx.queryParamMap()).entrySet()) {
            if (e.getKey().equals(name) || e.getKey().equals("cursor")) continue;
            for (String v : e.getValue()) {
                if (v.isBlank()) continue;
                b.append(sep).append(enc(e.getKey())).append('=').append(enc(v));
                sep = '&';
            }
        }
        if (value != null) b.append(sep).append(enc(name)).append('=').append(enc(value));
        return b.toString();
    }

    private static final List<String> ALL_COUNTRIES = java.util.Arrays.stream(java.util.Locale.getISOCountries())
            .sorted(java.util.Comparator.comparing(Text::countryName)).toList();

    private static List<Choice> countryChoices(@Nullable String selected) {
        List<Choice> out = new ArrayList<>(ALL_COUNTRIES.size());
        for (String c : ALL_COUNTRIES) out.add(new Choice(c.toLowerCase(java.util.Locale.ROOT), Text.countryName(c), c.equals(selected)));
        return out;
    }

    /** The languages our sources publish in, and the one asked for even if none does. */
    private List<Choice> languageChoices(@Nullable String selected) {
        java.util.TreeMap<String, String> byName = new java.util.TreeMap<>();
        for (var s : site.allSources()) {
            String code = Text.languageCode(s.language());
            if (code != null) byName.put(Text.languageName(code), code);
        }
        if (selected != null) byName.put(Text.languageName(selected), selected);
        List<Choice> out = new ArrayList<>(byName.size());
        byName.forEach((name, code) -> out.add(new Choice(code, name, code.equals(selected))));
        return out;
    }

    void privacy(Context ctx) {
        Consent consent = Http.consent(ctx, site.config);
        Rendered r = cache.get("privacy|" + consent, 60 * SECOND, 60 * SECOND, () -> {
            Meta meta = new Meta("Privacy and cookies — " + site.config.siteName(),
                    "Which cookies " + site.config.siteName() + " sets, why, and for how long.", site.abs("/privacy"),
                    "website", null, null, List.of());
            return render("privacy", ctx, consent, "/privacy", meta, Map.of("cookies", site.config.cookieRows(),
                    "thirdParties", thirdPartyStatement()));
        });
        Http.sendPage(ctx, r, consent, site.config);
    }

    private String thirdPartyStatement() {
        WebConfig.Ads ads = site.config.ads();
        String images = "Article pages then also show the publisher's own picture, loaded from the publisher's server.";
        if (!ads.enabled()) return "Nothing about ads: this site shows none. " + images;
        if (!ads.hasThirdPartyTag()) {
            return "Advertisement slots show our own house ads, which load nothing from anyone else. " + images;
        }
        String origin = Urls.origin(ads.adTagScriptUrl());
        return "Advertisement slots then load an ad tag from a third party"
                + (origin == null ? "" : " (" + origin + ")")
                + ", which may set its own cookies under its own policy. Without acceptance they show our own house ads. "
                + images;
    }

    void notFound(Context ctx, String message) {
        error(ctx, 404, "Not found", message);
    }

    /** A request whose parameters are malformed: what was wrong, on a page. */
    void badRequest(Context ctx, String message) {
        error(ctx, 400, "Bad request", message);
    }

    private void error(Context ctx, int status, String title, String message) {
        Consent consent = Http.consent(ctx, site.config);
        Meta meta = new Meta(title + " — " + site.config.siteName(), message, site.abs("/"), "website", null, null, List.of());
        Rendered r = render("error", ctx, consent, "/", meta, Map.of("status", status, "message", message));
        Http.applyPageHeaders(ctx, consent, site.config);
        ctx.status(status).contentType(r.contentType()).result(r.body());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Rendered render(String template, Context ctx, Consent consent, String path, Meta meta,
            Map<String, Object> params) {
        Chrome chrome = site.chrome(consent, path);
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("chrome", chrome);
        all.put("meta", meta);
        return templates.page(template, all);
    }

    private Rendered section(Context ctx, Consent consent, String path, Meta meta, String heading, String lead,
            @Nullable River river, @Nullable StoryList stories, List<CountryLink> countries) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("heading", heading);
        params.put("lead", lead);
        params.put("river", river);
        params.put("stories", stories);
        params.put("countries", countries);
        return render("section", ctx, consent, path, meta, params);
    }

    /** Feeds of a page that leads with stories: its top stories. */
    private List<FeedLink> storyFeeds(FeedsOut.Channel ch) {
        return feeds(ch);
    }

    private List<FeedLink> feeds(FeedsOut.Channel ch) {
        return List.of(new FeedLink("RSS", "application/rss+xml", ch.feedPath("rss")),
                new FeedLink("Atom", "application/atom+xml", ch.feedPath("atom")),
                new FeedLink("JSON Feed", "application/feed+json", ch.feedPath("json")));
    }

    static long parseId(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            throw new NotFoundResponse("No such page");
        }
        return Long.parseLong(s);
    }

    private static @Nullable Long beforeParam(Context ctx) {
        String b = ctx.queryParam("before");
        if (b == null || b.isBlank()) return null;
        try {
            long v = Long.parseLong(b.strip());
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw new Api.BadRequest("before must be the positive id of an article, as in the 'Older updates' link, was '" + b + "'");
    }
}
