package org.worldwire.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.model.Story;
import org.worldwire.store.StoryQuery;
import org.worldwire.search.SearchHit;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchResult;
import org.worldwire.search.SearchSyntax;
import org.worldwire.store.ArticleQuery;

/** The JSON API, the feeds out, the sitemaps and the health check. */
final class Api {
    private static final long SECOND = 1_000_000_000L;
    private static final String JSON = "application/json; charset=utf-8";
    private static final String XML = "application/xml; charset=utf-8";

    /** A request the API cannot answer as asked: 400 with the message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private final Site site;
    private final ResponseCache cache;
    private final FeedsOut feeds;
    private final Rendered openApi;

    Api(Site site, ResponseCache cache) {
        this.site = site;
        this.cache = cache;
        this.feeds = new FeedsOut(site);
        try (InputStream in = Api.class.getResourceAsStream("/org/worldwire/web/openapi.json")) {
            if (in == null) throw new IllegalStateException("missing openapi.json");
            openApi = Rendered.of(in.readAllBytes(), JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- JSON API ------------------------------------------------------------------------------------

    void articles(Context ctx) {
        int limit = intParam(ctx, "limit", 20, 1, 100);
        String q = blankToNull(ctx.queryParam("q"));
        // With q the cursor is the search's own (opaque, refused with 400 on another search); without, an article id.
        String searchCursor = q == null ? null : blankToNull(ctx.queryParam("cursor"));
        Long cursor = q == null ? longParam(ctx, "cursor") : null;
        Long sourceId = longParam(ctx, "source");
        String country = countryParam(ctx);
        String language = languageParam(ctx);
        Instant since = instantParam(ctx, "since");
        String key = "api|" + limit + "|" + (q == null ? cursor : searchCursor) + "|" + sourceId + "|" + country + "|" + language
                + "|" + since + "|" + q;
        String fCountry = country, fLanguage = language;
        Rendered r = cache.get(key, SECOND / 2, 10 * SECOND, () -> {
            List<Article> list;
            String next = null;
            if (q == null) {
                list = site.articles.list(new ArticleQuery(sourceId, fCountry, fLanguage, since, cursor, limit + 1));
                if (list.size() > limit) {
                    list = list.subList(0, limit);
                    next = String.valueOf(list.getLast().id());
                }
            } else {
                SearchResult found = site.search.search(new SearchQuery(q, SearchQuery.Order.NEWEST,
                        new SearchQuery.Filters(fCountry, fLanguage, sourceId, null, null), java.util.Set.of(), searchCursor, limit, false));
                list = new ArrayList<>(found.hits().size());
                for (SearchHit h : found.hits()) {
                    // an article deleted since it was indexed, or discovered before since, is left out of its page
                    site.articles.find(h.articleId()).filter(a -> since == null || !a.discovered().isBefore(since)).ifPresent(list::add);
                }
                next = found.nextCursor();
            }
            List<ApiJson.ArticleJson> out = list.stream().map(a -> ApiJson.article(site, a)).toList();
            return Rendered.of(ApiJson.write(new ApiJson.ArticlePage(out, next)), JSON);
        });
        Http.send(ctx, r, "public, max-age=2");
    }

    /**
     * Full-text search with everything the port offers: hits in news, relevance or newest order, each with its
     * article and a highlighted passage, the total, facet counts and the next page's cursor. The same query within a
     * second is answered from the cache (a breaking story sends many readers to the same words at once).
     */
    void search(Context ctx) {
        int limit = intParam(ctx, "limit", 20, 1, 100);
        SearchQuery sq = searchQuery(ctx, limit, facetsParam(ctx), boolParam(ctx, "highlight", true));
        Rendered r = cache.get("api-search|" + sq, SECOND, SECOND, () -> {
            SearchResult found = site.search.search(sq);
            List<ApiJson.SearchHitJson> hits = new ArrayList<>(found.hits().size());
            for (SearchHit h : found.hits()) {
                site.articles.find(h.articleId()).ifPresent(a ->
                        hits.add(new ApiJson.SearchHitJson(ApiJson.article(site, a), h.score(), h.snippetHtml())));
            }
            java.util.Map<String, List<ApiJson.FacetJson>> facets = new java.util.TreeMap<>();
            found.facets().forEach((f, counts) -> facets.put(f.name().toLowerCase(Locale.ROOT),
                    counts.stream().map(c -> new ApiJson.FacetJson(c.value(), c.count())).toList()));
            return Rendered.of(ApiJson.write(new ApiJson.SearchPage(found.total(), found.totalExact(), hits, facets,
                    found.nextCursor())), JSON);
        });
        Http.send(ctx, r, "public, max-age=1");
    }

