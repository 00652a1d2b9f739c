package org.worldwire.events.kafka;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.worldwire.events.NewsEvent;
import org.worldwire.model.Article;
import org.worldwire.model.Story;
import org.worldwire.store.PendingEntry;

/**
 * The JSON of Worldwire's Kafka records: an envelope {@code {"v":1,"type":…}} around the record's fields, so a
 * process of a later version can tell what it reads and an older one can skip what it does not know during a rolling
 * upgrade. Only record components are written (no derived getters such as {@code Article.isCopy()}); unknown fields
 * are ignored on reading, so adding a field does not break older readers.
 */
final class WireFormat {
    static final int VERSION = 1;
    static final String ARTICLE_STORED = "article_stored";
    static final String STORY_UPDATED = "story_updated";
    static final String PENDING_ENTRY = "pending_entry";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY);

    private WireFormat() {}

    static byte[] encode(NewsEvent event) {
        ObjectNode root = envelope(switch (event) {
            case NewsEvent.ArticleStored _ -> ARTICLE_STORED;
            case NewsEvent.StoryUpdated _ -> STORY_UPDATED;
        });
        switch (event) {
            case NewsEvent.ArticleStored(Article a) -> root.set("article", JSON.valueToTree(a));
            case NewsEvent.StoryUpdated(Story s, boolean created, List<Long> merged) -> {
                root.set("story", JSON.valueToTree(s));
                root.put("created", created);
                root.set("merged", JSON.valueToTree(merged));
            }
        }
        return bytes(root);
    }

    /** @throws IllegalArgumentException naming what is wrong when {@code bytes} is no event this version knows */
    static NewsEvent decodeEvent(byte[] bytes) {
        JsonNode root = read(bytes);
        String type = root.path("type").asText();
        return switch (type) {
            case ARTICLE_STORED -> new NewsEvent.ArticleStored(field(root, "article", Article.class));
            case STORY_UPDATED -> {
                List<Long> merged = new ArrayList<>();
                for (JsonNode id : root.path("merged")) merged.add(id.asLong());
                yield new NewsEvent.StoryUpdated(field(root, "story", Story.class), root.path("created").asBoolean(),
                        merged);
            }
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    static byte[] encode(PendingEntry entry) {
        ObjectNode root = envelope(PENDING_ENTRY);
        root.set("entry", JSON.valueToTree(entry));
        return bytes(root);
    }

    /** @throws IllegalArgumentException naming what is wrong when {@code bytes} is no entry this version knows */
    static PendingEntry decodeEntry(byte[] bytes) {
        JsonNode root = read(bytes);
        String type = root.path("type").asText();
        if (!PENDING_ENTRY.equals(type)) throw new IllegalArgumentException("not a pending entry: type '" + type + "'");
        return field(root, "entry", PendingEntry.class);
    }

    private static ObjectNode envelope(String type) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", VERSION);
        root.put("type", type);
        return root;
    }

    private static JsonNode read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        int v = root.path("v").asInt(-1);
        if (v != VERSION) throw new IllegalArgumentException("unsupported format version " + root.path("v"));
        return root;
    }

    /** The object {@code name} of {@code root} as a {@code type}; its constructor's checks apply. */
    private static <T> T field(JsonNode root, String name, Class<T> type) {
        JsonNode node = root.get(name);
        if (node == null || !node.isObject()) throw new IllegalArgumentException("missing object '" + name + "'");
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("malformed '" + name + "': " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON of our own records", e);
        }
    }
}
