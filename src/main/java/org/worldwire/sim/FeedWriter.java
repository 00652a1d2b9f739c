package org.worldwire.sim;

import static org.worldwire.sim.Text.escapeJson;
import static org.worldwire.sim.Text.escapeXml;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Writes a publisher's latest articles as RSS 2.0, Atom 1.0, RSS 1.0 (RDF) or JSON Feed 1.1. */
final class FeedWriter {
    private FeedWriter() {}

    /** How a publisher labels its entries; real feeds differ and parsers must cope with all. */
    enum GuidStyle { PERMALINK, URN, WORDPRESS }

    static String guid(GuidStyle style, Publisher p, long sequence, URI url) {
        return switch (style) {
            case PERMALINK -> url.toString();
            case URN -> "urn:worldwire-sim:p" + p.index() + ":" + sequence;
            case WORDPRESS -> p.homeUrl() + "?p=" + (1000 + sequence);
        };
    }

    /**
     * Writes a feed. {@code fragment} gives each item's own markup, {@link #item} or a cached copy of it: feeds are
     * rewritten on every publication, their items are not.
     */
    static String write(Publisher p, String tagline, List<SimArticle> items, Instant updated, ZoneOffset zone,
            @Nullable URI hub, Function<SimArticle, String> fragment) {
        return switch (p.format()) {
            case RSS2 -> rss2(p, tagline, items, updated, zone, hub, fragment);
            case ATOM -> atom(p, tagline, items, updated, hub, fragment);
            case RSS1_RDF -> rdf(p, tagline, items, fragment);
            case JSON_FEED -> json(p, tagline, items, hub, fragment);
        };
    }

    /** One item's markup in the publisher's format. */
    static String item(Publisher p, SimArticle a, ZoneOffset zone, GuidStyle guidStyle) {
        StringBuilder b = new StringBuilder(800);
        switch (p.format()) {
            case RSS2 -> rss2Item(b, a, DateTimeFormatter.RFC_1123_DATE_TIME.withZone(zone), guidStyle);
            case ATOM -> atomItem(b, a);
            case RSS1_RDF -> rdfItem(b, a);
            case JSON_FEED -> jsonItem(b, a);
        }
        return b.toString();
    }

