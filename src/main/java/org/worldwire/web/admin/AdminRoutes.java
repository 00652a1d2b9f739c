package org.worldwire.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.model.Source;
import org.worldwire.opml.Opml;
import org.worldwire.store.StoreException;

/**
 * The admin pages under {@code /admin} and the write API ({@code POST /api/v1/sources},
 * {@code DELETE /api/v1/sources/{id}}). Pages need a session from the login form; every admin POST carries the
 * session's CSRF token; the API needs the bearer token. Logins and writes are rate-limited per client. Cookies
 * are scoped to {@code /admin}, so the reader site never sees one.
 */
public final class AdminRoutes {
    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
    static final String SESSION_COOKIE = "ww_admin";
    static final String LOGIN_CSRF_COOKIE = "ww_admin_login";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> NOTICES = Map.of(
            "added", "Source added; it is being polled now.",
            "removed", "Source removed; its stored articles stay.",
            "imported", "OPML imported.");

    /**
     * @param secureCookies whether the site is served over https, so cookies get {@code Secure}
     * @param loginsPerMinute login attempts allowed per client address per minute
     * @param writesPerMinute admin and API writes allowed per client address per minute
     */
    public record Settings(boolean secureCookies, Duration sessionLifetime, int loginsPerMinute, int writesPerMinute) {
        public static Settings defaults(boolean secureCookies) {
            return new Settings(secureCookies, Duration.ofHours(8), 5, 60);
        }
    }

    private final Credentials credentials;
    private final AdminActions actions;
    private final Settings settings;
    private final Sessions sessions;
    private final RateLimiter logins;
    private final RateLimiter writes;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    private AdminRoutes(Credentials credentials, AdminActions actions, Settings settings, InstantSource clock) {
        this.credentials = credentials;
        this.actions = actions;
        this.settings = settings;
        this.sessions = new Sessions(settings.sessionLifetime(), clock);
        this.logins = new RateLimiter(settings.loginsPerMinute(), Duration.ofMinutes(1), clock);
        this.writes = new RateLimiter(settings.writesPerMinute(), Duration.ofMinutes(1), clock);
    }

    /** Adds the admin pages and the write API to the server; call before it starts. */
    public static void install(Javalin app, Credentials credentials, AdminActions actions, Settings settings,
            InstantSource clock) {
        AdminRoutes r = new AdminRoutes(credentials, actions, settings, clock);
        app.get("/admin/login", r::loginPage);
        app.post("/admin/login", r::login);
        app.post("/admin/logout", r::logout);
        app.get("/admin", r::index);
        app.post("/admin/sources", r::addSource);
        app.post("/admin/sources/{id}/remove", r::removeSource);
        app.post("/admin/opml", r::importOpml);
        app.post("/api/v1/sources", r::apiAddSource);
        app.delete("/api/v1/sources/{id}", r::apiRemoveSource);
    }

    // ---------------------------------------------------------------- login

    private void loginPage(Context ctx) {
        if (session(ctx).isPresent()) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        renderLogin(ctx, 200, "");
    }

    /** Before a session exists the form is guarded by a double-submit token: a cookie and a field that must match. */
    private void renderLogin(Context ctx, int status, String error) {
        String token = PasswordHash.randomSecret();
        setCookie(ctx, LOGIN_CSRF_COOKIE, token, 600);
        html(ctx, status, "admin/login", Map.of("csrf", token, "error", error));
    }

