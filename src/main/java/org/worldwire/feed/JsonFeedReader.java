package org.worldwire.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Enclosure;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;

/** JSON Feed 1.0 and 1.1 (jsonfeed.org), with the same bounds as the XML path. */
final class JsonFeedReader {
    private JsonFeedReader() {}

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(FeedBuilder.MAX_FIELD_CHARS * 4)
                    .build())
            .build()).enable(JsonParser.Feature.ALLOW_COMMENTS);

    static boolean looksLikeJson(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) i = 3;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) i++;
        return i < body.length && body[i] == '{';
    }

    static ParsedFeed read(byte[] body, @Nullable String base) {
        JsonNode root;
        try {
            int off = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
            root = MAPPER.readTree(body, off, body.length - off);
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return ParsedFeed.unreadable("not a readable JSON Feed: " + msg);
        }
        if (root == null || !root.isObject()) return ParsedFeed.unreadable("not a JSON Feed: the document is no JSON object");
        List<String> problems = new ArrayList<>();
        String version = text(root, "version");
        String format = version != null && version.contains("/1.1") ? "json11" : version != null && version.contains("/1") ? "json10" : "json";
        if (version == null || !version.contains("jsonfeed.org")) problems.add("JSON document without a JSON Feed version");
        String feedUrl = text(root, "feed_url");
        String feedBase = feedUrl != null ? Uris.resolve(base, feedUrl) : base;
        String home = text(root, "home_page_url");
        List<String> hubs = new ArrayList<>();
        JsonNode hubNodes = root.get("hubs");
        if (hubNodes != null && hubNodes.isArray()) {
            for (JsonNode h : hubNodes) {
                String u = text(h, "url");
                if (u != null && hubs.size() < 16) hubs.add(Uris.resolve(feedBase, u));
            }
        }
        List<FeedEntry> entries = new ArrayList<>();
        JsonNode items = root.get("items");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                if (!item.isObject()) continue;
                if (entries.size() >= FeedBuilder.MAX_ENTRIES) {
                    problems.add("more than " + FeedBuilder.MAX_ENTRIES + " entries: the rest were skipped");
                    break;
                }
                entries.add(entry(item, feedBase));
            }
        }
        Instant updated = null;
        for (FeedEntry e : entries) {
            Instant t = e.updated() != null ? e.updated() : e.published();
            if (t != null && (updated == null || t.isAfter(updated))) updated = t;
        }
        return new ParsedFeed(format, text(root, "title"), home == null ? null : Uris.resolve(feedBase, home),
                text(root, "description"), updated, hubs, feedUrl == null ? null : Uris.resolve(base, feedUrl), entries, problems);
    }

    private static FeedEntry entry(JsonNode item, @Nullable String base) {
        String url = text(item, "url");
        if (url == null) url = text(item, "external_url");
        String content = text(item, "content_html");
        if (content == null) content = text(item, "content_text");
        else content = HtmlText.resolveUrls(content, url != null ? Uris.resolve(base, url) : base);
        List<String> tags = new ArrayList<>();
        JsonNode t = item.get("tags");
        if (t != null && t.isArray()) {
            for (JsonNode tag : t) if (tag.isTextual() && !tag.asText().isBlank() && tags.size() < 256) tags.add(tag.asText().strip());
        }
        List<Enclosure> enclosures = new ArrayList<>();
        JsonNode att = item.get("attachments");
        if (att != null && att.isArray()) {
            for (JsonNode a : att) {
                String u = text(a, "url");
                if (u == null || enclosures.size() >= 64) continue;
                JsonNode size = a.get("size_in_bytes");
                enclosures.add(new Enclosure(Uris.resolve(base, u), text(a, "mime_type"),
                        size != null && size.isNumber() ? size.asText() : text(a, "size_in_bytes")));
            }
        }
        String author = null;
        JsonNode authors = item.get("authors");
        if (authors != null && authors.isArray() && !authors.isEmpty()) author = text(authors.get(0), "name");
        if (author == null && item.get("author") != null) author = text(item.get("author"), "name");
        JsonNode idNode = item.get("id");
        String id = idNode != null && (idNode.isTextual() || idNode.isNumber()) ? idNode.asText() : null;
        return new FeedEntry(id, url == null ? null : Uris.resolve(base, url), text(item, "title"), text(item, "summary"),
                content, FeedDates.parse(text(item, "date_published")), FeedDates.parse(text(item, "date_modified")),
                author, tags, enclosures);
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) return null;
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) return null;
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }
}
