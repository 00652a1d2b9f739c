package org.worldwire.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    private static String c(String url) {
        return UrlCanonicalizer.canonicalize(url, null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # RFC 3986 6.2.2.1: scheme and host are case-insensitive
            HTTPS://News.Example.COM/World/Story      | https://news.example.com/World/Story
            # path case is significant to servers, so it stays
            https://example.com/A/b                   | https://example.com/A/b
            # RFC 3986 6.2.3: default ports say nothing
            http://example.com:80/a                   | http://example.com/a
            https://example.com:443/a                 | https://example.com/a
            # a non-default port is part of the address
            https://example.com:8443/a                | https://example.com:8443/a
            # an empty path is the root
            https://example.com                       | https://example.com/
            https://example.com?x=1                   | https://example.com/?x=1
            # fragments never reach the server
            https://example.com/a#comments            | https://example.com/a
            # but a hashbang fragment addresses content by convention
            https://example.com/#!/story/42           | https://example.com/#!/story/42
            # RFC 3986 5.2.4 dot segments
            https://example.com/a/./b/../c            | https://example.com/a/c
            https://example.com/../../a               | https://example.com/a
            https://example.com/a/b/..                | https://example.com/a/
            # %2E is a dot once unreserved escapes are decoded (RFC 3986 6.2.2.2)
            https://example.com/a/%2e%2E/b            | https://example.com/b
            # escapes are upper case; unreserved ones decoded
            https://example.com/caf%c3%a9/%7Euser     | https://example.com/caf%C3%A9/~user
            # reserved escapes keep their meaning, so they stay escaped
            https://example.com/a%2Fb?q=a%26b         | https://example.com/a%2Fb?q=a%26b
            # browsers send these escaped: spaces, non-ASCII, quotes, braces
            https://example.com/a b/é?q=x y           | https://example.com/a%20b/%C3%A9?q=x%20y
            # a stray percent is a literal percent
            https://example.com/100%/x                | https://example.com/100%25/x
            # browsers read backslashes as slashes in http(s) paths
            https://example.com\\a\\b                 | https://example.com/a/b
            # fully qualified host with the root dot
            https://example.com./a                    | https://example.com/a
            # credentials never identify an article and must not be stored
            https://user:secret@example.com/a         | https://example.com/a
            # IPv6 literals stay bracketed and lower-cased
            http://[2001:DB8::1]:8080/a               | http://[2001:db8::1]:8080/a
            # an empty query and empty parameters say nothing
            https://example.com/a?                    | https://example.com/a
            https://example.com/a?&&x=1&&             | https://example.com/a?x=1
            # order is kept: a server may read parameters by position
            https://example.com/a?z=1&a=2&z=3         | https://example.com/a?z=1&a=2&z=3
            # whitespace around and tabs/newlines inside are dropped, as browsers do
            '  https://example.com/a\tb  '            | https://example.com/ab
            """)
    void canonicalForm(String input, String expected) {
        assertThat(c(input)).isEqualTo(expected);
    }

    @Test
    void internationalisedHostBecomesPunycode() {
        // IDNA: the ASCII form is what DNS and most feeds use, so both spellings must meet.
        assertThat(c("https://Bücher.example/ä")).isEqualTo("https://xn--bcher-kva.example/%C3%A4");
        assertThat(c("https://xn--bcher-kva.example/%C3%A4")).isEqualTo("https://xn--bcher-kva.example/%C3%A4");
        assertThat(c("https://пример.рф/")).isEqualTo("https://xn--e1afmkfd.xn--p1ai/");
    }

    @Test
    void stripsTrackingParametersAndKeepsTheRest() {
        assertThat(c("https://example.com/story?id=7&utm_source=rss&utm_medium=feed&UTM_Campaign=x&page=2"))
                .isEqualTo("https://example.com/story?id=7&page=2");
        assertThat(c("https://example.com/s?fbclid=abc&gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&igshid=6"
                + "&_ga=7&yclid=8&ref_src=twsrc&cmpid=9&ns_mchannel=rss&ns_source=a&xtor=RSS-1&wt.mc_id=m"))
                .isEqualTo("https://example.com/s");
    }

    @Test
    void trackingNameIsMatchedAfterDecodingAndIgnoringCase() {
        assertThat(c("https://example.com/s?utm%5Fsource=x&q=1")).isEqualTo("https://example.com/s?q=1");
        assertThat(c("https://example.com/s?FBCLID=1")).isEqualTo("https://example.com/s");
    }

    @Test
    void parametersThatOnlyResembleTrackingStay() {
        // "ref", "source", "campaign", "id" are content parameters on many sites: only vendor names are removed.
        assertThat(c("https://example.com/s?ref=main&source=x&utm=1&campaign=2&sns_id=3"))
                .isEqualTo("https://example.com/s?ref=main&source=x&utm=1&campaign=2&sns_id=3");
    }

    @Test
    void resolvesRelativeLinksAgainstTheBase() {
        String base = "https://Example.com/world/europe/index.html?x=1";
        assertThat(UrlCanonicalizer.canonicalize("story.html", base)).isEqualTo("https://example.com/world/europe/story.html");
        assertThat(UrlCanonicalizer.canonicalize("../asia/a", base)).isEqualTo("https://example.com/world/asia/a");
        assertThat(UrlCanonicalizer.canonicalize("/top", base)).isEqualTo("https://example.com/top");
        assertThat(UrlCanonicalizer.canonicalize("?page=2", base)).isEqualTo("https://example.com/world/europe/index.html?page=2");
        assertThat(UrlCanonicalizer.canonicalize("//cdn.example.org/p", base)).isEqualTo("https://cdn.example.org/p");
    }

    @Test
    void emptyLinkIsRefusedEvenWithABase() {
        // RFC 3986 would resolve "" to the base, but an empty <link> in a feed names no article: taking the
        // feed's own page as the article would merge every such entry into one.
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("  ", "https://example.com/feed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void absoluteUrlIgnoresTheBase() {
        assertThat(UrlCanonicalizer.canonicalize("http://other.example/a", "https://example.com/"))
                .isEqualTo("http://other.example/a");
    }

    @Test
    void isIdempotent() {
        String[] inputs = {
            "HTTPS://Bücher.example:443/a/./b/../c%7e?utm_source=x&q=a b#frag",
            "http://example.com/%zz/%41?x=%2f",
            "https://example.com/a?b&c=&=d",
        };
        for (String in : inputs) {
            String once = c(in);
            assertThat(c(once)).as(in).isEqualTo(once);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:alert(1)", "mailto:desk@example.com", "data:text/html,<b>x</b>", "file:///etc/passwd",
        "ftp://example.com/a", "tel:+123", "localhost:8080/a",
    })
    void refusesNonHttpSchemes(String url) {
        assertThatThrownBy(() -> c(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http(s) URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://", "https:///path", "http://exa mple.com/", "https://example.com:99999/", "https://example.com:8o/",
        "https://[::1/", "http:relative", "https://a..b/", "   ",
    })
    void refusesUnusableUrlsWithAClearReason(String url) {
        assertThatThrownBy(() -> c(url)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
    }

    @Test
    void relativeUrlNeedsABase() {
        assertThatThrownBy(() -> c("/a/b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a base");
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("a", "mailto:x@example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOverlongInputToBoundTheWork() {
        String url = "https://example.com/" + "a".repeat(UrlCanonicalizer.MAX_LENGTH);
        assertThatThrownBy(() -> c(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
    }

    @Test
    void arbitraryInputYieldsACanonicalUrlOrAnIllegalArgumentNeverAnotherException() {
        // Links in feeds are anything at all: the pipeline relies on this method failing only in the documented way.
        java.util.Random random = new java.util.Random(2026);
        String alphabet = "htps:/\\?#&=%.-_~@[]:0123456789aAzZ é中\u0000\t\n +;!$'()*,\"<>{}|^`\uD800\uDC00xn--";
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "https://" : "");
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String input = sb.toString();
            try {
                String once = UrlCanonicalizer.canonicalize(input, random.nextBoolean() ? "https://example.com/a/b" : null);
                accepted++;
                assertThat(once).as(input).startsWith("http").doesNotContain(" ", "#x");
                assertThat(UrlCanonicalizer.canonicalize(once, null)).as("idempotent for %s", input).isEqualTo(once);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(accepted).isGreaterThan(1000);
    }
}
