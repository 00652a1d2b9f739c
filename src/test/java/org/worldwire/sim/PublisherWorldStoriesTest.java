package org.worldwire.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A running world on loopback publishes events, reports and copies, and its truth log says which is which. */
class PublisherWorldStoriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void truthLogRecordsEachArticlesEventAndOriginal() throws Exception {
        try (PublisherWorld w = PublisherWorld.start(SimConfig.defaults().withPublishers(40).withFaultyShare(0)
                .withAutoPublish(false).withInitialArticles(5).withSyndicatedShare(0.25))) {
            for (int i = 0; i < 600; i++) w.publishNow();
            String log = PublisherWorldTest.utf8(PublisherWorldTest.get(w.baseUrl().resolve("truth.jsonl")));
            Map<String, JsonNode> byUrl = new HashMap<>();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : log.split("\n")) {
                JsonNode n = JSON.readTree(line);
                assertThat(n.has("event")).as(line).isTrue();
                assertThat(n.get("event").isIntegralNumber()).isTrue();
                assertThat(n.has("copyOf")).as(line).isTrue();
                assertThat(n.get("copyOf").isNull() || n.get("copyOf").isTextual()).isTrue();
                byUrl.put(n.get("url").asText(), n);
                lines.add(n);
            }
            assertThat(lines).hasSize(40 * 5 + 600);

            int copies = 0;
            Map<Long, Set<String>> languagesByEvent = new HashMap<>();
            Map<Long, Integer> originalsByEvent = new HashMap<>();
            JsonNode aCopy = null;
            for (JsonNode n : lines) {
                long event = n.get("event").asLong();
                if (n.get("copyOf").isNull()) {
                    originalsByEvent.merge(event, 1, Integer::sum);
                    languagesByEvent.computeIfAbsent(event, k -> new HashSet<>()).add(n.get("language").asText());
                    continue;
                }
                copies++;
                JsonNode original = byUrl.get(n.get("copyOf").asText());
                assertThat(original).as("a copy's original is in the log").isNotNull();
                assertThat(original.get("copyOf").isNull()).isTrue();
                assertThat(original.get("event").asLong()).isEqualTo(event);
                assertThat(original.get("language").asText()).isEqualTo(n.get("language").asText());
                assertThat(original.get("publisher").asInt()).isNotEqualTo(n.get("publisher").asInt());
                assertThat(original.get("publishedAt").asText()).isLessThanOrEqualTo(n.get("publishedAt").asText());
                aCopy = n;
            }
            // A quarter of the live articles reprint another's, and none of the backlog does.
            assertThat(copies).isBetween(100, 200);
            long reportedWidely = originalsByEvent.entrySet().stream()
                    .filter(e -> e.getValue() >= 3 && languagesByEvent.get(e.getKey()).size() >= 2).count();
            assertThat(reportedWidely).as("events reported three times or more in two languages or more")
                    .isGreaterThanOrEqualTo(10);
            assertThat(originalsByEvent.size()).as("and many stories of their own").isGreaterThan(200);

            // The copy's page carries the original's text.
            String original = Jsoup.parse(PublisherWorldTest.utf8(PublisherWorldTest.get(
                    URI.create(aCopy.get("copyOf").asText())))).select(".article-body p, .td-post-content p, .post-body p, article p")
                    .first().text();
            String copyPage = Jsoup.parse(PublisherWorldTest.utf8(PublisherWorldTest.get(
                    URI.create(aCopy.get("url").asText())))).text();
            assertThat(copyPage).contains(original);
        }
    }
}
