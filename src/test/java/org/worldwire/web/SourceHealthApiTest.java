package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.store.HostOutage;
import org.worldwire.store.PollRecord;

/** Issue 16: a host that does not answer shows on its sources' health in the API instead of flooding the log. */
class SourceHealthApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSourcesApiShowsEachSourcesHealthAndItsHostsOutage(@TempDir Path dir) throws Exception {
        try (SiteFixture site = new SiteFixture(dir)) {
            Source down = site.source("Gone Daily", "FR", DisplayPolicy.EXCERPT);
            Source fine = site.source("Fine Times", "JP", DisplayPolicy.EXCERPT);
            Source fresh = site.source("Not Yet Polled", null, DisplayPolicy.EXCERPT);
            Instant since = Instant.parse("2026-03-01T10:00:00Z");
            site.store.sources().recordPoll(down.id(), new PollRecord(since, null, 0, "dns", "cannot resolve gone.example", null));
            site.store.sources().recordHostOutage(List.of(down.id()),
                    new HostOutage(since, "dns: cannot resolve gone.example", since.plusSeconds(240)));
            site.store.sources().recordPoll(fine.id(), new PollRecord(since, 200, 3, null, null, null));

            JsonNode sources = JSON.readTree(site.get("/api/v1/sources").body()).get("sources");
            JsonNode d = byId(sources, down.id()).get("health");
            assertThat(d.get("status").asText()).isEqualTo("unreachable");
            assertThat(d.get("error").asText()).isEqualTo("dns");
            assertThat(d.get("unreachable_since").asText()).isEqualTo("2026-03-01T10:00:00Z");
            assertThat(d.get("next_attempt").asText()).isEqualTo("2026-03-01T10:04:00Z");
            // Messages may name internal addresses: the public API gives the key only.
            assertThat(d.toString()).doesNotContain("gone.example");
            assertThat(byId(sources, fine.id()).get("health").get("status").asText()).isEqualTo("ok");
            assertThat(byId(sources, fresh.id()).get("health").get("status").asText()).isEqualTo("new");

            // A successful poll of the source clears the outage.
            site.store.sources().recordPoll(down.id(), new PollRecord(Instant.now(), 200, 0, null, null, null));
            assertThat(site.store.sources().health().stream().filter(h -> h.source().id() == down.id()).findFirst()
                    .orElseThrow().hostOutage()).isNull();
        }
    }

    private static JsonNode byId(JsonNode sources, long id) {
        for (JsonNode s : sources) if (s.get("id").asLong() == id) return s;
        throw new AssertionError("no source " + id + " in " + sources);
    }
}