    private void login(Context ctx) {
        if (limited(ctx, logins, "login:" + ctx.ip())) return;
        if (crossSite(ctx) || !sameSecret(ctx.cookie(LOGIN_CSRF_COOKIE), ctx.formParam("csrf"))) {
            forbidden(ctx, "The form expired or came from another site. Reload the login page and try again.");
            return;
        }
        String password = ctx.formParam("password");
        if (password == null || password.length() > 1_000 || !credentials.passwordMatches(password)) {
            log.warn("admin login failed ip={}", ctx.ip());
            renderLogin(ctx, 401, "Wrong password.");
            return;
        }
        // A fresh id at login, so an id planted before it is worth nothing.
        session(ctx).ifPresent(s -> sessions.remove(s.id()));
        Sessions.Session s = sessions.create();
        setCookie(ctx, SESSION_COOKIE, s.id(), sessions.lifetimeSeconds());
        setCookie(ctx, LOGIN_CSRF_COOKIE, "", 0);
        log.info("admin logged in ip={}", ctx.ip());
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Optional<Sessions.Session> s = checkedPost(ctx, false);
        if (s.isEmpty()) return;
        sessions.remove(s.get().id());
        setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    // ---------------------------------------------------------------- pages

    private void index(Context ctx) {
        Optional<Sessions.Session> s = session(ctx);
        if (s.isEmpty()) {
            ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
            return;
        }
        String done = ctx.queryParam("done");
        renderIndex(ctx, 200, s.get(), done == null ? "" : NOTICES.getOrDefault(done, ""), "");
    }

    private void renderIndex(Context ctx, int status, Sessions.Session s, String message, String error) {
        html(ctx, status, "admin/index", Map.of("health", actions.health(), "csrf", s.csrf(), "message", message,
                "error", error));
    }

    private void addSource(Context ctx) {
        Optional<Sessions.Session> s = checkedPost(ctx, true);
        if (s.isEmpty()) return;
        try {
            actions.addSource(new AdminActions.SourceForm(String.valueOf(ctx.formParam("feedUrl")),
                    ctx.formParam("title"), ctx.formParam("country"), ctx.formParam("language"),
                    "true".equals(ctx.formParam("fullText"))));
        } catch (IllegalArgumentException | StoreException e) {
            renderIndex(ctx, e instanceof StoreException ? 503 : 400, s.get(), "", e.getMessage());
            return;
        }
        ctx.redirect("/admin?done=added", HttpStatus.SEE_OTHER);
    }

    private void removeSource(Context ctx) {
        Optional<Sessions.Session> s = checkedPost(ctx, true);
        if (s.isEmpty()) return;
        long id = idParam(ctx);
        if (id < 0 || !actions.removeSource(id)) {
            renderIndex(ctx, 404, s.get(), "", "No source with id " + ctx.pathParam("id") + ".");
            return;
        }
        ctx.redirect("/admin?done=removed", HttpStatus.SEE_OTHER);
    }

    private void importOpml(Context ctx) {
        Optional<Sessions.Session> s = checkedPost(ctx, true);
        if (s.isEmpty()) return;
        UploadedFile file = ctx.uploadedFile("opml");
        if (file == null) {
            renderIndex(ctx, 400, s.get(), "", "Choose an OPML file to import.");
            return;
        }
        AdminActions.ImportResult result;
        try (InputStream in = file.content()) {
            result = actions.importOpml(in.readNBytes(Opml.MAX_BYTES + 1));
        } catch (IllegalArgumentException | IOException | StoreException e) {
            renderIndex(ctx, e instanceof StoreException ? 503 : 400, s.get(), "", "Import failed: " + e.getMessage());
            return;
        }
        String msg = "Imported " + result.added() + " new sources; " + result.existing() + " were already watched"
                + (result.problems().isEmpty() ? "." : "; skipped " + result.problems().size() + ": "
                        + String.join("; ", result.problems().subList(0, Math.min(5, result.problems().size()))));
        renderIndex(ctx, 200, s.get(), msg, "");
    }

    /**
     * The session of a POST whose CSRF token matches it, rate-limited; otherwise answers 403/429 and is empty.
     */
    private Optional<Sessions.Session> checkedPost(Context ctx, boolean isWrite) {
        noStore(ctx);
        Optional<Sessions.Session> s = session(ctx);
        if (s.isEmpty()) {
            forbidden(ctx, "Log in first.");
            return Optional.empty();
        }
        if (crossSite(ctx) || !s.get().csrfMatches(csrfParam(ctx))) {
            forbidden(ctx, "The form expired or came from another site. Reload the page and try again.");
            return Optional.empty();
        }
        if (isWrite && limited(ctx, writes, "write:" + ctx.ip())) return Optional.empty();
        return s;
    }

    private static @Nullable String csrfParam(Context ctx) {
        String v = ctx.formParam("csrf");
        return v != null ? v : ctx.header("X-CSRF-Token");
    }

    private Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(SESSION_COOKIE));
    }

    // ---------------------------------------------------------------- write API

    private void apiAddSource(Context ctx) {
        if (!apiAuthorised(ctx)) return;
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyInputStream());
        } catch (IOException e) {
            apiError(ctx, 400, "the body must be a JSON object such as {\"feedUrl\": \"https://example.org/feed\"}");
            return;
        }
        if (body == null || !body.isObject() || !body.path("feedUrl").isTextual()) {
            apiError(ctx, 400, "the body must be a JSON object with a string feedUrl");
            return;
        }
        Source added;
        try {
            added = actions.addSource(new AdminActions.SourceForm(body.get("feedUrl").asText(), text(body, "title"),
                    text(body, "country"), text(body, "language"), body.path("fullText").asBoolean(false)));
        } catch (IllegalArgumentException e) {
            apiError(ctx, 400, e.getMessage());
            return;
        } catch (StoreException e) {
            log.error("adding a source failed", e);
            apiError(ctx, 503, e.getMessage());
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("id", added.id());
        out.put("feedUrl", added.feedUrl());
        out.put("title", added.title());
        out.put("country", added.country());
        out.put("language", added.language());
        out.put("displayPolicy", added.displayPolicy().name().toLowerCase(Locale.ROOT));
        ctx.status(201).header("Location", "/api/v1/sources/" + added.id())
                .contentType("application/json; charset=utf-8").result(out.toString());
    }

    private void apiRemoveSource(Context ctx) {
        if (!apiAuthorised(ctx)) return;
        long id = idParam(ctx);
        try {
            if (id < 0 || !actions.removeSource(id)) {
                apiError(ctx, 404, "no source with id " + ctx.pathParam("id"));
                return;
            }
        } catch (StoreException e) {
            apiError(ctx, 503, e.getMessage());
            return;
        }
        ctx.status(204);
    }

    /** Limits first, so neither guessing tokens nor flooding writes gets far. */
    private boolean apiAuthorised(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (limited(ctx, writes, "api:" + ctx.ip())) return false;
        String auth = ctx.header("Authorization");
        String prefix = "Bearer ";
        if (auth == null || !auth.regionMatches(true, 0, prefix, 0, prefix.length())
                || !credentials.tokenMatches(auth.substring(prefix.length()).strip())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"worldwire\"");
            apiError(ctx, 401, "send the API token as 'Authorization: Bearer <token>'");
            return false;
        }
        return true;
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || !n.isTextual() ? null : n.asText();
    }

    private static void apiError(Context ctx, int status, @Nullable String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("error", message == null ? "error" : message);
        ctx.status(status).contentType("application/json; charset=utf-8").result(out.toString());
    }

    // ---------------------------------------------------------------- plumbing

    private boolean limited(Context ctx, RateLimiter limiter, String key) {
        long wait = limiter.acquire(key);
        if (wait == 0) return false;
        ctx.header("Retry-After", String.valueOf(wait));
        if (ctx.path().startsWith("/api/")) {
            apiError(ctx, 429, "too many requests; retry after " + wait + " s");
        } else {
            ctx.status(429).contentType("text/plain; charset=utf-8").result("Too many attempts; retry after " + wait + " s.");
        }
        return true;
    }

    /** Browsers send Origin on POSTs; one from elsewhere is refused even before the token is looked at. */
    private static boolean crossSite(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) return false;
        String host = ctx.host();
        int scheme = origin.indexOf("://");
        return host == null || scheme < 0 || !origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private static boolean sameSecret(@Nullable String a, @Nullable String b) {
        return a != null && b != null && !a.isEmpty() && java.security.MessageDigest.isEqual(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static long idParam(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Max-Age=" + maxAgeSeconds
                + "; Path=/admin; HttpOnly; SameSite=Strict" + (settings.secureCookies() ? "; Secure" : ""));
    }

    private static void forbidden(Context ctx, String message) {
        ctx.status(403).contentType("text/plain; charset=utf-8").result(message);
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    private void html(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(8 * 1024);
        templates.render(template + ".jte", params, out);
        noStore(ctx);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }
}
