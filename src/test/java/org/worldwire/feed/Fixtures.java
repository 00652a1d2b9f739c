package org.worldwire.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.worldwire.model.ParsedFeed;

/** Loads the feed fixtures beside these tests. */
final class Fixtures {
    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedFeed parse(String name, String url) {
        return FeedParser.parse(bytes(name), FeedContext.of(url));
    }

    static ParsedFeed parseString(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), FeedContext.NONE);
    }

    static ParsedFeed parseString(String xml, String url) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), FeedContext.of(url));
    }
}
