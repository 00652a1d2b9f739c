package org.worldwire.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.worldwire.fetch.AddressCheck;
import org.worldwire.fetch.FetchConfig;
import org.worldwire.fetch.HostResolver;
import org.worldwire.model.Source;
import org.worldwire.store.sqlite.SqliteStore;

/** Over a real server on a free loopback port and a real SQLite store. */
class AdminRoutesTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir Path dir;
    private SqliteStore store;
    private Javalin app;
    private String base;
    private String token;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        store = SqliteStore.open(dir.resolve("worldwire.db"), InstantSource.system());
        Credentials credentials = Credentials.over(store.settings());
        token = credentials.createMissing(PASSWORD).apiToken();
        app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        app.get("/", ctx -> ctx.result("public home"));
        // The fetcher's guard with its defaults (no private networks) over a resolver that knows one intranet name and
        // nothing else, so that no test here asks a real name server.
        HostResolver stub = name -> {
            if (name.equals("feeds.intranet.test")) return new InetAddress[] {InetAddress.ofLiteral("10.0.0.5")};
            throw new UnknownHostException(name);
        };
        AddressCheck check = new AddressCheck(FetchConfig.defaults(), stub);
        SourceAdminActions.RefusedAddresses refused = url -> check.refusal(url).map(r -> "refused: " + r.message());
        AdminRoutes.install(app, credentials, new SourceAdminActions(store.sources(), s -> {}, id -> {}, refused),
                new AdminRoutes.Settings(false, Duration.ofHours(1), 5, 60), InstantSource.system());
        app.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
        store.close();
    }

    @Test
    void firstStartStoresOnlyHashesAndShowsAChosenPasswordNever() {
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        String storedPassword = store.settings().get(Credentials.PASSWORD_KEY).orElseThrow();
        assertThat(storedPassword).startsWith("pbkdf2-sha256$600000$").doesNotContain(PASSWORD);
        assertThat(store.settings().get(Credentials.TOKEN_KEY).orElseThrow()).doesNotContain(token);
        Credentials.Created again = Credentials.over(store.settings()).createMissing("another password here");
        assertThat(again.generatedPassword()).isNull();
        assertThat(again.apiToken()).isNull();
        assertThat(Credentials.over(store.settings()).passwordMatches(PASSWORD)).isTrue();
    }

    @Test
    void generatedPasswordIsReturnedOnceAndMatches() {
        SqliteStore other = SqliteStore.open(dir.resolve("other.db"), InstantSource.system());
        try {
            Credentials c = Credentials.over(other.settings());
            Credentials.Created created = c.createMissing(null);
            assertThat(created.generatedPassword()).isNotNull().hasSizeGreaterThanOrEqualTo(43);
            // 256 random bits need no stretching; a chosen password keeps 600 000 iterations (test above).
            assertThat(other.settings().get(Credentials.PASSWORD_KEY).orElseThrow()).startsWith("pbkdf2-sha256$1000$");
            assertThat(c.passwordMatches(created.generatedPassword())).isTrue();
            assertThat(c.passwordMatches(created.generatedPassword() + "x")).isFalse();
            assertThat(c.createMissing(null).generatedPassword()).isNull();
        } finally {
            other.close();
        }
    }

    @Test
    void apiWritesWithoutTheTokenAreRefused() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/api/v1/sources"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"feedUrl\":\"https://example.org/feed\"}")));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/v1/sources"))
                .header("Authorization", "Bearer " + token + "x")
                .POST(HttpRequest.BodyPublishers.ofString("{\"feedUrl\":\"https://example.org/feed\"}")));
        HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/api/v1/sources/1")).DELETE());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(delete.statusCode()).isEqualTo(401);
        assertThat(store.sources().all()).isEmpty();
    }

    @Test
    void apiAddsAndRemovesASourceWithTheToken() throws Exception {
        HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/api/v1/sources"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"feedUrl\":\"https://example.org/feed\",\"title\":\"Example\",\"country\":\"fr\"}")));
        assertThat(added.statusCode()).isEqualTo(201);
        Source s = store.sources().findByFeedUrl("https://example.org/feed").orElseThrow();
        assertThat(s.country()).isEqualTo("FR");
        assertThat(added.body()).contains("\"id\":" + s.id());

        HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/api/v1/sources"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"feedUrl\":\"file:///etc/passwd\"}")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("http or https");

        HttpResponse<String> removed = send(HttpRequest.newBuilder(uri("/api/v1/sources/" + s.id()))
                .header("Authorization", "Bearer " + token).DELETE());
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(store.sources().all()).isEmpty();
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/api/v1/sources/" + s.id()))
                .header("Authorization", "Bearer " + token).DELETE());
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void aSourceWhoseAddressTheFetcherWouldRefuseIsRefusedWhenAddedWithTheReason() throws Exception {
        // Issue 16: it used to be accepted without a word and then refused at every poll.
        for (String url : List.of("http://127.0.0.2/feed", "http://[::1]:8080/feed", "http://feeds.intranet.test/rss",
                "http://169.254.169.254/latest/meta-data/")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/sources"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"feedUrl\":\"" + url + "\"}")));
            assertThat(r.statusCode()).as(url).isEqualTo(400);
            assertThat(r.body()).as(url).contains("refused: ").containsPattern("loopback|private|link-local");
        }
        assertThat(store.sources().all()).isEmpty();
        // A name that does not resolve now is accepted: it may be a passing failure, and polling will show it.
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/api/v1/sources"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"feedUrl\":\"https://example.org/feed\"}")));
        assertThat(unknown.statusCode()).isEqualTo(201);
    }

    @Test
    void adminPagesNeedALogin() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/admin")).GET());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/admin/login");
        HttpResponse<String> post = send(form("/admin/sources", null, "csrf=x&feedUrl=https%3A%2F%2Fexample.org%2Ffeed"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(store.sources().all()).isEmpty();
    }

    @Test
    void loginWithoutTheFormTokenIsForbidden() throws Exception {
        HttpResponse<String> r = send(form("/admin/login", null, "password=" + enc(PASSWORD)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(AdminRoutes.SESSION_COOKIE + "="));
    }

    @Test
    void wrongPasswordsAreRateLimitedPerClient() throws Exception {
        LoginForm f = loginForm();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send(form("/admin/login", f.cookie(), "csrf=" + f.csrf() + "&password=wrong" + i)).statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        HttpResponse<String> limited = send(form("/admin/login", f.cookie(), "csrf=" + f.csrf() + "&password=" + enc(PASSWORD)));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(statuses.get(5)).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
    }

    @Test
    void operatorLogsInAddsImportsAndRemovesWithTheFormToken() throws Exception {
        String session = login();
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/admin")).header("Cookie", session).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        String csrf = csrfOf(page.body());

        HttpResponse<String> noToken = send(form("/admin/sources", session, "feedUrl=" + enc("https://example.org/feed")));
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = send(form("/admin/sources", session, "csrf=" + csrf + "x&feedUrl=" + enc("https://example.org/feed")));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(store.sources().all()).isEmpty();

        HttpResponse<String> loopback = send(form("/admin/sources", session, "csrf=" + csrf + "&feedUrl=" + enc("http://127.0.0.2/feed")));
        assertThat(loopback.statusCode()).isEqualTo(400);
        assertThat(loopback.body()).contains("refused: its address is a loopback address 127.0.0.2");
        assertThat(store.sources().all()).isEmpty();

        HttpResponse<String> add = send(form("/admin/sources", session,
                "csrf=" + csrf + "&feedUrl=" + enc("https://example.org/feed") + "&title=" + enc("<script>alert(1)</script>")));
        assertThat(add.statusCode()).isEqualTo(303);
        Source s = store.sources().findByFeedUrl("https://example.org/feed").orElseThrow();

        HttpResponse<String> listed = send(HttpRequest.newBuilder(uri("/admin")).header("Cookie", session).GET());
        assertThat(listed.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

        String opml = """
                <?xml version="1.0"?><opml version="2.0"><body>
                <outline text="One" xmlUrl="https://one.example/rss"/>
                <outline text="Bad" xmlUrl="javascript:alert(1)"/>
                <outline text="Again" xmlUrl="https://example.org/feed"/>
                </body></opml>""";
        HttpResponse<String> imported = send(multipart("/admin/opml", session, csrf, opml));
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("Imported 1 new sources; 1 were already watched; skipped 1");
        assertThat(store.sources().findByFeedUrl("https://one.example/rss")).isPresent();

        HttpResponse<String> removed = send(form("/admin/sources/" + s.id() + "/remove", session, "csrf=" + csrf));
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(store.sources().find(s.id())).isEmpty();

        HttpResponse<String> logout = send(form("/admin/logout", session, "csrf=" + csrf));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(send(HttpRequest.newBuilder(uri("/admin")).header("Cookie", session).GET()).statusCode()).isEqualTo(303);
    }

    @Test
    void crossSitePostsAreRefusedEvenWithTheToken() throws Exception {
        String session = login();
        String csrf = csrfOf(send(HttpRequest.newBuilder(uri("/admin")).header("Cookie", session).GET()).body());
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/admin/sources"))
                .header("Cookie", session).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&feedUrl=" + enc("https://example.org/feed"))));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(store.sources().all()).isEmpty();
    }

    @Test
    void cookiesAreHttpOnlyStrictAndScopedToAdminAndPublicPagesSetNone() throws Exception {
        LoginForm f = loginForm();
        HttpResponse<String> ok = send(form("/admin/login", f.cookie(), "csrf=" + f.csrf() + "&password=" + enc(PASSWORD)));
        String set = ok.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AdminRoutes.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(set).contains("HttpOnly", "SameSite=Strict", "Path=/admin");
        String id = set.substring(set.indexOf('=') + 1, set.indexOf(';'));
        assertThat(id).hasSizeGreaterThanOrEqualTo(43);

        HttpResponse<String> home = send(HttpRequest.newBuilder(uri("/")).GET());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().allValues("Set-Cookie")).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private record LoginForm(String cookie, String csrf) {}

    private LoginForm loginForm() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/admin/login")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        String set = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AdminRoutes.LOGIN_CSRF_COOKIE + "=")).findFirst().orElseThrow();
        return new LoginForm(set.substring(0, set.indexOf(';')), csrfOf(page.body()));
    }

    /** Logs in and returns the Cookie header value of the session. */
    private String login() throws Exception {
        LoginForm f = loginForm();
        HttpResponse<String> ok = send(form("/admin/login", f.cookie(), "csrf=" + f.csrf() + "&password=" + enc(PASSWORD)));
        assertThat(ok.statusCode()).isEqualTo(303);
        String set = ok.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AdminRoutes.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a csrf field in the page").isTrue();
        return m.group(1);
    }

    private HttpRequest.Builder form(String path, String cookie, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) b.header("Cookie", cookie);
        return b;
    }

    private HttpRequest.Builder multipart(String path, String cookie, String csrf, String file) {
        String boundary = "----worldwire" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"opml\"; filename=\"feeds.opml\"\r\n"
                + "Content-Type: text/xml\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(uri(path)).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