    private static String rss2(Publisher p, String tagline, List<SimArticle> items, Instant updated, ZoneOffset zone,
            @Nullable URI hub, Function<SimArticle, String> fragment) {
        DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(zone);
        StringBuilder b = new StringBuilder(1_000 + items.size() * 600);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
                .append("xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("<channel>\n<title>").append(escapeXml(p.name())).append("</title>\n<link>").append(p.homeUrl())
                .append("</link>\n<description>").append(escapeXml(tagline)).append("</description>\n<language>")
                .append(p.language()).append("</language>\n<lastBuildDate>").append(rfc822.format(updated))
                .append("</lastBuildDate>\n<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"")
                .append(p.feedUrl()).append("\"/>\n");
        if (hub != null) b.append("<atom:link rel=\"hub\" href=\"").append(escapeXml(hub.toString())).append("\"/>\n");
        b.append("<ttl>5</ttl>\n");
        for (SimArticle a : items) b.append(fragment.apply(a));
        return b.append("</channel>\n</rss>\n").toString();
    }

    private static void rss2Item(StringBuilder b, SimArticle a, DateTimeFormatter rfc822, GuidStyle guidStyle) {
        b.append("<item>\n<title>").append(escapeXml(a.title())).append("</title>\n<link>")
                .append(escapeXml(a.feedLink().toString())).append("</link>\n<guid isPermaLink=\"")
                .append(guidStyle == GuidStyle.PERMALINK).append("\">").append(escapeXml(a.guid()))
                .append("</guid>\n<pubDate>").append(rfc822.format(a.publishedAt())).append("</pubDate>\n")
                .append("<dc:creator>").append(escapeXml(a.author())).append("</dc:creator>\n")
                .append("<category>").append(escapeXml(a.placeName())).append("</category>\n")
                .append("<description>").append(escapeXml("<p>" + escapeXml(a.summary()) + "</p>"))
                .append("</description>\n</item>\n");
    }

    private static String atom(Publisher p, String tagline, List<SimArticle> items, Instant updated,
            @Nullable URI hub, Function<SimArticle, String> fragment) {
        StringBuilder b = new StringBuilder(1_000 + items.size() * 700);
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(p.language()).append("\">\n<title>").append(escapeXml(p.name())).append("</title>\n<subtitle>")
                .append(escapeXml(tagline)).append("</subtitle>\n<id>").append(p.homeUrl()).append("</id>\n<updated>")
                .append(updated).append("</updated>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(p.feedUrl()).append("\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(p.homeUrl()).append("\"/>\n");
        if (hub != null) b.append("<link rel=\"hub\" href=\"").append(escapeXml(hub.toString())).append("\"/>\n");
        for (SimArticle a : items) b.append(fragment.apply(a));
        return b.append("</feed>\n").toString();
    }

    private static void atomItem(StringBuilder b, SimArticle a) {
        b.append("<entry>\n<title type=\"text\">").append(escapeXml(a.title())).append("</title>\n<id>")
                .append(escapeXml(a.guid())).append("</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(escapeXml(a.feedLink().toString())).append("\"/>\n<published>").append(a.publishedAt())
                .append("</published>\n<updated>").append(a.publishedAt()).append("</updated>\n<author><name>")
                .append(escapeXml(a.author())).append("</name></author>\n<category term=\"")
                .append(escapeXml(a.placeName())).append("\"/>\n<summary type=\"html\">")
                .append(escapeXml("<p>" + escapeXml(a.summary()) + "</p>")).append("</summary>\n</entry>\n");
    }

    private static String rdf(Publisher p, String tagline, List<SimArticle> items,
            Function<SimArticle, String> fragment) {
        StringBuilder b = new StringBuilder(1_000 + items.size() * 600);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" ")
                .append("xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("<channel rdf:about=\"").append(p.feedUrl()).append("\">\n<title>").append(escapeXml(p.name()))
                .append("</title>\n<link>").append(p.homeUrl()).append("</link>\n<description>")
                .append(escapeXml(tagline)).append("</description>\n<dc:language>").append(p.language())
                .append("</dc:language>\n<items><rdf:Seq>\n");
        for (SimArticle a : items) {
            b.append("<rdf:li rdf:resource=\"").append(escapeXml(a.feedLink().toString())).append("\"/>\n");
        }
        b.append("</rdf:Seq></items>\n</channel>\n");
        for (SimArticle a : items) b.append(fragment.apply(a));
        return b.append("</rdf:RDF>\n").toString();
    }

    private static void rdfItem(StringBuilder b, SimArticle a) {
        b.append("<item rdf:about=\"").append(escapeXml(a.feedLink().toString())).append("\">\n<title>")
                .append(escapeXml(a.title())).append("</title>\n<link>").append(escapeXml(a.feedLink().toString()))
                .append("</link>\n<description>").append(escapeXml(a.summary())).append("</description>\n<dc:date>")
                .append(a.publishedAt()).append("</dc:date>\n<dc:creator>").append(escapeXml(a.author()))
                .append("</dc:creator>\n<dc:subject>").append(escapeXml(a.placeName()))
                .append("</dc:subject>\n</item>\n");
    }

    private static String json(Publisher p, String tagline, List<SimArticle> items, @Nullable URI hub,
            Function<SimArticle, String> fragment) {
        StringBuilder b = new StringBuilder(1_000 + items.size() * 700);
        b.append("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"").append(escapeJson(p.name()))
                .append("\",\"description\":\"").append(escapeJson(tagline))
                .append("\",\"home_page_url\":\"").append(p.homeUrl()).append("\",\"feed_url\":\"").append(p.feedUrl())
                .append("\",\"language\":\"").append(p.language()).append('"');
        if (hub != null) b.append(",\"hubs\":[{\"type\":\"WebSub\",\"url\":\"").append(escapeJson(hub.toString())).append("\"}]");
        b.append(",\"items\":[");
        boolean first = true;
        for (SimArticle a : items) {
            if (!first) b.append(',');
            first = false;
            b.append(fragment.apply(a));
        }
        return b.append("\n]}\n").toString();
    }

    private static void jsonItem(StringBuilder b, SimArticle a) {
        b.append("\n{\"id\":\"").append(escapeJson(a.guid())).append("\",\"url\":\"")
                .append(escapeJson(a.feedLink().toString())).append("\",\"title\":\"").append(escapeJson(a.title()))
                .append("\",\"summary\":\"").append(escapeJson(a.summary()))
                .append("\",\"content_html\":\"").append(escapeJson("<p>" + escapeXml(a.summary()) + "</p>"))
                .append("\",\"date_published\":\"").append(a.publishedAt())
                .append("\",\"authors\":[{\"name\":\"").append(escapeJson(a.author()))
                .append("\"}],\"tags\":[\"").append(escapeJson(a.placeName())).append("\"]}");
    }
}
