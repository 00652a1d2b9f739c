package org.worldwire.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether robots.txt lets us fetch an article page (RFC 9309), with rules cached per site for a day. A
 * missing robots.txt (4xx) allows everything; an unreachable one (5xx, network failure) disallows the site
 * until the rules can be read, as the RFC asks. Feeds are not checked: publishing a feed is an invitation to
 * fetch it. Thread-safe.
 */
public final class RobotsPolicy {
    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration RETRY_UNREACHABLE = Duration.ofMinutes(10);
    private static final int MAX_SITES = 10_000;
    private static final String AGENT = "worldwire";

    private record Cached(BaseRobotRules rules, Instant until) {}

    private final Fetcher fetcher;
    private final InstantSource clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Cached> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_SITES;
        }
    };

    public RobotsPolicy(Fetcher fetcher, InstantSource clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    public boolean allowed(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) return false;
        String site = uri.getScheme() + "://" + uri.getRawAuthority();
        return rules(site).isAllowed(url);
    }

    private BaseRobotRules rules(String site) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached c = cache.get(site);
            if (c != null && c.until.isAfter(now)) return c.rules;
        }
        // Two threads may fetch the same robots.txt at once; harmless, and no lock is held over the network.
        Cached fresh = switch (fetcher.fetch(new FetchRequest(site + "/robots.txt", null, null, "text/plain"))) {
            case FetchResult.Fetched f -> new Cached(
                    parser.parseContent(site + "/robots.txt", f.body(), f.contentType(), List.of(AGENT)), now.plus(TTL));
            case FetchResult.NotModified n -> new Cached(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), now.plus(TTL));
            case FetchResult.Failed f when f.status() != null && f.status() >= 400 && f.status() < 500 ->
                    new Cached(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), now.plus(TTL));
            case FetchResult.Failed f ->
                    new Cached(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), now.plus(RETRY_UNREACHABLE));
        };
        synchronized (cache) {
            cache.put(site, fresh);
        }
        return fresh.rules;
    }
}
