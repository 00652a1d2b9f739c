package org.worldwire.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.events.EventBus;
import org.worldwire.search.SearchIndex;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.SourceStore;
import org.worldwire.store.StoryStore;

/**
 * The reader site, the JSON API, the live stream, feeds out, sitemaps, {@code /health} and {@code /metrics},
 * on one Javalin server. Reads only through the store and search ports; learns of new articles from
 * the {@link EventBus}. The application may add its own routes through {@link #javalin()} before
 * {@link #start}.
 */
public final class WebApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebApp.class);
    static final String STREAM = "/api/v1/stream";

    private final Site site;
    private final ResponseCache cache = new ResponseCache();
    private final LiveStream live;
    private final Pages pages;
    private final Api api;
    private final EventBus events;
    private final PrometheusMeterRegistry metrics;
    private final Javalin javalin;
    private @Nullable Runnable unsubscribe;

    public WebApp(WebConfig config, SourceStore sources, ArticleStore articles, StoryStore stories, SearchIndex search,
            EventBus events, PrometheusMeterRegistry metrics) {
        this(config, sources, articles, stories, search, events, metrics, RegionDirectory.builtIn(), InstantSource.system());
    }

    /** @param regions which countries make up each region section; @param clock the time pages are rendered at */
    public WebApp(WebConfig config, SourceStore sources, ArticleStore articles, StoryStore stories, SearchIndex search,
            EventBus events, PrometheusMeterRegistry metrics, RegionDirectory regions, InstantSource clock) {
        this.site = new Site(config, sources, articles, stories, search, regions, clock, new Assets());
        this.events = events;
        this.metrics = metrics;
        this.live = new LiveStream(site);
        this.pages = new Pages(site, new Templates(), cache);
        this.api = new Api(site, cache);
        this.javalin = create();
        Gauge.builder("worldwire.web.sse.clients", live, LiveStream::clients)
                .description("clients connected to the live stream").register(metrics);
    }

    /** The server, for routes the application adds (WebSub callback, admin); add them before {@link #start}. */
    public Javalin javalin() {
        return javalin;
    }

    /**
     * Loads and initialises the web server's classes (Javalin and its configuration, Jetty's server, Jackson's mapper)
     * on a thread of its own, so that a start does this on the second core while the store and the search index open
     * on the first, instead of after them. Harmless to call more than once or not at all.
     */
    public static void preload() {
        Thread.ofPlatform().name("web-preload").daemon().start(() -> {
            try {
                Javalin.create(cfg -> cfg.showJavalinBanner = false);
                Class.forName("org.eclipse.jetty.server.Server");
                Class.forName("org.eclipse.jetty.server.ServerConnector");
                ApiJson.MAPPER.writeValueAsString(java.util.Map.of("warm", 1));
                Rendered.loadBrotli();
            } catch (Exception | LinkageError e) {
                log.debug("web preload failed (the start loads the classes itself) error={}", e.toString());
            }
        });
    }

    /**
     * Starts serving and listening for stored articles.
     *
     * @param port 0 for any free port
     * @return the port it listens on
     */
    public int start(String host, int port) {
        unsubscribe = events.subscribe(e -> {
            cache.articleStored();
            live.publish(e);
        });
        javalin.start(host, port);
        log.info("web serving host={} port={} base_url={}", host, javalin.port(), site.config.baseUrl());
        return javalin.port();
    }

    /** {@link #stop}. */
    @Override
    public void close() {
        stop();
    }

    public void stop() {
        if (unsubscribe != null) unsubscribe.run();
        live.stop();
        javalin.stop();
        site.close();
    }

    /** HTML + CSS + JS bytes of a page, CSS and JS counted once: the page-weight figure. */
    public int assetBytes() {
        return site.assets.weight();
    }

    private Javalin create() {
        Timer.Builder timer = Timer.builder("worldwire.http.requests").description("HTTP requests served")
                .publishPercentiles(0.5, 0.99);
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;
            cfg.http.brotliAndGzipCompression();
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jetty.modifyServletContextHandler(h -> {
                h.addFilter(new org.eclipse.jetty.servlet.FilterHolder(new HttpFilters.HeadAsGet(STREAM)), "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                h.addFilter(new org.eclipse.jetty.servlet.FilterHolder(new HttpFilters.EventStreamAccepted()), STREAM,
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            });
            cfg.requestLogger.http((ctx, ms) -> timer.tags("method", ctx.method().name(), "route", route(ctx),
                    "status", String.valueOf(ctx.statusCode())).register(metrics)
                    .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS));
        });

        // pages
        app.get("/", pages::home);
        app.get("/article/{idslug}", pages::article);
        app.get("/story/{id}", pages::story);
        app.get("/source/{id}", pages::source);
        app.get("/country/{iso2}", pages::country);
        app.get("/region/{name}", pages::region);
        app.get("/search", pages::search);
        app.get("/privacy", pages::privacy);
        app.get("/map", pages::map);
        app.post("/consent", this::consent);

        // feeds out, sitemaps
        app.get("/feed.rss", ctx -> api.homeFeed(ctx, "rss"));
        app.get("/feed.atom", ctx -> api.homeFeed(ctx, "atom"));
        app.get("/feed.json", ctx -> api.homeFeed(ctx, "json"));
        app.get("/source/{id}/{feed}", api::sourceFeed);
        app.get("/country/{iso2}/{feed}", api::countryFeed);
        app.get("/region/{name}/{feed}", api::regionFeed);
        app.get("/sitemap.xml", api::sitemap);
        app.get("/news-sitemap.xml", api::newsSitemap);
        app.get("/robots.txt", api::robots);

        // API and live stream
        app.get("/api/v1/articles", api::articles);
        app.get("/api/v1/articles/{id}", api::article);
        app.get("/api/v1/stories", api::stories);
        app.get("/api/v1/stories/{id}", api::story);
        app.get("/api/v1/sources", api::sources);
        app.get("/api/v1/search", api::search);
        app.sse(STREAM, live::connect);
        app.get("/api/openapi.json", api::openApi);

        // operations
        app.get("/health", api::health);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.get("/favicon.ico", ctx -> Http.send(ctx, site.assets.ico(), "public, max-age=86400"));
        app.get("/static/{name}", ctx -> {
            Rendered r = site.assets.find(ctx.pathParam("name")).orElseThrow(() -> new NotFoundResponse("no asset"));
            Http.send(ctx, r, "public, max-age=31536000, immutable");
        });

        app.exception(Api.BadRequest.class, (e, ctx) -> {
            if (isApi(ctx)) error(ctx, 400, e.getMessage());
            else pages.badRequest(ctx, String.valueOf(e.getMessage()));
        });
        app.exception(org.worldwire.search.SearchSyntaxException.class, (e, ctx) -> {
            if (isApi(ctx)) error(ctx, 400, e.getMessage());
            else pages.badRequest(ctx, String.valueOf(e.getMessage()));
        });
        app.exception(org.worldwire.search.SearchUnavailableException.class, (e, ctx) -> {
            log.warn("search unavailable path={} error={}", ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            error(ctx, 503, "search is unavailable right now; try again in a moment");
        });
        app.exception(NotFoundResponse.class, (e, ctx) -> notFound(ctx, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("request failed method={} path={}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) notFound(ctx, "No such page.");
        });
        return app;
    }

    private static String route(Context ctx) {
        try {
            String p = ctx.endpointHandlerPath();
            return p.isEmpty() ? "unmatched" : p;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private void notFound(Context ctx, @Nullable String message) {
        String msg = message == null || message.isBlank() ? "No such page." : message;
        if (isApi(ctx)) {
            error(ctx, 404, msg);
        } else {
            pages.notFound(ctx, msg);
        }
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/health");
    }

    private static void error(Context ctx, int status, @Nullable String message) {
        ctx.status(status).contentType("application/json; charset=utf-8")
                .result(ApiJson.write(new ApiJson.Error(message == null ? "error" : message)));
    }

    /**
     * The banner's and the privacy page's form. Accept and Reject store the choice in the one first-party
     * cookie; Settings stores nothing and opens the choices on the privacy page. Cross-site posts are refused.
     */
    private void consent(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameHost(origin, ctx.host())) {
            error(ctx, 403, "consent can only be changed from this site");
            return;
        }
        String back = Urls.localPath(ctx.formParam("return"));
        String choice = String.valueOf(ctx.formParam("choice")).toLowerCase(Locale.ROOT);
        WebConfig.ConsentCookie cookie = site.config.consentCookie();
        String value = switch (choice) {
            case "accept" -> Consent.ACCEPT_VALUE;
            case "reject" -> Consent.REJECT_VALUE;
            default -> null;
        };
        if (value == null) {
            ctx.redirect("/privacy#choices", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.header("Set-Cookie", cookie.name() + "=" + value + "; Max-Age=" + (cookie.maxAgeDays() * 86_400L)
                + "; Path=/; SameSite=Lax; HttpOnly" + (site.config.secure() ? "; Secure" : ""));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private static boolean sameHost(String origin, @Nullable String host) {
        if (host == null) return false;
        int scheme = origin.indexOf("://");
        return scheme >= 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }
}
