package org.worldwire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcStoriesTest {
    @Test
    void aLongSummaryBecomesOneLine() {
        assertThat(JdbcStories.oneLine("The minister resigned on Tuesday after weeks of pressure. The party now meets."))
                .isEqualTo("The minister resigned on Tuesday after weeks of pressure.");
        assertThat(JdbcStories.oneLine("word ".repeat(100))).endsWith("…").hasSizeLessThanOrEqualTo(221);
        assertThat(JdbcStories.oneLine("  ")).isNull();
    }

    @Test
    void onlyTheLinesBeginningIsCollapsedAndItMatchesCollapsingTheWhole() {
        String text = "  First\tline  of\n\n a summary. " + "Then a much longer body of text follows ".repeat(400) + " \n";
        for (int max : new int[] {0, 1, 5, 12, 222, 100_000}) {
            String whole = text.strip().replaceAll("\\s+", " ");
            assertThat(JdbcStories.collapsedPrefix(text, max)).isEqualTo(whole.substring(0, Math.min(max, whole.length())));
        }
        String lead = "Officials said on Monday that the bridge would stay closed for weeks while engineers inspect it";
        assertThat(JdbcStories.oneLine(lead + "\n\n" + "and more ".repeat(5_000))).startsWith(lead + " and more").endsWith("…");
    }

    @Test
    void codesAreCommaSeparatedAndEmptyMeansNone() {
        assertThat(Rows.codes("TR,AZ")).containsExactly("TR", "AZ");
        assertThat(Rows.codes("")).isEmpty();
        assertThat(Rows.codes(null)).isEmpty();
        assertThat(Rows.strings("not json")).containsExactly("not json");
    }
}
