package org.worldwire.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.ParsedFeed;

/**
 * Finds a topic's hubs and canonical URL. WebSub §4: the HTTP {@code Link} headers of the topic's response come first;
 * only when they name no hub do the document's own {@code link rel="hub"}/{@code rel="self"} count.
 */
public final class HubDiscovery {
    /** One parsed {@code Link} header value (RFC 8288): a target and its relation types. */
    public record Link(String target, List<String> rels) {
        public Link {
            rels = List.copyOf(rels);
        }
    }

    private HubDiscovery() {}

    /**
     * @param linkHeaders every {@code Link} header value of the response (each may hold several links)
     * @param feed the parsed document, or null when it could not be parsed
     * @param fetchedFrom the URL the document was fetched from: the base for relative links
     */
    public static HubLinks discover(List<String> linkHeaders, @Nullable ParsedFeed feed, URI fetchedFrom) {
        List<URI> hubs = new ArrayList<>();
        URI self = null;
        for (String header : linkHeaders) {
            for (Link link : parseLinkHeader(header)) {
                URI target = resolve(fetchedFrom, link.target());
                if (target == null) continue;
                if (link.rels().contains("hub") && !hubs.contains(target)) hubs.add(target);
                if (link.rels().contains("self") && self == null) self = target;
            }
        }
        if (hubs.isEmpty() && feed != null) {
            for (String h : feed.hubs()) {
                URI target = resolve(fetchedFrom, h);
                if (target != null && !hubs.contains(target)) hubs.add(target);
            }
            if (self == null && feed.self() != null) self = resolve(fetchedFrom, feed.self());
        }
        return hubs.isEmpty() && self == null ? HubLinks.NONE : new HubLinks(hubs, self);
    }

    /** Parses one {@code Link} header value; malformed parts are skipped, never thrown on. */
    public static List<Link> parseLinkHeader(String value) {
        List<Link> out = new ArrayList<>();
        int i = 0, n = value.length();
        while (i < n) {
            int open = value.indexOf('<', i);
            if (open < 0) break;
            int close = value.indexOf('>', open + 1);
            if (close < 0) break;
            String target = value.substring(open + 1, close).strip();
            i = close + 1;
            List<String> rels = new ArrayList<>();
            // Parameters up to the next comma that is outside quotes.
            while (i < n) {
                char c = value.charAt(i);
                if (c == ',') {
                    i++;
                    break;
                }
                if (c != ';') {
                    i++;
                    continue;
                }
                i++;
                int eq = value.indexOf('=', i);
                int nextSep = nextSeparator(value, i);
                if (eq < 0 || eq > nextSep) {
                    i = nextSep;
                    continue;
                }
                String name = value.substring(i, eq).strip().toLowerCase(Locale.ROOT);
                int vStart = eq + 1;
                while (vStart < n && value.charAt(vStart) == ' ') vStart++;
                String v;
                if (vStart < n && value.charAt(vStart) == '"') {
                    int endQuote = value.indexOf('"', vStart + 1);
                    if (endQuote < 0) endQuote = n;
                    v = value.substring(vStart + 1, endQuote);
                    i = Math.min(n, endQuote + 1);
                } else {
                    int end = nextSeparator(value, vStart);
                    v = value.substring(vStart, end).strip();
                    i = end;
                }
                if (name.equals("rel")) {
                    for (String r : v.strip().split("\\s+")) if (!r.isEmpty()) rels.add(r.toLowerCase(Locale.ROOT));
                }
            }
            if (!target.isEmpty()) out.add(new Link(target, rels));
        }
        return out;
    }

    private static int nextSeparator(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ';' || c == ',') return i;
        }
        return s.length();
    }

    private static @Nullable URI resolve(URI base, String target) {
        try {
            URI u = base.resolve(new URI(target.strip()));
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) return null;
            return u;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
