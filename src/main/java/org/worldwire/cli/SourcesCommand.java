package org.worldwire.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.worldwire.app.Admin;
import org.worldwire.store.HostOutage;
import org.worldwire.store.SourceHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sources", mixinStandardHelpOptions = true, description = "List sources with their health.")
final class SourcesCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "one JSON object per source instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = Admin.open(store.deployment(), data.dataDir, false)) {
            var health = admin.health();
            if (json) {
                for (SourceHealth h : health) System.out.println(Json.MAPPER.writeValueAsString(h));
                return 0;
            }
            System.out.printf("%5s  %-6s %-9s %7s %8s  %-2s %-3s %-40s %s%n",
                    "ID", "HEALTH", "LAST POLL", "24H", "TOTAL", "CC", "LNG", "TITLE", "LAST ERROR");
            Instant now = Instant.now();
            for (SourceHealth h : health) {
                var s = h.source();
                String state = switch (h.status()) {
                    case "failing" -> "ERR×" + h.consecutiveErrors();
                    case "unreachable" -> "DOWN";
                    default -> h.status();
                };
                System.out.printf("%5d  %-6s %-9s %7d %8d  %-2s %-3s %-40s %s%n", s.id(), state, ago(h.lastPoll(), now),
                        h.articlesLastDay(), h.articlesTotal(), nz(s.country()), nz(s.language()), cut(s.title(), 40),
                        problem(h, now));
            }
            System.out.printf("%d sources, %d healthy%n", health.size(), health.stream().filter(SourceHealth::healthy).count());
            return 0;
        }
    }

    /** What is wrong, if anything: a host that does not answer says since when and when it is tried next. */
    private static String problem(SourceHealth h, Instant now) {
        HostOutage o = h.hostOutage();
        if (o != null) {
            return "host unreachable since " + ago(o.since(), now) + ", next try " + until(o.nextAttempt(), now) + ": "
                    + cut(o.reason(), 60);
        }
        return h.healthy() ? "" : h.lastError() + ": " + cut(nz(h.lastErrorMessage()), 60);
    }

    private static String until(Instant t, Instant now) {
        long s = Math.max(0, Duration.between(now, t).toSeconds());
        return s == 0 ? "now" : "in " + (s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s / 3600 + "h");
    }

    private static String ago(Instant t, Instant now) {
        if (t == null) return "never";
        long s = Math.max(0, Duration.between(t, now).toSeconds());
        return s < 120 ? s + "s ago" : s < 7200 ? s / 60 + "m ago" : s / 3600 + "h ago";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