    /**
     * The search a request asks for, shared by the search page and the API: {@code q}, {@code order} (news, relevance
     * or newest), the filters {@code country}, {@code language}, {@code source}, {@code from} and {@code to} (an
     * instant, or a day: {@code to} a day includes that day) and {@code cursor}. A query longer than the syntax
     * allows is cut, not refused (a pasted paragraph still searches).
     */
    static SearchQuery searchQuery(Context ctx, int limit, java.util.Set<SearchQuery.Facet> facets, boolean highlight) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (q.length() > SearchSyntax.MAX_LENGTH) q = q.substring(0, SearchSyntax.MAX_LENGTH);
        String order = Optional.ofNullable(blankToNull(ctx.queryParam("order"))).orElse("news");
        SearchQuery.Order o = switch (order) {
            case "news" -> SearchQuery.Order.NEWS;
            case "relevance" -> SearchQuery.Order.RELEVANCE;
            case "newest" -> SearchQuery.Order.NEWEST;
            default -> throw new BadRequest("order must be 'news', 'relevance' or 'newest', was '" + order + "'");
        };
        SearchQuery.Filters filters;
        try {
            filters = new SearchQuery.Filters(countryParam(ctx), languageParam(ctx), longParam(ctx, "source"),
                    dayOrInstantParam(ctx, "from", false), dayOrInstantParam(ctx, "to", true));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        return new SearchQuery(q, o, filters, facets, blankToNull(ctx.queryParam("cursor")), limit, highlight);
    }

