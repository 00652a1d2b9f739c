package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.worldwire.model.Enclosure;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;

class JsonFeedTest {
    private final ParsedFeed feed = Fixtures.parse("jsonfeed.json", null);

    @Test
    void readsTheFeed() {
        assertThat(feed.format()).isEqualTo("json11");
        assertThat(feed.title()).isEqualTo("JSON Example");
        assertThat(feed.link()).isEqualTo("https://example.org/");
        assertThat(feed.subtitle()).isEqualTo("A JSON Feed");
        assertThat(feed.self()).isEqualTo("https://example.org/feed.json");
        assertThat(feed.hubs()).containsExactly("https://hub.example.net/");
        assertThat(feed.updated()).isEqualTo(Instant.parse("2026-11-28T11:00:00Z"));
    }

    @Test
    void mapsEveryItemField() {
        FeedEntry e = feed.entries().getFirst();
        assertThat(e.id()).isEqualTo("1");
        assertThat(e.link()).isEqualTo("https://example.org/1");
        assertThat(e.title()).isEqualTo("JSON one");
        assertThat(e.summary()).isEqualTo("Short");
        assertThat(e.content()).isEqualTo("<p>See <a href=\"https://example.org/x\">x</a></p>");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(e.updated()).isEqualTo(Instant.parse("2026-11-28T11:00:00Z"));
        assertThat(e.author()).isEqualTo("Jay Son");
        assertThat(e.categories()).containsExactly("a", "b");
        assertThat(e.enclosures()).containsExactly(new Enclosure("https://example.org/a.mp3", "audio/mpeg", "1000"));
    }

    @Test
    void acceptsNumericIdsTextContentAndJsonFeed10Authors() {
        FeedEntry e = feed.entries().get(1);
        assertThat(e.id()).isEqualTo("2");
        assertThat(e.content()).isEqualTo("Plain text content");
        assertThat(e.author()).isEqualTo("Old Style");
    }

    @Test
    void reportsBrokenJsonWithoutThrowing() {
        ParsedFeed f = FeedParser.parse("{\"title\": ".getBytes(), FeedContext.NONE);
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.problems()).singleElement().asString().contains("JSON");
    }
}
