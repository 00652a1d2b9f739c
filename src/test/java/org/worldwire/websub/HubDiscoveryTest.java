package org.worldwire.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.worldwire.model.ParsedFeed;

class HubDiscoveryTest {
    private static final URI FETCHED = URI.create("https://news.example/feeds/world.xml");

    private static ParsedFeed feed(List<String> hubs, String self) {
        return new ParsedFeed("atom10", "t", null, null, null, hubs, self, List.of(), List.of());
    }

    @Test
    void parsesSeveralLinksAndRelationsInOneHeader() {
        var links = HubDiscovery.parseLinkHeader(
                "<https://hub.example/>; rel=\"hub\", <https://news.example/a.xml>; title=\"x, y\"; rel=\"self alternate\"");
        assertThat(links).extracting(HubDiscovery.Link::target).containsExactly("https://hub.example/", "https://news.example/a.xml");
        assertThat(links.get(1).rels()).containsExactly("self", "alternate");
    }

    @Test
    void linkHeadersWinOverTheDocument() {
        // WebSub §4: the subscriber checks the HTTP Link headers first.
        HubLinks l = HubDiscovery.discover(List.of("<https://hub.one/>; rel=hub, </canonical.xml>; rel=self"),
                feed(List.of("https://hub.two/"), "https://news.example/other.xml"), FETCHED);
        assertThat(l.hubs()).containsExactly(URI.create("https://hub.one/"));
        assertThat(l.self()).isEqualTo(URI.create("https://news.example/canonical.xml"));
    }

    @Test
    void fallsBackToTheDocumentsHubAndSelfLinks() {
        HubLinks l = HubDiscovery.discover(List.of(), feed(List.of("https://hub.two/", "https://hub.two/"), "world.xml"), FETCHED);
        assertThat(l.hubs()).containsExactly(URI.create("https://hub.two/"));
        assertThat(l.self()).isEqualTo(URI.create("https://news.example/feeds/world.xml"));
        assertThat(l.pushCapable()).isTrue();
    }

    @Test
    void ignoresMalformedHeadersAndNonHttpTargets() {
        HubLinks l = HubDiscovery.discover(List.of("garbage", "<javascript:alert(1)>; rel=hub", "<https://ok.example/"),
                null, FETCHED);
        assertThat(l.pushCapable()).isFalse();
        assertThat(l).isEqualTo(HubLinks.NONE);
    }
}
