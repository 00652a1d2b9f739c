package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void slugsKeepLettersOfAnyScriptDropAccentsAndJoinWordsWithHyphens() {
        assertThat(Text.slug("Élection à Paris: 3 résultats!")).isEqualTo("election-a-paris-3-resultats");
        assertThat(Text.slug("قمة المناخ في باريس")).isEqualTo("قمة-المناخ-في-باريس");
        assertThat(Text.slug("«»—")).isEqualTo("article");
        assertThat(Text.slug("word ".repeat(40)).length()).isLessThanOrEqualTo(80);
    }

    @Test
    void excerptsCutAtAWordAndPreferTheSummary() {
        assertThat(Text.excerpt(List.of("one two three four five"), null, 12)).isEqualTo("one two…");
        assertThat(Text.excerpt(List.of("body"), "  The summary. ", 100)).isEqualTo("The summary.");
        assertThat(Text.excerpt(List.of("a", "b"), null, 100)).isEqualTo("a b");
    }

    @Test
    void relativeTimesReadLikeANewsroom() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        assertThat(Text.relative(now.minusSeconds(20), now)).isEqualTo("just now");
        assertThat(Text.relative(now.minusSeconds(180), now)).isEqualTo("3 min ago");
        assertThat(Text.relative(now.minusSeconds(7200), now)).isEqualTo("2 h ago");
        assertThat(Text.relative(now.minusSeconds(86_400), now)).isEqualTo("1 day ago");
        assertThat(Text.relative(Instant.parse("2026-10-01T00:00:00Z"), now)).isEqualTo("1 Oct 2026");
        assertThat(Text.exact(now)).isEqualTo("29 Nov 2026, 12:00 UTC");
    }

    @Test
    void countriesAreCheckedNamedAndFlagged() {
        assertThat(Text.iso2("fr")).isEqualTo("FR");
        assertThat(Text.iso2("ZZ")).isNull();
        assertThat(Text.iso2("FRA")).isNull();
        assertThat(Text.countryName("JP")).isEqualTo("Japan");
        assertThat(Text.flag("FR")).isEqualTo("\uD83C\uDDEB\uD83C\uDDF7");
        assertThat(Text.langTag("ar")).isEqualTo("ar");
        assertThat(Text.langTag("\"><script>")).isNull();
    }
}
