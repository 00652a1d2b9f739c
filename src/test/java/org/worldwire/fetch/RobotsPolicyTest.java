package org.worldwire.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RobotsPolicyTest {
    static HttpServer serve(int status, String robots, AtomicInteger hits) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/robots.txt", ex -> {
            hits.incrementAndGet();
            byte[] b = robots.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        return s;
    }

    static String base(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    @Test
    void disallowedPathsAreRefusedAndRulesAreCached() throws Exception {
        var hits = new AtomicInteger();
        HttpServer s = serve(200, "User-agent: *\nDisallow: /private/\n", hits);
        try (Fetcher f = new Fetcher(FetchConfig.defaults().allowingLoopback())) {
            RobotsPolicy robots = new RobotsPolicy(f, InstantSource.system());
            assertThat(robots.allowed(base(s) + "/news/1.html")).isTrue();
            assertThat(robots.allowed(base(s) + "/private/1.html")).isFalse();
            assertThat(hits).hasValue(1);
        } finally {
            s.stop(0);
        }
    }

    @Test
    void aMissingRobotsTxtAllowsEverythingAndAnUnreachableOneNothing() throws Exception {
        HttpServer missing = serve(404, "", new AtomicInteger());
        HttpServer broken = serve(503, "", new AtomicInteger());
        try (Fetcher f = new Fetcher(FetchConfig.defaults().allowingLoopback())) {
            RobotsPolicy robots = new RobotsPolicy(f, InstantSource.system());
            assertThat(robots.allowed(base(missing) + "/a")).isTrue();
            assertThat(robots.allowed(base(broken) + "/a")).isFalse();
        } finally {
            missing.stop(0);
            broken.stop(0);
        }
    }
}
