package org.worldwire.events.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.worldwire.events.NewsEvent;
import org.worldwire.model.Article;
import org.worldwire.model.Enclosure;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Story;
import org.worldwire.store.PendingEntry;

class WireFormatTest {
    static final Instant T = Instant.parse("2026-12-06T10:15:30.123Z");

    static Article article(long id) {
        return new Article(id, 7, "https://news.example/a/" + id, "guid-" + id, "Título " + id, null, T, T.plusSeconds(5),
                List.of("First paragraph.", "Second, with \"quotes\"."), null, null, "es", List.of("ES", "FR"),
                List.of("ES"), 40 + id, id % 2 == 0 ? 3 : 0);
    }

    static PendingEntry entry(long id, long source) {
        var fe = new FeedEntry("guid-" + id, "https://news.example/a/" + id, "Title " + id, "<p>summary</p>", null, T,
                null, "A. Writer", List.of("world"), List.of(new Enclosure("https://news.example/i.jpg", "image/jpeg", null)));
        return new PendingEntry(id, source, "https://news.example/a/" + id, "guid-" + id, fe, T);
    }

    @Test
    void articleStoredRoundTripsWithEveryField() {
        var event = new NewsEvent.ArticleStored(article(2));
        assertThat(WireFormat.decodeEvent(WireFormat.encode(event))).isEqualTo(event);
    }

    @Test
    void storyUpdatedRoundTrips() {
        var story = new Story(12, "A story", null, 12, T, T.plusSeconds(60), 3, 4, 5, 2, List.of("FR"), List.of("fr", "en"));
        var event = new NewsEvent.StoryUpdated(story, true, List.of(3L, 9L));
        assertThat(WireFormat.decodeEvent(WireFormat.encode(event))).isEqualTo(event);
    }

    @Test
    void pendingEntryRoundTrips() {
        PendingEntry e = entry(5, 9);
        assertThat(WireFormat.decodeEntry(WireFormat.encode(e))).isEqualTo(e);
    }

    @Test
    void envelopeIsVersionedAndTypedAndWritesNoDerivedGetters() {
        String json = new String(WireFormat.encode(new NewsEvent.ArticleStored(article(2))), UTF_8);
        assertThat(json).startsWith("{\"v\":1,\"type\":\"article_stored\",\"article\":{")
                .contains("\"discovered\":\"2026-12-06T10:15:35.123Z\"")
                .doesNotContain("\"copy\"", "\"text\"", "\"shownTime\"");
    }

    @Test
    void unknownFieldsAreIgnoredSoOlderReadersSurviveAddedFields() {
        String json = new String(WireFormat.encode(entry(5, 9)), UTF_8).replace("{\"v\":1,", "{\"v\":1,\"extra\":[1],");
        assertThat(WireFormat.decodeEntry(json.getBytes(UTF_8)).id()).isEqualTo(5);
    }

    @Test
    void badInputIsAClearErrorNeverAnotherException() {
        assertThatThrownBy(() -> WireFormat.decodeEvent("not json".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> WireFormat.decodeEvent(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireFormat.decodeEvent("{\"v\":2,\"type\":\"article_stored\"}".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> WireFormat.decodeEvent("{\"v\":1,\"type\":\"story_deleted\"}".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown event type 'story_deleted'");
        assertThatThrownBy(() -> WireFormat.decodeEvent("{\"v\":1,\"type\":\"article_stored\",\"article\":{\"id\":1}}"
                .getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed 'article'");
        assertThatThrownBy(() -> WireFormat.decodeEntry(WireFormat.encode(new NewsEvent.ArticleStored(article(1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a pending entry");
    }
}
