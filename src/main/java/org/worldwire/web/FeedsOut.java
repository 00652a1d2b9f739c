package org.worldwire.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.worldwire.model.Article;
import org.worldwire.model.Source;

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents for the home page and each section. */
final class FeedsOut {
    static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
    static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
    static final String JSON_TYPE = "application/feed+json; charset=utf-8";

    /**
     * A section to publish.
     *
     * @param path the section page ("/country/fr"); the feeds live at path + "/feed.rss" etc. ("/feed.rss" for home)
     * @param stories whether its items are stories (each its lead report, linking to the story's coverage)
     */
    record Channel(String title, String description, String path, boolean stories) {
        /** A channel of articles, each linking to its article page. */
        Channel(String title, String description, String path) {
            this(title, description, path, false);
        }

        Channel asStories() {
            return new Channel(title, description, path, true);
        }

        /** Where an item links: its story's full coverage on a channel of stories, else its article page. */
        String itemPath(Article a) {
            return stories && a.storyId() != 0 ? Site.storyPath(a.storyId()) : Site.articlePath(a);
        }

        String feedPath(String ext) {
            return (path.equals("/") ? "" : path) + "/feed." + ext;
        }
    }

    private final Site site;

    FeedsOut(Site site) {
        this.site = site;
    }

    String rss(Channel ch, List<Article> items) {
        StringBuilder b = new StringBuilder(4096 + items.size() * 600);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
        el(b, "title", ch.title());
        el(b, "link", site.abs(ch.path()));
        el(b, "description", ch.description());
        b.append("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"").append(xml(site.abs(ch.feedPath("rss"))))
                .append("\"/>\n");
        el(b, "generator", "Worldwire");
        if (!items.isEmpty()) el(b, "lastBuildDate", rfc822(items.getFirst().discovered()));
        for (Article a : items) {
            Source s = site.sourceOrUnknown(a.sourceId());
            String link = site.abs(ch.itemPath(a));
            b.append("<item>\n");
            el(b, "title", a.title());
            el(b, "link", link);
            b.append("<guid isPermaLink=\"true\">").append(xml(link)).append("</guid>\n");
            el(b, "pubDate", rfc822(a.shownTime()));
            el(b, "description", summary(a));
            el(b, "source", s.title());
            if (a.byline() != null) el(b, "dc:creator", a.byline());
            b.append("</item>\n");
        }
        b.append("</channel>\n</rss>\n");
        return b.toString();
    }

    String atom(Channel ch, List<Article> items) {
        StringBuilder b = new StringBuilder(4096 + items.size() * 600);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        el(b, "title", ch.title());
        el(b, "subtitle", ch.description());
        el(b, "id", site.abs(ch.path()));
        b.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(site.abs(ch.path()))).append("\"/>\n");
        b.append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(xml(site.abs(ch.feedPath("atom"))))
                .append("\"/>\n");
        el(b, "updated", Text.iso(items.isEmpty() ? Instant.EPOCH : items.getFirst().discovered()));
        el(b, "generator", "Worldwire");
        for (Article a : items) {
            Source s = site.sourceOrUnknown(a.sourceId());
            String link = site.abs(ch.itemPath(a));
            b.append("<entry>\n");
            el(b, "title", a.title());
            el(b, "id", link);
            b.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(link)).append("\"/>\n");
            b.append("<link rel=\"related\" href=\"").append(xml(a.url())).append("\"/>\n");
            el(b, "published", Text.iso(a.shownTime()));
            el(b, "updated", Text.iso(a.discovered()));
            b.append("<author><name>").append(xml(a.byline() != null ? a.byline() : s.title())).append("</name></author>\n");
            b.append("<summary type=\"text\">").append(xml(summary(a))).append("</summary>\n");
            b.append("</entry>\n");
        }
        b.append("</feed>\n");
        return b.toString();
    }

    String json(Channel ch, List<Article> items) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", ch.title());
        feed.put("home_page_url", site.abs(ch.path()));
        feed.put("feed_url", site.abs(ch.feedPath("json")));
        feed.put("description", ch.description());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Article a : items) {
            Source s = site.sourceOrUnknown(a.sourceId());
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("id", String.valueOf(a.id()));
            it.put("url", site.abs(ch.itemPath(a)));
            it.put("external_url", a.url());
            it.put("title", a.title());
            it.put("content_text", summary(a));
            it.put("date_published", Text.iso(a.shownTime()));
            it.put("authors", List.of(Map.of("name", a.byline() != null ? a.byline() : s.title())));
            if (a.language() != null) it.put("language", a.language());
            list.add(it);
        }
        feed.put("items", list);
        // JSON Feed keys are fixed names, not our snake_case records: write the map as it is.
        return ApiJson.write(feed);
    }

    private String summary(Article a) {
        return Text.excerpt(a.paragraphs(), a.summary(), site.config.excerptLength());
    }

    private static void el(StringBuilder b, String name, String text) {
        b.append('<').append(name).append('>').append(xml(text)).append("</").append(name).append(">\n");
    }

    private static String rfc822(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    /** Escapes text for XML and drops characters XML 1.0 cannot carry at all. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) b.append(c);
                }
            }
        }
        return b.toString();
    }
}