    private static java.util.Set<SearchQuery.Facet> facetsParam(Context ctx) {
        String v = blankToNull(ctx.queryParam("facets"));
        if (v == null) return java.util.Set.of();
        java.util.Set<SearchQuery.Facet> out = java.util.EnumSet.noneOf(SearchQuery.Facet.class);
        for (String f : v.split(",")) {
            try {
                out.add(SearchQuery.Facet.valueOf(f.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("facets must be a comma-separated list of country, language and source, was '" + v + "'");
            }
        }
        return out;
    }

    private static boolean boolParam(Context ctx, String name, boolean otherwise) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return otherwise;
        if (v.equals("true") || v.equals("1")) return true;
        if (v.equals("false") || v.equals("0")) return false;
        throw new BadRequest(name + " must be true or false, was '" + v + "'");
    }

    /** An ISO-8601 instant, or a day (YYYY-MM-DD, UTC): its start, or for an end the next day's start. */
    private static @Nullable Instant dayOrInstantParam(Context ctx, String name, boolean end) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return null;
        try {
            if (v.length() == 10) {
                java.time.LocalDate day = java.time.LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a day such as 2026-11-29 or an instant such as 2026-11-29T02:00:00Z, was '" + v + "'");
        }
    }

    /**
     * Stories, most recently updated first, with cursor paging; {@code order=top} ranks the last two days' stories
     * as the home page does (one page, no cursor). {@code q} finds stories with a report that matches.
     */
    void stories(Context ctx) {
        int limit = intParam(ctx, "limit", 20, 1, 100);
        String country = countryParam(ctx);
        String language = languageParam(ctx);
        Instant since = instantParam(ctx, "since");
        String q = blankToNull(ctx.queryParam("q"));
        StoryQuery.Cursor cursor = storyCursor(blankToNull(ctx.queryParam("cursor")));
        String order = Optional.ofNullable(blankToNull(ctx.queryParam("order"))).orElse("latest");
        if (!order.equals("latest") && !order.equals("top")) {
            throw new BadRequest("order must be 'latest' or 'top', was '" + order + "'");
        }
        if (order.equals("top") && (cursor != null || q != null)) {
            throw new BadRequest("order=top takes neither cursor nor q: it is one ranked page");
        }
        String key = "api-stories|" + limit + "|" + country + "|" + language + "|" + since + "|" + q + "|" + cursor + "|" + order;
        Rendered r = cache.get(key, SECOND / 2, 10 * SECOND, () -> {
            List<Story> list;
            String next = null;
            if (order.equals("top")) {
                list = site.topStories(country, null, language, limit);
                if (since != null) list = list.stream().filter(st -> !st.lastUpdate().isBefore(since)).toList();
            } else {
                StoryQuery sq = new StoryQuery(country, language, since, cursor, limit + 1);
                list = q == null ? site.stories.list(sq) : searchedStories(q, sq);
                if (list.size() > limit) {
                    list = list.subList(0, limit);
                    Story last = list.getLast();
                    next = last.lastUpdate().toEpochMilli() + "-" + last.id();
                }
            }
            List<ApiJson.StoryJson> out = list.stream().map(st -> ApiJson.story(site, st)).toList();
            return Rendered.of(ApiJson.write(new ApiJson.StoriesPage(out, next)), JSON);
        });
        Http.send(ctx, r, "public, max-age=2");
    }

    /** Stories with a report matching {@code q}, filtered and paged like the plain listing. */
    private List<Story> searchedStories(String q, StoryQuery sq) {
        List<SearchHit> hits = site.search.search(new SearchQuery(q, SearchQuery.Order.NEWEST,
                new SearchQuery.Filters(null, sq.language(), null, null, null), java.util.Set.of(), null, 1000, false)).hits();
        List<Long> ids = site.stories.storiesOf(hits.stream().map(SearchHit::articleId).toList());
        List<Story> found = new ArrayList<>();
        for (long id : ids) site.stories.find(id).ifPresent(found::add);
        Comparator<Story> newest = Comparator.comparing(Story::lastUpdate).thenComparing(Story::id).reversed();
        return found.stream().distinct()
                .filter(st -> sq.country() == null || st.countries().contains(sq.country()))
                .filter(st -> sq.language() == null || st.languages().contains(sq.language()))
                .filter(st -> sq.since() == null || !st.lastUpdate().isBefore(sq.since()))
                .filter(st -> sq.before() == null || newest.compare(st, new Story(sq.before().id(), "", null, 0,
                        sq.before().lastUpdate(), sq.before().lastUpdate(), 0, 0, 0, 0, List.of(), List.of())) > 0)
                .sorted(newest).limit(sq.limit()).toList();
    }

    private static StoryQuery.@Nullable Cursor storyCursor(@Nullable String v) {
        if (v == null) return null;
        int dash = v.indexOf('-');
        try {
            if (dash > 0) {
                long t = Long.parseLong(v.substring(0, dash));
                long id = Long.parseLong(v.substring(dash + 1));
                if (t >= 0 && id > 0) return new StoryQuery.Cursor(Instant.ofEpochMilli(t), id);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the 400 below
        }
        throw new BadRequest("cursor must be a next_cursor value from a previous page, such as 1764979200000-42, was '" + v + "'");
    }

    /** One story with every report, each with the copies reprinted from it. */
    void story(Context ctx) {
        long id = idParam(ctx.pathParam("id"));
        Story st = site.stories.find(id).orElseThrow(() -> new NotFoundResponse("no story " + id));
        Rendered r = cache.get("api-story|" + st.id(), SECOND, 10 * SECOND, () -> {
            List<Article> all = site.stories.articles(st.id(), 500);
            java.util.Map<Long, List<ApiJson.ArticleJson>> copies = new java.util.HashMap<>();
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (Article a : all) ids.add(a.id());
            List<Article> reports = new ArrayList<>();
            for (Article a : all) {
                if (a.isCopy() && ids.contains(a.copyOf())) {
                    copies.computeIfAbsent(a.copyOf(), k -> new ArrayList<>()).add(ApiJson.article(site, a));
                } else {
                    reports.add(a);
                }
            }
            List<ApiJson.ReportJson> out = reports.stream()
                    .map(a -> new ApiJson.ReportJson(ApiJson.article(site, a), copies.getOrDefault(a.id(), List.of()))).toList();
            return Rendered.of(ApiJson.write(new ApiJson.StoryDetail(ApiJson.story(site, st), out)), JSON);
        });
        Http.send(ctx, r, "public, max-age=2");
    }

    void article(Context ctx) {
        long id = idParam(ctx.pathParam("id"));
        Article a = site.articles.find(id).orElseThrow(() -> new NotFoundResponse("no article " + id));
        Http.send(ctx, Rendered.of(ApiJson.write(ApiJson.article(site, a)), JSON), "public, max-age=60");
    }

    void sources(Context ctx) {
        Rendered r = cache.get("api|sources", 5 * SECOND, 60 * SECOND, () -> {
            java.util.Map<Long, org.worldwire.store.SourceHealth> health = new java.util.HashMap<>();
            for (var h : site.sources.health()) health.put(h.source().id(), h);
            List<ApiJson.SourceJson> list = site.allSources().stream()
                    .sorted(Comparator.comparingLong(Source::id))
                    .map(s -> ApiJson.source(site, s, health.get(s.id()))).toList();
            return Rendered.of(ApiJson.write(new ApiJson.SourcesPage(list)), JSON);
        });
        Http.send(ctx, r, "public, max-age=5");
    }

    void openApi(Context ctx) {
        Http.send(ctx, openApi, "public, max-age=3600");
    }

    void health(Context ctx) {
        ApiJson.Health h = new ApiJson.Health("ok", site.articles.count(), site.allSources().size());
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(JSON).result(ApiJson.write(h));
    }

    /** The optional {@code language} filter: a lower-case ISO 639 code, null for any; anything else is refused. */
    static @Nullable String countryParam(Context ctx) {
        String country = blankToNull(ctx.queryParam("country"));
        if (country == null) return null;
        String iso = Text.iso2(country);
        if (iso == null) throw new BadRequest("country must be an ISO 3166-1 alpha-2 code, was '" + country + "'");
        return iso;
    }

    static @Nullable String languageParam(Context ctx) {
        String v = blankToNull(ctx.queryParam("language"));
        if (v == null) return null;
        String code = Text.languageCode(v);
        if (code == null) throw new BadRequest("language must be an ISO 639 code such as 'en' or 'fr', was '" + v + "'");
        return code;
    }

    // ---- feeds out -----------------------------------------------------------------------------------
    // Every feed takes ?language=xx, so a reader can follow, say, the French-language news about Africa.

    void homeFeed(Context ctx, String ext) {
        String lang = languageParam(ctx);
        FeedsOut.Channel ch = new FeedsOut.Channel(inLanguage(site.config.siteName(), lang), site.config.tagline(), "/");
        sendFeed(ctx, ext, ch.asStories(), lang, () -> site.leads(site.topStories(null, null, lang, site.config.riverSize())));
    }

    private static ArticleQuery withLanguage(ArticleQuery q, @Nullable String lang) {
        return lang == null ? q : q.withLanguage(lang);
    }

    private static String inLanguage(String title, @Nullable String lang) {
        return lang == null ? title : title + " (" + Text.languageName(lang) + ")";
    }

    void sourceFeed(Context ctx) {
        String ext = feedExt(ctx.pathParam("feed"));
        long id = idParam(ctx.pathParam("id"));
        Source s = site.source(id).orElseThrow(() -> new NotFoundResponse("no source " + id));
        String lang = languageParam(ctx);
        FeedsOut.Channel ch = new FeedsOut.Channel(inLanguage(s.title() + " — " + site.config.siteName(), lang),
                "Updates from " + s.title(), Site.sourcePath(id));
        sendFeed(ctx, ext, ch, lang,
                () -> site.articles.list(withLanguage(ArticleQuery.latest(site.config.riverSize()).withSource(id), lang)));
    }

    void countryFeed(Context ctx) {
        String ext = feedExt(ctx.pathParam("feed"));
        String iso2 = Text.iso2(ctx.pathParam("iso2"));
        if (iso2 == null) throw new NotFoundResponse("no country " + ctx.pathParam("iso2"));
        String name = Text.countryName(iso2);
        String lang = languageParam(ctx);
        FeedsOut.Channel ch = new FeedsOut.Channel(inLanguage(name + " — " + site.config.siteName(), lang),
                "The top stories about " + name, Site.countryPath(iso2));
        sendFeed(ctx, ext, ch.asStories(), lang,
                () -> site.leads(site.topStories(iso2, null, lang, site.config.riverSize())));
    }

    void regionFeed(Context ctx) {
        String ext = feedExt(ctx.pathParam("feed"));
        String region = site.regions.bySlug(ctx.pathParam("name"));
        if (region == null) throw new NotFoundResponse("no region " + ctx.pathParam("name"));
        String lang = languageParam(ctx);
        FeedsOut.Channel ch = new FeedsOut.Channel(inLanguage(region + " — " + site.config.siteName(), lang),
                "The top stories from " + region, Site.regionPath(region));
        java.util.Set<String> members = java.util.Set.copyOf(site.regions.countriesIn(region));
        sendFeed(ctx, ext, ch.asStories(), lang, () -> site.leads(site.topStories(null, members, lang, site.config.riverSize())));
    }

    private static String feedExt(String name) {
        return switch (name) {
            case "feed.rss" -> "rss";
            case "feed.atom" -> "atom";
            case "feed.json" -> "json";
            default -> throw new NotFoundResponse("no such feed " + name);
        };
    }

    private void sendFeed(Context ctx, String ext, FeedsOut.Channel ch, @Nullable String lang,
            java.util.function.Supplier<List<Article>> list) {
        Rendered r = cache.get("feed|" + ext + "|" + ch.path() + "|" + lang, SECOND, 60 * SECOND, () -> switch (ext) {
            case "rss" -> Rendered.of(feeds.rss(ch, list.get()), FeedsOut.RSS_TYPE);
            case "atom" -> Rendered.of(feeds.atom(ch, list.get()), FeedsOut.ATOM_TYPE);
            case "json" -> Rendered.of(feeds.json(ch, list.get()), FeedsOut.JSON_TYPE);
            default -> throw new NotFoundResponse("no such feed");
        });
        Http.send(ctx, r, "public, max-age=30");
    }

    // ---- sitemaps and robots -------------------------------------------------------------------------

    void sitemap(Context ctx) {
        Rendered r = cache.get("sitemap", 10 * SECOND, 300 * SECOND, () -> {
            StringBuilder b = new StringBuilder(64 * 1024);
            b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            url(b, "/", null, "always");
            for (String region : site.regions.regions()) url(b, Site.regionPath(region), null, "always");
            TreeSet<String> countries = new TreeSet<>();
            List<Article> latest = site.articles.list(ArticleQuery.latest(1000));
            for (Article a : latest) countries.addAll(site.countriesOf(a, site.sourceOrUnknown(a.sourceId())));
            for (String c : countries) url(b, Site.countryPath(c), null, "hourly");
            for (Source s : site.allSources()) url(b, Site.sourcePath(s.id()), null, "hourly");
            for (Article a : latest) url(b, Site.articlePath(a), a.discovered(), null);
            url(b, "/privacy", null, "monthly");
            b.append("</urlset>\n");
            return Rendered.of(b.toString(), XML);
        });
        Http.send(ctx, r, "public, max-age=60");
    }

    private void url(StringBuilder b, String path, @Nullable Instant lastmod, @Nullable String changefreq) {
        b.append("<url><loc>").append(FeedsOut.xml(site.abs(path))).append("</loc>");
        if (lastmod != null) b.append("<lastmod>").append(Text.iso(lastmod)).append("</lastmod>");
        if (changefreq != null) b.append("<changefreq>").append(changefreq).append("</changefreq>");
        b.append("</url>\n");
    }

    /** Google's news sitemap: articles of the last 48 hours, at most 1,000. */
    void newsSitemap(Context ctx) {
        Rendered r = cache.get("news-sitemap", 5 * SECOND, 60 * SECOND, () -> {
            Instant since = site.clock.instant().minus(Duration.ofHours(48));
            List<Article> recent = site.articles.list(ArticleQuery.latest(1000).since(since));
            StringBuilder b = new StringBuilder(64 * 1024);
            b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                    + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
            for (Article a : recent) {
                b.append("<url><loc>").append(FeedsOut.xml(site.abs(Site.articlePath(a)))).append("</loc><news:news>")
                        .append("<news:publication><news:name>").append(FeedsOut.xml(site.config.siteName()))
                        .append("</news:name><news:language>")
                        .append(FeedsOut.xml(a.language() == null ? "en" : a.language()))
                        .append("</news:language></news:publication><news:publication_date>")
                        .append(Text.iso(a.shownTime())).append("</news:publication_date><news:title>")
                        .append(FeedsOut.xml(a.title())).append("</news:title></news:news></url>\n");
            }
            b.append("</urlset>\n");
            return Rendered.of(b.toString(), XML);
        });
        Http.send(ctx, r, "public, max-age=60");
    }

    void robots(Context ctx) {
        String body = "User-agent: *\nDisallow: /search\nDisallow: /api/\n\nSitemap: " + site.abs("/sitemap.xml")
                + "\nSitemap: " + site.abs("/news-sitemap.xml") + "\n";
        Http.send(ctx, Rendered.of(body, "text/plain; charset=utf-8"), "public, max-age=3600");
    }

    // ---- parameters ----------------------------------------------------------------------------------

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static long idParam(String s) {
        try {
            long v = Long.parseLong(s);
            if (v > 0) return v;
        } catch (NumberFormatException ignored) {
            // falls through to the 404 below
        }
        throw new NotFoundResponse("no such id: " + s);
    }

    private static @Nullable Long longParam(Context ctx, String name) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return null;
        try {
            long l = Long.parseLong(v);
            if (l < 0) throw new BadRequest(name + " must not be negative, was " + v);
            return l;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number, was '" + v + "'");
        }
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) throw new BadRequest(name + " must be " + min + ".." + max + ", was " + v);
            return i;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number, was '" + v + "'");
        }
    }

    private static @Nullable Instant instantParam(Context ctx, String name) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be an ISO-8601 instant such as 2026-11-29T02:00:00Z, was '" + v + "'");
        }
    }
}
